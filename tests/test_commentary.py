"""The editors' commentary: a note on each term of art, allusion and deliberate spelling a reader
outside the movement would stumble on, at its first occurrence in each text, pointing to its
sources, saying what could not be established; numbered with the textual notes and set apart
from them in every output. Quotation, paraphrase and allusion are told apart in the encoding
and in the words every output uses."""

from __future__ import annotations

import re

import lxml.html
import pytest
from lxml import etree
from pypdf import PdfReader

from conftest import WORK_IDS, collapse
from edition.xmlfile import NS, parse

# The terms the issue lists, and others, with the text whose first occurrence must carry them.
TERMS = {
    "mim-program-1996": ["Amerika", "continuous revolution", "unite all who can be united", "labor aristocracy",
                         "wimmin", "New Democracy", "politics in command"],
    "llco-what-we-strive-for": ["Proletarian World", "People’s War", "Leading Light Communism", "New Power",
                                "War of Movement", "Red Base Areas", "Serve the People", "politics in command",
                                "Proletarian Cultural Revolutions"],
}
# Where the sources establish no origin, the note says so.
NOT_ESTABLISHED = ["politics in command", "unite all who can be united"]
TEI = "{http://www.tei-c.org/ns/1.0}"


def tree(project, work_id: str):
    return parse(project.texts / f"{work_id}.xml").tree


def commentary(project, work_id: str) -> list:
    return tree(project, work_id).findall(".//tei:text//tei:note[@type='commentary']", NS)


def lemma(note) -> str:
    return collapse("".join(note.find("tei:q", NS).itertext()))


def source_text_before(note) -> str:
    """The words of the text before a note, the notes' own words left out."""
    return collapse("".join(_text_up_to(note.getroottree().find("tei:text", NS), note)))


def _text_up_to(element, stop):
    """Text and tails in document order, up to ``stop``, without the words of any note."""
    found = []

    def walk(node) -> bool:
        if node is stop:
            return True
        if node.tag != f"{TEI}note" and node.text:
            found.append(node.text)
        for child in node:
            if walk(child):
                return True
            if child.tail:
                found.append(child.tail)
        return False

    walk(element)
    return found


def register_bibls(project) -> dict[str, etree._Element]:
    registers = parse(project.texts / "registers.xml").tree
    return {b.get("{http://www.w3.org/XML/1998/namespace}id"): b for b in registers.iterfind(".//tei:listBibl/tei:bibl", NS)}


@pytest.mark.parametrize("work_id", WORK_IDS)
def test_each_term_has_a_note_at_its_first_occurrence(project, work_id):
    notes = {lemma(n): n for n in commentary(project, work_id)}
    for term in TERMS[work_id]:
        assert term in notes, f"no commentary on {term}"
        before = source_text_before(notes[term])
        # The note follows the term (and at most the punctuation that closes it) ...
        assert re.search(re.escape(term) + r"[.,;:]?$", before), (term, before[-60:])
        # ... at the term's first occurrence in the text.
        assert before.count(term) == 1, term


@pytest.mark.parametrize("work_id", WORK_IDS)
def test_every_commentary_note_points_to_references_of_the_registers(project, work_id):
    bibls = register_bibls(project)
    for note in commentary(project, work_id):
        targets = [p.get("target") for p in note.findall(".//tei:ptr[@type='source']", NS)]
        assert targets, lemma(note)
        for target in targets:
            assert target.startswith("registers.xml#") and target.split("#", 1)[1] in bibls, target


@pytest.mark.parametrize("term", NOT_ESTABLISHED)
def test_a_note_says_what_could_not_be_established(project, term):
    found = [n for w in WORK_IDS for n in commentary(project, w) if lemma(n) == term]
    assert found
    for note in found:
        assert re.search(r"could not (be )?establish", collapse("".join(note.itertext())))


@pytest.mark.parametrize("work_id", WORK_IDS)
def test_the_annotation_policy_includes_the_commentary(project, work_id):
    policy = collapse("".join(tree(project, work_id).find(".//tei:interpretation", NS).itertext()))
    assert "commentary" in policy and "general terms and ideologies are not" not in policy


@pytest.mark.parametrize("work_id", WORK_IDS)
def test_the_reading_text_numbers_the_commentary_with_the_other_notes(built, project, work_id):
    reading = (built / "text" / f"{work_id}.txt").read_text(encoding="utf-8")
    _, notes = reading.split("\nNotes\n", 1)
    entries = re.findall(r"^\[(\d+)\] (.*?)(?=^\[\d+\] |\Z)", notes, flags=re.MULTILINE | re.DOTALL)
    kinds = [collapse(text) for _, text in entries]
    commentary_entries = [k for k in kinds if k.startswith("Commentary. ")]
    assert len(commentary_entries) == len(commentary(project, work_id))
    for note, entry in zip(commentary(project, work_id), commentary_entries):
        assert entry.startswith(f"Commentary. “{lemma(note)}”")
        assert re.search(r" Sources?: .+", entry)
    diplomatic = (built / "text" / f"{work_id}.diplomatic.txt").read_text(encoding="utf-8")
    assert "Commentary" not in diplomatic


@pytest.mark.parametrize("view", ["", ".diplomatic"])
@pytest.mark.parametrize("work_id", WORK_IDS)
def test_the_web_pages_number_the_commentary_and_list_it_after_the_text(built, project, work_id, view):
    page = lxml.html.parse(str(built / "html" / f"{work_id}{view}.html"))
    markers = page.xpath("//article//sup[contains(@class, 'comm-ref')]/button")
    items = page.xpath("//article//section[contains(@class, 'commentary')]//li")
    assert len(markers) == len(items) == len(commentary(project, work_id))
    for marker, item in zip(markers, items):
        [note] = page.xpath(f"//*[@id = '{marker.get('popovertarget')}']")
        assert note.get("popover") == ""
        assert item.xpath(".//a[@class='back-ref']/@href") == ["#" + marker.get("id")]
        assert marker.text_content() == item.get("value")
        assert item.xpath(".//span[@class='sources']/a[starts-with(@href, 'works.html#src-') or starts-with(@href, 'works.html#')]")
    # Numbered in one series with the notes on interventions, a marker of each kind set apart
    # by its class.
    for marker in markers:
        assert "app-ref" not in marker.getparent().get("class")
    # The commentary is the editors' words: left out, the source's text remains.
    assert all("editorial" in s.get("class") for s in page.xpath("//section[contains(@class, 'commentary')]"))


@pytest.mark.parametrize("work_id", WORK_IDS)
def test_the_print_sets_the_commentary_as_footnotes_of_its_own_kind(built, project, work_id):
    page = lxml.html.parse(str(built / "print" / f"{work_id}.html"))
    notes = page.xpath("//span[contains(@class, 'footnote') and contains(@class, 'note-commentary')]")
    assert len(notes) == len(commentary(project, work_id))
    for note, source in zip(notes, commentary(project, work_id)):
        # The editors' quotation marks are the browser's and the renderer's (HTML q).
        assert collapse(note.text_content()).startswith(f"Commentary. {lemma(source)}")
        assert note.xpath("span[@class='note-kind']") and note.xpath(".//span[@class='sources']")
    # One footnote for each note of the reading text, in its order.
    reading = (built / "text" / f"{work_id}.txt").read_text(encoding="utf-8")
    numbered = len(re.findall(r"^\[\d+\] ", reading.split("\nNotes\n", 1)[1], flags=re.MULTILINE))
    assert len(page.xpath("//span[contains(@class, 'footnote')]")) == numbered
    pdf = "".join(p.extract_text() for p in PdfReader(str(built / "pdf" / f"{work_id}.pdf")).pages)
    assert collapse(pdf).count("Commentary.") >= len(notes)


# Quotation, paraphrase, allusion ------------------------------------------------------------

def test_the_marx_slogan_is_encoded_as_a_paraphrase(project):
    quotes = tree(project, "llco-what-we-strive-for").findall(".//tei:quote[@source='registers.xml#marx-critique-of-the-gotha-programme']", NS)
    assert len(quotes) == 2 and all(q.get("type") == "paraphrase" for q in quotes)


def test_the_echoes_of_the_black_panther_programme_are_allusions(project):
    segs = tree(project, "mim-program-1996").findall(".//tei:seg[@type='allusion']", NS)
    assert [collapse("".join(s.itertext())) for s in segs] == [
        "land, bread, housing, education, medical care, clothing, justice and peace",
        "We believe that oppressed people will not be free until they are able to determine their destinies."]
    assert {s.get("source") for s in segs} == {"registers.xml#bpp-ten-point-program"}
    assert "bpp-ten-point-program" in register_bibls(project)


@pytest.mark.parametrize("work_id, words", [
    ("llco-what-we-strive-for", ["Paraphrases", "Paraphrases", "Quoted from"]),
    ("mim-program-1996", ["Quoted from", "Echoes", "Echoes", "Quoted from"]),
])
def test_every_output_says_which_of_the_three_it_is(built, work_id, words):
    reading = (built / "text" / f"{work_id}.txt").read_text(encoding="utf-8")
    notes = collapse(reading.split("\nNotes\n", 1)[1])
    assert re.findall(r"\] (Quoted from|Paraphrases|Echoes)\b", notes) == words
    page = lxml.html.parse(str(built / "html" / f"{work_id}.html"))
    links = [a.text_content() for a in page.xpath("//article//sup[contains(@class, 'source-ref')]/a")]
    expected_links = {"Quoted from": "source", "Paraphrases": "paraphrase", "Echoes": "echo"}
    # Block quotations carry their link in the caption, after the quotation: the same order.
    assert links == [expected_links[w] for w in words]
    printed = lxml.html.parse(str(built / "print" / f"{work_id}.html"))
    footnotes = [collapse(s.text_content()) for s in printed.xpath("//span[contains(@class, 'source-note')]")]
    assert [re.match(r"(Quoted from|Paraphrases|Echoes)", f).group(1) for f in footnotes] == words
