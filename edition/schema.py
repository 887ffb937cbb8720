"""The edition's schema: generated from its ODD, then loaded to validate."""

from __future__ import annotations

from pathlib import Path

from .project import Project
from .saxon import Stylesheets
from .xmlfile import parse

GENERATED = {"edition.rng": "odd2rng.xsl", "edition.sch": "odd2sch.xsl"}


def generate(project: Project, stylesheets: Stylesheets | None = None) -> dict[str, str]:
    """The generated schema files, by name, from schema/edition.odd."""
    odd_path = project.schema / "edition.odd"
    odd = parse(odd_path)
    stylesheets = stylesheets or Stylesheets(project.xslt, list(GENERATED.values()))
    return {name: stylesheets.transform(xsl, odd.tree, odd_path) for name, xsl in GENERATED.items()}


def write(project: Project) -> list[Path]:
    """Regenerate schema/edition.rng and schema/edition.sch; the files written."""
    written = []
    for name, text in generate(project).items():
        path = project.schema / name
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return written


def stale(project: Project) -> list[str]:
    """Names of generated files that differ from what the ODD gives now."""
    return [
        name for name, text in generate(project).items()
        if not (project.schema / name).is_file() or (project.schema / name).read_text(encoding="utf-8") != text
    ]
