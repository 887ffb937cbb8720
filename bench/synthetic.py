"""Synthetic editions of N documents, made from this edition's own texts.

The registers, the alignment and the two programmes are copied unchanged (the
alignment points at the programmes); the other files are copies of the two
programmes in turn, byte for byte except for their document id: the id stated
in publicationStmt/idno[@type='document'] and on the root (xml:id), equal to
the file name's stem, e.g. mim-program-1996-0007.xml.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from lxml import etree

from edition.xmlfile import safe_parser

from .corpora import Corpus, synthetic_name

TEI = {"tei": "http://www.tei-c.org/ns/1.0"}
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
PROGRAMMES = ("mim-program-1996.xml", "llco-what-we-strive-for.xml")
UNCHANGED = ("registers.xml", "alignment.xml", *PROGRAMMES)


def generate(texts: Path, folder: Path, documents: int) -> Corpus:
    """Write an edition of ``documents`` files into ``folder`` (made here)."""
    folder.mkdir(parents=True)
    for name in UNCHANGED:
        shutil.copyfile(texts / name, folder / name)
    programmes = [Programme(texts / name) for name in PROGRAMMES]
    copies = documents - len(UNCHANGED)
    width = max(4, len(str(copies)))
    for number in range(1, copies + 1):
        programme = programmes[(number - 1) % len(programmes)]
        programme.write_copy(f"{programme.id}-{number:0{width}d}", folder)
    return Corpus(synthetic_name(documents), folder)


class Programme:
    """A programme's text, with the two places that state its document id."""

    def __init__(self, path: Path):
        self.id, self.text = path.stem, path.read_bytes().decode("utf-8")
        self.marks = (f'xml:id="{self.id}"', f'<idno type="document">{self.id}</idno>')
        for mark in self.marks:
            if self.text.count(mark) != 1:
                raise ValueError(f"{path}: expected {mark} exactly once, to give each copy its own id")
        self.checked = False

    def write_copy(self, document_id: str, folder: Path) -> None:
        """The programme under a new document id, as <id>.xml."""
        root_id, idno = self.marks
        text = self.text.replace(root_id, f'xml:id="{document_id}"', 1)
        path = folder / f"{document_id}.xml"
        path.write_bytes(text.replace(idno, f'<idno type="document">{document_id}</idno>', 1).encode("utf-8"))
        if not self.checked:
            _check_ids(path)
            self.checked = True


def _check_ids(path: Path) -> None:
    """The copy states its file's stem as its id, on the root and in its idno."""
    tree = etree.parse(str(path), safe_parser())
    stated = (tree.getroot().get(XML_ID),
              tree.findtext("tei:teiHeader/tei:fileDesc/tei:publicationStmt/tei:idno[@type='document']", None, TEI))
    if stated != (path.stem, path.stem):
        raise ValueError(f"{path}: the copy's ids are {stated}, not its file name's stem {path.stem!r}")
