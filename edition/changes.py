"""What changed between released versions and the sources: the kind of version the change
needs, and the published references that no longer resolve.

Each version is seen the same way, with the current toolkit: for every document, its
references in order and the reading text that is each unit's own (xslt/search.xsl, from the
stamps of the normalisation pass). A change of a document's text or of its references needs
a new major version; a new document, a new minor version; anything else (the markup, the
notes, the headers) a patch.

A reference published in any release must still resolve, unless a header declares what
became of it, in the ``change`` of the version that dropped it::

    <listRelation type="references">
      <relation name="merged" active="mim-program-1996:7.3" passive="mim-program-1996:7.2">
        <desc>why</desc></relation>
    </listRelation>

``name`` is ``moved`` (to the reference in ``passive``), ``merged`` (into it) or
``withdrawn`` (no ``passive``); ``desc`` gives the reason.
"""

from __future__ import annotations

import dataclasses
import json
from dataclasses import dataclass, field
from pathlib import Path

from . import documents, versions
from .errors import Problem
from .project import Project
from .saxon import Stylesheets
from .versions import LEVELS, Version
from .xmlfile import NS, XmlFile

STYLESHEETS = ["search.xsl"]
DECLARATIONS = "tei:teiHeader/tei:revisionDesc/tei:change/tei:listRelation[@type = 'references']/tei:relation"
KINDS = ("moved", "merged", "withdrawn")
WENT = {"moved": "moved to", "merged": "merged into"}


@dataclass
class Snapshot:
    """A version as references see it: document id -> {reference inside it: its own reading
    text}, in document order, where each document's file is, and each unit's fragment id."""

    texts: dict[str, dict[str, str]] = field(default_factory=dict)
    files: dict[str, XmlFile] = field(default_factory=dict)
    ids: dict[str, dict[str, str]] = field(default_factory=dict)  # each unit's fragment id
    introduction: XmlFile | None = None  # the editors' introduction, which cites passages

    def references(self) -> list[str]:
        """Every reference the version resolves: each document, and each of its units."""
        return [f"{document}:{ref}" if ref else document
                for document, units in self.texts.items() for ref in ("", *units)]


@dataclass(frozen=True)
class Declaration:
    """A header's statement of what became of a published reference."""

    kind: str
    old: str
    new: str
    reason: str
    where: tuple[str, int, int]

    def summary(self) -> str:
        if self.kind in WENT:
            return f"{self.old} {WENT[self.kind]} {self.new}"
        return f"{self.old} {self.kind}: {self.reason}"


@dataclass(frozen=True)
class Report:
    """What the comparison found: the problems, the last release, the kind of change since,
    how many documents and references the sources have, the declarations that apply."""

    problems: list[Problem]
    previous: Version | None
    level: str
    documents: int
    references: int
    declared: tuple[str, ...]


def compare(project: Project, released: list[Version], version: Version) -> Report:
    """Compare the sources, to be released as ``version``, with every released version."""
    stylesheets = Stylesheets(project.xslt, STYLESHEETS)
    current = snapshot(project, project.texts, stylesheets)
    published: dict[str, Version] = {}  # each reference, and the first release that had it
    last = None
    for earlier in released:
        with versions.checked_out(project.root, earlier) as folder:
            last = snapshot(project, folder, stylesheets)
        for reference in last.references():
            published.setdefault(reference, earlier)
    declarations = declared(current)
    problems = dropped_problems(current, published, declarations) + declaration_problems(current, published, declarations)
    previous = released[-1] if released else None
    level, reason = change_level(last, current) if last else ("major", "")
    problems += version_problems(current, version, previous, level, reason)
    problems += introduction_problems(current, version)
    dropped = set(published) - set(current.references())
    return Report(problems, previous, level, len(current.texts), len(current.references()),
                  tuple(d.summary() for d in declarations if d.old in dropped))


def snapshot(project: Project, folder: Path, stylesheets: Stylesheets) -> Snapshot:
    """The references and unit texts of the works of ``folder``."""
    edition = documents.load(dataclasses.replace(project, texts_folder=folder), stylesheets)
    seen = Snapshot()
    for work in edition.works:
        records = json.loads(stylesheets.transform("search.xsl", work.file.tree, work.path))
        seen.texts[work.id] = {unit["ref"]: unit["text"] for unit in records["units"] if unit["ref"]}
        seen.ids[work.id] = {unit["ref"]: unit["id"] for unit in records["units"] if unit["ref"]}
        seen.files[work.id] = work.file
    seen.introduction = edition.introduction
    return seen


def declared(current: Snapshot) -> list[Declaration]:
    """Every declaration of the works' headers."""
    found = []
    for xml in current.files.values():
        for relation in xml.tree.getroot().xpath(DECLARATIONS, namespaces=NS):
            reason = " ".join("".join(relation.xpath("string(tei:desc)", namespaces=NS)).split())
            found.append(Declaration(relation.get("name", ""), relation.get("active", "").strip(),
                                     relation.get("passive", "").strip(), reason,
                                     (str(xml.path), *xml.position(relation))))
    return found


def introduction_problems(current: Snapshot, version: Version) -> list[Problem]:
    """The introduction's references to passages (``ref/@cRef``) name passages the version
    has: a build would refuse the version otherwise, its page linking them nowhere."""
    xml = current.introduction
    if xml is None:
        return []
    units = {f"{document}:{ref}" for document, refs in current.texts.items() for ref in refs}
    return [Problem(str(xml.path), *xml.position(ref), f'@cRef="{ref.get("cRef")}" names no passage of version '
                    f"{version}: point it to where the passage is now")
            for ref in xml.tree.iterfind(".//tei:ref[@cRef]", NS) if ref.get("cRef") not in units]


def dropped_problems(current: Snapshot, published: dict[str, Version], declarations: list[Declaration]) -> list[Problem]:
    """A problem for each published reference that no longer resolves and is not declared."""
    resolved, accounted = set(current.references()), {d.old for d in declarations}
    return [Problem(*_revisions_of(current, reference), f"{reference}, published in {published[reference].tag}, "
                    "no longer resolves: declare what became of it in the revisionDesc/change of this version "
                    "(listRelation type=\"references\", relation name=\"moved\", \"merged\" or \"withdrawn\")")
            for reference in published if reference not in resolved and reference not in accounted]


def declaration_problems(current: Snapshot, published: dict[str, Version],
                         declarations: list[Declaration]) -> list[Problem]:
    """Each declaration names a published reference that no longer resolves, once, and says
    where it went (a reference that resolves) or why it was withdrawn."""
    resolved, problems, seen = set(current.references()), [], set()
    for d in declarations:
        problems += [Problem(*d.where, message) for message in _declaration_faults(d, resolved, published, seen)]
        seen.add(d.old)
    return problems


def _declaration_faults(d: Declaration, resolved: set[str], published: dict[str, Version], seen: set[str]) -> list[str]:
    if d.kind not in KINDS:
        return [f"relation name {d.kind!r}: a declaration of a reference is one of {', '.join(KINDS)}"]
    faults = []
    if not d.old:
        faults.append("the declaration names no reference (active)")
    elif d.old in resolved:
        faults.append(f"{d.old} is declared {d.kind} but still resolves")
    elif d.old not in published:
        faults.append(f"{d.old} was not published in any release: there is nothing to declare")
    if d.old in seen:
        faults.append(f"{d.old} is declared more than once")
    if d.kind == "withdrawn" and d.new:
        faults.append(f"{d.old} is declared withdrawn, so it goes nowhere (no passive)")
    if d.kind in WENT and d.new not in resolved:
        faults.append(f"{d.old} is declared {d.kind}, but {d.new or 'no reference'} (passive) does not resolve")
    if not d.reason:
        faults.append(f"the declaration of {d.old} gives no reason (desc)")
    return faults


def change_level(last: Snapshot, current: Snapshot) -> tuple[str, str]:
    """The kind of version the change from ``last`` to ``current`` needs, and why."""
    for document, units in last.texts.items():
        now = current.texts.get(document)
        if now is None:
            return "major", f"the document {document} is no longer in the edition"
        if list(now) != list(units):
            return "major", f"the references of {document} changed ({_difference(list(units), list(now))})"
        for ref, text in units.items():
            if now[ref] != text:
                return "major", f"the text of {document}:{ref} changed"
    added = [document for document in current.texts if document not in last.texts]
    if added:
        return "minor", f"the document {added[0]} is new"
    return "patch", "neither the text nor the references changed"


def _difference(before: list[str], after: list[str]) -> str:
    gone = [ref for ref in before if ref not in after]
    new = [ref for ref in after if ref not in before]
    parts = ([f"{', '.join(gone[:3])} gone"] if gone else []) + ([f"{', '.join(new[:3])} new"] if new else [])
    return "; ".join(parts) or "renumbered"


def version_problems(current: Snapshot, version: Version, previous: Version | None, level: str,
                     reason: str) -> list[Problem]:
    """The version follows the last release, at the level the change needs (or a higher one)."""
    if previous is None:
        return []
    where = _edition_position(current)
    if version <= previous:
        return [Problem(*where, f"version {version} does not follow the last release, {previous.tag}")]
    allowed = [previous.next(name) for name in LEVELS[LEVELS.index(level):]]
    if version in allowed:
        return []
    return [Problem(*where, f"version {version} does not follow from the changes since {previous.tag}: {reason}, "
                    f"which needs version {previous.next(level)}"
                    + (f" (or {', '.join(map(str, allowed[1:]))})" if len(allowed) > 1 else ""))]


def _edition_position(current: Snapshot) -> tuple[str, int, int]:
    for xml in current.files.values():
        edition = xml.tree.find("tei:teiHeader/tei:fileDesc/tei:editionStmt/tei:edition", NS)
        if edition is not None:
            return str(xml.path), *xml.position(edition)
    return "texts", 0, 0


def _revisions_of(current: Snapshot, reference: str) -> tuple[str, int, int]:
    """Where a reference's declaration belongs: its document's revisionDesc (or its file)."""
    xml = current.files.get(reference.partition(":")[0])
    if xml is None:
        return "texts", 0, 0
    place = xml.tree.find("tei:teiHeader/tei:revisionDesc", NS)
    return str(xml.path), *xml.position(place if place is not None else xml.tree.getroot())
