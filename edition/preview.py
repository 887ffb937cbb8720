"""What ``edition serve`` shows at once after an edit: the edited document's reading page,
checked as the build checks it and made in one of the build's workers with the stylesheets it
compiled, while the build makes every output of the document in the background.

A page carries the citations of the document and of each of its passages. They are made from
its header and its citable units alone (edition.citation_styles.csl_item), so they are kept,
per document, for as long as those stay the same: an edit of the text then costs the check
and one transform.
"""

from __future__ import annotations

import tempfile
from dataclasses import dataclass
from pathlib import Path
from lxml import etree

from . import citable
from .documents import Edition, Work, kind_of
from .outputs import html
from .render import Renderer
from .xmlfile import NS, parse, read_source

# Per document id: what its citations were made from, and the citations (in this worker process).
_citations: dict[str, tuple[tuple, html.PageCitations]] = {}


@dataclass(frozen=True)
class Page:
    """A page of the site made ahead of the build: where the build will write it, its bytes."""

    path: str  # relative to the build folder: html/<id>.html
    body: bytes


def reading_page(renderer: Renderer, source: Path, build: Path) -> Page | None:
    """The reading page of ``source`` as the build into ``build`` would write it; None when it
    is no document of the edition's (the registers, the alignment, the introduction: their pages
    list every document and are the build's), or when the build would refuse it or render it
    generically (the build then says why, and nothing is shown ahead of it).

    The page offers the downloads the build makes (those of the build in place) without their
    sizes: the files are made by the build after the edit, which gives them."""
    xml = parse(source, read_source(source, renderer.settings.project.max_source_bytes))
    if kind_of(xml.tree.getroot()) != "work":
        return None
    checked = renderer.checked(xml)
    if checked.problems or checked.warnings:
        return None
    work = Work(checked.id, xml)
    edition = renderer.edition
    text = html.render(edition, work, "reading", _citations_of(renderer, work), html.neighbours(edition, work),
                       _downloads(edition, work, build))
    return Page(f"html/{html.VIEWS['reading'].format(id=work.id)}", text.encode("utf-8"))


def _downloads(edition: Edition, work: Work, build: Path) -> etree._ElementTree:
    """What the page offers to download: the formats of the build in place (an output offers
    what its folder holds, edition.outputs.html.downloads), without the sizes of its files, which
    the build after the edit makes again."""
    files = html.downloads(edition, work, build)
    for file in files.iter("file"):
        file.attrib.pop("bytes", None)
    return files


def _citations_of(renderer: Renderer, work: Work) -> html.PageCitations:
    """The citations the build would give the page, as the page takes them (their document is
    one of the worker's XSLT processor), made again only when what they are made of changed.
    (The files the build writes beside them are written to a scratch folder.)"""
    stylesheets = renderer.edition.stylesheets
    made_from = (id(stylesheets), etree.tostring(work.file.tree.find("tei:teiHeader", NS)),
                 tuple(citable.units(renderer.edition, work)))
    kept = _citations.get(work.id)
    if kept is None or kept[0] != made_from:
        with tempfile.TemporaryDirectory(prefix="edition-preview-") as scratch:
            citations, _ = html.write_citations(renderer.edition, work, Path(scratch) / "cite")
        kept = _citations[work.id] = (made_from, html.page_citations(renderer.edition, citations))
    return kept[1]
