"""``edition serve``: the web edition and the live DTS API on this machine.

The site is build/html, served as files at ``/``; the DTS API answers at ``/dts/``
from the sources themselves (edition.dts_api.route, the same answers as the static
build/dts/, with query-string URI templates). A thread watches texts/ and rebuilds
when a file changes; a failed build keeps the previous site and API and says why.

Sources are untrusted: the server itself never checks or transforms one. The build's
worker processes do, within the time and memory limits, and so does the worker that lists
the citable units for the API; the server only parses the bytes a worker read. A request
never waits for a build longer than a moment (WAIT_SECONDS): a build that hangs is ended
by its limit while the server goes on answering from the last good build.

Only the standard library's http.server: this is a preview for editors, not a
production server. It never serves a file outside build/html.
"""

from __future__ import annotations

import mimetypes
import re
import threading
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, unquote

from . import build as builder
from . import documents, dts_api, policy
from .errors import EditionError
from .project import Project
from .xmlfile import parse

TYPES = {".html": "text/html; charset=utf-8", ".css": "text/css; charset=utf-8", ".js": "text/javascript",
         ".json": "application/json", ".xml": "application/xml", ".txt": "text/plain; charset=utf-8",
         ".woff2": "font/woff2", ".pdf": "application/pdf"}


WAIT_SECONDS = 0.5  # how long a page request waits for a rebuild of changed sources


class Site:
    """What the request threads share: where the files are, the DTS catalogue of the sources,
    and the state of texts/ the last build was made from."""

    def __init__(self, project: Project, folder: Path, log: Callable[[str], None]):
        self.project = project
        self.folder = folder
        self.log = log
        # Kept for the life of the server: its workers' compiled stylesheets make a rebuild
        # of an edited document take a moment; only what changed is made again.
        self.builder = builder.Builder(project, out=folder, jobs=1)
        self.built = threading.Condition()
        self.built_state = _state(project)
        self.wake = threading.Event()
        self.catalogue = self._catalogue()

    @property
    def html(self) -> Path:
        return self.folder / "html"

    def answer(self, base: str, path: str, query: dict) -> dts_api.Response:
        return dts_api.route(self.catalogue, dts_api.query_urls(base), path, query)

    def refresh(self, wait: float = WAIT_SECONDS) -> None:
        """Before a page is served: if a source changed since the last build, have the watcher
        build and wait for it a moment, so that an editor who saves and reloads sees the change."""
        state = _state(self.project)
        with self.built:
            if state == self.built_state:
                return
            self.wake.set()
            self.built.wait_for(lambda: self.built_state == state, timeout=wait)

    def rebuild_if_changed(self) -> None:
        """The watcher's work: build if texts/ changed; on failure keep what is served and say why.
        A build refused because another holds the folder is tried again at the next look."""
        state = _state(self.project)
        if state == self.built_state:
            return
        try:
            self.builder.build()
            catalogue = self._catalogue()
        except builder.BuildBusy as busy:
            self.log(f"{busy}; trying again")
            return
        except EditionError as error:
            self.log(f"build failed, still serving the previous build:\n{error}")
        else:
            for warning in self.builder.warnings:
                self.log(str(warning))
            self.catalogue = catalogue
            self.log("rebuilt")
        with self.built:
            self.built_state = state
            self.built.notify_all()

    def close(self) -> None:
        self.builder.close()

    def _catalogue(self) -> dts_api.Catalogue:
        """The works and their citable units, as a build worker read them from texts/."""
        listed = self.builder.citable_units()
        files = [parse(path, data) for path, data, _ in listed]
        units = {path.name: found for path, _, found in listed}
        edition = documents.Edition.of(self.project, None, files)
        return dts_api.catalogue(edition, lambda work: units[work.path.name])


class _Server(ThreadingHTTPServer):
    # The standard library queues 5 connections; under a burst of clients the rest are
    # dropped and retried by the clients' kernels seconds later.
    request_queue_size = 128
    site: Site | None = None

    def server_close(self) -> None:
        """The socket, and the worker processes of the site's builds."""
        super().server_close()
        if self.site is not None:
            self.site.close()


def make_server(project: Project, host: str = "127.0.0.1", port: int = 8000, folder: Path | None = None,
                log: Callable[[str], None] = lambda message: None) -> ThreadingHTTPServer:
    """A server bound to host:port (0: any free port), building first if there is no build yet."""
    folder = (folder or project.build).resolve()
    if not folder.exists():
        log(f"building {folder}")
        builder.build(project, out=folder)
    try:
        server = _Server((host, port), Handler)
    except OSError as error:
        raise EditionError.at(f"{host}:{port}", f"cannot listen there: {error.strerror}") from None
    server.daemon_threads = True
    try:
        server.site = Site(project, folder, log)
    except BaseException:
        server.server_close()
        raise
    return server


def watch(site: Site, stop: threading.Event, interval: float = 1.0) -> threading.Thread:
    """A thread that rebuilds when a file of texts/ is added, removed or changed (polling, and
    woken by page requests). Whatever goes wrong in a build, the thread goes on."""
    def loop() -> None:
        while not stop.is_set():
            site.wake.wait(interval)
            site.wake.clear()
            try:
                site.rebuild_if_changed()
            except Exception as error:  # a fault of the program: said, and the server goes on
                site.log(f"build failed unexpectedly, still serving the previous build: {error!r}")

    thread = threading.Thread(target=loop, name="edition-watch", daemon=True)
    thread.start()
    return thread


def _state(project: Project) -> dict:
    state = {}
    for path in project.text_files():
        try:
            info = path.stat()
        except OSError:  # removed while we looked: the next poll sees it gone
            continue
        state[path.name] = (info.st_mtime_ns, info.st_size)
    return state


def serve(project: Project, host: str, port: int, log: Callable[[str], None]) -> None:
    """Serve until interrupted (Ctrl-C)."""
    server = make_server(project, host, port, log=log)
    stop = threading.Event()
    watcher = watch(server.site, stop)
    log(f"serving {server.site.html} at http://{host}:{server.server_port}/ (DTS API at /dts/); Ctrl-C stops")
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        stop.set()
        server.server_close()  # ends the workers, so that a build under way stops now
        watcher.join(timeout=10)


def static_file(root: Path, path: str) -> Path | None:
    """The file a URL path names inside ``root``, or None: never anything outside it.

    The path is decoded once; a segment that is empty, ``.`` or ``..`` (however it was
    encoded), a backslash or a NUL refuses the request rather than being normalised away,
    so that ``/../x`` and ``/%2e%2e/x`` and ``//etc/passwd`` are all not found.
    """
    decoded = unquote(path)
    if not decoded.startswith("/") or "\\" in decoded or "\x00" in decoded:
        return None
    parts = decoded[1:].split("/")
    if parts[-1] == "":
        parts = parts[:-1]
    if any(part in ("", ".", "..") for part in parts):
        return None
    try:
        candidate = root.joinpath(*parts)
        if candidate.is_dir():
            candidate = candidate / "index.html"
        real, top = candidate.resolve(), root.resolve()
        return real if real.is_relative_to(top) and real.is_file() else None
    except OSError:  # a name too long for the file system, and the like: nothing is there
        return None


def _read(path: Path) -> bytes | None:
    try:
        return path.read_bytes()
    except OSError:  # swapped away by a build between finding and reading it
        return None


class Handler(BaseHTTPRequestHandler):
    """GET and HEAD: /dts/... to the API, everything else to the files of build/html."""

    server_version = "edition-serve"

    def do_GET(self) -> None:
        self._answer(head=False)

    def do_HEAD(self) -> None:
        self._answer(head=True)

    def _answer(self, head: bool) -> None:
        path, _, query = self.path.partition("?")
        path = path.partition("#")[0]
        if path == "/dts" or path.startswith("/dts/"):
            response = self.server.site.answer(self._base(), path[len("/dts"):],
                                               parse_qs(query, keep_blank_values=True))
            headers = (*response.headers, ("Access-Control-Allow-Origin", "*"),
                       ("Access-Control-Expose-Headers", "Link"))
            self._send(response.status, response.content_type, response.body, headers, head)
            return
        if path.endswith((".html", "/")):
            self.server.site.refresh()
        found = static_file(self.server.site.html, path)
        body = _read(found) if found is not None else None
        if body is None:
            self._send(404, "text/plain; charset=utf-8", b"not found\n", (), head)
            return
        content_type = TYPES.get(found.suffix) or mimetypes.guess_type(found.name)[0] or "application/octet-stream"
        self._send(200, content_type, body, (), head)

    def _base(self) -> str:
        """The address the client used, so that the API's links lead back to this server."""
        host = self.headers.get("Host", "")
        if not re.fullmatch(r"[A-Za-z0-9.\-]+(:[0-9]+)?|\[[0-9A-Fa-f:.]+\](:[0-9]+)?", host):
            address, port = self.server.server_address[:2]
            host = f"{address}:{port}"
        return f"http://{host}/"

    def _send(self, status: int, content_type: str, body: bytes, headers, head: bool) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("X-Content-Type-Options", "nosniff")
        self.send_header("Content-Security-Policy", policy.PAGES_HEADER if content_type.startswith("text/html")
                         else policy.DATA_HEADER)
        for name, value in headers:
            self.send_header(name, value)
        self.end_headers()
        if not head:
            self.wfile.write(body)

    def log_message(self, format: str, *args) -> None:
        self.server.site.log(format % args)
