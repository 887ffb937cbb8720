"""A real client of the edition's TEI: the TEI Consortium's plain-text stylesheet
(../shared/peers/teic-stylesheets/txt/tei-to-text.xsl) shows the first reading of each
<choice>. The edition gives its own reading first, so that such a client reads the reading
text: every word of build/text/<id>.txt, in order."""

from __future__ import annotations

import re

import pytest

from conftest import SHARED, WORK_IDS, reading_blocks
from edition.saxon import Stylesheets
from edition.xmlfile import parse

PEER = SHARED / "peers" / "teic-stylesheets" / "txt"
WORD = re.compile(r"\w+")


@pytest.fixture(scope="module")
def tei_to_text():
    return Stylesheets(PEER, ["tei-to-text.xsl"])


def missing_in_order(expected: list[str], found: list[str]) -> list[str]:
    """The words of ``expected`` from the first that ``found`` lacks at its place, in order."""
    position = 0
    for index, word in enumerate(expected):
        try:
            position = found.index(word, position) + 1
        except ValueError:
            return expected[index:]
    return []


@pytest.mark.parametrize("work_id", WORK_IDS)
def test_the_tei_consortiums_text_stylesheet_reads_the_reading_text(built, project, tei_to_text, work_id):
    source = project.texts / f"{work_id}.xml"
    peer = tei_to_text.transform("tei-to-text.xsl", parse(source).tree, source)
    reading = " ".join(reading_blocks((built / "text" / f"{work_id}.txt").read_text(encoding="utf-8")))
    expected, found = WORD.findall(reading), WORD.findall(peer)
    assert expected and missing_in_order(expected, found) == []
    # Every reading the edition gives is there; no reading of the source it corrects is.
    for choice in parse(source).tree.iterfind(".//{http://www.tei-c.org/ns/1.0}choice"):
        edited, original = ("".join(reading.itertext()) for reading in choice)
        assert edited in peer and original not in peer
