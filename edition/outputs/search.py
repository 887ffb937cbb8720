"""build/html/pagefind/: the search index of the web edition, one record for each citable unit.

Each document's records (build/search/<id>.json) are made with its other outputs, by the
search driver (xslt/search.xsl) from what the normalisation pass stamped: a unit's reference,
its fragment, the words that are its own in the reading text and those of the notes anchored
in it. The index is made by Pagefind over a page written for each record (in a folder it
reads and that is then removed): its text, and as metadata the unit's permalink ("href"),
reference, the work's title and the reading text to show. A hit so lands on the passage it is
in, never on a page's top. A document without a citation scheme (a foreign one, built
leniently) is one record. Pagefind writes the same index for the same pages: a build stays
byte-identical.

Pagefind holds every page it indexes in memory (some 40 kB a record), so an edition of many
documents is indexed in parts: the records, in document order and never a document split
across two, are cut into parts of at most PART_RECORDS (and of about the same size), and one
Pagefind process after the other indexes a part into a bundle of its own. The first part is
html/pagefind/ (an edition of a few documents has that one part alone, the same bytes as an
index made whole); the others are html/pagefind-parts/2/, 3/, .... html/pagefind-parts.json
lists the others (an empty list for one part), relative to itself; the search page
(assets/search.js) merges them into the first at search time (Pagefind's mergeIndex) and
shows the best results of all, as of one index. A part weighs a word by its own records
(how rare it is among them), so the order of results of about equal score may differ from
that of an index made whole; parts of about the same size keep that difference small.
"""

from __future__ import annotations

import json
import math
import os
import shutil
import subprocess
from pathlib import Path
from typing import Iterator

from lxml import etree
from lxml.builder import E

from ..documents import Edition, Work
from ..errors import EditionError
from ..output_files import output_file
from ..summary import Summary

STYLESHEETS = ["search.xsl"]
GENERIC = True  # a document the edition's schema refuses is searchable too, as a whole
MADE_FROM = "documents"


def prepare(edition: Edition, folder: Path) -> list[Path]:
    return []  # a document's records need nothing made before


def write_document(edition: Edition, work: Work, folder: Path) -> list[Path]:
    edition.progress(f"search  {work.id}")
    records = edition.stylesheets.transform("search.xsl", work.file.tree, work.path, work.generic_params())
    (folder / "search").mkdir(exist_ok=True)
    target = output_file(folder / "search", f"{work.id}.json")
    target.write_text(records, encoding="utf-8")
    return [target]


PART_RECORDS = 6000  # records of one Pagefind process: it peaks near 270 MB (measured at 1,000 documents)
PARTS_FOLDER = "pagefind-parts"  # in html/: the parts after the first
PARTS_LIST = "pagefind-parts.json"  # in html/: where the search page finds them


def write_edition(edition: Edition, summaries: list[Summary], folder: Path) -> list[Path]:
    site, pages = folder / "html", folder / "search-pages"
    bundles = []
    try:
        for number, documents in enumerate(_parts(summaries, folder), 1):
            bundles.append(site / "pagefind" if number == 1 else site / PARTS_FOLDER / str(number))
            edition.progress(f"search  pagefind part {number}")
            # Each part's pages in a folder of their own, all removed at the end: removing
            # thousands of files between two parts costs more than they take on disk.
            for document in documents:
                for unit_number, unit in enumerate(document["units"], 1):
                    _write_page(output_file(pages, str(number), document["document"], f"{unit_number}.html"),
                                document, unit)
            _pagefind(pages / str(number), bundles[-1])
    finally:
        shutil.rmtree(pages, ignore_errors=True)
    listed = output_file(site, PARTS_LIST)
    listed.write_text(json.dumps([f"{bundle.relative_to(site).as_posix()}/" for bundle in bundles[1:]]) + "\n",
                      encoding="utf-8")
    return [listed, *(path for bundle in bundles for path in bundle.rglob("*") if path.is_file())]


def _parts(summaries: list[Summary], folder: Path) -> Iterator[list[dict]]:
    """The documents' records in parts of at most PART_RECORDS records, in document order: a
    part is closed once it holds its share of the records (a small last part would rank its
    words apart from the others), or before a document that would take it over PART_RECORDS.
    A document of more records than that is a part of its own."""
    def read(summary: Summary) -> dict:
        return json.loads((folder / "search" / f"{summary.id}.json").read_text(encoding="utf-8"))

    total = sum(len(read(summary)["units"]) for summary in summaries)
    share = math.ceil(total / max(1, math.ceil(total / PART_RECORDS)))
    part: list[dict] = []
    records = 0
    for summary in summaries:
        document = read(summary)
        if part and (records >= share or records + len(document["units"]) > PART_RECORDS):
            yield part
            part, records = [], 0
        part.append(document)
        records += len(document["units"])
    if part or not summaries:
        yield part


def _write_page(path: Path, document: dict, unit: dict) -> None:
    """A record as a page: its words are the body, the rest metadata (escaped by the serialiser)."""
    reference = f"{document['document']}:{unit['ref']}" if unit["ref"] else document["document"]
    href = f"{document['document']}.html" + (f"#{unit['id']}" if unit["id"] else "")
    page = E.html(E.head(E.title(document["title"])), E.body(
        E.p(document["title"], {"data-pagefind-meta": "title"}),
        E.p(reference, {"data-pagefind-meta": "reference"}),
        E.p(href, {"data-pagefind-meta": "href"}),
        E.main(E.p(unit["text"], {"data-pagefind-meta": "text"}), E.p(unit["notes"]), {"data-pagefind-body": ""})))
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(etree.tostring(page, method="html", encoding="UTF-8", doctype="<!DOCTYPE html>"))


def _pagefind(pages: Path, out: Path) -> None:
    # Without PAGEFIND_ settings from the environment: no configuration of the machine
    # changes the index.
    env = {key: value for key, value in os.environ.items() if not key.startswith("PAGEFIND_")}
    run = subprocess.run([str(_executable()), "--site", str(pages), "--output-path", str(out),
                          "--force-language", "en"], env=env, capture_output=True, text=True)
    if run.returncode != 0:
        raise EditionError.at(pages, f"pagefind failed: {(run.stderr or run.stdout).strip()}")


def _executable() -> Path:
    try:
        from pagefind_bin import get_executable
    except ImportError:
        raise EditionError.at(Path("pyproject.toml"), "pagefind is not installed: pip install 'pagefind[bin]'") from None
    return get_executable()
