"""A valid source can still ask for work without end: each document is validated and built in a
worker process within a time and a memory limit; only regular files of their own folder, of a
bounded size and depth, are read; and the faults around a build leave nothing stale or lost."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import textwrap
import time

import pytest

from conftest import run_apart as edition
from edition import build as builder
from edition import manifest
from edition.errors import EditionError
from edition.project import find_project

MIM = "mim-program-1996.xml"
BLOCKS = '<citeStructure unit="block" match="p | cit" use="position()" delim="."/>'
LOCATED = re.compile(r"^\S+:\d+:\d+: error: .+$")


def with_limits(project, **settings):
    """The project with [tool.edition] settings added (time-limit-seconds, memory-limit-mb ...)."""
    pyproject = project.root / "pyproject.toml"
    lines = "".join(f"{name.replace('_', '-')} = {value}\n" for name, value in settings.items())
    pyproject.write_text(pyproject.read_text(encoding="utf-8").replace("[tool.edition]\n", "[tool.edition]\n" + lines),
                         encoding="utf-8")
    return find_project(project.root)


def slow_but_valid(project) -> None:
    """A text the schema accepts whose citation scheme costs time quadratic in its size: each of
    40,000 blocks counts every element before it."""
    path = project.texts / MIM
    text = path.read_text(encoding="utf-8").replace(BLOCKS, BLOCKS.replace('"position()"', '"count(preceding::*)"'))
    start = text.index('<div type="point" n="10"')
    head = text.index("</head>", start) + len("</head>")
    path.write_text(text[:head] + "<p>x</p>" * 40_000 + text[head:], encoding="utf-8")




def refused(run, words: str) -> list[str]:
    assert run.returncode == 1, run.stderr
    assert "Traceback" not in run.stderr
    lines = run.stderr.splitlines()
    assert lines and all(LOCATED.match(line) for line in lines), lines
    assert any(words in line for line in lines), lines
    return lines


def test_a_document_that_would_run_for_ever_is_stopped_at_the_time_limit(project_copy):
    project = with_limits(project_copy, time_limit_seconds=3)
    slow_but_valid(project)
    assert edition(project, "validate").returncode == 0
    lines = refused(edition(project, "build", "--quiet", "--format", "html"), "took longer than 3 s")
    assert any(line.startswith(f"texts/{MIM}:1:1:") for line in lines)
    assert not (project.root / "build").exists()


def test_a_worker_that_needs_more_memory_than_the_limit_is_stopped(project_copy):
    # Compiling the stylesheets alone takes more than 50 MB: the worker is ended, the build says so.
    project = with_limits(project_copy, memory_limit_mb=50)
    refused(edition(project, "build", "--quiet", "--format", "html"), "more than 50 MB of memory")
    assert not (project.root / "build").exists()


@pytest.mark.parametrize("setting", ['time-limit-seconds = "soon"', "memory-limit-mb = -1", "max-source-mb = 0"])
def test_limits_that_are_not_positive_numbers_are_refused(project_copy, setting):
    pyproject = project_copy.root / "pyproject.toml"
    pyproject.write_text(pyproject.read_text().replace("[tool.edition]\n", f"[tool.edition]\n{setting}\n"))
    run = edition(project_copy, "validate")
    assert run.returncode == 1 and "must be a positive number" in run.stderr and "Traceback" not in run.stderr


def test_a_fifo_among_the_texts_is_refused_without_being_opened(project_copy):
    os.mkfifo(project_copy.texts / "pipe.xml")
    for command in (["validate"], ["build", "--quiet", "--format", "text"]):
        refused(edition(project_copy, *command, timeout=60), "not a regular file")


def test_a_link_that_leaves_the_texts_folder_is_refused(project_copy):
    (project_copy.texts / "zero.xml").symlink_to("/dev/zero")
    for command in (["validate"], ["build", "--quiet", "--format", "text"]):
        refused(edition(project_copy, *command, timeout=60), "outside its folder")


def test_a_source_over_the_size_limit_is_refused_before_it_is_parsed(project_copy):
    project = with_limits(project_copy, max_source_mb=1)
    path = project.texts / MIM
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("</body>", "<!--" + "x" * 1_100_000 + "--></body>", 1), encoding="utf-8")
    for command in (["validate"], ["build", "--quiet", "--format", "text"]):
        refused(edition(project, *command), "larger than 1 MB")


def test_elements_nested_deeper_than_the_tools_read_are_refused_at_their_place(project_copy):
    path = project_copy.texts / MIM
    nested = '<hi rend="italic">' * 120 + "deep" + "</hi>" * 120
    path.write_text(path.read_text(encoding="utf-8").replace("We believe that communism", nested + " We believe that communism", 1),
                    encoding="utf-8")
    for command in (["validate"], ["build", "--quiet", "--format", "html,text"], ["cite", "mim-program-1996:7"]):
        lines = refused(edition(project_copy, *command), "nested more than 100 deep")
        assert not any(line.endswith(":1:1:") for line in lines)


def test_an_unreadable_text_is_reported_not_a_traceback(project_copy):
    (project_copy.texts / "gone.xml").symlink_to("missing.xml")
    refused(edition(project_copy, "build", "--quiet", "--format", "text"), "cannot read the file")


def test_a_text_saved_mid_build_and_reverted_is_built_again(project_copy, monkeypatch, in_workers):
    """The build reads each source once and records the digest of what it rendered: a source that
    changed while it was read is not taken for the version the build began with."""
    path = project_copy.texts / MIM
    original = path.read_text(encoding="utf-8")
    edited = original.replace("We believe that communism", "We believe that EDITED communism", 1)
    flag = project_copy.root / "edited-once"
    # Whichever process reads the source to render it first saves the edit (as an editor would, mid-build).
    saving = textwrap.dedent(f"""
        import pathlib
        def saving_first(read):
            def read_after_saving(source, *args, **kwargs):
                flag = pathlib.Path({str(flag)!r})
                if pathlib.Path(source).name == {MIM!r} and not flag.exists():
                    flag.touch()
                    pathlib.Path(source).write_text({edited!r}, encoding="utf-8")
                return read(source, *args, **kwargs)
            return read_after_saving
    """)
    in_workers(saving + "\nimport edition.render as render\nrender.read_source = saving_first(render.read_source)\n")
    namespace: dict = {}
    exec(saving, namespace)
    import edition.render as render
    if hasattr(render, "parse"):  # a build that reads sources in its own process
        monkeypatch.setattr(render, "parse", namespace["saving_first"](render.parse))
    out = builder.build(project_copy, formats=("text",))
    path.write_text(original, encoding="utf-8")  # reverted
    builder.build(project_copy, formats=("text",))
    reading = (out / "text" / "mim-program-1996.txt").read_text(encoding="utf-8")
    assert "EDITED" not in reading and "We believe that communism" in reading


def test_a_build_removes_only_the_folders_it_made(project_copy):
    mine = project_copy.root / ".build-old"
    mine.mkdir()
    (mine / "notes.txt").write_text("an editor's own folder")
    builder.build(project_copy, formats=("text",))
    builder.build(project_copy, formats=("text",))
    assert (mine / "notes.txt").read_text() == "an editor's own folder"


def test_the_search_format_alone_builds_the_pages_it_indexes(project_copy, tmp_path):
    run = edition(project_copy, "build", "--quiet", "--format", "search", "--out", tmp_path / "out", timeout=300)
    assert run.returncode == 0, run.stderr
    assert (tmp_path / "out" / "html" / "pagefind").is_dir()
    assert (tmp_path / "out" / "html" / "mim-program-1996.html").is_file()


def test_an_over_long_document_id_is_refused_at_validate(project_copy):
    long_id = "a" + "-b" * 120
    text = (project_copy.texts / MIM).read_text(encoding="utf-8")
    (project_copy.texts / MIM).unlink()
    (project_copy.texts / f"{long_id}.xml").write_text(
        text.replace(">mim-program-1996</idno>", f">{long_id}</idno>").replace('xml:id="mim-program-1996"', f'xml:id="{long_id}"'),
        encoding="utf-8")
    refused(edition(project_copy, "validate"), "at most 100")


def test_a_deep_reference_to_cite_is_refused_plainly(project_copy):
    run = edition(project_copy, "cite", "mim-program-1996:" + "1." * 1500 + "1")
    assert run.returncode == 1 and "Traceback" not in run.stderr and "at most 200 characters" in run.stderr
    run = edition(project_copy, "cite", "mim-program-1996:" + "7." * 40 + "1")
    assert run.returncode == 1 and "no passage" in run.stderr and "Traceback" not in run.stderr


def test_the_manifest_digest_is_that_of_the_bytes_rendered(project_copy):
    out = builder.build(project_copy, formats=("text",))
    record = manifest.read(out)["documents"][MIM]
    assert record["sha256"] == manifest.sha256(project_copy.texts / MIM)


def test_a_document_over_its_limit_leaves_the_previous_build_as_it_was(project_copy):
    out = builder.build(project_copy, formats=("html",))
    before = manifest.read(out)
    project = with_limits(project_copy, time_limit_seconds=3)
    slow_but_valid(project)
    with pytest.raises(EditionError, match="took longer than 3 s"):
        builder.build(project, formats=("html",))
    assert manifest.read(out) == before


def test_citing_is_held_to_the_limits_too(project_copy):
    project = with_limits(project_copy, time_limit_seconds=3)
    slow_but_valid(project)
    started = time.monotonic()
    run = edition(project, "cite", "mim-program-1996:7")
    assert run.returncode == 1 and "took longer than 3 s" in run.stderr and "Traceback" not in run.stderr
    assert time.monotonic() - started < 60


def test_a_worker_that_died_while_idle_is_replaced(project_copy):
    warm = builder.Builder(project_copy, formats=("text",), jobs=1)
    try:
        out = warm.build()
        [worker] = warm._workers._all
        worker._process.kill()
        worker._process.join()
        path = project_copy.texts / MIM
        path.write_text(path.read_text(encoding="utf-8").replace("We believe that communism", "We believe that NEW communism", 1),
                        encoding="utf-8")
        warm.build()
        assert "NEW" in (out / "text" / "mim-program-1996.txt").read_text(encoding="utf-8")
    finally:
        warm.close()


def test_the_lock_file_is_never_written_through_a_link(project_copy, tmp_path):
    victim = tmp_path / "victim.txt"
    victim.write_text("keep me")
    (project_copy.root / ".build.lock").symlink_to(victim)
    run = edition(project_copy, "build", "--quiet", "--format", "text")
    assert run.returncode == 1 and "lock file" in run.stderr and "Traceback" not in run.stderr
    assert victim.read_text() == "keep me"


def test_telling_documents_from_other_files_holds_no_whole_header_in_memory():
    program = textwrap.dedent("""
        import resource
        from edition.xmlfile import holds_text
        data = b'<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader>' + b"<a/>" * 10_000_000 + b"</teiHeader></TEI>"
        before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        assert holds_text(data) is False
        print((resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) // 1024)
    """)
    grown_mb = int(subprocess.run([sys.executable, "-c", program], capture_output=True, text=True, check=True,
                                  timeout=120).stdout)
    assert grown_mb < 200, grown_mb  # the tree of ten million elements would take more than a gigabyte
