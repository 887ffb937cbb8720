"""Rebuilds after one edited document: incremental (`edition build` into the same
folder) and warm (the server's Builder, which keeps its compiled stylesheets)."""

from __future__ import annotations

import dataclasses
import shutil
import statistics
import tempfile
from dataclasses import dataclass
from pathlib import Path

from edition.build import Builder
from edition.errors import EditionError
from edition.render import FORMATS as ALL_FORMATS
from edition.project import find_project

from .corpora import ROOT, Corpus
from .edits import toggle_word
from .measure import FORMATS, BuildFailed, build, timed

WARM_EDITS = 5


@dataclass(frozen=True)
class Rebuild:
    full: float  # seconds of the full build it is compared with (median)
    rebuild: float  # seconds of the rebuild after one edit (median)


def incremental(corpus: Corpus, edited: Path, jobs: int, runs: int) -> Rebuild:
    """Each run: a full build into a new folder, one edit of ``edited``, a rebuild into the same folder."""
    fulls, rebuilds = [], []
    for _ in range(runs):
        with tempfile.TemporaryDirectory(prefix="bench-") as folder:
            out = Path(folder) / "build"
            fulls.append(build(corpus, out, jobs).seconds)
            toggle_word(edited)
            rebuilds.append(build(corpus, out, jobs).seconds)
    return Rebuild(statistics.median(fulls), statistics.median(rebuilds))


def warm(formats: tuple[str, ...] | None = None, edited: str = "mim-program-1996.xml") -> Rebuild:
    """A Builder's first build of a copy of texts/, then its rebuild after each of several
    edits; every format, as `edition serve` builds, unless ``formats`` are given."""
    with tempfile.TemporaryDirectory(prefix="bench-") as folder:
        texts = Path(shutil.copytree(ROOT / "texts", Path(folder) / "texts"))
        builder = _builder(texts, Path(folder) / "build", formats)
        try:
            first = _timed_build(builder)
            times = []
            for _ in range(WARM_EDITS):
                toggle_word(texts / edited)
                times.append(_timed_build(builder))
        finally:
            builder.close()  # its worker processes
    return Rebuild(first, statistics.median(times))


def _timed_build(builder: Builder) -> float:
    try:
        return timed(builder.build)
    except EditionError as error:
        raise BuildFailed(str(error)) from error


def _builder(texts: Path, out: Path, formats: tuple[str, ...] | None) -> Builder:
    """The library's Builder as `edition serve` keeps one, on another folder of texts."""
    project = dataclasses.replace(find_project(ROOT), texts_folder=texts)
    return Builder(project, formats or tuple(ALL_FORMATS), out=out, jobs=1)
