"""Provenance: each header says where its text is published, what the editors compared and
how, that no archived copy was established, where the transcription comes from and what it
does not record; later layers of a source (the archive's note) and the page's furniture (the
website's banner) are described and encoded as what they are; dates the source does not print
are given as limits, with what was done to establish them and the evidence. The schema holds
the edition to these rules, and accepts the editors' introduction as a document of its own."""

from __future__ import annotations

import re

import lxml.html
import pytest
from lxml import etree

from conftest import SOURCES, WORK_IDS, collapse
from edition.xmlfile import NS, parse

SOURCE_NOTES = ("publication", "comparison", "archived-copy", "transcription", "omissions", "date")
REGISTERS_ID = re.compile(r"^registers\.xml#(.+)$")


def header(project, work_id: str):
    return parse(project.texts / f"{work_id}.xml").tree.find("tei:teiHeader", NS)


def source(project, work_id: str):
    return header(project, work_id).find("tei:fileDesc/tei:sourceDesc/tei:bibl[@type='source']", NS)


def words(element) -> str:
    return collapse("".join(element.itertext()))


def register_ids(project) -> set[str]:
    return set(parse(project.texts / "registers.xml").tree.xpath("//@xml:id"))


@pytest.mark.parametrize("work_id", WORK_IDS)
def test_every_header_gives_the_address_and_the_notes_on_provenance(project, work_id):
    bibl = source(project, work_id)
    [address] = bibl.findall("tei:ref", NS)
    assert re.match(r"https?://[^/\s]+/\S+$", address.get("target"))
    assert words(address) == address.get("target")
    types = [note.get("type") for note in bibl.findall("tei:note", NS)]
    assert sorted(types) == sorted(SOURCE_NOTES)


@pytest.mark.parametrize("work_id", WORK_IDS)
def test_the_transcription_named_is_the_source_file_the_fidelity_tests_hold_it_to(project, work_id):
    note = source(project, work_id).find("tei:note[@type='transcription']", NS)
    [file_name] = [ident.text for ident in note.findall("tei:ident", NS)]
    assert file_name == f"{work_id}.txt" and (SOURCES / file_name).is_file()
    assert "authority for every character" in words(note)


@pytest.mark.parametrize("work_id", WORK_IDS)
def test_no_access_date_is_invented_and_no_archived_copy_claimed(project, work_id):
    bibl = source(project, work_id)
    comparison = words(bibl.find("tei:note[@type='comparison']", NS))
    # The pages were seen as stored copies: the day they were consulted, never a capture date.
    assert "stored copy" in comparison and "captured is not known" in comparison
    assert "were not in that copy" in comparison  # what was not compared is said
    archived = words(bibl.find("tei:note[@type='archived-copy']", NS))
    assert archived.startswith("No archived copy of the page was established")
    assert "Wayback Machine" in archived  # what was looked for
    omissions = words(bibl.find("tei:note[@type='omissions']", NS))
    for missing in ("layout", "typography", "links", "masthead", "navigation"):
        assert missing in omissions


@pytest.mark.parametrize("work_id", WORK_IDS)
def test_every_pointer_of_a_source_description_names_a_reference_of_the_registers(project, work_id):
    ids = register_ids(project)
    description = header(project, work_id).find("tei:fileDesc/tei:sourceDesc", NS)
    pointers = description.xpath(".//tei:ptr/@target", namespaces=NS)
    assert pointers
    for pointer in pointers:
        assert REGISTERS_ID.match(pointer).group(1) in ids, pointer


def test_the_mim_programme_keeps_its_printed_date_and_is_dated_by_the_evidence(project):
    bibl = source(project, "mim-program-1996")
    printed, created = bibl.findall("tei:date", NS)
    assert (printed.get("when"), words(printed), printed.get("type")) == ("1996-08", "August 1996", None)
    assert (created.get("type"), created.get("notBefore"), created.get("notAfter"), created.get("cert")) == (
        "creation", "1995", "1996-08", "medium")
    evidence = bibl.find("tei:note[@type='date']", NS)
    assert "1995 Party Congress" in words(evidence)
    assert "not established" in words(evidence)
    assert {p.get("target") for p in evidence.findall("tei:ptr", NS)} == {
        "registers.xml#src-mim-three-main-points", "registers.xml#src-mim-notes-105-1995"}


def test_the_llco_text_is_dated_by_inference_only_and_its_website_named(project):
    bibl = source(project, "llco-what-we-strive-for")
    [created] = bibl.findall("tei:date", NS)
    assert created.get("when") is None and created.get("notAfter") is None  # nothing printed, no latest date
    assert (created.get("notBefore"), created.get("cert")) == ("2011-06-06", "low")
    evidence = words(bibl.find("tei:note[@type='date']", NS))
    assert "Proletarian World" in evidence and "2016" in evidence and "inference only" in evidence
    assert bibl.find("tei:ref", NS).get("target").startswith("http://llco.org/")
    publication = bibl.find("tei:note[@type='publication']", NS)
    assert "llco.org" in words(publication) and "not affiliated" in words(publication)
    assert "registers.xml#src-leadinglightcommunist-about" in publication.xpath(".//tei:ptr/@target", namespaces=NS)


def test_the_archive_note_is_a_layer_of_its_own_with_its_author_and_dates(project):
    tree = parse(project.texts / "mim-program-1996.xml").tree
    [division] = tree.findall(".//tei:front/tei:div[@type='archive-note']", NS)
    assert division.get("resp") is None  # authorship is not a responsibility for the encoding
    [layer] = tree.xpath("//tei:sourceDesc/tei:listBibl[@type='layers']/tei:bibl[@xml:id = $id]",
                         namespaces=NS, id=division.get("decls").lstrip("#"))
    assert layer.find("tei:author/tei:orgName", NS).get("ref") == "registers.xml#mim-prisons"
    date = layer.find("tei:date", NS)
    assert (date.get("notBefore"), date.get("notAfter"), date.get("cert")) == ("2008-02-10", None, "low")
    evidence = layer.find("tei:note[@type='date']", NS)
    assert evidence.find("tei:ptr", NS).get("target") == "registers.xml#src-mim-suspended"
    # The programme's own metadata is not the note's: its source names MIM alone as author.
    programme = source(project, "mim-program-1996")
    assert [words(a) for a in programme.findall("tei:author", NS)] == ["Maoist Internationalist Movement"]


def test_the_banner_line_is_furniture_not_the_author(project):
    tree = parse(project.texts / "mim-program-1996.xml").tree
    assert tree.find(".//tei:docAuthor", NS) is None
    [banner] = tree.findall(".//tei:text//tei:fw", NS)
    assert (banner.get("type"), words(banner)) == ("header", "Maoist Internationalist Movement")
    # In the source's order: after the archive's note, before the title.
    assert etree.QName(banner.getprevious()).localname == "div"
    assert etree.QName(banner.getnext()).localname == "titlePage"


def test_the_banner_is_rendered_as_furniture_everywhere(built):
    for name in ("mim-program-1996.html", "mim-program-1996.diplomatic.html"):
        page = lxml.html.parse(str(built / "html" / name))
        [banner] = page.xpath("//article//div[contains(@class, 'fw-header')]")
        assert collapse(banner.xpath("string(p[@class='fw-text'])")) == "Maoist Internationalist Movement"
        assert "editorial" in banner.xpath("string(p[1]/@class)")
        assert not page.xpath("//article//*[contains(@class, 'docAuthor')]")
    printed = lxml.html.parse(str(built / "print" / "mim-program-1996.html"))
    assert printed.xpath("//div[contains(@class, 'fw-header')]")
    reading = (built / "text" / "mim-program-1996.txt").read_text(encoding="utf-8")
    assert "[The website’s banner line, not part of the programme]\n\nMaoist Internationalist Movement" in reading
    diplomatic = (built / "text" / "mim-program-1996.diplomatic.txt").read_text(encoding="utf-8")
    assert "banner" not in diplomatic and "\nMaoist Internationalist Movement\n" in diplomatic


@pytest.mark.parametrize("work_id", WORK_IDS)
def test_the_pages_and_the_print_give_the_provenance(built, project, work_id):
    address = source(project, work_id).find("tei:ref", NS).get("target")
    page = lxml.html.parse(str(built / "html" / f"{work_id}.html"))
    about = page.xpath("//details[contains(@class, 'about')]")[0]
    assert about.xpath(".//a[@href = $a]", a=address)
    labels = [collapse(s) for s in about.xpath(".//strong[@class = 'source-note-label']/text()")]
    assert labels == ["Publication.", "Date.", "Compared.", "Archived copy.", "Transcription.", "Not recorded."] + (
        ["Date."] if work_id == "mim-program-1996" else [])
    printed = collapse(lxml.html.parse(str(built / "print" / f"{work_id}.html")).xpath("string(//section[@class='title-leaf'])"))
    assert f"Published at {address}" in printed and "Archived copy." in printed
    if work_id == "mim-program-1996":
        assert "Later layers of the source" in printed and "MIM(Prisons), note of the archive" in printed


# The schema -----------------------------------------------------------------------------

INTRODUCTION = """<?xml version="1.0" encoding="UTF-8"?>
<TEI xmlns="http://www.tei-c.org/ns/1.0" xml:id="introduction" type="introduction" xml:lang="en">
  <teiHeader>
    <fileDesc>
      <titleStmt>
        <title type="main">Introduction</title>
        <respStmt xml:id="editors"><resp>Writing</resp><orgName>The editors</orgName></respStmt>
      </titleStmt>
      <editionStmt><edition n="1.0.0">Version 1.0.0</edition></editionStmt>
      <publicationStmt>
        <publisher>Two Programmes: a digital edition</publisher>
        <date when="2026-11-22">22 November 2026</date>
        <idno type="document">introduction</idno>
        <availability status="free"><licence target="https://creativecommons.org/licenses/by/4.0/">CC BY
          4.0</licence></availability>
      </publicationStmt>
      <sourceDesc><p>Written by the editors.</p></sourceDesc>
    </fileDesc>
    <revisionDesc><change when="2026-11-22" who="#editors" n="1.0.0">Written.</change></revisionDesc>
  </teiHeader>
  <text>
    <body>
      <div type="section" xml:id="organisations">
        <head>The organisations</head>
        <p>The <orgName ref="registers.xml#mim">Maoist Internationalist Movement</orgName> dated
          its programme <date when="1996-08">August 1996</date> (<ref
          cRef="mim-program-1996:title">the title block</ref>); its point 7 speaks of <quote>a
          gender aristocracy</quote> and of <q>wimmin</q>, a <foreign xml:lang="de">Schreibung</foreign>
          of its own<note>A note of the introduction. <ptr type="source"
          target="registers.xml#src-oed-wimmin"/></note> (<ref
          target="registers.xml#src-mim-three-main-points"><title level="a">Three Main
          Points</title></ref>; <persName ref="registers.xml#mao-zedong">Mao</persName>).</p>
        <div type="section">
          <head>A subsection</head>
          <p>Text.</p>
        </div>
      </div>
      <div type="bibliography">
        <head>Bibliography</head>
        <listBibl type="bibliography">
          <bibl><author>Zak Cope</author>, <title level="m">Divided World Divided Class</title>.
            <pubPlace>Montreal</pubPlace>: <publisher>Kersplebedeb</publisher>, <date
            when="2012">2012</date>. <ref target="registers.xml#src-cope-2012">In the
            registers</ref>.</bibl>
        </listBibl>
      </div>
    </body>
  </text>
</TEI>
"""


def write_introduction(texts, replace: tuple[str, str] | None = None):
    text = INTRODUCTION if replace is None else INTRODUCTION.replace(*replace)
    path = texts / "introduction.xml"
    path.write_text(text, encoding="utf-8")
    return path


def test_the_schema_accepts_the_editors_introduction(cli, texts_copy, tei_all):
    path = write_introduction(texts_copy)
    result = cli("validate", path)
    assert result.exit_code == 0, result.stderr
    assert tei_all.validate(etree.parse(str(path))), tei_all.error_log


@pytest.mark.parametrize("change, message", [
    (('xml:id="introduction" type="introduction"', 'xml:id="intro" type="introduction"'),
     "the introduction's identifier is"),
    (("<sourceDesc>", '<sourceDesc>'), None),  # unchanged: valid (a control for the others)
    (("</fileDesc>\n", '</fileDesc>\n    <encodingDesc><refsDecl><citeStructure unit="section" '
      'match="/TEI/text/body/div" use="position()"/></refsDecl></encodingDesc>\n'),
     "the introduction has no citation scheme (refsDecl)"),
    (('<ref\n          cRef="mim-program-1996:title">', '<ref>'), "a ref needs a @target or a @cRef"),
])
def test_the_schema_holds_the_introduction_to_its_form(cli, texts_copy, change, message):
    path = write_introduction(texts_copy, change)
    result = cli("validate", path)
    if message is None:
        assert result.exit_code == 0, result.stderr
    else:
        assert result.exit_code == 1 and message in result.stderr, result.stderr


def break_mim(texts, old: str, new: str):
    path = texts / "mim-program-1996.xml"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


@pytest.mark.parametrize("old, new, message", [
    ('decls="#source-archive-note"', '', "the archive's note needs @decls"),
    ('decls="#source-archive-note"', 'decls="#editors"', "must point to a description in the header's sourceDesc"),
    ('notBefore="2008-02-10" cert="low"', 'notBefore="2008-02-10"', "but no @cert"),
    ('notBefore="1995" notAfter="1996-08"', 'notBefore="1997" notAfter="1996-08"', "later than its @notAfter"),
    ('<note type="date">The archive', '<note type="publication">The archive', 'in a note of type "date"'),
    ('<fw type="header">', '<fw type="footer">', ""),  # not in the closed list: the grammar refuses it
])
def test_the_schema_holds_layers_dates_and_furniture_to_their_rules(cli, texts_copy, old, new, message):
    result = cli("validate", break_mim(texts_copy, old, new))
    assert result.exit_code == 1 and message in result.stderr, result.stderr


@pytest.mark.parametrize("target, valid", [
    ("mim-program-1996.xml#point-7.2 llco-what-we-strive-for.xml#point-4", True),
    ("mim-program-1996.xml#point-7.3 llco-what-we-strive-for.xml#point-4.1", True),
    ("mim-program-1996.xml#point-7.4 llco-what-we-strive-for.xml#point-4", False),
    ("mim-program-1996.xml#point-7.0 llco-what-we-strive-for.xml#point-4", False),
    ("mim-program-1996.xml#point-1.1 llco-what-we-strive-for.xml#point-10", False),
])
def test_a_link_of_the_alignment_may_end_at_a_block_of_a_point(cli, texts_copy, target, valid):
    path = texts_copy / "alignment.xml"
    text = path.read_text(encoding="utf-8")
    first = re.search(r'<link [^>]*target="([^"]+)"', text)
    path.write_text(text.replace(first.group(1), target, 1), encoding="utf-8")
    result = cli("validate", path)
    assert (result.exit_code == 0) is valid, result.stderr


@pytest.mark.parametrize("target, valid", [
    ("mim-program-1996.xml#point-7.2", True),
    ("mim-program-1996.xml#point-7.1 mim-program-1996.xml#point-7.3", True),
    ("mim-program-1996.xml#point-7.4", False),
    ("mim-program-1996.xml#point-7.1 llco-what-we-strive-for.xml#point-1", False),  # one work only
    ("mim-program-1996.xml#point-7.1 mim-program-1996.xml#point-7.1", False),  # each unit once
])
def test_a_one_sided_group_names_units_of_one_work(cli, texts_copy, target, valid):
    path = texts_copy / "alignment.xml"
    text = path.read_text(encoding="utf-8")
    first = re.search(r'<span [^>]*target="([^"]+)"', text)
    assert first, "the alignment has a one-sided group"
    path.write_text(text.replace(first.group(0), first.group(0).replace(first.group(1), target), 1), encoding="utf-8")
    result = cli("validate", path)
    assert (result.exit_code == 0) is valid, result.stderr


@pytest.mark.parametrize("work_id", WORK_IDS)
def test_every_header_says_what_the_edition_is_what_the_text_is_and_on_what_basis_it_is_reproduced(project, work_id):
    head = header(project, work_id)
    assert words(head.find("tei:encodingDesc/tei:projectDesc/tei:p", NS))
    assert words(head.find("tei:profileDesc/tei:abstract/tei:p", NS))
    assert head.find("tei:profileDesc/tei:creation/tei:orgName[@ref]", NS) is not None
    basis = words(head.find("tei:fileDesc/tei:publicationStmt/tei:availability/tei:p", NS))
    assert "permission" in basis and "reproduce" in basis
    keywords = head.find("tei:profileDesc/tei:textClass/tei:keywords", NS)
    [scheme] = head.xpath("tei:encodingDesc/tei:classDecl/tei:taxonomy[@xml:id = $id]", namespaces=NS,
                          id=keywords.get("scheme")[1:])
    assert "controlled vocabulary" in words(scheme.find("tei:desc", NS))


def test_keywords_must_name_their_scheme(cli, texts_copy):
    path = texts_copy / "mim-program-1996.xml"
    path.write_text(path.read_text(encoding="utf-8").replace('<keywords scheme="#keywords">', '<keywords scheme="#nothing">'),
                    encoding="utf-8")
    result = cli("validate", path)
    assert result.exit_code == 1 and '@scheme="#nothing" points to no element of this file' in result.stderr


@pytest.mark.parametrize("work_id", WORK_IDS)
def test_the_about_box_opens_with_the_abstract(built, project, work_id):
    page = lxml.html.parse(str(built / "html" / f"{work_id}.html")).getroot()
    [first] = page.xpath("//details[@class = 'about']/p[1]")
    assert collapse(first.text_content()) == words(header(project, work_id).find("tei:profileDesc/tei:abstract/tei:p", NS))


def test_the_basis_of_reproduction_is_printed_with_the_licences(built, project):
    index = collapse(lxml.html.parse(str(built / "html" / "index.html")).xpath("string(//section[@id = 'licence'])"))
    for work_id in WORK_IDS:
        basis = words(header(project, work_id).find("tei:fileDesc/tei:publicationStmt/tei:availability/tei:p", NS))
        printed = collapse(lxml.html.parse(str(built / "print" / f"{work_id}.html")).xpath("string(//section[@class='title-leaf'])"))
        assert basis in index and basis in printed, work_id
