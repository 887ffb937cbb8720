"""What a repository such as Zenodo needs to deposit a version and mint its DOI, written by
each release: ``CITATION.cff`` (Citation File Format 1.2.0) and ``datacite.json`` (the DataCite
Metadata Schema 4.5, as its REST API takes a DOI's attributes), both at the project's root so
that the release's tag holds them.

Every fact comes from the TEI headers, as the pages' metadata reads them
(xslt/html/metadata.xsl): the edition's title is its publisher's name, its authors are the
headers' responsibility statements, its date is the date of the version's ``change``. A licence
is given as an SPDX identifier only when every header states the same free licence; otherwise
each licence statement is carried in DataCite's rights, in its own words.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

from .citation_styles import stable_url
from .document_names import document_id
from .project import Project
from .versions import Version, published_at
from .xmlfile import NS, XmlFile

CFF_NAME, DATACITE_NAME = "CITATION.cff", "datacite.json"
AGENTS = "tei:teiHeader/tei:fileDesc/tei:titleStmt/tei:respStmt/*[self::tei:orgName or self::tei:persName or self::tei:name]"
CREATIVE_COMMONS = re.compile(r"https?://creativecommons\.org/licenses/([a-z-]+)/([0-9.]+)/?")


@dataclass(frozen=True)
class Licence:
    url: str
    statement: str
    free: bool


@dataclass(frozen=True)
class Facts:
    """The edition in one version, as its headers describe it."""

    title: str
    authors: tuple[str, ...]
    publisher: str
    version: Version
    date: str
    language: str
    keywords: tuple[str, ...]
    licences: tuple[Licence, ...]
    doi: str
    url: str
    parts: tuple[tuple[str, str], ...]  # each work's title and its page in this version
    previous_url: str  # the previous release's address, or ""


def facts(project: Project, files: list[XmlFile], version: Version, previous: Version | None) -> Facts:
    headers = [xml.tree.getroot() for xml in files]
    works = [xml for xml in files if xml.tree.find("tei:text", NS) is not None]
    return Facts(
        title=_first(headers, "tei:teiHeader/tei:fileDesc/tei:publicationStmt/tei:publisher"),
        authors=_distinct(_words(agent) for root in headers for agent in root.xpath(AGENTS, namespaces=NS)),
        publisher=_first(headers, "tei:teiHeader/tei:fileDesc/tei:publicationStmt/tei:publisher"),
        version=version,
        date=_version_date(headers, version),
        language=next((lang.get("ident") for root in headers for lang in
                       root.iterfind("tei:teiHeader/tei:profileDesc/tei:langUsage/tei:language", NS)), "en"),
        keywords=_distinct(_words(term) for root in headers for term in
                           root.iterfind("tei:teiHeader/tei:profileDesc/tei:textClass/tei:keywords/tei:term", NS)),
        licences=_distinct(_licence(availability) for root in headers for availability in
                           root.iterfind("tei:teiHeader/tei:fileDesc/tei:publicationStmt/tei:availability", NS)),
        doi=_first(headers, "tei:teiHeader/tei:fileDesc/tei:publicationStmt/tei:idno[@type='DOI']"),
        url=published_at(project.base_url, version),
        parts=tuple((_first([xml.tree.getroot()], "tei:teiHeader/tei:fileDesc/tei:titleStmt/tei:title[@type='main']"),
                     stable_url(project.base_url, str(version), document_id(xml))) for xml in works),
        previous_url=published_at(project.base_url, previous) if previous else "")


def write(project: Project, facts_of_version: Facts) -> list[Path]:
    """Write CITATION.cff and datacite.json at the project's root; the paths written."""
    cff, datacite = project.root / CFF_NAME, project.root / DATACITE_NAME
    cff.write_text(citation_cff(facts_of_version), encoding="utf-8")
    datacite.write_text(json.dumps(datacite_record(facts_of_version), indent=2, ensure_ascii=False) + "\n",
                        encoding="utf-8")
    return [cff, datacite]


def citation_cff(f: Facts) -> str:
    """CITATION.cff: YAML whose every string is double-quoted (JSON's quoting, which YAML reads
    the same), so that no header's text can be read as another YAML type or structure."""
    lines = ["cff-version: 1.2.0",
             f"message: {_quoted('If you use this edition, please cite this version of it as below.')}",
             "type: dataset",
             f"title: {_quoted(f.title)}",
             f"version: {_quoted(str(f.version))}",
             f"date-released: {_quoted(f.date)}",
             f"url: {_quoted(f.url)}",
             "authors:", *(f"  - name: {_quoted(name)}" for name in f.authors)]
    if f.doi:
        lines.append(f"doi: {_quoted(f.doi)}")
    spdx = _spdx(f.licences)
    if spdx:
        lines.append(f"license: {_quoted(spdx)}")
    if f.keywords:
        lines += ["keywords:", *(f"  - {_quoted(word)}" for word in f.keywords)]
    return "\n".join(lines) + "\n"


def datacite_record(f: Facts) -> dict:
    """The DOI's attributes for DataCite's REST API (Metadata Schema 4.5): the version is a
    Text of the type "digital scholarly edition", its works are its parts, and it is a new
    version of the release before it."""
    attributes = {
        "doi": f.doi or None,
        "url": f.url,
        "types": {"resourceTypeGeneral": "Text", "resourceType": "Digital scholarly edition"},
        "titles": [{"title": f.title}],
        "creators": [{"name": name, "nameType": "Organizational"} for name in f.authors],
        "publisher": {"name": f.publisher},
        "publicationYear": f.date[:4],
        "version": str(f.version),
        "dates": [{"date": f.date, "dateType": "Issued"}],
        "language": f.language,
        "subjects": [{"subject": word} for word in f.keywords],
        "rightsList": [{"rights": licence.statement, "rightsUri": licence.url} for licence in f.licences],
        "relatedIdentifiers": [{"relatedIdentifier": url, "relatedIdentifierType": "URL", "relationType": "HasPart"}
                               for _, url in f.parts]
                              + ([{"relatedIdentifier": f.previous_url, "relatedIdentifierType": "URL",
                                   "relationType": "IsNewVersionOf"}] if f.previous_url else []),
        "schemaVersion": "http://datacite.org/schema/kernel-4",
    }
    return {"data": {"type": "dois", "attributes": {key: value for key, value in attributes.items() if value}}}


def _spdx(licences: tuple[Licence, ...]) -> str:
    """The SPDX identifier of the one free Creative Commons licence every header states, or ""."""
    urls = {licence.url for licence in licences}
    if len(urls) != 1 or not all(licence.free for licence in licences):
        return ""
    match = CREATIVE_COMMONS.fullmatch(urls.pop())
    return f"CC-{match.group(1).upper()}-{match.group(2)}" if match else ""


def _licence(availability) -> Licence:
    licence = availability.find("tei:licence", NS)
    return Licence(licence.get("target", "") if licence is not None else "",
                   _words(licence) if licence is not None else "", availability.get("status") == "free")


def _version_date(headers, version: Version) -> str:
    """The date of the version's change (the date it was made), else the publication date."""
    for root in headers:
        for change in root.xpath("tei:teiHeader/tei:revisionDesc/tei:change[@n = $n][@when]", namespaces=NS,
                                 n=str(version)):
            return change.get("when")
    return next((date.get("when") for root in headers
                 for date in root.iterfind("tei:teiHeader/tei:fileDesc/tei:publicationStmt/tei:date[@when]", NS)), "")


def _first(roots, path: str) -> str:
    return next((_words(found) for root in roots for found in root.xpath(path, namespaces=NS)), "")


def _words(element) -> str:
    return " ".join("".join(element.itertext()).split())


def _distinct(values) -> tuple:
    return tuple(dict.fromkeys(value for value in values if value))


def _quoted(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)
