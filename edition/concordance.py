"""The concordance of references across versions (html/versions.json): for each reference any
released version or the current sources have, the versions that have it, its passage in each,
and, for one the current sources no longer have, what the headers declare became of it.

It is made from what the normalisation pass stamps on each version's units
(edition.changes.snapshot) and from the current headers' declarations, each checked against
the current text: a declared destination that does not resolve is not given as one.
"""

from __future__ import annotations

import json
from pathlib import Path

from . import changes
from .project import Project
from .saxon import Stylesheets
from .xmlfile import NS


def concordance(project: Project, released: list[tuple[str, Path]]) -> str:
    """The concordance as JSON, from the current sources and each released version's texts
    (its version, and the folder of its sources)."""
    stylesheets = Stylesheets(project.xslt, changes.STYLESHEETS)
    current = changes.snapshot(project, project.texts, stylesheets)
    seen = {version: changes.snapshot(project, folder, stylesheets) for version, folder in released}
    declared = {d.old: d for d in changes.declared(current)}
    resolved = set(current.references())
    references = {}
    for version, snapshot in [*seen.items(), ("current", current)]:
        for document, ids in snapshot.ids.items():
            for ref, fragment in ids.items():
                entry = references.setdefault(f"{document}:{ref}", {"reference": f"{document}:{ref}", "passages": {}})
                page = f"{document}.html#{fragment}"
                entry["passages"][version] = page if version == "current" else f"v/{version}/{page}"
    for reference, entry in references.items():
        if reference not in resolved:
            entry["became"] = _became(declared.get(reference), resolved)
    return json.dumps({"current": _version(current), "versions": list(seen), "references": list(references.values())},
                      indent=1, ensure_ascii=False) + "\n"


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
