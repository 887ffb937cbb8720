"""The editors' introduction (texts/introduction.xml, TEI of type "introduction"): a page of the
site and the front of the printed edition, whose citations resolve to its bibliography and
whose references to passages resolve to the passages; a page of the edition, not one of its
documents."""

from __future__ import annotations

import re

import lxml.html
import pytest
from pypdf import PdfReader

from conftest import ROOT, collapse, run_in as run
from edition.xmlfile import NS, parse

INTRODUCTION = ROOT / "texts" / "introduction.xml"


@pytest.fixture(scope="module")
def tei():
    return parse(INTRODUCTION).tree


@pytest.fixture(scope="module")
def page(built):
    return lxml.html.parse(str(built / "html" / "introduction.html")).getroot()


def sections(tei) -> list[str]:
    return [collapse("".join(head.itertext())) for head in tei.iterfind("tei:text/tei:body/tei:div/tei:head", NS)]


def test_every_page_of_the_site_links_to_the_introduction(built):
    for path in sorted((built / "html").glob("*.html")):
        links = lxml.html.parse(str(path)).getroot().xpath("//nav[@aria-label = 'Edition']//a/@href")
        # The page for a missing address links from the site's root (base-url's path is "/").
        assert "introduction.html" in [link.removeprefix("/") for link in links], path.name


def test_the_page_gives_every_section_with_its_contents_entry(tei, page):
    headings = [collapse(h.text_content()) for h in page.xpath("//article//section/h2")]
    assert headings == sections(tei) + ["Bibliography"]
    contents = [collapse(a.text_content()) for a in page.xpath("//nav[@class = 'contents']//a")]
    assert contents == headings
    for link in page.xpath("//nav[@class = 'contents']//a/@href"):
        assert page.xpath("//*[@id = $id]", id=link[1:]), link


def test_every_citation_resolves_to_the_bibliography(tei, page):
    cited = {ref.get("target").partition("#")[2] for ref in tei.iterfind(".//tei:text//tei:ref[@target]", NS)
             if ref.get("target").startswith("registers.xml#")}
    assert cited, "the introduction cites its sources"
    listed = page.xpath("//section[@id = 'bibliography']//li/@id")
    assert sorted(listed) == sorted(cited), "each work cited is listed once, and only those"
    for link in page.xpath("//article//a[@class = 'citation-ref']/@href"):
        assert link[1:] in listed, link
    assert len(page.xpath("//article//a[@class = 'citation-ref']")) == len(
        [r for r in tei.iterfind(".//tei:text//tei:ref[@target]", NS) if r.get("target").startswith("registers.xml#")])


def test_every_reference_to_a_passage_links_to_it(built, tei, page):
    references = [ref.get("cRef") for ref in tei.iterfind(".//tei:text//tei:ref[@cRef]", NS)]
    links = page.xpath("//article//a[@class = 'passage-ref']/@href")
    assert len(links) == len(references)
    for link in links:
        document, _, fragment = link.partition("#")
        target = lxml.html.parse(str(built / "html" / document)).getroot()
        assert target.xpath("//*[@id = $id]", id=fragment), link


def test_the_introduction_is_not_a_document_of_the_edition(built):
    assert not list(built.rglob("cite/introduction.*")) and not (built / "text" / "introduction.txt").exists()
    assert not any("introduction" in path.name for path in (built / "dts").rglob("*"))
    assert (built / "html" / "tei" / "introduction.xml").is_file()


def test_it_is_the_front_of_the_printed_edition(built, tei):
    reader = PdfReader(built / "pdf" / "introduction.pdf")
    text = collapse(" ".join(page.extract_text() for page in reader.pages))
    for heading in sections(tei) + ["Bibliography"]:
        assert re.sub(r"\W+", "", heading) in re.sub(r"\W+", "", text), heading
    assert reader.metadata.title == collapse("".join(tei.find(".//tei:titleStmt/tei:title[@type='main']", NS).itertext()))


def test_a_reference_to_no_passage_stops_the_build_at_its_place(project_copy):
    path = project_copy.texts / "introduction.xml"
    text = path.read_text(encoding="utf-8")
    first = re.search(r'cRef="([^"]+)"', text).group(1)
    path.write_text(text.replace(f'cRef="{first}"', 'cRef="mim-program-1996:99.9"', 1), encoding="utf-8")
    result = run(project_copy, "build", "--format", "html", "--quiet", "--out", project_copy.root / "build")
    assert result.exit_code == 1
    assert re.search(r'introduction\.xml:\d+:\d+: error: @cRef="mim-program-1996:99\.9" names no passage',
                     result.stderr), result.stderr
