"""The pages of the web edition that list its versions, made when it has released versions:

- ``<id>.versions.html`` for each document: its versions, with what changed in each (its
  header's ``revisionDesc/change``), and the comparison of its text between versions, passage
  by passage, word by word: each version with the next, and each with the current one;
- ``versions.html``: the concordance of references across versions, what became of each;
- ``versions.json``: the same concordance as data (edition.concordance).

The texts compared are those the concordance was made from (each unit's own reading text,
edition.changes.snapshot, kept by edition.version_builds). The comparison is made here, as
data (``<versions>`` below), and the stylesheet (xslt/versions.xsl) makes the pages from it
with the other pages' skeleton.
"""

from __future__ import annotations

import difflib
import json
from pathlib import Path

from lxml import etree

from . import documents, version_builds
from .outputs import html
from .saxon import Stylesheets
from .version_builds import VersionBuild

STYLESHEETS = ["versions.xsl"]
CURRENT = "current"
CONTEXT = 8  # the words kept on either side of a change; a longer unchanged run is elided


def write(project, builds: list[VersionBuild], staging: Path) -> list[Path]:
    """The concordance as JSON and as a page, and each document's versions page, into
    ``staging``/html; the files written."""
    found_json, texts = version_builds.surveyed(builds)
    found = json.loads(found_json)
    out = staging / "html"
    out.mkdir(parents=True, exist_ok=True)
    written = [out / "versions.json"]
    written[0].write_text(found_json, encoding="utf-8")
    stylesheets = Stylesheets(project.xslt, STYLESHEETS)
    edition = documents.load(project, stylesheets)
    data = etree.ElementTree(version_data(found, texts, [work.id for work in edition.works]))
    works = [work.file.tree for work in edition.works]
    common = {**html.page_params(edition), "works": works, "version-data": data}
    host = edition.registers or (edition.works[0].file if edition.works else None)
    if host is None:
        return written
    written.append(_page(out / "versions.html", stylesheets.transform(
        "versions.xsl", host.tree, host.path, {**common, "page": "versions"})))
    for work in edition.works:
        written.append(_page(out / f"{work.id}.versions.html", stylesheets.transform(
            "versions.xsl", work.file.tree, work.path, {**common, "page": "document-versions"})))
    return written


def version_data(found: dict, texts: dict, documents_now: list[str]) -> etree._Element:
    """``<versions current=".."><version n=".." released="true|false"/>... <document id="..">
    <comparison from=".." to=".." unchanged="N"><passage ref=".." change="changed|added|
    dropped">(<same>, <del>, <ins>, <gap/>)</passage>...</comparison></document>
    <reference ref="doc:ref"><in version=".." href=".."/>...<became kind=".." to=".."
    reason=".." in=".."/></reference>...</versions>``: what the pages show. A version is named
    by its number; the current sources by theirs too, as not released if they are not."""
    released = found["versions"]
    names = [*released, CURRENT] if found["current"] not in released else list(released)
    label = {CURRENT: found["current"], **{name: name for name in released}}
    root = etree.Element("versions", current=found["current"])
    for name in names:
        etree.SubElement(root, "version", n=label[name], released=str(name != CURRENT).lower())
    for document in documents_now:
        element = etree.SubElement(root, "document", id=document)
        for before, after in _pairs(names):
            element.append(_comparison(document, texts, before, after, label, _became(found, document)))
    for entry in found["references"]:
        root.append(_reference(entry, label, [*released, CURRENT]))
    return root


def _pairs(names: list[str]) -> list[tuple[str, str]]:
    """Each version with the next, and with the last (the current), once each."""
    pairs = [(a, b) for a, b in zip(names, names[1:])]
    pairs += [(a, names[-1]) for a in names[:-2]]
    return sorted(pairs, key=lambda pair: (names.index(pair[0]), names.index(pair[1])))


def _comparison(document: str, texts: dict, before: str, after: str, label: dict, became: dict) -> etree._Element:
    old, new = texts.get(before, {}).get(document, {}), texts.get(after, {}).get(document, {})
    comparison = etree.Element("comparison", {"from": label[before], "to": label[after]})
    unchanged = 0
    for ref in _in_order(list(old), list(new)):
        if ref in old and ref in new and old[ref] == new[ref]:
            unchanged += 1
            continue
        change = "changed" if ref in old and ref in new else "added" if ref in new else "dropped"
        passage = etree.SubElement(comparison, "passage", ref=ref, change=change)
        if change == "dropped" and ref in became:
            passage.append(etree.Element("became", became[ref]))
        _word_changes(passage, old.get(ref, ""), new.get(ref, ""))
    comparison.set("unchanged", str(unchanged))
    return comparison


def _in_order(before: list[str], after: list[str]) -> list[str]:
    """The references of both versions, in the order of the later, each dropped one after
    the reference that preceded it in the earlier."""
    order = list(after)
    for index, ref in enumerate(before):
        if ref not in order:
            previous = next((before[i] for i in range(index - 1, -1, -1) if before[i] in order), None)
            order.insert(order.index(previous) + 1 if previous else 0, ref)
    return order


def _word_changes(passage: etree._Element, old: str, new: str) -> None:
    """The words of a passage as removed, added or kept; of a long kept run, its ends."""
    before, after = old.split(), new.split()
    operations = difflib.SequenceMatcher(None, before, after, autojunk=False).get_opcodes()
    for index, (operation, a1, a2, b1, b2) in enumerate(operations):
        if operation == "equal":
            _kept(passage, before[a1:a2], first=index == 0, last=index == len(operations) - 1)
            continue
        if a2 > a1:
            etree.SubElement(passage, "del").text = " ".join(before[a1:a2])
        if b2 > b1:
            etree.SubElement(passage, "ins").text = " ".join(after[b1:b2])


def _kept(passage: etree._Element, words: list[str], first: bool, last: bool) -> None:
    head = [] if first else words[:CONTEXT]
    tail = [] if last else words[-CONTEXT:]
    if len(words) <= len(head) + len(tail) + 1:
        etree.SubElement(passage, "same").text = " ".join(words)
        return
    if head:
        etree.SubElement(passage, "same").text = " ".join(head)
    etree.SubElement(passage, "gap", words=str(len(words) - len(head) - len(tail)))
    if tail:
        etree.SubElement(passage, "same").text = " ".join(tail)


def _became(found: dict, document: str) -> dict[str, dict[str, str]]:
    """What the headers declare became of the document's dropped references."""
    return {entry["reference"].partition(":")[2]: {key: value for key, value in entry["became"].items()}
            for entry in found["references"]
            if entry.get("became") and entry["reference"].partition(":")[0] == document}


def _reference(entry: dict, label: dict, names: list[str]) -> etree._Element:
    """A reference, its passage in each version, and what became of it, in which version."""
    reference = etree.Element("reference", ref=entry["reference"])
    for name, page in entry["passages"].items():
        etree.SubElement(reference, "in", version=label[name], current=str(name == CURRENT).lower(), href=page)
    if entry.get("became"):
        last = max(names.index(name) for name in entry["passages"])
        dropped = names[last + 1] if last + 1 < len(names) else CURRENT
        reference.append(etree.Element("became", {**entry["became"], "in": label[dropped]}))
    return reference


def _page(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path
