"""``edition release``: check that the sources may be released as the version their headers
carry, write the version's citation and deposit metadata (edition.deposit), commit them, and
tag that commit ``v<version>``.

A release is refused, with every reason found, when the edition has no real address
(``base-url``), when texts/ has uncommitted changes, when the headers disagree on the version
or it is released already, when a header's ``revisionDesc`` says nothing of the version, when
the version does not follow from the changes since the last release (edition.changes), or
when a reference published in an earlier release no longer resolves and no header declares
what became of it (edition.changes).
"""

from __future__ import annotations

import re
import urllib.parse
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

from . import changes, deposit, isolation, versions
from .errors import EditionError, Problem
from .project import Project
from .validate import validate
from .versions import Version
from .xmlfile import NS, XmlFile, parse

# Names reserved for examples and tests (RFC 2606, RFC 6761): no edition is published there.
RESERVED_DOMAINS = ("example.org", "example.com", "example.net")
RESERVED_TOP_LEVEL = ("example", "test", "invalid", "localhost")
LOOPBACK = re.compile(r"127(\.[0-9]{1,3}){3}|\[?::1\]?|0\.0\.0\.0")


@dataclass(frozen=True)
class Released:
    """What a release made: its version, the one before it, the kind of change, the
    references it carries and the published references it declares moved or withdrawn."""

    version: Version
    previous: Version | None
    level: str
    documents: int
    references: int
    declared: tuple[str, ...]
    written: tuple[str, ...]

    def summary(self) -> str:
        after = f"a {self.level} version after {self.previous.tag}" if self.previous else "the first release"
        lines = [f"released {self.version.tag} ({after}): {self.documents} documents, {self.references} references"]
        lines += [f"  {line}" for line in self.declared]
        lines += [f"  wrote {path}" for path in self.written]
        return "\n".join(lines)


def release(project: Project, progress: Callable[[str], None] = lambda message: None) -> Released:
    """Check the edition, then tag it; raises EditionError with every reason not to."""
    if not versions.in_repository(project.root):
        raise EditionError.at(project.root, "not a git repository: a release is a git tag v<version>")
    files, problems = _read_headers(project)
    problems += base_url_problems(project) + uncommitted_problems(project)
    version, version_problems = header_version(files)
    problems += version_problems
    if version is not None:
        problems += tagged_problems(project, files, version) + revision_problems(files, version)
    problems += validation_problems(project) if not problems else []
    if problems:
        raise EditionError(problems)
    progress(f"comparing {version.tag} with the released versions")
    report = isolation.run_limited(project.limits, project.texts, "comparing the versions", changes.compare,
                                   project, versions.released(project.root), version)
    if report.problems:
        raise EditionError(report.problems)
    written = deposit.write(project, deposit.facts(project, files, version, report.previous))
    versions.commit(project.root, written, f"Release {version}: its citation and deposit metadata")
    versions.make_tag(project.root, version, f"Version {version}")
    return Released(version, report.previous, report.level, report.documents, report.references,
                    report.declared, tuple(str(path.relative_to(project.root)) for path in written))


def validation_problems(project: Project) -> list[Problem]:
    """A release is of sources the edition's schema accepts."""
    return validate(project)


def base_url_problems(project: Project) -> list[Problem]:
    """The base URL must be where the edition is published: an http(s) address whose host is
    not reserved for examples, tests or this machine."""
    where = _pyproject_position(project)
    url = project.base_url.strip()
    if not url:
        return [Problem(*where, "[tool.edition] base-url is missing: set it to the address where "
                        "the edition is published")]
    parts = urllib.parse.urlsplit(url)
    host = (parts.hostname or "").lower().rstrip(".")
    if parts.scheme not in ("http", "https") or not host:
        return [Problem(*where, f"[tool.edition] base-url {url!r} is not an http(s) address")]
    if _reserved(host):
        return [Problem(*where, f"[tool.edition] base-url {url!r} is a reserved placeholder ({host}): "
                        "set it to the address where the edition is published")]
    return []


def _reserved(host: str) -> bool:
    top = host.rpartition(".")[2]
    in_domain = any(host == domain or host.endswith("." + domain) for domain in RESERVED_DOMAINS)
    return in_domain or top in RESERVED_TOP_LEVEL or bool(LOOPBACK.fullmatch(host))


def _pyproject_position(project: Project) -> tuple[str, int, int]:
    """pyproject.toml, at its base-url line (or its [tool.edition] line)."""
    path = project.root / "pyproject.toml"
    lines = path.read_text(encoding="utf-8").splitlines()
    for wanted in (re.compile(r"\s*base-url\s*="), re.compile(r"\s*\[tool\.edition\]")):
        for number, line in enumerate(lines, 1):
            if wanted.match(line):
                return str(path), number, len(line) - len(line.lstrip()) + 1
    return str(path), 0, 0


def uncommitted_problems(project: Project) -> list[Problem]:
    folder = project.texts.relative_to(project.root).as_posix()
    return [Problem(str(project.root / path), 0, 0, "has changes that are not committed: a release "
                    "tags a commit, so commit them (or undo them) first")
            for path in versions.uncommitted(project.root, folder)]


def _read_headers(project: Project) -> tuple[list[XmlFile], list[Problem]]:
    files, problems = [], []
    for path in project.text_files():
        try:
            files.append(parse(path, max_bytes=project.max_source_bytes))
        except EditionError as error:
            problems += error.problems
    if not files and not problems:
        problems.append(Problem(str(project.texts), 0, 0, "no TEI file to release"))
    return files, problems


def edition_element(xml: XmlFile):
    return xml.tree.find("tei:teiHeader/tei:fileDesc/tei:editionStmt/tei:edition", NS)


def header_version(files: list[XmlFile]) -> tuple[Version | None, list[Problem]]:
    """The version every header carries (editionStmt/edition/@n), or the problems: a header
    without one, one that is not major.minor.patch, headers that disagree."""
    problems, stated = [], []
    for xml in files:
        edition = edition_element(xml)
        n = edition.get("n", "") if edition is not None else ""
        where = (str(xml.path), *xml.position(edition if edition is not None else xml.tree.getroot()))
        if Version.parse(n) is None:
            problems.append(Problem(*where, f"editionStmt/edition/@n {n!r} is not a version major.minor.patch"
                                    if edition is not None else "the header has no editionStmt/edition/@n"))
        else:
            stated.append((n, where))
    counts = Counter(n for n, _ in stated)
    if not counts:
        return None, problems
    common = counts.most_common(1)[0][0]
    for n, where in stated:
        if n != common:
            problems.append(Problem(*where, f"the header says version {n}, the other headers {common}: "
                                    "every header of a release carries the same version"))
    return (Version.parse(common) if not problems else None), problems


def tagged_problems(project: Project, files: list[XmlFile], version: Version) -> list[Problem]:
    if not versions.is_tagged(project.root, version):
        return []
    edition = edition_element(files[0])
    return [Problem(str(files[0].path), *files[0].position(edition), f"version {version} is released already "
                    f"(tag {version.tag}): give the headers a new version")]


def revision_problems(files: list[XmlFile], version: Version) -> list[Problem]:
    """Each header's revisionDesc says what changed in the version, in a change n="<version>"."""
    problems = []
    for xml in files:
        header = xml.tree.find("tei:teiHeader", NS)
        found = header.xpath("tei:revisionDesc/tei:change[@n = $n]", namespaces=NS, n=str(version))
        if not found or not "".join(found[0].itertext()).strip():
            place = header.find("tei:revisionDesc", NS)
            problems.append(Problem(str(xml.path), *xml.position(place if place is not None else header),
                                    f'revisionDesc has no change n="{version}" that says what changed in this version'))
    return problems
