"""build/html/: the web edition, a static site.

One page per work and view (``<id>.html`` the reading text, ``<id>.diplomatic.html`` the
diplomatic text), the edition's page (``index.html``), one page per register, the TEI
sources (``tei/``), the stylesheet, script and fonts (``assets/``), and the citation of
each work to download (``cite/``: BibTeX, RIS and CSL-JSON), and the page for an address the
site has no file for (``404.html``). The citations of its passages are carried by its pages,
for their "cite" dialog to show and offer as files. A work's page links the works before and
after it, and the files of it the build makes (its PDF, texts, TEI, DTS resources, citations).
"""

from __future__ import annotations

import copy
import functools
import json
import re
import secrets
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

from lxml import etree

from .. import citable, citation_styles, document_names, dts_api, occurrences, policy, site, version_builds
from . import print_html
from ..citable import Passage
from ..documents import Edition, Work
from ..errors import EditionError, Problem
from ..output_files import output_file
from ..project import Project, tei_files
from ..published import publish
from ..summary import Summary
from ..xmlfile import NS, TEI_NS, XmlFile, head_of_work, parse

STYLESHEETS = ["html.xsl", *citable.STYLESHEETS, *occurrences.STYLESHEETS]
VIEWS = {view: site.view_file("{id}", view, "html") for view in site.VIEWS}
REGISTER_PAGES = site.REGISTER_PAGES
ALIGNMENT_PAGES = ("compare", "themes")
INDEX_PAGE_SIZE = 50  # documents a page of the edition's listing holds (some 13 kB each): no page grows with the edition
NOT_FOUND = "404.html"  # the page for an address the site has no file for (edition/serve.py serves it)
# A register page shows the first passages that name each entry; an entry named in more has
# pages of its own that list them all, so many a page: no page grows with the edition.
REGISTER_PAGING = {"register-preview": 5, "register-page-size": 100}
REGISTER_FILE = re.compile(rf"({'|'.join(map(re.escape, REGISTER_PAGES))})(\.[^/\\\s]+)?\.html")
DOCTYPE = re.compile(r"<!DOCTYPE html>", re.IGNORECASE)
CHARSET = re.compile(r"<meta charset=\"[^\"]*\">", re.IGNORECASE)
ASSETS = ("edition.css", "favicon.svg", "cite.js", "notes.js", "search.js", "landing.js", "toc.js", "fonts/*.woff2", "fonts/OFL.txt")
MADE_FROM = "summaries"  # the site's pages list the documents: made again when a summary changes
GENERIC = True  # renders a document the edition's schema refuses, with --lenient
# The formats of citation_styles.cite offered as files: their extension and media type.
DOWNLOADS = {name: (download.extension, download.media_type) for name, download in site.DOWNLOADS.items()}


def prepare(edition: Edition, folder: Path) -> list[Path]:
    """What every page links to: the stylesheet, the scripts, the fonts."""
    (folder / "html" / "tei").mkdir(parents=True, exist_ok=True)
    return _copy_assets(edition, folder / "html" / "assets")


def write_document(edition: Edition, work: Work, folder: Path) -> list[Path]:
    """A work's pages (both views; the reading view alone for a generic one), its citations
    to download, and its TEI source; the files written."""
    out = folder / "html"
    edition.progress(f"html  {work.id}")
    citations, written = (None, []) if work.generic else write_citations(edition, work, out / "cite")
    # The source first: the pages give its size.
    written.append(publish(work.file, out / "tei" / f"{work.id}.xml"))
    if not work.generic:
        written.append(occurrences.write(edition, work, folder))  # for the register pages
    pages = render_views(edition, work, citations, neighbours(edition, work), downloads(edition, work, folder))
    return written + [_write(out / name, html) for name, html in pages.items()]


def render_views(edition: Edition, work: Work, citations: etree._ElementTree | PageCitations | None = None,
                 around: etree._ElementTree | None = None, files: etree._ElementTree | None = None) -> dict[str, str]:
    """A work's page in each of its views, by file name. Every view comes from one transform,
    which normalises the work and makes what the views share once; a generic work has the
    reading view alone."""
    names = {view: pattern.format(id=work.id) for view, pattern in VIEWS.items()}
    if isinstance(citations, etree._ElementTree):
        citations = page_citations(edition, citations)
    if work.generic:
        return {names["reading"]: render(edition, work, "reading", citations, around, files)}
    marker = secrets.token_hex(16)
    return _view_pages(render(edition, work, "reading", citations, around, files, marker), marker, set(names.values()))


def _view_pages(html: str, marker: str, names: set[str]) -> dict[str, str]:
    """The pages of a transform that made a work's every view (_marked_pages), which must be
    those of its views."""
    pages = dict(_marked_pages(html, marker))
    if set(pages) != names:
        raise EditionError.at(sorted(names)[0], f"the pages of the views came as {sorted(pages)}")
    return pages


def _marked_pages(html: str, marker: str) -> list[tuple[str, str]]:
    """The pages of a transform that makes several, each after a comment with the marker (which
    the caller chooses for each transform, so that no text can forge it) and its file name.
    Each starts as the serialiser starts the first: with the doctype, and the charset the
    first declares (the serialiser writes them for the first page only)."""
    doctype = DOCTYPE.search(html)
    _, *parts = html.split(f"<!--{marker} ")
    charset = CHARSET.search(parts[0]) if parts else None
    pages = []
    for part in parts:
        name, _, text = part.partition("-->")
        text = CHARSET.sub(charset.group(0), text, count=1) if charset else text
        pages.append((name, text if DOCTYPE.match(text) or not doctype else doctype.group(0) + text))
    return pages


def write_edition(edition: Edition, summaries: list[Summary], folder: Path) -> list[Path]:
    """The pages that list the works (from their summaries), and the registers' and the
    alignment's TEI sources."""
    return _write_site_pages(edition, summaries, folder / "html") + _copy_edition_files(edition, folder / "html" / "tei")


def render(edition: Edition, work: Work, view: str, citations: etree._ElementTree | PageCitations | None = None,
           around: etree._ElementTree | None = None, files: etree._ElementTree | None = None,
           marker: str = "") -> str:
    """A work's page in ``view``; with a ``marker``, its page in every view, each after its mark
    (render_views)."""
    params = {**page_params(edition), "page": "document", "view": view, **work.generic_params(),
              **version_builds.links_param(edition.project, work.id)}  # an old version's page
    if marker:
        params["page-marker"] = marker
    if isinstance(citations, etree._ElementTree):
        citations = page_citations(edition, citations)
    for name, value in (("citations", citations and citations.document), ("neighbours", around), ("downloads", files)):
        if value is not None:
            params[name] = _own_document(edition, value)
    html = edition.stylesheets.transform("html.xsl", work.file.tree, work.path, params)
    return _with_data(html, citations.data) if citations else html


def _own_document(edition: Edition, value):
    """A page's own parameter (a tree, or already a document of the stylesheets) as a document,
    made from its bytes: as a tree it would be kept among the few the stylesheets remember
    (edition.saxon) and push out the work, the registers and the alignment that every page
    reads, which were then made again for each page (some 5 ms a page)."""
    if isinstance(value, etree._ElementTree):
        return edition.stylesheets.document(etree.tostring(value, encoding="UTF-8"))
    return value


def neighbours(edition: Edition, work: Work) -> etree._ElementTree:
    """The works before and after ``work`` in the order the edition's page lists them, that of
    their files' names (the build's order of its documents), each as its header:
    ``<neighbours><TEI rel="prev|next" id="..">(teiHeader)</TEI></neighbours>``, for the
    page's links to them. Only the files of texts/ next to it are read, as far as the nearest
    work on either side."""
    files, places = _text_files(edition.project)
    root = etree.Element("neighbours")
    if work.path.name not in places:
        return etree.ElementTree(root)
    here = places[work.path.name]
    for rel, side in (("prev", reversed(files[:here])), ("next", files[here + 1:])):
        found = _nearest_work(edition, side)
        if found is not None:
            root.append(_header_of(found, rel))
    return etree.ElementTree(root)


def _text_files(project: Project) -> tuple[list[Path], dict[str, int]]:
    """The files of texts/ in order, and the place of each by name: listed once for every
    document of a build (a document's page would otherwise list thousands of files), and again
    when a file is added, removed or renamed, which changes the folder's time of modification."""
    return _listing(project.texts, project.texts.stat().st_mtime_ns)


@functools.lru_cache(maxsize=1)
def _listing(folder: Path, modified: int) -> tuple[list[Path], dict[str, int]]:
    files = tei_files(folder)
    return files, {path.name: place for place, path in enumerate(files)}


def _nearest_work(edition: Edition, paths) -> XmlFile | None:
    """The first of ``paths`` that is a work, read as far as its text (its header is all the
    page takes of it); a file that cannot be read is passed over (its own rendering reports why)."""
    for path in paths:
        found = head_of_work(path, edition.project.max_source_bytes)
        if found is not None:
            return found
    return None


def _header_of(xml: XmlFile, rel: str) -> etree._Element:
    tei = etree.Element(f"{{{TEI_NS}}}TEI", rel=rel,
                        id=document_names.document_id(xml) or document_names.derived_id(xml.path))
    header = xml.tree.getroot().find("tei:teiHeader", NS)
    if header is not None:
        tei.append(copy.deepcopy(header))
    return tei


# What a work's page offers to download, beside its citations, where the build makes it: the
# folder of the build each comes from, and the file's path in the site.
FILES = (("pdf", "pdf", "pdf/{id}.pdf"), ("reading-text", "text", "text/{id}.txt"),
         ("diplomatic-text", "text", "text/{id}.diplomatic.txt"), ("tei", "html", "tei/{id}.xml"))


def downloads(edition: Edition, work: Work, folder: Path) -> etree._ElementTree:
    """The files of a work a reader can download, as its pages link them: ``<downloads><file
    kind=".." href=".." bytes=".."/></downloads>``, in the site (build/html/). A format is
    offered where the build makes it: its folder was prepared before any document. The size is
    given where the file is written before the pages (the source, the texts, the citations);
    a PDF is made after them, and the DTS files over the whole edition."""
    root = etree.Element("downloads")
    site = folder / "html"
    for kind, made_in, pattern in FILES:
        if (folder / made_in).is_dir() and not (work.generic and kind in ("pdf", "diplomatic-text")):
            _offer(root, site, kind, pattern.format(id=work.id))
    if (folder / "dts").is_dir() and not work.generic:
        urls = dts_api.static_urls(edition.project.base_url)
        resource = dts_api.resource_id(edition.project.base_url, work.id)
        for kind, url in (("dts-document", urls.url("document", resource=resource)),
                          ("dts-navigation", urls.url("navigation", resource=resource, down=-1)),
                          ("dts-collection", urls.url("collection", id=resource))):
            _offer(root, site, kind, url.removeprefix(edition.project.base_url))
    if not work.generic:
        for output, (extension, _) in DOWNLOADS.items():
            _offer(root, site, output, f"cite/{work.id}.{extension}")
    return etree.ElementTree(root)


def _offer(root: etree._Element, site: Path, kind: str, href: str) -> None:
    file = etree.SubElement(root, "file", kind=kind, href=href)
    path = site.joinpath(*(unquote(part) for part in href.split("/")))
    if path.is_file():
        file.set("bytes", str(path.stat().st_size))


@dataclass(frozen=True)
class PageCitations:
    """A work's citations as its pages take them: the document the transform reads (the boxes,
    the buttons, the dialog), and the dialog's data (``data``, JSON ready for a script element),
    which the transform leaves out and render writes into each page's data block: some 100 kB,
    the same in every view, that the transform would read and write again for each page."""

    document: object  # a document of the stylesheets (edition.saxon)
    data: str


# The page's data block as the transform writes it, empty (xslt/html/cite.xsl): only the
# stylesheet makes a script element, and a text's "<" is always escaped, so no text forges it.
DATA_BLOCK = '<script type="application/json" id="cite-data"></script>'


def page_citations(edition: Edition, citations: etree._ElementTree) -> PageCitations:
    """The citations of write_citations as the pages take them."""
    root = citations.getroot()
    stripped = etree.Element(root.tag, root.attrib)
    stripped.extend(copy.deepcopy(child) for child in root if child.tag != "data")
    data = root.find("data")
    return PageCitations(edition.stylesheets.document(etree.tostring(stripped, encoding="UTF-8")),
                         "" if data is None else unicodedata.normalize("NFC", data.text or ""))


def _with_data(html: str, data: str) -> str:
    """The pages of a transform with their data block filled (normalised to NFC, as the
    serialiser normalises the rest of the page)."""
    return html.replace(DATA_BLOCK, DATA_BLOCK.replace("></", f">{data}</"))


def write_citations(edition: Edition, work: Work, folder: Path) -> tuple[etree._ElementTree, list[Path]]:
    """The citations of a work and of each of its units, made once for both views, for the
    pages: ``<citations><passage ref=".." url=".."><cite style="..">(citeproc's HTML)</cite>
    <export format=".." name=".." type="..">(the file's text)</export><file format=".."
    href=".."/></passage><passage ref=".."/>..<data>(JSON)</data></citations>``. The work's
    passage, first, has them all: its "Cite this text" box shows them, and its files are
    written to ``folder`` (its ``file`` elements), for readers without scripts. Every passage,
    the work's too, is in ``data``: the page's data block for its "cite" dialog (the URL, the
    citations as HTML, the files' names, types and texts, by reference), as JSON ready for a
    script element; the page's script makes a passage's files from it, so that a work's
    apparatus is three files, not three for each of its passages."""
    folder.mkdir(parents=True, exist_ok=True)
    written, data = [], {}
    citations = citation_styles.WorkCitations(work, edition.project.base_url)
    root = etree.Element("citations", document=work.id)
    for passage in cited_passages(edition, work):
        reference = passage.reference
        item, cites, texts = citations.every(passage, citation_styles.STYLES, DOWNLOADS)
        cited = [_fragment(html, style) for style, html in cites.items()]
        exports = [(output, f"{reference.replace(':', '-')}.{DOWNLOADS[output][0]}", DOWNLOADS[output][1], text)
                   for output, text in texts.items()]
        data[reference] = {"url": item["URL"], "cite": {cite.get("style"): _page_html(cite) for cite in cited},
                           "files": {output: {"name": name, "type": media_type, "text": text}
                                     for output, name, media_type, text in exports}}
        entry = etree.SubElement(root, "passage", ref=reference)
        current = citation_styles.current_url(edition.project.base_url, work.id, passage.fragment)
        if current != item["URL"]:  # the current page offers both; a released version's, its own
            data[reference]["current-url"] = current
            entry.set("current-url", current)
        if passage.unit is None:
            entry.set("url", item["URL"])
            entry.extend(cited)
            for output, name, media_type, text in exports:
                etree.SubElement(entry, "export", format=output, name=name, type=media_type).text = text
                written.append(output_file(folder, name))
                written[-1].write_text(text, encoding="utf-8")
                etree.SubElement(entry, "file", format=output, href=f"{folder.name}/{name}")
    etree.SubElement(root, "data").text = json_in_html(data)
    return etree.ElementTree(root), written


# A citation's markup as the page's data holds it, serialised as HTML as the pages are: the
# inline elements citeproc's HTML has, without their attributes; any other is refused.
CITATION_ELEMENTS = ("i", "b", "sup", "sub", "span")
HTML_TEXT = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", "\xa0": "&nbsp;",
                           **{chr(code): f"&#x{code:x};" for code in range(0x80, 0xA0)}})
HTML_SPECIAL = re.compile("[&<>\xa0\x80-\x9f]")  # what HTML_TEXT changes


def _html_text(text: str | None) -> str:
    """A citation's text as HTML: translated only where it holds a character to escape (most of
    a work's some 600 texts hold none, and a translation costs ten times the search)."""
    return text.translate(HTML_TEXT) if text and HTML_SPECIAL.search(text) else (text or "")


def _page_html(element: etree._Element) -> str:
    """The markup of a citation (the content of its ``cite`` element) as HTML text."""
    parts = [_html_text(element.text)]
    for child in element:
        if child.tag == "br":
            parts.append("<br>")
        elif child.tag in CITATION_ELEMENTS:
            parts.append(f"<{child.tag}>{_page_html(child)}</{child.tag}>")
        else:
            raise EditionError.at(f"citeproc-py ({element.get('style')})", f"a citation with an element {child.tag!r}")
        parts.append(_html_text(child.tail))
    return "".join(parts)


# JSON as the text of an HTML script element, as xml-to-json and f:json-in-html (html/metadata.xsl)
# write it: an HTML parser reads that text for "</script" and for the start of a comment,
# whatever the JSON means; written as JSON escapes, "<", ">" and "&" are no markup, and the
# JSON parses to the same values. They, and "/", stand inside strings only.
JSON_IN_HTML = (("/", "\\/"), ("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"))
CONTROLS = re.compile("[\x7f-\x9f]")  # escaped by xml-to-json too


def json_in_html(value) -> str:
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    for character, escaped in JSON_IN_HTML:  # str.replace: a page's data is some 100 kB
        text = text.replace(character, escaped)
    return CONTROLS.sub(lambda found: f"\\u{ord(found.group()):04X}", text)


def cited_passages(edition: Edition, work: Work) -> Iterator[Passage]:
    """The work, then each of its units in document order, each with the units that hold it."""
    yield Passage(work, None)
    known = citable.units(edition, work)
    for unit in known:
        yield Passage(work, unit, citable.holders(unit, known) + (unit,))


def _fragment(html: str, style: str) -> etree._Element:
    """citeproc's HTML (text with <i> and the like) parsed into elements, never passed as a string.

    Its text is escaped (citation_styles.formatted), so it is parsed as XML: an HTML parser would make an
    element, or a comment, of any markup it met, where XML refuses what is not well-formed."""
    try:
        element = etree.fromstring(f"<cite>{html}</cite>")
    except etree.XMLSyntaxError as error:
        raise EditionError.at(f"citeproc-py ({style})", f"a citation that is not well-formed markup: {error}") from None
    element.set("style", style)
    return element


def unresolved_passages(edition: Edition, summaries: list[Summary]) -> list[Problem]:
    """A problem at each reference to a passage (``ref/@cRef``, "mim-program-1996:7.2") of the
    introduction that names no citable unit of the works: the page would link it nowhere. The
    units are those of the works it names, found in their summaries."""
    references = [(ref, ref.get("cRef")) for ref in edition.introduction.tree.iterfind(".//tei:ref[@cRef]", NS)]
    named = edition.cited_works()
    known = {unit.reference for summary in summaries if summary.id in named and not summary.generic
             for unit in citable.units(edition, _summarised_work(edition, summary))}
    return [Problem(str(edition.introduction.path), *edition.introduction.position(ref),
                    f'@cRef="{reference}" names no passage of the edition')
            for ref, reference in references if reference not in known]


def _summarised_work(edition: Edition, summary: Summary) -> Work:
    """A work as its summary gives it: its header and the elements its citation scheme counts."""
    data = summary.xml
    return Work(summary.id, XmlFile(edition.project.texts / f"{summary.id}.xml", etree.ElementTree(etree.fromstring(data)), data))


def _write_site_pages(edition: Edition, summaries: list[Summary], out: Path) -> list[Path]:
    """index.html, the register pages, the themes, the search page: their input is the
    registers (or the first summary), and each is given the works it shows, as their summaries
    (the register pages, the works' lists of their places). The comparison shows the programmes
    whole: it has the works the alignment links, and only those."""
    host = edition.registers.tree if edition.registers else (_summary_document(edition, summaries[0]) if summaries else None)
    if host is None:
        return []
    host_path = edition.registers.path if edition.registers else edition.project.texts
    if edition.introduction is not None:
        problems = unresolved_passages(edition, summaries)
        if problems:
            raise EditionError(problems)
    edition.progress("html  index")
    written = _write_index_pages(edition, summaries, host, host_path, out)
    if edition.registers:
        edition.progress("html  registers")
        written += _write_register_pages(edition, summaries, out)
    pages = (*ALIGNMENT_PAGES, "search") if edition.alignment else ("search",)
    pages += ("introduction",) if edition.introduction is not None else ()
    for page in pages:
        edition.progress(f"html  {page}")
        source = edition.introduction if page == "introduction" else None
        params = {**page_params(edition), "page": page, "works": _shown_works(edition, page, summaries)}
        html = edition.stylesheets.transform("html.xsl", source.tree if source else host,
                                             source.path if source else host_path, params)
        written.append(_write(out / f"{page}.html", html))
    written.append(_write_not_found(edition, summaries, host, host_path, out))
    return written


def _shown_works(edition: Edition, page: str, summaries: list[Summary]) -> list:
    """The works a site page shows: the comparison, the programmes whole; the themes, the
    works the alignment names; the introduction, those it cites; the search page, none."""
    if page == "compare":
        return [xml.tree for xml in _aligned(edition)]
    named = (_aligned_names(edition) if page == "themes"
             else edition.cited_works() if page == "introduction" else set())
    return [_summary_document(edition, summary) for summary in summaries if summary.id in named]


def _summary_document(edition: Edition, summary: Summary):
    return edition.stylesheets.document(summary.xml)


def _write_register_pages(edition: Edition, summaries: list[Summary], out: Path) -> list[Path]:
    """The register pages, with each entry's first places, in one transform; then, for each
    entry named in more places than those, the pages that list them all, in a transform of its
    own that is given its places alone."""
    found = occurrences.Occurrences.read(out.parent, [summary.id for summary in summaries if not summary.generic])
    shown = REGISTER_PAGING["register-preview"]
    written = _write_register_transform(edition, out, {"page": "registers", "register-set": list(REGISTER_PAGES),
                                                       "occurrences": found.listing(found.entries, shown)})
    # The entries of the registers only: a pointer may also name an element of its own text.
    for entry in set(found.more_than(shown)) & set(edition.registers.tree.xpath("//@xml:id")):
        written += _write_register_transform(edition, out, {"page": "occurrences", "occurrence-entry": entry,
                                                            "occurrences": found.listing([entry])})
    return written


def _write_register_transform(edition: Edition, out: Path, params: dict) -> list[Path]:
    """The pages of one transform of the registers that makes several, each after its mark."""
    marker = secrets.token_hex(16)
    params = {**page_params(edition), **REGISTER_PAGING, **params, "page-marker": marker,
              "occurrences": edition.stylesheets.document(params["occurrences"])}
    html = edition.stylesheets.transform("html.xsl", edition.registers.tree, edition.registers.path, params)
    return [_write(out / name, text) for name, text in _register_pages(html, marker)]


def _write_not_found(edition: Edition, summaries: list[Summary], host, host_path: Path, out: Path) -> Path:
    """404.html, which a server answers (with its status) for an address it has no file for:
    its links start from the site's path, since it is served at any depth. It names the works
    the edition's page lists first, and how many more there are."""
    edition.progress("html  404")
    works = [_summary_document(edition, summary) for summary in summaries[:INDEX_PAGE_SIZE]]
    params = {**page_params(edition), "page": "not-found", "works": works, "listing-total": len(summaries),
              "root": site_root(edition.project.base_url)}
    return _write(out / NOT_FOUND, edition.stylesheets.transform("html.xsl", host, host_path, params))


def site_root(base_url: str) -> str:
    """The site's path from the server's root ("/", "/edition/"): the path of its base URL."""
    path = urlsplit(base_url).path
    return path if path.endswith("/") else (path.rpartition("/")[0] + "/" if path else "/")


def _register_pages(html: str, marker: str) -> list[tuple[str, str]]:
    """The pages of a transform of the registers (_marked_pages). A name that is not a register's
    page ("<register>.html", "<register>.<...>.html", in this folder) is refused: the names
    come from the registers' ids."""
    pages = _marked_pages(html, marker)
    for name, _ in pages:
        if not REGISTER_FILE.fullmatch(name) or ".." in name:
            raise EditionError.at(name, f"a register page would be written as {name!r}")
    return pages


def _write_index_pages(edition: Edition, summaries: list[Summary], host, host_path: Path, out: Path,
                       size: int = INDEX_PAGE_SIZE) -> list[Path]:
    """The edition's page, index.html, which lists the first ``size`` documents; when there are
    more, the pages that list the next (index-2.html, index-3.html ...). Each page is given
    only its own documents."""
    count = max(1, -(-len(summaries) // size))
    written = []
    for number in range(1, count + 1):
        first = (number - 1) * size
        works = [_summary_document(edition, summary) for summary in summaries[first:first + size]]
        params = {**page_params(edition), "page": "index", "works": works, "listing-page": number,
                  "listing-pages": count, "listing-first": first + 1, "listing-total": len(summaries)}
        html = edition.stylesheets.transform("html.xsl", host, host_path, params)
        written.append(_write(out / ("index.html" if number == 1 else f"index-{number}.html"), html))
    return written


def _aligned(edition: Edition) -> list[XmlFile]:
    """The works the alignment links, whole: the files of texts/ its pointers name (the ends of
    its links, and the passages on a theme only one programme addresses).

    A pointer names one by its bare file name; any other (a path, an absolute one, a name the
    edition has not) is ignored, so that no alignment makes the page show a file outside
    texts/. The validator reports such pointers."""
    texts = edition.project.texts.resolve()
    known = {path.name: path for path in edition.project.text_files()}
    chosen = [parse(known[name], max_bytes=edition.project.max_source_bytes) for name in sorted(_aligned_files(edition))
              if name in known and known[name].resolve().parent == texts]
    # As works of the edition: their citation schemes are checked before the page evaluates them.
    return [work.file for work in Edition.of(edition.project, edition.stylesheets, chosen).works]


def _aligned_files(edition: Edition) -> set[str]:
    """The names of the files the alignment's pointers name."""
    return {target.partition("#")[0] for link in edition.alignment.tree.xpath(".//tei:link | .//tei:span", namespaces=NS)
            for target in link.get("target", "").split()}


def _aligned_names(edition: Edition) -> set[str]:
    """The document ids of the works the alignment names: a work's file is named after its id."""
    return {name.removesuffix(".xml") for name in _aligned_files(edition)}


def page_params(edition: Edition) -> dict:
    """The parameters every page of the site is made with: the edition's address, the pages'
    security policy, and the registers, alignment and introduction the pages link."""
    params = {"base-url": edition.project.base_url, "content-security-policy": policy.PAGES}
    if edition.registers is not None:
        params["registers"] = edition.registers.tree
    if edition.alignment is not None:
        params["alignment"] = edition.alignment.tree
    if edition.introduction is not None:
        params["introduction"] = edition.introduction.tree
    return params


def _copy_edition_files(edition: Edition, out: Path) -> list[Path]:
    """The registers, the alignment and the introduction as published (each work's source is
    published with its pages)."""
    return [publish(xml, out / xml.path.name) for xml in (edition.registers, edition.alignment, edition.introduction)
            if xml is not None]


def _copy_assets(edition: Edition, out: Path) -> list[Path]:
    return print_html.copy(edition.project.xslt / "assets", out, ASSETS)


def _write(path: Path, html: str) -> Path:
    path.write_text(html, encoding="utf-8")
    return path
