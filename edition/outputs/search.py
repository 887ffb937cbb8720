"""build/html/pagefind/: the search index of the web edition, one record for each citable unit.

Each document's records (build/search/<id>.json) are made with its other outputs, by the
search driver (xslt/search.xsl) from what the normalisation pass stamped: a unit's reference,
its fragment, the words that are its own in the reading text and those of the notes anchored
in it. A record's address is the unit's permalink, so that a hit lands on the passage it is in,
never on a page's top. (No Pagefind filter: filters make the index differ from one build to
the next.) A document without a citation scheme (a foreign one, built
leniently) is one record. Pagefind writes the same index for the same records: a build stays
byte-identical.
"""

from __future__ import annotations

import asyncio
import json
from pathlib import Path

from ..documents import Edition, Work
from ..errors import EditionError
from ..output_files import output_file
from ..summary import Summary

STYLESHEETS = ["search.xsl"]
GENERIC = True  # a document the edition's schema refuses is searchable too, as a whole


def write_document(edition: Edition, work: Work, folder: Path) -> list[Path]:
    edition.progress(f"search  {work.id}")
    records = edition.stylesheets.transform("search.xsl", work.file.tree, work.path, work.generic_params())
    (folder / "search").mkdir(exist_ok=True)
    target = output_file(folder / "search", f"{work.id}.json")
    target.write_text(records, encoding="utf-8")
    return [target]


def write_edition(edition: Edition, summaries: list[Summary], folder: Path) -> list[Path]:
    edition.progress("search  pagefind")
    documents = [json.loads((folder / "search" / f"{summary.id}.json").read_text(encoding="utf-8"))
                 for summary in summaries]
    out = folder / "html" / "pagefind"
    try:
        asyncio.run(_index(documents, out))
    except Exception as error:  # the indexer is another program: what it says is the message
        raise EditionError.at(out, f"pagefind failed: {error}") from None
    return [path for path in out.rglob("*") if path.is_file()]


async def _index(documents: list[dict], out: Path) -> None:
    from pagefind.index import IndexConfig, PagefindIndex

    # The index writes its files to output_path as the block ends.
    async with PagefindIndex(config=IndexConfig(force_language="en", output_path=str(out))) as index:
        for document in documents:
            for unit in document["units"]:
                await index.add_custom_record(**_record(document, unit))


def _record(document: dict, unit: dict) -> dict:
    reference = f"{document['document']}:{unit['ref']}" if unit["ref"] else document["document"]
    fragment = f"#{unit['id']}" if unit["id"] else ""
    return {"url": f"{document['document']}.html{fragment}", "content": f"{unit['text']} {unit['notes']}".strip(),
            "language": "en", "meta": {"title": document["title"], "reference": reference, "text": unit["text"]}}
