"""The XSLT pipeline: compiled once, locked out of files and URLs, and nothing unhandled."""

from __future__ import annotations

from pathlib import Path

import pytest

from edition import build as builder
from edition.errors import EditionError
from edition.saxon import Stylesheets
from edition.xmlfile import parse

from conftest import SHARED

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture(scope="module")
def text_xsl(project):
    return Stylesheets(project.xslt, ["text.xsl"])


def test_an_element_no_template_handles_fails_in_the_editions_own_texts(text_xsl):
    source = FIXTURES / "unhandled.xml"
    with pytest.raises(EditionError) as failure:
        text_xsl.transform("text.xsl", parse(source).tree, source, {"view": "reading"})
    [problem] = failure.value.problems
    assert (problem.line, problem.col) == (6, 20)
    assert "no template of the text output handles unknownThing" in problem.message


def test_a_foreign_document_keeps_all_its_text(text_xsl):
    # A lenient build renders a document the edition's schema refuses generically, where every
    # element is handled.
    source = FIXTURES / "unhandled.xml"
    text = text_xsl.transform("text.xsl", parse(source).tree, source, {"generic": True, "document-id": "unhandled"})
    assert "Kept text inside an element no template knows and after." in text


def test_real_foreign_tei_keeps_every_word(text_xsl):
    corpus = SHARED / "corpora" / "perseus-latin"
    source = min(corpus.rglob("*.xml"), key=lambda p: p.stat().st_size)
    tree = parse(source).tree
    text = text_xsl.transform("text.xsl", tree, source, {"generic": True, "document-id": "foreign"})
    body = tree.find("{http://www.tei-c.org/ns/1.0}text")
    words = " ".join("".join(body.itertext()).split())
    _title, rule, found = text.partition("=" * 72)  # the text follows the title and its rule
    assert rule and words.split()[:50] == " ".join(found.split()).split()[:50]


def test_a_transform_cannot_read_files(tmp_path):
    (tmp_path / "reads-a-file.xsl").write_text((FIXTURES / "reads-a-file.xsl").read_text())
    stylesheets = Stylesheets(tmp_path, ["reads-a-file.xsl"])
    source = FIXTURES / "unhandled.xml"
    with pytest.raises(EditionError) as failure:
        stylesheets.transform("reads-a-file.xsl", parse(source).tree, source)
    assert "prohibited" in str(failure.value) or "not allowed" in str(failure.value)


def test_each_stylesheet_is_compiled_once_per_build(project, tmp_path, in_workers):
    log = tmp_path / "compiled.txt"
    in_workers(f"""
from edition.saxon import Stylesheets
original = Stylesheets._compile
def logged(self, name):
    with open({str(log)!r}, "a") as file:
        file.write(name + "\\n")
    return original(self, name)
Stylesheets._compile = logged
""")
    builder.build(project, out=tmp_path / "build")
    compiled = log.read_text().split()
    assert sorted(compiled) == sorted(set(compiled))
    assert "text.xsl" in compiled


def test_every_output_module_satisfies_the_output_protocol_and_one_that_does_not_is_refused():
    import types

    from edition.outputs import Output, checked
    from edition.render import FORMATS

    assert all(isinstance(module, Output) for modules in FORMATS.values() for module in modules)
    partial = types.ModuleType("edition.outputs.partial")
    partial.STYLESHEETS, partial.GENERIC, partial.MADE_FROM = [], False, "documents"
    partial.prepare = lambda edition, folder: []
    partial.write_document = lambda edition, work, folder: []
    with pytest.raises(TypeError, match="edition.outputs.partial is not an output: it has no write_edition"):
        checked(partial)
    partial.write_edition = lambda edition, summaries: []
    with pytest.raises(TypeError, match=r"write_edition must take \(edition, summaries, folder\)"):
        checked(partial)
    partial.write_edition, partial.MADE_FROM = (lambda edition, summaries, folder: []), "sources"
    with pytest.raises(TypeError, match="MADE_FROM is 'sources'"):
        checked(partial)


def test_the_site_constants_declared_in_python_are_what_the_pages_show(built):
    # edition/site.py declares the registers, the views and the citation styles once; the
    # stylesheets receive them (xslt/common/params.xsl): the navigation, the view switch and the
    # citation dialog show them in their order.
    import lxml.html

    from edition import site

    index = lxml.html.parse(str(built / "html" / "index.html"))
    nav = [(a.get("href"), a.text_content()) for a in index.xpath("//nav[@aria-label = 'Edition']//a")]
    registers = [(f"{register.page}.html", register.label) for register in site.REGISTERS]
    assert [entry for entry in nav if entry in registers] == registers
    work = lxml.html.parse(str(built / "html" / "mim-program-1996.html"))
    views = [(a.get("href"), a.text_content()) for a in work.xpath("//nav[@class = 'views']//a")]
    assert views == [(site.view_file("mim-program-1996", name, "html"), view.label) for name, view in site.VIEWS.items()]
    page = (built / "html" / "mim-program-1996.html").read_text(encoding="utf-8")
    assert all(style.label in page for style in site.STYLES.values())
