"""The register pages as readers use them: each place that names an entry listed once, with how
often it names it and each name in the words around it (keyword in context), taken from the text
as it reads; the entries in the order readers look them up; counts that count what they say; no
doubled quotation marks; no page wider than a 320 px screen."""

from __future__ import annotations

import re
from pathlib import Path

import lxml.html
import pytest
from lxml import etree

from browser import chromium
from conftest import WORK_IDS, collapse

ROOT = Path(__file__).resolve().parents[1]
REGISTERS = ROOT / "texts" / "registers.xml"
TEI = {"tei": "http://www.tei-c.org/ns/1.0"}
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
REGISTER_PAGES = ("persons", "organisations", "places", "events", "works")
NOTE_MARKER = re.compile(r"\[\d+\]")  # a note's number in the reading text


def page(built: Path, name: str) -> lxml.html.HtmlElement:
    return lxml.html.document_fromstring((built / "html" / name).read_bytes())


def registers() -> etree._ElementTree:
    return etree.parse(str(REGISTERS), etree.XMLParser(resolve_entities=False, no_network=True))


def entries(document: lxml.html.HtmlElement) -> list[lxml.html.HtmlElement]:
    return document.xpath("//section[@class = 'entry']")


def snippet(kwic: lxml.html.HtmlElement) -> str:
    """A keyword in context as text, without the marks of words left out."""
    copy = lxml.html.fromstring(lxml.html.tostring(kwic))
    for cut in copy.xpath(".//*[@class = 'kwic-cut']"):
        cut.drop_tree()
    return collapse(copy.text_content())


def plain_text(built: Path, work_id: str) -> str:
    """The reading text as the edition publishes it, without its notes' numbers."""
    return collapse(NOTE_MARKER.sub("", (built / "text" / f"{work_id}.txt").read_text(encoding="utf-8")))


def times(count_line: str) -> int:
    words = {"once": 1, "twice": 2}
    found = re.search(r"(once|twice|(\d+) times)", count_line)
    return words.get(found.group(1)) or int(found.group(2))


def test_each_occurrence_shows_its_words_in_context(built):
    """Every name is shown in words of its text around it, the name marked, and that snippet
    stands, character for character, in the reading text of the work it links to."""
    texts = {work_id: plain_text(built, work_id) for work_id in WORK_IDS}
    shown = 0
    for name in REGISTER_PAGES:
        for place in page(built, f"{name}.html").xpath("//ul[@class = 'occurrence-places']/li"):
            work_id = place.xpath("a[@class = 'occurrence']/@href")[0].partition(".html")[0]
            for kwic in place.xpath("span[@class = 'kwic']"):
                marked = kwic.xpath("mark")
                assert len(marked) == 1 and marked[0].text_content().strip(), lxml.html.tostring(kwic)
                words = snippet(kwic)
                # Words around the name, unless the name is a long quotation, shown cut.
                cut = kwic.xpath("span[@class = 'kwic-cut']")
                assert words != collapse(marked[0].text_content()) or cut, f"{words!r} has no words around the name"
                assert words in texts[work_id], f"{words!r} is not in the text of {work_id}"
                shown += 1
    assert shown >= 40


def test_each_place_is_listed_once_with_its_count(built):
    """A passage that names an entry twice is one item, '(twice)', with two snippets; the
    count under the heading adds up the snippets and the passages."""
    for name in REGISTER_PAGES:
        for entry in entries(page(built, f"{name}.html")):
            places = entry.xpath(".//ul[@class = 'occurrence-places']/li")
            links = [place.xpath("a[@class = 'occurrence']/@href")[0] for place in places]
            assert len(links) == len(set(links)), f"{entry.get('id')} lists a passage twice: {links}"
            count_line = entry.xpath("string(.//p[@class = 'occurrence-count'])")
            if not places:
                assert count_line.startswith("Not "), count_line
                continue
            snippets = len(entry.xpath(".//span[@class = 'kwic']"))
            assert times(count_line) == snippets, (entry.get("id"), count_line)
            assert f"in {len(places)} passage" in count_line, (entry.get("id"), count_line)
            for place in places:
                several = len(place.xpath("span[@class = 'kwic']"))
                assert (several > 1) == bool(place.xpath("span[@class = 'occurrence-times']")), entry.get("id")


def test_a_passage_that_names_an_entry_twice_is_one_item(built):
    llco = page(built, "organisations.html").get_element_by_id("llco")
    first = llco.xpath(".//a[@href = 'llco-what-we-strive-for.html#point-4.1']/..")
    assert len(first) == 1
    assert "(twice)" in first[0].text_content() and len(first[0].xpath("span[@class = 'kwic']")) == 2


def test_the_counts_count_what_the_headings_say(built):
    tree = registers()
    kinds = {"persons": "listPerson/tei:person", "organisations": "listOrg/tei:org", "places": "listPlace/tei:place",
             "events": "listEvent/tei:event", "works": "listBibl[@type = 'quoted']/tei:bibl"}
    for name, path in kinds.items():
        document = page(built, f"{name}.html")
        expected = len(tree.xpath(f"//tei:standOff/tei:{path}", namespaces=TEI))
        intro = document.xpath("string(//main/p[@class = 'register-intro'])")
        assert intro.startswith(f"{expected} entries,"), (name, intro)
        assert len(entries(document)) == expected
    references = page(built, "works.html").get_element_by_id("references").getparent()
    listed = len(tree.xpath("//tei:listBibl[@type = 'references']/tei:bibl", namespaces=TEI))
    assert references.xpath("string(p[@class = 'register-intro'])") == f"{listed} references."
    assert len(references.xpath("ul/li")) == listed


def surname_key(person: etree._Element) -> str:
    """How readers look a person up: by the surname the register marks, else the name's last word."""
    name = person.find("tei:persName", TEI)
    surname = name.find("tei:surname", TEI)
    return collapse(surname.text if surname is not None else "".join(name.itertext()).split()[-1])


def test_persons_are_sorted_by_surname(built):
    people = registers().xpath("//tei:listPerson/tei:person", namespaces=TEI)
    expected = [person.get(XML_ID) for person in sorted(people, key=surname_key)]
    shown = [entry.get("id") for entry in entries(page(built, "persons.html"))]
    assert shown == expected
    # Whatever the markup: Lenin before Marx before Newton before Stalin.
    assert [i for i in shown if i != "mao-zedong"] == ["lenin", "marx", "huey-newton", "stalin"]


def test_events_are_sorted_by_date(built):
    shown = [entry.get("id") for entry in entries(page(built, "events.html"))]
    assert shown == ["death-of-stalin", "cultural-revolution", "death-of-mao-zedong", "arrest-of-the-gang-of-four"]


def test_no_quotation_mark_is_doubled(built):
    for name in REGISTER_PAGES:
        text = page(built, f"{name}.html").xpath("string(//main)")
        doubled = re.findall(r"[“‘]\s*[\"“‘]|[\"”’]\s*[”’]", text)
        assert not doubled, (name, doubled)


@pytest.mark.parametrize("width", [320, 390])
def test_no_register_page_scrolls_sideways(site, width):
    with chromium() as browser:
        view = browser.new_page(viewport={"width": width, "height": 800})
        for name in REGISTER_PAGES:
            view.goto(site + f"{name}.html")
            sizes = view.evaluate("[document.scrollingElement.scrollWidth, document.scrollingElement.clientWidth]")
            assert sizes[0] <= sizes[1], (name, width, sizes)
            mark = view.locator(".kwic mark").first
            if mark.count():
                assert mark.is_visible()
                assert view.evaluate("getComputedStyle(document.querySelector('.kwic mark')).backgroundColor") != "rgba(0, 0, 0, 0)"
