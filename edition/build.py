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

from . import documents, manifest
from .errors import EditionError
from .outputs import dts, html, pdf, print_html, text
from .project import Project
from .saxon import Stylesheets
from .validate import validate

# Each format and the output modules that make it, in the order they run.
FORMATS = {"text": [text], "html": [html], "pdf": [print_html, pdf], "dts": [dts]}


def build(project: Project, formats: tuple[str, ...] = tuple(FORMATS), out: Path | None = None,
          progress: Callable[[str], None] = lambda message: None) -> Path:
    """Build the edition into ``out`` (default build/); the folder written."""
    problems = validate(project)
    if problems:
        raise EditionError(problems)
    modules = [module for name in formats for module in FORMATS[name]]
    stylesheets = Stylesheets(project.xslt, sorted({name for m in modules for name in m.STYLESHEETS}))
    edition = documents.load(project, stylesheets, progress)
    out = (out or project.build).resolve()
    out.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{out.name}-", dir=out.parent))
    try:
        for module in modules:
            module.write(edition, staging)
        manifest.write(project, stylesheets.version, staging)
        _swap(staging, out)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return out


def _swap(staging: Path, out: Path) -> None:
    """Replace ``out`` by ``staging`` with renames, never leaving a half-written build."""
    previous = out.with_name(f".{out.name}-previous")
    shutil.rmtree(previous, ignore_errors=True)
    if out.exists():
        out.rename(previous)
    staging.rename(out)
    shutil.rmtree(previous, ignore_errors=True)
