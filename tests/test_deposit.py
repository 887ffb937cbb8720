"""Ready to deposit: each release writes CITATION.cff (held to the Citation File Format 1.2.0
schema) and datacite.json (held to DataCite's Metadata Schema 4.5), from the headers, into the
commit it tags."""

from __future__ import annotations

import copy
import dataclasses
import json

import jsonschema
import pytest
import yaml
from lxml import etree

from edition import deposit
from edition.versions import Version
from edition.xmlfile import NS, parse

from conftest import ROOT
from test_release import PUBLISHED, commit, edit, git, new_version, repo, run  # noqa: F401 (repo: a fixture)

FIXTURES = ROOT / "tests" / "fixtures"
CFF_SCHEMA = json.loads((FIXTURES / "cff" / "schema-1.2.0.json").read_text(encoding="utf-8"))
DATACITE_SCHEMA = json.loads((FIXTURES / "datacite" / "datacite-v4.5.json").read_text(encoding="utf-8"))
# Crossref's prefix for test DOIs: no DOI of the edition is invented here.
TEST_DOI = "10.5555/two-programmes.1.0.0"


def valid_cff(text: str) -> dict:
    data = yaml.safe_load(text)
    jsonschema.Draft7Validator(CFF_SCHEMA, format_checker=jsonschema.Draft7Validator.FORMAT_CHECKER).validate(data)
    return data


def valid_datacite(text: str) -> dict:
    data = json.loads(text)
    validator = jsonschema.Draft201909Validator(DATACITE_SCHEMA,
                                                format_checker=jsonschema.Draft201909Validator.FORMAT_CHECKER)
    validator.validate(data["data"]["attributes"])
    return data["data"]["attributes"]


def test_the_schemas_refuse_what_they_should():
    """The schemas are the real ones, and they are applied: a record without its title fails."""
    with pytest.raises(jsonschema.ValidationError):
        valid_cff('cff-version: 1.2.0\nmessage: "m"\nauthors:\n  - name: "a"\n')
    with pytest.raises(jsonschema.ValidationError):
        valid_datacite(json.dumps({"data": {"attributes": {"titles": [{"title": "t"}]}}}))


def test_a_release_commits_its_citation_file_and_datacite_record_and_tags_them(repo):
    assert run().exit_code == 0
    cff = valid_cff(git(repo, "show", "v1.0.0:CITATION.cff"))
    assert cff["version"] == "1.0.0" and cff["url"] == f"{PUBLISHED}v/1.0.0/"
    assert cff["title"] == "Two Programmes: a digital edition"
    assert cff["authors"] == [{"name": "The editors of Two Programmes"}]
    assert cff["date-released"] == "2026-11-22" and cff["type"] == "dataset"
    assert "license" not in cff  # the programmes' words are not under the edition's licence
    record = valid_datacite(git(repo, "show", "v1.0.0:datacite.json"))
    assert record["version"] == "1.0.0" and record["url"] == f"{PUBLISHED}v/1.0.0/"
    assert {"relatedIdentifier": f"{PUBLISHED}v/1.0.0/mim-program-1996.html", "relatedIdentifierType": "URL",
            "relationType": "HasPart"} in record["relatedIdentifiers"]
    assert any("the rights in it remain with its authors" in rights["rights"] for rights in record["rightsList"])
    assert git(repo, "status", "--porcelain") == ""
    assert git(repo, "log", "-1", "--format=%s", "v1.0.0") == "Release 1.0.0: its citation and deposit metadata\n"


def test_the_next_release_says_which_version_it_follows(repo):
    assert run().exit_code == 0
    edit(repo, "texts/mim-program-1996.xml", "to open the borders.", "to open the borders to all.")
    new_version(repo, "2.0.0", "The text of 7.2 corrected.")
    commit(repo, "2.0.0")
    assert run().exit_code == 0
    record = valid_datacite(git(repo, "show", "v2.0.0:datacite.json"))
    assert record["version"] == "2.0.0" and record["dates"] == [{"date": "2026-12-03", "dateType": "Issued"}]
    assert {"relatedIdentifier": f"{PUBLISHED}v/1.0.0/", "relatedIdentifierType": "URL",
            "relationType": "IsNewVersionOf"} in record["relatedIdentifiers"]
    assert valid_cff(git(repo, "show", "v2.0.0:CITATION.cff"))["date-released"] == "2026-12-03"
    assert valid_cff(git(repo, "show", "v1.0.0:CITATION.cff"))["version"] == "1.0.0"


def headers_with(project, change) -> list:
    files = [parse(path) for path in project.text_files()]
    changed = []
    for xml in files:
        tree = copy.deepcopy(xml.tree)
        change(tree)
        changed.append(dataclasses.replace(xml, tree=tree))
    return changed


def test_a_doi_in_the_headers_is_in_both_records(project):
    def add_doi(tree):
        idno = tree.find("tei:teiHeader/tei:fileDesc/tei:publicationStmt/tei:idno", NS)
        doi = etree.Element(f"{{{NS['tei']}}}idno", type="DOI")
        doi.text = TEST_DOI
        idno.addnext(doi)
    facts = deposit.facts(dataclasses.replace(project, base_url=PUBLISHED), headers_with(project, add_doi),
                          Version(1, 0, 0), None)
    assert valid_cff(deposit.citation_cff(facts))["doi"] == TEST_DOI
    assert valid_datacite(json.dumps(deposit.datacite_record(facts)))["doi"] == TEST_DOI


def test_one_free_licence_everywhere_is_named_by_its_spdx_identifier(project):
    def free(tree):
        for availability in tree.iterfind(".//tei:availability", NS):
            availability.set("status", "free")
            availability.find("tei:licence", NS).text = "CC BY 4.0"
    facts = deposit.facts(dataclasses.replace(project, base_url=PUBLISHED), headers_with(project, free),
                          Version(1, 0, 0), None)
    assert valid_cff(deposit.citation_cff(facts))["license"] == "CC-BY-4.0"


@pytest.mark.parametrize("title", ['a "quoted": title', "line\nbreak", "- [not, a list]", "yes", "1.0",
                                   "#comment", "tab\there", "ünïcödé ‘quotes’", "{a: b}"])
def test_no_header_text_changes_the_structure_of_the_yaml(project, title):
    def retitle(tree):
        tree.find("tei:teiHeader/tei:fileDesc/tei:publicationStmt/tei:publisher", NS).text = title
    facts = deposit.facts(dataclasses.replace(project, base_url=PUBLISHED), headers_with(project, retitle),
                          Version(1, 0, 0), None)
    assert valid_cff(deposit.citation_cff(facts))["title"] == " ".join(title.split())
