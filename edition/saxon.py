"""XSLT 3.0 with saxonche: the only module that imports it.

Each stylesheet is compiled once per process and reused for every document.
Documents reach Saxon as text already parsed by lxml's safe parser, and once
the stylesheets are compiled Saxon is told to allow no protocol at all, so a
transform can read no file and no URL (doc(), unparsed-text(), collection()).
"""

from __future__ import annotations

import re
from collections import OrderedDict
from pathlib import Path

from lxml import etree
from saxonche import PySaxonApiError, PySaxonProcessor, PyXdmNode, PyXdmValue

from . import site
from .errors import EditionError
from .xmlfile import XmlFile, element_at, parse

ALLOWED_PROTOCOLS = "http://saxon.sf.net/feature/allowedProtocols"
RECENT_DOCUMENTS = 8  # the document at hand, the registers, the alignment, the introduction, and room to spare


class Stylesheets:
    """Compiles the named stylesheets of a folder once, then runs them on documents.

    Saxon reads the stylesheets' own modules while compiling; once all are
    compiled, every protocol is refused, so they must all be named up front.
    """

    def __init__(self, folder: Path, names: list[str]):
        self.folder = folder
        self._processor = PySaxonProcessor(license=False)
        self._compiled = {name: self._compile(name) for name in names}
        self._processor.set_configuration_property(ALLOWED_PROTOCOLS, "")
        self._recent: OrderedDict[int, tuple[etree._ElementTree, PyXdmNode]] = OrderedDict()

    @property
    def version(self) -> str:
        return self._processor.version

    def transform(self, name: str, tree: etree._ElementTree | PyXdmNode, source: Path, params: dict | None = None) -> str:
        """Run stylesheet ``name`` on a parsed document; the result as a string."""
        executable = self._compiled[name]
        document = self.document(tree)
        executable.clear_parameters()
        # Saxon keeps only a pointer to each value: they must outlive the transform.
        values = {key: self._value(value) for key, value in (params or {}).items()}
        for key, value in values.items():
            executable.set_parameter(key, value)
        try:
            return executable.transform_to_string(xdm_node=document)
        except PySaxonApiError as error:
            message = _message(error)
            raise EditionError.at(source, f"transform {name} failed: {message}", *_position(source, message)) from None

    def document(self, value: etree._ElementTree | bytes | PyXdmNode) -> PyXdmNode:
        """A document for Saxon, from an lxml tree or the bytes of one serialised: made once, it
        can be the input or a parameter of any number of transforms."""
        if isinstance(value, PyXdmNode):
            return value
        if isinstance(value, bytes):
            return self._processor.parse_xml(xml_text=value.decode("utf-8"))
        # The trees asked for again and again (the document whose formats are being made, the
        # registers and the alignment every page reads) are made documents once. Each is kept
        # alive here, so that its id stays its own; the least recent beyond a few is let go.
        # (A tree is never changed once parsed: a changed one would be served as it was.)
        if id(value) in self._recent:
            self._recent.move_to_end(id(value))
            return self._recent[id(value)][1]
        return self._remember(value, self.document(etree.tostring(value, encoding="UTF-8")))

    def prime(self, xml: XmlFile) -> None:
        """Make the document of ``xml``'s tree from the bytes of the file, as read, where they
        are UTF-8, instead of from the tree serialised again: the same document (no file has a
        document type, so nothing is expanded), without the cost of serialising a large text."""
        text = _utf8_text(xml.data)
        if text is None or id(xml.tree) in self._recent:
            return
        try:
            self._remember(xml.tree, self._processor.parse_xml(xml_text=text))
        except PySaxonApiError:
            pass  # made from the tree when it is first asked for

    def _remember(self, tree: etree._ElementTree, document: PyXdmNode) -> PyXdmNode:
        self._recent[id(tree)] = (tree, document)
        while len(self._recent) > RECENT_DOCUMENTS:
            self._recent.popitem(last=False)
        return document

    def _value(self, value):
        """A Python value as an XDM value: documents (lxml trees) as document nodes, lists as sequences."""
        if isinstance(value, (list, tuple)):
            sequence = PyXdmValue(self._processor)
            for item in value:
                sequence.add_xdm_item(self._value(item))
            return sequence
        if isinstance(value, (etree._ElementTree, PyXdmNode)):
            return self.document(value)
        if isinstance(value, bool):
            return self._processor.make_boolean_value(value)
        if isinstance(value, int):
            return self._processor.make_integer_value(value)
        return self._processor.make_string_value(str(value))

    def _compile(self, name: str):
        path = self.folder / name
        compiler = self._processor.new_xslt30_processor()
        # The site's constants, declared once in Python: xslt/common/params.xsl.
        for key, value in site.static_parameters().items():
            compiler.set_parameter(key, self._processor.make_string_value(value))
        try:
            return compiler.compile_stylesheet(stylesheet_file=str(path))
        except PySaxonApiError as error:
            raise EditionError.at(path, f"stylesheet does not compile: {_message(error)}") from None


def _utf8_text(data: bytes) -> str | None:
    """The text of a file's bytes if they are UTF-8 and say so or nothing (the default)."""
    declaration = re.match(rb"<\?xml[^>]*?encoding\s*=\s*[\"']([A-Za-z0-9._-]+)", data.removeprefix(b"\xef\xbb\xbf"))
    if declaration and declaration.group(1).lower() not in (b"utf-8", b"utf8"):
        return None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return None


def _message(error: Exception) -> str:
    return re.sub(r"\s+", " ", str(error)).strip()


def _position(source: Path, message: str) -> tuple[int, int]:
    """Where the node named by a path() in the message is, when the stylesheet named one."""
    found = re.search(r" at (/Q\{\S+)", message)
    if not found or not source.is_file():
        return 0, 0
    xml = parse(source)  # again, only on this error path, for the element's column
    node = element_at(xml.tree, found.group(1))
    return xml.position(node) if node is not None else (0, 0)
