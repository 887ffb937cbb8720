"""Faults during a build lose nothing: a kill, an interrupt, a read-only or full disk,
two builds at once. Each leaves the previous build complete, as its manifest says."""

from __future__ import annotations

import errno
import fcntl
import os
import signal
import subprocess
import sys
import textwrap

import pytest

from edition import build as builder
from edition import manifest
from edition.errors import EditionError

# A build in its own process whose worker announces when it is halfway (the text of one
# work written, the rest not) and then waits, so that the test can kill or interrupt the
# build there. The worker is patched by a sitecustomize module on its PYTHONPATH.
HALFWAY_WORKER = textwrap.dedent("""
    import time
    from edition.outputs import text

    original = text.write_document
    def slow(edition, work, folder):
        written = original(edition, work, folder)
        print("HALFWAY", flush=True)
        time.sleep(60)
        return written
    text.write_document = slow
""")
HALFWAY = textwrap.dedent("""
    import sys
    from pathlib import Path
    from edition import build
    from edition.project import find_project

    try:
        build.build(find_project(Path(sys.argv[1])), formats=("text",))
    except KeyboardInterrupt:
        sys.exit(130)
""")


def complete(out) -> bool:
    """Every output the manifest lists is there with its hash, and nothing else."""
    return manifest.mismatches(out) == []


def leftovers(project) -> list[str]:
    return sorted(p.name for p in project.root.iterdir() if p.name.startswith(".build-"))


@pytest.fixture
def previous(project_copy):
    out = builder.build(project_copy, formats=("text",))
    assert complete(out)
    return out


def edit(project) -> None:
    """Change a source, so that the next build has something to do (an unchanged edition
    is not built again)."""
    with open(project.texts / "mim-program-1996.xml", "a", encoding="utf-8") as source:
        source.write("<!-- edited -->\n")


def halfway_build(project, tmp_path):
    edit(project)
    (tmp_path / "patch").mkdir()
    (tmp_path / "patch" / "sitecustomize.py").write_text(HALFWAY_WORKER, encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(tmp_path / "patch")}
    process = subprocess.Popen([sys.executable, "-c", HALFWAY, str(project.root)], stdout=subprocess.PIPE, text=True,
                               env=env)
    assert process.stdout.readline().strip() == "HALFWAY"
    return process


def test_a_build_killed_halfway_leaves_the_previous_build_complete(project_copy, previous, tmp_path):
    before = manifest.read(previous)
    process = halfway_build(project_copy, tmp_path)
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=30)
    assert manifest.read(previous) == before and complete(previous)
    builder.build(project_copy, formats=("text",))  # the next build clears what the killed one left
    assert leftovers(project_copy) == [] and complete(previous)


def test_an_interrupted_build_exits_cleanly_and_removes_its_temporary_files(project_copy, previous, tmp_path):
    before = manifest.read(previous)
    process = halfway_build(project_copy, tmp_path)
    process.send_signal(signal.SIGINT)
    assert process.wait(timeout=30) == 130
    assert leftovers(project_copy) == []
    assert manifest.read(previous) == before and complete(previous)


def test_the_cli_reports_an_interrupt_without_a_traceback(cli, monkeypatch):
    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(builder.Builder, "build", interrupted)
    result = cli("build", "--quiet")
    assert result.exit_code == 130
    assert result.stderr.strip() == "edition: error: interrupted; the previous build is unchanged"


@pytest.mark.parametrize("code, words", [(errno.EROFS, "Read-only file system"), (errno.ENOSPC, "No space left on device"),
                                         (errno.EACCES, "Permission denied")])
def test_a_read_only_or_full_output_folder_gives_a_clear_error(project_copy, previous, in_workers, code, words):
    # As root the tests cannot make a folder unwritable, so the system's refusal is raised
    # where the build's worker writes its first output file.
    in_workers(textwrap.dedent(f"""
        import os
        from edition.outputs import text
        def refuse(edition, work, folder):
            raise OSError({code}, os.strerror({code}), str(folder / "text" / "mim-program-1996.txt"))
        text.write_document = refuse
    """))
    before = manifest.read(previous)
    edit(project_copy)
    with pytest.raises(EditionError) as failure:
        builder.build(project_copy, formats=("text",))
    [problem] = failure.value.problems
    assert problem.path.endswith("mim-program-1996.txt")
    assert words in problem.message and "previous build is unchanged" in problem.message
    assert manifest.read(previous) == before and complete(previous) and leftovers(project_copy) == []


def test_a_second_build_at_the_same_time_is_refused(project_copy, previous):
    with open(previous.with_name(".build.lock"), "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        with pytest.raises(EditionError) as failure:
            builder.build(project_copy, formats=("text",))
    assert "another build is writing this folder" in str(failure.value)
    assert complete(previous)


def test_two_builds_started_together_never_mix(project_copy, previous):
    command = [sys.executable, "-m", "edition.cli", "build", "--quiet", "--format", "text"]
    edit(project_copy)
    runs = [subprocess.Popen(command, cwd=project_copy.root, stderr=subprocess.PIPE, text=True) for _ in range(2)]
    results = [(run.wait(timeout=120), run.stderr.read()) for run in runs]
    assert all(code == 0 or (code == 1 and "another build is writing" in err) for code, err in results), results
    assert any(code == 0 for code, _ in results)
    assert complete(previous) and leftovers(project_copy) == []
