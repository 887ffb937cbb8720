"""Safe parsing of XML files, with the line and column of every element.

lxml's parser never expands external entities nor reaches the network here, and
a document type declaration is refused outright: the edition has no use for one,
and it is how entity payloads arrive. lxml records only the line of an element;
the column comes from a second, streaming pass with expat.
"""

from __future__ import annotations

import functools
import io
import os
import re
import stat
import xml.parsers.expat
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from .errors import EditionError

TEI_NS = "http://www.tei-c.org/ns/1.0"
XINCLUDE_NS = "http://www.w3.org/2001/XInclude"
NS = {"tei": TEI_NS}
INTRODUCTION = "introduction"  # the type of the TEI root of the editors' introduction

_DOCTYPE = re.compile(rb"<!DOCTYPE", re.IGNORECASE)
MAX_DEPTH = 100  # elements inside each other, the root counted: the limit of Saxon's parser
MAX_SOURCE_BYTES = 64_000_000  # the default cap on one source; [tool.edition] max-source-mb changes it


def safe_parser() -> etree.XMLParser:
    return etree.XMLParser(
        resolve_entities=False, no_network=True, load_dtd=False, dtd_validation=False, huge_tree=False
    )


@dataclass
class XmlFile:
    path: Path
    tree: etree._ElementTree
    data: bytes  # the file as read: the columns are found in it only when a problem needs one

    def position(self, node) -> tuple[int, int]:
        """Line and column of an element (or of the element an attribute belongs to)."""
        element = node if isinstance(node, etree._Element) else node.getparent()
        return self.positions.get(element, (getattr(element, "sourceline", 0) or 0, 0))

    @functools.cached_property
    def first_on_line(self) -> dict:
        """Line -> the first element that starts on it."""
        found = {}
        for element in self.tree.iter(etree.Element):
            found.setdefault(element.sourceline, element)
        return found

    @functools.cached_property
    def positions(self) -> dict:
        """Element -> (line, column), both counted from 1."""
        return _positions(self.tree, self.data)


def read_source(path: Path, max_bytes: int = MAX_SOURCE_BYTES) -> bytes:
    """The bytes of a source, read once, from a regular file no larger than ``max_bytes`` that
    lies in its own folder: a FIFO or a device would hang or never end, a link may lead anywhere.
    Checked on the open file, so that nothing swapped in after the check is read."""
    with _opened_source(path) as file:
        data = file.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise EditionError.at(path, f"the file is larger than {max_bytes / 1_000_000:g} MB, the limit for a source "
                              "(max-source-mb in [tool.edition])", 1, 1)
    return data


def _opened_source(path: Path) -> io.BufferedReader:
    """A source opened for reading, if it is a regular file in its own folder (see read_source)."""
    real = os.path.realpath(path)
    if os.path.dirname(real) != os.path.realpath(os.path.dirname(os.path.abspath(path))):
        raise EditionError.at(path, f"the file is a link to {real}, outside its folder: not read", 1, 1)
    try:
        descriptor = os.open(real, os.O_RDONLY | os.O_NONBLOCK | os.O_NOFOLLOW)
    except OSError as error:
        raise EditionError.at(path, f"cannot read the file: {error.strerror}", 1, 1) from None
    if not stat.S_ISREG(os.fstat(descriptor).st_mode):
        os.close(descriptor)
        raise EditionError.at(path, "not a regular file (a pipe, a device or a folder): not read", 1, 1)
    return os.fdopen(descriptor, "rb")


def parse(path: Path, data: bytes | None = None, max_bytes: int = MAX_SOURCE_BYTES) -> XmlFile:
    """Parse a file safely; malformed or dangerous input raises EditionError with its position."""
    if data is None:
        data = read_source(path, max_bytes)
    if not data.strip():
        raise EditionError.at(path, "the file is empty", 1, 1)
    try:
        tree = etree.ElementTree(etree.fromstring(data, safe_parser(), base_url=path.resolve().as_uri()))
    except etree.XMLSyntaxError as error:
        if _DOCTYPE.search(data):  # an entity payload may fail the parser before it is seen
            _refuse_doctype(path, data)
        line, col = error.position
        raise EditionError.at(path, _parser_message(error), line, col) from None
    if tree.docinfo.doctype or tree.docinfo.internalDTD is not None:
        _refuse_doctype(path, data)
    xml = XmlFile(path, tree, data)
    _refuse_xinclude(xml)
    _refuse_depth(xml)
    return xml


def holds_text(data: bytes) -> bool:
    """Whether a file's bytes are a document to render: its root has a text (read only so far,
    each child of the root let go once read, so that a header of any size costs no memory) and
    is not the editors' introduction (TEI of type "introduction", a page of the edition's own),
    or it is not a TEI file that parses, which the document's own checks will then report."""
    depth = 0
    try:
        for event, element in etree.iterparse(io.BytesIO(data), events=("start", "end"), resolve_entities=False,
                                              no_network=True, load_dtd=False):
            depth += 1 if event == "start" else -1
            if event == "start" and depth == 1 and element.tag != f"{{{TEI_NS}}}TEI":
                return True
            if event == "start" and depth == 1 and element.get("type") == INTRODUCTION:
                return False
            if event == "start" and depth == 2 and element.tag == f"{{{TEI_NS}}}text":
                return True
            if event == "end" and depth >= 1:
                element.clear()
                while element.getprevious() is not None:
                    del element.getparent()[0]
    except etree.XMLSyntaxError:
        return True
    return False


def head_of_work(path: Path, max_bytes: int = MAX_SOURCE_BYTES) -> XmlFile | None:
    """The beginning of a work's file, as far as its text: its root with its header (and what
    else stands before the text), for what a page says of the works beside it; None if the
    file is no work (holds_text) or is refused, as parse() refuses it, in what was read.

    A novel's header is a few kilobytes of it: only as much of the file is read and parsed as
    that takes (parsed as parse() does, with the same safe parser), not its text. What comes
    after the header is not looked at, so a file whose text is broken is still the work it
    says it is here; its own rendering reports the problem. A root that is not TEI is parsed
    whole, as a document to render (holds_text)."""
    try:
        with _opened_source(path) as file:
            if os.fstat(file.fileno()).st_size > max_bytes:
                return None
            head, data = _read_head(file, path)
            if head is _NOT_TEI:
                return parse(path, bytes(data) + file.read(max_bytes + 1 - len(data)), max_bytes)
    except EditionError:
        return None
    return head


_NOT_TEI = object()  # what _read_head finds of a file whose root is not TEI
HEAD_CHUNK = 16_384  # bytes read at a time until the text begins: more than most headers


def _read_head(file: io.BufferedReader, path: Path) -> tuple[XmlFile | None | object, bytearray]:
    """The head of the work (or None, or _NOT_TEI), and the bytes read."""
    parser = etree.XMLPullParser(events=("start", "end"), resolve_entities=False, no_network=True,
                                 load_dtd=False, dtd_validation=False, huge_tree=False,
                                 base_url=path.resolve().as_uri())
    data, depth, root = bytearray(), 0, None  # (a bytearray grows in place, chunk after chunk)
    while chunk := file.read(HEAD_CHUNK):
        data += chunk
        try:
            parser.feed(chunk)
            for event, element in parser.read_events():
                depth += 1 if event == "start" else -1
                if root is None:
                    root = element
                    if element.tag != f"{{{TEI_NS}}}TEI":
                        return _NOT_TEI, data
                    if element.get("type") == INTRODUCTION:
                        return None, data
                if event == "start" and (depth > MAX_DEPTH or element.tag.startswith(f"{{{XINCLUDE_NS}}}")):
                    return None, data  # refused by parse(): nested too deep, or an inclusion
                if event == "start" and depth == 2 and element.tag == f"{{{TEI_NS}}}text":
                    return _refused_doctype(XmlFile(path, root.getroottree(), bytes(data))), data
                if event == "end" and depth == 1 and element.tag != f"{{{TEI_NS}}}teiHeader":
                    root.remove(element)  # a facsimile before the text: not wanted, not kept
        except etree.XMLSyntaxError:
            return None, data
    return None, data  # the file ends before any text


def _refused_doctype(xml: XmlFile) -> XmlFile | None:
    docinfo = xml.tree.docinfo
    return None if docinfo.doctype or docinfo.internalDTD is not None else xml


def _refuse_doctype(path: Path, data: bytes) -> None:
    match = _DOCTYPE.search(data)
    start = match.start() if match else 0
    line = data.count(b"\n", 0, start) + 1
    col = start - (data.rfind(b"\n", 0, start) + 1) + 1
    raise EditionError.at(path, "a document type declaration (<!DOCTYPE>) is not allowed: it can define entities", line, col)


def _refuse_depth(xml: XmlFile) -> None:
    """Saxon's parser stops at elements nested more than 100 deep (lxml at 256): the same limit
    for every tool, said here with the place, rather than a failure in one of them."""
    # One step per level, evaluated by libxml2: linear in the size of the document.
    too_deep = xml.tree.xpath("/*" * (MAX_DEPTH + 1))
    if too_deep:
        raise EditionError.at(xml.path, f"elements are nested more than {MAX_DEPTH} deep here, more than the "
                              "edition's tools can read", *xml.position(too_deep[0]))


def _refuse_xinclude(xml: XmlFile) -> None:
    """XInclude is never processed; an inclusion is refused rather than silently left out."""
    for element in xml.tree.iter(f"{{{XINCLUDE_NS}}}*"):
        raise EditionError.at(xml.path, f"XInclude ({element.get('href', 'no href')}) is not allowed: "
                              "every file of the edition must be complete in itself", *xml.position(element))


def _parser_message(error: etree.XMLSyntaxError) -> str:
    # lxml appends ", line L, column C" that the path:line:col prefix already says.
    return re.sub(r", line \d+, column \d+$", "", error.msg)


def _positions(tree: etree._ElementTree, data: bytes) -> dict:
    expat = xml.parsers.expat.ParserCreate()
    starts: list[tuple[int, int]] = []
    expat.StartElementHandler = lambda name, attrs: starts.append(
        (expat.CurrentLineNumber, expat.CurrentColumnNumber + 1)
    )
    try:
        expat.Parse(data, True)
    except xml.parsers.expat.ExpatError:
        return {}  # lxml accepted what expat did not; fall back to lines alone
    elements = list(tree.getroot().iter(etree.Element))
    return dict(zip(elements, starts)) if len(elements) == len(starts) else {}


def element_at(tree: etree._ElementTree, path: str):
    """The element an XPath 3.1 path() names (``/Q{ns}TEI[1]/Q{ns}text[1]...``), or None."""
    steps = re.findall(r"Q\{([^}]*)\}([^\[/]+)\[(\d+)\]", path)
    if not steps:
        return None
    found = tree.xpath("".join(f"/*[local-name()='{local}' and namespace-uri()='{ns}'][{n}]" for ns, local, n in steps))
    return found[0] if found else None
