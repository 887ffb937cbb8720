"""The generic renderings of a foreign TEI document (xslt/html/generic.xsl, xslt/text/generic.xsl):
their cost grows with the size of the document, not with its depth, and their text is in
Unicode's composed form (NFC) however the source spells it."""

from __future__ import annotations

import time
from pathlib import Path

import lxml.html
import pytest

from edition.saxon import Stylesheets
from edition.xmlfile import TEI_NS

XSLT = Path(__file__).resolve().parents[1] / "xslt"
HEADER = "<teiHeader><fileDesc><titleStmt><title>Foreign</title></titleStmt></fileDesc></teiHeader>"


@pytest.fixture(scope="module")
def stylesheets():
    return Stylesheets(XSLT, ["html.xsl", "text.xsl"])


def render(stylesheets, name: str, body: str) -> str:
    source = f'<TEI xmlns="{TEI_NS}">{HEADER}<text><body><div>{body}</div></body></text></TEI>'
    return stylesheets.transform(name, stylesheets.document(source.encode("utf-8")), Path("foreign.xml"),
                                 {"generic": True, "strict": False, "document-id": "foreign"})


def nested(depth: int, width: int) -> str:
    """Inline elements nested ``depth`` deep, each with ``width`` named words beside the next,
    and a paragraph at the bottom: every one of them holds a block."""
    inner = "<p>bottom</p>"
    for level in range(depth):
        inner = "<hi>" + "".join(f"<name>w{level}</name> " for _ in range(width)) + inner + "</hi>"
    return inner


def seconds(stylesheets, body: str) -> float:
    start = time.process_time()
    render(stylesheets, "html.xsl", body)
    return time.process_time() - start


def test_a_deep_tree_costs_what_a_flat_one_of_its_size_costs(stylesheets):
    render(stylesheets, "html.xsl", nested(2, 10))  # compiled and warmed
    # The same number of elements, 3 or 90 deep: a search of each element's descendants for a
    # block took some 30 times as long for the deeper.
    shallow = min(seconds(stylesheets, nested(3, 6000)) for _ in range(2))
    deep = min(seconds(stylesheets, nested(90, 200)) for _ in range(2))
    assert deep < 3 * shallow, (deep, shallow)


def test_an_inline_element_that_holds_a_block_is_rendered_in_flow(stylesheets):
    page = lxml.html.fromstring(render(stylesheets, "html.xsl", nested(3, 2)))
    bottom = page.xpath("//*[@class='tei-p']")
    assert [element.text for element in bottom] == ["bottom"]
    assert [element.get("class") for element in bottom[0].iterancestors("div")][:3] == ["tei-hi"] * 3
    assert page.xpath("//p[span[@class='tei-name']]") and not page.xpath("//span//div | //span//p")


@pytest.mark.parametrize("name", ["html.xsl", "text.xsl"])
def test_the_text_is_composed_however_the_source_spells_it(stylesheets, name):
    # e and a combining acute accent; alpha with oxia, whose composed form is alpha with tonos.
    text = render(stylesheets, name, "<p>caf\u0065\u0301 \u1f71 <hi>na\u0131\u0308ve</hi></p><p>\u1f71</p>")
    assert "caf\u00e9 \u03ac" in text and "e\u0301" not in text and "\u1f71" not in text
