"""Timing: `edition build` as a subprocess (wall time and peak memory), and the floor."""

from __future__ import annotations

import resource
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from .corpora import ROOT, Corpus
from .floor import parse_and_serialise
from .memory import PeakMemory

FORMATS = ("html", "text")  # the formats of most rows: those a reader's pages are made of
PAGES = "html/**/*.html"  # the site's pages, of which the largest is reported


class BuildFailed(Exception):
    """`edition build` exited with an error; the message is what it printed."""


@dataclass(frozen=True)
class Page:
    name: str  # relative to the build's html/
    size: int  # bytes


@dataclass(frozen=True)
class Build:
    seconds: float
    peak: int  # bytes: the process and its workers together
    largest: Page | None = None  # the site's largest page
    cpu: float | None = None  # seconds of processor time, the process and its workers together


def build_command(corpus: Corpus, out: Path, jobs: int, formats: tuple[str, ...] = FORMATS) -> list[str]:
    command = [sys.executable, "-m", "edition.cli", "build", "--texts", str(corpus.folder), "--out", str(out),
               "--format", ",".join(formats), "--jobs", str(jobs), "--quiet"]
    return command + ["--lenient"] if corpus.lenient else command


def build(corpus: Corpus, out: Path, jobs: int, formats: tuple[str, ...] = FORMATS) -> Build:
    """One build into ``out``: a full build if it is new or empty, else an incremental one."""
    with tempfile.TemporaryFile() as errors:
        start, used = time.perf_counter(), _children_cpu()
        process = subprocess.Popen(build_command(corpus, out, jobs, formats), cwd=ROOT,
                                   stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=errors)
        memory = PeakMemory(process.pid)
        memory.start()
        status = process.wait()
        seconds, peak, cpu = time.perf_counter() - start, memory.stop(), _children_cpu() - used
        if status != 0:
            errors.seek(0)
            raise BuildFailed(_summary(errors.read().decode("utf-8", "replace"), status))
    return Build(seconds, peak, largest_page(out), cpu)


def _children_cpu() -> float:
    """User and system seconds of this process's children that have ended, and of theirs that
    those waited for: a build's, its workers' included, once it has ended. Unlike the wall time,
    it barely grows when other programs share the machine."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def largest_page(out: Path) -> Page | None:
    """The largest page of the site a build wrote (the released versions' among them)."""
    sizes = [(path.stat().st_size, path) for path in out.glob(PAGES)]
    if not sizes:
        return None
    size, path = max(sizes)
    return Page(path.relative_to(out / "html").as_posix(), size)


def full_builds(corpus: Corpus, jobs: int, runs: int, formats: tuple[str, ...] = FORMATS) -> list[Build]:
    """``runs`` full builds, each into a new, empty output folder."""
    results = []
    for _ in range(runs):
        with tempfile.TemporaryDirectory(prefix="bench-") as folder:
            results.append(build(corpus, Path(folder) / "build", jobs, formats))
    return results


def floor(corpus: Corpus, runs: int) -> float:
    """Median seconds for lxml to parse and serialise the corpus, in this process."""
    return statistics.median(timed(lambda: parse_and_serialise(corpus.files)) for _ in range(runs))


def timed(action) -> float:
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def _summary(stderr: str, status: int) -> str:
    """The last lines the build printed, enough to say why it failed."""
    lines = [line for line in stderr.strip().splitlines() if line.strip()]
    return f"exit {status}: " + (" / ".join(lines[-3:]) if lines else "no message")
