"""``edition build``: validate, then write every output into a fresh folder and swap it in.

The outputs are written to a temporary folder beside the destination; only when
all of them are written does it replace the previous build, so a failed build
leaves the previous output as it was.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path

from .documents import Work, works
from .errors import EditionError
from .project import Project
from .saxon import Stylesheets
from .validate import validate

FORMATS = ("text",)
TEXT_VIEWS = {"reading": "{id}.txt", "diplomatic": "{id}.diplomatic.txt"}


def build(project: Project, formats: tuple[str, ...] = FORMATS, out: Path | None = None,
          progress: Callable[[str], None] = lambda message: None) -> Path:
    """Build the edition into ``out`` (default build/); the folder written."""
    problems = validate(project)
    if problems:
        raise EditionError(problems)
    out = (out or project.build).resolve()
    out.parent.mkdir(parents=True, exist_ok=True)
    stylesheets = Stylesheets(project.xslt, ["text.xsl"])
    staging = Path(tempfile.mkdtemp(prefix=f".{out.name}-", dir=out.parent))
    try:
        for work in works(project):
            if "text" in formats:
                progress(f"text  {work.id}")
                write_text(stylesheets, work, staging / "text")
        _swap(staging, out)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return out


def write_text(stylesheets: Stylesheets, work: Work, folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for view, name in TEXT_VIEWS.items():
        text = render_text(stylesheets, work, view)
        (folder / name.format(id=work.id)).write_text(text, encoding="utf-8")


def render_text(stylesheets: Stylesheets, work: Work, view: str) -> str:
    return stylesheets.transform("text.xsl", work.file.tree, work.path, {"view": view})


def _swap(staging: Path, out: Path) -> None:
    """Replace ``out`` by ``staging`` with renames, never leaving a half-written build."""
    previous = out.with_name(f".{out.name}-previous")
    shutil.rmtree(previous, ignore_errors=True)
    if out.exists():
        out.rename(previous)
    staging.rename(out)
    shutil.rmtree(previous, ignore_errors=True)
