"""Reading the web edition in a browser, with the keyboard alone: from the edition's page to each
text, between its views, to a permalinked passage, to a paragraph's citation, to the comparison
and back, and through the search to a passage. The built site is served over http (the search
needs it); screenshots of each kind of page at a phone's and a desktop's width go to the test's
tmp folder."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from browser import chromium
from conftest import WORK_IDS
from edition import citation_styles

WIDTHS = (390, 1280)
PAGES = {"index": "index.html", "reading": "mim-program-1996.html",
         "diplomatic": "llco-what-we-strive-for.diplomatic.html", "register": "persons.html",
         "compare": "compare.html", "themes": "themes.html",
         "search": "search.html?q=labor+aristocracy"}


@pytest.fixture(scope="module")
def browser():
    with chromium() as instance:
        yield instance


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    yield context.new_page()
    context.close()


def tab_to(page, selector: str, limit: int = 300) -> None:
    """Press Tab until the focused element matches ``selector``; fail if it never does."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("s => document.activeElement && document.activeElement.matches(s)", selector):
            return
    raise AssertionError(f"Tab never reached {selector}")


def follow(page, selector: str) -> None:
    """Reach a link with Tab and follow it with Enter."""
    tab_to(page, selector)
    with page.expect_navigation():
        page.keyboard.press("Enter")


def target(page) -> dict:
    """The :target element: its id, its text, and whether it is in the viewport."""
    return page.evaluate("""() => {
        const t = document.querySelector(':target');
        if (!t) return null;
        const r = t.getBoundingClientRect();
        return {id: t.id, text: t.textContent,
                visible: r.top >= 0 && r.top < window.innerHeight && r.bottom > 0};
    }""")


@pytest.mark.parametrize("work_id", WORK_IDS)
def test_from_the_index_to_a_text_and_between_its_views(site, page, work_id):
    page.goto(site + "index.html")
    follow(page, f"main a[href='{work_id}.html']")
    assert page.url == f"{site}{work_id}.html"
    follow(page, f".views a[href='{work_id}.diplomatic.html']")
    assert page.url == f"{site}{work_id}.diplomatic.html"
    assert page.locator(".views a[aria-current='page']").inner_text() == "Diplomatic text"
    follow(page, f".views a[href='{work_id}.html']")
    assert page.url == f"{site}{work_id}.html"
    assert page.locator(".views a[aria-current='page']").inner_text() == "Reading text"


def test_a_permalink_lands_on_its_passage_and_its_intervention_is_explained(site, page):
    page.goto(site + "mim-program-1996.html")
    follow(page, "a.permalink[href='mim-program-1996.html#point-9.1']")
    assert page.url.endswith("#point-9.1")
    landed = target(page)
    assert landed["id"] == "point-9.1" and landed["visible"]
    # The passage holds an editorial intervention; its note is closed, and opens from the keyboard.
    note = page.locator("#point-9\\.1 .note-popover").first
    assert not note.is_visible()
    tab_to(page, "#point-9\\.1 sup.app-ref button")
    page.keyboard.press("Enter")
    assert note.is_visible()
    assert "source reads" in note.inner_text()


@pytest.mark.parametrize("width", WIDTHS)
def test_a_paragraph_is_cited_from_the_page(site, browser, project, width):
    reference, passage = "mim-program-1996:7.2", "[id='point-7.2']"
    context = browser.new_context(viewport={"width": width, "height": 900}, accept_downloads=True)
    context.grant_permissions(["clipboard-read", "clipboard-write"])
    page = context.new_page()
    page.goto(site + "mim-program-1996.html#point-7.2")
    page.wait_for_load_state("load")
    # Its reference is shown: beside the paragraph on a wide screen, opening its first line on a phone.
    shown = page.locator(f"{passage} a.permalink")
    assert shown.inner_text() == "7.2" and shown.is_visible()
    ref_box, text_box = shown.bounding_box(), page.locator(passage).bounding_box()
    if width > 1000:
        assert ref_box["x"] + ref_box["width"] <= text_box["x"], "in the margin"
    else:
        assert ref_box["x"] >= text_box["x"] and abs(ref_box["y"] - text_box["y"]) < 20, "on the first line"
    # Its one "cite" button opens the page's dialog, from the keyboard.
    tab_to(page, f"{passage} button.cite-unit")
    page.keyboard.press("Enter")
    dialog = page.locator("#cite-dialog")
    assert dialog.is_visible() and dialog.locator("h2").inner_text() == f"Cite {reference}"
    [item] = json.loads(citation_styles.cite_reference(project, reference, output="csl-json"))
    assert dialog.locator(".cite-url").get_attribute("href") == item["URL"]
    chicago = citation_styles.cite_reference(project, reference, "chicago")
    assert " ".join(dialog.locator(".citation[data-style='chicago']").inner_text().split()) == " ".join(chicago.split())
    dialog.locator(".citation[data-style='chicago'] + button.copy").click()
    assert page.evaluate("navigator.clipboard.readText()") == " ".join(chicago.split())
    with page.expect_download() as download:
        dialog.locator("a[data-format='bibtex']").click()
    assert download.value.suggested_filename == "mim-program-1996-7.2.bib"
    saved = Path(download.value.path()).read_text(encoding="utf-8")
    assert saved == citation_styles.cite_reference(project, reference, output="bibtex")
    page.keyboard.press("Escape")
    assert not dialog.is_visible()
    assert page.evaluate("document.activeElement.dataset.cite") == reference, "focus goes back to the button"
    context.close()


def test_from_a_point_to_the_comparison_and_back(site, page):
    page.goto(site + "llco-what-we-strive-for.html")
    follow(page, "#point-4 a.compare-link")
    assert page.url == site + "compare.html#align-united-front"
    landed = target(page)
    assert landed["id"] == "align-united-front" and landed["visible"]
    assert "LLCO 4" in landed["text"] and "MIM 7.1" in landed["text"]
    follow(page, "#theme-united-front a[href='llco-what-we-strive-for.html#point-4']")
    landed = target(page)
    assert page.url == site + "llco-what-we-strive-for.html#point-4"
    assert landed["id"] == "point-4" and landed["visible"]


def test_a_search_for_a_phrase_lands_on_its_passage(site, page):
    page.goto(site + "index.html")
    follow(page, ".site-header a[href='search.html']")
    tab_to(page, "#search-input")
    page.keyboard.type("labor aristocracy")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    first = page.locator("#search-results li a").first
    first.wait_for()
    assert first.inner_text() == "mim-program-1996:7.2"
    assert "labor aristocracy" in page.locator("#search-results li").first.inner_text()
    follow(page, "#search-results li:first-child a")
    landed = target(page)
    assert page.url == site + "mim-program-1996.html?highlight=labor%20aristocracy#point-7.2"
    assert landed["visible"] and "labor aristocracy" in " ".join(landed["text"].split())
    marked = page.locator("[id='point-7.2'] mark.search-hit").all_inner_texts()
    assert [word.lower() for word in marked[:2]] == ["labor", "aristocracy"]


def test_screenshots_of_each_kind_of_page(site, browser, tmp_path):
    for width in WIDTHS:
        context = browser.new_context(viewport={"width": width, "height": 900})
        shot = context.new_page()
        for kind, name in PAGES.items():
            shot.goto(site + name)
            if kind == "search":
                shot.locator("#search-results li").first.wait_for()
            shot.screenshot(path=str(tmp_path / f"{kind}-{width}.png"), full_page=True)
            overflow = shot.evaluate("document.documentElement.scrollWidth > window.innerWidth")
            assert not overflow, f"{name} is wider than the screen at {width} px"
        context.close()
    print(f"screenshots in {tmp_path}")
