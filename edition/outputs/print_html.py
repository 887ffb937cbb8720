"""build/print/: the paged-media HTML of every work, with its stylesheets and font.

This is the PDF-ready output: a paged-media renderer (see pdf.py) reads it with the
assets it links to, all under build/print/assets/.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from ..documents import Edition, Work

STYLESHEETS = ["print.xsl"]
# What the print HTML links to, relative to xslt/assets/ and to build/print/assets/.
ASSETS = ["print.css", "weasyprint-quirks.css", "fonts/*.woff2", "fonts/OFL.txt"]


def prepare(edition: Edition, folder: Path) -> list[Path]:
    return copy(edition.project.xslt / "assets", folder / "print" / "assets", ASSETS)


def write_document(edition: Edition, work: Work, folder: Path) -> list[Path]:
    edition.progress(f"print {work.id}")
    target = folder / "print" / f"{work.id}.html"
    target.write_text(render(edition, work), encoding="utf-8")
    return [target]


def render(edition: Edition, work: Work) -> str:
    params = {"paper": edition.project.paper_size, "register-base": edition.project.base_url,
              **work.generic_params()}
    if edition.registers is not None:
        params["registers"] = edition.registers.tree
    return edition.stylesheets.transform("print.xsl", work.file.tree, work.path, params)


def copy(source: Path, target: Path, patterns) -> list[Path]:
    """The files of ``source`` that match ``patterns``, copied to the same places under ``target``."""
    written = []
    for pattern in patterns:
        for path in sorted(source.glob(pattern)):
            written.append(target / path.relative_to(source))
            written[-1].parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(path, written[-1])
    return written
