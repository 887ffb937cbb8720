"""The edition loses, reorders and silently changes nothing of its sources."""

from __future__ import annotations

import re

import pytest
from lxml import etree

from edition.xmlfile import NS, parse

from conftest import SOURCES, WORK_IDS, collapse, reading_blocks


def interventions(project, work_id: str) -> list[tuple[str, str, str]]:
    """(kind, source reading, edition reading) of every choice, in document order."""
    tree = parse(project.texts / f"{work_id}.xml").tree
    found = []
    for choice in tree.iterfind(".//tei:text//tei:choice", NS):
        edited, source = list(choice)  # the edition's reading first (the schema says so)
        found.append((etree.QName(source).localname, collapse("".join(source.itertext())),
                      collapse("".join(edited.itertext()))))
    return found


@pytest.mark.parametrize("work_id", WORK_IDS)
def test_diplomatic_text_equals_the_source(built, work_id):
    diplomatic = (built / "text" / f"{work_id}.diplomatic.txt").read_text(encoding="utf-8")
    source = (SOURCES / f"{work_id}.txt").read_text(encoding="utf-8")
    assert collapse(diplomatic) == collapse(source)


@pytest.mark.parametrize("work_id", WORK_IDS)
def test_reading_text_differs_only_by_the_recorded_interventions(built, project, work_id):
    diplomatic = collapse((built / "text" / f"{work_id}.diplomatic.txt").read_text(encoding="utf-8"))
    expected, cursor = "", 0
    for _kind, source, edited in interventions(project, work_id):
        found = diplomatic.index(source, cursor)
        expected += diplomatic[cursor:found] + edited
        cursor = found + len(source)
    expected += diplomatic[cursor:]
    reading = (built / "text" / f"{work_id}.txt").read_text(encoding="utf-8")
    assert " ".join(reading_blocks(reading)) == expected


def test_the_known_faults_of_the_mim_source_are_encoded(project):
    found = interventions(project, "mim-program-1996")
    assert ("sic", "indendendent", "independent") in found
    for broken in ("Marxism- Leninism", "nation- states", "imperialist- country", "1949- 1976"):
        assert ("orig", broken, broken.replace("- ", "-")) in found


@pytest.mark.parametrize("spelling", ["Amerika", "wimmin"])
def test_deliberate_spellings_are_kept_not_corrected(project, spelling):
    tree = parse(project.texts / "mim-program-1996.xml").tree
    holders = tree.xpath(f"//tei:text//*[contains(text(), '{spelling}')]", namespaces=NS)
    assert holders, f"{spelling} is in the text"
    assert all(etree.QName(h).localname not in ("sic", "orig") for h in holders)


@pytest.mark.parametrize("work_id", WORK_IDS)
def test_the_reading_text_is_nfc_wrapped_at_72_columns_with_numbered_endnotes(built, work_id):
    import unicodedata

    reading = (built / "text" / f"{work_id}.txt").read_text(encoding="utf-8")
    assert unicodedata.is_normalized("NFC", reading)
    assert max(len(line) for line in reading.splitlines()) <= 72
    body, notes = reading.split("\nNotes\n", 1)
    markers = re.findall(r"\[(\d+)\]", body)
    assert markers == [str(n) for n in range(1, len(markers) + 1)]
    assert re.findall(r"^\[(\d+)\] ", notes, flags=re.MULTILINE) == markers
