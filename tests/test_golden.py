"""Golden files: each textual output of both works, as reviewed and committed in tests/golden/.

A change of output is made on purpose: run `python -m pytest tests/test_golden.py
--update-golden`, read the diff of tests/golden/, and commit it with the change.

The site writes its HTML compactly; the golden files hold it indented, one block a line (and the
JSON a page carries, one member a line), so that a changed word is a changed line in the diff.
The build's output is indented the same way before it is compared. The indentation only adds
white space where a reader cannot see it: beside a block element, and between JSON tokens; every
other character stays as the build wrote it. Text files are compared as they are.
"""

from __future__ import annotations

import difflib

import pytest
from lxml import etree, html

from conftest import ROOT

GOLDEN = ROOT / "tests" / "golden"
KINDS = ("text/*.txt", "html/*.html", "print/*.html")
MAX_DIFF_LINES = 60

# Elements beside which white space is not rendered: each may start a line of its own.
BLOCKS = frozenset("""html head body meta link title script style noscript base template header footer
main nav section article aside div p h1 h2 h3 h4 h5 h6 hgroup ul ol li dl dt dd table thead tbody
tfoot tr td th caption colgroup col form fieldset legend figure figcaption blockquote address hr
details summary dialog pre menu search select option optgroup datalist""".split())
# Elements whose content is kept exactly as written (JSON scripts are reflowed apart).
VERBATIM = frozenset(("pre", "script", "style", "textarea"))
JSON_TYPES = frozenset(("application/json", "application/ld+json"))


def outputs(folder):
    return sorted(p.relative_to(folder).as_posix() for kind in KINDS for p in folder.glob(kind))


def readable(name: str, data: bytes) -> str:
    """An output as its golden file holds it: HTML indented, text as it is."""
    return indented_html(data) if name.endswith(".html") else data.decode("utf-8")


def indented_html(data: bytes) -> str:
    document = html.document_fromstring(data)
    _indent(document, 0)
    return etree.tostring(document.getroottree(), method="html", encoding="unicode") + "\n"


def _blank(text: str | None) -> bool:
    return text is None or not text.strip()


def _indent(element, depth: int) -> None:
    """Starts each block child of ``element`` on a line of its own, indented by its depth, where
    the white space around it is blank or absent."""
    if element.tag == "script" and element.get("type") in JSON_TYPES and element.text:
        element.text = reflowed_json(element.text, depth + 1)
    if element.tag in VERBATIM:
        return
    children = list(element)
    inner, outer = "\n" + "  " * (depth + 1), "\n" + "  " * depth
    for index, child in enumerate(children):
        if not isinstance(child.tag, str):
            continue
        _indent(child, depth + 1)
        if child.tag not in BLOCKS:
            continue
        if index == 0:
            if _blank(element.text):
                element.text = inner
        elif _blank(children[index - 1].tail):
            children[index - 1].tail = inner
        if _blank(child.tail):
            child.tail = inner if index < len(children) - 1 else outer


def reflowed_json(text: str, depth: int) -> str:
    """JSON with a line break after each opening bracket and comma outside strings and before each
    closing bracket; the tokens themselves (escapes included) are kept as written."""
    out, level, in_string, escaped = [], depth, False, False
    for char in text:
        if in_string:
            in_string = escaped or char != '"'
            escaped = not escaped and char == "\\"
        elif char == '"':
            in_string = True
        elif char in "}]":
            level -= 1
            out.append("\n" + "  " * level)
        out.append(char)
        if not in_string and char in "{[,":
            level += char != ","
            out.append("\n" + "  " * level)
    return "".join(out)


def changes(name: str, golden: str, built: str) -> str:
    lines = list(difflib.unified_diff(golden.splitlines(), built.splitlines(), f"golden/{name}",
                                      f"build/{name}", n=2, lineterm=""))
    if len(lines) > MAX_DIFF_LINES:
        lines[MAX_DIFF_LINES:] = [f"... {len(lines) - MAX_DIFF_LINES} more lines of difference"]
    return "\n".join(lines)


@pytest.fixture(scope="module")
def golden(built, request):
    if request.config.getoption("--update-golden"):
        for stale in set(outputs(GOLDEN)) - set(outputs(built)):
            (GOLDEN / stale).unlink()
        for name in outputs(built):
            (GOLDEN / name).parent.mkdir(parents=True, exist_ok=True)
            (GOLDEN / name).write_text(readable(name, (built / name).read_bytes()), encoding="utf-8")
    return GOLDEN


def test_every_textual_output_has_a_golden_file(built, golden):
    assert outputs(built) == outputs(golden)


def test_every_output_equals_its_golden_file(built, golden):
    diffs = []
    for name in outputs(golden):
        expected = (golden / name).read_text(encoding="utf-8")
        actual = readable(name, (built / name).read_bytes()) if (built / name).is_file() else ""
        if actual != expected:
            diffs.append(changes(name, expected, actual))
    assert not diffs, ("outputs changed: review them, then run with --update-golden\n\n"
                       + "\n\n".join(diffs))


def test_indenting_adds_only_white_space_beside_blocks():
    page = (b'<!DOCTYPE html><html><head><title>T</title><script type="application/json">'
            b'{"a":["x,\\"y\\"",1],"b":{"c":"<\\/i>"}}</script></head><body><p>a<em>b</em><em>c</em></p>'
            b'<div><span>s</span><p>q</p></div><pre> p\n q</pre></body></html>')
    indented = indented_html(page)
    assert "<p>a<em>b</em><em>c</em></p>" in indented
    assert "<pre> p\n q</pre>" in indented
    assert '"x,\\"y\\""' in indented and '"<\\/i>"' in indented
    compact = etree.tostring(html.document_fromstring(page).getroottree(), method="html", encoding="unicode")
    assert "".join(indented.split()) == "".join(compact.split())
    assert len(indented.splitlines()) > 10
