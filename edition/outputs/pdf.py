"""build/pdf/: a tagged PDF (PDF/UA-1) of every work and of the editors' introduction,
rendered from build/print/, and offered by the site too (build/html/pdf/).

The renderer reads nothing but the print HTML and its assets: its URL fetcher serves
files under the build folder and refuses everything else, the network included. The
PDF's metadata (title, author, subject, keywords, language, dates) comes from the print
HTML's head, that is from the TEI header; its dates are the header's publication date,
never the build clock, so that two builds of the same sources are byte-identical.

Tags (PDF/UA-1): WeasyPrint tags an element by its HTML name alone (h1-h6 as H1-H6, p as P,
span as Span...) and has no tag for a note. The edition's footnotes (``.footnote``, which
print.css floats to the foot of the page) are tagged Note, with the ID PDF/UA-1 asks a Note
to have, by ``tag_footnotes_as_notes``: it wraps WeasyPrint's (internal) builder of the
structure tree, so it is tied to the WeasyPrint the locks pin; tests/test_pdf.py fails if a
WeasyPrint leaves the footnotes untagged. Each Note stands where WeasyPrint puts the
footnote area, at the end of its page's structure, not beside the call in the text; the call
(a number) is not tagged as a reference to it: WeasyPrint writes no link between the two.
"""

from __future__ import annotations

import functools
import hashlib
import logging
from pathlib import Path
from urllib.parse import urlsplit
from urllib.request import url2pathname

from . import print_html
from ..documents import Edition, Work
from ..summary import Summary
from ..errors import EditionError
from ..output_files import offered_by_the_site

STYLESHEETS: list[str] = []
GENERIC = False
MADE_FROM = "documents"
PDF_VARIANT = "pdf/ua-1"


def prepare(edition: Edition, folder: Path) -> list[Path]:
    (folder / "pdf").mkdir(parents=True, exist_ok=True)
    return []


def write_document(edition: Edition, work: Work, folder: Path) -> list[Path]:
    """The work's PDF, from the print HTML its print output has just written."""
    edition.progress(f"pdf   {work.id}")
    target = folder / "pdf" / f"{work.id}.pdf"
    render(folder / "print" / f"{work.id}.html", target, root=folder, work=work)
    return [target, *offered_by_the_site(target, folder)]


def write_edition(edition: Edition, summaries: list[Summary], folder: Path) -> list[Path]:
    """The introduction's PDF, from the print HTML of it the print output has just written."""
    if edition.introduction is None:
        return []
    edition.progress("pdf   introduction")
    target = folder / "pdf" / Path(print_html.INTRODUCTION_FILE).with_suffix(".pdf").name
    render(folder / "print" / print_html.INTRODUCTION_FILE, target, root=folder)
    return [target, *offered_by_the_site(target, folder)]


def render(html: Path, target: Path, root: Path, work: Work | None = None) -> None:
    """Render one print HTML file to ``target``; resources only from under ``root``."""
    from weasyprint import HTML  # imported here: a build without PDFs does not load it

    tag_footnotes_as_notes()
    if not html.is_file():
        raise EditionError.at(work.path if work else html, f"no print HTML to render: {html}")
    problems = _RendererLog()
    with problems.attached():
        document = HTML(filename=str(html), url_fetcher=local_fetcher(root))
        document.write_pdf(
            str(target),
            pdf_variant=PDF_VARIANT,
            pdf_identifier=hashlib.sha256(html.read_bytes()).hexdigest()[:32].encode("ascii"),
            uncompressed_pdf=False,
            font_config=_fonts(),
        )
    if problems.errors:
        raise EditionError.at(work.path if work else html, "PDF rendering failed: " + "; ".join(problems.errors))


FOOTNOTE_CLASS = "footnote"  # print.xsl's class of a footnote (print/notes.xsl)


@functools.cache
def tag_footnotes_as_notes() -> None:
    """Tag each footnote's structure element Note, with an ID of its own, where WeasyPrint makes
    it a Span: its structure builder (weasyprint.pdf.tags._build_box_tree, which calls itself
    for every box) is wrapped once per process."""
    from pydyf import String
    from weasyprint.pdf import tags

    build = tags._build_box_tree

    def build_with_notes(box, *arguments):
        for element in build(box, *arguments):
            if element["S"] == "/Span" and _is_footnote(box):
                element["S"] = "/Note"
                element["ID"] = String(f"note-{element.number}")
            yield element

    tags._build_box_tree = build_with_notes


def _is_footnote(box) -> bool:
    """The box of a footnote's body: WeasyPrint makes the floated footnote a block of its own
    (and sets its float back to none), whereas its call is an inline pseudo-element's box."""
    from weasyprint.formatting_structure.boxes import BlockBox

    return (isinstance(box, BlockBox) and box.element is not None and box.element_tag == "span"
            and FOOTNOTE_CLASS in box.element.get("class", "").split())


@functools.cache
def _fonts():
    """One font configuration for the process: the edition's fonts are decoded at its first PDF,
    not at each (0.3 s of WOFF2 for every rebuild of edition serve), and the PDFs stay byte for
    byte the same."""
    from weasyprint.text.fonts import FontConfiguration

    class EditionFonts(FontConfiguration):
        """WeasyPrint keys a font face by its rule, which holds the font's URL: a file of another
        build folder, every build. This one keys it by the rule with each file's digest instead."""

        def __init__(self):
            super().__init__()
            self.added: set[str] = set()

        def add_font_face(self, rule_descriptors, url_fetcher):
            key = str({**rule_descriptors, "src": [(kind, _digest(url)) for kind, url in rule_descriptors["src"]]})
            if key not in self.added:
                self.added.add(key)
                return super().add_font_face(rule_descriptors, url_fetcher)

    return EditionFonts()


def _digest(url: str | None) -> str | None:
    """The digest of a font file of the build (a file: URL), else the URL as it is."""
    parts = urlsplit(url or "")
    if parts.scheme != "file":
        return url
    path = Path(url2pathname(parts.path))
    return hashlib.sha256(path.read_bytes()).hexdigest() if path.is_file() else url


def local_fetcher(root: Path):
    """A URL fetcher that serves files under ``root`` and refuses every other URL."""
    from weasyprint.urls import URLFetcher

    root = root.resolve()

    class LocalFetcher(URLFetcher):
        def fetch(self, url, headers=None):
            parts = urlsplit(url)
            path = Path(url2pathname(parts.path)).resolve() if parts.scheme == "file" else None
            if path is None or not path.is_relative_to(root):
                raise ValueError(f"the PDF may only use files of the build, not {url}")
            return super().fetch(url, headers)

    return LocalFetcher(allowed_protocols=("file",), fail_on_errors=True)


class _RendererLog(logging.Handler):
    """Collects the renderer's errors (a refused or missing resource among them)."""

    def __init__(self):
        super().__init__(level=logging.ERROR)
        self.errors: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.errors.append(record.getMessage())

    def attached(self):
        import contextlib

        logger = logging.getLogger("weasyprint")

        @contextlib.contextmanager
        def attach():
            logger.addHandler(self)
            try:
                yield self
            finally:
                logger.removeHandler(self)

        return attach()
