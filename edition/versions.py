"""The edition's released versions, as git holds them: tags ``v<version>`` on commits whose
TEI headers carry that version (``edition release`` makes them).

A released version's sources are read from its tag (``git show v1.0.0:texts/...``), never
stored twice. Outside a git repository, or without tags, there are no released versions.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import tempfile
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from .errors import EditionError

SEMVER = re.compile(r"(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)")
LEVELS = ("patch", "minor", "major")  # the parts of a version, from the least to the most


def site_folder(version: Version | str) -> str:
    """Where a released version is published inside the site: ``v/<version>/``."""
    return f"v/{version}/"


def published_at(base_url: str, version: Version | str) -> str:
    """The address of a released version's own copy of the edition (its folder alone without
    a base URL)."""
    return f"{base_url.rstrip('/')}/{site_folder(version)}" if base_url else site_folder(version)


@dataclass(frozen=True, order=True)
class Version:
    """A semantic version, major.minor.patch, ordered as numbers."""

    major: int
    minor: int
    patch: int

    @classmethod
    def parse(cls, text: str) -> Version | None:
        match = SEMVER.fullmatch(text or "")
        return cls(*(int(part) for part in match.groups())) if match else None

    def __str__(self) -> str:
        return f"{self.major}.{self.minor}.{self.patch}"

    @property
    def tag(self) -> str:
        return f"v{self}"

    def next(self, level: str) -> Version:
        """The version that follows this one at a level: 1.2.3 -> 2.0.0, 1.3.0, 1.2.4."""
        if level == "major":
            return Version(self.major + 1, 0, 0)
        if level == "minor":
            return Version(self.major, self.minor + 1, 0)
        return Version(self.major, self.minor, self.patch + 1)


def git(root: Path, *args: str) -> bytes:
    """The output of a git command run in ``root``; a failure is an EditionError."""
    try:
        run = subprocess.run(["git", "-C", str(root), *args], capture_output=True, check=False)
    except FileNotFoundError:
        raise EditionError.at(root, "git is not installed") from None
    if run.returncode != 0:
        message = run.stderr.decode("utf-8", "replace").strip().splitlines() or ["failed"]
        raise EditionError.at(root, f"git {args[0]}: {message[-1]}")
    return run.stdout


def in_repository(root: Path) -> bool:
    """Whether ``root`` is inside a git work tree (with git installed)."""
    try:
        return git(root, "rev-parse", "--is-inside-work-tree").strip() == b"true"
    except EditionError:
        return False


def released(root: Path) -> list[Version]:
    """Every released version, oldest first: the tags v<major>.<minor>.<patch> (other tags are
    not releases of the edition). None outside a git repository."""
    if not in_repository(root):
        return []
    names = git(root, "tag", "--list", "v*").decode("utf-8").split()
    return sorted(version for version in (Version.parse(name[1:]) for name in names) if version)


def is_tagged(root: Path, version: Version) -> bool:
    return bool(git(root, "tag", "--list", version.tag).strip())


def uncommitted(root: Path, folder: str) -> list[str]:
    """The files under ``folder`` (relative to ``root``) that differ from the last commit, or
    are not committed at all, relative to ``root``."""
    status = git(root, "status", "--porcelain=v1", "-z", "--untracked-files=all", "--", folder)
    entries = status.decode("utf-8", "surrogateescape").split("\0")
    changed, skip = [], False
    for entry in entries:
        if skip or not entry:  # a rename's second entry is its old name
            skip = False
            continue
        changed.append(entry[3:])
        skip = entry[0] in "RC"
    prefix = git(root, "rev-parse", "--show-prefix").decode("utf-8").strip()
    return sorted(path[len(prefix):] if path.startswith(prefix) else path for path in changed)


def files_at(root: Path, version: Version, folder: str) -> dict[str, bytes]:
    """The files of ``folder`` (relative to ``root``, not below it) at a version's tag: name -> bytes."""
    listing = git(root, "ls-tree", "-z", "--name-only", f"{version.tag}:./{folder}").decode("utf-8").split("\0")
    return {name: git(root, "show", f"{version.tag}:./{folder}/{name}")
            for name in listing if name.endswith(".xml") and _inside(name) and "/" not in name}


def files_in(root: Path, version: Version, folder: str) -> dict[str, bytes]:
    """Every file under ``folder`` at a version's tag, by its path inside it: name -> bytes."""
    listing = git(root, "ls-tree", "-r", "-z", "--name-only", f"{version.tag}:./{folder}").decode("utf-8").split("\0")
    return {name: git(root, "show", f"{version.tag}:./{folder}/{name}") for name in listing if _inside(name)}


def _inside(name: str) -> bool:
    """Whether a path from a tree stays inside the folder it is written to (git refuses ".."
    in trees it makes, but a repository may come from anyone)."""
    return bool(name) and not name.startswith("/") and ".." not in name.split("/")


def source_digest(root: Path, version: Version, folder: str) -> str:
    """The git object id of ``folder``'s tree at a version's tag: it changes when any of its
    files does, and only then (what a cache of the version's outputs is keyed by)."""
    return git(root, "rev-parse", f"{version.tag}:./{folder}").decode("ascii").strip()


@contextmanager
def checked_out(root: Path, version: Version, folder: str = "texts"):
    """A temporary folder holding the files of ``folder`` at a version's tag (removed after)."""
    place = Path(tempfile.mkdtemp(prefix=f"edition-{version.tag}-"))
    try:
        for name, data in files_at(root, version, folder).items():
            (place / name).write_bytes(data)
        yield place
    finally:
        shutil.rmtree(place, ignore_errors=True)


def make_tag(root: Path, version: Version, message: str) -> None:
    """An annotated tag on the current commit: it records who released and when."""
    git(root, "tag", "--annotate", "--message", message, version.tag)


def commit(root: Path, paths: list[Path], message: str) -> None:
    """Commit these files alone (whatever else is staged stays staged), if they changed."""
    names = [str(path) for path in paths]
    git(root, "add", "--", *names)
    if git(root, "status", "--porcelain=v1", "--", *names).strip():
        git(root, "commit", "--quiet", "--message", message, "--", *names)
