"""What a TEI header declares is data, however a contributor wrote it: escaped for every
format it reaches (the pages, the JSON-LD in their head, citeproc's citations, RIS, BibTeX),
never read as markup, as a second record or as a field. Each payload is one a valid source
may hold: the copy is validated before it is built."""

from __future__ import annotations

import json
import re
from pathlib import Path
from xml.sax.saxutils import escape

import lxml.html
import pytest
from pybtex.database import parse_string

from browser import chromium
from conftest import run_in as run
from edition import citable, citation_styles, documents
from edition.saxon import Stylesheets

MIM = "mim-program-1996"
TITLE = "Program of the Maoist Internationalist Movement"
EDITORS = "The editors of Two Programmes"
HIDDEN_COMMENT = "The editors <!--<script> of Two Programmes"
RECORD = "1.0.0\nER  - \nTY  - JOUR\nTI  - forged"
FORGED_FIELDS = '}, url = "https://evil.example/", year = 1066, x = {'
LATEX = {r"{\textbraceleft}": "{", r"{\textbraceright}": "}", r"{\textbackslash}": "\\",
         r"{\textasciitilde}": "~", r"{\textasciicircum}": "^", r"\%": "%", r"\&": "&",
         r"\#": "#", r"\_": "_", r"\$": "$"}




def with_header(project, old: str, new: str):
    """The copy with one header value replaced: still valid, so the build takes the real path."""
    path = project.texts / f"{MIM}.xml"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    result = run(project, "validate")
    assert result.exit_code == 0, result.output
    return project


def built(project) -> Path:
    result = run(project, "build", "--format", "html", "--quiet", "--out", project.root / "build")
    assert result.exit_code == 0, result.output
    return project.root / "build" / "html"


def with_title(project, title: str):
    return with_header(project, f'<title type="main">{TITLE}</title>', f'<title type="main">{escape(title)}</title>')


def page(path: Path) -> lxml.html.HtmlElement:
    return lxml.html.document_fromstring(path.read_bytes())


def strings(value) -> list[str]:
    """Every string a JSON value holds, at any depth."""
    if isinstance(value, str):
        return [value]
    parts = value.values() if isinstance(value, dict) else value if isinstance(value, list) else ()
    return [string for part in parts for string in strings(part)]


def page_citations(html: Path) -> list[tuple[str, list[lxml.html.HtmlElement]]]:
    """Each citation a work's pages show, by reference, as elements: the work's "Cite this"
    box, and what the page's data give the "cite" dialog of each of its units."""
    found = []
    for name in (f"{MIM}.html", f"{MIM}.diplomatic.html"):
        doc = page(html / name)
        for box in doc.xpath("//details[contains(concat(' ', @class, ' '), ' cite ')]"):
            found.append((MIM, box.xpath(".//p[@class = 'citation']")))
        data = json.loads(doc.xpath("string(//script[@id = 'cite-data'])"))
        found += [(reference, [lxml.html.fragment_fromstring(entry["cite"][style], create_parent="p")
                               for style in citation_styles.STYLES]) for reference, entry in data.items()]
    return found


def page_files(html: Path) -> list[str]:
    """Each BibTeX entry the pages offer: the work's file, and each unit's in the page's data."""
    data = json.loads(page(html / f"{MIM}.html").xpath("string(//script[@id = 'cite-data'])"))
    return [(html / "cite" / f"{MIM}.bib").read_text(encoding="utf-8"),
            *(entry["files"]["bibtex"]["text"] for entry in data.values())]


@pytest.fixture
def hidden_comment_site(project_copy):
    return built(with_header(project_copy, f"<orgName>{EDITORS}</orgName>", f"<orgName>{escape(HIDDEN_COMMENT)}</orgName>"))


def test_the_json_ld_holds_no_markup_and_parses_to_the_header_value(hidden_comment_site):
    holding = []
    for path in sorted(hidden_comment_site.glob("*.html")):
        doc = page(path)
        assert all(not set("<>&") & set(data.text) for data in doc.xpath("//script[not(@src)]")), path.name
        [script] = doc.xpath("//script[@type = 'application/ld+json']")
        if HIDDEN_COMMENT in strings(json.loads(script.text)):
            holding.append(path.name)
    assert {f"{MIM}.html", f"{MIM}.diplomatic.html", "index.html"} <= set(holding)
    for _, shown in page_citations(hidden_comment_site):
        assert all(HIDDEN_COMMENT in citation.text_content() for citation in shown)


def test_a_page_whose_header_hides_a_comment_is_not_blank_in_chromium(hidden_comment_site):
    with chromium() as browser:
        tab = browser.new_page()
        tab.goto((hidden_comment_site / f"{MIM}.html").as_uri())
        shown = tab.inner_text("body")
    assert TITLE in shown and "communism" in shown


@pytest.mark.parametrize("title", [f"{TITLE}: the <script> element", f"{TITLE} <!-- a -- b -->"])
def test_a_title_that_mentions_markup_builds_and_is_shown_as_written(project_copy, title):
    html = built(with_title(project_copy, title))
    assert title in page(html / f"{MIM}.html").xpath("string(//h1)")
    edition = documents.load(project_copy, Stylesheets(project_copy.xslt, citable.STYLESHEETS))
    for reference, shown in page_citations(html):
        passage = citable.resolve(edition, reference)
        assert [c.text_content() for c in shown] == [
            citation_styles.cite(passage, project_copy.base_url, style, "text") for style in citation_styles.STYLES]


def test_markup_in_a_title_is_shown_in_the_cite_box_not_made_an_element(project_copy):
    html = built(with_title(project_copy, f"{TITLE}: <b>bold</b>"))
    for _, shown in page_citations(html):
        assert len(shown) == 3
        for entry in shown:
            assert not entry.xpath(".//b")
            assert "<b>bold</b>" in entry.text_content()


def test_a_newline_in_the_version_starts_no_second_ris_record(project_copy):
    # The schema refuses such a version; the RIS writer holds on its own all the same, since
    # every field it writes comes from a header.
    path = project_copy.texts / f"{MIM}.xml"
    version = escape(RECORD, {"\n": "&#10;"})  # a newline written as is would be a space in the attribute
    path.write_text(path.read_text(encoding="utf-8").replace('<edition n="1.0.0">', f'<edition n="{version}">', 1),
                    encoding="utf-8")
    refused = run(project_copy, "validate")
    assert refused.exit_code == 1 and "is not a semantic version number" in refused.stderr
    item = {"id": MIM, "title": "Program\nER  - ", "author": [{"literal": "MIM"}], "publisher": "Two",
            "version": RECORD, "URL": "https://example.org/", "language": "en", "note": "n"}
    tags = [line[:6] for line in citation_styles.ris(item).splitlines()]
    assert tags.count("TY  - ") == 1 and tags.count("ER  - ") == 1 and tags[-1] == "ER  - "
    assert "ET  - Version 1.0.0 ER - TY - JOUR TI - forged\n" in citation_styles.ris(item)


def test_braces_in_a_title_forge_no_bibtex_field_and_the_title_comes_back(project_copy):
    title = f"{TITLE} {{of}} \\ 100% ~^ & # _ ${FORGED_FIELDS}"
    html = built(with_title(project_copy, title))
    [csl] = json.loads((html / "cite" / f"{MIM}.json").read_text(encoding="utf-8"))
    entries = page_files(html)
    assert len(entries) > 2
    for bib in entries:
        [entry] = parse_string(bib, "bibtex").entries.values()
        assert set(entry.fields) == {"title", "publisher", "year", "date", "origdate", "version", "url", "note"}
        assert entry.fields["url"].startswith(csl["URL"]) and entry.fields["origdate"] == "1996-08"
        assert _decoded(entry.fields["title"]) == csl["title"] and csl["title"].startswith(title)
        assert [str(person) for person in entry.persons["author"]] == ["{Maoist Internationalist Movement}"]


def _decoded(latex: str) -> str:
    return re.sub("|".join(map(re.escape, LATEX)), lambda match: LATEX[match.group()], latex)
