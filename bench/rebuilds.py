"""Rebuilds after one edited document: incremental (`edition build` into the same
folder), warm (the server's Builder, which keeps its compiled stylesheets), and served (the
running `edition serve`: the edited page answered first, the PDF after the build)."""

from __future__ import annotations

import dataclasses
import http.client
import shutil
import statistics
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

from edition import serve
from edition.build import Builder
from edition.build import build as build_edition
from edition.errors import EditionError
from edition.render import FORMATS as ALL_FORMATS
from edition.project import find_project

from .corpora import ROOT, Corpus
from .edits import toggle_word
from .measure import BuildFailed, build, timed

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


@dataclass(frozen=True)
class Preview:
    page: float  # seconds from saving an edit to the edited page answered with it (median)
    pdf: float  # seconds from saving an edit to its PDF answered, after the build of every format (median)


def served(edited: str = "mim-program-1996.xml") -> Preview:
    """`edition serve` on a copy of texts/, built first and started as an editor starts it; after
    each of several edits, the time from saving the file to the edited page answered by the
    running server with the new text, then to the document's PDF answered (a request for it
    waits for the build of every format in the background)."""
    with tempfile.TemporaryDirectory(prefix="bench-") as folder:
        texts = Path(shutil.copytree(ROOT / "texts", Path(folder) / "texts"))
        project = dataclasses.replace(find_project(ROOT), texts_folder=texts)
        out = build_edition(project, out=Path(folder) / "build")
        server = serve.make_server(project, "127.0.0.1", 0, folder=out)
        stop = threading.Event()
        watcher = serve.watch(server.site, stop)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        try:
            return _edits(server.server_port, texts / edited, f"/{Path(edited).stem}.html",
                          f"/pdf/{Path(edited).stem}.pdf")
        finally:
            stop.set()
            watcher.join()
            server.shutdown()
            server.server_close()  # and the server's worker process


def _edits(port: int, source: Path, page: str, pdf: str) -> Preview:
    pages, pdfs = [], []
    shown = _get(port, page)
    for _ in range(WARM_EDITS):
        toggle_word(source)
        saved = time.perf_counter()
        answer = _get(port, page)
        pages.append(time.perf_counter() - saved)
        if answer == shown:  # each edit changes one letter of the text: the same page is the old one
            raise BuildFailed(f"{page} was answered without the edit of {source.name}")
        _get(port, pdf)
        pdfs.append(time.perf_counter() - saved)
        shown = answer
    return Preview(statistics.median(pages), statistics.median(pdfs))


def _get(port: int, target: str) -> bytes:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=300)
    try:
        connection.request("GET", target)
        response = connection.getresponse()
        body = response.read()
    finally:
        connection.close()
    if response.status != 200:
        raise BuildFailed(f"edition serve answered {target} with {response.status}")
    return body
