"""Foreign TEI (ELTeC novels, Perseus texts): refused by default, rendered generically with
--lenient, and then every word of each document's <text> is in its outputs, in order."""

from __future__ import annotations

import re
import shutil
import unicodedata
from pathlib import Path

import lxml.html
import pytest
from lxml import etree

from browser import chromium
from checkers import accessibility_violations, html_errors
from conftest import SHARED
from edition.document_names import derived_id
from edition.xmlfile import NS, safe_parser

CORPORA = SHARED / "corpora"
SAMPLE = [
    *sorted((CORPORA / "eltec-eng" / "level1").glob("*.xml"), key=lambda p: p.stat().st_size)[:3],
    min((CORPORA / "eltec-eng" / "level2").glob("*.xml"), key=lambda p: p.stat().st_size),
    *(CORPORA / "perseus-latin" / name for name in (
        "phi0474.phi032.perseus-eng1.xml", "phi0959.phi003.perseus-lat2.xml", "phi0914.phi00112s.perseus-lat2.xml",
        "stoa0275.stoa014.opp-lat1.xml", "phi1348.abo017.perseus-eng2.xml")),
]


WORD = re.compile(r"\w+")


def source_words(path: Path) -> list[tuple[str, bool]]:
    """The words of a document's <text>, each with whether it is glued to the word before by
    an element boundary alone ("true</l></lg><bibl>Sheridan"): such a word may be rendered
    joined to the one before or, when the boundary is a block's, apart from it."""
    text = etree.parse(str(path), safe_parser()).find("tei:text", NS)
    found, last = [], ""
    for node in text.itertext():
        node = unicodedata.normalize("NFC", node)
        for match in WORD.finditer(node):
            glued = match.start() == 0 and bool(found) and bool(last) and last[-1:].isalnum()
            found.append((match.group(), glued))
        last = node
    return found


def in_order(expected: list[tuple[str, bool]], output: str) -> int:
    """How many of ``expected`` are found in ``output`` in order, each a whole word (or the
    part of one that continues a glued word)."""
    output, position = unicodedata.normalize("NFC", output), 0
    for count, (word, glued) in enumerate(expected):
        follows = count + 1 < len(expected) and expected[count + 1][1]
        end = "" if follows else r"(?!\w)"
        if glued:
            match = re.compile(r"\W*" + re.escape(word) + end).match(output, position)
        else:
            match = re.compile(r"(?<!\w)" + re.escape(word) + end).search(output, position)
        if not match:
            return count
        position = match.end()
    return len(expected)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    folder = tmp_path_factory.mktemp("corpus")
    for path in SAMPLE:
        shutil.copyfile(path, folder / path.name)
    return folder


@pytest.fixture(scope="module")
def lenient_build(corpus, tmp_path_factory):
    from click.testing import CliRunner

    from edition.cli import main

    out = tmp_path_factory.mktemp("foreign") / "build"
    result = CliRunner().invoke(main, ["build", "--texts", str(corpus), "--out", str(out), "--format", "html,text",
                                       "--lenient", "--quiet"], catch_exceptions=False)
    return result, out


def test_foreign_tei_is_refused_without_lenient(cli, corpus, tmp_path):
    result = cli("build", "--texts", corpus, "--out", tmp_path / "out", "--format", "text", "--quiet")
    assert result.exit_code == 1
    lines = result.stderr.splitlines()
    assert lines and all(re.match(r".+\.xml:\d+:\d+: error: ", line) for line in lines), lines[:3]
    assert {Path(line.split(":")[0]).name for line in lines} == {path.name for path in SAMPLE}
    assert not (tmp_path / "out").exists()


def test_lenient_warns_once_per_document_and_builds(lenient_build):
    result, out = lenient_build
    assert result.exit_code == 0, result.stderr
    warnings = result.stderr.splitlines()
    assert len(warnings) == len(SAMPLE)
    assert all(re.match(r".+\.xml:\d+:\d+: warning: rendered generically", line) for line in warnings)
    assert (out / "html" / "index.html").is_file()


@pytest.mark.parametrize("source", SAMPLE, ids=lambda path: path.name)
def test_every_word_of_the_text_is_in_the_text_output_in_order(lenient_build, source):
    _, out = lenient_build
    expected = source_words(source)
    output = (out / "text" / f"{derived_id(source)}.txt").read_text(encoding="utf-8")
    title, rule, found = output.partition("=" * 10)  # the text follows the title and its rule
    assert rule and in_order(expected, found) == len(expected)


@pytest.mark.parametrize("source", SAMPLE, ids=lambda path: path.name)
def test_every_word_of_the_text_is_in_the_web_page_in_order(lenient_build, source):
    _, out = lenient_build
    expected = source_words(source)
    page = lxml.html.parse(str(out / "html" / f"{derived_id(source)}.html"))
    found = page.xpath("//article[contains(concat(' ', @class, ' '), ' generic ')]")[0].text_content()
    assert in_order(expected, found) == len(expected)


def test_the_index_lists_every_foreign_document_without_a_diplomatic_view(lenient_build):
    _, out = lenient_build
    index = (out / "html" / "index.html").read_text(encoding="utf-8")
    for source in SAMPLE:
        assert f'href="{derived_id(source)}.html"' in index
    assert ".diplomatic.html" not in index


def test_the_pages_are_valid_html(lenient_build):
    _, out = lenient_build
    assert html_errors(sorted((out / "html").glob("*.html"))) == []


def test_the_pages_have_no_accessibility_violation(lenient_build):
    _, out = lenient_build
    # The novels of ELTeC's level 2 make a span of each of their 100,000 words: axe reads
    # the others, whose markup is as varied.
    pages = [out / "html" / "index.html",
             *(out / "html" / f"{derived_id(source)}.html" for source in SAMPLE if "level2" not in source.parts)]
    violations = {}
    with chromium() as browser:
        page = browser.new_page(bypass_csp=True)  # axe is a script the pages' policy refuses
        for path in pages:
            page.goto(path.as_uri())
            violations[path.name] = accessibility_violations(page)
    assert {name: found for name, found in violations.items() if found} == {}


def test_a_foreign_document_is_left_out_of_the_pdf_and_the_warning_says_so(cli, corpus, tmp_path):
    result = cli("build", "--texts", corpus, "--out", tmp_path / "out", "--format", "text,pdf", "--lenient", "--quiet")
    assert result.exit_code == 0, result.stderr
    warnings = result.stderr.splitlines()
    assert len(warnings) == len(SAMPLE) and all(line.endswith("; not in pdf, which has no generic rendering")
                                                for line in warnings)
    assert len(list((tmp_path / "out" / "text").glob("*.txt"))) == len(SAMPLE)
    assert not list((tmp_path / "out" / "pdf").iterdir())
    assert not list((tmp_path / "out" / "print").glob("*.html"))
