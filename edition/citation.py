"""Canonical references: ``<document id>``, ``<id>:<point>``, ``<id>:<point>.<block>``.

The scheme is read from each header's refsDecl/citeStructure by the same XSLT module
the web and print outputs use (xslt/common/citation.xsl, through xslt/citations.xsl);
nothing here repeats it.
"""

from __future__ import annotations

from dataclasses import dataclass

from lxml import etree

from .documents import Edition, Work
from .errors import EditionError
from .xmlfile import element_at

STYLESHEETS = ["citations.xsl"]
MAX_REFERENCE_LENGTH = 200


@dataclass(frozen=True)
class Unit:
    """One citable unit: its reference inside the document, its HTML id, its kind."""

    document: str
    ref: str
    id: str
    unit: str
    label: str
    path: str

    @property
    def reference(self) -> str:
        return f"{self.document}:{self.ref}"


@dataclass(frozen=True)
class Passage:
    """What a reference resolves to: a work, and one of its units unless the whole is cited."""

    work: Work
    unit: Unit | None
    units: tuple[Unit, ...] = ()  # the unit and the units that hold it, outermost first

    @property
    def reference(self) -> str:
        return self.unit.reference if self.unit else self.work.id

    @property
    def fragment(self) -> str:
        return f"#{self.unit.id}" if self.unit else ""

    def element(self):
        return element_at(self.work.file.tree, self.unit.path) if self.unit else self.work.file.tree.getroot()


def units(edition: Edition, work: Work) -> list[Unit]:
    """Every citable unit of a work, in document order."""
    listing = etree.fromstring(edition.stylesheets.transform("citations.xsl", work.file.tree, work.path).encode())
    return [Unit(work.id, u.get("ref"), u.get("id"), u.get("unit"), u.get("label"), u.get("path"))
            for u in listing.iterfind("unit")]


def resolve(edition: Edition, reference: str) -> Passage:
    """The passage a reference names; an unknown one raises with what does exist."""
    if len(reference) > MAX_REFERENCE_LENGTH:
        raise EditionError.at(reference[:60] + "...", f"a reference is at most {MAX_REFERENCE_LENGTH} characters long")
    document, _, ref = reference.strip().partition(":")
    works = {w.id: w for w in edition.works}
    if document not in works:
        raise EditionError.at(reference, f"no document {document!r}; the edition has {', '.join(sorted(works))}")
    work = works[document]
    if not ref:
        return Passage(work, None)
    known = units(edition, work)
    for unit in known:
        if unit.ref == ref:
            holders = tuple(u for u in known if unit.path.startswith(u.path + "/"))
            return Passage(work, unit, holders + (unit,))
    raise EditionError.at(reference, f"no passage {ref!r}: {_what_exists(document, ref, known)}")


def _what_exists(document: str, ref: str, known: list[Unit]) -> str:
    """'mim-program-1996 has points 1-10', or the blocks of the point the reference names
    (or of the nearest unit above it that exists)."""
    parent, _, _ = ref.rpartition(".")
    siblings = [u for u in known if u.ref.rpartition(".")[0] == parent and (parent or "." not in u.ref)]
    while parent and not siblings:
        parent, _, _ = parent.rpartition(".")
        siblings = [u for u in known if u.ref.rpartition(".")[0] == parent and (parent or "." not in u.ref)]
    kind = siblings[0].unit if siblings else "unit"
    values = [u.ref.rpartition(".")[2] for u in siblings]
    where = f"{document}:{parent}" if parent else document
    return f"{where} has {kind}s {_span(values)}"


def _span(values: list[str]) -> str:
    numbers = [int(v) for v in values if v.isdigit()]
    if numbers and len(numbers) == len(values) and numbers == list(range(numbers[0], numbers[-1] + 1)):
        return f"{numbers[0]}-{numbers[-1]}" if len(numbers) > 1 else str(numbers[0])
    return ", ".join(values)
