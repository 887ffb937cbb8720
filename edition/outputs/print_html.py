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


def write(edition: Edition, folder: Path) -> None:
    out = folder / "print"
    out.mkdir(parents=True, exist_ok=True)
    copy_assets(edition.project.xslt / "assets", out / "assets")
    for work in edition.works:
        edition.progress(f"print {work.id}")
        (out / f"{work.id}.html").write_text(render(edition, work), encoding="utf-8")


def render(edition: Edition, work: Work) -> str:
    params = {"paper": edition.project.paper_size, "register-base": edition.project.base_url}
    if edition.registers is not None:
        params["registers"] = edition.registers.tree
    return edition.stylesheets.transform("print.xsl", work.file.tree, work.path, params)


def copy_assets(source: Path, target: Path) -> None:
    for pattern in ASSETS:
        for path in sorted(source.glob(pattern)):
            destination = target / path.relative_to(source)
            destination.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(path, destination)
