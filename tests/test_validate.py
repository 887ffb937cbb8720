"""`edition validate`: the texts are valid, and broken copies are refused at the right place."""

from __future__ import annotations

import json

import pytest
from lxml import etree

from conftest import position_of
from edition import validate


def test_the_edition_is_valid(cli, project):
    result = cli("validate")
    assert result.exit_code == 0, result.output
    assert result.output == f"valid: {len(project.text_files())} files, no problems\n"


def break_copy(texts_copy, old: str, new: str, name: str = "mim-program-1996.xml"):
    path = texts_copy / name
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path, text.replace(old, new, 1)


# (what is broken, text replaced, replacement, where the error is, message). The error is at
# the start tag that holds ``where``, or at ``where`` itself when it begins with the ">" that
# closes a start tag.
BROKEN = [
    ("dangling @ref", 'ref="registers.xml#lenin"', 'ref="registers.xml#nobody"', 'registers.xml#nobody',
     '@ref="registers.xml#nobody" points to no element of the edition'),
    # The parser itself refuses a second xml:id, at the end of the start tag.
    ("duplicate xml:id", '<p>We believe that communism', '<p xml:id="point-1">We believe that communism',
     '>We believe that communism', "ID point-1 already defined"),
    ("point without head", '<head>4. We want organization.</head>', '', '<div type="point" n="4"',
     "point 4 has no head"),
    ("skipped number", 'n="10" xml:id="point-10">\n        <head>10.',
     'n="11" xml:id="point-11">\n        <head>11.', '<div type="point" n="11"',
     'point numbered "11" where 10 is expected: points are numbered consecutively from 1'),
    ("undeclared value", '<cit type="block">', '<cit type="inline">', '<cit type="inline">',
     None),
    ("commentary without a source", '<ptr\n          type="source" target="registers.xml#src-mao-new-democracy-1940"/>', '',
     '<note type="commentary"><q>New Democracy', 'a commentary note must point to its source(s) (ptr type="source")'),
]


def test_a_link_of_the_alignment_to_a_missing_point_is_refused(cli, texts_copy):
    path, text = break_copy(texts_copy, "llco-what-we-strive-for.xml#point-7", "llco-what-we-strive-for.xml#point-70",
                            "alignment.xml")
    result = cli("validate", path)
    assert result.exit_code == 1
    line, col = position_of(text, 'xml:id="align-institutions"')
    assert result.stderr.splitlines() == [
        f'{path}:{line}:{col}: error: the second end of link align-institutions, '
        f'"llco-what-we-strive-for.xml#point-70", is not a point of the edition or a block of one']


@pytest.mark.parametrize("what, old, new, where, message", BROKEN, ids=[b[0] for b in BROKEN])
def test_a_broken_copy_is_refused_at_the_right_place(cli, texts_copy, what, old, new, where, message):
    path, text = break_copy(texts_copy, old, new)
    result = cli("validate", path)
    assert result.exit_code == 1
    line, col = position_of(text, where, element_start=not where.startswith(">"))
    lines = result.stderr.splitlines()
    located = [l for l in lines if l.startswith(f"{path}:{line}:{col}: error: ")]
    assert located, f"no error at {line}:{col} in {lines}"
    if message:
        assert f"{path}:{line}:{col}: error: {message}" in lines
    assert "Traceback" not in result.output


def test_malformed_xml_gives_the_parsers_message_and_position(cli, texts_copy):
    path, text = break_copy(texts_copy, "<head>1. We want communism.</head>", "<head>1. We want communism.")
    result = cli("validate", path)
    assert result.exit_code == 1
    line = text.index("</div>", text.index("1. We want communism."))
    line = text.count("\n", 0, line) + 1
    [error] = result.stderr.splitlines()
    assert error.startswith(f"{path}:{line}:")
    assert "Opening and ending tag mismatch: head" in error


def test_an_external_entity_is_never_expanded(cli, texts_copy):
    path = texts_copy / "mim-program-1996.xml"
    text = path.read_text(encoding="utf-8")
    payload = '<!DOCTYPE TEI [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n'
    text = text.replace("<TEI ", payload + "<TEI ", 1).replace("We want communism.</head>", "&xxe;</head>", 1)
    path.write_text(text, encoding="utf-8")
    result = cli("validate", path)
    assert result.exit_code == 1
    line, col = position_of(text, "<!DOCTYPE", element_start=False)
    assert result.stderr.splitlines() == [
        f"{path}:{line}:{col}: error: a document type declaration (<!DOCTYPE>) is not allowed: it can define entities"
    ]
    assert "root:" not in result.output


def test_all_problems_of_all_files_are_reported_in_one_run(cli, texts_copy):
    mim, _ = break_copy(texts_copy, 'ref="registers.xml#lenin"', 'ref="registers.xml#nobody"')
    llco, _ = break_copy(texts_copy, '<head rend="run-in">4.', '<head rend="run-in">5.', "llco-what-we-strive-for.xml")
    result = cli("validate", mim, llco)
    assert result.exit_code == 1
    assert {line.split(":", 1)[0] for line in result.stderr.splitlines()} == {str(mim), str(llco)}


def test_json_output_lists_the_problems_for_tools(cli, texts_copy):
    path, _ = break_copy(texts_copy, 'ref="registers.xml#lenin"', 'ref="registers.xml#nobody"')
    result = cli("validate", "--format", "json", path)
    assert result.exit_code == 1
    problems = json.loads(result.stdout)
    assert {p["path"] for p in problems} == {str(path)}
    assert all(p["line"] > 0 and p["col"] > 0 and p["message"] for p in problems)


def test_usage_errors_exit_2(cli):
    assert cli("validate", "--format", "yaml").exit_code == 2
    assert cli("validate", "no-such-file.xml").exit_code == 2


@pytest.mark.parametrize("command", [("validate",), ("build", "--quiet"), ("cite", "mim-program-1996")])
def test_a_command_outside_an_edition_is_a_usage_error(cli, monkeypatch, tmp_path, command):
    monkeypatch.chdir(tmp_path)
    result = cli(*command)
    assert result.exit_code == 2
    assert "not inside an edition" in result.stderr and "Traceback" not in result.output


def test_a_text_copied_away_from_its_registers_is_refused_once_saying_they_must_sit_beside_it(cli, tmp_path, project):
    # The edition's files point to each other by file name: a text checked in a folder without
    # registers.xml gets one problem, at its first pointer, not one for each of its pointers.
    text = (project.texts / "mim-program-1996.xml").read_text(encoding="utf-8")
    copy = tmp_path / "mim-program-1996.xml"
    copy.write_text(text, encoding="utf-8")
    result = cli("validate", copy)
    assert result.exit_code == 1
    problems = result.stderr.splitlines()
    pointers = text.count('"registers.xml#') + text.count(" registers.xml#")
    line, col = position_of(text, 'registers.xml#')
    assert problems == [f'{copy}:{line}:{col}: error: registers.xml is not beside this file: '
                        f'@ref="registers.xml#mim" names it by its file name, so it must sit in the same folder '
                        f'({tmp_path}); {pointers - 1} other pointers of this file name it too']


# Every pattern of the Schematron broken at least once: (file, text replaced, replacement).
EVERY_PATTERN_BROKEN = [
    # (in a file no other file reads: the parser that reads a file for the rules refuses it)
    ("introduction.xml", '<div type="section" xml:id="transmission">', '<div type="section" xml:id="organisations">'),
    ("mim-program-1996.xml", 'ref="registers.xml#lenin"', 'ref="registers.xml#nobody"'),
    ("mim-program-1996.xml", '<seg type="allusion" source="registers.xml#bpp-ten-point-program">land,',
     '<seg type="allusion" source="registers.xml#nothing" ana="#nowhere" corresp="#point-1 #point-1">land,'),
    ("mim-program-1996.xml", 'target="registers.xml#src-mao-new-democracy-1940"', 'target="javascript:alert(1)"'),
    ("mim-program-1996.xml", '<edition n="1.0.0">', '<edition n="01.0">'),
    ("mim-program-1996.xml", "registers.xml#death-of-mao-zedong registers.xml#arrest",
     "registers.xml#mao-zedong registers.xml#arrest"),
    ("mim-program-1996.xml", 'n="10" xml:id="point-10">\n        <head>10.', 'n="11" xml:id="point-11">\n        <head>11.'),
    ("mim-program-1996.xml", '<cit type="block">', '<cit type="block"/><cit type="block">'),
    ("mim-program-1996.xml", '<citeStructure unit="point"', '<citeStructure unit="-point"'),
    ("mim-program-1996.xml", "<choice><corr>independent</corr>", "<choice><corr>independent</corr><corr>x</corr>"),
    ("mim-program-1996.xml", '<docDate when="1996-08">', '<docDate when="1996-8">'),
    ("mim-program-1996.xml", '<idno type="document">mim-program-1996</idno>', '<idno type="document">mim-program</idno>'),
    ("mim-program-1996.xml", '<div type="archive-note" decls="#source-archive-note">', '<div decls="#nothing">'),
    ("mim-program-1996.xml", 'notBefore="2008-02-10" cert="low"', 'notBefore="2008-02-10"'),
    ("mim-program-1996.xml", '<note type="commentary">', "<note>"),
    ("mim-program-1996.xml", '<seg type="allusion" source="registers.xml#bpp-ten-point-program">We believe',
     '<seg type="allusion">We believe'),
    ("alignment.xml", "llco-what-we-strive-for.xml#point-7", "llco-what-we-strive-for.xml#point-70"),
]


def test_the_rules_visit_the_nodes_they_are_about_and_find_what_a_walk_of_every_node_finds(texts_copy, project):
    # Each pattern applies its rules to the nodes their contexts select, where lxml's skeleton
    # walks the whole document for each pattern: the reports must be the same, rule for rule.
    for name, old, new in EVERY_PATTERN_BROKEN:
        break_copy(texts_copy, old, new, name)
    schema = etree.parse(str(project.schema / "edition.sch"))
    walking = validate.Rules(validate.rules_stylesheet(schema, fired_rules=True))
    visiting = validate.rules_stylesheet(schema, fired_rules=True)
    validate.visit_rule_contexts(visiting)
    visiting = validate.Rules(visiting)
    failed = set()
    for path in sorted(texts_copy.glob("*.xml")):
        # recover: the parser keeps a second identifier, which the rules are to find
        parser = etree.XMLParser(recover=True, resolve_entities=False, no_network=True)
        tree = etree.ElementTree(etree.fromstring(path.read_bytes(), parser, base_url=path.as_uri()))
        report = _report(visiting, tree)
        assert report == _report(walking, tree), path.name
        assert any(kind == "fired-rule" for kind, *_ in report)
        failed |= {pattern for kind, pattern, *_ in report if kind == "failed-assert"}
    assert failed == set(schema.xpath("//sch:pattern/@id", namespaces={"sch": "http://purl.oclc.org/dsdl/schematron"}))


# Contexts of every kind a pattern can have, each rule failing wherever it fires: a node the
# skeleton's walk does not visit (text, a comment) must not be visited here either.
KINDS_OF_CONTEXT = """<sch:schema xmlns:sch="http://purl.oclc.org/dsdl/schematron" queryBinding="xslt">
  <sch:ns prefix="tei" uri="http://www.tei-c.org/ns/1.0"/>
  <xsl:key xmlns:xsl="http://www.w3.org/1999/XSL/Transform" name="heads" match="tei:head | tei:head/text()" use="'all'"/>
  <sch:pattern id="nodes">
    <sch:rule context="tei:head/text()"><sch:assert test="false()">text</sch:assert></sch:rule>
    <sch:rule context="comment() | processing-instruction()"><sch:assert test="false()">other</sch:assert></sch:rule>
    <sch:rule context="tei:div/node()[2]"><sch:assert test="false()">second</sch:assert></sch:rule>
  </sch:pattern>
  <sch:pattern id="positions">
    <sch:rule context="/"><sch:assert test="false()">root</sch:assert></sch:rule>
    <sch:rule context="tei:p[position() = last()] | *[2]/@*"><sch:assert test="false()">last</sch:assert></sch:rule>
    <sch:rule context="@xml:id | @n[. &gt; 3]"><sch:assert test="false()">attribute</sch:assert></sch:rule>
  </sch:pattern>
  <sch:pattern id="keys">
    <sch:rule context="key('heads', 'all')"><sch:assert test="false()">key</sch:assert></sch:rule>
  </sch:pattern>
</sch:schema>"""


def test_rules_of_every_kind_of_context_fire_where_the_skeletons_walk_fires_them(project):
    schema = etree.ElementTree(etree.fromstring(KINDS_OF_CONTEXT))
    walking = validate.Rules(validate.rules_stylesheet(schema, fired_rules=True))
    visiting = validate.rules_stylesheet(schema, fired_rules=True)
    validate.visit_rule_contexts(visiting)
    visiting = validate.Rules(visiting)
    failed = set()
    for path in project.text_files():
        tree = etree.parse(str(path))
        report = _report(visiting, tree)
        assert report == _report(walking, tree), path.name
        failed |= {text for kind, _, _, text in report if kind == "failed-assert"}
    assert failed == {"root", "second", "last", "attribute", "key"}


def _report(rules: validate.Rules, tree) -> list[tuple[str, ...]]:
    """Each rule fired and each assertion failed, in order: kind, pattern, rule or location, text."""
    entries, pattern = [], None
    for entry in rules(tree).getroot().iterchildren(etree.Element):
        kind = etree.QName(entry).localname
        pattern = entry.get("id") if kind == "active-pattern" else pattern
        entries.append((kind, pattern, entry.get("context") or entry.get("location") or "", " ".join(entry.itertext())))
    return entries


def test_a_compiled_schematron_of_another_shape_is_refused_rather_than_checking_less(project):
    # A rule that no longer steps on to its node's attributes and children: visiting only the
    # rules' nodes would not be what the skeleton does, so the validator refuses to start.
    stylesheet = validate.rules_stylesheet(etree.parse(str(project.schema / "edition.sch")))
    xsl = "{http://www.w3.org/1999/XSL/Transform}"
    rule = next(t for t in stylesheet.iterfind(f"{xsl}template[@mode]") if t.get("match") == "tei:ptr")
    rule.remove(rule.find(f"{xsl}apply-templates[@select='@*|*']"))
    with pytest.raises(validate.UnexpectedSkeleton, match="tei:ptr"):
        validate.visit_rule_contexts(stylesheet)
