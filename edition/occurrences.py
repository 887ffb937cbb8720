"""The places of the works that name each register entry, for the register pages.

Each work's list is made with its pages, from its normalised copy (xslt/occurrences.xsl), and
written beside its summary (``occurrences/<id>.xml``); the register pages read those lists
only, never the works, and the lists are small: a build's memory grows with the number of
places that name an entry, not with the size of the works, and a page of an entry's places is
handed its places alone.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from .documents import Edition, Work
from .xmlfile import safe_parser

STYLESHEETS = ["occurrences.xsl"]
FOLDER = "occurrences"  # in the build folder, beside summaries/


def relative(document_id: str) -> str:
    """Where a work's list is in the build folder: occurrences/<id>.xml."""
    return f"{FOLDER}/{document_id}.xml"


def write(edition: Edition, work: Work, folder: Path) -> Path:
    """The list of ``work``'s places that name an entry, written into the build folder ``folder``."""
    path = folder / relative(work.id)
    path.parent.mkdir(exist_ok=True)
    path.write_text(edition.stylesheets.transform("occurrences.xsl", work.file.tree, work.path), encoding="utf-8")
    return path


@dataclass
class EntryPlaces:
    """The places that name one entry, in the order of the works and of their text: each as
    its work's id and its item on a register page, serialised."""

    places: list[tuple[str, bytes]] = field(default_factory=list)
    times: int = 0  # how often they name it: a place may name it more than once
    texts: int = 0  # how many works they are in

    def add(self, document: str, item: bytes, times: int) -> None:
        if not self.places or self.places[-1][0] != document:
            self.texts += 1
        self.places.append((document, item))
        self.times += times


@dataclass
class Occurrences:
    """Every work's places, put together by entry."""

    titles: dict[str, str] = field(default_factory=dict)  # each work's title, by its id
    entries: dict[str, EntryPlaces] = field(default_factory=dict)

    @classmethod
    def read(cls, folder: Path, documents: Iterable[str]) -> Occurrences:
        """The lists of ``documents``, in that order, from the build folder ``folder``."""
        found = cls()
        for document in documents:
            root = etree.parse(str(folder / relative(document)), safe_parser()).getroot()
            found.titles[document] = root.get("title", "")
            for place in root.iterfind("place"):
                item = etree.tostring(place[0], encoding="UTF-8")
                found.entries.setdefault(place.get("entry"), EntryPlaces()).add(document, item, int(place.get("times")))
        return found

    def more_than(self, shown: int) -> list[str]:
        """The entries named in more places than ``shown``."""
        return [entry for entry, named in self.entries.items() if len(named.places) > shown]

    def listing(self, entries: Iterable[str], shown: int | None = None) -> bytes:
        """``<occurrences><entry id=".." places=".." times=".." texts=".."><work id=".."
        title="..">(items)</work>..</entry>..</occurrences>``: each entry's counts and its first
        ``shown`` places (all, if None), under the works that hold them."""
        root = etree.Element("occurrences")
        for entry in entries:
            named = self.entries.get(entry)
            if named is None:
                continue
            element = etree.SubElement(root, "entry", id=entry, places=str(len(named.places)),
                                       times=str(named.times), texts=str(named.texts))
            work = None
            for document, item in named.places[:shown]:
                if work is None or work.get("id") != document:
                    work = etree.SubElement(element, "work", id=document, title=self.titles[document])
                work.append(etree.fromstring(item))
        return etree.tostring(root, encoding="UTF-8")
