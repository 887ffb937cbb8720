"""Incremental and parallel builds: what is made again after which change, and what is kept.

A kept output is the previous build's file itself (hard-linked into the new build), so its
inode says whether a build wrote it again.
"""

from __future__ import annotations

import shutil

import pytest

from edition import build as builder
from edition import manifest

FORMATS = ("text", "html")
MIM, LLCO = "mim-program-1996", "llco-what-we-strive-for"


def inodes(folder):
    return {p.relative_to(folder).as_posix(): p.stat().st_ino for p in folder.rglob("*") if p.is_file()}


def rewritten(before, after):
    """The outputs of the new build that are not the previous build's files."""
    return {path for path, inode in after.items() if before.get(path) != inode}


def document_outputs(out, name):
    return set(manifest.read(out)["documents"][f"{name}.xml"]["outputs"])


def edit(path, old, new):
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def add_copy(texts, name, new_id):
    """Another document: a copy of a work under a new id (its own file name)."""
    source = (texts / f"{name}.xml").read_text(encoding="utf-8")
    for old, new in ((f'type="document">{name}<', f'type="document">{new_id}<'), (f'xml:id="{name}"', f'xml:id="{new_id}"')):
        source = source.replace(old, new)
    (texts / f"{new_id}.xml").write_text(source, encoding="utf-8")


@pytest.fixture
def first(project_copy):
    out = builder.build(project_copy, formats=FORMATS)
    return project_copy, out, inodes(out)


def test_an_unchanged_edition_is_not_built_again(first):
    project, out, before = first
    builder.build(project, formats=FORMATS)
    assert inodes(out) == before


def test_a_word_changed_in_a_paragraph_rewrites_that_document_only(first):
    project, out, before = first
    edit(project.texts / f"{MIM}.xml", "the elimination of all oppression", "the elimination of every oppression")
    builder.build(project, formats=FORMATS)
    changed = rewritten(before, inodes(out))
    # Its summary is the same, so no page that lists the documents is written again.
    assert changed - {"manifest.json"} == document_outputs(out, MIM)
    assert "the elimination of every oppression" in (out / "text" / f"{MIM}.txt").read_text(encoding="utf-8")


def test_a_word_changed_around_a_name_rewrites_the_register_pages_that_quote_it(first):
    """The register pages quote the words around each name from the works' lists of places,
    not from their summaries, which keep no such words: a change there must reach them."""
    project, out, before = first
    summary = f"summaries/{MIM}.xml"
    digest = manifest.read(out)["documents"][f"{MIM}.xml"]["outputs"][summary]
    edit(project.texts / f"{MIM}.xml", "follow in the tradition of comrades", "follow in the traditions of comrades")
    builder.build(project, formats=FORMATS)
    assert manifest.read(out)["documents"][f"{MIM}.xml"]["outputs"][summary] == digest
    assert {"html/persons.html", f"occurrences/{MIM}.xml"} <= rewritten(before, inodes(out))
    assert "the traditions of comrades" in (out / "html" / "persons.html").read_text(encoding="utf-8")


def test_a_changed_heading_also_rewrites_the_pages_that_list_the_documents(first):
    project, out, before = first
    edit(project.texts / f"{LLCO}.xml", "1. We want Communism.", "1. We want communism.")
    builder.build(project, formats=FORMATS)
    changed = rewritten(before, inodes(out))
    assert document_outputs(out, LLCO) <= changed
    assert {"html/index.html", "html/themes.html", "html/persons.html"} <= changed
    assert not changed & document_outputs(out, MIM)


def test_a_new_document_is_built_and_listed_and_the_others_are_kept(first):
    project, out, before = first
    add_copy(project.texts, MIM, "mim-program-1996-copy")
    builder.build(project, formats=FORMATS)
    after = inodes(out)
    # The new document's file sorts between the works': both are made again, their pages linking it.
    assert document_outputs(out, LLCO) | document_outputs(out, MIM) <= rewritten(before, after)
    assert 'href="mim-program-1996-copy.html" rel="next"' in (out / "html" / f"{LLCO}.html").read_text(encoding="utf-8")
    assert 'href="mim-program-1996-copy.html" rel="prev"' in (out / "html" / f"{MIM}.html").read_text(encoding="utf-8")
    assert (out / "html" / "mim-program-1996-copy.html").is_file()
    assert "mim-program-1996-copy.html" in (out / "html" / "index.html").read_text(encoding="utf-8")
    (project.texts / "mim-program-1996-copy.xml").unlink()
    builder.build(project, formats=FORMATS)
    assert not (out / "html" / "mim-program-1996-copy.html").exists()
    assert "mim-program-1996-copy" not in (out / "html" / "index.html").read_text(encoding="utf-8")


def test_a_changed_stylesheet_rebuilds_everything(first):
    project, out, before = first
    with open(project.xslt / "text" / "blocks.xsl", "a", encoding="utf-8") as stylesheet:
        stylesheet.write("<!-- changed -->\n")
    builder.build(project, formats=FORMATS)
    after = inodes(out)
    assert all(after[path] != before.get(path) for path in document_outputs(out, MIM) | document_outputs(out, LLCO))


def test_a_missing_output_is_made_again(first):
    project, out, before = first
    (out / "text" / f"{LLCO}.txt").unlink()
    builder.build(project, formats=FORMATS)
    assert (out / "text" / f"{LLCO}.txt").is_file()
    assert rewritten(before, inodes(out)) - {"manifest.json"} == document_outputs(out, LLCO)


def test_an_incremental_build_equals_a_full_build(first, tmp_path):
    project, out, _ = first
    edit(project.texts / f"{LLCO}.xml", "1. We want Communism.", "1. We want communism.")
    add_copy(project.texts, LLCO, "llco-copy")
    builder.build(project, formats=FORMATS)
    full = builder.build(project, formats=FORMATS, out=tmp_path / "full")
    assert snapshot(out) == snapshot(full)


def test_parallel_workers_write_what_one_process_writes(project_copy, tmp_path):
    add_copy(project_copy.texts, MIM, "mim-program-1996-copy")
    serial = builder.build(project_copy, formats=FORMATS, out=tmp_path / "serial", jobs=1)
    parallel = builder.build(project_copy, formats=FORMATS, out=tmp_path / "parallel", jobs=2)
    assert snapshot(parallel) == snapshot(serial)


def test_problems_found_by_the_workers_stop_the_build(project_copy, tmp_path):
    edit(project_copy.texts / f"{MIM}.xml", 'n="2"', 'n="3"')
    shutil.copyfile(project_copy.texts / f"{LLCO}.xml", project_copy.texts / "copy.xml")
    with pytest.raises(builder.EditionError) as failure:
        builder.build(project_copy, formats=FORMATS, out=tmp_path / "out", jobs=2)
    messages = [str(problem) for problem in failure.value.problems]
    assert any("points are numbered consecutively" in m and f"{MIM}.xml:" in m for m in messages)
    assert any("copy.xml:" in m and "differs from the file name" in m for m in messages), messages
    assert not (tmp_path / "out").exists()


def snapshot(folder):
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def test_a_warm_builder_shows_a_changed_register(project_copy):
    """The server's builder keeps its renderer, which holds the registers: an edited register
    must not be served as it was."""
    warm = builder.Builder(project_copy, formats=FORMATS, jobs=1)
    out = warm.build()
    edit(project_copy.texts / "registers.xml", "<persName><forename>Vladimir Ilyich</forename> <surname>Lenin</surname></persName>",
         "<persName><forename>V. I.</forename> <surname>Lenin</surname></persName>")
    warm.build()
    warm.close()
    persons = (out / "html" / "persons.html").read_text(encoding="utf-8")
    assert '<span class="forename">V. I.</span>' in persons and "Vladimir Ilyich" not in persons


def test_a_warm_builder_refuses_a_document_that_breaks_the_alignment(project_copy):
    """The alignment's rules read the documents: removing a point it links is an error in a
    rebuild as in a first build, though the alignment itself did not change."""
    from edition.errors import EditionError

    warm = builder.Builder(project_copy, formats=FORMATS, jobs=1)
    warm.build()
    edit(project_copy.texts / f"{LLCO}.xml", 'xml:id="point-8"', 'xml:id="point-eight"')
    with pytest.raises(EditionError, match="is not a point of the edition"):
        warm.build()
    warm.close()
