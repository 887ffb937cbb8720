"""The concordance of references across versions (html/versions.json): for each reference any
released version or the current sources have, the versions that have it, its passage in each,
and, for one the current sources no longer have, what the headers declare became of it.

It is made from what the normalisation pass stamps on each version's units
(edition.changes.snapshot) and from the current headers' declarations, each checked against
the current text: a declared destination that does not resolve is not given as one.

From it come the links of an old version's pages (``links``): for each passage of a document
in that version, the same passage in the current version, or what became of it.
"""

from __future__ import annotations

import json
from pathlib import Path

from . import changes
from .project import Project
from .saxon import Stylesheets
from .versions import site_folder
from .xmlfile import NS


def concordance(project: Project, released: list[tuple[str, Path]]) -> str:
    """The concordance as JSON, from the current sources and each released version's texts
    (its version, and the folder of its sources)."""
    return survey(project, released)[0]


def survey(project: Project, released: list[tuple[str, Path]]) -> tuple[str, str]:
    """The concordance as JSON, and every version's texts as JSON ({version or "current":
    {document: {reference: its own reading text}}}), from one reading of each version."""
    stylesheets = Stylesheets(project.xslt, changes.STYLESHEETS)
    current = changes.snapshot(project, project.texts, stylesheets)
    seen = {version: changes.snapshot(project, folder, stylesheets) for version, folder in released}
    texts = {version: snapshot.texts for version, snapshot in [*seen.items(), ("current", current)]}
    return _concordance(current, seen), json.dumps(texts, ensure_ascii=False, sort_keys=True) + "\n"


def _concordance(current: changes.Snapshot, seen: dict[str, changes.Snapshot]) -> str:
    declared = {d.old: d for d in changes.declared(current)}
    resolved = set(current.references())
    references = {}
    for version, snapshot in [*seen.items(), ("current", current)]:
        for document, ids in snapshot.ids.items():
            for ref, fragment in ids.items():
                entry = references.setdefault(f"{document}:{ref}", {"reference": f"{document}:{ref}", "passages": {}})
                page = f"{document}.html#{fragment}"
                entry["passages"][version] = page if version == "current" else site_folder(version) + page
    for reference, entry in references.items():
        if reference not in resolved:
            entry["became"] = _became(declared.get(reference), resolved)
    return json.dumps({"current": _version(current), "versions": list(seen), "references": list(references.values())},
                      indent=1, ensure_ascii=False) + "\n"


def links(found: dict, version: str) -> dict[str, dict[str, dict]]:
    """What an old version's pages say beside each passage, by document and reference inside
    it: ``{"kind": "current", "fragment": ..}`` (the same reference in the current version;
    not whether its text changed, so that a correction of the current text does not make
    every version again), or what became of it in the version that
    dropped it (``{"kind": "moved"|"merged", "to": reference, "document": .., "fragment": ..,
    "reason": .., "in": version}``, ``{"kind": "withdrawn", "reason": .., "in": ..}``), or
    ``{"kind": "gone", "in": ..}`` when nothing is declared. The document itself, under
    the empty reference, if the current version has it."""
    entries = {entry["reference"]: entry for entry in found["references"]}
    later = [*found["versions"][found["versions"].index(version) + 1:], "current"]
    shown: dict[str, dict[str, dict]] = {}
    for reference, entry in entries.items():
        if version not in entry["passages"]:
            continue
        document, _, ref = reference.partition(":")
        shown.setdefault(document, {})[ref] = _fate(entry, entries, later)
        if "current" in entry["passages"]:
            shown[document][""] = {"kind": "current"}  # the document itself
    return shown


def _fate(entry: dict, entries: dict, later: list[str]) -> dict:
    if "current" in entry["passages"]:
        return {"kind": "current", "fragment": _fragment(entry["passages"]["current"])}
    dropped = next(name for name in later if name not in entry["passages"])
    became = entry.get("became") or {"kind": "gone"}
    fate = {**became, "in": dropped}
    if "to" in became:
        fate["document"] = became["to"].partition(":")[0]
        fate["fragment"] = _fragment(entries[became["to"]]["passages"]["current"])
    return fate


def _fragment(page: str) -> str:
    return page.partition("#")[2]


def _became(declaration: changes.Declaration | None, resolved: set[str]) -> dict | None:
    """What the headers declare became of a reference the current sources do not have."""
    if declaration is None or declaration.kind not in changes.KINDS:
        return None
    became = {"kind": declaration.kind, "reason": declaration.reason}
    if declaration.kind in changes.WENT and declaration.new in resolved:
        became["to"] = declaration.new
    return became


def _version(current: changes.Snapshot) -> str:
    for xml in current.files.values():
        edition = xml.tree.find("tei:teiHeader/tei:fileDesc/tei:editionStmt/tei:edition", NS)
        if edition is not None and edition.get("n"):
            return edition.get("n")
    return ""
