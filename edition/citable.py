"""Canonical references: ``<document id>``, ``<id>:<point>``, ``<id>:<point>.<block>``.

The scheme is read from each header's refsDecl/citeStructure by the normalisation pass
every output runs first (xslt/common/normalise.xsl, through xslt/citations.xsl), which
stamps each unit with its reference and fragment id; nothing here repeats it, and no
reference is taken apart: a unit's own value and the units that hold it come with it.
"""

from __future__ import annotations

from dataclasses import dataclass

from lxml import etree

from .documents import Edition, Work
from .errors import EditionError
from .xmlfile import element_at

STYLESHEETS = ["citations.xsl"]
MAX_REFERENCE_LENGTH = 200
DELIMITERS = ".,;_~-"  # what may join a unit's reference to its parent's (edition/scheme.py)


@dataclass(frozen=True)
class Unit:
    """One citable unit: its reference inside the document, its HTML id, its kind, its heading,
    the path of its element, and its own value (the last part of its reference: "2" of "7.2")."""

    document: str
    ref: str
    id: str
    unit: str
    label: str
    path: str
    value: str = ""

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
    return [Unit(work.id, u.get("ref"), u.get("id"), u.get("unit"), u.get("label"), u.get("path"), u.get("value"))
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
            return Passage(work, unit, holders(unit, known) + (unit,))
    raise EditionError.at(reference, f"no passage {ref!r}: {_what_exists(document, ref, known)}")


def holders(unit: Unit, known: list[Unit]) -> tuple[Unit, ...]:
    """The units that hold ``unit``, outermost first."""
    return tuple(u for u in known if unit.path.startswith(u.path + "/"))


def _what_exists(document: str, ref: str, known: list[Unit]) -> str:
    """'mim-program-1996 has front note, title; points 1-10', or the units of the unit the
    reference begins with (the longest that exists), e.g. 'mim-program-1996:7 has blocks 1-3'."""
    above = max((u for u in known if len(ref) > len(u.ref) and ref.startswith(u.ref) and ref[len(u.ref)] in DELIMITERS),
                key=lambda u: len(u.ref), default=None)
    inside = [u for u in known if (holders(u, known)[-1:] or (None,))[0] == above]
    where = f"{document}:{above.ref}" if above else document
    kinds: dict[str, list[str]] = {}
    for unit in inside:
        kinds.setdefault(unit.unit, []).append(unit.value)
    listed = "; ".join(f"{kind}{'s' if len(values) > 1 else ''} {_span(values)}" for kind, values in kinds.items())
    return f"{where} has {listed}" if listed else f"{where} has no units"


def _span(values: list[str]) -> str:
    numbers = [int(v) for v in values if v.isdigit()]
    if numbers and len(numbers) == len(values) and numbers == list(range(numbers[0], numbers[-1] + 1)):
        return f"{numbers[0]}-{numbers[-1]}" if len(numbers) > 1 else str(numbers[0])
    return ", ".join(values)
