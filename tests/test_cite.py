"""`edition cite`: references resolve, and every style and format says the same facts."""

from __future__ import annotations

import json
import re

import bibtexparser
import jsonschema
import pytest
from pybtex.database import parse_string
from pybtex.plugin import find_plugin

from edition import citable, citation_styles, documents
from edition.saxon import Stylesheets
from edition.xmlfile import NS, parse

from conftest import ROOT, SHARED

CSL_DATA = json.loads((SHARED / "schemas" / "csl" / "csl-data.json").read_text(encoding="utf-8"))
REFERENCES = ["mim-program-1996", "mim-program-1996:7", "mim-program-1996:7.2",
              "llco-what-we-strive-for", "llco-what-we-strive-for:6.1"]
PLAIN = find_plugin("pybtex.style.formatting", "plain")()


def header_facts(work_id: str) -> dict:
    """What a work's header says, as every format must cite it."""
    file_desc = parse(ROOT / "texts" / f"{work_id}.xml").tree.find("tei:teiHeader/tei:fileDesc", NS)
    text = lambda path: " ".join("".join(file_desc.find(path, NS).itertext()).split())
    source_date = file_desc.find("tei:sourceDesc/tei:bibl/tei:date[@when]", NS)
    return {"title": text("tei:titleStmt/tei:title[@type='main']"), "author": text("tei:titleStmt/tei:author"),
            "editor": text("tei:titleStmt/tei:respStmt/tei:orgName"),
            "publisher": text("tei:publicationStmt/tei:publisher"),
            "version": file_desc.find("tei:editionStmt/tei:edition", NS).get("n"),
            "date": file_desc.find("tei:publicationStmt/tei:date", NS).get("when"),
            "source-date": source_date.get("when") if source_date is not None else None}


def csl_date(iso: str) -> dict:
    return {"date-parts": [[int(part) for part in iso.split("-")]]}


@pytest.fixture(scope="module")
def edition(project):
    return documents.load(project, Stylesheets(project.xslt, citable.STYLESHEETS))


def test_every_citable_unit_resolves_to_one_element(edition):
    for work in edition.works:
        known = citable.units(edition, work)
        assert {u.unit for u in known} == {"front", "point", "block"}
        ids = [u.id for u in known]
        assert len(ids) == len(set(ids))
        for unit in known:
            passage = citable.resolve(edition, unit.reference)
            assert passage.unit == unit
            assert passage.element() is not None


def test_references_follow_the_declared_scheme(edition):
    passage = citable.resolve(edition, "mim-program-1996:7.2")
    assert passage.fragment == "#point-7.2"
    assert "imperialist-country working classes" in "".join(passage.element().itertext())
    quotation = citable.resolve(edition, "mim-program-1996:3.2").element()
    assert quotation.tag.endswith("}cit")


@pytest.mark.parametrize("reference, message", [
    ("mim-program-1996:11", "mim-program-1996 has fronts note, title; points 1-10"),
    ("mim-program-1996:7.4", "mim-program-1996:7 has blocks 1-3"),
    ("mim-program-1996:note.2", "mim-program-1996:note has block 1"),
    ("llco-what-we-strive-for:9", "llco-what-we-strive-for has front title; points 1-8"),
    ("no-such-document:1", "the edition has llco-what-we-strive-for, mim-program-1996"),
])
def test_an_unknown_reference_says_what_exists(cli, reference, message):
    result = cli("cite", reference)
    assert result.exit_code == 1
    assert message in result.stderr
    assert "Traceback" not in result.output


@pytest.mark.parametrize("reference", REFERENCES)
@pytest.mark.parametrize("style", list(citation_styles.STYLES))
def test_each_style_names_the_edition_and_its_text_and_locates_the_passage(cli, project, reference, style):
    result = cli("cite", reference, "--style", style)
    assert result.exit_code == 0, result.output
    entry, in_text = result.stdout.rstrip("\n").split("\n")
    document, _, ref = reference.partition(":")
    facts = header_facts(document)
    for fact in (facts["author"], facts["title"], facts["editor"], facts["publisher"], "ersion " + facts["version"],
                 facts["date"][:4],
                 f"{project.base_url}v/{facts['version']}/{document}.html" + (f"#point-{ref}" if ref else "")):
        assert fact in entry
    assert in_text.startswith("(") and in_text.endswith(")")
    assert (ref in in_text) if ref else not re.search(r"\d\.\d", in_text)
    assert "block" not in result.stdout.lower() and "n.d." not in result.stdout


def test_the_formatted_text_is_citeprocs(project, edition):
    passage = citable.resolve(edition, "mim-program-1996:7.2")
    item = citation_styles.csl_item(passage, project.base_url)
    assert citation_styles.cite_reference(project, "mim-program-1996:7.2", "apa") == citation_styles.formatted(
        item, "apa", citation_styles.formatter.plain, ("paragraph", "7.2"))
    assert "<i>" in citation_styles.cite_reference(project, "mim-program-1996:7.2", "chicago", "html")


@pytest.mark.parametrize("reference, located", [
    ("mim-program-1996", None), ("mim-program-1996:7", ("section", "7")),
    ("mim-program-1996:7.2", ("paragraph", "7.2")), ("mim-program-1996:3.2", ("paragraph", "3.2")),
    ("llco-what-we-strive-for:6.1", ("paragraph", "6.1"))])
def test_a_passage_is_a_locator_and_the_item_is_the_work(project, edition, reference, located):
    passage = citable.resolve(edition, reference)
    item = citation_styles.csl_item(passage, project.base_url)
    assert citation_styles.locator(passage) == located
    assert item["title"] == header_facts(passage.work.id)["title"]
    assert item["URL"].endswith(passage.fragment or ".html")


@pytest.mark.parametrize("ref", ["title", "note", "note.1"])
def test_a_part_named_by_a_word_has_no_locator(edition, ref):
    """The front matter's references: no label would let a reader find "sec. note"."""
    work = next(w for w in edition.works if w.id == "mim-program-1996")
    unit = citable.Unit(work.id, ref, ref, "front", "", "/unused")
    assert citation_styles.locator(citable.Passage(work, unit, (unit,))) is None


def test_the_item_is_dated_by_the_edition_and_by_its_source(project, edition):
    for work in edition.works:
        facts = header_facts(work.id)
        item = citation_styles.csl_item(citable.resolve(edition, work.id), project.base_url)
        assert item["issued"] == csl_date(facts["date"])
        assert item.get("original-date") == (csl_date(facts["source-date"]) if facts["source-date"] else None)
        assert (item["type"], item["version"], item["publisher"]) == ("book", facts["version"], facts["publisher"])
        assert item["editor"] == [{"literal": facts["editor"]}] and item["author"] == [{"literal": facts["author"]}]
    assert "original-date" in citation_styles.csl_item(citable.resolve(edition, "mim-program-1996"), project.base_url)
    assert "original-date" not in citation_styles.csl_item(citable.resolve(edition, "llco-what-we-strive-for"), project.base_url)


@pytest.mark.parametrize("reference", REFERENCES)
def test_csl_json_is_valid_against_the_csl_schema(cli, reference):
    items = json.loads(cli("cite", reference, "--format", "csl-json").stdout)
    jsonschema.validate(items, CSL_DATA)
    assert items[0]["id"] == reference


@pytest.mark.parametrize("reference", REFERENCES)
def test_bibtex_parses_back(cli, reference):
    library = bibtexparser.parse_string(cli("cite", reference, "--format", "bibtex").stdout)
    assert not library.failed_blocks
    [entry] = library.entries
    facts = header_facts(reference.partition(":")[0])
    assert entry.entry_type == "book"
    assert (entry["version"], entry["date"], entry["year"]) == (facts["version"], facts["date"], facts["date"][:4])
    assert entry.fields_dict["origdate"].value == facts["source-date"] if facts["source-date"] else (
        "origdate" not in entry.fields_dict)
    assert (entry["publisher"], entry["editor"]) == (facts["publisher"], "{" + facts["editor"] + "}")
    assert entry["note"] == f"Version {facts['version']}. Cited as {reference}"
    assert "edition" not in entry.fields_dict


@pytest.mark.parametrize("reference", REFERENCES)
def test_bibtex_reads_sensibly_in_a_standard_style(cli, reference):
    """BibTeX's plain style, as pybtex implements it: no "version 1.0.0 edition", a year."""
    bib = parse_string(cli("cite", reference, "--format", "bibtex").stdout, "bibtex")
    [shown] = [entry.text.render_as("text") for entry in PLAIN.format_entries(bib.entries.values())]
    facts = header_facts(reference.partition(":")[0])
    assert f"{facts['publisher']}, {facts['date'][:4]}. Version {facts['version']}. Cited as {reference}." in shown
    assert " edition." not in shown


@pytest.mark.parametrize("reference", REFERENCES)
def test_ris_has_the_required_tags(cli, reference):
    lines = cli("cite", reference, "--format", "ris").stdout.splitlines()
    assert lines[0] == "TY  - BOOK"
    assert lines[-1].startswith("ER  -")
    tags = {line[:2] for line in lines}
    assert {"TY", "AU", "A3", "TI", "PB", "ET", "PY", "DA", "UR", "ID", "ER"} <= tags
    assert ("OP" in tags) == reference.startswith("mim")
    assert all(len(line) >= 5 and line[2:6] == "  - " for line in lines)


def test_every_citable_unit_has_its_fragment_in_the_web_edition(edition, built):
    from lxml import html

    for work in edition.works:
        for page in (f"{work.id}.html", f"{work.id}.diplomatic.html"):
            ids = set(html.parse(str(built / "html" / page)).xpath("//@id"))
            missing = [u.reference for u in citable.units(edition, work) if u.id not in ids]
            assert missing == [], page
