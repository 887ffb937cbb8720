"""``edition build``: check every source, write the outputs of those that changed, swap them in.

The outputs are written to a temporary folder beside the destination; only when all of
them are written does it replace the previous build, so a failed build leaves the
previous output as it was.

A build is incremental: the previous build's manifest says from which digest of which
source each output was made. Outputs of an unchanged source are hard-linked from the
previous build (never written through: a link is only ever read), the others are made
again; the pages that list the documents are made again only when a summary changed.
Anything that could change every output (a stylesheet, the schema, the registers, the
settings, the program) changes the manifest's context, and then everything is rebuilt.

Documents are rendered in parallel by a pool of processes when there is enough to do.
"""

from __future__ import annotations

import fcntl
import os
import shutil
import tempfile
from collections.abc import Callable
from contextlib import contextmanager
from pathlib import Path

from . import manifest, names, pool
from .errors import EditionError, Problem
from .project import Project
from .render import FORMATS, Renderer, Result, Settings
from .summary import Summary
from .validate import check, parse_all, shown
from .xmlfile import holds_text

__all__ = ["FORMATS", "Builder", "build"]


class Builder:
    """Builds one edition into one folder, once (``edition build``) or again and again
    (``edition serve``): its renderer, with the compiled stylesheets, lives as long as it."""

    def __init__(self, project: Project, formats: tuple[str, ...] = tuple(FORMATS), out: Path | None = None,
                 lenient: bool = False, jobs: int | None = None, progress: Callable[[str], None] = lambda m: None):
        self.project, self.formats, self.lenient, self.jobs = project, formats, lenient, jobs
        self.out = (out or project.build).resolve()
        self.progress = progress
        self.warnings: list[Problem] = []
        self._renderer: Renderer | None = None
        self._made_from: tuple[Settings, dict] | None = None  # what the renderer's edition files were

    def build(self) -> Path:
        """Build into the folder; the folder. Raises EditionError with every problem found."""
        sources = self.project.text_files()
        digests = {path: manifest.sha256(path) for path in sources}
        # A source the build in place rendered, unchanged since, holds a text still: only the
        # others are read to tell the documents from the registers and the alignment.
        rendered = manifest.rendered(self.out)
        works = [path for path in sources if rendered.get(path.name) == digests[path] or holds_text(path)]
        chosen = set(works)
        settings = Settings(self.project, self.formats, self.lenient, tuple(p for p in sources if p not in chosen))
        _check_edition_files(self.project, settings.edition_files, works)
        context = manifest.context(settings, digests)
        try:
            self.out.parent.mkdir(parents=True, exist_ok=True)
            with _exclusive(self.out):
                _recover(self.out)
                previous = manifest.previous(self.out, context)
                self._build(settings, works, digests, context, previous)
        except OSError as error:
            raise EditionError.at(error.filename or self.out, f"cannot write the build: {error.strerror}; "
                                  "the previous build is unchanged") from None
        return self.out

    def _build(self, settings: Settings, works: list[Path], digests: dict, context: str, previous: dict) -> None:
        kept = {path: previous["documents"][path.name] for path in works
                if manifest.reusable(self.out, previous, path.name, digests[path])}
        outdated = [path for path in works if path not in kept]
        if not outdated and previous and len(kept) == len(previous["documents"]):
            return  # nothing changed: the build in place is this build
        staging = Path(tempfile.mkdtemp(prefix=f".{self.out.name}-", dir=self.out.parent))
        try:
            renderer = self._renderer_for(settings, digests)
            steps = Steps(self.out, staging, previous)
            for module in (m for m in settings.modules if hasattr(m, "prepare")):
                steps.run(f"{_name(module)}.prepare", bool(previous), lambda: module.prepare(renderer.edition, staging))
            _link(self.out, staging, [path for record in kept.values() for path in record["outputs"]])
            results = self._render(settings, outdated, staging)
            records = {**{path.name: record for path, record in kept.items()},
                       **{result.source.name: manifest.record(self.project, result, digests[result.source])
                          for result in results}}
            _raise_problems(results, records)
            self.warnings = [Problem(**w) for name in sorted(records) for w in records[name]["warnings"]]
            changed = bool(results) or len(kept) != len(previous.get("documents", {}))
            self._write_edition(renderer, settings, staging, records, steps, changed)
            manifest.write(self.project, renderer.edition.stylesheets.version, staging, context, digests,
                           records, steps.written, steps.linked)
            _swap(staging, self.out)
        finally:
            shutil.rmtree(staging, ignore_errors=True)

    def _renderer_for(self, settings: Settings, digests: dict) -> Renderer:
        """The renderer of the last build if it was made from the same registers and alignment."""
        made_from = (settings, {path: digests[path] for path in settings.edition_files})
        if self._renderer is None or self._made_from != made_from:
            self._renderer, self._made_from = Renderer(settings, self.progress), made_from
        return self._renderer

    def _render(self, settings: Settings, sources: list[Path], staging: Path) -> list[Result]:
        workers = pool.size(self.jobs, sources)
        if workers <= 1:
            return [self._renderer.render(source, staging) for source in sources]
        return pool.render(settings, sources, staging, workers, self.progress)

    def _write_edition(self, renderer: Renderer, settings: Settings, staging: Path, records: dict,
                       steps: Steps, changed: bool) -> None:
        """Each output's pages over the whole edition: made again when what they are made of
        changed (the summaries, or any document), else linked from the previous build."""
        summaries = [_summary(staging, record) for _, record in sorted(records.items())]
        same_summaries = manifest.summary_digests(records) == steps.previous.get("summaries")
        for module in (m for m in settings.modules if hasattr(m, "write_edition")):
            unchanged = same_summaries if getattr(module, "MADE_FROM", "documents") == "summaries" else not changed
            steps.run(_name(module), unchanged, lambda: module.write_edition(renderer.edition, summaries, staging))


class Steps:
    """The steps of a build that write outputs of no one document, and the files each wrote:
    a step whose inputs are unchanged links the files it wrote last time instead."""

    def __init__(self, old: Path, new: Path, previous: dict):
        self.old, self.new, self.previous = old, new, previous
        self.written: dict[str, list[str]] = {}
        self.linked: dict[str, str] = {}  # each file linked: its digest, known from the previous manifest

    def run(self, name: str, unchanged: bool, action: Callable[[], list[Path]]) -> None:
        if unchanged and name in self.previous.get("edition", {}):
            self.written[name] = self.previous["edition"][name]
            _link(self.old, self.new, self.written[name])
            self.linked.update({path: self.previous["outputs"][path] for path in self.written[name]})
        else:
            self.written[name] = sorted(path.relative_to(self.new).as_posix() for path in action())


def build(project: Project, formats: tuple[str, ...] = tuple(FORMATS), out: Path | None = None,
          progress: Callable[[str], None] = lambda message: None, lenient: bool = False,
          jobs: int | None = None) -> Path:
    """Build the edition into ``out`` (default build/); the folder written."""
    return Builder(project, formats, out, lenient, jobs, progress).build()


def _check_edition_files(project: Project, paths: tuple[Path, ...], works: list[Path]) -> None:
    """The registers and the alignment, which every document needs; if they have problems the
    build stops here, with those of the documents too."""
    files, problems = parse_all(list(paths))
    problems += check(project, files)
    if problems:
        files, more = parse_all(works)
        raise EditionError(sorted(set(problems + more + check(project, files))))


def _raise_problems(results: list[Result], records: dict) -> None:
    problems = [problem for result in results for problem in result.problems]
    named = [names.Named(record["id"], record["source"], tuple(record["position"]))
             for _, record in sorted(records.items()) if record.get("id")]
    problems += names.collisions(named)
    if problems:
        raise EditionError([shown(problem) for problem in problems])


def _name(module) -> str:
    return module.__name__.rpartition(".")[2]


def _summary(folder: Path, record: dict) -> Summary:
    return Summary(record["id"], record["generic"], (folder / record["summary"]).read_bytes())


def _link(old: Path, new: Path, relative_paths) -> None:
    # Plain strings, each folder made once: a rebuild of a large edition links tens of
    # thousands of files.
    made = set()
    for relative in relative_paths:
        folder = os.path.dirname(relative)
        if folder not in made:
            os.makedirs(f"{new}/{folder}", exist_ok=True)
            made.add(folder)
        os.link(f"{old}/{relative}", f"{new}/{relative}")


@contextmanager
def _exclusive(out: Path):
    """Hold the build's lock; a second build at the same time is refused, never mixed in."""
    with open(out.with_name(f".{out.name}.lock"), "w") as lock:
        try:
            fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise EditionError.at(out, "another build is writing this folder; try again when it has finished") from None
        yield


def _recover(out: Path) -> None:
    """Undo what a killed build left: its staging folders, or a swap cut in the middle."""
    previous = out.with_name(f".{out.name}-previous")
    if previous.exists() and not out.exists():
        previous.rename(out)
    for stale in out.parent.glob(f".{out.name}-*"):
        if stale.is_dir():
            shutil.rmtree(stale, ignore_errors=True)


def _swap(staging: Path, out: Path) -> None:
    """Replace ``out`` by ``staging`` with renames, never leaving a half-written build."""
    previous = out.with_name(f".{out.name}-previous")
    shutil.rmtree(previous, ignore_errors=True)
    if out.exists():
        out.rename(previous)
    staging.rename(out)
    shutil.rmtree(previous, ignore_errors=True)
