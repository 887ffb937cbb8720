"""build/print/: the paged-media HTML of every work and of the editors' introduction, with
their stylesheets and font.

This is the PDF-ready output: a paged-media renderer (see pdf.py) reads it with the
assets it links to, all under build/print/assets/.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from ..documents import Edition, Work
from ..summary import Summary

STYLESHEETS = ["print.xsl"]
GENERIC = False
MADE_FROM = "documents"
# What the print HTML links to, relative to xslt/assets/ and to build/print/assets/.
ASSETS = ["print.css", "weasyprint-quirks.css", "fonts/*.woff2", "fonts/OFL.txt"]
INTRODUCTION_FILE = "introduction.html"  # the editors' introduction: the names of the works' are their ids


def prepare(edition: Edition, folder: Path) -> list[Path]:
    return copy(edition.project.xslt / "assets", folder / "print" / "assets", ASSETS)


def write_document(edition: Edition, work: Work, folder: Path) -> list[Path]:
    edition.progress(f"print {work.id}")
    target = folder / "print" / f"{work.id}.html"
    target.write_text(render(edition, work), encoding="utf-8")
    return [target]


def write_edition(edition: Edition, summaries: list[Summary], folder: Path) -> list[Path]:
    """The editors' introduction, the front of the printed edition, when the edition has one:
    its passages' references link to the works' pages, found in their summaries."""
    if edition.introduction is None:
        return []
    edition.progress("print introduction")
    target = folder / "print" / INTRODUCTION_FILE
    works = [edition.stylesheets.document(summary.xml) for summary in summaries if not summary.generic]
    target.write_text(edition.stylesheets.transform("print.xsl", edition.introduction.tree, edition.introduction.path,
                                                    {**_params(edition), "works": works}), encoding="utf-8")
    return [target]


def render(edition: Edition, work: Work) -> str:
    return edition.stylesheets.transform("print.xsl", work.file.tree, work.path,
                                         {**_params(edition), **work.generic_params()})


def _params(edition: Edition) -> dict:
    params = {"paper": edition.project.paper_size, "register-base": edition.project.base_url}
    if edition.registers is not None:
        params["registers"] = edition.registers.tree
    return params


def copy(source: Path, target: Path, patterns) -> list[Path]:
    """The files of ``source`` that match ``patterns``, copied to the same places under ``target``."""
    written = []
    for pattern in patterns:
        for path in sorted(source.glob(pattern)):
            written.append(target / path.relative_to(source))
            written[-1].parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(path, written[-1])
    return written
