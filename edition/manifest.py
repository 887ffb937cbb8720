"""build/manifest.json: what a build was made from and what it wrote, by sha256.

It names no time and no machine, so two builds from the same inputs write the
same manifest; a reader can check any output against it.
"""

from __future__ import annotations

import hashlib
import json
import platform
from importlib import metadata
from pathlib import Path

from . import __version__
from .project import Project

NAME = "manifest.json"
INPUT_FOLDERS = ("texts", "schema", "xslt")
PACKAGES = ("click", "lxml", "saxonche", "weasyprint")


def write(project: Project, saxon_version: str, folder: Path) -> Path:
    manifest = {
        "tool": {"edition": __version__, "python": platform.python_version(), "saxon": saxon_version,
                 **{name: _version(name) for name in PACKAGES}},
        "inputs": _hashes(project.root, [project.root / "pyproject.toml",
                                         *(f for name in INPUT_FOLDERS for f in (project.root / name).rglob("*"))]),
        "outputs": _hashes(folder, list(folder.rglob("*"))),
    }
    path = folder / NAME
    path.write_text(json.dumps(manifest, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    return path


def read(folder: Path) -> dict:
    return json.loads((folder / NAME).read_text(encoding="utf-8"))


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _hashes(base: Path, files: list[Path]) -> dict[str, str]:
    return {f.relative_to(base).as_posix(): sha256(f) for f in sorted(files)
            if f.is_file() and f.name != NAME and "__pycache__" not in f.parts}


def _version(package: str) -> str:
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return "not installed"
