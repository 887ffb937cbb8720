"""`edition serve` on the open web's terms: loopback by default, and a bounded load test
(5,000 requests from 50 concurrent clients) with no error and no growth in memory."""

from __future__ import annotations

import http.client
import socket
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor

import pytest

from edition import serve

REQUESTS, CLIENTS = 5_000, 50
# (request target, expected status): pages, the API, and what must be refused.
MIX = [
    ("/index.html", 200), ("/mim-program-1996.html", 200), ("/assets/edition.css", 200),
    ("/dts/", 200), ("/dts/navigation?resource=mim-program-1996&ref=7&down=1", 200),
    ("/dts/document?resource=llco-what-we-strive-for&ref=6.1", 200),
    ("/dts/navigation?resource=mim-program-1996&ref=99", 404), ("/dts/navigation?resource=mim-program-1996&down=x", 400),
    ("/../../etc/passwd", 404), ("/%2e%2e/%2e%2e/etc/passwd", 404), ("/assets/..%2f..%2f..%2fpyproject.toml", 404),
]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def rss_kib(pid: int) -> int:
    with open(f"/proc/{pid}/status") as status:
        return next(int(line.split()[1]) for line in status if line.startswith("VmRSS:"))


def status_of(port: int, target: str) -> int:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        connection.request("GET", target)
        response = connection.getresponse()
        response.read()
        return response.status
    finally:
        connection.close()


@pytest.fixture(scope="module")
def server(project, built):
    """The server of `edition serve`, in a process of its own on a free loopback port, serving
    this session's build."""
    port = free_port()
    program = ("import sys; from pathlib import Path; from edition import serve; from edition.project import find_project;"
               "serve.make_server(find_project(Path(sys.argv[1])), '127.0.0.1', int(sys.argv[2]), Path(sys.argv[3])).serve_forever()")
    process = subprocess.Popen([sys.executable, "-c", program, str(project.root), str(port), str(built)],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        try:
            if status_of(port, "/index.html") == 200:
                break
        except OSError:
            time.sleep(0.2)
    else:
        process.kill()
        pytest.fail("edition serve did not answer within 120 s")
    yield process, port
    process.terminate()
    process.wait(timeout=10)


def load(port: int, count: int) -> list[str]:
    def one(i: int) -> str | None:
        target, expected = MIX[i % len(MIX)]
        try:
            got = status_of(port, target)
        except OSError as error:
            return f"{target}: {error}"
        return None if got == expected else f"{target}: {got}, expected {expected}"

    with ThreadPoolExecutor(CLIENTS) as pool:
        return [error for error in pool.map(one, range(count)) if error]


def test_serve_binds_loopback_unless_told_otherwise():
    import inspect

    assert inspect.signature(serve.make_server).parameters["host"].default == "127.0.0.1"


def test_a_bounded_load_gives_no_error_and_no_growth_in_memory(server):
    process, port = server
    assert load(port, 1_000) == []  # warm up: caches and threads settle
    before = rss_kib(process.pid)
    started = time.monotonic()
    errors = load(port, REQUESTS)
    elapsed = time.monotonic() - started
    after = rss_kib(process.pid)
    print(f"{REQUESTS} requests from {CLIENTS} clients in {elapsed:.1f} s; RSS {before} -> {after} KiB")
    assert errors == []
    assert after - before < 10 * 1024, f"memory grew from {before} to {after} KiB"
