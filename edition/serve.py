"""``edition serve``: the web edition and the live DTS API on this machine.

The site is build/html, served as files at ``/``; the DTS API answers at ``/dts/``
from the sources themselves (edition.dts_api.route, the same answers as the static
build/dts/, with query-string URI templates). A thread watches texts/: when a file changes,
the edited document's reading page is made first and served at once, then every output is
built in the background (see Site); a failed build keeps the previous site and API and says
why. A path that names nothing is answered with the site's 404 page and status 404.

Sources are untrusted: the server itself never checks or transforms one. The build's
worker processes do, within the time and memory limits, and so does the worker that lists
the citable units for the API; the server only parses the bytes a worker read. A request
waits for the watcher a moment only (WAIT_SECONDS), and for a build only when it asks for an
output the build is making again: a build that hangs is ended by its limit while the server
goes on answering from the last good build.

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
from . import documents, dts_api, manifest, policy, preview
from .errors import EditionError
from .outputs import dts
from .outputs.html import NOT_FOUND
from .project import Project
from .xmlfile import parse

TYPES = {".html": "text/html; charset=utf-8", ".css": "text/css; charset=utf-8", ".js": "text/javascript",
         ".json": "application/json", ".xml": "application/xml", ".txt": "text/plain; charset=utf-8",
         ".woff2": "font/woff2", ".pdf": "application/pdf"}


OPEN_TO_ALL = (("Access-Control-Allow-Origin", "*"), ("Access-Control-Expose-Headers", "Link"))  # DTS answers
DTS_TYPES = {".json": dts_api.JSON_LD, ".xml": dts_api.TEI_XML}  # the static DTS files' (build/html/dts/)
WAIT_SECONDS = 0.5  # how long a request waits for the watcher to take up an edit it has not seen
PREVIEWED_AT_ONCE = 3  # an edit of more documents than this is not previewed: the build shows them
READY_DOCUMENTS = 3  # documents whose pages the server makes at its start, to be quick at the first edit


class Site:
    """What the request threads share: where the files are, the DTS catalogue of the sources,
    the state of texts/ the last build was made from, and what is shown ahead of the next build.

    After an edit the watcher first has the edited documents' reading pages made (edition.preview:
    a check and one transform, in the build's worker), and a request for such a page is answered
    with it at once; then it builds every format in the background. Until that build is in place,
    a request for another output of an edited document (its PDF, its text, its other view) waits
    for it, so that nothing older than the edit is served as if it were new.
    """

    def __init__(self, project: Project, folder: Path, log: Callable[[str], None]):
        self.project = project
        self.folder = folder
        self.log = log
        # Kept for the life of the server: its worker compiles the stylesheets once, and an
        # edited document's page, then its other outputs, are made with them.
        self.builder = builder.Builder(project, out=folder, jobs=1)
        self.built = threading.Condition()  # guards the four fields below; notified when they change
        self.built_state = _state(project)  # texts/ as the build in place was made from it
        self.seen_state = self.built_state  # texts/ as the watcher last took it up (previewed)
        self.previews: dict[str, bytes] = {}  # path in the site -> page made ahead of the build
        self.pending: set[str] = set()  # paths in the site that the build under way makes again
        self.wake = threading.Event()
        self.catalogue = self._catalogue()
        self.outputs = self._outputs()  # the files of the site each source made, as the build in place says
        self._ready_to_preview()

    @property
    def html(self) -> Path:
        return self.folder / "html"

    def answer(self, base: str, path: str, query: dict) -> dts_api.Response:
        return dts_api.route(self.catalogue, dts_api.query_urls(base), path, query)

    def fresh(self, path: str | None, wait: float = WAIT_SECONDS) -> bytes | None:
        """Before a file of the site (``path`` in it) is served: the page made ahead of the build
        for it, if there is one, else None once the file in build/html is as new as the sources
        let it be. An edit not yet taken up wakes the watcher, which is waited for a moment; an
        output of an edited document that the build is making again is waited for."""
        state = _state(self.project)
        with self.built:
            if state != self.seen_state:
                self.wake.set()
                self.built.wait_for(lambda: self.seen_state == state, timeout=wait)
            if self._pending(path) and path not in self.previews:
                self.built.wait_for(lambda: not self._pending(path),
                                    timeout=self.project.limits.seconds_for(len(state)))
            return self.previews.get(path)

    def _pending(self, path: str | None) -> bool:
        """Whether the build under way makes ``path`` again: itself, or a folder it is in."""
        return path is not None and (path in self.pending or any(
            path.startswith(output) for output in self.pending if output.endswith("/")))

    def rebuild_if_changed(self) -> None:
        """The watcher's work: if texts/ changed, show the edited pages first, then build; on
        failure keep what is served and say why. A build refused because another holds the folder
        is tried again at the next look."""
        state = _state(self.project)
        if state == self.built_state:
            return
        while True:  # until texts/ stays as it was while the pages were made (a file half written)
            edited = sorted(name for name in state.keys() | self.built_state.keys()
                            if state.get(name) != self.built_state.get(name))
            previews = self._previews(edited)
            now = _state(self.project)
            if now == state:
                break
            state = now
        with self.built:
            # Only a document shown ahead of the build has its outputs waited for: of one the
            # build will refuse (or stop), the outputs in place stay what is served.
            self.previews = {path: body for pages in previews.values() for path, body in pages.items()}
            self.pending = {path for name in previews for path in self.outputs.get(name, ())}
            self.seen_state = state
            self.built.notify_all()
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
            self.outputs = self._outputs()
            self.log("rebuilt")
        with self.built:
            self.built_state = self.seen_state = state
            self.previews, self.pending = {}, set()
            self.built.notify_all()

    def close(self) -> None:
        self.builder.close()

    def _ready_to_preview(self) -> None:
        """Make the pages of a few documents ahead of any edit, so that the worker has done what
        is done once (loading the citation styles, the schemas' first use, the XSLT processor's
        compiling of each template rule when it first applies): the first edit is then shown as
        fast as the next."""
        self._previews([path.name for path in self.project.text_files()], at_most=READY_DOCUMENTS)

    def _previews(self, edited: list[str], at_most: int | None = None) -> dict[str, dict[str, bytes]]:
        """For each edited document that the build would accept, its reading page by its path in
        the site; none when many changed at once (a change of branch, a copy of many files)."""
        if at_most is None and len(edited) > PREVIEWED_AT_ONCE:
            return {}
        pages = {}
        for name in edited:
            if at_most is not None and len(pages) == at_most:
                break
            source = self.project.texts / name
            if not source.is_file():
                continue
            try:
                page = self.builder.in_worker(f"previewing {name}", preview.reading_page, source, self.folder)
            except EditionError:  # the build that follows says what is wrong
                continue
            if page is not None:
                pages[name] = {page.path.removeprefix("html/"): page.body}
        return pages

    def _outputs(self) -> dict[str, list[str]]:
        """The files of the site that the build in place made from each source (by file name),
        read once per build, so that an edit is taken up without reading the manifest."""
        try:
            documents = manifest.read(self.folder).get("documents", {})
        except (OSError, ValueError):
            return {}
        return {name: [output.removeprefix("html/") for output in record.get("outputs", ()) if output.startswith("html/")]
                for name, record in documents.items()}

    def _catalogue(self) -> dts_api.Catalogue:
        """The works and their citable units, as a build worker read them from texts/, and the
        released versions' works, as it read them from their tags (their texts are served by
        their own static API, among the site's files)."""
        listed = self.builder.citable_units()
        files = [parse(path, data) for path, data, _ in listed]
        units = {path.name: found for path, _, found in listed}
        edition = documents.Edition.of(self.project, None, files)
        released = [(version, [documents.Work(work_id, parse(Path(f"{work_id}.xml"), summary)) for work_id, summary in works])
                    for version, works in self.builder.in_worker("listing the released versions", _released)]
        return dts_api.catalogue(edition, lambda work: units[work.path.name], released=released)


def _released(renderer) -> list[tuple[str, list[tuple[str, bytes]]]]:
    """In a worker: the released versions' works, summarised (edition.outputs.dts)."""
    return dts.released_summaries(renderer.settings.project)


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
    """The file a URL path names inside ``root``, or None: never anything outside it."""
    inside = site_path(path)
    if inside is None:
        return None
    try:
        candidate = root.joinpath(*inside.split("/")) if inside else root
        if candidate.is_dir():
            candidate = candidate / "index.html"
        real, top = candidate.resolve(), root.resolve()
        return real if real.is_relative_to(top) and real.is_file() else None
    except OSError:  # a name too long for the file system, and the like: nothing is there
        return None


def site_path(path: str) -> str | None:
    """The path inside the site that a URL path names ("a/b.html"), or None if it names none.

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
    return "/".join(parts)


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
        in_api = path == "/dts" or path.startswith("/dts/")
        # The site's static DTS files (the links of its pages) are served as a host serves them;
        # any other request there is the live API's, with its query-string templates.
        if in_api and static_file(self.server.site.html, path) is None:
            response = self.server.site.answer(self._base(), path[len("/dts"):],
                                               parse_qs(query, keep_blank_values=True))
            self._send(response.status, response.content_type, response.body, (*response.headers, *OPEN_TO_ALL), head)
            return
        site = self.server.site
        inside = site_path(path)
        body = site.fresh(inside) if inside is not None else None
        found = static_file(site.html, path) if body is None else site.html / inside
        if body is None and found is not None:
            body = _read(found)
        if body is None:
            self._not_found(head)
            return
        types = {**TYPES, **DTS_TYPES} if in_api else TYPES
        content_type = types.get(found.suffix) or mimetypes.guess_type(found.name)[0] or "application/octet-stream"
        self._send(200, content_type, body, OPEN_TO_ALL if in_api else (), head)

    def _not_found(self, head: bool) -> None:
        """The site's own page for what is not there (build/html/404.html), with status 404; a
        line of text if the site has none."""
        page = _read(self.server.site.html / NOT_FOUND)
        if page is None:
            self._send(404, "text/plain; charset=utf-8", b"not found\n", (), head)
        else:
            self._send(404, TYPES[".html"], page, (), head)

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
