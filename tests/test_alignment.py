"""The alignment of the two programmes (texts/alignment.xml) and the two pages made from it.

The comparison and the index of themes must agree: every entry's passages stand under its
theme on both pages, and nowhere else. Every note quotes only the passages its entry links and
says why the entry has its type. Every unit of both programmes is in a pair or listed as
one-sided. Each check is a function that returns what is wrong, so that a test can show it
failing on a broken copy as well as passing on the edition."""

from __future__ import annotations

import copy
import re
from collections import defaultdict
from pathlib import Path

import lxml.html
import pytest
from lxml import etree

from conftest import WORK_IDS, collapse

TEI = "http://www.tei-c.org/ns/1.0"
NS = {"tei": TEI}
TYPE_WORDS = {"parallel": "Parallel:", "partial": "Partial:", "contrasting": "Contrasting:"}


# Reading the TEI

def parse(path: Path) -> etree._ElementTree:
    return etree.parse(str(path), etree.XMLParser(resolve_entities=False, no_network=True))


@pytest.fixture(scope="module")
def alignment(project) -> etree._ElementTree:
    return parse(project.texts / "alignment.xml")


@pytest.fixture(scope="module")
def works(project) -> dict[str, etree._ElementTree]:
    return {work_id: parse(project.texts / f"{work_id}.xml") for work_id in WORK_IDS}


def entries(alignment: etree._ElementTree) -> list[etree._Element]:
    """The pairs (link) and the one-sided passages (span), in document order."""
    return alignment.xpath("/tei:TEI/tei:standOff/tei:linkGrp/tei:link | /tei:TEI/tei:standOff/tei:spanGrp/tei:span",
                           namespaces=NS)


def theme_of(entry: etree._Element) -> str:
    return entry.get("ana").partition("#")[2]


def pointers(entry: etree._Element) -> list[str]:
    return entry.get("target").split()


def passage(works: dict[str, etree._ElementTree], pointer: str) -> etree._Element:
    """The point ("point-7") or the block of a point ("point-7.2": its 2nd p or cit) a pointer names."""
    file, _, fragment = pointer.partition("#")
    work = works[file.removesuffix(".xml")]
    point_id, _, block = fragment.partition(".")
    points = work.xpath("//tei:body/tei:div[@type = 'point'][@xml:id = $id]", namespaces=NS, id=point_id)
    assert len(points) == 1, pointer
    point = points[0]
    if not block:
        return point
    blocks = point.xpath("tei:p | tei:cit", namespaces=NS)
    assert 1 <= int(block) <= len(blocks), pointer
    return blocks[int(block) - 1]


def reading_text(element: etree._Element) -> str:
    """The words of a passage as the reading text has them: the edition's reading of each
    choice, no note of the editors."""
    words = element.xpath(".//text()[not(ancestor::tei:orig or ancestor::tei:sic or ancestor::tei:note)]",
                          namespaces=NS)
    return " ".join("".join(words).split())


def xml_id(element: etree._Element) -> str:
    return element.get("{http://www.w3.org/XML/1998/namespace}id")


def note_of(alignment: etree._ElementTree, entry: etree._Element) -> etree._Element | None:
    found = [note for note in alignment.iterfind(".//tei:listAnnotation/tei:note", NS)
             if f"#{xml_id(entry)}" in note.get("target", "").split()]
    return found[0] if found else None


# The checks: each returns what is wrong

def misquotations(alignment: etree._ElementTree, works: dict[str, etree._ElementTree]) -> list[str]:
    """Every quotation of a note (q) stands in one of its entry's passages; a note quotes
    nothing outside q (no quotation mark in its own words), so that no quotation escapes the
    check; a note points to no passage (ref/@cRef, ptr) that its entry does not link."""
    problems = []
    for entry in entries(alignment):
        note = note_of(alignment, entry)
        if note is None:
            continue
        texts = [reading_text(passage(works, pointer)) for pointer in pointers(entry)]
        references = {reference_of(pointer) for pointer in pointers(entry)}
        for quotation in note.iterfind(".//tei:q", NS):
            words = " ".join("".join(quotation.itertext()).split())
            if not any(words in text for text in texts):
                problems.append(f"{note.get('target')}: “{words}” is in none of {pointers(entry)}")
        own_words = (note.text or "") + "".join(child.tail or "" for child in note.iter() if child is not note)
        if re.search("[“”\"]", own_words):
            problems.append(f"{note.get('target')}: a quotation mark outside <q>")
        for cited in note.xpath(".//tei:ref/@cRef | .//tei:ptr/@target | .//tei:ref/@target", namespaces=NS):
            if cited not in references:
                problems.append(f"{note.get('target')}: cites {cited}, which the entry does not link")
    return problems


def reference_of(pointer: str) -> str:
    """"mim-program-1996.xml#point-7.2" as the edition cites it: "mim-program-1996:7.2"."""
    file, _, fragment = pointer.partition("#")
    return f"{file.removesuffix('.xml')}:{fragment.removeprefix('point-')}"


def unjustified(alignment: etree._ElementTree) -> list[str]:
    """Every entry has one note, which says why it has its type: a pair's note names its type
    ("Partial: ..."), a one-sided passage's note says which programme alone addresses the theme
    and that no passage of the other does."""
    problems = []
    names = {"mim-program-1996": "MIM", "llco-what-we-strive-for": "LLCO"}
    for entry in entries(alignment):
        entry_id = xml_id(entry)
        note = note_of(alignment, entry)
        if note is None:
            problems.append(f"{entry_id}: no note")
            continue
        text = " ".join("".join(note.itertext()).split())
        if etree.QName(entry).localname == "link":
            if TYPE_WORDS[entry.get("type")] not in text:
                problems.append(f"{entry_id}: the note does not justify the type {entry.get('type')}")
            if not text.startswith("Both passages"):
                problems.append(f"{entry_id}: the note does not say what both passages share")
        else:
            work = pointers(entry)[0].partition(".xml")[0]
            other = next(name for work_id, name in names.items() if work_id != work)
            if not (text.startswith(f"Only the {names[work]} programme")
                    and f"No passage of the {other} programme" in text):
                problems.append(f"{entry_id}: the note does not say that only {names[work]} addresses the theme")
    return problems


def uncovered(alignment: etree._ElementTree, works: dict[str, etree._ElementTree]) -> list[str]:
    """The units of both programmes in no entry: a point is covered if an entry links it whole,
    or if an entry links each of its blocks."""
    linked = {pointer for entry in entries(alignment) for pointer in pointers(entry)}
    problems = []
    for work_id, work in works.items():
        for point in work.iterfind(".//tei:body/tei:div[@type='point']", NS):
            point_id = xml_id(point)
            if f"{work_id}.xml#{point_id}" in linked:
                continue
            blocks = point.xpath("tei:p | tei:cit", namespaces=NS)
            problems += [f"{work_id}:{point.get('n')}.{n}" for n in range(1, len(blocks) + 1)
                         if f"{work_id}.xml#{point_id}.{n}" not in linked]
    return problems


# The pages: what each shows under each theme

def page(built: Path, name: str) -> lxml.html.HtmlElement:
    return lxml.html.document_fromstring((built / "html" / name).read_bytes())


def expected_by_theme(alignment: etree._ElementTree) -> dict[str, set[str]]:
    """The passages of each theme, as the pages link them: "mim-program-1996.html#point-7.2"."""
    found = defaultdict(set)
    for entry in entries(alignment):
        for pointer in pointers(entry):
            file, _, fragment = pointer.partition("#")
            found[theme_of(entry)].add(f"{file.removesuffix('.xml')}.html#{fragment}")
    return dict(found)


def compared_by_theme(compare: lxml.html.HtmlElement) -> dict[str, set[str]]:
    return {section.get("id"): set(section.xpath(".//p[@class='side-link']/a/@href"))
            for section in compare.xpath("//section[contains(@class, 'theme')]")
            if section.xpath(".//p[@class='side-link']")}


def indexed_by_theme(themes: lxml.html.HtmlElement) -> dict[str, set[str]]:
    return {section.get("id"): set(section.xpath(".//ul[@class='theme-points']/li/a[1]/@href"))
            for section in themes.xpath("//section[contains(@class, 'theme-entry')]")
            if section.xpath(".//ul[@class='theme-points']")}


# Tests of the alignment

def test_every_quotation_of_a_note_stands_in_a_linked_passage(alignment, works):
    assert misquotations(alignment, works) == []


def test_a_quotation_from_elsewhere_is_found(alignment, works):
    """The check fails on a note that quotes the other passage of another pair, or quotes
    without q."""
    broken = copy.deepcopy(alignment)
    note = broken.find(".//tei:listAnnotation/tei:note[@target='#align-communism']", NS)
    quotation = etree.SubElement(note, f"{{{TEI}}}q")
    quotation.text = "We want a People’s Army."  # LLCO 6, not linked by this pair
    quotation.tail = " and “words”."
    assert misquotations(broken, works) == [
        "#align-communism: “We want a People’s Army.” is in none of "
        "['mim-program-1996.xml#point-1', 'llco-what-we-strive-for.xml#point-1']",
        "#align-communism: a quotation mark outside <q>"]


def test_every_note_justifies_its_type(alignment):
    assert unjustified(alignment) == []


def test_a_note_that_does_not_justify_its_type_is_found(alignment):
    broken = copy.deepcopy(alignment)
    broken.find(".//tei:link[@type='parallel']", NS).set("type", "contrasting")
    assert unjustified(broken) == ["align-communism: the note does not justify the type contrasting"]


def test_every_unit_of_both_programmes_is_paired_or_one_sided(alignment, works):
    assert uncovered(alignment, works) == []


def test_a_unit_in_no_entry_is_found(alignment, works):
    broken = copy.deepcopy(alignment)
    span = broken.find(".//tei:span[@target='mim-program-1996.xml#point-8']", NS)
    span.getparent().remove(span)
    assert uncovered(broken, works) == ["mim-program-1996:8.1"]


def test_pairs_are_made_at_the_level_of_the_block_where_a_point_needs_it(alignment):
    """Point 7 of the MIM programme addresses the united front, then the working classes and
    the borders, then the dictatorship of the international proletariat: each block is paired
    on its own theme, and the point is not paired whole."""
    targets = {pointer for entry in entries(alignment) for pointer in pointers(entry)}
    assert {"mim-program-1996.xml#point-7.1", "mim-program-1996.xml#point-7.2",
            "mim-program-1996.xml#point-7.3"} <= targets
    assert "mim-program-1996.xml#point-7" not in targets


def test_every_pointer_names_a_passage_of_the_edition(alignment, works):
    for entry in entries(alignment):
        for pointer in pointers(entry):
            assert reading_text(passage(works, pointer)), pointer


# Tests of the pages

def test_the_themes_page_and_the_comparison_agree(built, alignment):
    """Every entry's passages stand under its theme on both pages, and nothing else does."""
    expected = expected_by_theme(alignment)
    assert compared_by_theme(page(built, "compare.html")) == expected
    assert indexed_by_theme(page(built, "themes.html")) == expected


def test_both_pages_list_the_themes_and_the_programmes_in_one_order(built, alignment):
    themes = [xml_id(category) for category in
              sorted(alignment.iterfind(".//tei:taxonomy/tei:category", NS), key=lambda c: int(c.get("n")))]
    compare, index = page(built, "compare.html"), page(built, "themes.html")
    assert compare.xpath("//section[contains(@class, 'theme')]/@id") == themes
    assert index.xpath("//section[contains(@class, 'theme-entry')]/@id") == themes
    # The MIM programme first on both: the first side of each pair, the first list of each theme.
    for sides in compare.xpath("//div[@class='pair-sides'][count(div) = 2]"):
        assert [side.text_content().split(":")[0] for side in sides.xpath("div/p[@class='side-work']")] == ["MIM", "LLCO"]
    for section in index.xpath("//section[contains(@class, 'theme-entry')]"):
        assert [h.text_content().split(":")[0] for h in section.iter("h3")] == ["MIM", "LLCO"]


def test_the_shared_core_and_the_one_sided_themes_are_shown_on_both_pages(built, alignment):
    shared = {theme_of(link) for link in alignment.iterfind(".//tei:link", NS)}
    one_sided = defaultdict(set)
    for span in alignment.iterfind(".//tei:span", NS):
        one_sided["MIM" if span.get("target").startswith("mim") else "LLCO"].add(theme_of(span))
    assert one_sided["MIM"] >= {"theme-gender"} and one_sided["LLCO"] >= {"theme-ecology"}
    for name in ("compare.html", "themes.html"):
        summary = page(built, name).xpath("//dl[@class='alignment-summary']")[0]
        listed = {dt.text_content(): {href.partition("#")[2] for href in dt.xpath("following-sibling::dd[1]/a/@href")}
                  for dt in summary.iter("dt")}
        assert listed == {"Addressed by both programmes": shared,
                          "Only in the MIM programme": one_sided["MIM"] - shared,
                          "Only in the LLCO programme": one_sided["LLCO"] - shared}, name


def test_each_entry_has_a_heading_in_words_and_a_permalink(built, alignment):
    compare = page(built, "compare.html")
    for entry in entries(alignment):
        entry_id = xml_id(entry)
        article = compare.get_element_by_id(entry_id)
        heading = article.find("h3").text_content()
        assert not re.search(r"mim-program-1996|llco-what-we-strive-for|point-", heading), heading
        assert re.match(r"(MIM|LLCO) \d+(\.\d+)?, (in )?“", heading), heading
        assert article.xpath(f".//a[@href='#{entry_id}']"), f"{entry_id} has no permalink"
        assert not article.find("h3").xpath(".//a"), "the permalink stands beside the heading"


def test_every_entry_is_reachable_from_each_of_its_points(built, alignment):
    """Beside each point's heading, a link to every entry (pair or one-sided passage) that holds
    the point or one of its blocks: a point in two pairs on one theme links to both."""
    pages = {work_id: page(built, f"{work_id}.html") for work_id in WORK_IDS}
    for entry in entries(alignment):
        for pointer in pointers(entry):
            work_id = pointer.partition(".xml")[0]
            point_id = pointer.partition("#")[2].partition(".")[0]
            links = pages[work_id].get_element_by_id(point_id).xpath(".//a[contains(@class, 'compare-link')]/@href")
            assert f"compare.html#{xml_id(entry)}" in links, (pointer, links)


def test_links_to_two_pairs_on_one_theme_say_which_is_which(built):
    point = page(built, "mim-program-1996.html").get_element_by_id("point-2")
    labels = [a.text_content() for a in point.xpath(".//a[contains(@class, 'compare-link')]")]
    assert labels == ["Compare: Socialism and the transition (1 of 2)", "Compare: Socialism and the transition (2 of 2)"]
    point = page(built, "mim-program-1996.html").get_element_by_id("point-7")
    labels = [a.text_content() for a in point.xpath(".//a[contains(@class, 'compare-link')]")]
    assert "Compare 7.1: United front" in labels and "Compare 7.2: Borders" in labels


def test_pairs_keep_the_references_of_their_paragraphs(built):
    """Each paragraph of a passage on the comparison shows its reference, as on its work's page."""
    article = page(built, "compare.html").get_element_by_id("align-socialism")
    text = collapse(article.text_content())
    for reference in ("2.1", "3.1"):
        assert reference in text, reference


@pytest.mark.browser
@pytest.mark.parametrize("width", [390, 1280])
def test_each_sides_label_stays_in_view_while_its_passage_is_read(site, width):
    """On a phone the sides stand one under the other: scrolled into the middle of a passage,
    the reader still sees which programme it is."""
    from browser import chromium

    with chromium() as browser:
        view = browser.new_page(viewport={"width": width, "height": 700})
        view.goto(site + "compare.html#align-socialism")
        for index, name in enumerate(("MIM", "LLCO")):
            side = view.locator("#align-socialism .side").nth(index)
            box = side.bounding_box()
            view.evaluate("y => window.scrollTo(0, y)", box["y"] + view.evaluate("window.scrollY") + box["height"] / 2)
            label = side.locator(".side-work")
            top = label.bounding_box()["y"]
            assert -1 <= top <= 1, (name, top)
            assert label.text_content().startswith(f"{name}:")
            assert label.evaluate("e => getComputedStyle(e).backgroundColor") != "rgba(0, 0, 0, 0)"
