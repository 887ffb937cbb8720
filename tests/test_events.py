"""The register of events: each event is dated and sourced, every place in the texts that names
or dates an event links to it, and events.html lists them all. Also the notes of interventions,
which open and close from the keyboard and stay visible where no script runs."""

from __future__ import annotations

import re

from pathlib import Path

import lxml.html
import pytest
from lxml import etree

from conftest import ROOT, WORK_IDS
from edition.xmlfile import NS, parse
from test_reading import browser, tab_to  # noqa: F401 (a fixture and a helper)

XML_ID = "{http://www.w3.org/XML/1998/namespace}id"


def registers() -> etree._ElementTree:
    return parse(ROOT / "texts" / "registers.xml").tree


def events() -> list[etree._Element]:
    return registers().findall(".//tei:listEvent/tei:event", NS)


def html(built: Path, name: str) -> lxml.html.HtmlElement:
    return lxml.html.document_fromstring((built / "html" / name).read_bytes())


def event_pointers(work_id: str) -> list[tuple[str, str]]:
    """(event id, element name) of every pointer from a work's text to an event."""
    ids = {event.get(XML_ID) for event in events()}
    tree = parse(ROOT / "texts" / f"{work_id}.xml").tree
    found = []
    for element in tree.find("tei:text", NS).iter(etree.Element):
        for pointer in " ".join(filter(None, (element.get("ref"), element.get("corresp")))).split():
            if pointer.split("#", 1)[-1] in ids:
                found.append((pointer.split("#", 1)[-1], etree.QName(element).localname))
    return found


def test_the_register_has_the_events_the_mim_programme_names():
    assert {event.get(XML_ID) for event in events()} >= {
        "cultural-revolution", "death-of-stalin", "death-of-mao-zedong", "arrest-of-the-gang-of-four"}


@pytest.mark.parametrize("event", events(), ids=lambda e: e.get(XML_ID))
def test_every_event_has_dates_a_name_a_note_and_a_source(event):
    assert event.get("when") or (event.get("from") and event.get("to"))
    assert event.findtext("tei:eventName", "", NS).strip()
    sources = event.findall("tei:note/tei:ptr[@type='source']", NS)
    assert sources, "the note points to no reference"
    references = {b.get(XML_ID) for b in registers().findall(".//tei:listBibl[@type='references']/tei:bibl", NS)}
    assert all(ptr.get("target").lstrip("#") in references for ptr in sources)


def test_the_mim_programme_points_to_its_events():
    assert sorted(event_pointers("mim-program-1996")) == [
        ("arrest-of-the-gang-of-four", "date"), ("cultural-revolution", "eventName"),
        ("death-of-mao-zedong", "date"), ("death-of-stalin", "date")]


@pytest.mark.parametrize("work_id", WORK_IDS)
def test_every_event_occurrence_is_linked_and_listed_on_the_events_page(built, work_id):
    register = html(built, "events.html")
    text = html(built, f"{work_id}.html")
    for event_id, _element in event_pointers(work_id):
        assert text.xpath("//article//a[@href = $h]", h=f"events.html#{event_id}"), f"no link to {event_id}"
        entry = register.xpath("//section[@id = $id]", id=event_id)
        assert entry, f"{event_id} has no entry on events.html"
        links = entry[0].xpath(".//a[@class = 'occurrence'][starts-with(@href, $w)]", w=f"{work_id}.html#")
        assert links, f"{event_id} does not list its occurrence in {work_id}"
        for link in links:
            assert text.xpath("//*[@id = $id]", id=link.get("href").split("#", 1)[1])


def test_the_events_page_gives_each_entry_its_dates_and_resolved_source(built):
    register = html(built, "events.html")
    stalin = register.xpath("//section[@id = 'death-of-stalin']")[0]
    assert "5 March 1953" in stalin.xpath("string(.//dl[@class = 'entry-facts'])")
    source = stalin.xpath(".//span[contains(@class, 'ptr-source')]/a")[0]
    assert source.get("href").startswith("https://") and "Stalin" in source.text_content()
    period = register.xpath("//section[@id = 'cultural-revolution']//dl[@class = 'entry-facts']")[0]
    assert "May 1966–October 1976" in period.text_content()


def test_every_page_offers_the_events_in_its_navigation(built):
    for path in sorted((built / "html").glob("*.html")):
        # The page for a missing address links from the site's root (base-url's path is "/").
        assert html(built, path.name).xpath("//nav//a[@href = 'events.html' or @href = '/events.html']"), path.name


def test_a_date_that_points_to_something_else_than_an_event_is_refused(cli, texts_copy):
    work = texts_copy / "mim-program-1996.xml"
    work.write_text(work.read_text(encoding="utf-8").replace(
        'corresp="registers.xml#death-of-stalin"', 'corresp="registers.xml#stalin"'), encoding="utf-8")
    result = cli("validate", work)
    assert result.exit_code == 1
    assert "points with @corresp to something that is not an event" in result.output


def test_a_date_that_points_to_a_missing_event_is_refused(cli, texts_copy):
    work = texts_copy / "mim-program-1996.xml"
    work.write_text(work.read_text(encoding="utf-8").replace(
        "registers.xml#arrest-of-the-gang-of-four", "registers.xml#no-such-event"), encoding="utf-8")
    result = cli("validate", work)
    assert result.exit_code == 1
    assert "each pointer must name a different element of the edition" in result.output


# The notes of interventions, in Chromium

def test_a_note_opens_and_closes_with_the_keyboard_and_gives_the_source_reading(site, browser):  # noqa: F811
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(site + "mim-program-1996.html")
    button = page.locator(".front sup.app-ref button").first
    note = page.locator(".front .intervention .note-popover").first
    assert button.is_visible() and not note.is_visible()
    tab_to(page, ".front sup.app-ref button")
    page.keyboard.press("Enter")
    assert note.is_visible()
    assert "the source reads “indendendent”" in note.inner_text()
    page.keyboard.press("Escape")
    assert not note.is_visible()
    context.close()


def test_without_scripts_every_note_is_shown_and_no_button(site, browser):  # noqa: F811
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site + "mim-program-1996.diplomatic.html")
    notes = page.locator(".app-note")
    assert notes.count() >= 5
    assert all(notes.nth(i).is_visible() for i in range(notes.count()))
    assert page.locator("button.app-toggle:visible").count() == 0
    assert "the reading text corrects to “independent”" in notes.first.inner_text()
    context.close()


def test_the_comparison_links_each_note_to_the_works_page(built):
    compare = html(built, "compare.html")
    links = compare.xpath("//sup[contains(@class, 'note-ref')]/a")
    assert links and all(re.match(r"[a-z0-9-]+\.html#note-[a-z0-9-]+-\d+$", a.get("href")) for a in links)
    assert not compare.xpath("//button[@popovertarget]")
