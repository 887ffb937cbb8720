"""build/print/*.html opened in a browser (Chromium): a page to read, not only paged media.

print.css lays the paged HTML out for the screen in rules of its own (@media screen): a column
of about seventy characters with the references in its margin, and the footnotes shown where
they are called, beside the text on a wide screen and set off below the line on a phone.
"""

from __future__ import annotations

import pytest

from browser import chromium
from checkers import accessibility_violations, html_errors
from conftest import WORK_IDS

PAGES = [*WORK_IDS, "introduction"]
WIDE, PHONE = 1280, 390


@pytest.fixture(scope="module")
def browser():
    with chromium() as browser:
        yield browser


def opened(browser, built, name: str, width: int):
    page = browser.new_page(viewport={"width": width, "height": 900})
    page.goto((built / "print" / f"{name}.html").as_uri())
    return page


# The column's width in characters of its font (the average width of its lowercase letters),
# the sidenotes' places, and whether anything is wider than the window.
LAYOUT = """() => {
  const body = document.body, style = getComputedStyle(body);
  const probe = document.createElement('span');
  probe.textContent = 'abcdefghijklmnopqrstuvwxyz';
  document.querySelector('.body p, section p').appendChild(probe);
  const letter = probe.getBoundingClientRect().width / 26;
  probe.remove();
  const column = body.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
  const text = document.querySelector('.body p, section p').getBoundingClientRect();
  const notes = [...document.querySelectorAll('.footnote')].map(n => n.firstElementChild.getBoundingClientRect())
    .map(r => ({left: r.left, right: r.right, top: r.top, bottom: r.bottom, height: r.height}));
  return {characters: column / letter, textRight: text.right, notes,
          scrollWidth: document.documentElement.scrollWidth};
}"""


@pytest.mark.parametrize("name", PAGES)
def test_on_a_wide_screen_a_measured_column_and_the_notes_beside_it(browser, built, name):
    page = opened(browser, built, name, WIDE)
    layout = page.evaluate(LAYOUT)
    assert layout["scrollWidth"] <= WIDE
    assert 60 <= layout["characters"] <= 80, layout["characters"]
    notes = layout["notes"]
    if name in WORK_IDS:
        assert notes
    for note in notes:
        # In the column to the right of the text, inside the window.
        assert note["left"] >= layout["textRight"] and note["right"] <= WIDE
    # One below the other, never over one another.
    for upper, lower in zip(notes, notes[1:]):
        assert lower["top"] >= upper["bottom"] - 0.5


@pytest.mark.parametrize("name", PAGES)
def test_on_a_phone_nothing_is_wider_than_the_screen_and_notes_stand_apart(browser, built, name):
    page = opened(browser, built, name, PHONE)
    layout = page.evaluate(LAYOUT)
    assert layout["scrollWidth"] <= PHONE
    for note in layout["notes"]:
        assert 0 <= note["left"] and note["right"] <= PHONE and note["height"] > 0


@pytest.mark.parametrize("name", WORK_IDS)
def test_each_footnote_is_numbered_where_it_is_called_and_beside_its_words(browser, built, name):
    page = opened(browser, built, name, WIDE)
    numbers = page.evaluate("""() => [...document.querySelectorAll('.footnote')].map(note => [
        getComputedStyle(note, '::before').content, getComputedStyle(note.firstElementChild, '::before').content])""")
    assert numbers
    # Both numbers are the footnote counter's, which the paged media numbers the footnotes by.
    assert all(call == "counter(footnote)" and mark.startswith("counter(footnote)") for call, mark in numbers), numbers[:3]


def test_the_print_html_is_valid_html(built):
    assert html_errors([built / "print" / f"{name}.html" for name in PAGES]) == []


@pytest.mark.parametrize("width", [WIDE, PHONE])
@pytest.mark.parametrize("name", PAGES)
def test_the_print_html_has_no_accessibility_violation(browser, built, name, width):
    assert accessibility_violations(opened(browser, built, name, width)) == []
