"""`edition serve` with untrusted sources: a text that hangs the build never freezes the server,
every response says what it is and what it may run, and the watcher outlives every fault."""

from __future__ import annotations

import fcntl
import http.client
import re
import socket
import subprocess
import sys
import threading
import time

import pytest

from edition import serve
from edition.project import find_project

MIM = "mim-program-1996.xml"
BLOCKS = '<citeStructure unit="block" match="p | cit" use="position()" delim="."/>'
ENDPOINTS = ["/index.html", "/mim-program-1996.html", "/assets/edition.css", "/tei/mim-program-1996.xml",
             "/dts/", "/dts/navigation?resource=mim-program-1996&ref=7&down=1",
             "/dts/document?resource=llco-what-we-strive-for&ref=6.1"]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def get(port: int, target: str, timeout: float = 10) -> tuple[int, dict, bytes]:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        connection.request("GET", target)
        response = connection.getresponse()
        return response.status, dict(response.getheaders()), response.read()
    finally:
        connection.close()


@pytest.fixture
def limited(project_copy):
    """The copy with a short time limit, so that a hanging build ends within the test."""
    pyproject = project_copy.root / "pyproject.toml"
    pyproject.write_text(pyproject.read_text().replace("[tool.edition]\n", "[tool.edition]\ntime-limit-seconds = 4\n"))
    return find_project(project_copy.root)


@pytest.fixture
def running(limited, tmp_path):
    """`edition serve` in a process of its own, its log in a file; yields (port, log path)."""
    port, log = free_port(), tmp_path / "serve.log"
    with open(log, "w") as stderr:
        process = subprocess.Popen([sys.executable, "-m", "edition.cli", "serve", "--port", str(port)],
                                   cwd=limited.root, stdout=subprocess.DEVNULL, stderr=stderr)
    try:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            try:
                if get(port, "/index.html")[0] == 200:
                    break
            except OSError:
                time.sleep(0.2)
        yield port, log
    finally:
        process.kill()
        process.wait()


def hang(project) -> None:
    """A valid text whose build takes far longer than the limit (see test_limits)."""
    path = project.texts / MIM
    text = path.read_text(encoding="utf-8").replace(BLOCKS, BLOCKS.replace('"position()"', '"count(preceding::*)"'))
    start = text.index('<div type="point" n="10"')
    head = text.index("</head>", start) + len("</head>")
    path.write_text(text[:head] + "<p>x</p>" * 40_000 + text[head:], encoding="utf-8")


def wait_for(predicate, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.2)
    return False


def test_a_text_that_hangs_the_build_never_freezes_the_server(limited, running):
    port, log = running
    original = (limited.texts / MIM).read_text(encoding="utf-8")
    hang(limited)
    slowest, started = 0.0, time.monotonic()
    while time.monotonic() - started < 6:  # longer than the build's time limit
        for target in ENDPOINTS:
            before = time.monotonic()
            status, _, _ = get(port, target, timeout=5)
            slowest = max(slowest, time.monotonic() - before)
            assert status == 200, target
    assert slowest < 1.0, slowest
    assert wait_for(lambda: "took longer than 4 s" in log.read_text(), 30), log.read_text()
    # The next change is built: the server tries again, with the text put right and edited.
    (limited.texts / MIM).write_text(original.replace("We believe that communism", "We believe that EDITED communism", 1),
                                     encoding="utf-8")
    assert wait_for(lambda: b"EDITED" in get(port, "/mim-program-1996.html")[2], 60), log.read_text()


def test_every_response_forbids_sniffing_and_carries_a_policy(running):
    port, _ = running
    page_policy = None
    for target in ENDPOINTS + ["/no-such-page.html", "/dts/navigation?resource=nothing"]:
        _, headers, body = get(port, target)
        assert headers["X-Content-Type-Options"] == "nosniff", target
        policy = headers["Content-Security-Policy"]
        if headers["Content-Type"].startswith("text/html"):
            page_policy = re.search(rb'http-equiv="Content-Security-Policy" content="([^"]+)"', body).group(1).decode()
            assert policy == page_policy + "; frame-ancestors 'none'", target
        else:
            assert "default-src 'none'" in policy and "sandbox" in policy, target
    assert page_policy


def test_a_path_too_long_for_the_file_system_is_not_found(running):
    port, _ = running
    status, headers, _ = get(port, "/" + "a" * 8_000 + ".html")
    assert status == 404 and headers["X-Content-Type-Options"] == "nosniff"
    assert get(port, "/index.html")[0] == 200


def test_the_watcher_outlives_a_fault_of_the_program(project_copy, built, monkeypatch):
    messages = []
    site = serve.Site(project_copy, built, messages.append)
    calls = []

    def faulty():
        calls.append(1)
        if len(calls) == 1:
            raise RuntimeError("a bug")
        return original()

    original = site.rebuild_if_changed
    monkeypatch.setattr(site, "rebuild_if_changed", faulty)
    stop = threading.Event()
    thread = serve.watch(site, stop, interval=0.1)
    try:
        assert wait_for(lambda: len(calls) >= 3, 10)
        assert thread.is_alive()
        assert any("a bug" in message for message in messages)
    finally:
        stop.set()
        site.close()


def test_a_server_that_finds_the_folder_busy_builds_when_it_is_free(project_copy, tmp_path):
    folder = tmp_path / "build"
    messages = []
    server = serve.make_server(project_copy, port=0, folder=folder, log=messages.append)
    site = server.site
    try:
        path = project_copy.texts / MIM
        path.write_text(path.read_text(encoding="utf-8").replace("<head>7.", "<head>7. Renamed:", 1), encoding="utf-8")
        with open(folder.with_name(f".{folder.name}.lock"), "a+") as lock:  # another server's build
            fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
            site.rebuild_if_changed()
        assert any("another build is writing" in message for message in messages)
        site.rebuild_if_changed()  # tried again, as the watcher does at its next look
        label = site.catalogue.resources["mim-program-1996"].node("7").unit.label
        assert label.startswith("7. Renamed:")
    finally:
        server.server_close()
