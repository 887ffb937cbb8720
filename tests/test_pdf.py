"""The PDF of each work: bookmarks, fonts, metadata, PDF/UA, the whole reading text, paper, reproducibility."""

from __future__ import annotations

import re

import pytest
from lxml import etree
from pypdf import PdfReader
from pypdf.generic import IndirectObject

from conftest import WORK_IDS, collapse, copy_project, reading_blocks
from edition import build as builder
from edition.xmlfile import NS

A4 = (595.28, 841.89)
LETTER = (612.0, 792.0)


def pdf_of(built, work_id: str) -> PdfReader:
    return PdfReader(built / "pdf" / f"{work_id}.pdf")


def tei(project, work_id: str) -> etree._ElementTree:
    return etree.parse(str(project.texts / f"{work_id}.xml"))


@pytest.mark.parametrize("work_id", WORK_IDS)
def test_one_bookmark_per_point_with_its_heading(built, project, work_id):
    # A heading's words, without those of the editors' commentary anchored in it.
    heads = [collapse("".join(head.xpath(".//text()[not(ancestor::tei:note)]", namespaces=NS)))
             for head in tei(project, work_id).findall(".//tei:body/tei:div[@type='point']/tei:head", NS)]
    outline = pdf_of(built, work_id).outline
    assert [item.title for item in outline] == heads
    assert heads


def _fonts(obj, seen):
    """Every font dictionary reachable from a PDF object."""
    if isinstance(obj, IndirectObject):
        if obj.idnum in seen:
            return
        seen.add(obj.idnum)
        obj = obj.get_object()
    if isinstance(obj, dict):
        if obj.get("/Type") == "/Font":
            yield obj
        for value in obj.values():
            yield from _fonts(value, seen)
    elif isinstance(obj, list):
        for value in obj:
            yield from _fonts(value, seen)


def _embedded(font) -> bool:
    if font.get("/Subtype") == "/Type0":
        return all(_embedded(descendant.get_object()) for descendant in font["/DescendantFonts"])
    if font.get("/Subtype") == "/Type3":
        return True
    descriptor = font.get("/FontDescriptor")
    descriptor = descriptor.get_object() if descriptor is not None else {}
    return any(key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3"))


@pytest.mark.parametrize("work_id", WORK_IDS)
def test_every_font_is_embedded_and_it_is_the_edition_font(built, work_id):
    reader = pdf_of(built, work_id)
    fonts = list(_fonts(reader.trailer["/Root"], set()))
    assert fonts
    assert all(_embedded(font) for font in fonts), [font.get("/BaseFont") for font in fonts if not _embedded(font)]
    assert {str(font["/BaseFont"]).split("+")[-1].split("-")[0] for font in fonts} == {"Literata"}


@pytest.mark.parametrize("work_id", WORK_IDS)
def test_metadata_comes_from_the_header(built, project, work_id):
    header = tei(project, work_id).find("tei:teiHeader", NS)
    reader = pdf_of(built, work_id)
    info = reader.metadata
    assert info.title == collapse(header.findtext("tei:fileDesc/tei:titleStmt/tei:title[@type='main']", "", NS))
    assert info.author == collapse("".join(header.find("tei:fileDesc/tei:titleStmt/tei:author", NS).itertext()))
    assert info.subject and "version" in info.subject
    terms = [collapse(t.text) for t in header.findall(".//tei:keywords/tei:term", NS)]
    assert info["/Keywords"] == ", ".join(terms)
    when = header.find("tei:fileDesc/tei:publicationStmt/tei:date", NS).get("when")
    assert info["/CreationDate"] == info["/ModDate"] == "D:" + when.replace("-", "")
    assert str(reader.trailer["/Root"]["/Lang"]) == tei(project, work_id).getroot().get(
        "{http://www.w3.org/XML/1998/namespace}lang")


@pytest.mark.parametrize("work_id", WORK_IDS)
def test_it_is_a_tagged_pdf_ua_1(built, work_id):
    reader = pdf_of(built, work_id)
    root = reader.trailer["/Root"]
    xmp = root["/Metadata"].get_object().get_data().decode("utf-8")
    assert re.search(r'pdfuaid:part="1"|<pdfuaid:part>1</pdfuaid:part>', xmp)
    assert "/StructTreeRoot" in root
    assert root["/MarkInfo"]["/Marked"]


# The reading text in the PDF --------------------------------------------------------------

def words(text: str) -> list[tuple[str, bool]]:
    """Words without case, hyphens and punctuation, each with whether it ended in a hyphen.

    A word broken at a line-end hyphen is joined; one broken at the end of a page, where
    footnotes and the next running head come between its halves, is joined by ``find``.
    """
    text = re.sub(r"([^\W\d_])-[ \t]*\n\s*([^\W\d_])", r"\1\2", text)
    tokens = ((re.sub(r"[\W_]", "", token).lower(), token.endswith("-")) for token in text.split())
    return [(word, hyphen) for word, hyphen in tokens if word]


def same_word(found: str, expected: str) -> bool:
    """Equal, or equal once footnote calls (numbers of one or two digits) are taken out: a word
    may carry two, as "Marxism-Leninism-Maoism" does (an intervention's and a commentary's)."""
    if found == expected:
        return True
    for call in re.finditer(r"\d{1,2}", found):
        if same_word(found[:call.start()] + found[call.end():], expected):
            return True
    return False


# Running heads, page numbers, margin references and footnotes (among them the notes of the
# commentary, a hundred words or so each, several on a page) may come between two words of a
# paragraph; no more than this many words of them.
FURNITURE = 600


def find(found: list[tuple[str, bool]], word: str, start: int) -> int | None:
    """Where ``word`` ends in ``found`` after ``start``, within the page furniture allowed."""
    for i in range(start, min(start + FURNITURE, len(found))):
        candidate, hyphen = found[i]
        if same_word(candidate, word):
            return i
        if hyphen and word.startswith(candidate) and len(candidate) < len(word):
            rest = find(found, word[len(candidate):], i + 1)
            if rest is not None:
                return rest
    return None


@pytest.mark.parametrize("work_id", WORK_IDS)
def test_every_paragraph_of_the_reading_text_is_in_the_pdf_in_order(built, work_id):
    reading = reading_blocks((built / "text" / f"{work_id}.txt").read_text(encoding="utf-8"))
    reader = pdf_of(built, work_id)
    # The text begins after the title page (made from the header), which has a page of its own:
    # the source's title block would otherwise be found in it.
    found = words("\n".join(page.extract_text() for page in reader.pages[1:]))
    position = 0
    for paragraph in reading:
        for word, _ in words(paragraph):
            hit = find(found, word, position)
            assert hit is not None, f"{word!r} of {paragraph[:60]!r}... not found after word {position} of the PDF"
            position = hit + 1
    assert len(reading) > 5


# Paper and reproducibility ----------------------------------------------------------------

def page_size(reader: PdfReader) -> tuple[float, float]:
    box = reader.pages[0].mediabox
    return round(float(box.width), 2), round(float(box.height), 2)


def test_the_paper_is_a4_by_default(built, project):
    assert project.paper_size == "a4"
    for work_id in WORK_IDS:
        reader = pdf_of(built, work_id)
        assert {page_size(PdfReader(built / "pdf" / f"{work_id}.pdf"))} == {A4}
        assert all(abs(float(p.mediabox.width) - A4[0]) < 0.1 for p in reader.pages)


@pytest.fixture(scope="module")
def letter_build(tmp_path_factory, project):
    letter = copy_project(project, tmp_path_factory.mktemp("letter") / "edition",
                          {'paper-size = "a4"': 'paper-size = "letter"'})
    assert letter.paper_size == "letter"
    return builder.build(letter, formats=("text", "pdf"))


def test_the_paper_is_letter_when_configured(letter_build):
    for work_id in WORK_IDS:
        reader = PdfReader(letter_build / "pdf" / f"{work_id}.pdf")
        assert {page_size(PdfReader(letter_build / "pdf" / f"{work_id}.pdf"))} == {LETTER}
        assert all(abs(float(p.mediabox.height) - LETTER[1]) < 0.1 for p in reader.pages)


def test_two_renderings_are_byte_identical(built, project, tmp_path):
    again = builder.build(project, formats=("text", "pdf"), out=tmp_path / "again")
    for work_id in WORK_IDS:
        first = (built / "pdf" / f"{work_id}.pdf").read_bytes()
        assert (again / "pdf" / f"{work_id}.pdf").read_bytes() == first
        assert (again / "print" / f"{work_id}.html").read_bytes() == (built / "print" / f"{work_id}.html").read_bytes()
