"""Full builds of one format alone (the DTS files, the PDFs) of a synthetic edition: wall time
and peak memory, so that what each format costs is seen apart from the html and text of the
other rows. `python -m bench.formats` prints the rows; bench/__main__.py puts them in the report.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from . import synthetic
from .corpora import ROOT
from .measure import BuildFailed, _summary
from .memory import PeakMemory

# Each format measured alone, and the sizes of edition it is measured at.
SIZES = {"dts": (400, 1_200), "pdf": (100,)}


@dataclass
class FormatRow:
    format: str
    documents: int
    jobs: int
    seconds: float = 0.0  # wall time of the full build
    peak: int = 0  # bytes: the build's process and its workers together
    error: str = ""

    @property
    def per_document_ms(self) -> float:
        return 1000 * self.seconds / self.documents


def format_rows(jobs: int | None = None, sizes: dict[str, tuple[int, ...]] = SIZES) -> list[FormatRow]:
    """A full build of each format alone at each size, one run each (their figures are their
    memory and their cost per document, which do not need a median)."""
    jobs = jobs or os.cpu_count() or 1
    rows = []
    for documents in sorted({size for counts in sizes.values() for size in counts}):
        with tempfile.TemporaryDirectory(prefix="bench-") as folder:
            corpus = synthetic.generate(ROOT / "texts", Path(folder) / "texts", documents)
            for name, counts in sizes.items():
                if documents in counts:
                    rows.append(_row(FormatRow(name, documents, jobs), corpus.folder, Path(folder) / name))
    return rows


def _row(row: FormatRow, texts: Path, out: Path) -> FormatRow:
    try:
        row.seconds, row.peak = build(texts, out, row.format, row.jobs)
    except BuildFailed as error:
        row.error = str(error)
    return row


def build(texts: Path, out: Path, format: str, jobs: int) -> tuple[float, int]:
    """`edition build --format <format>` of ``texts`` into ``out``: seconds and peak bytes."""
    command = [sys.executable, "-m", "edition.cli", "build", "--texts", str(texts), "--out", str(out),
               "--format", format, "--jobs", str(jobs), "--quiet"]
    with tempfile.TemporaryFile() as errors:
        start = time.perf_counter()
        process = subprocess.Popen(command, cwd=ROOT, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                   stderr=errors)
        memory = PeakMemory(process.pid)
        memory.start()
        status = process.wait()
        seconds, peak = time.perf_counter() - start, memory.stop()
        if status != 0:
            errors.seek(0)
            raise BuildFailed(_summary(errors.read().decode("utf-8", "replace"), status))
    return seconds, peak


def table(rows: list[FormatRow]) -> str:
    lines = ["| format | documents | jobs | seconds | ms a document | peak memory |", "| --- | ---: | ---: | ---: | ---: | ---: |"]
    for row in rows:
        if row.error:
            lines.append(f"| {row.format} | {row.documents:,} | {row.jobs} | failed: {row.error} | | |")
        else:
            lines.append(f"| {row.format} | {row.documents:,} | {row.jobs} | {row.seconds:.1f} | "
                         f"{row.per_document_ms:.0f} | {row.peak / 1e6:.0f} MB |")
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.formats", description=__doc__.split("\n\n")[0])
    parser.add_argument("--format", choices=list(SIZES), action="append", help="only this format (repeatable)")
    parser.add_argument("--documents", type=int, action="append", help="only this size of edition (repeatable)")
    parser.add_argument("--jobs", type=int, help="worker processes (default: one per core)")
    chosen = parser.parse_args()
    sizes = {name: tuple(chosen.documents or counts) for name, counts in SIZES.items()
             if name in (chosen.format or SIZES)}
    rows = format_rows(chosen.jobs, sizes)
    print(table(rows))
    return 1 if any(row.error for row in rows) else 0


if __name__ == "__main__":
    sys.exit(main())
