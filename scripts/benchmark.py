#!/usr/bin/env python3
"""Time `edition build`: the whole edition and each format alone, median of N runs.

Usage: python scripts/benchmark.py [--runs 5]
Prints a table; asserts nothing. Each run is a fresh process-level build call into a
temporary folder, so compile time is included, as an editor would see it.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

from edition import build as builder
from edition.project import find_project


def timed(project, formats, runs: int) -> list[float]:
    times = []
    for _ in range(runs):
        with tempfile.TemporaryDirectory() as folder:
            start = time.perf_counter()
            builder.build(project, formats=formats, out=Path(folder) / "build")
            times.append(time.perf_counter() - start)
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    runs = parser.parse_args().runs
    project = find_project(Path(__file__).resolve().parents[1])
    rows = [("all formats", tuple(builder.FORMATS))] + [(name, (name,)) for name in builder.FORMATS]
    print(f"{'build':<14} {'median s':>9} {'min s':>7} {'max s':>7}  (runs: {runs})")
    for label, formats in rows:
        times = timed(project, formats, runs)
        print(f"{label:<14} {statistics.median(times):>9.3f} {min(times):>7.3f} {max(times):>7.3f}")


if __name__ == "__main__":
    main()
