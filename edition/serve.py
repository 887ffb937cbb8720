"""``edition serve``: the web edition and the live DTS API on this machine.

The site is build/html, served as files at ``/``; the DTS API answers at ``/dts/``
from the sources themselves (edition.dts.route, the same answers as the static
build/dts/, with query-string URI templates). A thread watches texts/ and rebuilds
when a file changes; a failed build keeps the previous site and API and says why.

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
from . import citation, documents, dts
from .errors import EditionError
from .project import Project
from .saxon import Stylesheets

TYPES = {".html": "text/html; charset=utf-8", ".css": "text/css; charset=utf-8", ".js": "text/javascript",
         ".json": "application/json", ".xml": "application/xml", ".txt": "text/plain; charset=utf-8",
         ".woff2": "font/woff2", ".pdf": "application/pdf"}


class Site:
    """What the request threads share: where the files are, and the DTS catalogue of the sources."""

    def __init__(self, project: Project, folder: Path, log: Callable[[str], None]):
        self.project = project
        self.folder = folder
        self.log = log
        self.lock = threading.Lock()
        self.catalogue = load_catalogue(project)
        # Kept for the life of the server: its compiled stylesheets make a rebuild of an
        # edited document take a moment; only what changed is made again.
        self.builder = builder.Builder(project, out=folder, jobs=1)
        self.building = threading.Lock()
        self.state = _state(project)

    @property
    def html(self) -> Path:
        return self.folder / "html"

    def answer(self, base: str, path: str, query: dict) -> dts.Response:
        """One DTS request; the lock keeps a reload from swapping the catalogue mid-answer."""
        with self.lock:
            return dts.route(self.catalogue, dts.query_urls(base), path, query)

    def refresh(self) -> None:
        """Before a page is served: if a source changed since the last build, build first, so
        that an editor who saves a file and reloads sees the change."""
        with self.building:
            state = _state(self.project)
            if state != self.state:
                self.state = state
                self.rebuild()

    def rebuild(self) -> None:
        """Build again; on failure keep what is served, and report the problems."""
        try:
            self.builder.build()
            catalogue = load_catalogue(self.project)
        except EditionError as error:
            self.log(f"build failed, still serving the previous build:\n{error}")
            return
        for warning in self.builder.warnings:
            self.log(str(warning))
        with self.lock:
            self.catalogue = catalogue
        self.log("rebuilt")


def load_catalogue(project: Project) -> dts.Catalogue:
    """The works and their citable units, read from texts/ (only the citation stylesheet is needed)."""
    return dts.catalogue(documents.load(project, Stylesheets(project.xslt, citation.STYLESHEETS)))


class _Server(ThreadingHTTPServer):
    # The standard library queues 5 connections; under a burst of clients the rest are
    # dropped and retried by the clients' kernels seconds later.
    request_queue_size = 128


def make_server(project: Project, host: str = "127.0.0.1", port: int = 8000, folder: Path | None = None,
                log: Callable[[str], None] = lambda message: None) -> ThreadingHTTPServer:
    """A server bound to host:port (0: any free port), building first if there is no build yet."""
    folder = (folder or project.build).resolve()
    if not folder.exists():
        log(f"building {folder}")
        builder.build(project, out=folder)
    site = Site(project, folder, log)
    try:
        server = _Server((host, port), Handler)
    except OSError as error:
        raise EditionError.at(f"{host}:{port}", f"cannot listen there: {error.strerror}") from None
    server.daemon_threads = True
    server.site = site
    return server


def watch(site: Site, stop: threading.Event, interval: float = 1.0) -> threading.Thread:
    """A thread that rebuilds when a file of texts/ is added, removed or changed (polling, simply)."""
    def loop() -> None:
        while not stop.wait(interval):
            site.refresh()

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
    watch(server.site, stop)
    log(f"serving {server.site.html} at http://{host}:{server.server_port}/ (DTS API at /dts/); Ctrl-C stops")
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        stop.set()
        server.server_close()


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
    candidate = root.joinpath(*parts)
    if candidate.is_dir():
        candidate = candidate / "index.html"
    real, top = candidate.resolve(), root.resolve()
    return real if real.is_relative_to(top) and real.is_file() else None


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
            headers = (*response.headers, ("Access-Control-Allow-Origin", "*"))
            self._send(response.status, response.content_type, response.body, headers, head)
            return
        if path.endswith((".html", "/")):
            self.server.site.refresh()
        found = static_file(self.server.site.html, path)
        if found is None:
            self._send(404, "text/plain; charset=utf-8", b"not found\n", (), head)
            return
        content_type = TYPES.get(found.suffix) or mimetypes.guess_type(found.name)[0] or "application/octet-stream"
        self._send(200, content_type, found.read_bytes(), (), head)

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
        for name, value in headers:
            self.send_header(name, value)
        self.end_headers()
        if not head:
            self.wfile.write(body)

    def log_message(self, format: str, *args) -> None:
        self.server.site.log(format % args)
