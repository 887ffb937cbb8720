"""One document's share of a build: read it, check it, write its outputs, summarise it.

A Renderer holds what every document needs (the compiled stylesheets, the schemas, the
registers and the alignment), made once per process: in the build's own process, or in
each worker of its pool. A document's problems come back as data, never as an exception,
so that one build reports the problems of every document.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from . import manifest, names
from .documents import Edition, Work
from .errors import EditionError, Problem
from .outputs import dts, html, pdf, print_html, search, text
from .project import Project
from .saxon import Stylesheets
from .summary import Summary, summarise
from .validate import Validator
from .xmlfile import XmlFile, parse

# Each format and the output modules that make it, in the order they run.
FORMATS = {"text": [text], "html": [html], "search": [search], "pdf": [print_html, pdf], "dts": [dts]}


@dataclass(frozen=True)
class Settings:
    """What a build asks of every document; it crosses to the workers, so it is plain data."""

    project: Project
    formats: tuple[str, ...]
    lenient: bool = False
    edition_files: tuple[Path, ...] = ()  # the registers and the alignment, parsed by every renderer

    @property
    def modules(self) -> list:
        return [module for name in self.formats for module in FORMATS[name]]


@dataclass
class Result:
    """What became of one source: its id, where the id is stated, its problems (or warnings),
    the outputs written (relative path: sha256), its summary."""

    source: Path
    id: str = ""
    position: tuple[int, int] = (0, 0)
    problems: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    outputs: dict[str, str] = field(default_factory=dict)
    summary: Summary | None = None


class Renderer:
    def __init__(self, settings: Settings, progress: Callable[[str], None] = lambda message: None):
        self.settings = settings
        self.writers = [module for module in settings.modules if hasattr(module, "write_document")]
        # A document rendered generically is left out of the other formats: a page that claimed
        # the edition's apparatus (its notes, its citation scheme) for it would mislead.
        self.generic_writers = [module for module in self.writers if getattr(module, "GENERIC", False)]
        self._not_generic = [name for name in settings.formats
                             if any(module in self.writers and module not in self.generic_writers
                                    for module in FORMATS[name])]
        stylesheets = Stylesheets(settings.project.xslt, sorted({n for m in settings.modules for n in m.STYLESHEETS}))
        self.validator = Validator(settings.project)
        files = [parse(path) for path in settings.edition_files]
        self.edition = Edition.of(settings.project, stylesheets, files, progress)

    def render(self, source: Path, folder: Path) -> Result:
        """Check ``source`` and write its outputs into the build folder ``folder``."""
        try:
            xml = parse(source)
        except EditionError as error:
            return Result(source, problems=error.problems)
        result = self._checked(xml)
        if result.problems:
            return result
        work = Work(result.id, xml, generic=bool(result.warnings))
        writers = self.generic_writers if work.generic else self.writers
        written = [path for module in writers for path in module.write_document(self.edition, work, folder)]
        result.summary = summarise(xml.tree, work.id, work.generic)
        written.append(folder / "summaries" / f"{work.id}.xml")
        written[-1].parent.mkdir(exist_ok=True)
        written[-1].write_bytes(result.summary.xml)
        result.outputs = {path.relative_to(folder).as_posix(): manifest.sha256(path) for path in written}
        return result

    def _checked(self, xml: XmlFile) -> Result:
        """The document's id, and its problems; in a lenient build a document the edition's
        schema refuses is a warning and is rendered generically, under an id from its file name."""
        root = xml.tree.getroot()
        problems = names.root(xml)
        if problems:
            return Result(xml.path, problems=problems)
        check = self.validator.first_problem if self.settings.lenient else self.validator.check
        problems = check(xml) + names.id_problems(xml)
        if not problems:
            idno = names.id_element(xml)
            return Result(xml.path, names.document_id(xml), xml.position(idno if idno is not None else root))
        if not self.settings.lenient:
            return Result(xml.path, problems=problems)
        first = problems[0]
        left_out = "".join(f"; not in {name}, which has no generic rendering" for name in self._not_generic)
        warning = Problem(first.path, first.line, first.col, "rendered generically: not valid against the "
                          f"edition's schema ({first.message}){left_out}", "warning")
        return Result(xml.path, names.derived_id(xml.path), xml.position(root), warnings=[warning])
