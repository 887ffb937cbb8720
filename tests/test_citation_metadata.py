"""Citation metadata in every web page: Highwire Press and Dublin Core meta tags, schema.org
JSON-LD, the work's "Cite this" box with its files for bibliography managers, and the
citations of every unit its page carries for the "cite" dialog."""

from __future__ import annotations

import json
from pathlib import Path

import bibtexparser
import jsonschema
import lxml.html
import pytest

from conftest import ROOT, SHARED, WORK_IDS, collapse
from edition import citable, citation_styles, documents
from edition.outputs.html import DOWNLOADS, cited_passages
from edition.saxon import Stylesheets
from edition.xmlfile import NS, parse

CSL_DATA = json.loads((SHARED / "schemas" / "csl" / "csl-data.json").read_text(encoding="utf-8"))
HIGHWIRE = ("citation_title", "citation_author", "citation_publication_date", "citation_online_date",
            "citation_publisher", "citation_language")
DUBLIN_CORE = ("DC.title", "DC.creator", "DC.date", "DC.publisher", "DC.language", "DC.identifier",
               "DC.rights", "DC.source")
VIEWS = ("{id}.html", "{id}.diplomatic.html")
DOWNLOAD_EXTENSIONS = {output: extension for output, (extension, _) in DOWNLOADS.items()}


@pytest.fixture(scope="module")
def edition(project):
    return documents.load(project, Stylesheets(project.xslt, citable.STYLESHEETS))


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
        # The works' sources are named by the pages that list or show the works: the other
        # pages of the site would carry the whole edition in their heads.
        names_sources = path.name.startswith("index") or path.name in [v.format(id=w) for w in WORK_IDS for v in VIEWS]
        required = [name for name in (*HIGHWIRE, *DUBLIN_CORE) if names_sources or name != "DC.source"]
        missing = [name for name in required if not found.get(name)]
        assert missing == [], path.name
        if not names_sources:
            assert "DC.source" not in found and '"hasPart"' not in doc.xpath("string(//script[@type = 'application/ld+json'])"), path.name
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


def work_of(edition, work_id: str):
    return next(w for w in edition.works if w.id == work_id)


def cite_data(doc) -> dict:
    """The citations a work's page carries for its "cite" dialog, by reference."""
    [block] = doc.xpath("//script[@id = 'cite-data']")
    assert block.get("type") == "application/json"
    return json.loads(block.text)


def shown(html: str) -> str:
    """A citation's HTML, as a reader sees it."""
    return lxml.html.fragment_fromstring(html, create_parent="p").text_content()


@pytest.mark.parametrize("work_id", WORK_IDS)
@pytest.mark.parametrize("view", VIEWS)
def test_the_work_has_a_cite_box_with_its_files(built, edition, project, work_id, view):
    doc = page(built / "html" / view.format(id=work_id))
    passage = citable.resolve(edition, work_id)
    [box] = doc.xpath("//details[contains(concat(' ', @class, ' '), ' cite ')]")
    assert box.xpath("ancestor::header[@class = 'document-header']") and box.get("open") is None
    citations = box.xpath(".//p[@class = 'citation']")
    assert [c.text_content() for c in citations] == [
        citation_styles.cite(passage, project.base_url, style, "text") for style in citation_styles.STYLES]
    assert citations[0].xpath(".//i"), "the title is set in italics"
    assert [c.xpath("count(.//br)") for c in citations] == [1, 1, 1], "the in-text citation on a line of its own"
    buttons = box.xpath(".//button[@class = 'copy']")
    assert len(buttons) == 3 and all(b.get("hidden") is not None for b in buttons)
    assert box.xpath(".//a[@download]/@href") == [f"cite/{work_id}.{e}" for e in ("bib", "ris", "json")]
    script = doc.xpath("/html/head/script[@src]")
    assert "assets/cite.js" in [s.get("src") for s in script]
    assert all(s.get("defer") is not None for s in script)
    assert (built / "html" / "assets" / "cite.js").is_file()


@pytest.mark.parametrize("work_id", WORK_IDS)
@pytest.mark.parametrize("view", VIEWS)
def test_every_unit_shows_its_reference_and_a_cite_button_for_the_one_dialog(built, edition, project, work_id, view):
    doc = page(built / "html" / view.format(id=work_id))
    units = citable.units(edition, work_id_work := work_of(edition, work_id))
    for unit in units:
        [element] = doc.xpath("//*[@id = $id]", id=unit.id)
        label = element.xpath("(./descendant-or-self::*[@class = 'unit-label'] | .//span[contains(@class, 'unit-ref')])[1]")
        [shown_ref] = label[0].xpath(".//a[@class = 'permalink']")
        assert shown_ref.text_content() == unit.ref and shown_ref.get("href").endswith(f"#{unit.id}")
        [button] = label[0].xpath(".//button[@class = 'cite-unit']")
        assert button.get("data-cite") == unit.reference and button.get("hidden") is not None
        assert not shown_ref.xpath("ancestor::h1 | ancestor::h2 | ancestor::h3"), "a heading's name is its own"
    assert len(doc.xpath("//dialog")) == 1 and len(doc.xpath("//details[contains(@class, 'cite')]")) == 1
    data = cite_data(doc)
    passages = list(cited_passages(edition, work_id_work))
    assert list(data) == [p.reference for p in passages] == [work_id, *(u.reference for u in units)]
    for passage in passages:
        entry = data[passage.reference]
        assert entry["url"] == citation_styles.csl_item(passage, project.base_url)["URL"]
        assert [shown(entry["cite"][style]) for style in citation_styles.STYLES] == [
            citation_styles.cite(passage, project.base_url, style, "text") for style in citation_styles.STYLES]
        assert "<i>" in entry["cite"]["chicago"]
        for output, file in entry["files"].items():
            assert file["text"] == citation_styles.cite(passage, project.base_url, output=output)
            assert file["name"] == f"{passage.reference.replace(':', '-')}.{DOWNLOAD_EXTENSIONS[output]}"


def test_no_script_but_the_json_data_is_inline(built):
    for path in pages(built):
        inline = page(path).xpath("//script[not(@src)]")
        expected = ["application/ld+json"]
        if path.stem.split(".")[0] in WORK_IDS:
            expected.append("application/json")
        assert [s.get("type") for s in inline] == expected, path.name
        assert all(not set("<>&") & set(s.text) for s in inline), path.name


@pytest.mark.parametrize("work_id", WORK_IDS)
def test_every_citation_file_parses(built, edition, project, work_id):
    """The work's files, and each passage's, as its page offers them."""
    folder = built / "html" / "cite"
    data = cite_data(page(built / "html" / f"{work_id}.html"))
    assert sorted(path.name for path in folder.glob(f"{work_id}*")) == [f"{work_id}.{e}" for e in ("bib", "json", "ris")]
    for passage in cited_passages(edition, work_of(edition, work_id)):
        files = data[passage.reference]["files"]
        if passage.unit is None:
            assert files == {output: {**files[output], "text": (folder / files[output]["name"]).read_text(encoding="utf-8")}
                             for output in files}
        bib = bibtexparser.parse_string(files["bibtex"]["text"])
        assert not bib.failed_blocks and len(bib.entries) == 1
        assert bib.entries[0]["url"] == citation_styles.csl_item(passage, project.base_url)["URL"]
        csl = json.loads(files["csl-json"]["text"])
        jsonschema.validate(csl, CSL_DATA)
        assert csl == [citation_styles.csl_item(passage, project.base_url)]
        ris = files["ris"]["text"].splitlines()
        assert ris[0].startswith("TY  - ") and ris[-1].startswith("ER  -")
