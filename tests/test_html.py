"""The web edition (build/html/): its pages, anchors, permalinks, text, registers and sources."""

from __future__ import annotations

import re
from pathlib import Path

import lxml.html
import pytest
from lxml import etree

from conftest import ROOT, SHARED, WORK_IDS, collapse, reading_blocks
from edition.errors import EditionError
from edition.saxon import Stylesheets
from edition.xmlfile import NS, parse

VIEWS = ("{id}.html", "{id}.diplomatic.html")
REGISTER_PAGES = ("persons", "organisations", "places", "events", "works")
BLOCK_TAGS = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "figure", "figcaption", "blockquote",
              "section", "div", "article", "li", "dt", "dd"}
FOREIGN = SHARED / "corpora" / "perseus-latin" / "phi0914.phi00112s.perseus-lat2.xml"


def page(built: Path, name: str) -> lxml.html.HtmlElement:
    return lxml.html.document_fromstring((built / "html" / name).read_bytes())


def source_text(element: lxml.html.HtmlElement) -> str:
    """The text of an element without what the editors add, blocks separated by a space."""
    element = lxml.html.fromstring(lxml.html.tostring(element))
    for added in element.xpath(".//*[contains(concat(' ', @class, ' '), ' editorial ')"
                               " or contains(concat(' ', @class, ' '), ' permalink ')]"):
        added.drop_tree()
    for block in element.iter():
        if isinstance(block.tag, str) and block.tag in BLOCK_TAGS:
            block.tail = " " + (block.tail or "")
            block.text = " " + (block.text or "")
    return collapse(element.text_content())


def citable(work_id: str) -> list[tuple[str, str]]:
    """(reference, HTML id) of every point and block, as the README's citation scheme says."""
    tree = parse(ROOT / "texts" / f"{work_id}.xml").tree
    found = []
    for point in tree.findall("tei:text/tei:body/tei:div[@type='point']", NS):
        n, point_id = point.get("n"), point.get("{http://www.w3.org/XML/1998/namespace}id")
        found.append((n, point_id))
        blocks = [child for child in point if etree.QName(child).localname in ("p", "cit")]
        found += [(f"{n}.{b}", f"{point_id}.{b}") for b in range(1, len(blocks) + 1)]
    return found


def test_every_page_is_written(built):
    html = built / "html"
    expected = ["index.html", *(f"{p}.html" for p in REGISTER_PAGES),
                *(v.format(id=w) for w in WORK_IDS for v in VIEWS)]
    assert [name for name in expected if not (html / name).is_file()] == []
    assert (html / "assets" / "edition.css").is_file()
    assert (html / "assets" / "fonts" / "OFL.txt").is_file()
    assert list((html / "assets" / "fonts").glob("literata-*.woff2"))


def test_every_page_names_the_site_in_its_title_and_has_the_icon(built):
    site = "Two Programmes: a digital edition"
    for path in sorted((built / "html").glob("*.html")):
        doc = page(built, path.name)
        title = doc.findtext(".//title")
        assert title == site or (title.endswith(f" – {site}") and len(title) > len(site) + 3), path.name
        [icon] = doc.xpath("//head/link[@rel = 'icon']/@href")
        # The page for a missing address links from the site's root (base-url's path is "/").
        assert (built / "html" / icon.removeprefix("/")).is_file(), path.name


def test_the_tei_sources_are_copied_as_they_are(built):
    for source in sorted((ROOT / "texts").glob("*.xml")):
        assert (built / "html" / "tei" / source.name).read_bytes() == source.read_bytes()
    index = page(built, "index.html")
    links = set(index.xpath("//a/@href"))
    assert {f"tei/{w}.xml" for w in WORK_IDS} <= links


@pytest.mark.parametrize("work_id", WORK_IDS)
@pytest.mark.parametrize("view", VIEWS)
def test_every_point_and_block_has_its_id_and_permalink(built, work_id, view):
    name = view.format(id=work_id)
    doc = page(built, name)
    for ref, html_id in citable(work_id):
        assert doc.xpath("//*[@id = $id]", id=html_id), f"{name}: no element with id {html_id}"
        label = f"Permalink to {work_id}:{ref}"
        links = doc.xpath("//a[@class = 'permalink'][@aria-label = $label]", label=label)
        assert [a.get("href") for a in links] == [f"{name}#{html_id}"], f"{name}: {label}"


@pytest.mark.parametrize("work_id", WORK_IDS)
def test_the_views_link_to_each_other(built, work_id):
    for view in VIEWS:
        hrefs = page(built, view.format(id=work_id)).xpath("//nav[@class = 'views']//a/@href")
        assert hrefs == [v.format(id=work_id) for v in VIEWS]


@pytest.mark.parametrize("work_id", WORK_IDS)
def test_every_paragraph_of_the_reading_text_is_in_the_page_in_order(built, work_id):
    text = (built / "text" / f"{work_id}.txt").read_text(encoding="utf-8")
    paragraphs = reading_blocks(text)
    html = source_text(page(built, f"{work_id}.html").xpath("//article")[0])
    position = 0
    for paragraph in paragraphs:
        found = html.find(paragraph, position)
        assert found >= 0, f"not found in order: {paragraph[:80]}"
        position = found + len(paragraph)


def test_each_view_shows_its_reading_and_names_the_other(built):
    reading = page(built, "mim-program-1996.html")
    diplomatic = page(built, "mim-program-1996.diplomatic.html")
    assert "independent" in reading.xpath("//span[contains(@class, 'intervention')]/span[@class = 'reading']/text()")
    assert "indendendent" in diplomatic.xpath("//span[contains(@class, 'intervention')]/span[@class = 'reading']/text()")
    assert reading.xpath("//*[contains(@class, 'app-note')][contains(., 'indendendent')]")
    assert diplomatic.xpath("//*[contains(@class, 'app-note')][contains(., '“independent”')]")


def test_block_quotations_keep_their_attribution(built):
    doc = page(built, "mim-program-1996.html")
    figure = doc.xpath("//figure[@id = 'point-3.2']")[0]
    assert "take up the gun" in figure.xpath("string(blockquote)")
    assert "Mao Zedong" in figure.xpath("string(figcaption)")
    assert "works.html#mao-problems-of-war-and-strategy" in figure.xpath(".//figcaption//a/@href")


def occurrences(work_id: str):
    """(entry id, text) of every pointer from a work's text to the registers."""
    tree = parse(ROOT / "texts" / f"{work_id}.xml").tree
    for element in tree.find("tei:text", NS).iter(etree.Element):
        for pointer in (element.get("ref"), element.get("source")):
            if pointer and pointer.startswith("registers.xml#"):
                yield pointer.split("#", 1)[1], collapse("".join(element.itertext()))


def test_register_pages_list_every_occurrence_with_working_links(built):
    registers = parse(ROOT / "texts" / "registers.xml").tree
    kinds = {"person": "persons", "org": "organisations", "place": "places", "event": "events", "bibl": "works"}
    page_of = {e.get("{http://www.w3.org/XML/1998/namespace}id"): kinds[etree.QName(e).localname]
               for e in registers.iter(etree.Element) if etree.QName(e).localname in kinds
               and e.get("{http://www.w3.org/XML/1998/namespace}id")}
    pages = {name: page(built, f"{name}.html") for name in REGISTER_PAGES}
    works = {w: page(built, f"{w}.html") for w in WORK_IDS}
    for work_id in WORK_IDS:
        expected: dict[str, list[str]] = {}
        for entry, form in occurrences(work_id):
            expected.setdefault(entry, []).append(form)
        for entry, forms in expected.items():
            section = pages[page_of[entry]].xpath("//section[@id = $id]", id=entry)
            assert section, f"{entry} has no entry on {page_of[entry]}.html"
            # A passage that names an entry twice is one item, with a snippet for each name.
            places = section[0].xpath(".//ul[@class = 'occurrence-places']/li[a[@class = 'occurrence'][starts-with(@href, $w)]]",
                                      w=f"{work_id}.html#")
            marks = [collapse(m.text_content()) for place in places for m in place.xpath("span[@class = 'kwic']/mark")]
            assert len(marks) == len(forms), f"{entry} in {work_id}: {len(marks)} names shown for {len(forms)} occurrences"
            for place in places:
                link = place.xpath("a[@class = 'occurrence']")[0]
                target = works[work_id].xpath("//*[@id = $id]", id=link.get("href").split("#", 1)[1])
                assert target, f"{link.get('href')} leads nowhere"
                for mark in place.xpath("span[@class = 'kwic']/mark"):
                    assert collapse(mark.text_content()) in source_text(target[0]), f"{mark.text_content()!r} is not in {link.get('href')}"


def test_names_link_to_their_register_entries(built):
    doc = page(built, "mim-program-1996.html")
    assert doc.xpath("//article//a[@href = 'persons.html#lenin']")
    assert doc.xpath("//article//a[@href = 'places.html#ussr']")
    assert doc.xpath("//article//a[@href = 'organisations.html#mim']")


def test_every_page_declares_its_language(built):
    for path in sorted((built / "html").glob("*.html")):
        root = lxml.html.document_fromstring(path.read_bytes())
        assert root.get("lang") == "en", path.name
        assert len(root.xpath("//h1")) == 1, path.name


def test_register_entries_resolve_their_sources(built):
    persons = page(built, "persons.html")
    lenin = persons.xpath("//section[@id = 'lenin']")[0]
    assert "https://archontology.org/nations/ussr/ussr_govt/lenin.php" in lenin.xpath(".//a/@href")
    assert "Lenin (Ul'janov), Vladimir (USSR)" in lenin.text_content()


def test_foreign_tei_renders_and_keeps_its_text(project, tmp_path):
    # As a lenient build renders a document the edition's schema refuses: generically.
    xml = parse(FOREIGN)
    stylesheets = Stylesheets(project.xslt, ["html.xsl"])
    html = stylesheets.transform("html.xsl", xml.tree, FOREIGN, {"generic": True, "document-id": "foreign",
                                                                 "page": "document", "content-security-policy": "default-src 'self'"})
    article = lxml.html.document_fromstring(html.encode("utf-8")).xpath("//article")[0]
    tei_text = "".join(xml.tree.find("tei:text", NS).itertext())
    assert re.sub(r"\s+", "", source_text(article)) == re.sub(r"\s+", "", tei_text)
    assert article.xpath("section/@lang") == ["la"]  # the text says its language


def test_an_unhandled_element_is_an_error_in_the_editions_texts(project, tmp_path):
    path = tmp_path / "odd.xml"
    path.write_text((ROOT / "texts" / "llco-what-we-strive-for.xml").read_text(encoding="utf-8")
                    .replace("<p>We want a world", "<p><unknown>x</unknown>We want a world", 1), encoding="utf-8")
    stylesheets = Stylesheets(project.xslt, ["html.xsl"])
    with pytest.raises(EditionError, match="no template of the html output handles unknown"):
        stylesheets.transform("html.xsl", parse(path).tree, path,
                                  {"page": "document", "content-security-policy": "default-src 'self'"})
