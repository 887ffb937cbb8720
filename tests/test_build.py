"""`edition build`: reproducible, described by its manifest, atomic, validated first."""

from __future__ import annotations

import os
import shutil
import textwrap

import pytest

from edition import build as builder
from edition import manifest
from edition.errors import EditionError
from edition.project import find_project

from test_release import repo, run  # noqa: F401  (the fixture repository, and `edition release` in it)


def snapshot(folder):
    return {f.relative_to(folder).as_posix(): f.read_bytes() for f in sorted(folder.rglob("*")) if f.is_file()}


def test_two_builds_are_byte_identical(built, project, tmp_path):
    again = builder.build(project, out=tmp_path / "again")
    assert snapshot(again) == snapshot(built)


def test_the_manifest_lists_every_output_and_input_with_its_hash(built, project):
    listed = manifest.read(built)
    assert manifest.mismatches(built) == []
    for source in project.text_files() + [project.schema / "edition.odd", project.xslt / "text.xsl"]:
        relative = source.relative_to(project.root).as_posix()
        assert listed["inputs"][relative] == manifest.sha256(source)
    assert {"edition", "python", "lxml", "saxonche", "click"} <= set(listed["tool"])


def test_the_manifest_lists_a_documents_dts_answers_by_folder(built, tmp_path):
    """A resource's answers about each passage are one entry, whose digest covers every file in it."""
    listed = manifest.read(built)["outputs"]
    folders = [path for path in listed if path.startswith("dts/navigation/") and path.endswith("/")]
    assert folders and not any(path.startswith(tuple(folders)) for path in listed if path not in folders)
    copy = tmp_path / "copy"
    shutil.copytree(built, copy)
    answer = next((copy / folders[0]).iterdir())
    answer.write_bytes(answer.read_bytes() + b" ")
    assert manifest.mismatches(copy) == [f"changed: {folders[0]}"]


def test_an_invalid_source_stops_the_build_and_keeps_the_previous_output(project_copy):
    out = builder.build(project_copy)
    before = snapshot(out)
    text = project_copy.texts / "mim-program-1996.xml"
    text.write_text(text.read_text(encoding="utf-8").replace('n="2"', 'n="3"', 1), encoding="utf-8")
    with pytest.raises(EditionError) as failure:
        builder.build(project_copy)
    assert any("points are numbered consecutively" in p.message for p in failure.value.problems)
    assert snapshot(out) == before


def test_a_crash_halfway_keeps_the_previous_output_and_leaves_no_temporary_folder(project_copy, in_workers):
    out = builder.build(project_copy)
    before = snapshot(out)
    in_workers(textwrap.dedent("""
        from edition.outputs import text
        def crash(edition, work, folder):
            (folder / "half-written").write_text("x")
            raise RuntimeError("disk on fire")
        text.write_document = crash
    """))
    source = project_copy.texts / "mim-program-1996.xml"
    source.write_text(source.read_text(encoding="utf-8") + "<!-- edited -->\n", encoding="utf-8")
    with pytest.raises(RuntimeError, match="disk on fire"):
        builder.build(project_copy)
    assert snapshot(out) == before
    assert sorted(p.name for p in out.parent.iterdir()) == sorted([".build.lock", "build", "pyproject.toml", "schema", "texts", "xslt"])


def test_progress_names_each_document_and_format(project_copy):
    messages = []
    builder.build(project_copy, formats=("text",), progress=messages.append)
    assert sorted(messages) == ["text  llco-what-we-strive-for", "text  mim-program-1996"]


def test_the_cli_builds_quietly_and_refuses_an_unknown_format(cli, tmp_path):
    result = cli("build", "--format", "text", "--out", tmp_path / "out", "--quiet")
    assert result.exit_code == 0
    assert result.output == ""
    assert (tmp_path / "out" / "text" / "mim-program-1996.txt").is_file()
    assert cli("build", "--format", "nonsense").exit_code == 2


def test_others_can_read_the_build(built):
    """A web server running as another user serves the build: its folders are open to all
    (0o755 under the usual umask 022), its files readable (0o644), as any other folder made."""
    import os

    mask = os.umask(0o022)
    os.umask(mask)
    folders = [built, *(path for path in built.rglob("*") if path.is_dir())]
    assert {path.stat().st_mode & 0o777 for path in folders} == {0o777 & ~mask}
    assert {path.stat().st_mode & 0o777 for path in built.rglob("*") if path.is_file()} == {0o666 & ~mask}


def test_the_site_offers_the_texts_and_pdfs_of_the_build(built):
    """Deploying build/html alone is enough: each PDF and plain text is there too, the same
    file (a hard link), where the pages' metadata point."""
    for kind, pattern in (("pdf", "*.pdf"), ("text", "*.txt")):
        made = sorted(path.name for path in (built / kind).glob(pattern))
        assert made and made == sorted(path.name for path in (built / "html" / kind).glob(pattern))
        for name in made:
            assert (built / "html" / kind / name).read_bytes() == (built / kind / name).read_bytes()
    manifest = (built / "manifest.json").read_text(encoding="utf-8")
    assert '"html/pdf/mim-program-1996.pdf"' in manifest


def test_a_neighbours_new_title_reaches_the_page_that_links_it(project_copy):
    # A work's page links the works before and after it by their titles: an incremental build
    # makes it again when a neighbour changes, though its own source did not.
    out = builder.build(project_copy, formats=("html",))
    page = out / "html" / "mim-program-1996.html"
    assert '<span class="neighbour-title">What We Strive For</span>' in page.read_text(encoding="utf-8")
    llco = project_copy.texts / "llco-what-we-strive-for.xml"
    old = '<title type="main">What We Strive For</title>'
    llco.write_text(llco.read_text(encoding="utf-8").replace(old, '<title type="main">What We Strive For Now</title>'),
                    encoding="utf-8")
    builder.build(project_copy, formats=("html",))
    assert '<span class="neighbour-title">What We Strive For Now</span>' in page.read_text(encoding="utf-8")
    assert manifest.read(out)["documents"]["mim-program-1996.xml"]["neighbours"]


def test_a_released_edition_builds_into_its_folder_with_its_versions_readable_by_all(repo):
    # The README's `edition build` in a clone of a released edition: the versions' sources are
    # laid out beside build/, inside the repository's work tree, and are no repository of
    # their own. Every file is readable, and every folder open, to a web server running as
    # another user, as the umask allows.
    assert run().exit_code == 0  # releases v1.0.0
    out = builder.build(find_project(repo), formats=("html",))
    assert out == repo / "build" and (out / "html" / "v" / "1.0.0" / "index.html").is_file()
    umask = os.umask(0o022)
    os.umask(umask)
    paths = [out, *out.rglob("*"), *(repo / ".build-versions").rglob("*")]
    assert {oct(p.stat().st_mode & 0o777) for p in paths if p.is_dir()} == {oct(0o777 & ~umask)}
    assert {oct(p.stat().st_mode & 0o777) for p in paths if p.is_file()} == {oct(0o666 & ~umask)}
