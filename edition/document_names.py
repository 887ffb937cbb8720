"""Rules a single file's schema cannot see: document ids, file names, and their outputs.

A document id names the file and every output made from it (``<id>.html``,
``<id>.pdf``, ``tei/<id>.xml``...), so it must be a plain name that cannot leave the
output folder, cannot be a name the site or an operating system reserves, and
cannot be another document's.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from . import site
from .errors import Problem
from .xmlfile import INTRODUCTION, NS, TEI_NS, XmlFile

DOCUMENT_ID = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*")
MAX_ID_LENGTH = 100  # with ".diplomatic.html" and the like, well within a file name's 255 bytes
# Pages of the site and folders of the build, which a document's outputs must not replace.
SITE_NAMES = {"index", "introduction", *site.REGISTER_PAGES, "compare", "themes", "search",
              "assets", "tei", "cite", "dts", "text", "pdf", "print", "html", "manifest"}
# Names Windows reserves for devices, whatever the extension.
DEVICE_NAMES = {"con", "prn", "aux", "nul", *(f"com{i}" for i in range(1, 10)), *(f"lpt{i}" for i in range(1, 10))}


def document_ids(files: list[XmlFile]) -> list[Problem]:
    """Problems of the document id and file name of each TEI file, and collisions between them."""
    problems = [problem for xml in files for problem in id_problems(xml)]
    return problems + collisions([Named(document_id(xml), str(xml.path), xml.position(xml.tree.getroot()))
                                  for xml in files])


@dataclass(frozen=True)
class Named:
    """A document id, the file that has it, and where in that file."""

    id: str
    path: str
    position: tuple[int, int]


def collisions(named: list[Named]) -> list[Problem]:
    """A problem for each file whose id (ignoring case) an earlier file already has."""
    problems, seen = [], {}
    for entry in named:
        key = entry.id.lower()
        if key and key in seen:
            problems.append(Problem(entry.path, *entry.position, f'the document id "{entry.id}" is already the id of '
                                    f"{seen[key]}: their outputs would overwrite each other"))
        seen.setdefault(key, entry.path)
    return problems


def derived_id(path: Path) -> str:
    """A document id made from a file name, for a document outside the edition's rules
    ("ENG18400_Ainsworth.xml" -> "eng18400-ainsworth"); never a reserved name."""
    words = re.findall(r"[a-z0-9]+", Path(path).stem.lower())
    value = "-".join(words) or "document"
    return f"document-{value}" if value in SITE_NAMES or value in DEVICE_NAMES else value


def root(xml: XmlFile) -> list[Problem]:
    """A problem if the file is not a TEI document at all."""
    element = xml.tree.getroot()
    if element.tag == f"{{{TEI_NS}}}TEI":
        return []
    return [_at(xml, element, f"the root element is {element.tag}, not TEI in the TEI namespace ({TEI_NS})")]


def id_problems(xml: XmlFile) -> list[Problem]:
    idno = id_element(xml)
    if idno is None:
        return []  # the grammar reports the missing idno
    value = (idno.text or "").strip()
    if len(value) > MAX_ID_LENGTH:
        return [_at(xml, idno, f"the document id is {len(value)} characters long; at most {MAX_ID_LENGTH} "
                    "are allowed (it names files in the build)")]
    if not DOCUMENT_ID.fullmatch(value):
        return [_at(xml, idno, f'the document id "{value}" must be lower-case letters and digits in words '
                    "joined by single hyphens (it names files in the build)")]
    if (value in SITE_NAMES and not _owns(xml, value)) or value in DEVICE_NAMES:
        return [_at(xml, idno, f'the document id "{value}" is a reserved name of the site or of an operating system')]
    if Path(xml.path).stem != value:
        return [_at(xml, idno, f'the document id "{value}" differs from the file name "{Path(xml.path).name}"')]
    return []


def _owns(xml: XmlFile, name: str) -> bool:
    """Whether the file is the one the site names its pages after: the introduction."""
    return name == INTRODUCTION and xml.tree.getroot().get("type") == INTRODUCTION


def document_id(xml: XmlFile) -> str:
    """The document id a file states in its publication statement ("" if none)."""
    idno = id_element(xml)
    return (idno.text or "").strip() if idno is not None else ""


def id_element(xml: XmlFile):
    """The publication statement's idno of type "document", or None."""
    return xml.tree.find("tei:teiHeader/tei:fileDesc/tei:publicationStmt/tei:idno[@type='document']", NS)


def _at(xml: XmlFile, element, message: str) -> Problem:
    return Problem(str(xml.path), *xml.position(element), message)
