"""The TEI the edition publishes (``build/html/tei/``, the DTS document endpoint): inert,
whoever wrote the source.

A browser opens a published file as XML. In the TEI namespace nothing there is acted on,
but a processing instruction (``<?xml-stylesheet?>`` loads and runs a stylesheet), an
element of another vocabulary (XHTML ``script`` or ``meta``, SVG with ``onload``) or an
attribute of one (XLink) is. So the published form keeps only TEI elements, their own
attributes and ``xml:*`` ones (ids, languages), text and comments; a document type
declaration is never written (the parser refuses one anyway).
"""

from __future__ import annotations

import copy
import re
from pathlib import Path

from lxml import etree

from .errors import EditionError
from .xmlfile import TEI_NS, XmlFile

XML_ATTRIBUTE = "{http://www.w3.org/XML/1998/namespace}"
DECLARATION = b'<?xml version="1.0" encoding="UTF-8"?>\n'
_DECLARED_ENCODING = re.compile(rb"""\A(?:\xef\xbb\xbf)?<\?xml[^>]*?encoding\s*=\s*["']([^"']*)["']""")


def published(xml: XmlFile) -> bytes:
    """The published form of a TEI file, as UTF-8 XML: the source's own bytes when it holds
    nothing to remove (an edition's text is then copied exactly, at the cost of one walk over
    its tree), otherwise its inert copy with the comments around its root."""
    root = xml.tree.getroot()
    if etree.QName(root).namespace != TEI_NS:
        raise EditionError.at(xml.path, f"the root element is {root.tag}: only TEI is published",
                              *xml.position(root))
    if _is_utf8(xml.data) and not xml.tree.docinfo.doctype and not _removable(root):
        return xml.data
    parts = [*reversed(_comments(root.itersiblings(preceding=True))), inert(root), *_comments(root.itersiblings())]
    return DECLARATION + b"\n".join(etree.tostring(part, encoding="UTF-8", with_tail=False) for part in parts) + b"\n"


def publish(xml: XmlFile, path: Path) -> Path:
    path.write_bytes(published(xml))
    return path


def inert(element: etree._Element) -> etree._Element:
    """A copy of a TEI element without processing instructions, foreign elements and foreign
    attributes.

    A foreign element is unwrapped, not dropped: its text and the TEI elements inside it
    stay where they were. In the TEI namespace they are only words and markup that no browser
    acts on, so keeping them costs no safety, and it keeps every word the generic rendering
    shows (it renders foreign elements' text too) in the source it links to: a reader can
    check the page against it. A script's code thus survives as plain text, inert.
    """
    found = copy.deepcopy(element)
    found.tail = None
    etree.strip_elements(found, etree.ProcessingInstruction, with_tail=False)
    etree.strip_tags(found, *{f"{{{etree.QName(e).namespace or ''}}}*" for e in _foreign_elements(found)})
    for child in found.iter(etree.Element):
        for name in [name for name in child.attrib if _foreign_attribute(name)]:
            del child.attrib[name]
    etree.cleanup_namespaces(found)
    return found


# A processing instruction, an element of another vocabulary or an attribute of one, in or
# under the root: asked of libxml2 in one pass, where a walk in Python took some 10 ms for a
# 700 kB novel.
_HOLDS_FOREIGN = etree.XPath("boolean(.//processing-instruction() | descendant-or-self::*[namespace-uri() != $tei]"
                             " | descendant-or-self::*/@*[namespace-uri() != '' and namespace-uri() != $xml])")


def _removable(root: etree._Element) -> bool:
    """Whether anything in the document (its root's neighbours included) is not published."""
    neighbours = [*root.itersiblings(preceding=True), *root.itersiblings()]
    return (any(isinstance(node, etree._ProcessingInstruction) for node in neighbours)
            or _HOLDS_FOREIGN(root, tei=TEI_NS, xml=XML_ATTRIBUTE.strip("{}")))


def _foreign_elements(root: etree._Element):
    return (element for element in root.iter(etree.Element) if etree.QName(element).namespace != TEI_NS)


def _foreign_attribute(name: str) -> bool:
    """An attribute of another vocabulary: TEI's own have no namespace."""
    return name.startswith("{") and not name.startswith(XML_ATTRIBUTE)


def _comments(nodes) -> list:
    return [node for node in nodes if isinstance(node, etree._Comment)]


def _is_utf8(data: bytes) -> bool:
    """Whether the source's bytes are already UTF-8, as its declaration (if any) says."""
    declared = _DECLARED_ENCODING.match(data)
    if declared and declared.group(1).lower() not in (b"utf-8", b"utf8"):
        return False
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True
