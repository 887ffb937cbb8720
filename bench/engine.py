"""What the XSLT engine itself costs, measured in the benchmark's run beside the build.

- The engine floor: saxonche parsing each file and running an identity transform and a
  text-only transform over it, in one process. Nothing that turns TEI into pages with
  Saxon can do less.
- The peer: the TEI Consortium's stylesheets (``../shared/peers/teic-stylesheets``: TEI to
  HTML, TEI to plain text), compiled once and run in one process over the same files, as a
  project that uses them would.

Each is run in a process of its own (``python -m bench.engine``), so that one Saxon
processor serves it and its memory is not the benchmark's; the compilation is left out of
the seconds measured, which are those of the documents alone.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from .corpora import ROOT, SHARED, Corpus, Unavailable

PEER = SHARED / "peers" / "teic-stylesheets"
PEER_STYLESHEETS = (PEER / "html" / "html.xsl", PEER / "txt" / "tei-to-text.xsl")

IDENTITY = """<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:mode on-no-match="shallow-copy"/>
</xsl:stylesheet>"""
TEXT_ONLY = """<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:output method="text"/>
  <xsl:template match="/"><xsl:value-of select="."/></xsl:template>
</xsl:stylesheet>"""


@dataclass(frozen=True)
class Timing:
    seconds: float  # the documents alone, compilation left out
    documents: int
    cpu: float | None = None  # processor seconds of the same (the process's threads together)

    @property
    def per_document(self) -> float:
        return self.seconds / self.documents


def floor(corpus: Corpus) -> Timing:
    """The engine floor of a corpus, measured in a process of its own."""
    return _measured("floor", corpus.folder)


def peer(corpus: Corpus) -> Timing:
    """The peer's html and text of a corpus, measured in a process of its own."""
    missing = [path for path in PEER_STYLESHEETS if not path.is_file()]
    if missing:
        raise Unavailable(f"no peer stylesheet {missing[0]}")
    return _measured("peer", corpus.folder)


def _measured(what: str, folder: Path) -> Timing:
    run = subprocess.run([sys.executable, "-m", "bench.engine", what, str(folder)], cwd=ROOT,
                         capture_output=True, text=True)
    if run.returncode != 0:
        lines = [line for line in run.stderr.splitlines() if line.strip()]
        raise Unavailable(f"the {what} could not be measured: {' / '.join(lines[-2:]) or f'exit {run.returncode}'}")
    return Timing(**json.loads(run.stdout))


def _run(what: str, files: list[Path]) -> Timing:
    """In this process: compile, then time every file through the transforms."""
    from saxonche import PySaxonProcessor

    processor = PySaxonProcessor(license=False)
    compiler = processor.new_xslt30_processor()
    if what == "peer":
        compiled = [compiler.compile_stylesheet(stylesheet_file=str(path)) for path in PEER_STYLESHEETS]
    else:
        compiled = [compiler.compile_stylesheet(stylesheet_text=text) for text in (IDENTITY, TEXT_ONLY)]
    start, used = time.perf_counter(), time.process_time()
    for path in files:
        document = processor.parse_xml(xml_file_name=str(path))
        for executable in compiled:
            executable.transform_to_string(xdm_node=document)
    return Timing(time.perf_counter() - start, len(files), time.process_time() - used)


if __name__ == "__main__":
    what, folder = sys.argv[1:]
    timing = _run(what, Corpus(what, Path(folder)).files)
    print(json.dumps({"seconds": timing.seconds, "documents": timing.documents, "cpu": timing.cpu}))
