"""Fixtures shared by the tests: the project, its works, a built edition, broken copies."""

from __future__ import annotations

import functools
import http.server
import inspect
import os
import re
import threading
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from lxml import etree
from click.testing import CliRunner

from edition.cli import main
from edition.project import find_project

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SOURCES = SHARED / "sources"
TEI_ALL = SHARED / "tei" / "tei_all.rng"
WORK_IDS = ("mim-program-1996", "llco-what-we-strive-for")


def pytest_addoption(parser):
    parser.addoption("--update-golden", action="store_true",
                     help="rewrite tests/golden/ from the current build (review the diff before committing)")


def pytest_configure(config):
    config.addinivalue_line("markers", "browser: drives Chromium through Playwright")
    config.addinivalue_line("markers", "slow: builds a copy of the edition of its own")
    if not SHARED.is_dir():
        pytest.exit(f"{SHARED} is missing: the tests read the sources, the TEI schema, the CSL schemas, the "
                    "corpora and the peer stylesheets from the shared folder beside the project", returncode=4)


# What builds an edition in a test or a fixture: `build(`, `builder.build(`, `Builder(`, the
# command `cli("build", ...)`.
BUILDS = re.compile(r"\bbuild\(|\bBuilder\(|[\"']build[\"']")


def pytest_collection_modifyitems(items):
    """Marks the browser and the slow tests, so that `-m "not browser and not slow"` runs the
    rest in a minute; CI runs them all. A test is slow if it, or a fixture it uses, builds an
    edition of its own (the session's build, shared by every test, is not counted), or if it
    changes a copy of the project (project_copy), which its test then builds or checks whole."""
    for item in items:
        if getattr(item.module, "chromium", None) is not None:
            item.add_marker(pytest.mark.browser)
        if _builds_its_own(item):
            item.add_marker(pytest.mark.slow)


def _builds_its_own(item) -> bool:
    if "project_copy" in getattr(item, "fixturenames", ()) or _calls_build(getattr(item, "function", None)):
        return True
    definitions = getattr(getattr(item, "_fixtureinfo", None), "name2fixturedefs", {})
    return any(_calls_build(chain[-1].func) for chain in definitions.values()
               if chain and chain[-1].scope != "session")


@functools.cache
def _calls_build(function) -> bool:
    try:
        return function is not None and BUILDS.search(inspect.getsource(function)) is not None
    except (OSError, TypeError):
        return False


@pytest.fixture(scope="session")
def project():
    return find_project(ROOT)


@pytest.fixture
def cli(monkeypatch):
    """Run the edition command from the project's folder; returns click's Result."""
    monkeypatch.chdir(ROOT)
    runner = CliRunner()
    return lambda *args: runner.invoke(main, [str(a) for a in args], catch_exceptions=False)


@pytest.fixture(scope="session")
def built(tmp_path_factory, project):
    """The edition built once, as `edition build` writes it, for tests that read outputs."""
    from edition.build import build

    return build(project, out=tmp_path_factory.mktemp("edition") / "build")


@pytest.fixture(scope="session")
def site(built):
    """The built web edition on http://127.0.0.1:<free port>/ (the search needs http)."""
    handler = functools.partial(_QuietHandler, directory=str(built / "html"))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


@pytest.fixture(scope="session")
def live(project, built):
    """`edition serve` on an ephemeral port of 127.0.0.1, serving the build of this test session."""
    from edition import serve

    httpd = serve.make_server(project, "127.0.0.1", 0, folder=built)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield httpd
    httpd.shutdown()
    httpd.server_close()
    thread.join(5)


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):
        pass


@pytest.fixture(scope="session")
def tei_all():
    """The official TEI P5 schema, for conformance tests."""
    if not TEI_ALL.is_file():
        pytest.skip(f"the official TEI schema is absent: {TEI_ALL} not found")
    return etree.RelaxNG(etree.parse(str(TEI_ALL)))


def run_apart(project, *args, timeout: float = 120) -> subprocess.CompletedProcess:
    """`edition` in a project's folder, in a process of its own, killed (with whatever it started)
    if it outlives ``timeout``: a command that waits fails the test rather than hangs it."""
    environment = dict(os.environ, PYTHONPATH=str(ROOT))
    process = subprocess.Popen([sys.executable, "-m", "edition.cli", *map(str, args)], cwd=project.root,
                               env=environment, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                               start_new_session=True)
    try:
        out, err = process.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.communicate()
        pytest.fail(f"`edition {' '.join(map(str, args))}` still running after {timeout} s")
    return subprocess.CompletedProcess(process.args, process.returncode, out, err)


@pytest.fixture
def texts_copy(tmp_path, project):
    """A copy of texts/ that a test may break."""
    folder = tmp_path / "texts"
    shutil.copytree(project.texts, folder)
    return folder


def run_in(project, *args, env: dict | None = None):
    """The edition command in a project's folder, in this process; click's Result."""
    here = os.getcwd()
    os.chdir(project.root)
    try:
        return CliRunner(env=env).invoke(main, [str(a) for a in args], catch_exceptions=False)
    finally:
        os.chdir(here)


def collapse(text: str) -> str:
    """Runs of white space as one space, as the fidelity tests compare texts."""
    return re.sub(r"\s+", " ", text).strip()


RULE = "=" * 72


def reading_blocks(text: str) -> list[str]:
    """The blocks of a reading text file (build/text/<id>.txt) that hold the work's text:
    below the title block, above the notes, without the editors' lines in brackets (a reference,
    "[id:7]"; the name of a division the source does not head, "[The archive's note]") and the
    note markers ("[3]"), each with its white space collapsed."""
    body = text.split("\n" + RULE + "\n", 2)[1]
    blocks = (collapse(re.sub(r"\[\d+\]", "", block)) for block in body.split("\n\n"))
    return [block for block in blocks if block and not re.fullmatch(r"\[[^\[\]]+\]", block)]


def position_of(text: str, needle: str, element_start: bool = True) -> tuple[int, int]:
    """Line and column (from 1) of ``needle``, or of the start tag that contains it."""
    index = text.index(needle)
    if element_start:
        index = text.rindex("<", 0, index + 1)
    line = text.count("\n", 0, index) + 1
    col = index - (text.rfind("\n", 0, index) + 1) + 1
    return line, col


def copy_project(project, folder: Path, settings: dict[str, str] | None = None):
    """A whole copy of the edition (sources, schema, stylesheets, settings) in ``folder``, that
    a test may change; ``settings`` replaces lines of its pyproject.toml (old: new). Every test
    that needs a copy makes it here: the project_copy fixture, or this function in a fixture of
    a wider scope."""
    for name in ("texts", "schema", "xslt"):
        shutil.copytree(project.root / name, folder / name)
    pyproject = (project.root / "pyproject.toml").read_text(encoding="utf-8")
    for old, new in (settings or {}).items():
        assert old in pyproject, f"pyproject.toml has no {old!r}"
        pyproject = pyproject.replace(old, new)
    (folder / "pyproject.toml").write_text(pyproject, encoding="utf-8")
    return find_project(folder)


@pytest.fixture
def project_copy(tmp_path, project):
    """A whole copy of the edition (sources, schema, stylesheets, settings) that a test may change."""
    return copy_project(project, tmp_path / "edition")


@pytest.fixture
def in_workers(tmp_path, monkeypatch):
    """Run Python code in every worker process the build starts from now on (they are spawned
    fresh, so a monkeypatch of this process does not reach them): a sitecustomize module on
    their PYTHONPATH."""
    def patch(code: str) -> None:
        folder = tmp_path / "worker-patch"
        folder.mkdir(exist_ok=True)
        (folder / "sitecustomize.py").write_text(code, encoding="utf-8")
        monkeypatch.setenv("PYTHONPATH", os.pathsep.join(filter(None, [str(folder), os.environ.get("PYTHONPATH")])))
    return patch
