"""Where an edition's files are, and its deployment settings from ``[tool.edition]``."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from .errors import EditionError
from .isolation import Limits
from .xmlfile import MAX_SOURCE_BYTES

PAPER_SIZES = ("a4", "letter")


@dataclass(frozen=True)
class Project:
    root: Path
    base_url: str = ""
    paper_size: str = "a4"
    settings: dict = field(default_factory=dict)
    texts_folder: Path | None = None  # another folder of TEI files to build (default: texts/)
    limits: Limits = Limits()  # what validating or building one document may take
    max_source_bytes: int = MAX_SOURCE_BYTES

    @property
    def texts(self) -> Path:
        return self.texts_folder or self.root / "texts"

    @property
    def schema(self) -> Path:
        return self.root / "schema"

    @property
    def xslt(self) -> Path:
        return self.root / "xslt"

    @property
    def build(self) -> Path:
        return self.root / "build"

    def text_files(self) -> list[Path]:
        """Every TEI file of the edition, in a stable order."""
        return tei_files(self.texts)


def tei_files(folder: Path) -> list[Path]:
    """The TEI files of a folder in the order of their names (sorted as strings: comparing
    paths is some 50 times slower, and an edition has thousands)."""
    return sorted(folder.glob("*.xml"), key=lambda path: path.name)


def find_project(start: Path | None = None) -> Project:
    """The edition whose pyproject.toml has ``[tool.edition]``, from ``start`` upwards."""
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        pyproject = folder / "pyproject.toml"
        if pyproject.is_file():
            settings = _edition_settings(pyproject)
            if settings is not None:
                return _project(folder, settings, pyproject)
    raise NotAnEdition.at(here, "not inside an edition: no pyproject.toml with [tool.edition] here or above")


class NotAnEdition(EditionError):
    """The command was run outside an edition: a usage error (exit status 2), not a problem
    of the sources (exit status 1)."""


def _edition_settings(pyproject: Path) -> dict | None:
    try:
        data = tomllib.loads(pyproject.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as error:
        raise EditionError.at(pyproject, f"invalid TOML: {error}") from None
    return data.get("tool", {}).get("edition")


def _project(root: Path, settings: dict, pyproject: Path) -> Project:
    paper = settings.get("paper-size", "a4")
    if paper not in PAPER_SIZES:
        raise EditionError.at(pyproject, f"[tool.edition] paper-size must be one of {', '.join(PAPER_SIZES)}, not {paper!r}")
    limits = Limits(_positive(settings, "time-limit-seconds", Limits.seconds, pyproject),
                    int(_positive(settings, "memory-limit-mb", Limits.memory_mb, pyproject)))
    source_bytes = int(_positive(settings, "max-source-mb", MAX_SOURCE_BYTES / 1_000_000, pyproject) * 1_000_000)
    return Project(root, settings.get("base-url", ""), paper, settings, limits=limits, max_source_bytes=source_bytes)


def _positive(settings: dict, name: str, default: float, pyproject: Path) -> float:
    value = settings.get(name, default)
    if isinstance(value, bool) or not isinstance(value, (int, float)) or value <= 0:
        raise EditionError.at(pyproject, f"[tool.edition] {name} must be a positive number, not {value!r}")
    return value
