"""The works of the edition: its TEI files that have a text (the registers have none)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .project import Project
from .xmlfile import NS, XmlFile, parse


@dataclass
class Work:
    id: str
    file: XmlFile

    @property
    def path(self) -> Path:
        return self.file.path


def works(project: Project) -> list[Work]:
    """Every work of texts/, by document id, in a stable order."""
    found = []
    for path in project.text_files():
        xml = parse(path)
        if xml.tree.find("tei:text", NS) is not None:
            found.append(Work(document_id(xml), xml))
    return found


def document_id(xml: XmlFile) -> str:
    return xml.tree.findtext("tei:teiHeader/tei:fileDesc/tei:publicationStmt/tei:idno[@type='document']", "", NS).strip()
