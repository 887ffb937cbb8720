"""The benchmark's results as Markdown: the machine, the builds, the rebuilds, the targets."""

from __future__ import annotations

import datetime
import os
import platform
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

from .engine import Timing
from .measure import FORMATS, Page
from .profile import DOCUMENTS

MB = 1_000_000


@dataclass
class Row:
    """Full builds of one corpus with one number of jobs (None where it could not be measured)."""
    corpus: str
    jobs: int | None = None
    formats: tuple[str, ...] = FORMATS
    runs: int | None = None
    documents: int | None = None
    size: int | None = None  # bytes of XML
    floor: float | None = None  # seconds
    seconds: float | None = None  # median wall time
    cpu: float | None = None  # median processor time of the build and its workers
    peak: int | None = None  # bytes, the largest of the runs
    largest: Page | None = None  # the site's largest page, in the last run
    engine: Timing | None = None  # the engine floor of the corpus (bench.engine)
    peer: Timing | None = None  # the peer's html and text of the corpus (bench.engine)
    error: str = ""

    @property
    def ratio(self) -> float | None:
        return self.seconds / self.floor if self.seconds and self.floor else None

    @property
    def per_document(self) -> float | None:
        """Seconds of the build's wall time per document."""
        return self.seconds / self.documents if self.seconds and self.documents else None

    @property
    def cpu_per_document(self) -> float | None:
        return self.cpu / self.documents if self.cpu and self.documents else None

    @property
    def engine_ratio(self) -> float | None:
        return self.seconds / self.engine.seconds if self.seconds and self.engine else None

    @property
    def engine_cpu_ratio(self) -> float | None:
        """The build's processor time over the engine floor's: what other programs on the
        machine change least."""
        return self.cpu / self.engine.cpu if self.cpu and self.engine and self.engine.cpu else None

    @property
    def mb_per_second(self) -> float | None:
        return self.size / MB / self.seconds if self.seconds else None


@dataclass
class RebuildRow:
    """A rebuild after one edited document, beside the full build it is compared with."""
    name: str
    corpus: str
    documents: int | None = None
    jobs: int | None = None
    full: float | None = None
    rebuild: float | None = None
    error: str = ""

    @property
    def share(self) -> float | None:
        return self.rebuild / self.full if self.rebuild is not None and self.full else None


def builds_table(rows: list[Row]) -> str:
    headings = ["corpus", "formats", "documents", "MB", "jobs", "runs", "wall s", "ms a document",
                "CPU ms a document", "MB/s", "peak memory MB", "largest page", "floor s", "× floor"]
    return table(headings, [_build_cells(row) for row in rows], left=2) + _failures(rows)


def _build_cells(row: Row) -> list[str]:
    return [row.corpus, ", ".join(row.formats), _number(row.documents), _number(_megabytes(row.size)),
            _number(row.jobs), _number(row.runs),
            _number(row.seconds), _milliseconds(row.per_document), _milliseconds(row.cpu_per_document),
            _number(row.mb_per_second),
            _number(_megabytes(row.peak)), _page(row.largest), _number(row.floor), _number(row.ratio, "×")]


def engine_table(rows: list[Row]) -> str:
    """The builds of the corpora measured beside the engine floor and the peer."""
    headings = ["corpus", "documents", "jobs", "build s", "build ms a document", "engine floor s", "× engine floor",
                "× engine floor, CPU", "peer s", "peer ms a document", "build / peer, a document"]
    cells = [[row.corpus, _number(row.documents), _number(row.jobs), _number(row.seconds),
              _milliseconds(row.per_document), _number(row.engine and row.engine.seconds),
              _number(row.engine_ratio, "×"), _number(row.engine_cpu_ratio, "×"), _number(row.peer and row.peer.seconds),
              _milliseconds(row.peer and row.peer.per_document),
              _number(row.per_document / row.peer.per_document if row.per_document and row.peer else None, "×")]
             for row in rows if row.engine or row.peer]
    return table(headings, cells)


def _milliseconds(seconds: float | None) -> str:
    return _number(None if seconds is None else seconds * 1000)


def _page(page: Page | None) -> str:
    """The page's name and its size in kB."""
    return "—" if page is None else f"{page.name}, {page.size / 1000:,.0f} kB"


def _megabytes(count: int | None) -> float | None:
    return None if count is None else count / MB


def rebuilds_table(rows: list[RebuildRow]) -> str:
    headings = ["rebuild after one edit", "corpus", "documents", "jobs", "full build s", "rebuild s", "rebuild / full"]
    cells = [[row.name, row.corpus, _number(row.documents), _number(row.jobs), _number(row.full),
              _number(row.rebuild), _percent(row.share)] for row in rows]
    return table(headings, cells, left=2) + _failures(rows)


def targets_table(targets) -> str:
    met = {True: "yes", False: "**no**", None: "—"}
    return table(["target", "measured", "met"], [[t.goal, t.measured, met[t.met]] for t in targets], left=3)


def table(headings: list[str], rows: list[list[str]], left: int = 1) -> str:
    """A Markdown table: the first ``left`` columns aligned left, the figures after them right."""
    if not rows:
        return "Not run.\n"
    align = ["---"] * left + ["---:"] * (len(headings) - left)
    lines = [headings, align, *rows]
    return "\n".join("| " + " | ".join(cells) + " |" for cells in lines) + "\n"


def _failures(rows) -> str:
    failed = [f"- {_label(row)}: {row.error}" for row in rows if row.error]
    return "\nNot measured:\n\n" + "\n".join(failed) + "\n" if failed else ""


def _label(row) -> str:
    name = getattr(row, "name", "") or row.corpus
    return f"{name}, {plural(row.jobs, 'job')}" if getattr(row, "jobs", None) else name


def plural(count: int, noun: str) -> str:
    return f"{count:,} {noun}{'' if count == 1 else 's'}"


def _number(value, unit: str = "") -> str:
    """A figure with as many decimals as it needs to be read at a glance; — if missing."""
    if value is None:
        return "—"
    if isinstance(value, int) or value >= 100:
        return f"{value:,.0f}{unit}"
    return f"{value:.{1 if value >= 10 else 2 if value >= 0.1 else 3}f}{unit}"


def _percent(share: float | None) -> str:
    return "—" if share is None else f"{share:.1%}"


def machine() -> str:
    """The facts of the machine the figures are measured on, its load now among them."""
    load = ", ".join(f"{value:.1f}" for value in os.getloadavg())
    return (f"{platform.platform()}, {_cpu_model()}, os.cpu_count() = {os.cpu_count()}, "
            f"{_memory_total()} of memory, load average {load} at the start of the run; Python "
            f"{platform.python_version()}, saxonche {_version('saxonche')}, lxml {_version('lxml')}")


def _cpu_model() -> str:
    for line in _read("/proc/cpuinfo").splitlines():
        if line.startswith("model name"):
            return line.split(":", 1)[1].strip()
    return platform.machine()


def _memory_total() -> str:
    for line in _read("/proc/meminfo").splitlines():
        if line.startswith("MemTotal:"):
            return f"{int(line.split()[1]) * 1024 / 10**9:.0f} GB"
    return "unknown"


def _read(path: str) -> str:
    try:
        return Path(path).read_text()
    except OSError:
        return ""


def _version(package: str) -> str:
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return "not installed"


def today() -> str:
    return datetime.date.today().isoformat()


def profile_table(stages) -> str:
    """Where a small document's time goes (bench.profile): each stage's processor time."""
    return table(["stage", "processor ms a document"], [[stage.name, _number(stage.milliseconds)] for stage in stages]) + \
        _failures(stages)


def page(facts: str, runs: int, builds: str, engine: str, rebuilds: str, targets: str, scope: str = "",
         profile: str = "Not run.\n", formats: str = "Not run.\n") -> str:
    """docs/performance.md: how the figures were measured, then the three tables."""
    return f"""# Performance

Measured by `python -m bench` on {today()}, on {facts}.{chr(10) * 2 + scope if scope else ""}

Each build is `edition build --format {','.join(FORMATS)} --quiet` (the 10,000-document
edition: every format the build makes by default) run as a new process into a new, empty
output folder, so starting Python, compiling the stylesheets and validating are counted;
the wall time is the median of the runs the table gives ({runs}, but one for the
10,000-document edition, whose figures that matter are its memory and its largest page),
and "ms a document" is that time divided by the documents; "CPU ms a document" is the
processor time of the build and its workers (user and system) divided by the documents,
which other programs running on the machine change far less than the wall time. The peak memory is the largest
sum of the resident set sizes of the build and all its worker processes, polled every
20 ms (pages they share are counted in each, so it is an upper bound). The largest page is
the largest HTML file of the site the last run wrote. The floor is lxml parsing and
serialising the same files in one process, the least any build must do (median of as
many runs); "× floor" is the build's wall time divided by it.

The corpora: this edition's `texts/`; the ELTeC English novels in
`../shared/corpora/eltec-eng/` (level 1, 99 novels; level 2, 3 novels tokenised into
words), built with `--lenient` since they are not written to the edition's schema; and
synthetic editions of 1,000 and 10,000 files: the edition's registers, alignment and
two programmes, then copies of the two programmes in turn, each with its own document
id.

## Full builds

{builds}
## Beside the XSLT engine and the peer

Measured in the same run, each in a process of its own, with the stylesheets compiled
before the clock starts (median of as many runs): the *engine floor* is saxonche parsing
each file and running an identity transform and a text-only transform over it; the
*peer* is the TEI Consortium's stylesheets (`../shared/peers/teic-stylesheets`,
`html/html.xsl` and `txt/tei-to-text.xsl`) making the HTML and the text of each file, as
one process on one core. The build's figures are those of the row above with as many jobs;
"× engine floor, CPU" divides the processor time of the build and its workers by that of
the engine floor, which other programs running on the machine change far less.

{engine}
## Rebuilds after one edited document

- *incremental*: a full build, one word of one copy changed, then `edition build` into
  the same folder, whose manifest decides what is outdated (median of {plural(runs, 'run')}).
- *warm, in the server*: `edition.build.Builder(...).build()` in one process, as
  `edition serve` keeps it, on a copy of `texts/`; its full build is the Builder's first,
  compilation included, its rebuild the median over several edits of one programme. The
  server builds every format (the PDF of the edited programme among them); the second
  row builds html and text only, as the other rows do.
- *served*: `edition serve` running on a copy of `texts/`, built first; after each of
  several edits of one programme, the time from saving the file to the server's answer to
  a request for the edited page, with the edit (its rebuild), and to its PDF, which waits
  for the build of every format in the background (its full build); the median of each.

{rebuilds}
## The DTS files and the PDFs, each format alone

`edition build --format dts` (the static DTS API: every resource's navigation and documents,
and the collections) and `--format pdf` (the print HTML and the PDF of each work, and of the
introduction) of synthetic editions, one run each with every core (`bench/formats.py`): their
cost a document and their memory, apart from the html and text of the rows above.

{formats}
## Targets

{targets}
## Where a small document's time goes

One worker's Renderer rendering {DOCUMENTS} copies of the programmes (a synthetic edition), html and
text, in a process of its own (`bench/profile.py`): the processor time of each stage, a
document. A stage's transform is the compiled stylesheet run on the document (and, for the
html, the registers and the alignment as parameters); "other" is what no stage names
(writing the files and their digests, the pages' neighbours and downloads, the TEI
published).

{profile}"""
