"""A page names the works beside it by their headers (edition.outputs.html.neighbours), read as
far as the text of each file (edition.xmlfile.head_of_work): the same header a whole parse
gives, refused where a whole parse refuses it in what is read, and no more of a novel read."""

from __future__ import annotations

import pytest
from lxml import etree

from edition.xmlfile import TEI_NS, head_of_work, holds_text, parse

HEADER = ('<teiHeader><fileDesc><titleStmt><title>A &amp; B</title></titleStmt><publicationStmt>'
          '<idno type="document">a-b</idno></publicationStmt></fileDesc></teiHeader>')
TEXT = "<text><body><p>words</p></body></text>"


def tei(inside: str, attributes: str = "") -> str:
    return f'<TEI xmlns="{TEI_NS}"{attributes}>{inside}</TEI>'


def header(xml) -> bytes:
    return etree.tostring(xml.tree.getroot().find(f"{{{TEI_NS}}}teiHeader"))


@pytest.mark.parametrize("source", [
    tei(HEADER + TEXT),
    tei(HEADER + "<facsimile><surface/></facsimile>" + TEXT),
    '<?xml version="1.0" encoding="ISO-8859-1"?>' + tei(HEADER.replace("A &amp; B", "caf\xe9") + TEXT),
], ids=["plain", "facsimile before the text", "latin-1"])
def test_the_head_has_the_header_a_whole_parse_has(tmp_path, source):
    path = tmp_path / "a-b.xml"
    path.write_bytes(source.encode("iso-8859-1" if "ISO-8859-1" in source else "utf-8"))
    assert header(head_of_work(path)) == header(parse(path))


@pytest.mark.parametrize("source", [
    tei(HEADER + TEXT, ' type="introduction"'),
    tei(HEADER + "<standOff/>"),
    "<!DOCTYPE TEI>" + tei(HEADER + TEXT),
    '<!DOCTYPE TEI [<!ENTITY x SYSTEM "file:///etc/passwd">]>' + tei(HEADER.replace("A &amp; B", "&x;") + TEXT),
    tei(f'<teiHeader><include xmlns="http://www.w3.org/2001/XInclude" href="/etc/passwd"/></teiHeader>{TEXT}'),
    tei("<teiHeader>" + "<a>" * 120 + "</a>" * 120 + "</teiHeader>" + TEXT),
    tei("<teiHeader><a></teiHeader>" + TEXT),
    "",
], ids=["introduction", "no text", "doctype", "entity", "xinclude", "too deep", "malformed header", "empty"])
def test_what_is_no_work_or_is_refused_has_no_head(tmp_path, source):
    path = tmp_path / "a-b.xml"
    path.write_text(source, encoding="utf-8")
    assert head_of_work(path) is None


def test_a_file_over_the_size_limit_a_link_and_a_folder_have_no_head(tmp_path):
    path = tmp_path / "a-b.xml"
    path.write_text(tei(HEADER + TEXT), encoding="utf-8")
    assert head_of_work(path, max_bytes=path.stat().st_size - 1) is None
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "c.xml").write_text(tei(HEADER + TEXT), encoding="utf-8")
    (tmp_path / "c.xml").symlink_to(outside / "c.xml")
    assert head_of_work(tmp_path / "c.xml") is None
    (tmp_path / "d.xml").mkdir()
    assert head_of_work(tmp_path / "d.xml") is None


def test_a_root_that_is_not_tei_is_parsed_whole_as_a_document_to_render(tmp_path):
    path = tmp_path / "other.xml"
    path.write_text("<other><text/></other>", encoding="utf-8")
    assert holds_text(path.read_bytes()) and head_of_work(path).tree.getroot().tag == "other"
    path.write_text("<other><text/></othr>", encoding="utf-8")
    assert head_of_work(path) is None


def test_the_text_of_a_novel_is_not_read(tmp_path):
    # Past its first paragraph, its text is not XML at all: a whole parse fails there.
    path = tmp_path / "a-b.xml"
    path.write_bytes(tei(HEADER).encode("utf-8")[:-len("</TEI>")] + b"<text><body><p>" + b"words " * 20_000
                     + b"\x00" * 5_000_000)
    found = head_of_work(path)
    assert found is not None and found.tree.getroot().find(f"{{{TEI_NS}}}teiHeader//{{{TEI_NS}}}idno").text == "a-b"
    assert len(found.data) < 1_000_000
