"""build/html/: the web edition, a static site.

One page per work and view (``<id>.html`` the reading text, ``<id>.diplomatic.html`` the
diplomatic text), the edition's page (``index.html``), one page per register, the TEI
sources (``tei/``), the stylesheet, script and fonts (``assets/``), and the citation of
each work and of each of its points to download (``cite/``: BibTeX, RIS and CSL-JSON).
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import lxml.html
from lxml import etree

from .. import citation, cite
from ..citation import Passage
from ..documents import Edition, Work

STYLESHEETS = ["html.xsl", *citation.STYLESHEETS]
VIEWS = {"reading": "{id}.html", "diplomatic": "{id}.diplomatic.html"}
REGISTER_PAGES = ("persons", "organisations", "places", "events", "works")
ALIGNMENT_PAGES = ("compare", "themes")
ASSETS = ("edition.css", "cite.js", "notes.js", "search.js", "fonts/*.woff2", "fonts/OFL.txt")
DOWNLOADS = {"bibtex": "bib", "ris": "ris", "csl-json": "json"}  # format of cite.cite: file extension


def write(edition: Edition, folder: Path) -> None:
    out = folder / "html"
    out.mkdir(parents=True, exist_ok=True)
    for work in edition.works:
        edition.progress(f"html  {work.id}")
        citations = write_citations(edition, work, out / "cite")
        for view, name in VIEWS.items():
            _write(out / name.format(id=work.id), render(edition, work, view, citations))
    _write_site_pages(edition, out)
    _copy_sources(edition, out / "tei")
    _copy_assets(edition, out / "assets")


def render(edition: Edition, work: Work, view: str, citations: etree._ElementTree | None = None) -> str:
    params = {**_common(edition), "page": "document", "view": view}
    if citations is not None:
        params["citations"] = citations
    return edition.stylesheets.transform("html.xsl", work.file.tree, work.path, params)


def write_citations(edition: Edition, work: Work, folder: Path) -> etree._ElementTree:
    """The citations of a work and of each of its outermost units (the points), made once
    for both views: written to ``folder`` as files to download, and returned for the pages as
    ``<citations><passage ref=".."><cite style="..">(citeproc's HTML)</cite><file format=".."
    href=".."/></passage></citations>``."""
    folder.mkdir(parents=True, exist_ok=True)
    base_url = edition.project.base_url
    root = etree.Element("citations", document=work.id)
    for passage in cited_passages(edition, work):
        entry = etree.SubElement(root, "passage", ref=passage.reference)
        for style in cite.STYLES:
            entry.append(_fragment(cite.cite(passage, base_url, style, "html"), style))
        for output, extension in DOWNLOADS.items():
            name = f"{passage.reference.replace(':', '-')}.{extension}"
            (folder / name).write_text(cite.cite(passage, base_url, output=output), encoding="utf-8")
            etree.SubElement(entry, "file", format=output, href=f"{folder.name}/{name}")
    return etree.ElementTree(root)


def cited_passages(edition: Edition, work: Work) -> Iterator[Passage]:
    """The work, then each unit no other unit holds (in document order, a unit's parts follow it)."""
    yield Passage(work, None)
    outer = None
    for unit in citation.units(edition, work):
        if outer is None or not unit.path.startswith(outer.path + "/"):
            outer = unit
            yield Passage(work, unit, (unit,))


def _fragment(html: str, style: str) -> etree._Element:
    """citeproc's HTML (text with <i> and the like) parsed into elements, never passed as a string."""
    element = lxml.html.fragment_fromstring(html, create_parent="cite")
    element.set("style", style)
    return etree.fromstring(etree.tostring(element))


def _write_site_pages(edition: Edition, out: Path) -> None:
    """index.html, the register pages, the comparison and the themes, the search page: their
    input is the registers, the works and the alignment come as parameters."""
    host = edition.registers or (edition.works[0].file if edition.works else None)
    if host is None:
        return
    works = [work.file.tree for work in edition.works]
    pages = ("index", *REGISTER_PAGES) if edition.registers else ("index",)
    pages += (*ALIGNMENT_PAGES, "search") if edition.alignment else ("search",)
    for page in pages:
        edition.progress(f"html  {page}")
        html = edition.stylesheets.transform("html.xsl", host.tree, host.path,
                                             {**_common(edition), "page": page, "works": works})
        _write(out / f"{page}.html", html)


def _common(edition: Edition) -> dict:
    params = {"base-url": edition.project.base_url}
    if edition.registers is not None:
        params["registers"] = edition.registers.tree
    if edition.alignment is not None:
        params["alignment"] = edition.alignment.tree
    return params


def _copy_sources(edition: Edition, out: Path) -> None:
    """Every TEI file of texts/ as it is: the works, the registers, the alignment."""
    out.mkdir(parents=True, exist_ok=True)
    for path in edition.project.text_files():
        shutil.copyfile(path, out / path.name)


def _copy_assets(edition: Edition, out: Path) -> None:
    source = edition.project.xslt / "assets"
    for pattern in ASSETS:
        for path in sorted(source.glob(pattern)):
            target = out / path.relative_to(source)
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(path, target)


def _write(path: Path, html: str) -> None:
    path.write_text(html, encoding="utf-8")
