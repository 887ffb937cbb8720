"""build/text/: the reading text and the diplomatic text of every work (the reading text alone
of a work rendered generically), offered by the site too (build/html/text/)."""

from __future__ import annotations

from pathlib import Path

from .. import site
from ..documents import Edition, Work
from ..output_files import offered_by_the_site
from ..summary import Summary

STYLESHEETS = ["text.xsl"]
GENERIC = True  # renders a document the edition's schema refuses, with --lenient
MADE_FROM = "documents"
VIEWS = {view: site.view_file("{id}", view, "txt") for view in site.VIEWS}


def prepare(edition: Edition, folder: Path) -> list[Path]:
    (folder / "text").mkdir(parents=True, exist_ok=True)
    return []


def write_document(edition: Edition, work: Work, folder: Path) -> list[Path]:
    edition.progress(f"text  {work.id}")
    written = []
    for view, name in VIEWS.items() if not work.generic else [("reading", VIEWS["reading"])]:
        target = folder / "text" / name.format(id=work.id)
        target.write_text(render(edition, work, view), encoding="utf-8")
        written += [target, *offered_by_the_site(target, folder)]
    return written


def write_edition(edition: Edition, summaries: list[Summary], folder: Path) -> list[Path]:
    return []  # every text file is one document's


def render(edition: Edition, work: Work, view: str) -> str:
    params = {"view": view, **work.generic_params()}
    if edition.registers is not None:
        params["registers"] = edition.registers.tree
    return edition.stylesheets.transform("text.xsl", work.file.tree, work.path, params)

