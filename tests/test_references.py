"""One place computes references: whatever citation scheme a header declares, every output
gives each citable unit the reference and fragment id the normalisation pass stamped on it
(xslt/common/normalise.xsl): the web pages (ids and permalinks), the plain text, the print
HTML, the PDF, the DTS navigation and `edition cite`.

Two editions are built, each in a copy of the project: the edition's texts with a fixture
beside them whose scheme differs in every way a scheme may (tests/fixtures/other-scheme/:
three levels, other unit names, the delimiters "-" and "~", the front matter and the body as
units), and the edition's texts with the delimiter of their blocks changed from "." to "-".
"""

from __future__ import annotations

import json
import re
import shutil
from dataclasses import dataclass
from pathlib import Path

import lxml.html
import pytest
from pypdf import PdfReader

from conftest import ROOT, WORK_IDS, copy_project, run_in
from edition import citable, documents
from edition.build import build
from edition.citable import Unit
from edition.project import Project
from edition.saxon import Stylesheets

FIXTURE = ROOT / "tests" / "fixtures" / "other-scheme" / "sample-programme.xml"
SAMPLE = "sample-programme"
# The fixture's units as its header's scheme gives them, worked out by hand: (reference, id).
SAMPLE_UNITS = [
    ("front", "part-front"), ("front-1", "part-front-1"), ("front-1~1", "part-front-1~1"),
    ("front-2", "part-front-2"), ("front-2~1", "part-front-2~1"), ("front-2~2", "part-front-2~2"),
    ("front-2~3", "part-front-2~3"),
    ("body", "part-body"), ("body-1", "point-1"), ("body-1~1", "point-1~1"), ("body-1~2", "point-1~2"),
    ("body-1~3", "point-1~3"), ("body-2", "point-2"), ("body-2~1", "point-2~1"), ("body-2~2", "point-2~2"),
]


@dataclass
class Built:
    project: Project
    out: Path
    units: dict[str, list[Unit]]  # each work's units, as edition/citable.py reads them


def units_of(project: Project) -> dict[str, list[Unit]]:
    edition = documents.load(project, Stylesheets(project.xslt, citable.STYLESHEETS))
    return {work.id: citable.units(edition, work) for work in edition.works}


@pytest.fixture(scope="module", params=["other-scheme", "dash"])
def built(request, project, tmp_path_factory):
    copy = copy_project(project, tmp_path_factory.mktemp(request.param) / "edition")
    if request.param == "other-scheme":
        shutil.copy(FIXTURE, copy.texts)
    else:
        for work_id in WORK_IDS:
            path = copy.texts / f"{work_id}.xml"
            text = path.read_text(encoding="utf-8")
            assert 'delim="."' in text
            path.write_text(text.replace('delim="."', 'delim="-"'), encoding="utf-8")
        # The introduction cites passages by their references, which the delimiter spells.
        introduction = copy.texts / "introduction.xml"
        cited = re.sub(r'cRef="([^"]+)"', lambda m: f'cRef="{m.group(1).replace(".", "-")}"',
                       introduction.read_text(encoding="utf-8"))
        introduction.write_text(cited, encoding="utf-8")
    assert run_in(copy, "validate").exit_code == 0
    return Built(copy, build(copy, out=copy.root / "build"), units_of(copy))


def references(work_id: str, units: list[Unit]) -> list[str]:
    return [f"{work_id}:{unit.ref}" for unit in units]


def test_the_scheme_gives_the_references_it_declares(built, project):
    if SAMPLE in built.units:
        assert [(u.ref, u.id) for u in built.units[SAMPLE]] == SAMPLE_UNITS
        assert {u.unit for u in built.units[SAMPLE]} == {"part", "section", "para"}
    else:
        for work_id, ours in units_of(project).items():
            assert [(u.ref, u.id) for u in built.units[work_id]] == [
                (u.ref.replace(".", "-"), u.id.replace(".", "-")) for u in ours]
    for units in built.units.values():
        assert len({u.ref for u in units}) == len({u.id for u in units}) == len(units)


def test_the_web_pages_anchor_and_show_every_reference(built):
    for work_id, units in built.units.items():
        for name in (f"{work_id}.html", f"{work_id}.diplomatic.html"):
            page = lxml.html.parse(str(built.out / "html" / name))
            links = page.xpath("//article//a[@class = 'permalink']")
            assert [a.get("title") for a in links] == references(work_id, units), name
            assert [a.get("href") for a in links] == [f"{name}#{u.id}" for u in units], name
            ids = page.xpath("//@id")
            assert [u.id for u in units if ids.count(u.id) != 1] == [], name


def test_the_text_gives_every_reference_in_order(built):
    for work_id, units in built.units.items():
        text = (built.out / "text" / f"{work_id}.txt").read_text(encoding="utf-8")
        assert re.findall(r"^\[(\S+:\S+)\]$", text, flags=re.MULTILINE) == references(work_id, units)
        diplomatic = (built.out / "text" / f"{work_id}.diplomatic.txt").read_text(encoding="utf-8")
        assert f"[{work_id}:" not in diplomatic


def test_the_print_html_gives_every_reference_in_the_margin_in_order(built):
    for work_id, units in built.units.items():
        page = lxml.html.parse(str(built.out / "print" / f"{work_id}.html"))
        shown = [value for element in page.iter() if isinstance(element.tag, str)
                 for value in (element.get("data-point-ref"), element.get("data-ref")) if value]
        assert shown == [u.ref for u in units], work_id
        assert {u.id for u in units} <= set(page.xpath("//@id"))


def test_the_pdf_gives_every_reference_in_order(built):
    for work_id, units in built.units.items():
        reader = PdfReader(built.out / "pdf" / f"{work_id}.pdf")
        words = "\n".join(page.extract_text() for page in reader.pages[1:]).split()
        position = 0
        for unit in units:
            assert unit.ref in words[position:], f"{work_id}:{unit.ref} not found after word {position}"
            position = words.index(unit.ref, position) + 1


def test_the_dts_navigation_has_every_unit_with_its_fragment(built, project):
    for work_id, units in built.units.items():
        page = f"{project.base_url}{work_id}.html#"
        whole = max((json.loads(path.read_text(encoding="utf-8")) for path in (built.out / "dts" / "navigation").rglob("*.json")),
                    key=lambda answer: sum(m.get("@id", "").startswith(page) for m in answer.get("member", [])))
        members = whole["member"]
        assert [m["identifier"] for m in members] == [u.ref for u in units]
        assert [m["@id"] for m in members] == [page + u.id for u in units]
        assert [m["citeType"] for m in members] == [u.unit for u in units]


def test_edition_cite_resolves_every_reference_to_its_fragment(built, project):
    for work_id, units in built.units.items():
        for unit in units:
            result = run_in(built.project, "cite", unit.reference, "--format", "csl-json")
            assert result.exit_code == 0, result.output
            [item] = json.loads(result.stdout)
            assert item["id"] == unit.reference
            assert item["URL"] == f"{project.base_url}v/{item['version']}/{work_id}.html#{unit.id}"


# A scheme that cannot give every unit one reference is refused ------------------------------

TITLE = """<citeStructure unit="front" match="/TEI/text/front/titlePage" use="'title'"/>"""


def with_title_scheme(copy: Project, scheme: str) -> None:
    path = copy.texts / "mim-program-1996.xml"
    text = path.read_text(encoding="utf-8")
    assert TITLE in text
    path.write_text(text.replace(TITLE, scheme), encoding="utf-8")


def refused(result, words: str) -> None:
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output
    assert any("mim-program-1996.xml:" in line and words in line for line in result.stderr.splitlines()), result.stderr


@pytest.mark.parametrize("scheme, words", [
    # The title block would be cited as the archive's note is.
    (TITLE.replace("'title'", "'note'"), 'gives two units the reference "note"'),
    (TITLE.replace('unit="front"', 'unit="point"').replace("'title'", "'10'"), 'gives two units the reference "10"'),
    # A level that cites the title block's text, not an element.
    (TITLE.replace("titlePage", "titlePage/docDate/text()"), "not an element"),
])
def test_a_scheme_that_cannot_cite_each_unit_once_is_refused_at_its_element(project_copy, scheme, words):
    with_title_scheme(project_copy, scheme)
    refused(run_in(project_copy, "build", "--quiet", "--format", "text"), words)
    assert not (project_copy.root / "build").exists()


def test_a_unit_name_is_a_plain_word(project_copy):
    with_title_scheme(project_copy, TITLE.replace('unit="front"', 'unit="front matter"'))
    refused(run_in(project_copy, "validate"), 'the unit "front matter" of a citeStructure must be a word')
