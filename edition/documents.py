"""The edition as the outputs see it: its works, its registers, the compiled stylesheets."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from .names import document_id
from .project import Project
from .saxon import Stylesheets
from .xmlfile import NS, XmlFile, parse


@dataclass
class Work:
    """A TEI file with a text, known by its document id."""

    id: str
    file: XmlFile

    @property
    def path(self) -> Path:
        return self.file.path


@dataclass
class Edition:
    project: Project
    stylesheets: Stylesheets
    works: list[Work]
    registers: XmlFile | None
    progress: Callable[[str], None] = field(default=lambda message: None)
    alignment: XmlFile | None = None


def load(project: Project, stylesheets: Stylesheets, progress: Callable[[str], None] = lambda m: None,
         files: list[XmlFile] | None = None) -> Edition:
    """The works, the registers and the alignment among the files of texts/ (parsed here
    unless the caller, such as a build that has just validated them, has them already)."""
    works, registers, alignment = [], None, None
    for xml in files if files is not None else [parse(path) for path in project.text_files()]:
        if xml.tree.find("tei:text", NS) is not None:
            works.append(Work(document_id(xml), xml))
        elif xml.tree.find("tei:standOff/tei:listPerson", NS) is not None:
            registers = xml
        elif xml.tree.find("tei:standOff/tei:linkGrp", NS) is not None:
            alignment = xml
    return Edition(project, stylesheets, works, registers, progress, alignment)

