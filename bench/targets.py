"""The performance targets, and whether the measured figures meet them."""

from __future__ import annotations

import os
from dataclasses import dataclass

from .corpora import eltec, synthetic_name
from .report import MB, RebuildRow, Row

LEVEL1 = eltec(1).name
INCREMENTAL, WARM = "incremental", "warm, in the server (every format)"
WARM_HTML_TEXT = "warm, html and text only"
SERVED = "served: the edited page answered (full: its PDF, after every format)"


@dataclass(frozen=True)
class Target:
    goal: str
    measured: str = "not run"
    met: bool | None = None


PER_DOCUMENT_MS = 7  # synthetic 1,000, html and text, every core: the peer's 15 ms on one core, halved
ENGINE_RATIO = 2  # ELTeC level 1, one job: at most this many times the engine floor
PAGE_BYTES = 1_000_000  # no page of the site larger, at 10,000 documents


def evaluate(rows: list[Row], rebuilds: list[RebuildRow]) -> list[Target]:
    return [_per_document(rows), _engine_ratio(rows), _floor_ratio(rows), _speed_up(rows), _memory(rows),
            _largest_page(rows), _incremental(rebuilds), _warm(rebuilds)]


def _per_document(rows: list[Row]) -> Target:
    jobs, name = os.cpu_count() or 1, synthetic_name(1_000)
    goal = f"{name}, html and text, {jobs} jobs: at most {PER_DOCUMENT_MS} ms a document"
    row = _row(rows, name, jobs)
    if not row or row.per_document is None:
        return _missing(goal, row)
    peer = f"; the peer {row.peer.per_document * 1000:.1f} ms on one core" if row.peer else ""
    return Target(goal, f"{row.per_document * 1000:.1f} ms{peer}", row.per_document * 1000 <= PER_DOCUMENT_MS)


def _engine_ratio(rows: list[Row]) -> Target:
    goal = f"{LEVEL1}, html and text, 1 job: at most {ENGINE_RATIO}× the engine floor"
    row = _row(rows, LEVEL1, 1)
    if not row or row.engine_ratio is None:
        return _missing(goal, row)
    cpu = f"; processor time {row.engine_cpu_ratio:.1f}×" if row.engine_cpu_ratio else ""
    return Target(goal, f"{row.engine_ratio:.1f}× ({row.seconds:.2f} s, engine floor {row.engine.seconds:.2f} s{cpu})",
                  row.engine_ratio <= ENGINE_RATIO)


def _largest_page(rows: list[Row]) -> Target:
    name = synthetic_name(10_000)
    goal = f"{name}: no page of the site over {PAGE_BYTES / MB:.0f} MB"
    row = next((row for row in rows if row.corpus == name and row.largest), None)
    if row is None:
        return _missing(goal, next((row for row in rows if row.corpus == name), None))
    return Target(goal, f"{row.largest.name}, {row.largest.size / MB:.2f} MB", row.largest.size <= PAGE_BYTES)


def _floor_ratio(rows: list[Row]) -> Target:
    jobs = os.cpu_count() or 1
    goal = f"{LEVEL1}, html and text, {jobs} jobs: at most 5× the floor"
    row = _row(rows, LEVEL1, jobs)
    if not row or row.ratio is None:
        return _missing(goal, row)
    return Target(goal, f"{row.ratio:.1f}× ({row.seconds:.2f} s, floor {row.floor:.2f} s)", row.ratio <= 5)


def _speed_up(rows: list[Row]) -> Target:
    goal = f"{LEVEL1}: 2 jobs at least 1.7 times as fast as 1"
    one, two = _row(rows, LEVEL1, 1), _row(rows, LEVEL1, 2)
    if not (one and two and one.seconds and two.seconds):
        return _missing(goal, one or two)
    speed_up = one.seconds / two.seconds
    return Target(goal, f"{speed_up:.2f} ({one.seconds:.2f} s / {two.seconds:.2f} s)", speed_up >= 1.7)


def _memory(rows: list[Row]) -> Target:
    name = synthetic_name(10_000)
    ran = [row for row in rows if row.corpus == name]
    formats = ", ".join(ran[0].formats) if ran else "every default format"
    goal = f"{name}, {formats}: peak memory under 1 GB (the largest of its rows)"
    peaks = [row.peak for row in ran if row.peak]
    if not peaks:
        return _missing(goal, ran[0] if ran else None)
    return Target(goal, f"{max(peaks) / MB:,.0f} MB", max(peaks) < 1000 * MB)


def _incremental(rebuilds: list[RebuildRow]) -> Target:
    goal = f"{synthetic_name(1_000)}: rebuild after one edited document under 5% of the full build"
    row = _rebuild(rebuilds, INCREMENTAL)
    if not row or row.share is None:
        return _missing(goal, row)
    return Target(goal, f"{row.share:.1%} ({row.rebuild:.2f} s / {row.full:.2f} s)", row.share < 0.05)


def _warm(rebuilds: list[RebuildRow]) -> Target:
    goal = "this edition: `edition serve` answers the edited page under 50 ms after the edit is saved"
    row = _rebuild(rebuilds, SERVED)
    if not row or row.rebuild is None:
        return _missing(goal, row)
    return Target(goal, f"{row.rebuild * 1000:.0f} ms", row.rebuild < 0.05)


def _missing(goal: str, row) -> Target:
    """Not measured: its rows were not run, or they failed (the tables above say why)."""
    return Target(goal, "failed: see above" if row else "not run")


def _row(rows: list[Row], corpus: str, jobs: int) -> Row | None:
    return next((row for row in rows if row.corpus == corpus and row.jobs == jobs), None)


def _rebuild(rebuilds: list[RebuildRow], name: str) -> RebuildRow | None:
    return next((row for row in rebuilds if row.name == name), None)
