"""DTS 1.0 conformance of the static files of build/dts/ (Level 0) and of `edition serve`.

The rules are those of the specification's text (versions/v1.0/README.md of
github.com/distributed-text-services/specifications, https://dtsapi.org/specifications/versions/v1.0/).
The specification publishes no JSON schema, so its tables of properties are written here as
JSON Schemas (SCHEMAS); its rules on parameters, members, documents and errors are tests.
Each runs on both APIs through one client: the static one as a host serves build/ (the site
at the edition's address, build/dts/ at its dts/, with the media types the README asks for).
"""

from __future__ import annotations

import http.client
import json
import re
from dataclasses import dataclass, field
from urllib.parse import quote, unquote, urlsplit

import pytest
from jsonschema import Draft202012Validator, FormatChecker
from lxml import etree

from edition import citable, documents, dts_api
from edition.saxon import Stylesheets
from edition.xmlfile import NS, element_at, safe_parser

from conftest import WORK_IDS

DTS = {"dts": dts_api.DTS_NS, **NS}

# --- the specification's objects as JSON Schemas ---------------------------------------------

# The properties of the Dublin Core Terms namespace (http://purl.org/dc/terms/), which the
# context gives dublinCore as its vocabulary: any other name would be no Dublin Core term.
DC_TERMS = {
    "abstract", "accessRights", "accrualMethod", "accrualPeriodicity", "accrualPolicy", "alternative",
    "audience", "available", "bibliographicCitation", "conformsTo", "contributor", "coverage", "created",
    "creator", "date", "dateAccepted", "dateCopyrighted", "dateSubmitted", "description", "educationLevel",
    "extent", "format", "hasFormat", "hasPart", "hasVersion", "identifier", "instructionalMethod",
    "isFormatOf", "isPartOf", "isReferencedBy", "isReplacedBy", "isRequiredBy", "issued", "isVersionOf",
    "language", "license", "mediator", "medium", "modified", "provenance", "publisher", "references",
    "relation", "replaces", "requires", "rights", "rightsHolder", "source", "spatial", "subject",
    "tableOfContents", "temporal", "title", "type", "valid",
}

URI = {"type": "string", "format": "uri"}
TEMPLATE = {"type": "string", "format": "uri-template"}
TEXT = {"type": "string"}
COUNT = {"type": "integer", "minimum": 0}
REF = {name: {"$ref": f"#/$defs/{name}"} for name in
       ("Member", "Resource", "CitationTree", "CiteStructure", "CitableUnit", "MetadataObject", "Extensions",
        "Pagination")}

# "Properties for Collection or Resource objects", and "Additional properties for Resource objects"
MEMBER = {
    "@context": {"const": dts_api.CONTEXT}, "dtsVersion": {"const": "1.0"},
    "@id": URI, "@type": {"enum": ["Collection", "Resource"]}, "title": TEXT,
    "totalParents": COUNT, "totalChildren": COUNT, "description": TEXT,
    "member": {"type": "array", "items": REF["Member"]},
    "dublinCore": REF["MetadataObject"], "extensions": REF["Extensions"],
    "collection": TEMPLATE, "navigation": TEMPLATE, "document": TEMPLATE,
    "download": {"anyOf": [URI, {"type": "array", "items": URI}, {"type": "object", "additionalProperties": URI}]},
    "citationTrees": {"type": "array", "items": REF["CitationTree"]},
    "view": REF["Pagination"],
    "mediaTypes": {"type": "array", "items": {"type": "string", "pattern": r"^[\w.+-]+/[\w.+-]+$"}},
}

SCHEMAS = {
    # "Scheme for Entry Endpoint Responses"
    "EntryPoint": {
        "type": "object", "additionalProperties": False,
        "required": ["@context", "@id", "@type", "dtsVersion", "collection", "navigation", "document"],
        "properties": {"@context": {"const": dts_api.CONTEXT}, "@id": URI, "@type": {"const": "EntryPoint"},
                       "dtsVersion": {"const": "1.0"},
                       "collection": TEMPLATE, "navigation": TEMPLATE, "document": TEMPLATE},
    },
    "Member": {
        "type": "object", "additionalProperties": False, "properties": MEMBER,
        "required": ["@id", "@type", "title", "totalParents", "collection"],
        "allOf": [
            {"if": {"properties": {"@type": {"const": "Collection"}}},
             "then": {"required": ["totalChildren"], "not": {"required": ["mediaTypes"]}}},
            {"if": {"properties": {"@type": {"const": "Resource"}}}, "then": {"required": ["navigation", "document"]}},
        ],
    },
    # Navigation's "Resource": may "also contain the optional properties" of the Collection endpoint
    "Resource": {
        "type": "object", "additionalProperties": False, "properties": {**MEMBER, "@type": {"const": "Resource"}},
        "required": ["@id", "@type", "collection", "navigation", "document", "citationTrees"],
    },
    "CitationTree": {
        "type": "object", "additionalProperties": False, "required": ["@type"],
        "properties": {"identifier": TEXT, "@type": {"const": "CitationTree"}, "description": TEXT,
                       "citeStructure": {"type": "array", "items": REF["CiteStructure"]}},
    },
    "CiteStructure": {  # "@type" is not in its table, but in every example, and a class of the context
        "type": "object", "additionalProperties": False, "required": ["citeType"],
        "properties": {"@type": {"const": "CiteStructure"}, "citeType": TEXT,
                       "citeStructure": {"type": "array", "items": REF["CiteStructure"]}},
    },
    "CitableUnit": {
        "type": "object", "additionalProperties": False, "required": ["identifier", "@type", "level", "parent"],
        "properties": {"identifier": TEXT, "@type": {"const": "CitableUnit"},
                       "level": {"type": "integer", "minimum": 1},
                       "parent": {"type": ["string", "null"]}, "@id": URI, "citeType": TEXT,
                       "dublinCore": REF["MetadataObject"], "extensions": REF["Extensions"]},
    },
    # "MetadataObject Structure": a literal, a URI, an array of value/lang objects (BCP 47), an
    # array of URIs; the examples also have arrays of plain strings ("language": ["la", "en"]).
    "MetadataObject": {
        "type": "object", "propertyNames": {"enum": sorted(DC_TERMS)},
        "additionalProperties": {"anyOf": [
            {"type": ["number", "boolean", "string"]},
            {"type": "array", "items": {"anyOf": [
                {"type": "string"},
                {"type": "object", "additionalProperties": False, "required": ["lang", "value"],
                 "properties": {"lang": {"type": "string", "format": "bcp47"}, "value": TEXT}}]}},
        ]},
    },
    # "extensions": metadata of other vocabularies, as a MetadataObject; without a context of their
    # own, their names must be absolute IRIs for JSON-LD to read them (a version: schema.org's).
    "Extensions": {
        "type": "object", "propertyNames": {"format": "uri", "pattern": "^https?://"},
        "additionalProperties": {"type": ["number", "boolean", "string"]},
    },
    "Pagination": {
        "type": "object", "additionalProperties": False,
        # The spec's table requires previous and next; the first page has no previous page and the
        # last no next (Hydra's views, where "view" comes from, give them where they exist).
        "required": ["@id", "@type", "first", "last"],
        "properties": {"@id": URI, "@type": {"const": "Pagination"}, "first": URI, "previous": URI, "next": URI,
                       "last": URI},
    },
    # "Navigation Object"
    "Navigation": {
        "type": "object", "additionalProperties": False,
        "required": ["@context", "@id", "@type", "dtsVersion", "resource"],
        "properties": {"@context": {"const": dts_api.CONTEXT}, "@id": URI, "@type": {"const": "Navigation"},
                       "dtsVersion": {"const": "1.0"}, "resource": REF["Resource"],
                       "ref": REF["CitableUnit"], "start": REF["CitableUnit"], "end": REF["CitableUnit"],
                       "member": {"type": "array", "items": REF["CitableUnit"]}, "view": REF["Pagination"]},
    },
}
# A Collection endpoint's response: a Collection or Resource with the context and version.
SCHEMAS["Collection"] = {"allOf": [REF["Member"]], "required": ["@context", "dtsVersion"]}

FORMATS = FormatChecker(formats=())


@FORMATS.checks("uri")
def _absolute_uri(value: object) -> bool:
    """RFC 3986 URI (not a relative reference): a scheme, then no white space."""
    return isinstance(value, str) and re.fullmatch(r"[A-Za-z][A-Za-z0-9+.-]*:[^\s]+", value) is not None


@FORMATS.checks("uri-template")
def _uri_template(value: object) -> bool:
    """RFC 6570: literals and expressions, whose expansion without values is an absolute URI."""
    variable = r"[A-Za-z0-9_.%]+(?::[1-9][0-9]{0,3}|\*)?"
    expression = rf"\{{[+#./;?&]?{variable}(?:,{variable})*\}}"
    return isinstance(value, str) and re.fullmatch(rf"(?:[^{{}}\s]|{expression})*", value) is not None \
        and _absolute_uri(dts_api.expand(value, {}))


@FORMATS.checks("bcp47")
def _language_tag(value: object) -> bool:
    return isinstance(value, str) and re.fullmatch(r"[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*", value) is not None


def validator(name: str) -> Draft202012Validator:
    return Draft202012Validator({"$defs": SCHEMAS, "$ref": f"#/$defs/{name}"}, format_checker=FORMATS)


def problems(name: str, instance: object) -> list[str]:
    return [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in validator(name).iter_errors(instance)]


def test_the_schemas_are_valid_and_refuse_what_the_spec_refuses():
    Draft202012Validator.check_schema({"$defs": SCHEMAS})
    unit = {"identifier": "1", "@type": "CitableUnit", "level": 1, "parent": None}
    assert problems("CitableUnit", unit) == []
    assert problems("CitableUnit", {**unit, "parent": 1}) and problems("CitableUnit", {**unit, "level": 0})
    assert problems("Member", {"@id": "a-relative-id", "@type": "Collection", "title": "t", "totalParents": 0,
                               "totalChildren": 0, "collection": "https://example.org/c{?id}"})
    assert problems("MetadataObject", {"title": [{"lang": "en", "value": "t", "nested": {}}]})
    assert problems("MetadataObject", {"writer": "not a Dublin Core term"})
    assert problems("Extensions", {"version": "a name JSON-LD cannot read"})
    assert problems("Extensions", {dts_api.VERSION: "1.0.0"}) == []
    assert not _uri_template("collection{?id") and not _uri_template("{?id}")


def test_the_pages_of_a_paginated_collection_are_valid(project, monkeypatch):
    """More works than a page holds: each page is a Collection with its view."""
    monkeypatch.setattr(dts_api, "PAGE_SIZE", 2)
    edition = documents.Edition(project, None, None)
    cat = dts_api.collections(edition, [dts_api.Header(f"work-{n}", title=f"Work {n}") for n in range(5)])
    for urls in (dts_api.static_urls(project.base_url), dts_api.query_urls("http://127.0.0.1:8000/")):
        for page in (1, 2, 3):
            answer = dts_api.collection(cat, urls, page=page)
            assert problems("Collection", answer) == [] and answer["view"]["@type"] == "Pagination", (urls, page)
            assert len(answer["member"]) == (1 if page == 3 else 2)
    assert problems("Pagination", {"@id": "https://example.org/p1", "@type": "Pagination", "next": "https://e.org/2"})


# --- two APIs, one client ----------------------------------------------------------------------


@dataclass(frozen=True)
class Answer:
    status: int
    content_type: str
    body: bytes
    headers: dict = field(default_factory=dict)

    def json(self) -> dict:
        assert self.content_type == dts_api.JSON_LD, self.content_type
        return json.loads(self.body)


class StaticHost:
    """build/ as the README asks a static host to serve it: build/html at the edition's address,
    build/dts at its dts/; a URL's path, decoded, names a file; .json is JSON-LD, .xml TEI."""

    TYPES = {".json": dts_api.JSON_LD, ".xml": dts_api.TEI_XML}

    def __init__(self, build, base: str):
        self.build, self.base = build, base
        self.entry = base + "dts/index.json"

    def file(self, url: str):
        path = url.removeprefix(self.base).partition("#")[0]
        assert url.startswith(self.base) and "?" not in path, url
        return self.build.joinpath("dts" if path.startswith("dts/") else "html",
                                   *unquote(path).split("/")[1 if path.startswith("dts/") else 0:])

    def get(self, url: str) -> Answer:
        found = self.file(url)
        if not found.is_file():
            return Answer(404, "text/plain", b"")
        return Answer(200, self.TYPES.get(found.suffix, "application/octet-stream"), found.read_bytes(),
                      {"Access-Control-Allow-Origin": "*"})


class LiveApi:
    """`edition serve` over HTTP."""

    def __init__(self, httpd):
        self.origin = f"http://127.0.0.1:{httpd.server_port}"
        self.entry = self.origin + "/dts/"
        self.httpd = httpd

    def get(self, url: str) -> Answer:
        parts = urlsplit(url)
        assert url.startswith(self.origin), url
        connection = http.client.HTTPConnection("127.0.0.1", self.httpd.server_port, timeout=30)
        try:
            connection.request("GET", parts.path + (f"?{parts.query}" if parts.query else ""))
            response = connection.getresponse()
            return Answer(response.status, response.getheader("Content-Type"), response.read(),
                          dict(response.getheaders()))
        finally:
            connection.close()


@pytest.fixture(scope="module")
def httpd(live):
    return live


@pytest.fixture(scope="module")
def static(built, project):
    return StaticHost(built, project.base_url)


@pytest.fixture(scope="module")
def live(httpd):
    return LiveApi(httpd)


@pytest.fixture(scope="module", params=["static", "live"])
def api(request):
    return request.getfixturevalue(request.param)


# --- what the edition holds, found without the API -------------------------------------------


@dataclass(frozen=True)
class Known:
    """A citable unit as the citation module (and so the XSLT) finds it, placed in its tree."""

    ref: str
    path: str
    level: int
    parent: str | None
    cite_type: str


@dataclass(frozen=True)
class Work:
    id: str
    resource: str  # its @id
    units: tuple[Known, ...]

    def unit(self, ref: str) -> Known:
        return next(u for u in self.units if u.ref == ref)

    def members(self, ref: str | None, down: int) -> list[str]:
        """The spec's table of ref and down: the identifiers the member array holds."""
        if ref is None:
            return [u.ref for u in self.units if down == -1 or u.level <= down]
        node = self.unit(ref)
        if down == 0:
            return [u.ref for u in self.units if u.parent == node.parent]
        below = [u for u in self.units if u is node or u.path.startswith(node.path + "/")]
        return [u.ref for u in below if down == -1 or u.level <= node.level + down]


def placed(units: list[citable.Unit]) -> tuple[Known, ...]:
    """A unit's parent is the nearest unit whose element holds it."""
    known: list[Known] = []
    for unit in units:
        holders = [k for k in known if unit.path.startswith(k.path + "/")]
        parent = holders[-1] if holders else None
        known.append(Known(unit.ref, unit.path, len(holders) + 1, parent.ref if parent else None, unit.unit))
    return tuple(known)


@pytest.fixture(scope="module")
def edition(project):
    return documents.load(project, Stylesheets(project.xslt, citable.STYLESHEETS))


@pytest.fixture(scope="module")
def works(edition, project) -> dict[str, Work]:
    """By @id."""
    found = [Work(w.id, dts_api.resource_id(project.base_url, w.id), placed(citable.units(edition, w)))
             for w in edition.works]
    return {work.resource: work for work in found}


# --- every call the entry point's templates allow ----------------------------------------------


@dataclass(frozen=True)
class Call:
    endpoint: str
    params: dict

    def url(self, entry: dict) -> str:
        return dts_api.expand(entry[self.endpoint], self.params)


def depth(trees: list[dict]) -> int:
    def down(structures: list[dict]) -> int:
        return max((1 + down(s.get("citeStructure", [])) for s in structures), default=0)
    return max((down(tree.get("citeStructure", [])) for tree in trees), default=0)


def valid_calls(root: dict, works: dict[str, Work]) -> list[Call]:
    """By the spec's rules: the collection with no id, the root's and each resource's, each with
    nav absent, children or parents; the navigation of a resource (down 1 to the depth of its
    citation tree, or -1; without a ref, down 0 and no down are errors, unless it has no tree)
    and of each unit (no down, 0, 1 to the depth, -1); its document, whole and of each unit.
    A down beyond the depth is valid too, but without end: its members are those of the depth."""
    ids = (None, root["@id"], *(m["@id"] for m in root["member"]))
    calls = [Call("collection", {"id": id, "nav": nav}) for id in ids for nav in (None, "children", "parents")]
    for resource in root["member"]:
        work, downs = works[resource["@id"]], (*range(1, max(depth(resource["citationTrees"]), 1) + 1), -1)
        tree = () if resource["citationTrees"] else (None, 0)  # without a tree, nothing is an error
        calls += [Call("navigation", {"resource": work.resource, "down": down}) for down in (*tree, *downs)]
        calls += [Call("navigation", {"resource": work.resource, "ref": unit.ref, "down": down})
                  for unit in work.units for down in (None, 0, *downs)]
        calls += [Call("document", {"resource": work.resource, "ref": ref})
                  for ref in (None, *(u.ref for u in work.units))]
    return calls


@pytest.fixture(scope="module")
def walked(api, works) -> list[tuple[Call, str, Answer]]:
    """Each valid call, its address at this API and its answer."""
    entry = api.get(api.entry).json()
    root = api.get(dts_api.expand(entry["collection"], {})).json()
    return [(call, call.url(entry), api.get(call.url(entry))) for call in valid_calls(root, works)]


def test_every_valid_call_has_its_static_file_the_same_as_edition_serves_answer(static, live, works, httpd, built,
                                                                                 project):
    """The same function makes both: the file is serve's answer with the static templates, and
    the live answer differs from it only in the addresses of the API."""
    entries = {api: api.get(api.entry).json() for api in (static, live)}
    root = static.get(dts_api.expand(entries[static]["collection"], {})).json()
    urls, files = dts_api.static_urls(project.base_url), set()
    calls = valid_calls(root, works)
    for call in calls:
        url = call.url(entries[static])
        found, answer = static.get(url), live.get(call.url(entries[live]))
        assert (found.status, answer.status) == (200, 200), (call, url)
        made = dts_api.route(httpd.site.catalogue, urls, call.endpoint, {k: str(v) for k, v in call.params.items()
                                                                     if v is not None})
        assert found.body == made.body, call
        if found.content_type == dts_api.JSON_LD:
            assert without_addresses(answer.json()) == without_addresses(found.json()), call
        else:
            assert answer.body == found.body, call
        files.add(static.file(url))
    # Each call has a file of its own, and every file but the entry point answers one of them.
    assert len(files) == len(calls)
    assert files | {static.file(static.entry)} == set(p for p in (built / "dts").rglob("*") if p.is_file())
    assert {(c.params["resource"], c.params.get("down")) for c in calls if c.params.get("ref") == "1"} >= \
        {(resource, 2) for resource in works}  # two levels below a point: the calls that had no file


def without_addresses(value):
    """A response without the addresses of the API that made it (its templates, its downloads,
    the address of a Navigation or EntryPoint): what the static and the live API share."""
    if isinstance(value, list):
        return [without_addresses(v) for v in value]
    if not isinstance(value, dict):
        return value
    addressed = value.get("@type") in ("Navigation", "EntryPoint")
    return {key: without_addresses(v) for key, v in value.items()
            if key not in ("collection", "navigation", "document", "download") and not (addressed and key == "@id")}


def invalid_calls(work: Work) -> list[tuple[Call, int]]:
    """Calls the static templates can express that the spec makes errors, and their status."""
    return [(Call("navigation", {"resource": work.resource}), 400),  # no ref, no down
            (Call("navigation", {"resource": work.resource, "down": 0}), 400),
            (Call("navigation", {"resource": work.resource, "ref": "no-such-ref", "down": 1}), 404),
            (Call("navigation", {"resource": "urn:uuid:00000000-0000-0000-0000-000000000000", "down": 1}), 404),
            (Call("document", {"resource": work.resource, "ref": "no-such-ref"}), 404),
            (Call("collection", {"id": "urn:uuid:00000000-0000-0000-0000-000000000000"}), 404)]


def test_an_invalid_call_has_no_file_and_edition_serve_refuses_it(api, works):
    entry = api.get(api.entry).json()
    for work in works.values():
        for call, status in invalid_calls(work):
            answer = api.get(call.url(entry))
            assert answer.status == (404 if isinstance(api, StaticHost) else status), call
            if isinstance(api, LiveApi):
                assert answer.content_type == dts_api.PROBLEM and json.loads(answer.body)["status"] == status


# --- the rules, on both APIs ---------------------------------------------------------------------


def test_the_entry_point(api):
    answer = api.get(api.entry)
    assert answer.status == 200 and answer.content_type == dts_api.JSON_LD  # "Response Headers"
    assert problems("EntryPoint", answer.json()) == []
    assert answer.json()["@id"] == api.entry


def test_every_response_is_json_ld_or_tei_and_valid_against_the_schema_of_its_object(walked):
    schemas = {"collection": "Collection", "navigation": "Navigation"}
    for call, url, answer in walked:
        assert answer.status == 200, url
        if call.endpoint == "document":
            assert answer.content_type == dts_api.TEI_XML, url
        else:
            assert problems(schemas[call.endpoint], answer.json()) == [], url


def test_a_collection_counts_and_lists_its_children_or_its_parents(walked):
    """No pagination, so the one page lists them all; a member is described as it describes itself."""
    answers = {(c.params["id"], c.params["nav"]): a.json() for c, _, a in walked if c.endpoint == "collection"}
    itself = {id: answer for (id, nav), answer in answers.items() if nav is None}
    for (id, nav), answer in answers.items():
        total = answer["totalParents"] if nav == "parents" else answer["totalChildren"]
        assert len(answer["member"]) == total, (id, nav)
        assert "view" not in answer
        for member in answer["member"]:
            alone = {k: v for k, v in itself[member["@id"]].items() if k not in ("@context", "dtsVersion", "member")}
            assert member == alone, (id, nav, member["@id"])
    assert itself[None]["totalParents"] == 0 and itself[None] == itself[itself[None]["@id"]]


def test_one_absolute_id_names_each_resource_in_every_response(walked, works):
    root = next(a.json() for c, _, a in walked if c.endpoint == "collection" and c.params == {"id": None, "nav": None})
    assert {m["@id"] for m in root["member"]} == set(works)
    named = {work: set() for work in works}
    for call, _, answer in walked:
        if call.endpoint == "navigation":
            named[call.params["resource"]].add(answer.json()["resource"]["@id"])
        elif call.endpoint == "collection" and call.params["id"] in works:
            named[call.params["id"]].add(answer.json()["@id"])
    assert named == {work: {work} for work in works}


def test_the_resource_of_a_navigation_is_the_resource_of_the_collection(walked):
    described = {c.params["id"]: a.json() for c, _, a in walked
                 if c.endpoint == "collection" and c.params["nav"] is None and c.params["id"]}
    for call, url, answer in walked:
        if call.endpoint == "navigation":
            resource = answer.json()["resource"]
            assert resource == {k: described[resource["@id"]][k] for k in resource}, url
            assert [t for t in resource["citationTrees"] if "identifier" in t] == []  # one, the default


def test_a_navigation_is_at_its_own_address_and_lists_what_the_table_of_ref_and_down_says(walked, works):
    for call, url, answer in walked:
        if call.endpoint != "navigation":
            continue
        navigation, work = answer.json(), works[call.params["resource"]]
        ref, down = call.params.get("ref"), call.params.get("down")
        assert navigation["@id"] == url  # "the absolute URL of the current request"
        assert ("ref" in navigation) == (ref is not None) and ("member" in navigation) == (down is not None), url
        assert not {"start", "end", "view"} & set(navigation)
        if ref is not None:
            assert navigation["ref"]["identifier"] == ref
        if down is not None:
            assert [m["identifier"] for m in navigation["member"]] == work.members(ref, down), url


def test_citable_units_are_unique_placed_in_their_tree_and_typed_by_it(walked, works):
    for call, url, answer in walked:
        if call.endpoint != "navigation":
            continue
        navigation, work = answer.json(), works[call.params["resource"]]
        units = [*navigation.get("member", []), *([navigation["ref"]] if "ref" in navigation else [])]
        assert len({u["identifier"] for u in navigation.get("member", [])}) == len(navigation.get("member", []))
        types = cite_types(navigation["resource"]["citationTrees"][0]["citeStructure"])
        for unit in units:
            known = work.unit(unit["identifier"])
            assert (unit["level"], unit["parent"], unit["citeType"]) == (known.level, known.parent, known.cite_type)
            assert unit["citeType"] in types[unit["level"]], url
            assert unit["@id"].startswith("https://") and "#" in unit["@id"]


def cite_types(structures: list[dict], level: int = 1, found: dict | None = None) -> dict[int, set[str]]:
    """The citeTypes the citation tree allows at each level."""
    found = {} if found is None else found
    for structure in structures:
        found.setdefault(level, set()).add(structure["citeType"])
        cite_types(structure.get("citeStructure", []), level + 1, found)
    return found


def test_a_document_is_tei_and_a_passage_is_in_a_dts_wrapper(walked, works, edition):
    sources = {w.id: w.file.tree for w in edition.works}
    for call, url, answer in walked:
        if call.endpoint != "document":
            continue
        document = etree.fromstring(answer.body, safe_parser())  # "MUST be well formed"
        assert document.tag == f"{{{NS['tei']}}}TEI", url
        ref, work = call.params.get("ref"), works[call.params["resource"]]
        wrapped = document.findall(".//dts:wrapper", DTS)
        if ref is None:
            assert wrapped == []
            continue
        source = element_at(sources[work.id], work.unit(ref).path)
        assert len(wrapped) == 1 and [etree.tostring(e, method="c14n", exclusive=True) for e in wrapped[0]] == \
            [etree.tostring(source, method="c14n", exclusive=True)], url


def test_the_document_of_a_resource_is_valid_tei(walked, tei_all):
    """"The XML MUST be well formed and SHOULD be valid": a passage cannot be, in its dts:wrapper."""
    for call, url, answer in walked:
        if call.endpoint == "document" and call.params.get("ref") is None:
            assert tei_all.validate(etree.fromstring(answer.body, safe_parser()).getroottree()), \
                (url, [e.message for e in tei_all.error_log][:5])


def test_a_resources_own_templates_lead_where_the_entry_points_do(api, works):
    entry = api.get(api.entry).json()
    for resource in api.get(dts_api.expand(entry["collection"], {})).json()["member"]:
        for endpoint, values in (("collection", {"nav": "parents"}), ("navigation", {"ref": "1", "down": 1}),
                                 ("document", {"ref": "1"})):
            own = dts_api.expand(resource[endpoint], values)
            named = {"id" if endpoint == "collection" else "resource": resource["@id"]}
            assert own == dts_api.expand(entry[endpoint], {**named, **values})
            assert api.get(own).status == 200
        assert api.get(resource["download"]).status == 200


# --- what only a server can do -----------------------------------------------------------------


def test_every_live_response_allows_any_origin(live):
    for url in (live.entry, live.entry + "collection", live.entry + "navigation"):
        assert live.get(url).headers["Access-Control-Allow-Origin"] == "*"


def test_a_live_document_links_to_its_collection_and_is_given_in_each_media_type_it_lists(live, works):
    entry = live.get(live.entry).json()
    for resource in works:
        described = live.get(dts_api.expand(entry["collection"], {"id": resource})).json()
        answer = live.get(dts_api.expand(entry["document"], {"resource": resource, "ref": "1"}))
        link = re.fullmatch(r'<([^>]+)>; rel="collection"', answer.headers["Link"])
        assert link and live.get(link.group(1)).json() == described
        for media_type in described["mediaTypes"]:
            given = live.get(dts_api.expand(entry["document"], {"resource": resource, "mediaType": media_type}))
            assert (given.status, given.content_type) == (200, media_type)


def live_errors(resource: str) -> list[tuple[str, str, int]]:
    """The spec's errors: (endpoint, query, status)."""
    r = "resource=" + quote(resource, safe="")
    return [
        ("navigation", "down=1", 400),                   # no resource
        ("navigation", r, 400),                          # no ref, no down
        ("navigation", f"{r}&down=0", 400),              # down 0 without ref
        ("navigation", f"{r}&ref=1&start=1&end=2", 400),  # ref with start and end
        ("navigation", f"{r}&ref=1&start=1", 400),
        ("navigation", f"{r}&start=1", 400),             # start without end
        ("navigation", f"{r}&end=2", 400),
        ("navigation", f"{r}&start=1&end=2", 400),       # Level 0: "SHOULD raise an error"
        ("navigation", f"{r}&ref=no-such-ref", 404),
        ("navigation", f"{r}&ref=1&tree=no-such-tree", 404),
        ("document", "ref=1", 400),                      # no resource
        ("document", f"{r}&ref=no-such-ref", 404),
        ("document", f"{r}&ref=1&tree=no-such-tree", 404),
        ("document", f"{r}&mediaType=text%2Fhtml", 404),  # a media type the resource does not list
        ("document", f"{r}&ref=1&start=1&end=2", 400),
        ("collection", "id=no-such-id", 404),
        ("collection", "nav=sideways", 400),
    ]


def test_live_errors_are_those_of_the_spec(live, works):
    for resource in works:
        for endpoint, query, status in live_errors(resource):
            answer = live.get(f"{live.entry}{endpoint}?{query}")
            assert (answer.status, answer.content_type) == (status, dts_api.PROBLEM), (endpoint, query)
            assert json.loads(answer.body)["status"] == status
    # tree "MUST not have effects" on a whole document
    entry = live.get(live.entry).json()
    whole = dts_api.expand(entry["document"], {"resource": next(iter(works))})
    assert live.get(whole + "&tree=no-such-tree").body == live.get(whole).body


def test_the_two_works_are_both_resources(works):
    assert sorted(w.id for w in works.values()) == sorted(WORK_IDS)
