"""`edition cite`: references resolve, and every style and format says the same facts."""

from __future__ import annotations

import json

import bibtexparser
import jsonschema
import pytest

from edition import citation, cite, documents
from edition.saxon import Stylesheets

from conftest import SHARED, WORK_IDS

CSL_DATA = json.loads((SHARED / "schemas" / "csl" / "csl-data.json").read_text(encoding="utf-8"))
REFERENCES = ["mim-program-1996", "mim-program-1996:7", "mim-program-1996:7.2",
              "llco-what-we-strive-for", "llco-what-we-strive-for:6.1"]


@pytest.fixture(scope="module")
def edition(project):
    return documents.load(project, Stylesheets(project.xslt, citation.STYLESHEETS))


def test_every_citable_unit_resolves_to_one_element(edition):
    for work in edition.works:
        known = citation.units(edition, work)
        assert {u.unit for u in known} == {"point", "block"}
        ids = [u.id for u in known]
        assert len(ids) == len(set(ids))
        for unit in known:
            passage = citation.resolve(edition, unit.reference)
            assert passage.unit == unit
            assert passage.element() is not None


def test_references_follow_the_declared_scheme(edition):
    passage = citation.resolve(edition, "mim-program-1996:7.2")
    assert passage.fragment == "#point-7.2"
    assert "imperialist-country working classes" in "".join(passage.element().itertext())
    quotation = citation.resolve(edition, "mim-program-1996:3.2").element()
    assert quotation.tag.endswith("}cit")


@pytest.mark.parametrize("reference, message", [
    ("mim-program-1996:11", "mim-program-1996 has points 1-10"),
    ("mim-program-1996:7.4", "mim-program-1996:7 has blocks 1-3"),
    ("llco-what-we-strive-for:9", "llco-what-we-strive-for has points 1-8"),
    ("no-such-document:1", "the edition has llco-what-we-strive-for, mim-program-1996"),
])
def test_an_unknown_reference_says_what_exists(cli, reference, message):
    result = cli("cite", reference)
    assert result.exit_code == 1
    assert message in result.stderr
    assert "Traceback" not in result.output


@pytest.mark.parametrize("reference", REFERENCES)
@pytest.mark.parametrize("style", list(cite.STYLES))
def test_each_style_names_author_title_edition_version_and_url(cli, project, reference, style):
    result = cli("cite", reference, "--style", style)
    assert result.exit_code == 0, result.output
    text = result.stdout
    document, _, ref = reference.partition(":")
    assert ("Maoist Internationalist Movement" if document.startswith("mim") else "Leading Light Communist Organization") in text
    assert "ersion 1.0.0" in text
    assert f"{project.base_url}{document}.html" + (f"#point-{ref}" if ref else "") in text
    if ref:
        assert f"oint {ref.split('.')[0]}" in text


def test_the_formatted_text_is_citeprocs(project, edition):
    item = cite.csl_item(citation.resolve(edition, "mim-program-1996:7.2"), project.base_url)
    assert cite.cite_reference(project, "mim-program-1996:7.2", "apa") == cite.formatted(item, "apa", cite.formatter.plain)
    assert "<i>" in cite.cite_reference(project, "mim-program-1996:7.2", "chicago", "html")


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
    assert entry.entry_type == "incollection"
    assert entry["edition"] == "version 1.0.0"
    assert entry["note"] == f"Cited as {reference}"


@pytest.mark.parametrize("reference", REFERENCES)
def test_ris_has_the_required_tags(cli, reference):
    lines = cli("cite", reference, "--format", "ris").stdout.splitlines()
    assert lines[0] == "TY  - CHAP"
    assert lines[-1].startswith("ER  -")
    tags = {line[:2] for line in lines}
    assert {"TY", "AU", "TI", "T2", "ET", "UR", "ID", "ER"} <= tags
    assert all(len(line) >= 5 and line[2:6] == "  - " for line in lines)


def test_the_source_date_is_given_where_the_source_states_one(project, edition):
    mim = cite.csl_item(citation.resolve(edition, "mim-program-1996"), project.base_url)
    llco = cite.csl_item(citation.resolve(edition, "llco-what-we-strive-for"), project.base_url)
    assert mim["issued"] == {"date-parts": [[1996, 8]]}
    assert "issued" not in llco


def test_every_citable_unit_has_its_fragment_in_the_web_edition(edition, built):
    from lxml import html

    for work in edition.works:
        for page in (f"{work.id}.html", f"{work.id}.diplomatic.html"):
            ids = set(html.parse(str(built / "html" / page)).xpath("//@id"))
            missing = [u.reference for u in citation.units(edition, work) if u.id not in ids]
            assert missing == [], page
