"""The edition as the outputs see it: its registers, alignment and introduction, the compiled
stylesheets; and, for those who read every work at once, its works.

A build reads one document at a time: what its outputs get is an Edition, which holds no work.
Those who serve or cite the works (the DTS API, edition cite, the concordance) load them all:
a LoadedEdition. So ``works`` is never a partial list: it is every work, or it is not there."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from . import scheme
from .errors import EditionError
from .document_names import document_id
from .project import Project
from .saxon import Stylesheets
from .xmlfile import INTRODUCTION, NS, XmlFile, parse


@dataclass
class Work:
    """A TEI file with a text, known by its document id."""

    id: str
    file: XmlFile
    generic: bool = False  # not valid against the edition's schema: rendered generically

    @property
    def path(self) -> Path:
        return self.file.path

    def generic_params(self) -> dict:
        """What tells a driver to render the work generically, under the id the build gave it."""
        return {"generic": True, "strict": False, "document-id": self.id} if self.generic else {}


@dataclass
class Edition:
    """What every output of every document needs, besides the document."""

    project: Project
    stylesheets: Stylesheets | None  # None where nothing is transformed (the server's DTS catalogue)
    registers: XmlFile | None
    progress: Callable[[str], None] = field(default=lambda message: None)
    alignment: XmlFile | None = None
    introduction: XmlFile | None = None

    @classmethod
    def around(cls, project: Project, stylesheets: Stylesheets | None, files: list[XmlFile],
               progress: Callable[[str], None] = lambda message: None) -> Edition:
        """The edition the build's documents are rendered in: the registers, the alignment and
        the introduction among ``files``."""
        found = {kind_of(xml.tree.getroot()): xml for xml in files}
        return Edition(project, stylesheets, found.get("registers"), progress, found.get("alignment"),
                       found.get("introduction"))

    def cited_works(self) -> set[str]:
        """The document ids of the works the introduction cites by reference (``ref/@cRef``,
        "mim-program-1996:7.2"): the works its pages read, and only those."""
        if self.introduction is None:
            return set()
        return {ref.get("cRef").partition(":")[0] for ref in self.introduction.tree.iterfind(".//tei:ref[@cRef]", NS)}

    @classmethod
    def of(cls, project: Project, stylesheets: Stylesheets | None, files: list[XmlFile],
           progress: Callable[[str], None] = lambda message: None, only: set[str] | None = None) -> LoadedEdition:
        """The edition of ``files`` with its works (``only`` those with these ids, if given)."""
        edition = cls.around(project, stylesheets, files, progress)
        return LoadedEdition(**vars(edition), works=works_in(files, only))


@dataclass
class LoadedEdition(Edition):
    """An edition with every one of its works read (or every one asked for)."""

    works: list[Work] = field(default_factory=list)


def works_in(files: list[XmlFile], only: set[str] | None = None) -> list[Work]:
    """The works among ``files`` (``only`` those with these ids, if given), their citation
    schemes checked."""
    works = []
    for xml in files:
        if kind_of(xml.tree.getroot()) == "work" and (only is None or document_id(xml) in only):
            _refuse_unsafe_scheme(xml)
            works.append(Work(document_id(xml), xml))
    return works


def _refuse_unsafe_scheme(xml: XmlFile) -> None:
    """Whoever loads works evaluates their citation scheme: it is checked first, here too,
    for the callers (cite, DTS, serve) that read sources without validating them whole."""
    problems = scheme.problems(xml)
    if problems:
        raise EditionError(problems)


def kind_of(root: etree._Element) -> str:
    """"work", "registers", "alignment", "introduction" or "" for a TEI root element: a work
    has a text, the registers and the alignment are stand-off lists, the editors' introduction
    is a text of the type that says so."""
    if root.get("type") == INTRODUCTION and root.find("tei:text", NS) is not None:
        return "introduction"
    if root.find("tei:text", NS) is not None:
        return "work"
    if root.find("tei:standOff/tei:listPerson", NS) is not None:
        return "registers"
    if root.find("tei:standOff/tei:linkGrp", NS) is not None:
        return "alignment"
    return ""


def load(project: Project, stylesheets: Stylesheets, progress: Callable[[str], None] = lambda m: None,
         files: list[XmlFile] | None = None, only: set[str] | None = None) -> LoadedEdition:
    """The edition of the files of texts/ (parsed here unless the caller has them already)."""
    files = files if files is not None else [parse(path, max_bytes=project.max_source_bytes)
                                             for path in project.text_files()]
    return Edition.of(project, stylesheets, files, progress, only)
