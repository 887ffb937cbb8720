"""The edition's page lists its documents on pages of a bounded size: an edition of more
documents than one page holds has index.html and index-2.html ..., each with its documents,
their principles and licences, and links to every page of the listing.

The edition has two works: listed one to a page, they make a listing of two pages, written
into a build of the edition so that every link the pages hold can be followed."""

from __future__ import annotations

import pytest
from lxml import html as lxml_html

from checkers import html_errors, violations_at_both_widths
from edition import documents
from edition.build import build
from edition.outputs import html
from edition.saxon import Stylesheets
from edition import summary

WORKS = ("llco-what-we-strive-for", "mim-program-1996")  # in the order the listing has them


@pytest.fixture(scope="module")
def listing(tmp_path_factory, project):
    """The site, its edition's page listing one document a page."""
    out = build(project, ("html",), tmp_path_factory.mktemp("index-pages") / "build")
    edition = documents.load(project, Stylesheets(project.xslt, html.STYLESHEETS))
    works = sorted(edition.works, key=lambda work: work.path.name)
    summaries = [summary.write(work.file.tree, work.id, False, out) for work in works]
    written = html._write_index_pages(edition, summaries, edition.registers.tree, edition.registers.path,
                                      out / "html", size=1)
    assert [path.name for path in written] == ["index.html", "index-2.html"]
    return out / "html"


def page(path):
    return lxml_html.parse(str(path)).getroot()


def test_each_page_lists_its_documents_with_their_principles_and_licences(listing):
    for name, work in zip(("index.html", "index-2.html"), WORKS):
        doc = page(listing / name)
        assert doc.xpath("//article[@class = 'document-card']/h3/a/@href") == [f"{work}.html"], name
        assert doc.xpath("//section[@id = 'principles']/section/@id") == [f"principles-{work}"], name
        assert [link for link in doc.xpath("//section[@id = 'licence']//a/@href") if link.startswith("tei/")] == [
            f"tei/{work}.xml", "tei/registers.xml"], name


def test_the_first_page_is_the_editions_page_and_counts_every_document(listing):
    first, second = page(listing / "index.html"), page(listing / "index-2.html")
    assert "of 2 documents" in " ".join(first.xpath("string(//p[@class = 'lead'])").split())
    assert first.xpath("//section[@id = 'registers']") and first.xpath("//section[@id = 'cite']")
    assert not second.xpath("//section[@id = 'registers'] | //section[@id = 'cite'] | //p[@class = 'lead']")
    assert second.xpath("normalize-space(//h1)").endswith(": documents 2–2 of 2")
    assert second.xpath("normalize-space(//title)").startswith(second.xpath("normalize-space(//h1)"))


def test_every_page_links_every_page_of_the_listing_and_marks_its_own(listing):
    for number, name in enumerate(("index.html", "index-2.html"), 1):
        [navigation] = page(listing / name).xpath("//nav[@aria-label = 'Pages of the documents']")
        assert navigation.get("class") == "pagination"  # as the register pages' pages are
        assert navigation.xpath("ul/li/a/@href") == ["index.html", "index-2.html"]
        assert navigation.xpath("ul/li/a[@aria-current = 'page']/@href") == [name]
        assert f"Documents {number}–{number} of 2" in navigation.text_content()


def test_every_link_of_the_listing_leads_to_a_file_of_the_site(listing):
    for name in ("index.html", "index-2.html"):
        for link in page(listing / name).xpath("//a/@href | //link/@href | //script/@src"):
            target = link.partition("#")[0]
            if target and "://" not in target and not target.startswith("mailto:"):
                assert (listing / target).is_file(), f"{name}: {link}"


def test_an_edition_that_fits_one_page_has_no_listing_navigation(built):
    assert not page(built / "html" / "index.html").xpath("//nav[@aria-label = 'Pages of the documents']")
    assert not (built / "html" / "index-2.html").exists()


def test_the_pages_of_the_listing_are_valid_html(listing):
    assert html_errors([listing / "index.html", listing / "index-2.html"]) == []


def test_the_pages_of_the_listing_have_no_accessibility_violation(listing, tmp_path_factory):
    pages = {name: (listing / name).as_uri() for name in ("index.html", "index-2.html")}
    assert violations_at_both_widths(pages, tmp_path_factory.mktemp("index-screenshots")) == {}
