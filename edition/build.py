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

import dataclasses
import fcntl
import os
import shutil
import stat
import tempfile
from collections.abc import Callable
from contextlib import contextmanager
from pathlib import Path

from lxml import etree

from . import isolation, manifest, document_names, pool, summary, version_builds, version_pages
from .errors import EditionError, Problem
from .manifest import Manifest, Record
from .project import Project
from .citable import Unit
from .outputs import name_of
from .render import FORMATS, MODULES, Renderer, Result, Settings
from .summary import Summary
from .validate import shown
from .xmlfile import NS, holds_text, read_source, safe_parser

__all__ = ["FORMATS", "Builder", "build"]

NEEDS = {"search": ("html",)}  # a format, and the formats it is made from


def _umask() -> int:
    """The process's umask (read by setting it, once, at import, before any thread runs)."""
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


FOLDER_MODE = 0o777 & ~_umask()  # the mode every other folder of the build gets


class Builder:
    """Builds one edition into one folder, once (``edition build``) or again and again
    (``edition serve``): its worker processes, with their compiled stylesheets, live as long
    as it (close() ends them)."""

    def __init__(self, project: Project, formats: tuple[str, ...] = tuple(FORMATS), out: Path | None = None,
                 lenient: bool = False, jobs: int | None = None, progress: Callable[[str], None] = lambda m: None,
                 versions: bool = True):
        self.project, self.formats, self.lenient, self.jobs = project, _with_needs(formats), lenient, jobs
        self.versions = versions  # whether the site holds the released versions' sites
        self.out = (out or project.build).resolve()
        self.progress = progress
        self.warnings: list[Problem] = []
        self._workers: isolation.Pool | None = None
        self._made_from: tuple | None = None  # what the workers' renderers were made from

    def build(self) -> Path:
        """Build into the folder; the folder. Raises EditionError with every problem found."""
        settings, digests, works = self._plan()
        workers = self._workers_for(settings, digests, works)
        _check_edition_files(workers, settings, works)
        context = manifest.context(settings, digests)
        try:
            self.out.parent.mkdir(parents=True, exist_ok=True)
            released = self._released_versions(settings)
            with _exclusive(self.out) as lock:
                _recover(self.out, lock)
                previous = manifest.previous(self.out, context)
                self._build(lock, workers, settings, works, digests, context, previous, released)
        except OSError as error:
            raise EditionError.at(error.filename or self.out, f"cannot write the build: {error.strerror}; "
                                  "the previous build is unchanged") from None
        return self.out

    def citable_units(self) -> list[tuple[Path, bytes, list[Unit]]]:
        """Each file of texts/ as a worker read it, with the citable units of each work: for
        those who serve the sources (the DTS API) without evaluating a citation scheme themselves."""
        settings, digests, works = self._plan()
        workers = self._workers_for(settings, digests, works)
        return _in_worker(workers, self.project.texts, "listing the citable units", "citable_units", works,
                          seconds=self.project.limits.seconds_for(len(works)))

    def in_worker(self, doing: str, function, *args):
        """``function(renderer, *args)`` in one of the build's workers (edition.render.Renderer.run),
        within the build's limits: ``doing`` says what, if a limit stops it."""
        settings, digests, works = self._plan()
        workers = self._workers_for(settings, digests, works)
        return _in_worker(workers, self.project.texts, doing, "run", function, *args)

    def close(self) -> None:
        if self._workers is not None:
            self._workers.close()
        self._workers = self._made_from = None

    def _released_versions(self, settings: Settings) -> list[version_builds.VersionBuild]:
        """The released versions' builds (edition.version_builds), each made with the same
        formats and the current toolkit where its cached build is not for its key."""
        if not self.versions:
            return []
        toolkit = manifest.context(dataclasses.replace(settings, edition_files=()), {})

        # A version's site holds no other versions: its sources, laid out beside the build
        # (inside the repository's work tree when the build is), are no repository of their own.
        def make(project: Project, out: Path) -> None:
            build(project, self.formats, out, self.progress, jobs=self.jobs, versions=False)
        return version_builds.build_all(self.project, toolkit, self.out, make, self.progress)

    def _write_concordance(self, released: list[version_builds.VersionBuild], staging: Path) -> list[Path]:
        """html/versions.json, the concordance of references, with its page and each
        document's versions page (edition.version_pages), made in a worker."""
        return isolation.run_limited(self.project.limits, self.project.texts, "making the pages of the versions",
                                     version_pages.write, self.project, released, staging)

    def _build(self, lock: Lock, workers: isolation.Pool, settings: Settings, works: list[Path], digests: dict,
               context: str, previous: Manifest, released: list[version_builds.VersionBuild]) -> None:
        neighbours = _neighbours(works) if "html" in settings.formats else {}
        kept = {path: previous.documents[path.name] for path in works
                if manifest.reusable(self.out, previous, path.name, digests[path], neighbours.get(path, ""))}
        outdated = [path for path in works if path not in kept]
        versions_step = f"versions {version_builds.key_of(released)}" if released else ""
        same_versions = (versions_step in previous.edition if released
                         else not any(name.startswith("versions ") for name in previous.edition))
        if not outdated and not previous.empty and len(kept) == len(previous.documents) and same_versions:
            return  # nothing changed: the build in place is this build
        staging = lock.claim(Path(tempfile.mkdtemp(prefix=f".{self.out.name}-", dir=self.out.parent)))
        staging.chmod(FOLDER_MODE)  # mkdtemp makes it the owner's alone; a web server must read the build
        try:
            steps = Steps(self.out, staging, previous)
            # A prepare step also makes the folders the documents' outputs go into: its files are
            # linked from the previous build only when documents are kept too, whose links make
            # those folders; when every document is made again, so is it.
            for name in _names(settings):
                steps.run(f"{name}.prepare", bool(kept),
                          lambda: _in_worker(workers, self.project.texts, f"preparing the {name} output", "prepare", name, staging))
            _link(self.out, staging, [path for record in kept.values() for path in record.outputs])
            results = self._render(workers, outdated, staging)
            # A kept work's page names its neighbours by their headers' titles: if a neighbour's
            # header changed, it is made again too.
            beside = _beside_changed(neighbours, kept, results, self.out)
            for path in beside:
                for relative in kept.pop(path).outputs:  # links into the previous build: never written through
                    if relative.endswith("/"):
                        shutil.rmtree(staging / relative)
                    else:
                        os.unlink(staging / relative)
            results += self._render(workers, beside, staging)
            # The digest of a rendered source is that of the bytes its worker read and rendered.
            digests.update({result.source: result.digest for result in results if result.digest})
            records = {**{path.name: record for path, record in kept.items()},
                       **{result.source.name: Record.of(self.project, result, digests[result.source],
                                                        neighbours.get(result.source, ""))
                          for result in results}}
            _raise_problems(results, records)
            self.warnings = [warning for name in sorted(records) for warning in records[name].warnings]
            changed = bool(results) or len(kept) != len(previous.documents)
            self._write_edition(workers, settings, staging, records, steps, changed, same_versions)
            if released:
                steps.run(versions_step, True, lambda: _link_versions(released, staging, steps.linked))
                steps.run("concordance", False, lambda: self._write_concordance(released, staging))
            manifest.write(self.project, staging, context, digests, records, steps.written, steps.linked)
            _swap(staging, self.out, lock)
        finally:
            shutil.rmtree(staging, ignore_errors=True)

    def _plan(self) -> tuple[Settings, dict, list[Path]]:
        """What a build is made of: its settings, the digest of each source, the documents."""
        sources = self.project.text_files()
        digests, works = _read_sources(self.project, sources, manifest.rendered(self.out))
        chosen = set(works)
        return Settings(self.project, self.formats, self.lenient, tuple(p for p in sources if p not in chosen)), \
            digests, works

    def _workers_for(self, settings: Settings, digests: dict, works: list[Path]) -> isolation.Pool:
        """The workers of the last build if they were made for the same settings, registers and
        alignment (their renderers hold those), else new ones."""
        made_from = (settings, {path: digests[path] for path in settings.edition_files})
        if self._workers is None or self._made_from != made_from:
            self.close()
            self._workers = isolation.Pool(Renderer, (settings,), self.project.limits, pool.size(self.jobs, works))
            self._made_from = made_from
        return self._workers

    def _render(self, workers: isolation.Pool, sources: list[Path], staging: Path) -> list[Result]:
        # Large documents first, so that one is not left alone at the end of the build.
        order = sorted(sources, key=lambda path: -path.stat().st_size)
        results = {}
        for (source, _), outcome in workers.map("render", [(source, staging) for source in order]):
            if isinstance(outcome, isolation.LimitExceeded):
                outcome = Result(source, problems=[outcome.problem(source, "building this document")])
            for message in outcome.messages:
                self.progress(message)
            results[source] = outcome
        return [results[source] for source in sources]

    def _write_edition(self, workers: isolation.Pool, settings: Settings, staging: Path, records: dict[str, Record],
                       steps: Steps, changed: bool, same_versions: bool) -> None:
        """Each output's pages over the whole edition: made again when what they are made of
        changed (the summaries, or any document) or when the released versions did (the DTS
        collection lists them), else linked from the previous build. They read every summary:
        their time limit grows with the number of documents."""
        summaries = [_summary(staging, record) for _, record in sorted(records.items())]
        same_summaries = manifest.summary_digests(records) == steps.previous.summaries
        seconds = self.project.limits.seconds_for(len(records))
        for name in _names(settings):
            unchanged = (same_summaries if MODULES[name].MADE_FROM == "summaries" else not changed) and same_versions
            steps.run(name, unchanged, lambda: self._edition_step(workers, name, summaries, staging, seconds))

    def _edition_step(self, workers: isolation.Pool, name: str, summaries: list[Summary], staging: Path,
                      seconds: float) -> list[Path]:
        written, messages = _in_worker(workers, self.project.texts, f"making the {name} output over the whole edition", "write_edition",
                                       name, summaries, staging, seconds=seconds)
        for message in messages:
            self.progress(message)
        return written


class Steps:
    """The steps of a build that write outputs of no one document, and the files each wrote:
    a step whose inputs are unchanged links the files it wrote last time instead."""

    def __init__(self, old: Path, new: Path, previous: Manifest):
        self.old, self.new, self.previous = old, new, previous
        self.written: dict[str, list[str]] = {}
        self.linked: dict[str, str] = {}  # each file linked: its digest, known from the previous manifest

    def run(self, name: str, unchanged: bool, action: Callable[[], list[Path]]) -> None:
        if unchanged and name in self.previous.edition:
            self.written[name] = self.previous.edition[name]
            _link(self.old, self.new, self.written[name])
            self.linked.update({path: self.previous.outputs[path] for path in self.written[name]})
        else:
            self.written[name] = sorted(manifest.key(path, self.new) for path in action())


def build(project: Project, formats: tuple[str, ...] = tuple(FORMATS), out: Path | None = None,
          progress: Callable[[str], None] = lambda message: None, lenient: bool = False,
          jobs: int | None = None, versions: bool = True) -> Path:
    """Build the edition into ``out`` (default build/), with the released versions' sites
    unless ``versions`` is false; the folder written."""
    builder = Builder(project, formats, out, lenient, jobs, progress, versions)
    try:
        return builder.build()
    finally:
        builder.close()


def _link_versions(released: list[version_builds.VersionBuild], staging: Path, linked: dict[str, str]) -> list[Path]:
    """Link each released version's site into html/v/<version>/; their digests are known."""
    written = []
    for release in released:
        for path, (source, digest) in release.outputs().items():
            target = staging / path
            target.parent.mkdir(parents=True, exist_ok=True)
            _link_output(f"{release.folder}/{source}", f"{staging}/{path}")
            written.append(target)
            linked[path] = digest
    return written


def _with_needs(formats: tuple[str, ...]) -> tuple[str, ...]:
    """The formats asked for, with those they are made from (the search index reads the pages)."""
    needed = [need for name in formats for need in NEEDS.get(name, ())]
    return tuple(dict.fromkeys(needed + list(formats)))


def _neighbours(works: list[Path]) -> dict[Path, str]:
    """For each work, the file names of the works before and after it in the order of their
    files ("a.xml b.xml"; "" at an end), whose titles its page links (edition.outputs.html.neighbours):
    a work is made again when a work is added or removed beside it."""
    names = ["", *(path.name for path in works), ""]
    return {path: f"{names[index]} {names[index + 2]}" for index, path in enumerate(works)}


def _beside_changed(neighbours: dict[Path, str], kept: dict[Path, Record], results: list[Result],
                    previous_build: Path) -> list[Path]:
    """The kept works beside a work made again whose header (its title) is not the one the
    previous build summarised."""
    wanted = {name for path in kept for name in neighbours.get(path, "").split()}
    changed = {result.source.name for result in results if result.source.name in wanted and result.summary
               and _header(result.summary.xml) != _header_in(previous_build / summary.relative(result.id))}
    return [path for path in kept if changed & set(neighbours.get(path, "").split())]


def _header(summary: bytes) -> bytes:
    # The previous build's files are read with the parser that reads the sources: trusted so far only.
    return etree.tostring(etree.fromstring(summary, safe_parser()).find("tei:teiHeader", NS), method="c14n")


def _header_in(path: Path) -> bytes | None:
    try:
        return _header(path.read_bytes())
    except (OSError, etree.XMLSyntaxError, TypeError):
        return None


def _read_sources(project: Project, sources: list[Path], rendered: dict[str, str]) -> tuple[dict, list[Path]]:
    """The digest of each source, and which are documents (those that hold a text). A source
    the build in place rendered, unchanged since, holds a text still."""
    digests, works, problems = {}, [], []
    for path in sources:
        try:
            data = read_source(path, project.max_source_bytes)
        except EditionError as error:
            problems += error.problems
            continue
        digests[path] = manifest.sha256_of(data)
        if rendered.get(path.name) == digests[path] or holds_text(data):
            works.append(path)
    if problems:
        raise EditionError([shown(problem) for problem in problems])
    return digests, works


def _check_edition_files(workers: isolation.Pool, settings: Settings, works: list[Path]) -> None:
    """The registers and the alignment, which every document needs; if they have problems the
    build stops here, with those of the documents too."""
    if not settings.edition_files:
        return
    # The rules of the registers and the alignment read every document they point to.
    try:
        problems = workers.call("check_edition_files", works, seconds=settings.project.limits.seconds_for(len(works)))
    except isolation.LimitExceeded as exceeded:
        problems = [exceeded.problem(settings.project.texts, "checking the registers and the alignment")]
    if problems:
        raise EditionError(problems)


def _in_worker(workers: isolation.Pool, where: Path, doing: str, method: str, *args, seconds: float | None = None):
    """A step of no one document, in a worker: a limit it passes ends the build with a message."""
    try:
        return workers.call(method, *args, seconds=seconds)
    except isolation.LimitExceeded as exceeded:
        raise EditionError([exceeded.problem(where, doing)]) from None


def _raise_problems(results: list[Result], records: dict[str, Record]) -> None:
    problems = [problem for result in results for problem in result.problems]
    named = [document_names.Named(record.id, record.source, record.position)
             for _, record in sorted(records.items()) if record.id]
    problems += document_names.collisions(named) + _shared_outputs(records)
    if problems:
        raise EditionError([shown(problem) for problem in problems])


def _shared_outputs(records: dict[str, Record]) -> list[Problem]:
    """A problem for each output two sources wrote (a document id joined to a reference can
    spell another's: "a" with "1996-1" and "a-1996" with "1"): one would replace the other."""
    owner, problems = {}, {}
    for name, record in sorted(records.items()):
        for output in record.outputs:
            other = owner.setdefault(output, name)
            if other != name and (name, other) not in problems:
                problems[name, other] = Problem(record.source, *record.position, f"its output {output} is "
                                                f"also an output of {other}: change a document id or the citation scheme")
    # A folder that is one document's holds no other's output: sorted, what is inside it follows it.
    outputs = sorted(owner)
    for folder, inside in zip(outputs, outputs[1:]):
        name, other = owner[inside], owner[folder]
        if folder.endswith("/") and inside.startswith(folder) and name != other and (name, other) not in problems:
            record = records[name]
            problems[name, other] = Problem(record.source, *record.position, f"its output {inside} is inside "
                                            f"{folder}, an output of {other}: change a document id or the citation scheme")
    return list(problems.values())


def _names(settings: Settings) -> list[str]:
    """The output modules of the build, by name, in the order they run."""
    return list(dict.fromkeys(name_of(module) for module in settings.modules))


def _summary(folder: Path, record: Record) -> Summary:
    return Summary(record.id, record.generic, folder / record.summary)


def _link(old: Path, new: Path, relative_paths) -> None:
    # Plain strings, each folder made once: a rebuild of a large edition links tens of
    # thousands of files.
    made = set()
    for relative in relative_paths:
        if relative.startswith("/") or ".." in relative.split("/"):  # a manifest is only trusted so far
            raise EditionError.at(old / "manifest.json", f"the previous build lists an output outside it: {relative}")
        folder = os.path.dirname(relative.removesuffix("/"))
        if folder not in made:
            os.makedirs(f"{new}/{folder}", exist_ok=True)
            made.add(folder)
        _link_output(f"{old}/{relative}", f"{new}/{relative}")


def _link_output(old: str, new: str) -> None:
    """A hard link to an output: to each file of it, if it is a folder (its name ends in "/")."""
    if old.endswith("/"):
        shutil.copytree(old, new, copy_function=os.link)
    else:
        os.link(old, new)


class Lock:
    """The build's lock file, held while it writes; it lists the folders the build made beside
    the output, so that the next build removes those, if a kill left them, and nothing else."""

    def __init__(self, file):
        self.file = file

    def claim(self, folder: Path) -> Path:
        self.file.write(folder.name + "\n")
        self.file.flush()
        return folder

    def claimed(self) -> list[str]:
        self.file.seek(0)
        return [name for name in self.file.read().splitlines() if name]

    def release_all(self) -> None:
        self.file.truncate(0)
        self.file.flush()


@contextmanager
def _exclusive(out: Path):
    """Hold the build's lock; a second build at the same time is refused, never mixed in."""
    path = out.with_name(f".{out.name}.lock")
    try:  # never through a link: the build writes into this file
        descriptor = os.open(path, os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW | os.O_APPEND, 0o644)
    except OSError as error:
        raise EditionError.at(path, f"cannot open the build's lock file: {error.strerror}") from None
    with os.fdopen(descriptor, "a+") as file:
        if not stat.S_ISREG(os.fstat(file.fileno()).st_mode):
            raise EditionError.at(path, "the build's lock file is not a regular file")
        try:
            fcntl.flock(file, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise BuildBusy.at(out, "another build is writing this folder; try again when it has finished") from None
        yield Lock(file)


class BuildBusy(EditionError):
    """Another build holds the folder: nothing is wrong with the sources, try again later."""


def _recover(out: Path, lock: Lock) -> None:
    """Undo what a killed build left: the folders it claimed (its staging folder, or the
    previous build of a swap cut in the middle). Other folders, whatever their names, stay."""
    previous = out.with_name(f".{out.name}-previous")
    claimed = lock.claimed()
    if previous.name in claimed and previous.exists() and not out.exists():
        previous.rename(out)
    for name in claimed:
        if name.startswith(f".{out.name}-") and "/" not in name:
            shutil.rmtree(out.with_name(name), ignore_errors=True)
    lock.release_all()


def _swap(staging: Path, out: Path, lock: Lock) -> None:
    """Replace ``out`` by ``staging`` with renames, never leaving a half-written build."""
    previous = lock.claim(out.with_name(f".{out.name}-previous"))
    shutil.rmtree(previous, ignore_errors=True)
    if out.exists():
        out.rename(previous)
    staging.rename(out)
    shutil.rmtree(previous, ignore_errors=True)
