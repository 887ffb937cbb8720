"""The schema has one source, schema/edition.odd, and the generated files follow it."""

from __future__ import annotations

import shutil

from edition import schema
from edition.project import find_project


def test_the_committed_schema_files_are_up_to_date(project):
    assert schema.stale(project) == [], "run `edition schema` and commit the result"


def test_a_change_of_the_odd_makes_them_stale(tmp_path, project):
    copy = tmp_path / "edition"
    for folder in ("schema", "xslt"):
        shutil.copytree(project.root / folder, copy / folder)
    shutil.copy(project.root / "pyproject.toml", copy)
    odd = copy / "schema" / "edition.odd"
    odd.write_text(odd.read_text(encoding="utf-8").replace('<valItem ident="run-in">', '<valItem ident="inline">'), encoding="utf-8")
    stale_copy = find_project(copy)
    assert schema.stale(stale_copy) == ["edition.rng"]
    schema.write(stale_copy)
    assert schema.stale(stale_copy) == []
    assert "<value>inline</value>" in (copy / "schema" / "edition.rng").read_text(encoding="utf-8")


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
