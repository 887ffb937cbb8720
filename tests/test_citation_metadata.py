"""Citation metadata in every web page: Highwire Press and Dublin Core meta tags, schema.org
JSON-LD, and the "Cite this" boxes with their files for bibliography managers."""

from __future__ import annotations

import json
from pathlib import Path

import bibtexparser
import jsonschema
import lxml.html
import pytest

from conftest import ROOT, SHARED, WORK_IDS, collapse
from edition import citation, cite, documents
from edition.outputs.html import cited_passages
from edition.saxon import Stylesheets
from edition.xmlfile import NS, parse

CSL_DATA = json.loads((SHARED / "schemas" / "csl" / "csl-data.json").read_text(encoding="utf-8"))
HIGHWIRE = ("citation_title", "citation_author", "citation_publication_date", "citation_online_date",
            "citation_publisher", "citation_language")
DUBLIN_CORE = ("DC.title", "DC.creator", "DC.date", "DC.publisher", "DC.language", "DC.identifier",
               "DC.rights", "DC.source")
VIEWS = ("{id}.html", "{id}.diplomatic.html")


@pytest.fixture(scope="module")
def edition(project):
    return documents.load(project, Stylesheets(project.xslt, citation.STYLESHEETS))


def pages(built: Path) -> list[Path]:
    found = sorted((built / "html").glob("*.html"))
    assert found
    return found


def page(path: Path) -> lxml.html.HtmlElement:
    return lxml.html.document_fromstring(path.read_bytes())


def metas(doc) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for meta in doc.xpath("/html/head/meta[@name]"):
        found.setdefault(meta.get("name"), []).append(meta.get("content"))
    return found


def json_ld(doc) -> dict:
    scripts = doc.xpath("/html/head/script[@type = 'application/ld+json']")
    assert len(scripts) == 1
    return json.loads(scripts[0].text)


def header(work_id: str):
    return parse(ROOT / "texts" / f"{work_id}.xml").tree.find("tei:teiHeader", NS)


def text(element, path: str) -> str:
    return collapse("".join(element.find(path, NS).itertext()))


def work_facts(work_id: str) -> dict:
    """What the header says, as the pages must say it."""
    tei = header(work_id)
    date = tei.find("tei:fileDesc/tei:sourceDesc/tei:bibl/tei:date[@when]", NS)
    return {
        "title": text(tei, "tei:fileDesc/tei:titleStmt/tei:title[@type='main']"),
        "author": text(tei, "tei:fileDesc/tei:titleStmt/tei:author"),
        "editor": text(tei, "tei:fileDesc/tei:titleStmt/tei:respStmt/tei:orgName"),
        "publisher": text(tei, "tei:fileDesc/tei:publicationStmt/tei:publisher"),
        "date": tei.find("tei:fileDesc/tei:publicationStmt/tei:date", NS).get("when"),
        "version": tei.find("tei:fileDesc/tei:editionStmt/tei:edition", NS).get("n"),
        "language": tei.find("tei:profileDesc/tei:langUsage/tei:language", NS).get("ident"),
        "licence": tei.find("tei:fileDesc/tei:publicationStmt/tei:availability/tei:licence", NS).get("target"),
        "rights": text(tei, "tei:fileDesc/tei:publicationStmt/tei:availability/tei:licence"),
        "source-title": text(tei, "tei:fileDesc/tei:sourceDesc/tei:bibl/tei:title"),
        "source-date": date.get("when") if date is not None else None,
    }


def test_every_page_has_the_required_metadata(built):
    for path in pages(built):
        doc = page(path)
        found = metas(doc)
        missing = [name for name in (*HIGHWIRE, *DUBLIN_CORE) if not found.get(name)]
        assert missing == [], path.name
        data = json_ld(doc)
        assert data["@context"] == "https://schema.org" and data["@type"] == "CreativeWork", path.name
        assert data["name"] and data["author"] and data["version"], path.name


@pytest.mark.parametrize("work_id", WORK_IDS)
@pytest.mark.parametrize("view", VIEWS)
def test_a_work_page_describes_the_work(built, project, work_id, view):
    name = view.format(id=work_id)
    facts, found = work_facts(work_id), metas(page(built / "html" / name))
    url = project.base_url.rstrip("/") + "/" + name
    assert found["citation_title"] == found["DC.title"] == [facts["title"]]
    assert found["citation_author"] == found["DC.creator"] == [facts["author"]]
    assert found["citation_editor"] == found["DC.contributor"] == [facts["editor"]]
    # The page is the edition's text: dated by the edition; the source's date is the source's.
    assert found["citation_publication_date"] == found["citation_online_date"] == [facts["date"].replace("-", "/")]
    assert found["DC.date"] == [facts["date"]]
    assert found["citation_publisher"] == found["DC.publisher"] == [facts["publisher"]]
    assert found["citation_language"] == found["DC.language"] == [facts["language"]]
    assert found["citation_fulltext_html_url"] == found["DC.identifier"] == [url]
    assert found["citation_pdf_url"] == [project.base_url.rstrip("/") + f"/pdf/{work_id}.pdf"]
    assert found["DC.rights"] == [facts["rights"]]
    assert facts["source-title"] in found["DC.source"][0]


@pytest.mark.parametrize("work_id", WORK_IDS)
def test_a_work_page_has_its_json_ld(built, project, work_id):
    facts = work_facts(work_id)
    data = json_ld(page(built / "html" / f"{work_id}.html"))
    assert data["name"] == facts["title"]
    assert [(a["@type"], a["name"]) for a in data["author"]] == [("Organization", facts["author"])]
    assert (data["inLanguage"], data["version"], data["license"], data["datePublished"]) == (
        facts["language"], facts["version"], facts["licence"], facts["date"])
    assert [p["name"] for p in data["publisher"]] == [facts["publisher"]]
    assert data["url"] == project.base_url.rstrip("/") + f"/{work_id}.html"
    [source] = data["isBasedOn"]
    assert source["@type"] == "CreativeWork" and source["name"] == facts["source-title"]
    assert source.get("datePublished") == facts["source-date"]


def test_the_edition_pages_describe_the_edition(built, project):
    registers = header("registers")
    title = text(registers, "tei:fileDesc/tei:publicationStmt/tei:publisher")
    editors = text(registers, "tei:fileDesc/tei:titleStmt/tei:respStmt/tei:orgName")
    date = registers.find("tei:fileDesc/tei:publicationStmt/tei:date", NS).get("when")
    for path in pages(built):
        if path.stem.split(".")[0] in WORK_IDS:
            continue
        doc = page(path)
        found = metas(doc)
        assert found["citation_title"] == found["DC.title"] == [title], path.name
        assert found["citation_author"] == found["DC.creator"] == [editors], path.name
        assert found["citation_abstract_html_url"] == [project.base_url], path.name
        assert found["citation_publication_date"] == [date.replace("-", "/")], path.name
        assert "citation_pdf_url" not in found and "citation_editor" not in found
        assert json_ld(doc)["name"] == title
    data = json_ld(page(built / "html" / "index.html"))
    assert sorted(part["name"] for part in data["hasPart"]) == sorted(work_facts(w)["title"] for w in WORK_IDS)
    assert all(part["isBasedOn"] for part in data["hasPart"])


@pytest.mark.parametrize("work_id", WORK_IDS)
@pytest.mark.parametrize("view", VIEWS)
def test_the_work_and_every_point_have_a_cite_box(built, edition, project, work_id, view):
    doc = page(built / "html" / view.format(id=work_id))
    work = next(w for w in edition.works if w.id == work_id)
    passages = list(cited_passages(edition, work))
    assert len(passages) == 1 + len([u for u in citation.units(edition, work) if u.unit == "point"])
    boxes = doc.xpath("//details[contains(concat(' ', @class, ' '), ' cite ')]")
    assert len(boxes) == len(passages)
    assert boxes[0].xpath("ancestor::header[@class = 'document-header']")
    for box, passage in zip(boxes, passages):
        assert box.get("open") is None
        if passage.unit:
            assert box.xpath("preceding-sibling::*[1]//a[@class = 'permalink']/@href")[0].endswith(passage.fragment)
        citations = box.xpath(".//p[@class = 'citation']")
        assert [c.text_content() for c in citations] == [
            cite.cite(passage, project.base_url, style, "text") for style in cite.STYLES]
        assert citations[0].xpath(".//i"), "the title is set in italics"
        assert [c.xpath("count(.//br)") for c in citations] == [1, 1, 1], "the in-text citation on a line of its own"
        buttons = box.xpath(".//button[@class = 'copy']")
        assert len(buttons) == 3 and all(b.get("hidden") is not None for b in buttons)
        stem = passage.reference.replace(":", "-")
        assert box.xpath(".//a[@download]/@href") == [f"cite/{stem}.{e}" for e in ("bib", "ris", "json")]
    script = doc.xpath("/html/head/script[@src]")
    assert "assets/cite.js" in [s.get("src") for s in script]
    assert all(s.get("defer") is not None for s in script)
    assert (built / "html" / "assets" / "cite.js").is_file()


def test_no_script_but_the_json_ld_is_inline(built):
    for path in pages(built):
        inline = page(path).xpath("//script[not(@src)]")
        assert [s.get("type") for s in inline] == ["application/ld+json"], path.name


@pytest.mark.parametrize("work_id", WORK_IDS)
def test_every_citation_file_parses(built, edition, project, work_id):
    work = next(w for w in edition.works if w.id == work_id)
    for passage in cited_passages(edition, work):
        folder, stem = built / "html" / "cite", passage.reference.replace(":", "-")
        bib = bibtexparser.parse_string((folder / f"{stem}.bib").read_text(encoding="utf-8"))
        assert not bib.failed_blocks and len(bib.entries) == 1
        assert bib.entries[0]["url"] == cite.csl_item(passage, project.base_url)["URL"]
        csl = json.loads((folder / f"{stem}.json").read_text(encoding="utf-8"))
        jsonschema.validate(csl, CSL_DATA)
        assert csl == [cite.csl_item(passage, project.base_url)]
        ris = (folder / f"{stem}.ris").read_text(encoding="utf-8").splitlines()
        assert ris[0].startswith("TY  - ") and ris[-1].startswith("ER  -")
        assert (folder / f"{stem}.ris").read_text(encoding="utf-8") == cite.cite(passage, project.base_url, output="ris")
