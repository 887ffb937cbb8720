"""The schema has one source, schema/edition.odd, and the generated files follow it."""

from __future__ import annotations

from edition import schema


def test_the_committed_schema_files_are_up_to_date(project):
    assert schema.stale(project) == [], "run `edition schema` and commit the result"


def test_a_change_of_the_odd_makes_them_stale(project_copy):
    odd = project_copy.schema / "edition.odd"
    odd.write_text(odd.read_text(encoding="utf-8").replace('<valItem ident="run-in">', '<valItem ident="inline">'), encoding="utf-8")
    assert schema.stale(project_copy) == ["edition.rng"]
    schema.write(project_copy)
    assert schema.stale(project_copy) == []
    assert "<value>inline</value>" in (project_copy.schema / "edition.rng").read_text(encoding="utf-8")


def test_edition_schema_regenerates_both_files(cli):
    result = cli("schema")
    assert result.exit_code == 0
    assert [line.rsplit("/", 1)[1] for line in result.output.splitlines()] == ["edition.rng", "edition.sch"]


def test_every_closed_value_list_reaches_the_grammar(project):
    from lxml import etree

    odd = etree.parse(str(project.schema / "edition.odd"))
    rng = (project.schema / "edition.rng").read_text(encoding="utf-8")
    values = odd.xpath("//tei:valList[@type='closed']/tei:valItem/@ident", namespaces={"tei": "http://www.tei-c.org/ns/1.0"})
    assert values
    assert all(f"<value>{value}</value>" in rng for value in values)
