"""The PDF of each work: bookmarks, fonts, metadata, PDF/UA, the whole reading text, paper, reproducibility."""

from __future__ import annotations

import re
import shutil

import pytest
from lxml import etree
from pypdf import PdfReader
from pypdf.generic import IndirectObject

from conftest import WORK_IDS, collapse, copy_project, reading_blocks
from edition import build as builder
from edition.outputs import pdf
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



def test_a_process_decodes_the_fonts_once_for_every_build(built, tmp_path, monkeypatch):
    """edition serve renders PDFs in one process, each build in a folder of its own."""
    from weasyprint.text import fonts

    decoded = []
    decompress = fonts.woff2.decompress
    monkeypatch.setattr(fonts.woff2, "decompress", lambda *args: decoded.append(1) or decompress(*args))
    made = []
    for name in ("first", "second"):
        folder = tmp_path / name
        shutil.copytree(built / "print", folder / "print")
        pdf.render(folder / "print" / f"{WORK_IDS[0]}.html", folder / "made.pdf", folder)
        made.append((folder / "made.pdf").read_bytes())
    assert made[0] == made[1] == (built / "pdf" / f"{WORK_IDS[0]}.pdf").read_bytes()
    assert len(decoded) <= 4, "the second build decoded the fonts again"

# Structure: headings and notes (PDF/UA-1) ------------------------------------------------

def marked_texts(page) -> dict[int, str]:
    """The text of each marked-content sequence of a page, by its MCID."""
    texts: dict[int, str] = {}
    open_ids: list[int | None] = []

    def operator(op, arguments, cm, tm):
        if op == b"BDC":
            properties = arguments[1] if len(arguments) > 1 else None
            open_ids.append(properties.get("/MCID") if isinstance(properties, dict) else None)
        elif op == b"BMC":
            open_ids.append(None)
        elif op == b"EMC" and open_ids:
            open_ids.pop()

    def text(words, cm, tm, font, size):
        mcid = next((i for i in reversed(open_ids) if i is not None), None)
        if mcid is not None:
            texts[mcid] = texts.get(mcid, "") + words

    page.extract_text(visitor_operand_before=operator, visitor_text=text)
    return texts


def structure_elements(reader: PdfReader, tags: set[str]) -> list[tuple[str, str, dict]]:
    """Each structure element of the given tags (/H2, /Note...) in the order of the structure
    tree: its tag, its text (that of the marked content under it) and its dictionary."""
    pages = {page.indirect_reference.idnum: marked_texts(page) for page in reader.pages}

    def page_of(node, page):
        return node.raw_get("/Pg").idnum if "/Pg" in node else page

    def text_of(node, page) -> str:
        node = node.get_object()
        if isinstance(node, int):
            return pages[page].get(node, "")
        if not isinstance(node, dict):
            return ""
        page = page_of(node, page)
        if node.get("/Type") == "/MCR":
            return pages[page].get(node["/MCID"], "")
        kids = node.get("/K", [])
        return "".join(text_of(kid, page) for kid in (kids if isinstance(kids, list) else [kids]))

    found = []

    def walk(node, page):
        node = node.get_object()
        if not isinstance(node, dict):
            return
        page = page_of(node, page)
        if node.get("/S") in tags:
            found.append((str(node["/S"]), collapse(text_of(node, page)), node))
        kids = node.get("/K", [])
        for kid in kids if isinstance(kids, list) else [kids]:
            walk(kid, page)

    walk(reader.trailer["/Root"]["/StructTreeRoot"], None)
    return found


HEADINGS = {f"/H{level}" for level in range(1, 7)}


def point_headings(project, work_id: str) -> list[str]:
    """Each point's heading words, without the editors' notes anchored in them."""
    return [collapse("".join(head.xpath(".//text()[not(ancestor::tei:note)]", namespaces=NS)))
            for head in tei(project, work_id).xpath("//tei:body/tei:div[@type='point']/tei:head", namespaces=NS)]


@pytest.mark.parametrize("work_id", WORK_IDS)
def test_every_point_is_one_tagged_heading(built, project, work_id):
    # A heading's text in the PDF is its words and the calls of the footnotes in it ("6. We want
    # continuous revolution.6"); its reference in the margin stands before it, not in it.
    def without_calls(text: str) -> str:
        return re.sub(r"(?<=[^\s\d])\d+", "", text)

    headings = [without_calls(text) for _, text, _ in structure_elements(pdf_of(built, work_id), HEADINGS)]
    for number, words in enumerate(point_headings(project, work_id), start=1):
        tagged = [text for text in headings if text == without_calls(words)]
        assert len(tagged) == 1, (words, headings)
    # The title page's heading is the work's title, the only H1.
    assert [text for tag, text, _ in structure_elements(pdf_of(built, work_id), {"/H1"})] == [
        collapse(tei(project, work_id).findtext(".//tei:titleStmt/tei:title[@type='main']", "", NS))]


@pytest.mark.parametrize("work_id", WORK_IDS)
def test_every_footnote_is_a_tagged_note_with_an_id(built, work_id):
    html = etree.parse(str(built / "print" / f"{work_id}.html"), etree.HTMLParser())
    footnotes = [collapse("".join(note.itertext()))
                 for note in html.xpath("//span[contains(concat(' ', @class, ' '), ' footnote ')]")]
    notes = structure_elements(pdf_of(built, work_id), {"/Note"})
    # A footnote that runs over to the next page is tagged on each page it is on.
    # Compared by their letters and digits: the marks of a quotation (q) are generated by CSS.
    def letters(text: str) -> str:
        return re.sub(r"\W", "", text)

    texts = letters("".join(text for _, text, _ in notes))
    for number, footnote in enumerate(footnotes, start=1):
        assert letters(f"{number}. {footnote}") in texts
    ids = [str(node["/ID"]) for _, _, node in notes]
    assert len(notes) >= len(footnotes) > 0
    assert len(set(ids)) == len(ids)


# Lines: measure, hyphens, running heads ---------------------------------------------------

TOP_MARGIN = 22 * 72 / 25.4  # print.css's page margin above the text, in points
TEXT_SIZE = 10.5  # print.css's size of the text, in points


def text_lines(page, size: float | None = None) -> list[tuple[float, str]]:
    """The lines of a page (their height on the page and their text, spaces collapsed), of the
    text set at ``size`` alone when it is given."""
    pieces: dict[float, list[tuple[float, str]]] = {}

    def text(words, cm, tm, font, font_size):
        if words.strip() and (size is None or abs(font_size * cm[3] * tm[3] - size) < 0.05 or abs(font_size - size) < 0.05):
            x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
            y = round(tm[4] * cm[1] + tm[5] * cm[3] + cm[5])
            pieces.setdefault(y, []).append((x, words))

    page.extract_text(visitor_text=text)
    return [(y, collapse("".join(words for _, words in sorted(parts)))) for y, parts in sorted(pieces.items(), reverse=True)]


@pytest.mark.parametrize("work_id", WORK_IDS)
def test_the_measure_is_about_seventy_characters(built, work_id):
    reader = pdf_of(built, work_id)
    lines = [text for page in reader.pages[1:] for y, text in text_lines(page, TEXT_SIZE)
             if y < float(page.mediabox.height) - TOP_MARGIN]
    longest = max(map(len, lines))
    # The full lines of the paragraphs (a paragraph's last line is shorter).
    full = sorted(len(line) for line in lines if len(line) > 0.8 * longest)
    median = full[len(full) // 2]
    assert 62 <= median <= 76, (median, full)


def print_text(built, name: str) -> str:
    html = etree.parse(str(built / "print" / f"{name}.html"), etree.HTMLParser())
    return collapse("".join(html.getroot().itertext()))


@pytest.mark.parametrize("name", [*WORK_IDS, "introduction"])
def test_no_line_ends_in_a_hyphen_the_text_does_not_have(built, name):
    # The renderer hyphenates nothing (print.css: hyphens: manual): a hyphen at the end of a line
    # is one the text has there, the source's ("imperialist-country") or the editors'.
    text = print_text(built, name)
    lines = [line for page in PdfReader(built / "pdf" / f"{name}.pdf").pages
             for line in page.extract_text().splitlines() if line.strip()]
    # The word the next line begins with, without the call of a footnote after it ("country10").
    broken = [(line.split()[-1], re.match(r"[^\W\d_]*", following.split()[0])[0])
              for line, following in zip(lines, lines[1:]) if re.search(r"[^\W\d_]-$", line)]
    assert broken  # the texts have hyphenated compounds that lines break after
    for left, right in broken:
        assert f"{left}{right}" in text, f"{left}{right}: a hyphen the text does not have"
        assert f"{left[:-1]}{right}" not in text.replace(f"{left}{right}", ""), f"{left}{right}"


@pytest.mark.parametrize("name", [*WORK_IDS, "introduction"])
def test_running_heads_are_whole_and_cut_between_words(built, name):
    html = etree.parse(str(built / "print" / f"{name}.html"), etree.HTMLParser())
    heads = set(html.xpath("//@data-running-head"))
    reader = PdfReader(built / "pdf" / f"{name}.pdf")
    shown = [text for page in reader.pages[1:] for y, text in text_lines(page)[:1]
             if y > float(page.mediabox.height) - TOP_MARGIN]
    assert shown
    # Each is one that the print HTML declares, none cut short by the renderer.
    assert set(shown) <= heads, set(shown) - heads
    for head in heads:
        assert len(head) <= 80
        assert not head.endswith("…") or re.search(r"\w…$", head)


# The title page ---------------------------------------------------------------------------

@pytest.mark.parametrize("work_id", WORK_IDS)
def test_the_title_page_says_where_and_how_to_cite(built, project, work_id):
    from edition import citation_styles

    reader = pdf_of(built, work_id)
    title_page = collapse(" ".join(page.extract_text() for page in reader.pages[:2]))
    entry, in_text = citation_styles.cite_reference(project, work_id, "chicago", "text").splitlines()
    assert f"How to cite: {entry}" in title_page
    assert f"In the text: {in_text}" in title_page
    version = tei(project, work_id).find(".//tei:editionStmt/tei:edition", NS).get("n")
    assert f"This version: {citation_styles.stable_url(project.base_url, version, work_id)}" in title_page
    assert f"Current version: {citation_styles.current_url(project.base_url, work_id)}" in title_page
    assert f"Version {version}" in title_page
    # The licence speaks of "the source described below": the description follows it.
    assert title_page.index("described below") < title_page.index("THE SOURCE")


@pytest.mark.parametrize("name", [*WORK_IDS, "introduction"])
def test_the_subject_names_no_empty_field(built, name):
    subject = PdfReader(built / "pdf" / f"{name}.pdf").metadata.subject
    assert subject.startswith(("Digital edition, version ", "Introduction, version "))
    assert not re.search(r"of ,|, ,|, \.|\. \.", subject), subject


def with_calls(element) -> str:
    """An element's text with each footnote replaced by its call, "¦"."""
    if "footnote" in (element.get("class") or "").split():
        return "¦" + (element.tail or "")
    inner = "".join(with_calls(child) for child in element)
    return (element.text or "") + inner + (element.tail or "")


@pytest.mark.parametrize("work_id", WORK_IDS)
def test_no_footnote_call_splits_a_word(built, work_id):
    """A call stands after the word its intervention is inside ("Marxism-Leninism-Maoism14"),
    never in it ("Marxism-Leninism14-Maoism")."""
    page = etree.parse(str(built / "print" / f"{work_id}.html"), etree.HTMLParser())
    blocks = [re.sub("¦+", "¦", with_calls(block).removesuffix(block.tail or ""))
              for block in page.iterfind(".//body//*") if block.tag in ("p", "h1", "h2", "h3", "li")]
    assert any("¦" in block for block in blocks)
    assert [found.group() for block in blocks for found in re.finditer(r"\S{0,12}¦[\w-]\S*", block)] == []
