"""`python -m bench`: measure the build on every corpus, print the tables, write docs/performance.md."""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
from pathlib import Path

from edition.build import FORMATS as DEFAULT_FORMATS

from . import corpora, engine, formats, kept, measure, profile, rebuilds, report, synthetic, targets
from .corpora import ROOT, Corpus, Unavailable
from .measure import FORMATS, BuildFailed
from .report import RebuildRow, Row, plural

DOCUMENT = ROOT / "docs" / "performance.md"


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def job_counts(corpus: Corpus) -> list[int]:
    """1 and every core; ELTeC level 1 also 2, for the speed-up target."""
    counts = {1, os.cpu_count() or 1} | ({2} if corpus.name == targets.LEVEL1 else set())
    return sorted(counts)


def corpus_rows(corpus: Corpus, runs: int, jobs: list[int] | None = None, formats: tuple[str, ...] = FORMATS,
                beside_engine: bool = False) -> list[Row]:
    """A row for each number of jobs; ``beside_engine``: with the engine floor and the peer."""
    try:
        documents, size = corpus.documents, corpus.size
    except Unavailable as error:
        return [Row(corpus.name, error=str(error))]
    log(f"{corpus.name}: {documents:,} files, {size / report.MB:.1f} MB")
    floor = measure.floor(corpus, runs)
    rows = [_jobs_row(Row(corpus.name, count, formats, runs, documents, size, floor), corpus, runs)
            for count in jobs or job_counts(corpus)]
    if beside_engine:
        _beside_engine(rows, corpus, runs)
    return rows


def _jobs_row(row: Row, corpus: Corpus, runs: int) -> Row:
    log(f"  {plural(runs, 'full build')}, {plural(row.jobs, 'job')}, {', '.join(row.formats)}")
    try:
        builds = measure.full_builds(corpus, row.jobs, runs, row.formats)
    except BuildFailed as error:
        row.error = str(error)
        return row
    row.seconds = statistics.median(build.seconds for build in builds)
    row.cpu = statistics.median(build.cpu for build in builds)
    row.peak = max(build.peak for build in builds)
    row.largest = builds[-1].largest
    return row


def _beside_engine(rows: list[Row], corpus: Corpus, runs: int) -> None:
    """The engine floor and the peer of the corpus, on each of its rows."""
    log(f"  the engine floor and the peer, {plural(runs, 'run')} each")
    try:
        floors = [engine.floor(corpus) for _ in range(runs)]
        peers = [engine.peer(corpus) for _ in range(runs)]
    except Unavailable as error:
        for row in rows:
            row.error = row.error or str(error)
        return
    for row in rows:
        row.engine, row.peer = _median(floors), _median(peers)


def _median(timings: list[engine.Timing]) -> engine.Timing:
    return sorted(timings, key=lambda timing: timing.seconds)[len(timings) // 2]


def synthetic_rows(documents: int, runs: int, jobs: list[int] | None = None, formats: tuple[str, ...] = FORMATS,
                   beside_engine: bool = False) -> list[Row]:
    with tempfile.TemporaryDirectory(prefix="bench-") as folder:
        corpus = synthetic.generate(ROOT / "texts", Path(folder) / "texts", documents)
        return corpus_rows(corpus, runs, jobs, formats, beside_engine)


def incremental_rows(runs: int) -> list[RebuildRow]:
    jobs = os.cpu_count() or 1
    with tempfile.TemporaryDirectory(prefix="bench-") as folder:
        corpus = synthetic.generate(ROOT / "texts", Path(folder) / "texts", 1_000)
        row = RebuildRow(targets.INCREMENTAL, corpus.name, corpus.documents, jobs)
        log(f"{corpus.name}: {plural(runs, 'full build')}, each followed by a rebuild after one edit, "
            f"{plural(jobs, 'job')}")
        edited = next(path for path in corpus.files if path.name.startswith("mim-program-1996-"))
        return [_rebuild_row(row, lambda: rebuilds.incremental(corpus, edited, jobs, runs))]


def warm_rows() -> list[RebuildRow]:
    edition = corpora.edition()
    log(f"{edition.name}: a Builder's first build, then {rebuilds.WARM_EDITS} edits, each rebuilt")
    return [_rebuild_row(RebuildRow(targets.WARM, edition.name, edition.documents, 1), rebuilds.warm),
            _rebuild_row(RebuildRow(targets.WARM_HTML_TEXT, edition.name, edition.documents, 1),
                         lambda: rebuilds.warm(measure.FORMATS)),
            _rebuild_row(RebuildRow(targets.SERVED, edition.name, edition.documents, 1), _served)]


def _served() -> rebuilds.Rebuild:
    """The running server's answers after an edit: the edited page (the rebuild), and its PDF,
    which waits for every format (the full build of the row)."""
    preview = rebuilds.served()
    return rebuilds.Rebuild(preview.pdf, preview.page)


def _rebuild_row(row: RebuildRow, measurement) -> RebuildRow:
    try:
        result = measurement()
    except BuildFailed as error:
        row.error = str(error)
        return row
    row.full, row.rebuild = result.full, result.rebuild
    return row


def profile_rows() -> list[profile.Stage]:
    """Where a small document's time goes, in one worker (bench.profile)."""
    with tempfile.TemporaryDirectory(prefix="bench-") as folder:
        corpus = synthetic.generate(ROOT / "texts", Path(folder) / "texts", profile.DOCUMENTS + profile.WARM_UP + 4)
        log(f"{corpus.name}: the stages of {profile.DOCUMENTS} documents, in one worker")
        try:
            return profile.stages(corpus, profile.DOCUMENTS)
        except Unavailable as error:
            return [profile.Stage("a document, in all", None, str(error))]


GROUPS = {
    "edition": lambda runs: corpus_rows(corpora.edition(), runs),
    "eltec-level1": lambda runs: corpus_rows(corpora.eltec(1), runs, beside_engine=True),
    "eltec-level2": lambda runs: corpus_rows(corpora.eltec(2), runs),
    "synthetic-1000": lambda runs: synthetic_rows(1_000, runs, beside_engine=True),
    # One run, with every core and every format the build makes by default: its three would
    # take hours, and its figures are its memory and its largest page.
    "synthetic-10000": lambda runs, left_out=(): synthetic_rows(
        10_000, 1, [os.cpu_count() or 1], tuple(name for name in DEFAULT_FORMATS if name not in left_out)),
    "formats": lambda runs: formats.format_rows(),
    "incremental": incremental_rows,
    "warm": lambda runs: warm_rows(),
    "profile": lambda runs: profile_rows(),
}


def options() -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.split(":", 1)[1].strip())
    parser.add_argument("--runs", type=int, default=3,
                        help="builds per measurement, of which the median counts (default 3)")
    parser.add_argument("--only", action="append", choices=list(GROUPS), metavar="CORPUS",
                        help=f"run only this group of rows (repeatable): {', '.join(GROUPS)}")
    parser.add_argument("--quick", action="store_true", help="skip the 10,000-document edition")
    parser.add_argument("--write", action="store_true",
                        help=f"write {DOCUMENT.relative_to(ROOT)} from a partial run too, which it then says it is, "
                             "after each group of rows")
    parser.add_argument("--leave-out", action="append", default=[], choices=list(DEFAULT_FORMATS), metavar="FORMAT",
                        help="build the 10,000-document edition without this default format (repeatable; "
                             "its row names the formats it was built with)")
    parser.add_argument("--keep", action="append", default=[], choices=list(GROUPS), metavar="CORPUS",
                        help="take this group's rows from the last run that measured them and wrote the page "
                             f"({kept.FILE.relative_to(ROOT)}), without measuring them again (repeatable)")
    chosen = parser.parse_args()
    if chosen.runs < 1:
        parser.error("--runs must be at least 1")
    return chosen


def main() -> int:
    chosen, facts = options(), report.machine()
    groups = [name for name in GROUPS if name in (chosen.only or GROUPS)
              and not (chosen.quick and name == "synthetic-10000")]
    results, done, kept_from = [], [], {}
    for name in groups:
        if name in chosen.keep:
            found = kept.load(name)
            formats = ", ".join(dict.fromkeys(format for row in found.rows for format in row.formats))
            rows, kept_from[name] = found.rows, f"{found.measured}, with the formats {formats}"
        else:
            rows = GROUPS[name](chosen.runs, chosen.leave_out) if name == "synthetic-10000" else GROUPS[name](chosen.runs)
            if chosen.write and rows and all(isinstance(row, Row) for row in rows):
                kept.save(name, rows)
        results += rows
        done.append(name)
        if chosen.write and done != groups:  # a long run cut short keeps what it measured
            _write(_page(facts, chosen, results, done, False, kept_from), True)
    failed = any(row.error for row in results)
    complete = len(groups) == len(GROUPS) and not failed and not chosen.leave_out
    text = _page(facts, chosen, results, done, complete, kept_from)
    print(text)
    _write(text, complete or chosen.write)
    return 1 if failed else 0


def _page(facts: str, chosen: argparse.Namespace, results: list, groups: list[str], complete: bool,
          kept_from: dict[str, str]) -> str:
    builds = [row for row in results if isinstance(row, Row)]
    rebuilt = [row for row in results if isinstance(row, RebuildRow)]
    stages = [row for row in results if isinstance(row, profile.Stage)]
    alone = [row for row in results if isinstance(row, formats.FormatRow)]
    return report.page(facts, chosen.runs, report.builds_table(builds), report.engine_table(builds),
                       report.rebuilds_table(rebuilt), report.targets_table(targets.evaluate(builds, rebuilt)),
                       _kept(kept_from) + ("" if complete else _scope(groups, chosen.leave_out)),
                       report.profile_table(stages),
                       formats.table(alone) + "\n" if alone else "Not run.\n")


def _scope(groups: list[str], left_out: list[str]) -> str:
    """What a partial run measured, for its page to say."""
    without = f" (the 10,000-document edition without {', '.join(left_out)})" if left_out else ""
    return (f"This run measured only these groups of rows: {', '.join(groups)}{without}; the "
            "tables say \"not run\" of the others, and name any that failed.")


def _kept(kept_from: dict[str, str]) -> str:
    """Which groups' rows this run took from an earlier one, and when those were measured."""
    return "".join(f"The rows of {group} are those the run of {measured} measured (kept with --keep). "
                   for group, measured in kept_from.items())


def _write(text: str, wanted: bool) -> None:
    if not wanted:
        log(f"{DOCUMENT.relative_to(ROOT)} not written: only a complete run, every figure measured, is written "
            "there (or a partial one with --write)")
        return
    DOCUMENT.parent.mkdir(exist_ok=True)
    DOCUMENT.write_text(text, encoding="utf-8")
    log(f"wrote {DOCUMENT.relative_to(ROOT)}")


if __name__ == "__main__":
    sys.exit(main())
