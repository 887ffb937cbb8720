"""A work's pages in every view come from one transform (html.render_views): each is the page
that view's own transform makes, byte for byte, and the citations' data block is written into
each by the driver."""

from __future__ import annotations

import json

import lxml.html
import pytest

from edition import documents
from edition.outputs import html
from edition.saxon import Stylesheets

WORKS = ("mim-program-1996", "llco-what-we-strive-for")


@pytest.fixture(scope="module")
def edition(project):
    return documents.load(project, Stylesheets(project.xslt, html.STYLESHEETS))


@pytest.mark.parametrize("document", WORKS)
def test_every_view_from_one_transform_is_its_own_transforms_page(edition, tmp_path, document):
    # The diplomatic page is made from a copy of the reading text's normalised work with each
    # choice's readings swapped (html/document.xsl, f:in-view): it must be the page the
    # normalisation for that view gives.
    work = next(work for work in edition.works if work.id == document)
    citations, _ = html.write_citations(edition, work, tmp_path / "cite")
    around = html.neighbours(edition, work)
    pages = html.render_views(edition, work, citations, around)
    assert set(pages) == {name.format(id=document) for name in html.VIEWS.values()}
    for view, name in html.VIEWS.items():
        assert pages[name.format(id=document)] == html.render(edition, work, view, citations, around)


def test_the_data_block_holds_the_citations_of_every_passage(edition, tmp_path):
    work = next(work for work in edition.works if work.id == WORKS[0])
    citations, _ = html.write_citations(edition, work, tmp_path / "cite")
    pages = html.render_views(edition, work, citations)
    for text in pages.values():
        assert text.count('id="cite-data"') == 1
        block = lxml.html.document_fromstring(text.encode("utf-8")).get_element_by_id("cite-data")
        assert json.loads(block.text) == json.loads(citations.getroot().find("data").text)
        assert "<!--" not in text  # the marks that part the pages are gone


def test_a_page_of_the_views_names_its_file():
    marker = "0123"
    made = f"<!--{marker} w.html--><!DOCTYPE HTML><html><head><meta charset=\"UTF-8\"></head></html>" \
           f"<!--{marker} w.diplomatic.html--><html><head><meta charset=\"utf-8\"></head></html>"
    pages = html._view_pages(made, marker, {"w.html", "w.diplomatic.html"})
    assert pages["w.diplomatic.html"] == '<!DOCTYPE HTML><html><head><meta charset="UTF-8"></head></html>'
    with pytest.raises(Exception, match="pages of the views"):
        html._view_pages(made, marker, {"w.html", "x.html"})
