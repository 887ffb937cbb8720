"""The released versions' own builds, which ``edition build`` adds to the site at
``html/v/<version>/``: each made from its tag's sources (texts/ and schema/, read from git)
with the current stylesheets and program, so that nothing is stored twice.

Each version is built once into a cache beside the build (``.<build>-versions/<version>/``)
and made again only when its key changes: the git ids of its tag's texts/ and schema/, and the
digest of the toolkit (edition.manifest's context without any source). An ordinary build
only links the cached files. Outside a git repository, or without tags, there is nothing to
add and the build is what it would be without versions.

A version's build is published at its own folder: its ``base-url`` is
``<base-url>v/<version>/``, so that its pages' metadata, its DTS identifiers and its citations
name that folder, and its pages say which version they show (xslt/html/page.xsl).

Its pages also link each passage to the same passage in the current version, or say what
became of it (edition.concordance.links): those links are laid out beside the version's
sources (``.version-links/<document>.json``, which ``links_param`` gives the page's
stylesheet) and are part of its key, so that a version is built again when the current
sources change what its passages link to. The concordance and every version's texts, read
once for that, are kept beside the versions (``CONCORDANCE``, ``TEXTS``) for the pages that
list the versions (edition.version_pages).
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from . import concordance, isolation, manifest, versions
from .errors import EditionError
from .project import Project
from .versions import Version, published_at, site_folder

SOURCES = ("texts", "schema")  # what a version takes from its tag; the toolkit is the current one
KEY_FILE = "key"
SOURCE_IDS = "sources"  # the git ids of the sources laid out in src/
LINKS = ".version-links"  # beside a version's sources: what its pages link each passage to
CONCORDANCE, TEXTS = "versions.json", "texts.json"  # beside the versions: read once for all
SURVEY_KEY = "versions.key"  # what the concordance and the texts beside it were read from
SITE_FOLDERS = {"html": "", "dts": "dts/"}  # the folders of a version's build that its site publishes


@dataclass(frozen=True)
class VersionBuild:
    """A released version's build: where it is, and the key it was made for."""

    version: Version
    folder: Path
    key: str

    @property
    def texts(self) -> Path:
        """The version's texts, as its tag has them."""
        return self.folder.parent / "src" / "texts"

    def outputs(self) -> dict[str, tuple[str, str]]:
        """Each file of the version's site: its path in the site (html/v/<version>/..., with
        its DTS files in dts/ there), the path in the version's build, and its digest (from the
        version's own manifest)."""
        listed = manifest.read(self.folder)["outputs"]
        site = {}
        for path, digest in sorted(listed.items()):
            folder, _, rest = path.partition("/")
            if folder in SITE_FOLDERS:
                site[f"html/{site_folder(self.version)}{SITE_FOLDERS[folder]}{rest}"] = (path, digest)
        return site


def cache(out: Path) -> Path:
    return out.with_name(f".{out.name}-versions")


def key_of(builds: list[VersionBuild]) -> str:
    """One key for all the versions a site holds (empty when there are none)."""
    return hashlib.sha256(json.dumps([[str(b.version), b.key] for b in builds]).encode()).hexdigest() if builds else ""


def build_all(project: Project, toolkit: str, out: Path, make: Callable[[Project, Path], None],
              progress: Callable[[str], None] = lambda message: None) -> list[VersionBuild]:
    """Every released version's build, made by ``make(project, out)`` where its key changed."""
    if project.texts_folder is not None or not versions.in_repository(project.root):
        return []  # another folder of texts (--texts) has no releases
    released = versions.released(project.root)
    if not released:
        return []
    for version in released:
        _lay_out_sources(project, version, cache(out) / str(version) / "src")
    found = survey(project, toolkit, cache(out), released, progress)
    builds = []
    for version in released:
        folder = cache(out) / str(version)
        links = concordance.links(found, str(version))
        key = hashlib.sha256(" ".join([toolkit, *_source_ids(project, version),
                                       json.dumps(links, sort_keys=True)]).encode()).hexdigest()
        if _key(folder) != key:
            progress(f"version {version.tag}")
            _build_version(project, version, folder, links, make)
            (folder / KEY_FILE).write_text(key, encoding="utf-8")
        builds.append(VersionBuild(version, folder / "build", key))
    return builds


def survey(project: Project, toolkit: str, place: Path, released: list[Version],
           progress: Callable[[str], None] = lambda message: None) -> dict:
    """The concordance and every version's texts (edition.concordance.survey), read in a
    worker (it evaluates the citation schemes of every version) and kept in ``place``; read
    again only when the toolkit, a version's sources or the current texts change, so that a
    build that changes nothing (edition serve's next one) does not read every version."""
    key = hashlib.sha256(" ".join([toolkit, *(i for version in released for i in _source_ids(project, version)),
                                   *(manifest.sha256(path) for path in project.text_files())]).encode()).hexdigest()
    try:
        if (place / SURVEY_KEY).read_text(encoding="utf-8") == key:
            return json.loads((place / CONCORDANCE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        pass
    (place / SURVEY_KEY).unlink(missing_ok=True)
    progress("versions: references and texts")
    found, texts = isolation.run_limited(project.limits, project.texts, "making the concordance of references",
                                         concordance.survey, project,
                                         [(str(version), place / str(version) / "src" / "texts") for version in released])
    (place / CONCORDANCE).write_text(found, encoding="utf-8")
    (place / TEXTS).write_text(texts, encoding="utf-8")
    (place / SURVEY_KEY).write_text(key, encoding="utf-8")
    return json.loads(found)


def surveyed(builds: list[VersionBuild]) -> tuple[str, dict]:
    """The concordance (as JSON) and every version's texts that ``build_all`` read."""
    place = builds[0].folder.parent.parent
    return (place / CONCORDANCE).read_text(encoding="utf-8"), json.loads((place / TEXTS).read_text(encoding="utf-8"))


def links_param(project: Project, document: str) -> dict[str, str]:
    """The parameter of a released version's page that says what each of its passages links
    to in the current version (xslt/html/version-links.xsl), if the build is a version's."""
    path = project.root / LINKS / f"{document}.json"
    return {"version-links": path.read_text(encoding="utf-8")} if path.is_file() else {}


def _source_ids(project: Project, version: Version) -> list[str]:
    return [versions.source_digest(project.root, version, name) for name in SOURCES]


def _key(folder: Path) -> str:
    try:
        return (folder / KEY_FILE).read_text(encoding="utf-8") if (folder / "build").is_dir() else ""
    except OSError:
        return ""


def _lay_out_sources(project: Project, version: Version, sources: Path) -> None:
    """The version's sources as its tag has them, in ``sources`` (again only if they changed)."""
    ids = " ".join(_source_ids(project, version))
    try:
        if (sources / SOURCE_IDS).read_text(encoding="utf-8") == ids:
            return
    except OSError:
        pass
    shutil.rmtree(sources, ignore_errors=True)
    for name in SOURCES:
        (sources / name).mkdir(parents=True)
        for file, data in versions.files_in(project.root, version, name).items():
            (sources / name / file).parent.mkdir(parents=True, exist_ok=True)
            (sources / name / file).write_bytes(data)
    (sources / SOURCE_IDS).write_text(ids, encoding="utf-8")


def _build_version(project: Project, version: Version, folder: Path, links: dict[str, dict],
                   make: Callable[[Project, Path], None]) -> None:
    """Build the version's sources with the current toolkit and the links of its passages,
    afresh (the links are not among what a build compares with the previous one)."""
    (folder / KEY_FILE).unlink(missing_ok=True)
    sources = folder / "src"
    for name in ("xslt", LINKS):
        shutil.rmtree(sources / name, ignore_errors=True)
    shutil.copytree(project.xslt, sources / "xslt")
    shutil.copy(project.root / "pyproject.toml", sources / "pyproject.toml")
    (sources / LINKS).mkdir()
    for document, passages in links.items():
        (sources / LINKS / f"{document}.json").write_text(json.dumps(passages, ensure_ascii=False, sort_keys=True),
                                                          encoding="utf-8")
    shutil.rmtree(folder / "build", ignore_errors=True)
    released = dataclasses.replace(project, root=sources, base_url=published_at(project.base_url, version))
    try:
        make(released, folder / "build")
    except EditionError as error:
        raise EditionError([dataclasses.replace(problem, message=f"building {version.tag}: {problem.message}")
                            for problem in error.problems]) from None
