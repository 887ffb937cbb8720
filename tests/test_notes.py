"""The notes of the web edition: the editors' notes on their interventions and the commentary,
numbered in one series (the one the PDF and the plain text follow), each marker after the word it
is about and never inside it, opening its note in place by mouse, touch and keyboard, listed
after the text for a reader without scripts and for paper; a difference of spacing shown in the
note; the events a date stands for named; every marker and link of a note a target of at least
24 by 24 px at a phone's width (WCAG 2.2, 2.5.8)."""

from __future__ import annotations

import re

import lxml.html
import pytest
from lxml import etree

from browser import chromium
from conftest import ROOT, WORK_IDS
from edition.xmlfile import NS

WORK_PAGES = [f"{work}{view}.html" for work in WORK_IDS for view in ("", ".diplomatic")]
MIM = "mim-program-1996.html"
MARKERS = "sup.note-ref"


@pytest.fixture(scope="module")
def browser():
    with chromium() as instance:
        yield instance


def open_page(browser, site, name, **options):
    context = browser.new_context(viewport={"width": options.pop("width", 1280), "height": 900}, **options)
    page = context.new_page()
    page.goto(site + name)
    page.wait_for_load_state("load")
    return context, page


def is_open(page, popover_id: str) -> bool:
    return page.evaluate("id => document.getElementById(id).matches(':popover-open')", popover_id)


# Markers follow words ---------------------------------------------------------------------

# For each marker, the text that comes before it and after it in the page as read (the text of
# the source and the editors' visible words, without the notes' own words).
# For each marker, the text of its block that comes before it and after it, as read: the text of
# the source and the editors' visible words, without the notes' own words and the references.
NEIGHBOURS = """(selector) => [...document.querySelectorAll(selector)].map((marker) => {
  const block = marker.closest('p, h1, h2, h3, h4, h5, h6, li, figcaption, dd, dt');
  const skip = (node) => node.parentElement.closest('.note-popover, .note-ref, .unit-ref');
  const before = [], after = [];
  const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (skip(node)) continue;
    (marker.compareDocumentPosition(node) & Node.DOCUMENT_POSITION_PRECEDING ? before : after).push(node.data);
  }
  return {n: marker.textContent.trim(), before: before.join('').slice(-20), after: after.join('').slice(0, 20)};
})"""


@pytest.mark.parametrize("name", [*WORK_PAGES, "compare.html"])
def test_no_marker_stands_inside_a_word(site, browser, name):
    context, page = open_page(browser, site, name)
    markers = page.evaluate(NEIGHBOURS, "main sup.note-ref")
    context.close()
    if name.startswith("mim-program-1996"):
        assert len(markers) >= 10
    for marker in markers:
        # A word goes on with a letter, a digit or a hyphen; a marker is followed by a space,
        # punctuation, the end of a block or another marker.
        assert not re.match(r"[\w\-]", marker["after"]), marker
        assert re.search(r"\S$", marker["before"]), marker


def test_the_marker_of_an_intervention_inside_a_word_follows_the_word(built):
    page = lxml.html.parse(str(built / "html" / MIM))
    [anchor] = page.xpath("//span[@class='note-anchor'][contains(., '-Maoism')]")
    assert anchor.text == "-Maoism"
    assert anchor.xpath("sup[contains(@class, 'note-ref')]/button")[0].text == "14"
    # The word itself is the source's: the intervention and the rest of the word, unbroken.
    paragraph = anchor.xpath("ancestor::p[1]")[0]
    for added in paragraph.xpath(".//*[contains(concat(' ', @class, ' '), ' editorial ')]"):
        added.drop_tree()
    assert "support Marxism-Leninism-Maoism everywhere" in re.sub(r"\s+", " ", paragraph.text_content())


# Whether each marker stands on the line of the character before it (it never opens a line).
ON_ITS_WORDS_LINE = """() => [...document.querySelectorAll('article sup.note-ref > button')].map((button) => {
  const block = button.closest('p, h1, h2, h3, h4, h5, h6, li, figcaption');
  const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
  let last = null;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node.parentElement.closest('.note-popover, .note-ref, .unit-ref') || !node.data.trim()) continue;
    if (button.compareDocumentPosition(node) & Node.DOCUMENT_POSITION_PRECEDING) last = node;
  }
  const range = document.createRange();
  const end = last.data.trimEnd().length;
  range.setStart(last, end - 1);
  range.setEnd(last, end);
  const character = range.getBoundingClientRect(), box = button.getBoundingClientRect();
  return {n: button.textContent, same: character.bottom > box.top && box.bottom > character.top};
})"""


@pytest.mark.parametrize("name", [MIM, "llco-what-we-strive-for.html"])
@pytest.mark.parametrize("width", (320, 345, 360, 375, 390, 414))
def test_a_marker_never_opens_a_line(site, browser, name, width):
    context, page = open_page(browser, site, name, width=width)
    markers = page.evaluate(ON_ITS_WORDS_LINE)
    context.close()
    assert markers and [m for m in markers if not m["same"]] == []


# One series of numbers, listed after the text ------------------------------------------------

@pytest.mark.parametrize("name", WORK_PAGES)
def test_every_marker_has_its_note_after_the_text_and_the_note_links_back(built, name):
    page = lxml.html.parse(str(built / "html" / name))
    buttons = page.xpath("//article//sup[contains(@class, 'note-ref')]/button")
    listed = page.xpath("//article//section[contains(@class, 'intervention-notes') or contains(@class, 'commentary')]//li")
    assert [b.text for b in buttons] == sorted((li.get("value") for li in listed), key=int)
    numbers = [int(b.text) for b in buttons]
    assert numbers == sorted(numbers) and len(set(numbers)) == len(numbers)
    for button in buttons:
        [item] = page.xpath(f"//li[@value = '{button.text}']")
        assert item.xpath(".//a[@class='back-ref']/@href") == ["#" + button.get("id")]
        [note] = page.xpath(f"//*[@id = '{button.get('popovertarget')}']")
        assert note.get("popover") == ""
        # The note opened in place says what the note listed says.
        words = lambda e: re.sub(r"\s+", " ", e.text_content()).strip()
        assert words(note).startswith(f"{button.text} ")
        assert words(note).endswith(words(item).removesuffix(" ↩"))


def test_the_numbers_are_those_of_the_plain_text_and_the_pdf(built):
    reading = (built / "text" / "mim-program-1996.txt").read_text(encoding="utf-8")
    notes = dict(re.findall(r"^\[(\d+)\] (.*)$", reading.split("\nNotes\n", 1)[1], flags=re.MULTILINE))
    page = lxml.html.parse(str(built / "html" / MIM))
    for item in page.xpath("//section[contains(@class, 'intervention-notes')]//li"):
        lemma = item.xpath(".//span[@class='lemma']")[0].text
        assert notes[item.get("value")].startswith(lemma + "]")


def test_a_difference_of_spacing_is_shown_in_the_note(built):
    page = lxml.html.parse(str(built / "html" / MIM))
    [item] = page.xpath("//section[contains(@class, 'intervention-notes')]//li[.//span[@class='lemma'] = '1949-1976']")
    [space] = item.xpath(".//span[@class='visible-space']")
    assert space.text == "␣" and space.get("aria-label") == "space" and space.get("role") == "img"
    assert "“1949-␣1976”" in item.text_content()
    # A correction of letters quotes the source's reading as it is, without marks.
    [other] = page.xpath("//section[contains(@class, 'intervention-notes')]//li[.//span[@class='lemma'] = 'independent']")
    assert not other.xpath(".//span[@class='visible-space']") and "“indendendent”" in other.text_content()


# Opening a note in place -------------------------------------------------------------------

def test_a_note_opens_with_the_mouse_and_closes_with_a_click_elsewhere(site, browser):
    context, page = open_page(browser, site, MIM)
    marker = page.locator("#note-ref-mim-program-1996-14")
    marker.click()
    note = page.locator("#note-open-mim-program-1996-14")
    assert note.is_visible() and "the source reads “Marxism-␣Leninism”" in note.inner_text()
    # Beside its marker, not somewhere else in the window.
    marker_box, note_box = marker.bounding_box(), note.bounding_box()
    assert abs(note_box["y"] - (marker_box["y"] + marker_box["height"])) < 40
    page.mouse.click(5, 5)
    assert not note.is_visible()
    context.close()


def test_a_note_opens_with_a_tap_on_a_phone(site, browser):
    context, page = open_page(browser, site, MIM, width=390, has_touch=True, is_mobile=True)
    marker = page.locator("#note-ref-mim-program-1996-3")
    marker.scroll_into_view_if_needed()
    marker.tap()
    note = page.locator("#note-open-mim-program-1996-3")
    assert note.is_visible() and "1949-␣1976" in note.inner_text()
    box = note.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= 390, "the note fits the phone's width"
    context.close()


def test_a_note_opens_and_closes_with_the_keyboard_and_the_focus_returns(site, browser):
    context, page = open_page(browser, site, MIM)
    for _ in range(400):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.id") == "note-ref-mim-program-1996-2":
            break
    else:
        pytest.fail("the first marker is never reached with Tab")
    page.keyboard.press("Enter")
    assert is_open(page, "note-open-mim-program-1996-2")
    page.keyboard.press("Escape")
    assert not is_open(page, "note-open-mim-program-1996-2")
    assert page.evaluate("document.activeElement.id") == "note-ref-mim-program-1996-2"
    # A commentary note's links are reached from its marker, and Escape brings the focus back.
    page.focus("#note-ref-mim-program-1996-1")
    page.keyboard.press("Enter")
    assert is_open(page, "note-open-mim-program-1996-1")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.closest('.note-popover')?.id") == "note-open-mim-program-1996-1"
    page.keyboard.press("Escape")
    assert not is_open(page, "note-open-mim-program-1996-1")
    assert page.evaluate("document.activeElement.id") == "note-ref-mim-program-1996-1"
    context.close()


def test_without_scripts_the_notes_open_and_are_listed_after_the_text(site, browser):
    context, page = open_page(browser, site, MIM, java_script_enabled=False)
    listed = page.locator("section.intervention-notes li")
    assert listed.count() == 5 and all(listed.nth(i).is_visible() for i in range(5))
    assert page.locator("section.commentary li").first.is_visible()
    page.locator("#note-ref-mim-program-1996-10").click()
    assert page.locator("#note-open-mim-program-1996-10").is_visible()
    context.close()


# Targets, events -----------------------------------------------------------------------------

TARGETS = """(selector) => [...document.querySelectorAll(selector)]
  .filter((e) => e.getClientRects().length)
  .map((e) => ({what: e.outerHTML.slice(0, 80),
                rects: [...e.getClientRects()].map((r) => [r.width, r.height]),
                width: e.getBoundingClientRect().width}))"""
TARGET_SELECTOR = ("main sup.note-ref > :is(a, button), main .event-ref a, main .source-ref a, "
                   ".notes-list a, .commentary-notes a, .note-popover:popover-open a")


@pytest.mark.parametrize("name", [MIM, "llco-what-we-strive-for.html", "compare.html"])
def test_markers_and_the_links_of_notes_are_24_px_targets_on_a_phone(site, browser, name):
    context, page = open_page(browser, site, name, width=390, has_touch=True)
    if name == MIM:
        page.locator("#note-ref-mim-program-1996-1").tap()
    targets = page.evaluate(TARGETS, TARGET_SELECTOR)
    context.close()
    assert len(targets) >= 10
    small = [t for t in targets if t["width"] < 24 or any(h < 24 for _, h in t["rects"])]
    assert small == []


def event_names() -> dict[str, str]:
    registers = etree.parse(str(ROOT / "texts" / "registers.xml"))
    return {event.get("{http://www.w3.org/XML/1998/namespace}id"):
            " ".join("".join(event.find("tei:eventName", NS).itertext()).split())
            for event in registers.iterfind(".//tei:event", NS)}


@pytest.mark.parametrize("name", [MIM, "mim-program-1996.diplomatic.html", "compare.html"])
def test_each_event_marker_names_its_event(built, name):
    names = event_names()
    page = lxml.html.parse(str(built / "html" / name))
    groups = page.xpath("//main//*[contains(@class, 'event-ref')]")
    assert groups
    for group in groups:
        links = group.xpath("a")
        labels = [link.get("aria-label") for link in links]
        assert len(set(labels)) == len(labels), "no event twice after one date"
        for link in links:
            event = link.get("href").split("#", 1)[1]
            assert link.text_content() == names[event]
            assert link.get("aria-label") == f"Event: {names[event]}"
    # Two links with the same name go to the same place.
    hrefs = {}
    for link in page.xpath("//main//*[contains(@class, 'event-ref')]/a"):
        assert hrefs.setdefault(link.text_content(), link.get("href")) == link.get("href")


# Looking at it -----------------------------------------------------------------------------

@pytest.mark.parametrize("width", (390, 1280))
def test_screenshots_of_a_passage_with_notes_closed_and_open(site, browser, tmp_path, width):
    context, page = open_page(browser, site, MIM + "#point-9.1", width=width, has_touch=width < 600)
    page.screenshot(path=str(tmp_path / f"notes-closed-{width}.png"))
    page.locator("#note-ref-mim-program-1996-14").click()
    page.screenshot(path=str(tmp_path / f"notes-open-{width}.png"))
    assert (tmp_path / f"notes-open-{width}.png").stat().st_size > 10_000
    context.close()


# A note inside a link ------------------------------------------------------------------------

def test_a_marker_inside_a_link_is_its_number_and_the_list_links_back_to_it(project, tmp_path):
    # No button may stand inside a link: the marker is the number, with the id the list's link
    # back leads to.
    from edition.saxon import Stylesheets
    from edition.xmlfile import parse

    path = tmp_path / "linked.xml"
    path.write_text((ROOT / "texts" / "mim-program-1996.xml").read_text(encoding="utf-8").replace(
        "<choice><corr>independent</corr><sic>indendendent</sic></choice>",
        '<ref target="https://example.org/">own <choice><corr>independent</corr><sic>indendendent</sic></choice></ref>', 1),
        encoding="utf-8")
    html = Stylesheets(project.xslt, ["html.xsl"]).transform(
        "html.xsl", parse(path).tree, path, {"page": "document", "content-security-policy": "default-src 'self'"})
    page = lxml.html.document_fromstring(html.encode("utf-8"))
    [link] = page.xpath("//a[@href = 'https://example.org/']")
    [marker] = link.xpath(".//sup[contains(@class, 'note-ref')]")
    assert marker.text_content() == "2" and not marker.xpath(".//button | .//a")
    [back] = page.xpath("//li[@value = '2']//a[@class = 'back-ref']")
    assert back.get("href") == "#" + marker.get("id")
    assert set(page.xpath("//@popovertarget")) <= set(page.xpath("//@id"))
