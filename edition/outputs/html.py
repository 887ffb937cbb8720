"""build/html/: the web edition, a static site.

One page per work and view (``<id>.html`` the reading text, ``<id>.diplomatic.html`` the
diplomatic text), the edition's page (``index.html``), one page per register, the TEI
sources (``tei/``) and the stylesheet and fonts (``assets/``).
"""

from __future__ import annotations

import shutil
from pathlib import Path

from ..documents import Edition, Work

STYLESHEETS = ["html.xsl"]
VIEWS = {"reading": "{id}.html", "diplomatic": "{id}.diplomatic.html"}
REGISTER_PAGES = ("persons", "organisations", "places", "works")
ASSETS = ("edition.css", "fonts/*.woff2", "fonts/OFL.txt")


def write(edition: Edition, folder: Path) -> None:
    out = folder / "html"
    out.mkdir(parents=True, exist_ok=True)
    for work in edition.works:
        edition.progress(f"html  {work.id}")
        for view, name in VIEWS.items():
            _write(out / name.format(id=work.id), render(edition, work, view))
    _write_site_pages(edition, out)
    _copy_sources(edition, out / "tei")
    _copy_assets(edition, out / "assets")


def render(edition: Edition, work: Work, view: str) -> str:
    return edition.stylesheets.transform("html.xsl", work.file.tree, work.path,
                                         {**_common(edition), "page": "document", "view": view})


def _write_site_pages(edition: Edition, out: Path) -> None:
    """index.html and the register pages: their input is the registers, the works come as a parameter."""
    host = edition.registers or (edition.works[0].file if edition.works else None)
    if host is None:
        return
    works = [work.file.tree for work in edition.works]
    pages = ("index", *REGISTER_PAGES) if edition.registers else ("index",)
    for page in pages:
        edition.progress(f"html  {page}")
        html = edition.stylesheets.transform("html.xsl", host.tree, host.path,
                                             {**_common(edition), "page": page, "works": works})
        _write(out / f"{page}.html", html)


def _common(edition: Edition) -> dict:
    params = {"base-url": edition.project.base_url}
    if edition.registers is not None:
        params["registers"] = edition.registers.tree
    return params


def _copy_sources(edition: Edition, out: Path) -> None:
    """Every TEI file of texts/ as it is: the works, the registers, the alignment."""
    out.mkdir(parents=True, exist_ok=True)
    for path in edition.project.text_files():
        shutil.copyfile(path, out / path.name)


def _copy_assets(edition: Edition, out: Path) -> None:
    source = edition.project.xslt / "assets"
    for pattern in ASSETS:
        for path in sorted(source.glob(pattern)):
            target = out / path.relative_to(source)
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(path, target)


def _write(path: Path, html: str) -> None:
    path.write_text(html, encoding="utf-8")
