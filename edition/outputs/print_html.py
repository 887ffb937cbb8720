"""build/print/: the paged-media HTML of every work and of the editors' introduction, with
their stylesheets and font.

This is the PDF-ready output: a paged-media renderer (see pdf.py) reads it with the
assets it links to, all under build/print/assets/. Opened in a browser it reads as a page too
(print.css has rules for the screen).

A document's title page says where the document is published (the address of its version and
the current one) and how to cite it: both come from edition.citation_styles, the one place
citations and their addresses are made, and reach the stylesheet as parameters.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from lxml import etree

from .. import citation_styles
from ..citable import Passage
from ..documents import Edition, Work
from ..errors import EditionError
from ..summary import Summary
from ..xmlfile import NS

STYLESHEETS = ["print.xsl"]
GENERIC = False
MADE_FROM = "documents"
# What the print HTML links to, relative to xslt/assets/ and to build/print/assets/.
ASSETS = ["print.css", "weasyprint-quirks.css", "fonts/*.woff2", "fonts/OFL.txt"]
INTRODUCTION_FILE = "introduction.html"  # the editors' introduction: the names of the works' are their ids


def prepare(edition: Edition, folder: Path) -> list[Path]:
    return copy(edition.project.xslt / "assets", folder / "print" / "assets", ASSETS)


def write_document(edition: Edition, work: Work, folder: Path) -> list[Path]:
    edition.progress(f"print {work.id}")
    target = folder / "print" / f"{work.id}.html"
    target.write_text(render(edition, work), encoding="utf-8")
    return [target]


def write_edition(edition: Edition, summaries: list[Summary], folder: Path) -> list[Path]:
    """The editors' introduction, the front of the printed edition, when the edition has one:
    its passages' references link to the works' pages, found in the summaries of the works it cites."""
    if edition.introduction is None:
        return []
    edition.progress("print introduction")
    target = folder / "print" / INTRODUCTION_FILE
    cited = edition.cited_works()
    works = [edition.stylesheets.document(summary.xml) for summary in summaries if summary.id in cited and not summary.generic]
    target.write_text(edition.stylesheets.transform("print.xsl", edition.introduction.tree, edition.introduction.path,
                                                    {**_params(edition), **_addresses(edition, Path(INTRODUCTION_FILE).stem),
                                                     "works": works}), encoding="utf-8")
    return [target]


def render(edition: Edition, work: Work) -> str:
    return edition.stylesheets.transform("print.xsl", work.file.tree, work.path,
                                         {**_params(edition), **_how_to_cite(edition, work), **work.generic_params()})


def _how_to_cite(edition: Edition, work: Work) -> dict:
    """The work's addresses and its citation (Chicago), for its title page. A document that is
    not the edition's (generic) has no edition header to cite it from."""
    if work.generic:
        return {}
    whole = Passage(work, None)
    base_url = edition.project.base_url
    return {"stable-url": citation_styles.csl_item(whole, base_url)["URL"],
            "current-url": citation_styles.current_url(base_url, work.id),
            "citation": _citation(citation_styles.cite(whole, base_url, "chicago", "html"))}


def _addresses(edition: Edition, document: str) -> dict:
    """The addresses of a document that is not a work (the introduction): of its version, as
    its header gives it, and the current one."""
    version = edition.introduction.tree.find("tei:teiHeader/tei:fileDesc/tei:editionStmt/tei:edition", NS)
    base_url = edition.project.base_url
    return {"stable-url": citation_styles.stable_url(base_url, None if version is None else version.get("n"), document),
            "current-url": citation_styles.current_url(base_url, document)}


def _citation(html: str) -> etree._ElementTree:
    """citeproc's HTML (escaped text with <i> and the like), parsed as XML into a tree the
    stylesheet copies: never passed as a string to be written out unescaped."""
    try:
        return etree.ElementTree(etree.fromstring(f"<citation>{html}</citation>"))
    except etree.XMLSyntaxError as error:
        raise EditionError.at("citeproc-py (chicago)", f"a citation that is not well-formed markup: {error}") from None


def _params(edition: Edition) -> dict:
    params = {"paper": edition.project.paper_size, "register-base": edition.project.base_url}
    if edition.registers is not None:
        params["registers"] = edition.registers.tree
    return params


def copy(source: Path, target: Path, patterns) -> list[Path]:
    """The files of ``source`` that match ``patterns``, copied to the same places under ``target``."""
    written = []
    for pattern in patterns:
        for path in sorted(source.glob(pattern)):
            written.append(target / path.relative_to(source))
            written[-1].parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(path, written[-1])
    return written
