"""A document's summary: what the edition's own pages (index, themes, introduction) need of it.

The pages that list every document are made from summaries, never from the documents
themselves, so that a build's memory grows with its largest document, not with their
number, and so that a document whose summary is unchanged changes no such page.

A summary is TEI still, so the same stylesheets read it: the whole header, and the text's
elements with their attributes (the citation scheme counts them) but with the words only of
headings and of names that point somewhere. (The register pages read each work's list of the
places that name an entry instead: edition.occurrences.) A document
rendered generically is summarised by its title and id alone, marked ``generic="true"``.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from .xmlfile import NS, TEI_NS

KEPT_WORDS = ("head",)  # elements whose words a summary keeps, besides those that point
FOLDER = "summaries"  # in the build folder


@dataclass(frozen=True)
class Summary:
    """A document's summary as a build wrote it, read when a page needs it: a step over the
    whole edition holds the summaries of the page it is making, not all of them."""

    id: str
    generic: bool
    path: Path

    @property
    def xml(self) -> bytes:
        return self.path.read_bytes()


def relative(document_id: str) -> str:
    """Where a document's summary is in the build folder: summaries/<id>.xml."""
    return f"{FOLDER}/{document_id}.xml"


def write(tree: etree._ElementTree, document_id: str, generic: bool, folder: Path) -> Summary:
    """The summary of a document, written into the build folder ``folder``."""
    path = folder / relative(document_id)
    path.parent.mkdir(exist_ok=True)
    path.write_bytes(summarise(tree, document_id, generic))
    return Summary(document_id, generic, path)


def summarise(tree: etree._ElementTree, document_id: str, generic: bool) -> bytes:
    root = _generic(tree, document_id) if generic else _edition(tree)
    return etree.tostring(root, encoding="UTF-8")


def _edition(tree: etree._ElementTree) -> etree._Element:
    root = copy.deepcopy(tree.getroot())
    for text in root.iterfind("tei:text", NS):
        _prune(text, keep=False)
    return root


def _prune(element: etree._Element, keep: bool) -> None:
    """Drop the words of ``element`` unless ``keep``, and of its children unless they are kept."""
    if not keep:
        element.text = None
    for child in list(element):
        if not isinstance(child.tag, str):
            element.remove(child)  # comments and processing instructions say nothing to the pages
            continue
        _prune(child, keep or _kept(child))
        if not keep:
            child.tail = None


def _kept(element: etree._Element) -> bool:
    return (etree.QName(element).localname in KEPT_WORDS
            or any(element.get(name) for name in ("ref", "source", "corresp")))


def _generic(tree: etree._ElementTree, document_id: str) -> etree._Element:
    root = etree.Element(f"{{{TEI_NS}}}TEI", generic="true", nsmap={None: TEI_NS})
    file = etree.SubElement(etree.SubElement(root, f"{{{TEI_NS}}}teiHeader"), f"{{{TEI_NS}}}fileDesc")
    title = tree.find("tei:teiHeader/tei:fileDesc/tei:titleStmt", NS)
    file.append(copy.deepcopy(title) if title is not None else etree.Element(f"{{{TEI_NS}}}titleStmt"))
    publication = etree.SubElement(file, f"{{{TEI_NS}}}publicationStmt")
    etree.SubElement(publication, f"{{{TEI_NS}}}idno", type="document").text = document_id
    return root
