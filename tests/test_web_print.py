"""Printing a page of the web edition (Ctrl+P), in Chromium's print emulation: the text with its
passages' references, each note's number and the notes after the text, the page's address; none
of the controls and none of what only a screen can follow."""

from __future__ import annotations

import tomllib

import pytest

from browser import chromium
from conftest import ROOT

PAGES = ["mim-program-1996.html", "llco-what-we-strive-for.diplomatic.html", "index.html",
         "persons.html", "events.html", "compare.html", "themes.html", "search.html", "introduction.html"]
WORK = "mim-program-1996.html"

# Everything a reader operates on screen, and what says nothing on paper.
CONTROLS = ("button, input, select, textarea, dialog, [popover], nav, .skip-link, .cite, .about, "
            ".compare-links, .event-ref, .source-ref, .back-ref, .pair-permalink, .side-link, .downloads")


@pytest.fixture(scope="module")
def browser():
    with chromium() as instance:
        yield instance


@pytest.fixture
def printed(browser, site):
    """A page as Chromium prints it."""
    contexts = []

    def load(name: str):
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        contexts.append(context)
        page = context.new_page()
        page.goto(site + name)
        page.wait_for_load_state("load")
        page.emulate_media(media="print")
        return page

    yield load
    for context in contexts:
        context.close()


def visible(page, selector: str) -> list[str]:
    return page.evaluate("""(selector) => [...document.querySelectorAll(selector)]
      .filter((e) => e.getClientRects().length && getComputedStyle(e).visibility !== 'hidden')
      .map((e) => e.outerHTML.slice(0, 100))""", selector)


@pytest.mark.parametrize("name", PAGES)
def test_no_control_is_printed(printed, name):
    page = printed(name)
    assert visible(page, CONTROLS) == []
    text = page.evaluate("document.body.innerText")
    for noise in ("Compare:", "About this text", "Skip to main content", "Cite this", "Permalink",
                  "Download this text"):
        assert noise not in text


@pytest.mark.parametrize("name", PAGES)
def test_the_page_address_is_printed(printed, name):
    base = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["edition"]["base-url"]
    page = printed(name)
    assert base.rstrip("/") + "/" + name.split("?")[0] in page.evaluate("document.body.innerText")


def test_the_passages_references_are_printed_as_text(printed):
    page = printed(WORK)
    references = page.evaluate("""[...document.querySelectorAll('article .unit-ref a.permalink')]
      .filter((a) => a.getClientRects().length).map((a) => a.innerText)""")
    assert {"1", "1.1", "7.2", "10.2"} <= set(references)
    # Printed as text, not as links to follow.
    assert page.evaluate("getComputedStyle(document.querySelector('a.permalink')).textDecorationLine") == "none"


def test_the_notes_are_printed_as_numbers_and_endnotes(printed):
    page = printed(WORK)
    numbers = page.evaluate("""[...document.querySelectorAll('article sup.note-ref[data-n]')]
      .map((s) => getComputedStyle(s, '::after').content)""")
    assert numbers[:3] == ['"1"', '"2"', '"3"']
    listed = page.evaluate("""[...document.querySelectorAll('.intervention-notes li, .commentary li')]
      .filter((li) => li.getClientRects().length).map((li) => li.value)""")
    assert sorted(listed) == sorted(int(n.strip('",')) for n in numbers)
    # Two numbers after one word are parted: "14,15".
    assert '",15"' in numbers
    # The notes themselves are printed once, after the text, not where they open on screen.
    assert visible(page, ".note-popover") == []


@pytest.mark.parametrize("name", [WORK, "compare.html"])
def test_a_printed_page_as_pdf(printed, tmp_path, name):
    page = printed(name)
    pdf = tmp_path / (name.replace(".html", ".pdf"))
    page.pdf(path=str(pdf), format="A4")
    assert pdf.read_bytes().startswith(b"%PDF") and pdf.stat().st_size > 20_000
