"""Listing pages stay the same size however many documents the edition has: a register page shows
the first passages that name each entry and links to the entry's own pages, which list all of
them, a bounded number a page, linked to one another. Built from a synthetic edition of 60
documents (bench/synthetic.py: copies of the two programmes), in which Mao Zedong is named in 150
passages: more than one page of occurrences holds."""

from __future__ import annotations

import dataclasses
import functools
import http.server
import math
import re
import threading
from pathlib import Path
from urllib.parse import urlsplit

import lxml.html
import pytest
from lxml import etree

from bench.synthetic import generate
from browser import chromium
from edition import occurrences, policy
from edition.build import build
from edition.outputs import html
from edition.saxon import Stylesheets
from edition.xmlfile import safe_parser

DOCUMENTS = 60
PAGING = html.REGISTER_PAGING
REGISTER_PAGES = html.REGISTER_PAGES
# Bytes of a page of occurrences' main content: a passage with its snippets is far less than 1 KB.
MAIN_BOUND = PAGING["register-page-size"] * 1_000


@pytest.fixture(scope="module")
def many(tmp_path_factory, project) -> Path:
    """The html of a synthetic edition of 60 documents."""
    folder = tmp_path_factory.mktemp("many")
    generate(project.texts, folder / "texts", DOCUMENTS)
    out = build(dataclasses.replace(project, texts_folder=folder / "texts"), formats=("html",),
                out=folder / "build", jobs=1)
    return out / "html"


def page(folder: Path, name: str) -> lxml.html.HtmlElement:
    return lxml.html.document_fromstring((folder / name).read_bytes())


def listing_pages(folder: Path) -> list[str]:
    """The register pages, the pages of their entries' occurrences, and the themes."""
    return sorted(path.name for path in folder.glob("*.html")
                  if path.name.partition(".")[0] in REGISTER_PAGES or path.name == "themes.html")


def entry_pages(folder: Path, first: str) -> list[str]:
    """The pages of an entry's occurrences, from the first, following each 'Next'."""
    names = [first]
    while True:
        following = page(folder, names[-1]).xpath("//nav[@class = 'pagination']//a[@rel = 'next']/@href")
        if not following:
            return names
        names.append(following[0])


def test_an_entry_named_in_more_passages_than_a_page_holds_has_pages_of_its_own(many):
    entry = page(many, "persons.html").get_element_by_id("mao-zedong")
    assert len(entry.xpath(".//ul[@class = 'occurrence-places']/li")) == PAGING["register-preview"]
    count_line = entry.xpath("string(.//p[@class = 'occurrence-count'])")
    passages = int(re.search(r"in (\d+) passages", count_line).group(1))
    programmes = len(list((many.parents[1] / "texts").glob("mim-program-1996*.xml")))
    assert passages == 5 * programmes, count_line  # five in each copy of the MIM programme
    assert passages > PAGING["register-page-size"]
    link = entry.xpath(".//p[@class = 'occurrences-all']/a")[0]
    assert link.get("href") == "persons.mao-zedong.html" and f"All {passages} passages" in link.text_content()

    names = entry_pages(many, link.get("href"))
    assert len(names) == math.ceil(passages / PAGING["register-page-size"])
    listed = []
    for number, name in enumerate(names, start=1):
        document = page(many, name)
        items = document.xpath("//ul[@class = 'occurrence-places']/li/a[@class = 'occurrence']/@href")
        assert 0 < len(items) <= PAGING["register-page-size"], name
        listed += items
        current = document.xpath("//nav[@class = 'pagination']//a[@aria-current = 'page']")
        assert [a.text_content() for a in current] == [str(number)], name
        assert document.xpath("//p[@class = 'register-back']/a/@href") == ["persons.html#mao-zedong"]
        assert bool(document.xpath("//a[@rel = 'prev']")) == (number > 1), name
    assert len(listed) == len(set(listed)) == passages, "every passage on exactly one page"


def test_every_link_of_the_listing_pages_resolves(many):
    ids: dict[str, set[str]] = {}
    for name in listing_pages(many):
        for href in page(many, name).xpath("//a/@href"):
            parts = urlsplit(href)
            if parts.scheme or parts.netloc:
                continue
            target = parts.path or name
            assert (many / target).is_file(), f"{name}: {href} leads to no file"
            if parts.fragment and target.endswith(".html"):
                if target not in ids:
                    ids[target] = set(page(many, target).xpath("//@id"))
                assert parts.fragment in ids[target], f"{name}: {href} leads to no element"


def test_no_listing_page_grows_with_the_edition(many, built):
    """The content of each listing page is bounded: a register page's by its entries (what it
    is in the edition of two documents, and at most the first passages of each entry more), the
    themes' by the alignment, a page of occurrences' by its page size; none by the number of
    documents."""
    for name in listing_pages(many):
        document = page(many, name)
        size = len(lxml.html.tostring(document.xpath("//main")[0]))
        small = built / "html" / name
        if small.is_file():
            previews = len(document.xpath("//section[@class = 'entry']")) * PAGING["register-preview"]
            bound = len(lxml.html.tostring(page(small.parent, name).xpath("//main")[0])) + previews * 1_000
        else:
            bound = MAIN_BOUND
        assert size <= bound, (name, size, bound)


def test_the_pages_of_occurrences_are_read_and_turned_on_a_phone(many):
    handler = functools.partial(_Quiet, directory=str(many))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    site = f"http://127.0.0.1:{server.server_address[1]}/"
    try:
        with chromium() as browser:
            view = browser.new_page(viewport={"width": 320, "height": 700})
            view.goto(site + "persons.html#mao-zedong")
            view.locator("#mao-zedong .occurrences-all a").click()
            view.wait_for_url(site + "persons.mao-zedong.html")
            view.locator(".pagination a[rel='next']").click()
            view.wait_for_url(site + "persons.2.mao-zedong.html")
            sizes = view.evaluate("[document.scrollingElement.scrollWidth, document.scrollingElement.clientWidth]")
            assert sizes[0] <= sizes[1], sizes
            for box in view.locator(".pagination a").evaluate_all(
                    "links => links.map(a => a.getBoundingClientRect()).map(r => [r.width, r.height])"):
                assert box[0] >= 24 and box[1] >= 24, box
            view.locator(".pagination a[rel='prev']").click()
            view.wait_for_url(site + "persons.mao-zedong.html")
            for name in listing_pages(many):
                view.goto(site + name)
                sizes = view.evaluate("[document.scrollingElement.scrollWidth, document.scrollingElement.clientWidth]")
                assert sizes[0] <= sizes[1], (name, sizes)
    finally:
        server.shutdown()
        server.server_close()


def test_a_long_run_of_pages_links_the_pages_near_the_reader(many, project):
    """An entry named in thousands of passages has hundreds of pages: each links the first and
    the last, the two on either side of it, and the next and the previous, not all of them.
    Made here with pages of 7 passages, from the lists of places of the 60 documents."""
    stylesheets = Stylesheets(project.xslt, ["html.xsl"])
    summaries = sorted((many.parent / "summaries").glob("*.xml"))
    found = occurrences.Occurrences.read(many.parent, [path.stem for path in summaries])
    registers = etree.parse(str(project.texts / "registers.xml"), safe_parser())
    result = stylesheets.transform("html.xsl", registers, project.texts / "registers.xml", {
        "content-security-policy": policy.PAGES, "registers": registers, "page": "occurrences",
        "occurrence-entry": "mao-zedong", "occurrences": stylesheets.document(found.listing(["mao-zedong"])),
        "page-marker": "m", "register-page-size": 7})
    pages = dict(html._register_pages(result, "m"))
    count = len([name for name in pages if name.endswith(".mao-zedong.html")])
    programmes = len([path for path in summaries if path.name.startswith("mim-program-1996")])
    assert count == math.ceil(5 * programmes / 7) > 10

    def links(number: int) -> list[str]:
        name = "persons.mao-zedong.html" if number == 1 else f"persons.{number}.mao-zedong.html"
        nav = lxml.html.document_fromstring(pages[name]).xpath("//nav[@class = 'pagination']")[0]
        return [" ".join(item.text_content().split()) for item in nav.iter("li")]

    assert links(1) == ["1", "2", "3", "…", str(count), "Next"]
    assert links(6) == ["Previous", "1", "…", "4", "5", "6", "7", "8", "…", str(count), "Next"]
    assert links(count) == ["Previous", "1", "…", str(count - 2), str(count - 1), str(count)]


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):
        pass
