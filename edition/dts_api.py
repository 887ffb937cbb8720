"""Distributed Text Services (DTS) 1.0: the edition as a collection of citable resources.

The responses follow the DTS 1.0 specification (https://dtsapi.org/versions/v1.0/):
an entry point, a Collection endpoint, a Navigation endpoint and a Document endpoint.
Every response is built here, by pure functions over a ``Catalogue`` (the works and
their citable units, read once); ``route`` turns a request into a ``Response`` for
both the static files of ``edition build`` (Level 0) and ``edition serve``.

The citable units come from edition.citable, which reads each header's
refsDecl/citeStructure through the XSLT module shared with the other outputs; the
DTS citation tree repeats only the declaration's nesting of unit names.

Choices the specification leaves open, made here:
- one flat root collection, whose members are the works as Resources;
- every @id of a Collection or Resource is an absolute URI, the same in every response
  (a relative one would be resolved by JSON-LD against each response's own address);
  see ``identifier`` for why it is a URN rather than an http address;
- a single, default citation tree per resource, so ``tree`` may only be absent;
- a collection's members are paginated by ``PAGE_SIZE`` (only the root collection has more):
  a ``view`` names the first and last pages, and the previous and next ones where there are
  such pages; the static templates have no ``page``, so a static API's pages are reached by
  these links (``collection;page=2.json``); navigation is not paginated, so there ``page`` may
  only be absent or 1;
- ranges (``start``/``end``) are not supported (Level 0): answered with 400;
- error bodies are RFC 9457 problem details (``application/problem+json``);
- a ``ref`` without ``down`` answers without ``member``, as the spec's table of
  parameters says (one of its examples lists the unit as a member all the same).

Older drafts had a ``passage`` template on Resources; 1.0 calls it ``document``.
"""

from __future__ import annotations

import functools
import json
import re
import uuid
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from urllib.parse import quote, urljoin

from lxml import etree

from .citable import Unit, units
from .documents import Edition, Work
from .published import DECLARATION, inert, published
from .versions import site_folder
from .xmlfile import NS, TEI_NS, element_at, safe_parser

CONTEXT = "https://dtsapi.org/context/v1.0.json"
DTS_VERSION = "1.0"
DTS_NS = "https://w3id.org/api/dts#"
JSON_LD = "application/ld+json"
VERSION = "https://schema.org/version"  # a resource's version (Dublin Core has no term for it), from its header
TEI_XML = "application/tei+xml"
PROBLEM = "application/problem+json"
XML_BASE = "{http://www.w3.org/XML/1998/namespace}base"
PAGE_SIZE = 200  # members of a collection a page lists: the root of a large edition has thousands


# ---------------------------------------------------------------------------------------------
# The catalogue: what every response is made from


@dataclass(frozen=True)
class Node:
    """A citable unit placed in its resource's citation tree."""

    unit: Unit
    level: int
    parent: str | None


@dataclass(frozen=True)
class Header:
    """What the Collection endpoint says of a work, read from its TEI header once: the strings a
    description is made of, not the parsed header, so that a catalogue of thousands of works
    holds little more than its answers will say."""

    document: str  # the work's document id
    title: str = ""
    description: str = ""  # the subtitle
    version: str = ""  # editionStmt/edition/@n
    lang: str = "en"
    publisher: str = ""
    dublin_core: tuple[tuple[str, object], ...] = ()  # the terms the header gives, in order, JSON-ready
    structure: tuple = ()  # the top-level citeStructures, each a nested (citeType, children) pair


def read_header(document: str, root) -> Header:
    """The description of the work whose TEI root element is ``root`` (a source or its summary)."""
    file_desc = "tei:teiHeader/tei:fileDesc/"
    declared = root.findall("tei:teiHeader/tei:encodingDesc/tei:refsDecl/tei:citeStructure", NS)
    return Header(document, _title(root), _text(root, file_desc + "tei:titleStmt/tei:title[@type='sub']"),
                  root.xpath(f"string({file_desc}tei:editionStmt/tei:edition/@n)", namespaces=NS), _lang(root),
                  _text(root, file_desc + "tei:publicationStmt/tei:publisher"),
                  tuple(_dublin_core(root).items()), tuple(_structure(e) for e in declared))


@dataclass(frozen=True)
class Resource:
    """A work as DTS sees it: its @id, its header's description, its citable units in document
    order, and (``work``) the text its navigation and documents are answered from.

    A catalogue for the collections alone holds no text (``work`` is None) and no units.
    A released version of a work is a resource of its own, published in its version's folder
    (``folder``: "v/1.0.0/") with its own static API there: the catalogue describes it (from its
    header) and leaves its navigation and its documents to that API."""

    id: str
    header: Header
    nodes: tuple[Node, ...] = ()
    work: Work | None = None
    folder: str = ""  # a released version's folder in the site; "" for the current sources

    @property
    def document(self) -> str:
        return self.header.document

    @property
    def structure(self) -> tuple:
        return self.header.structure

    @property
    def released(self) -> bool:
        return bool(self.folder)

    def node(self, ref: str) -> Node | None:
        index = self._index.get(ref)
        return None if index is None else self.nodes[index]

    def below(self, node: Node) -> tuple[Node, ...]:
        """The node and the units inside it: in document order, the run of deeper nodes after it."""
        start = end = self._index[node.unit.ref]
        end += 1
        while end < len(self.nodes) and self.nodes[end].level > node.level:
            end += 1
        return self.nodes[start:end]

    def siblings(self, node: Node) -> list[Node]:
        return self._children[node.parent]

    # Indexes, so that each of the many requests of a static build costs what it lists,
    # not a walk over every unit of a long text.
    @functools.cached_property
    def _index(self) -> dict[str, int]:
        return {n.unit.ref: i for i, n in enumerate(self.nodes)}

    @functools.cached_property
    def _children(self) -> dict[str | None, list[Node]]:
        children: dict[str | None, list[Node]] = {}
        for n in self.nodes:
            children.setdefault(n.parent, []).append(n)
        return children

    @property
    def depth(self) -> int:
        """The depth of the citation tree: as declared, or as found if units nest deeper."""
        return max(_depth(self.structure), max((n.level for n in self.nodes), default=0))


def _depth(structures: tuple) -> int:
    return max((1 + _depth(children) for _, children in structures), default=0)


@dataclass(frozen=True)
class Catalogue:
    """The root collection and its resources (by document id), read once from an Edition."""

    id: str
    title: str
    base_url: str  # the edition's permanent address: identifiers are made from it
    resources: dict[str, Resource] = field(default_factory=dict)  # by document id ("v/1.0.0/<id>" if released)
    documents: dict[str, str] = field(default_factory=dict)  # @id -> key in resources

    def find(self, name: str) -> Resource | None:
        """A resource by its @id or, for people typing addresses, by its document id."""
        return self.resources.get(self.documents.get(name, name))

    @functools.cached_property
    def released_versions(self) -> dict[str, list[str]]:
        """The @ids of the released versions of each work (by document id), oldest first: an
        index, so that describing every resource does not walk every other one."""
        versions: dict[str, list[str]] = {}
        for resource in self.resources.values():
            if resource.released:
                versions.setdefault(resource.document, []).append(resource.id)
        return versions


def catalogue(edition: Edition, units_of: Callable[[Work], list[Unit]] | None = None,
              works: list[Work] | None = None, released: list[tuple[str, list[Work]]] = ()) -> Catalogue:
    """Read the citable units of every work (of a LoadedEdition, unless ``works`` are given) once
    (by ``units_of``, if they were read elsewhere); responses are then built without XSLT.

    A catalogue of a single work answers its navigation and its documents (edition.outputs.dts);
    the collections need only the works' headers (``collections``). The works of each ``released``
    version (its number, oldest first) are resources too, after the current ones, described by
    their headers alone."""
    units_of = units_of or (lambda work: units(edition, work))
    works = edition.works if works is None else works
    base = edition.project.base_url
    current = [Resource(resource_id(base, work.id), read_header(work.id, work.file.tree.getroot()), _place(units_of(work)), work)
               for work in works]
    return _catalogue(edition, current, [(version, [read_header(work.id, work.file.tree.getroot()) for work in its_works])
                                         for version, its_works in released])


def collections(edition: Edition, headers: Iterable[Header],
                released: Iterable[tuple[str, Iterable[Header]]] = ()) -> Catalogue:
    """The catalogue the Collection endpoint needs, from the works' headers alone (read from
    their summaries one at a time, edition.outputs.dts), with the headers of the works of each
    ``released`` version: it answers the entry point and the collections, as ``catalogue``
    does, and holds no text."""
    base = edition.project.base_url
    return _catalogue(edition, [Resource(resource_id(base, h.document), h) for h in headers], released)


def _catalogue(edition: Edition, current: list[Resource], released: Iterable[tuple[str, Iterable[Header]]]) -> Catalogue:
    """The current works' resources, then those of each released version (oldest first)."""
    base = edition.project.base_url
    found = {resource.document: resource for resource in current}
    for version, headers in released:
        folder = site_folder(version)
        found.update({folder + h.document: Resource(resource_id(base + folder, h.document), h, folder=folder)
                      for h in headers})
    return Catalogue(identifier(base), _edition_title(edition, [r.header for r in current]), base, found,
                     {r.id: key for key, r in found.items()})


def identifier(address: str) -> str:
    """The @id of what the edition publishes at ``address``: a name-based UUID URN (RFC 9562).

    Absolute, so that JSON-LD reads one identifier wherever it appears; fixed by the
    permanent address alone, so that it changes only when the edition moves. Not the http
    address itself: clients put an @id into the URI templates as ``id`` or ``resource``,
    and on a static host that is a path segment, where an encoded ``/`` is refused or read
    as a folder depending on the server (the spec notes that static templates limit ids).
    """
    return f"urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, address)}"


def resource_id(base_url: str, document: str) -> str:
    """The @id of a work: that of its page in the web edition, its permanent address."""
    return identifier(web_page(base_url, document))


def web_page(base_url: str, document: str) -> str:
    return f"{base_url}{quote(document)}.html"


def _place(found: list[Unit]) -> tuple[Node, ...]:
    """Level and parent of each unit: the units that hold it come before it, in document order."""
    nodes, holders = [], []
    for unit in found:
        while holders and not unit.path.startswith(holders[-1].path + "/"):
            holders.pop()
        nodes.append(Node(unit, len(holders) + 1, holders[-1].ref if holders else None))
        holders.append(unit)
    return tuple(nodes)


def _structure(element) -> tuple:
    """The nesting of a citeStructure's units: DTS calls each unit a citeType."""
    return element.get("unit", ""), tuple(_structure(e) for e in element.findall("tei:citeStructure", NS))


def _edition_title(edition: Edition, headers: list[Header]) -> str:
    """The publisher every header names is the edition itself (the registers' header first)."""
    registers = edition.registers and \
        _text(edition.registers.tree.getroot(), "tei:teiHeader/tei:fileDesc/tei:publicationStmt/tei:publisher")
    return registers or next((h.publisher for h in headers if h.publisher), "Edition")


def _text(element, path: str) -> str:
    found = element.find(path, NS)
    return " ".join("".join(found.itertext()).split()) if found is not None else ""


# ---------------------------------------------------------------------------------------------
# URI templates (RFC 6570, the operators DTS uses): one set for the dynamic API, one for files


_EXPRESSION = re.compile(r"\{([/;?&]?)([^}]*)\}")


def expand(template: str, values: Mapping[str, object]) -> str:
    """RFC 6570 expansion (the ``{x}``, ``{/x}``, ``{;x}``, ``{?x}``, ``{&x}`` forms DTS uses):
    a variable without a value is left out."""
    return _EXPRESSION.sub("", bind(template, values))


def bind(template: str, values: Mapping[str, object]) -> str:
    """Expand the variables that have values and keep the others as a smaller template:
    how a resource's own templates are made from the API's (``{?resource,ref}`` becomes
    ``?resource=ID{&ref}``), as the spec's examples show them."""
    def one(match: re.Match) -> str:
        operator, names = match.group(1), match.group(2).split(",")
        known = [(n, values[n]) for n in names if values.get(n) is not None]
        rest = [n for n in names if values.get(n) is None]
        done = "".join(_part(operator, i, n, str(v)) for i, (n, v) in enumerate(known))
        if not rest:
            return done
        following = "&" if operator in "?&" and known else operator
        return done + "{" + following + ",".join(rest) + "}"

    return _EXPRESSION.sub(one, template)


def _part(operator: str, index: int, name: str, value: str) -> str:
    value = quote(value, safe="-._~")
    if operator == "":
        return ("," if index else "") + value
    if operator == "/":
        return "/" + value
    if operator == ";":
        return f";{name}={value}" if value else f";{name}"  # RFC 6570 3.2.7: no "=" for an empty value
    return ("&" if index or operator == "&" else "?") + f"{name}={value}"


@dataclass(frozen=True)
class Urls:
    """Where the API answers: its entry point, one URI template per endpoint, and one for the
    pages of a collection (``pages``)."""

    site: str  # the address of the web edition (build/html), which downloads link to
    entry: str
    templates: dict[str, str]

    def template(self, endpoint: str, **bound: object) -> str:
        return bind(self.templates[endpoint], bound)

    def url(self, endpoint: str, **values: object) -> str:
        """The address of one request."""
        return expand(self.templates[endpoint], values)


def query_urls(base: str) -> Urls:
    """The dynamic API (``edition serve``): parameters in the query string, as the spec's examples."""
    root = base + "dts/"
    return Urls(base, root, {"collection": root + "collection{?id,page,nav}", "pages": root + "collection{?id,page,nav}",
                             "navigation": root + "navigation{?resource,ref,down}",
                             "document": root + "document{?resource,ref,mediaType}"})


def static_urls(base: str) -> Urls:
    """Static files (Level 0): parameters as path segments, as the spec allows for static sites.

    A root collection is ``collection.json``; ``down`` is a matrix parameter, so that its
    presence is visible (``navigation/ID;down=1/7.json``), as the spec requires of optional
    parameters in static templates. Only TEI is offered, so ``mediaType`` is not a variable.
    An @id (``urn:uuid:...``) is one path segment, written ``urn%3Auuid%3A...`` in a URL,
    which a host decodes to the file's name. The collection's template has no ``page``: page 1
    of every resource's collection would then be a call of its own, with a file of its own.
    A client reaches the pages of a paginated collection by the links of its ``view``
    (``collection;page=2.json``, the ``pages`` template).
    """
    root = base + "dts/"
    return Urls(base, root + "index.json", {"collection": root + "collection{/id,nav}.json",
                                            "pages": root + "collection{/id,nav}{;page}.json",
                                            "navigation": root + "navigation/{resource}{;down}{/ref}.json",
                                            "document": root + "document/{resource}{/ref}.xml"})


# ---------------------------------------------------------------------------------------------
# Responses


class DtsError(Exception):
    """A request the API must refuse, with the HTTP status the spec gives for it."""

    def __init__(self, status: int, message: str):
        super().__init__(message)
        self.status = status
        self.message = message


def entry(urls: Urls) -> dict:
    """The entry point: where the three endpoints are."""
    return {"@context": CONTEXT, "dtsVersion": DTS_VERSION, "@id": urls.entry, "@type": "EntryPoint",
            **{endpoint: urls.templates[endpoint] for endpoint in ("collection", "navigation", "document")}}


def collection(cat: Catalogue, urls: Urls, id: str | None = None, nav: str | None = None,
               page: int | None = None) -> dict:
    """The root collection (no id, or its own id) or one resource, with its children or parents,
    one page of them (the first unless ``page``) if they are more than a page holds."""
    asked = nav
    nav = nav or "children"
    if nav not in ("children", "parents"):
        raise DtsError(400, f"nav must be 'children' or 'parents', not {nav!r}")
    address = functools.partial(urls.url, "pages", id=id, nav=asked)
    if id in (None, cat.id):
        shown, view = _page([] if nav == "parents" else list(cat.resources.values()), page, address)
        return _top(_root_object(cat, urls), [resource_object(cat, urls, r) for r in shown], view)
    resource = _find(cat, id)
    shown, view = _page([_root_object(cat, urls)] if nav == "parents" else [], page, address)
    return _top(resource_object(cat, urls, resource), shown, view)


def _page(members: list, page: int | None, address: Callable[..., str]) -> tuple[list, dict]:
    """The members on ``page`` (the first if None), and the pagination object (``view``) if
    they take more than one page; ``address(page=n)`` is where page n is asked for."""
    last = _pages_of(len(members))
    number = page or 1
    if number > last:
        raise DtsError(404, f"no page {number}: the answer has {last}")
    shown = members[(number - 1) * PAGE_SIZE:number * PAGE_SIZE]
    if last == 1:
        return shown, {}
    return shown, {"view": {"@id": address(page=number), "@type": "Pagination", "first": address(page=1),
                            **({"previous": address(page=number - 1)} if number > 1 else {}),
                            **({"next": address(page=number + 1)} if number < last else {}),
                            "last": address(page=last)}}


def pages(cat: Catalogue, id: str | None, nav: str | None) -> int:
    """How many pages the members of a collection take: only the root's children take more than one."""
    children = id in (None, cat.id) and (nav or "children") == "children"
    return _pages_of(len(cat.resources)) if children else 1


def _pages_of(members: int) -> int:
    return max(1, -(-members // PAGE_SIZE))


def _top(obj: dict, members: list[dict], view: dict | None = None) -> dict:
    """A member object as a response: with the context and version, and its members (and which
    page of them it is)."""
    return {"@context": CONTEXT, "dtsVersion": DTS_VERSION, **obj, "member": members, **(view or {})}


def _root_object(cat: Catalogue, urls: Urls) -> dict:
    return {"@id": cat.id, "@type": "Collection", "title": cat.title,
            "totalParents": 0, "totalChildren": len(cat.resources),
            "collection": urls.template("collection", id=cat.id)}


def resource_object(cat: Catalogue, urls: Urls, resource: Resource) -> dict:
    """A Resource as the Collection endpoint describes it, with its metadata expanded: its
    version among them, and the resources that are other versions of the same work."""
    about = resource.header
    own = _own_urls(urls, resource)
    return {"@id": resource.id, "@type": "Resource", "title": about.title,
            **({"description": about.description} if about.description else {}),
            "totalParents": 1, "totalChildren": 0,
            "dublinCore": {**dict(about.dublin_core), "identifier": [web_page(cat.base_url + resource.folder, about.document)],
                           **_versions(cat, resource)},
            **({"extensions": {VERSION: about.version}} if about.version else {}),
            **_endpoints(own, resource),
            "download": _published_copy(own.site, resource),
            "mediaTypes": [TEI_XML]}


def _own_urls(urls: Urls, resource: Resource) -> Urls:
    """Where a resource is answered: a released version by the static API of its own folder."""
    return static_urls(urls.site + resource.folder) if resource.released else urls


def _versions(cat: Catalogue, resource: Resource) -> dict:
    """Dublin Core's relations between the versions of a work: the current resource ``hasVersion``
    each released one, each released one ``isVersionOf`` the current (as the DTS cookbook's
    recipe for versions has them)."""
    if resource.released:
        current = cat.resources.get(resource.document)
        return {"isVersionOf": [current.id]} if current is not None else {}
    others = cat.released_versions.get(resource.document)
    return {"hasVersion": others} if others else {}


def _endpoints(urls: Urls, resource: Resource) -> dict:
    """The URI templates of a resource, its id already filled in, and its citation tree."""
    return {"collection": urls.template("collection", id=resource.id),
            "navigation": urls.template("navigation", resource=resource.id),
            "document": urls.template("document", resource=resource.id),
            "citationTrees": _citation_trees(resource)}


def _citation_trees(resource: Resource) -> list[dict]:
    """The default (and only) tree carries no identifier, as the spec requires; its top level
    holds each citeStructure the header declares at the top (points, front matter...)."""
    if not resource.structure:
        return []
    return [{"@type": "CitationTree", "citeStructure": [_cite_structure(s) for s in resource.structure]}]


def _cite_structure(structure: tuple) -> dict:
    cite_type, children = structure
    obj = {"@type": "CiteStructure", "citeType": cite_type}
    if children:
        obj["citeStructure"] = [_cite_structure(child) for child in children]
    return obj


def _title(root) -> str:
    return _text(root, "tei:teiHeader/tei:fileDesc/tei:titleStmt/tei:title[@type='main']") or \
        _text(root, "tei:teiHeader/tei:fileDesc/tei:titleStmt/tei:title")


def _dublin_core(root) -> dict:
    """Dublin Core Terms from the header; names are language-tagged values, as MetadataObject allows."""
    lang = _lang(root)
    header = "tei:teiHeader/tei:fileDesc/"
    authors = [" ".join("".join(a.itertext()).split()) for a in root.findall(header + "tei:titleStmt/tei:author", NS)]
    licence = root.find(header + "tei:publicationStmt/tei:availability/tei:licence", NS)
    metadata = {"title": [{"lang": lang, "value": _title(root)}],
                "creator": [{"lang": lang, "value": a} for a in authors if a],
                "publisher": [{"lang": lang, "value": _text(root, header + "tei:publicationStmt/tei:publisher")}],
                "issued": root.xpath(f"string({header}tei:publicationStmt/tei:date/@when)", namespaces=NS),
                "language": [lang],
                "license": licence.get("target") if licence is not None else None}
    return {key: value for key, value in metadata.items() if value and value != [{"lang": lang, "value": ""}]}


def _lang(root) -> str:
    return root.get("{http://www.w3.org/XML/1998/namespace}lang") or "en"


def navigation(cat: Catalogue, urls: Urls, resource: str | None, ref: str | None = None,
               down: int | None = None) -> dict:
    """The citation tree of a resource, or part of it, as the spec's table of ref/down says."""
    if resource is None:
        raise DtsError(400, "the navigation endpoint needs a resource")
    found = _text_of(cat, resource)
    response = {"@context": CONTEXT, "dtsVersion": DTS_VERSION, "@type": "Navigation",
                "@id": urls.url("navigation", resource=resource, ref=ref, down=down),
                "resource": {"@id": found.id, "@type": "Resource", **_endpoints(urls, found)}}
    if not found.structure:  # the spec: an empty member for every request, never an error
        return {**response, "member": []}
    node = _node(found, ref)
    if node is None and down in (None, 0):
        raise DtsError(400, "give a ref, or a down other than 0: the whole resource is not a citable unit")
    if node is not None:
        response["ref"] = citable_unit(cat, found, node)
    if down is not None:
        response["member"] = [citable_unit(cat, found, n) for n in members(found, node, down)]
    return response


def members(resource: Resource, node: Node | None, down: int) -> list[Node]:
    """The units a navigation request lists, in document order.

    down=0: the siblings of ``node`` (itself included); down=-1: everything below the
    root or ``node``; down>0: that many levels below it. A ``node`` heads its own list.
    """
    if node is not None and down == 0:
        return list(resource.siblings(node))
    top = node.level if node is not None else 0
    inside = resource.nodes if node is None else resource.below(node)
    return [n for n in inside if down == -1 or n.level <= top + down]


def citable_unit(cat: Catalogue, resource: Resource, node: Node) -> dict:
    """A CitableUnit; its @id is its place in the web edition, the fragment of its reference."""
    obj = {"identifier": node.unit.ref, "@type": "CitableUnit", "level": node.level, "parent": node.parent,
           "citeType": node.unit.unit, "@id": f"{web_page(cat.base_url, resource.document)}#{quote(node.unit.id)}"}
    if node.unit.label:
        obj["dublinCore"] = {"title": [{"lang": resource.header.lang, "value": node.unit.label}]}
    return obj


def document(cat: Catalogue, resource: str | None, ref: str | None = None, media_type: str | None = None) -> bytes:
    """The TEI of a resource, or of one passage in a dts:wrapper after the document's header.

    Either is read at the API's address, against which the source's relative pointers
    (``registers.xml#mim``, ``#editors``) would lead nowhere: its root's xml:base is the
    published copy of the document (build/html/tei/), where they lead to the edition's files.
    """
    if resource is None:
        raise DtsError(400, "the document endpoint needs a resource")
    found = _text_of(cat, resource)
    if media_type not in (None, TEI_XML):
        raise DtsError(404, f"{resource} is available as {TEI_XML} only, not {media_type}")
    node = _node(found, ref)
    # The file the web edition offers to download, or a passage of it: published either way.
    tree = etree.fromstring(published(found.work.file), safe_parser()).getroottree() if node is None \
        else etree.ElementTree(_passage(found.work.file.tree, node))
    _set_base(tree.getroot(), _published_copy(cat.base_url, found))
    return DECLARATION + etree.tostring(tree, encoding="UTF-8") + b"\n"


def _published_copy(site: str, resource: Resource) -> str:
    return f"{site}tei/{quote(resource.document)}.xml"


def _set_base(root, address: str) -> None:
    """A base the source declares itself still counts, from where the document is published."""
    root.set(XML_BASE, urljoin(address, root.get(XML_BASE, "")))


def _passage(tree, node: Node):
    """A TEI document: the header, then text/body/dts:wrapper holding the passage, both in
    their published form (edition.published), as the whole document is.

    The spec lets the wrapper stand anywhere inside TEI; its example puts it in the
    body, as here. The teiHeader travels with it, so the passage says what it is from.
    """
    source = tree.getroot()
    root = etree.Element(f"{{{TEI_NS}}}TEI", nsmap={None: TEI_NS})
    for name in ("{http://www.w3.org/XML/1998/namespace}lang",):
        if source.get(name):
            root.set(name, source.get(name))
    root.append(inert(source.find("tei:teiHeader", NS)))
    body = etree.SubElement(etree.SubElement(root, f"{{{TEI_NS}}}text"), f"{{{TEI_NS}}}body")
    wrapper = etree.SubElement(body, f"{{{DTS_NS}}}wrapper", nsmap={"dts": DTS_NS})
    wrapper.append(inert(element_at(tree, node.unit.path)))
    return root


def _find(cat: Catalogue, resource: str) -> Resource:
    found = cat.find(resource)
    if found is None:
        known = ", ".join(f"{r.id} ({r.document})" for r in cat.resources.values() if not r.released)
        raise DtsError(404, f"no resource {resource!r}; the edition has {known}")
    return found


def _text_of(cat: Catalogue, resource: str) -> Resource:
    """A resource whose text this API serves: a released version's is served by its own."""
    found = _find(cat, resource)
    if found.released:
        raise DtsError(404, f"{resource!r} is a released version, whose text the API of its version serves: "
                       f"{static_urls(cat.base_url + found.folder).entry}")
    if found.work is None:
        raise DtsError(404, f"{resource!r} is described here, but its text was not read: "
                       "this catalogue answers the collections only")
    return found


def _node(resource: Resource, ref: str | None) -> Node | None:
    if ref is None:
        return None
    node = resource.node(ref)
    if node is None:
        raise DtsError(404, f"{resource.id} has no citable unit {ref!r}")
    return node


# ---------------------------------------------------------------------------------------------
# Requests


@dataclass(frozen=True)
class Response:
    """An HTTP answer: status, content type, body, and the headers beyond those."""

    status: int
    content_type: str
    body: bytes
    headers: tuple[tuple[str, str], ...] = ()


def route(cat: Catalogue, urls: Urls, path: str, query: Mapping[str, str | list[str]]) -> Response:
    """Answer a request for ``path`` below the API's root (``""``, ``collection`` ...)."""
    endpoint = path.strip("/")
    try:
        params = _single(query)
        if endpoint not in _ENDPOINTS:
            raise DtsError(404, f"no endpoint {endpoint!r}: the API has collection, navigation and document")
        return _ENDPOINTS[endpoint](cat, urls, params)
    except DtsError as error:
        return problem(error.status, error.message)


def _entry_response(cat: Catalogue, urls: Urls, params: dict[str, str]) -> Response:
    return _json(entry(urls))


def _collection_response(cat: Catalogue, urls: Urls, params: dict[str, str]) -> Response:
    return _json(collection(cat, urls, params.get("id"), params.get("nav"), _page_number(params)))


def _navigation_response(cat: Catalogue, urls: Urls, params: dict[str, str]) -> Response:
    _no_range(params)
    _default_tree(params)
    _only_first_page(params)
    return _json(navigation(cat, urls, params.get("resource"), params.get("ref"), _down(params.get("down"))))


def _document_response(cat: Catalogue, urls: Urls, params: dict[str, str]) -> Response:
    _no_range(params)
    if "ref" in params:  # tree "MUST not have effects" without ref, start or end
        _default_tree(params)
    body = document(cat, params.get("resource"), params.get("ref"), params.get("mediaType"))
    link = f'<{urls.url("collection", id=_find(cat, params["resource"]).id)}>; rel="collection"'
    return Response(200, TEI_XML, body, (("Link", link),))


_ENDPOINTS = {"": _entry_response, "collection": _collection_response,
              "navigation": _navigation_response, "document": _document_response}


def problem(status: int, detail: str) -> Response:
    titles = {400: "Bad Request", 404: "Not Found"}
    body = {"type": "about:blank", "title": titles.get(status, "Error"), "status": status, "detail": detail}
    return Response(status, PROBLEM, _dump(body))


def _json(obj: dict) -> Response:
    return Response(200, JSON_LD, _dump(obj))


def _dump(obj: dict) -> bytes:
    """The JSON of a response, indented by two, its members (its last key) encoded one at a time:
    the root collection of a large edition lists thousands of them, and Python's indenting
    encoder keeps every piece of what it writes until it joins them (several times the answer)."""
    members = obj.get("member")
    if not members or list(obj)[-1] != "member":
        return _encode(obj) + b"\n"
    head = _encode({**obj, "member": []})  # ... "member": []\n}
    each = (b"    " + _encode(member).replace(b"\n", b"\n    ") for member in members)  # a string holds no newline
    return head.removesuffix(b"]\n}") + b"\n" + b",\n".join(each) + b"\n  ]\n}\n"


def _encode(obj: dict) -> bytes:
    return json.dumps(obj, indent=2, ensure_ascii=False).encode("utf-8")


def _single(query: Mapping[str, str | list[str]]) -> dict[str, str]:
    """One value per parameter: a repeated parameter is malformed."""
    params = {}
    for name, value in query.items():
        values = [value] if isinstance(value, str) else list(value)
        if len(values) != 1:
            raise DtsError(400, f"give {name} once")
        params[name] = values[0]
    return params


def _down(value: str | None) -> int | None:
    if value is None:
        return None
    if not re.fullmatch(r"-1|0|[1-9][0-9]{0,5}", value):
        raise DtsError(400, f"down must be -1, 0 or a positive integer, not {value!r}")
    return int(value)


def _no_range(params: dict[str, str]) -> None:
    """Ranges: combinations the spec forbids, then ranges at all (this is a Level 0 server)."""
    if "ref" in params and ("start" in params or "end" in params):
        raise DtsError(400, "ref cannot be combined with start or end")
    if ("start" in params) != ("end" in params):
        raise DtsError(400, "start and end go together")
    if "start" in params:
        # Level 0 "SHOULD raise an error" for ranges; the spec names no status code.
        raise DtsError(400, "ranges (start and end) are not supported: ask for each ref")


def _default_tree(params: dict[str, str]) -> None:
    """Each resource has its default citation tree only, which is asked for by giving no tree."""
    if "tree" in params:
        raise DtsError(404, f"no citation tree {params['tree']!r}: resources have their default tree only")


def _page_number(params: dict[str, str]) -> int | None:
    page = params.get("page")
    if page is not None and not re.fullmatch(r"[1-9][0-9]{0,5}", page):
        raise DtsError(400, f"page must be a positive integer, not {page!r}")
    return None if page is None else int(page)


def _only_first_page(params: dict[str, str]) -> None:
    """A navigation is not paginated: page 1 is the whole answer, any other page does not exist."""
    page = _page_number(params)
    if page not in (None, 1):
        raise DtsError(404, f"no page {page}: the answer has a single page")
