"""What a build does in its worker processes: read and check each document, write its
outputs, summarise it; and the steps over the whole edition, which read the summaries.

A Renderer holds what that needs (the compiled stylesheets, the schemas, the registers and
the alignment), made once per worker process (edition.isolation), which runs under the
build's time and memory limits. A document's problems come back as data, never as an
exception, so that one build reports the problems of every document.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from pathlib import Path

from . import citable, manifest, document_names, scheme
from .citable import Unit
from .documents import Edition, Work, works_in
from .errors import EditionError, Problem
from .outputs import Output, checked, dts, html, name_of, pdf, print_html, search, text
from .project import Project
from .saxon import Stylesheets
from . import summary
from .summary import Summary
from .validate import Validator, check_files
from .xmlfile import XmlFile, parse, read_source

# Each format and the output modules that make it, in the order they run; each module is
# checked against the Output protocol here, once, at import.
FORMATS: dict[str, list[Output]] = {"text": [checked(text)], "html": [checked(html)], "search": [checked(search)],
                                    "pdf": [checked(print_html), checked(pdf)], "dts": [checked(dts)]}


@dataclass(frozen=True)
class Settings:
    """What a build asks of every document; it crosses to the workers, so it is plain data."""

    project: Project
    formats: tuple[str, ...]
    lenient: bool = False
    edition_files: tuple[Path, ...] = ()  # the registers and the alignment, parsed by every renderer

    @property
    def modules(self) -> list[Output]:
        return [module for name in self.formats for module in FORMATS[name]]


@dataclass
class Result:
    """What became of one source: its id, where the id is stated, its problems (or warnings),
    the outputs written (manifest.key: manifest.digest), its summary, what it did (the progress
    messages), and the digest of the bytes read."""

    source: Path
    id: str = ""
    position: tuple[int, int] = (0, 0)
    problems: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    outputs: dict[str, str] = field(default_factory=dict)
    summary: Summary | None = None
    messages: list[str] = field(default_factory=list)
    digest: str = ""


MODULES: dict[str, Output] = {name_of(module): module for modules in FORMATS.values() for module in modules}


class Renderer:
    def __init__(self, settings: Settings):
        self.settings = settings
        self.messages: list[str] = []
        self.writers = settings.modules
        # A document rendered generically is left out of the other formats: a page that claimed
        # the edition's apparatus (its notes, its citation scheme) for it would mislead.
        self.generic_writers = [module for module in self.writers if module.GENERIC]
        self._not_generic = [name for name in settings.formats if not all(m.GENERIC for m in FORMATS[name])]
        self.validator = Validator(settings.project)

    @functools.cached_property
    def edition(self) -> Edition:
        """Made at the first document, so that a worker that only checks compiles nothing."""
        stylesheets = Stylesheets(self.settings.project.xslt,
                                  sorted({n for m in self.settings.modules for n in m.STYLESHEETS}))
        files = [parse(path, max_bytes=self.settings.project.max_source_bytes) for path in self.settings.edition_files]
        return Edition.around(self.settings.project, stylesheets, files, self.messages.append)

    def check_edition_files(self, works: list[Path]) -> list[Problem]:
        """The problems of the registers and the alignment, which every document needs; if they
        have any, those of the documents too, since the build stops there."""
        problems = check_files(list(self.settings.edition_files), self.validator.check_path)
        return sorted(set(problems + check_files(works, self.validator.check_path))) if problems else []

    def render(self, source: Path, folder: Path) -> Result:
        """Read ``source`` once, check it and write its outputs into the build folder ``folder``."""
        self.messages.clear()
        try:
            data = read_source(source, self.settings.project.max_source_bytes)
            xml = parse(source, data)
        except EditionError as error:
            return Result(source, problems=error.problems)
        result = self.checked(xml)
        result.digest = manifest.sha256_of(data)
        if result.problems:
            return result
        work = Work(result.id, xml, generic=bool(result.warnings))
        self.edition.stylesheets.prime(xml)
        writers = self.generic_writers if work.generic else self.writers
        written = [path for module in writers for path in module.write_document(self.edition, work, folder)]
        result.summary = summary.write(xml.tree, work.id, work.generic, folder)
        written.append(result.summary.path)
        result.outputs = {manifest.key(path, folder): manifest.digest(path) for path in written}
        result.messages = list(self.messages)
        return result

    def citable_units(self, works: list[Path]) -> list[tuple[Path, bytes, list[Unit]]]:
        """Each work read once, with its citable units, then the registers and the alignment."""
        listed = []
        for path in [*works, *self.settings.edition_files]:
            data = read_source(path, self.settings.project.max_source_bytes)
            found = works_in([parse(path, data)])
            listed.append((path, data, citable.units(self.edition, found[0]) if found else []))
        return listed

    def run(self, function, *args):
        """``function(self, *args)`` in this worker, with its compiled stylesheets and checks: work
        the build does not do itself (edition.preview, the page edition serve shows after an edit)."""
        return function(self, *args)

    def prepare(self, module: str, folder: Path) -> list[Path]:
        return MODULES[module].prepare(self.edition, folder)

    def write_edition(self, module: str, summaries: list[Summary], folder: Path) -> tuple[list[Path], list[str]]:
        """An output's pages over the whole edition; the files written, and what was done."""
        self.messages.clear()
        return MODULES[module].write_edition(self.edition, summaries, folder), list(self.messages)

    def checked(self, xml: XmlFile) -> Result:
        """The document's id, and its problems; in a lenient build a document the edition's
        schema refuses is a warning and is rendered generically, under an id from its file name."""
        root = xml.tree.getroot()
        # A citation scheme outside its language is refused even in a lenient build: the pages
        # over the whole edition evaluate the schemes of the documents they list.
        problems = document_names.root(xml) or (scheme.problems(xml) if self.settings.lenient else [])
        if problems:
            return Result(xml.path, problems=problems)
        check = self.validator.first_problem if self.settings.lenient else self.validator.check
        problems = check(xml) + document_names.id_problems(xml)
        if not problems:
            idno = document_names.id_element(xml)
            return Result(xml.path, document_names.document_id(xml), xml.position(idno if idno is not None else root))
        if not self.settings.lenient:
            return Result(xml.path, problems=problems)
        first = problems[0]
        left_out = "".join(f"; not in {name}, which has no generic rendering" for name in self._not_generic)
        warning = Problem(first.path, first.line, first.col, "rendered generically: not valid against the "
                          f"edition's schema ({first.message}){left_out}", "warning")
        return Result(xml.path, document_names.derived_id(xml.path), xml.position(root), warnings=[warning])
