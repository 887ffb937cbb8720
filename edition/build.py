"""``edition build``: validate, then write every output into a fresh folder and swap it in.

The outputs are written to a temporary folder beside the destination; only when
all of them are written does it replace the previous build, so a failed build
leaves the previous output as it was.
"""

from __future__ import annotations

import fcntl
import shutil
import tempfile
from collections.abc import Callable
from contextlib import contextmanager
from pathlib import Path

from . import documents, manifest
from . import validate as validation
from .errors import EditionError
from .outputs import dts, html, pdf, print_html, search, text
from .project import Project
from .saxon import Stylesheets

# Each format and the output modules that make it, in the order they run.
FORMATS = {"text": [text], "html": [html, search], "pdf": [print_html, pdf], "dts": [dts]}


def build(project: Project, formats: tuple[str, ...] = tuple(FORMATS), out: Path | None = None,
          progress: Callable[[str], None] = lambda message: None) -> Path:
    """Build the edition into ``out`` (default build/); the folder written."""
    files, problems = validation.parse_all(project.text_files())
    problems += validation.check(project, files)
    if problems:
        raise EditionError(problems)
    modules = [module for name in formats for module in FORMATS[name]]
    stylesheets = Stylesheets(project.xslt, sorted({name for m in modules for name in m.STYLESHEETS}))
    edition = documents.load(project, stylesheets, progress, files)
    out = (out or project.build).resolve()
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        with _exclusive(out):
            _recover(out)
            staging = Path(tempfile.mkdtemp(prefix=f".{out.name}-", dir=out.parent))
            try:
                for module in modules:
                    module.write(edition, staging)
                manifest.write(project, stylesheets.version, staging)
                _swap(staging, out)
            finally:
                shutil.rmtree(staging, ignore_errors=True)
    except OSError as error:
        raise EditionError.at(error.filename or out, f"cannot write the build: {error.strerror}; "
                              "the previous build is unchanged") from None
    return out


@contextmanager
def _exclusive(out: Path):
    """Hold the build's lock; a second build at the same time is refused, never mixed in."""
    with open(out.with_name(f".{out.name}.lock"), "w") as lock:
        try:
            fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise EditionError.at(out, "another build is writing this folder; try again when it has finished") from None
        yield


def _recover(out: Path) -> None:
    """Undo what a killed build left: its staging folders, or a swap cut in the middle."""
    previous = out.with_name(f".{out.name}-previous")
    if previous.exists() and not out.exists():
        previous.rename(out)
    for stale in out.parent.glob(f".{out.name}-*"):
        if stale.is_dir():
            shutil.rmtree(stale, ignore_errors=True)


def _swap(staging: Path, out: Path) -> None:
    """Replace ``out`` by ``staging`` with renames, never leaving a half-written build."""
    previous = out.with_name(f".{out.name}-previous")
    shutil.rmtree(previous, ignore_errors=True)
    if out.exists():
        out.rename(previous)
    staging.rename(out)
    shutil.rmtree(previous, ignore_errors=True)
