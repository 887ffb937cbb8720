"""`edition serve` as a live preview: after an edit, the edited page is answered at once with the
new text, the document's other outputs follow from the build in the background (a request for
one waits for it), and a path that names nothing is answered with the site's 404 page."""

from __future__ import annotations

import http.client
import os
import re
import shutil
import subprocess
import threading
import time

import pytest

from edition import serve
from edition.build import build
from edition.outputs.html import NOT_FOUND
from edition.project import find_project

MIM = "mim-program-1996.xml"
SENTENCE = "We want communism."


def request(port: int, target: str, method: str = "GET") -> tuple[int, dict, bytes]:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
    try:
        connection.request(method, target)
        response = connection.getresponse()
        return response.status, dict(response.getheaders()), response.read()
    finally:
        connection.close()


@pytest.fixture(scope="module")
def served(tmp_path_factory, project):
    """A copy of the edition, built, and `edition serve` on it with its watcher; yields
    (project, port, log lines, build folder, the server's Site)."""
    root = tmp_path_factory.mktemp("preview") / "edition"
    for folder in ("texts", "schema", "xslt"):
        shutil.copytree(project.root / folder, root / folder)
    shutil.copy(project.root / "pyproject.toml", root)
    copy = find_project(root)
    folder = build(copy, out=root / "build")
    logs: list[str] = []
    httpd = serve.make_server(copy, "127.0.0.1", 0, folder=folder, log=logs.append)
    stop = threading.Event()
    watcher = serve.watch(httpd.site, stop, interval=0.1)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield copy, httpd.server_port, logs, folder, httpd.site
    finally:
        stop.set()
        watcher.join(120)
        httpd.shutdown()
        httpd.server_close()
        thread.join(5)


def edit(project, old: str, new: str) -> None:
    source = project.texts / MIM
    text = source.read_text(encoding="utf-8")
    assert old in text
    source.write_text(text.replace(old, new, 1), encoding="utf-8")


def rebuilt(logs: list[str], count: int, seconds: float = 120) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if logs.count("rebuilt") >= count:
            return True
        time.sleep(0.1)
    return False


def without_sizes(page: bytes) -> bytes:
    """A page with its downloads' sizes left out: "(TEI XML, 30 KB)" as "(TEI XML)"."""
    return re.sub(rb'(<span class="download-facts">\([^,)]*), [^)]*\)', rb"\1)", page)


def pdf_text(data: bytes) -> str:
    return subprocess.run(["pdftotext", "-", "-"], input=data, capture_output=True, check=True).stdout.decode()


def test_the_edited_page_is_answered_first_and_the_other_formats_follow(served):
    project, port, logs, folder, _ = served
    builds = logs.count("rebuilt")
    edit(project, SENTENCE, "We want communism, previewed.")
    status, _, page = request(port, "/mim-program-1996.html")
    # Answered with the new text before the build of every format is in place.
    assert status == 200 and b"We want communism, previewed." in page
    assert logs.count("rebuilt") == builds, "the page waited for the whole build"
    # The plain text and the PDF are outputs of the edited document: a request waits for them.
    status, _, text = request(port, "/text/mim-program-1996.txt")
    assert status == 200 and "We want communism, previewed." in text.decode()
    assert logs.count("rebuilt") == builds + 1
    status, headers, pdf = request(port, "/pdf/mim-program-1996.pdf")
    assert (status, headers["Content-Type"]) == (200, "application/pdf")
    assert "communism, previewed." in " ".join(pdf_text(pdf).split())
    # The page shown ahead of the build is the page the build wrote, but for the sizes of the
    # downloads, which the build gives once it has made them.
    built = (folder / "html" / "mim-program-1996.html").read_bytes()
    assert without_sizes(page) == without_sizes(built) and page != built
    assert request(port, "/mim-program-1996.html")[2] == built


def test_a_request_for_the_pdf_right_after_an_edit_waits_for_the_new_pdf(served):
    project, port, logs, folder, _ = served
    builds = logs.count("rebuilt")
    edit(project, "communism, previewed.", "communism, printed.")
    status, _, pdf = request(port, "/pdf/mim-program-1996.pdf")
    assert status == 200 and "communism, printed." in " ".join(pdf_text(pdf).split())
    assert logs.count("rebuilt") == builds + 1
    assert request(port, "/mim-program-1996.diplomatic.html")[2].count(b"communism, printed.") >= 1


def test_an_edit_the_build_refuses_is_not_shown_and_nothing_waits_for_it(served):
    project, port, logs, _, _ = served
    before = request(port, "/mim-program-1996.html")[2]
    failures = sum(line.startswith("build failed") for line in logs)
    source = project.texts / MIM
    good = source.read_text(encoding="utf-8")
    try:
        source.write_text(good.replace("<body>", "<body><nonsense/>", 1), encoding="utf-8")
        started = time.monotonic()
        status, _, page = request(port, "/mim-program-1996.html")
        pdf_status = request(port, "/pdf/mim-program-1996.pdf")[0]
        assert (status, pdf_status) == (200, 200) and page == before
        assert time.monotonic() - started < 5, "a request waited for a build that refuses the edit"
        deadline = time.monotonic() + 120
        while sum(line.startswith("build failed") for line in logs) == failures and time.monotonic() < deadline:
            time.sleep(0.1)
        assert sum(line.startswith("build failed") for line in logs) == failures + 1
    finally:
        builds = logs.count("rebuilt")
        source.write_text(good, encoding="utf-8")
        assert rebuilt(logs, builds + 1)


@pytest.mark.parametrize("method", ["GET", "HEAD"])
def test_a_path_that_names_nothing_is_the_sites_404_page_with_its_status(served, method):
    _, port, _, folder, _ = served
    page = folder / "html" / NOT_FOUND
    made = not page.exists()
    if made:  # a build that has no 404 page yet: the server's answer is what is tested
        page.write_text("<!DOCTYPE html><title>Not found</title><p>No such page.</p>", encoding="utf-8")
    try:
        expected = page.read_bytes()
        for target in ("/no-such-page.html", "/no/such/folder/", "/pdf/nothing.pdf", "/%2e%2e/etc/passwd"):
            status, headers, body = request(port, target, method)
            assert (status, headers["Content-Type"]) == (404, "text/html; charset=utf-8"), target
            assert int(headers["Content-Length"]) == len(expected), target
            assert body == (expected if method == "GET" else b""), target
    finally:
        if made:
            page.unlink()


def test_without_a_404_page_a_path_that_names_nothing_is_a_plain_404(served):
    _, port, _, folder, _ = served
    page = folder / "html" / NOT_FOUND
    kept = page.read_bytes() if page.exists() else None
    page.unlink(missing_ok=True)
    try:
        status, headers, body = request(port, "/no-such-page.html")
        assert (status, headers["Content-Type"], body) == (404, "text/plain; charset=utf-8", b"not found\n")
    finally:
        if kept is not None:
            page.write_bytes(kept)


def processor_of(renderer) -> tuple[int, int]:
    """In the server's worker: its process and its compiled stylesheets (with their processor)."""
    return os.getpid(), id(renderer.edition.stylesheets)


def test_one_worker_with_one_set_of_compiled_stylesheets_serves_every_edit(served):
    project, port, logs, _, site = served
    before = site.builder.in_worker("naming the worker", processor_of)
    for old, new in (("We want communism", "We want Communism"), ("We want Communism", "We want communism")):
        builds = logs.count("rebuilt")
        edit(project, old, new)
        assert new.encode() in request(port, "/mim-program-1996.html")[2]
        assert rebuilt(logs, builds + 1)
    assert site.builder.in_worker("naming the worker", processor_of) == before
