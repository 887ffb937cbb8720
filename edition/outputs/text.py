"""build/text/: the reading text and the diplomatic text of every work."""

from __future__ import annotations

from pathlib import Path

from ..documents import Edition, Work

STYLESHEETS = ["text.xsl"]
VIEWS = {"reading": "{id}.txt", "diplomatic": "{id}.diplomatic.txt"}


def write(edition: Edition, folder: Path) -> None:
    out = folder / "text"
    out.mkdir(parents=True, exist_ok=True)
    for work in edition.works:
        edition.progress(f"text  {work.id}")
        for view, name in VIEWS.items():
            (out / name.format(id=work.id)).write_text(render(edition, work, view), encoding="utf-8")


def render(edition: Edition, work: Work, view: str) -> str:
    registers = {"registers": edition.registers.tree} if edition.registers is not None else {}
    return edition.stylesheets.transform("text.xsl", work.file.tree, work.path, {"view": view, **registers})
