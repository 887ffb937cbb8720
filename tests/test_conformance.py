"""Every TEI file of the edition, and its ODD, is valid against the official TEI P5 schema."""

from __future__ import annotations

from lxml import etree


def test_every_file_is_valid_tei_p5(project, tei_all):
    files = project.text_files() + [project.schema / "edition.odd"]
    errors = {}
    for path in files:
        if not tei_all.validate(etree.parse(str(path))):
            errors[path.name] = [f"{e.line}: {e.message}" for e in tei_all.error_log]
    assert errors == {}
    assert len(files) >= 4
