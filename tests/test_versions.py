"""Citations carry their version: the stable link names it, and a DOI the header records for
the version is in every citation of it."""

from __future__ import annotations

import copy
import dataclasses

import pytest
from lxml import etree

from edition import citable, citation_styles, documents
from edition.saxon import Stylesheets
from edition.xmlfile import NS


@pytest.fixture(scope="module")
def edition(project):
    return documents.load(project, Stylesheets(project.xslt, citable.STYLESHEETS))


def test_the_stable_link_names_the_version(project, edition):
    """A citation's URL is the passage in the version cited, which later versions leave as it
    is: <base-url>v/<version>/<id>.html#<fragment>."""
    passage = citable.resolve(edition, "mim-program-1996:7.2")
    version = passage.work.file.tree.find("tei:teiHeader/tei:fileDesc/tei:editionStmt/tei:edition", NS).get("n")
    item = citation_styles.csl_item(passage, project.base_url)
    assert item["URL"] == f"{project.base_url.rstrip('/')}/v/{version}/mim-program-1996.html#point-7.2"
    assert citation_styles.current_url(project.base_url, "mim-program-1996", "#point-7.2") == \
        f"{project.base_url.rstrip('/')}/mim-program-1996.html#point-7.2"
    for style in citation_styles.STYLES:
        assert item["URL"] in citation_styles.cite(passage, project.base_url, style), style


# Crossref's prefix for test DOIs: no DOI of the edition is invented here.
TEST_DOI = "10.5555/two-programmes.1.0.0"


def test_a_doi_in_the_header_is_in_every_citation(project, edition):
    passage = citable.resolve(edition, "mim-program-1996:7.2")
    header = copy.deepcopy(passage.work.file.tree)
    publication = header.find("tei:teiHeader/tei:fileDesc/tei:publicationStmt", NS)
    idno = publication.find("tei:idno", NS)
    doi = etree.Element(f"{{{NS['tei']}}}idno", type="DOI")
    doi.text = TEST_DOI
    idno.addnext(doi)
    with_doi = dataclasses.replace(passage, work=dataclasses.replace(
        passage.work, file=dataclasses.replace(passage.work.file, tree=header)))
    item = citation_styles.csl_item(with_doi, project.base_url)
    assert item["DOI"] == TEST_DOI
    for style in citation_styles.STYLES:
        assert TEST_DOI in citation_styles.cite(with_doi, project.base_url, style), style
    assert f"doi = {{{TEST_DOI}}}" in citation_styles.cite(with_doi, project.base_url, output="bibtex")
    assert f"DO  - {TEST_DOI}\n" in citation_styles.cite(with_doi, project.base_url, output="ris")
    assert f'"DOI": "{TEST_DOI}"' in citation_styles.cite(with_doi, project.base_url, output="csl-json")
    assert "DOI" not in citation_styles.csl_item(passage, project.base_url)
