"""A citation scheme is data: @match and @use stay inside a small XPath language, @delim is
punctuation, and whatever references a scheme yields cannot name a file outside the build,
read the environment, or run without end."""

from __future__ import annotations

import re

import pytest

from conftest import run_apart, run_in as run
from edition.scheme import SchemeError, check_expression
from edition.build import _shared_outputs
from edition.manifest import Record

MIM = "mim-program-1996.xml"
POINTS = """<citeStructure unit="point" match="/TEI/text/body/div[@type = 'point']" use="@n">"""
BLOCKS = """<citeStructure unit="block" match="p | cit" use="position()" delim="."/>"""
LOCATED = re.compile(r"^\S+:\d+:\d+: error: .+$")




def with_scheme(project, old: str, new: str) -> None:
    path = project.texts / MIM
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def refused_at_its_place(result, words: str) -> None:
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output
    lines = result.stderr.splitlines()
    assert lines and all(LOCATED.match(line) for line in lines), lines
    assert any(MIM in line and words in line for line in lines), lines


def test_a_delimiter_that_climbs_out_of_the_build_is_refused_and_writes_nothing(project_copy, tmp_path):
    victim = tmp_path / "victim"
    climb = "/.." * 40 + str(victim / "pom")
    with_scheme(project_copy, BLOCKS, f"""<citeStructure unit="block" match="p[1]" use="''" delim="{climb}"/>""")
    refused_at_its_place(run(project_copy, "validate"), "@delim")
    refused_at_its_place(run(project_copy, "build", "--quiet", "--format", "html,dts"), "@delim")
    assert not victim.exists()
    assert not (project_copy.root / "build").exists()


def test_the_environment_cannot_be_read_by_a_scheme(project_copy):
    secret = "s3cr3t-token-value"
    with_scheme(project_copy, POINTS, POINTS.replace('use="@n"', '''use="@n || environment-variable('CI_SECRET_TOKEN')"'''))
    env = {"CI_SECRET_TOKEN": secret}
    for command in (["validate"], ["build", "--quiet"], ["cite", "mim-program-1996:7"]):
        result = run(project_copy, *command, env=env)
        refused_at_its_place(result, "@use")
        assert secret not in result.output
    assert not (project_copy.root / "build").exists()


@pytest.mark.parametrize("use", [
    "count((1 to 1000000000000)[. = 0])",  # ran for ever
    "string-join((1 to 100000000) ! 'xxxxxxxxxxxxxxxx')",  # grew to gigabytes
    "for $i in 1 to 10 return $i",
    "unparsed-text('/etc/passwd')",
    "doc('file:///etc/passwd')",
])
def test_expressions_outside_the_language_are_refused_before_they_run(project_copy, use):
    with_scheme(project_copy, BLOCKS, BLOCKS.replace('use="position()"', f'use="{use.replace("<", "&lt;")}"'))
    # In a process of its own with a deadline: a regression hangs no test run.
    result = run_apart(project_copy, "validate", timeout=60)
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr
    assert any(MIM in line and "@use" in line and LOCATED.match(line) for line in result.stderr.splitlines())


def test_a_reference_that_is_not_a_plain_word_is_refused_at_its_element(project_copy):
    # The expression is in the language, but the heads it reads are sentences, not references.
    with_scheme(project_copy, POINTS, POINTS.replace('use="@n"', 'use="head"'))
    assert run(project_copy, "validate").exit_code == 0
    result = run(project_copy, "build", "--quiet", "--format", "html")
    refused_at_its_place(result, "not a plain word")
    assert not (project_copy.root / "build").exists()


@pytest.mark.parametrize("expression", [
    "/TEI/text/body/div[@type = 'point']", "@n", "p | cit", "position()", "//body/div", "tei:div[@n]",
    "div[@type = 'chapter'][head]", "count(preceding-sibling::div) + 1", "l", "string(@n)", "./@xml:id",
    "ancestor::div[1]/@n", "text()", "*[not(self::head)]", "p[position() = last()]",
])
def test_the_schemes_of_the_tei_guidelines_are_in_the_language(expression):
    check_expression(expression)


@pytest.mark.parametrize("expression", [
    "", "@n || 'x'", "$x", "a ! b", "1 to 9", "Q{urn:x}a", "namespace::*", "system-property('x')",
    "serialize(.)", "p[p[p[p[p[1]]]]]", "@n" + " " * 300, "document('x')", "current-dateTime()",
])
def test_everything_else_is_not(expression):
    with pytest.raises(SchemeError):
        check_expression(expression)


def test_a_lenient_build_refuses_a_scheme_outside_the_language_too(project_copy, tmp_path):
    # A lenient build renders an invalid document generically, but the pages over the whole
    # edition (the comparison) would still evaluate its scheme: it is refused all the same.
    secret = "s3cr3t-token-value"
    with_scheme(project_copy, POINTS, POINTS.replace('use="@n"', '''use="environment-variable('SECRET_TOKEN') || @n"'''))
    result = run(project_copy, "build", "--quiet", "--lenient", "--format", "html", "--out", tmp_path / "out",
                 env={"SECRET_TOKEN": secret})
    refused_at_its_place(result, "@use")
    assert not (tmp_path / "out").exists()


def test_a_reference_that_spells_another_document_s_id_writes_no_file_of_it(project_copy):
    # "mim-program" citing its point as "1996" once wrote mim-program-1996.ris, the citation
    # file of the document mim-program-1996; a passage's citation files are now made in the
    # page, and no output is named by a reference joined to a document id.
    llco = (project_copy.texts / "llco-what-we-strive-for.xml").read_text(encoding="utf-8")
    forged = (llco.replace(">llco-what-we-strive-for</idno>", ">mim-program</idno>")
              .replace('xml:id="llco-what-we-strive-for"', 'xml:id="mim-program"'))
    point = re.search(r'<citeStructure unit="point"[^>]*>', forged).group()
    forged = forged.replace(point, """<citeStructure unit="point" match="/TEI/text/body/div[@type = 'point'][1]" """
                                   """use="'1996'">""")
    (project_copy.texts / "mim-program.xml").write_text(forged, encoding="utf-8")
    result = run(project_copy, "build", "--quiet", "--format", "html")
    assert result.exit_code == 0, result.output
    ris = (project_copy.root / "build" / "html" / "cite" / "mim-program-1996.ris").read_text(encoding="utf-8")
    assert "ID  - mim-program-1996\n" in ris


def test_two_sources_writing_one_output_are_refused():
    def record(source: str, position: tuple[int, int], outputs: list[str]) -> Record:
        return Record(source, "", "", position, False, (), {output: "" for output in outputs}, "")
    records = {"a.xml": record("texts/a.xml", (2, 1), ["html/a-1.html", "html/a.html"]),
               "b.xml": record("texts/b.xml", (3, 4), ["html/a-1.html"])}
    [problem] = _shared_outputs(records)
    assert (problem.path, problem.line, problem.col) == ("texts/b.xml", 3, 4)
    assert "its output html/a-1.html is also an output of a.xml" in problem.message