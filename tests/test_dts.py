"""DTS 1.0: the static Level 0 files of build/dts/, and the live API of `edition serve` over HTTP."""

from __future__ import annotations

import dataclasses
import http.client
import json
import threading
import time
from urllib.parse import quote, unquote, urldefrag, urljoin

import pytest
from lxml import etree

from bench.synthetic import generate
from edition import citable, documents, dts_api, summary
from edition import serve as server
from edition.build import FORMATS
from edition.outputs import dts
from edition.outputs.dts import catalogue_requests, static_path
from edition.saxon import Stylesheets
from edition.xmlfile import NS, element_at, parse, safe_parser

from conftest import WORK_IDS, run_in

DTS = {"dts": dts_api.DTS_NS, **NS}
XML_BASE = "{http://www.w3.org/XML/1998/namespace}base"


@pytest.fixture(scope="module")
def edition(project):
    return documents.load(project, Stylesheets(project.xslt, citable.STYLESHEETS))


@pytest.fixture(scope="module")
def units(edition):
    """Every citable unit of each work, as the citation module (and so the XSLT) finds them."""
    return {work.id: citable.units(edition, work) for work in edition.works}


def read_json(path):
    return json.loads(path.read_text(encoding="utf-8"))


def canonical(element) -> bytes:
    """Exclusive C14N: the element as it is, without what it inherits from where it stands."""
    return etree.tostring(element, method="c14n", exclusive=True)


def parse_xml(data: bytes):
    return etree.fromstring(data, safe_parser())


@pytest.fixture(scope="module")
def ids(project):
    """Each work's @id, by document id."""
    return {work_id: dts_api.resource_id(project.base_url, work_id) for work_id in WORK_IDS}


@pytest.fixture(scope="module")
def at(built, project):
    """The static file that answers a request (endpoint, parameters)."""
    urls = dts_api.static_urls(project.base_url)
    return lambda endpoint, **params: built.joinpath("dts", *static_path(urls, endpoint, params))


# --- the pure functions ----------------------------------------------------------------------


def test_uri_templates_expand_as_rfc_6570_says_and_bind_some_variables_only():
    assert dts_api.expand("/n{?resource,ref,down}", {"resource": "a b", "down": -1}) == "/n?resource=a%20b&down=-1"
    assert dts_api.expand("/n/{resource}{;down}{/ref}.json", {"resource": "x", "down": 0, "ref": "7"}) == "/n/x;down=0/7.json"
    assert dts_api.expand("/c{/id,nav}.json", {}) == "/c.json"
    assert dts_api.bind("/n{?resource,ref,down}", {"resource": "x"}) == "/n?resource=x{&ref,down}"
    assert dts_api.bind("/n?resource=x{&ref,down}", {"ref": "7.2"}) == "/n?resource=x&ref=7.2{&down}"
    assert dts_api.bind("/c{/id,nav}.json", {"id": "x"}) == "/c/x{/nav}.json"
    assert dts_api.static_urls("").url("collection") == "dts/collection.json"


def test_uri_templates_expand_as_the_specs_table_shows():
    values = {"var": "value", "x": "1024", "empty": "", "null": None}
    table = {"{var}": "value", "{/var}": "/value", "{;var}": ";var=value", "{?var}": "?var=value",
             "{&var}": "&var=value", "{/var,x}": "/value/1024", "{?var,x}": "?var=value&x=1024",
             "{&var,x}": "&var=value&x=1024", "{?var,x,empty}": "?var=value&x=1024&empty=",
             "{?var,x,null}": "?var=value&x=1024", "{;x,empty}": ";x=1024;empty"}
    assert {template: dts_api.expand(template, values) for template in table} == table


def test_a_citation_tree_holds_every_structure_the_header_declares_at_its_top():
    """Front matter cited beside the points: the tree's top level has both, its depth the deeper."""
    structures = (("point", (("block", ()),)), ("front", (("block", ()),)), ("front", ()))
    resource = dts_api.Resource("urn:x", dts_api.Header("x", structure=structures))
    tree = dts_api._citation_trees(resource)[0]
    assert [s["citeType"] for s in tree["citeStructure"]] == ["point", "front", "front"]
    assert [len(s.get("citeStructure", [])) for s in tree["citeStructure"]] == [1, 1, 0]
    assert resource.depth == 2 and dts_api.Resource("urn:y", dts_api.Header("y")).depth == 0


def test_identifiers_are_absolute_uris_made_from_the_permanent_address_alone():
    first = dts_api.resource_id("https://example.org/", "a-work")
    assert first == dts_api.resource_id("https://example.org/", "a-work")
    assert first == dts_api.identifier("https://example.org/a-work.html")
    assert first.startswith("urn:uuid:") and "/" not in first
    assert first != dts_api.resource_id("https://example.net/", "a-work") != dts_api.identifier("https://example.org/")


# --- the static files ------------------------------------------------------------------------


@pytest.fixture(scope="module")
def static(built):
    return built / "dts"


def test_the_static_entry_point_names_the_three_endpoints(static, project):
    entry = read_json(static / "index.json")
    assert entry["@context"] == dts_api.CONTEXT == "https://dtsapi.org/context/v1.0.json"
    assert (entry["@type"], entry["dtsVersion"]) == ("EntryPoint", "1.0")
    assert entry["@id"] == project.base_url + "dts/index.json"
    for endpoint in ("collection", "navigation", "document"):
        assert entry[endpoint].startswith(project.base_url + "dts/") and "{" in entry[endpoint]


def test_the_root_collection_holds_both_works_as_resources_with_their_citation_tree(static, at, ids):
    root = read_json(static / "collection.json")
    assert (root["@type"], root["totalParents"], root["totalChildren"]) == ("Collection", 0, len(WORK_IDS))
    assert read_json(at("collection", id=root["@id"])) == root
    resources = {member["@id"]: member for member in root["member"]}
    assert set(resources) == set(ids.values())
    for resource in resources.values():
        assert resource["@type"] == "Resource" and resource["totalParents"] == 1
        assert resource["mediaTypes"] == [dts_api.TEI_XML]
        tree = resource["citationTrees"][0]
        assert tree["@type"] == "CitationTree" and "identifier" not in tree  # the default tree has none
        point = tree["citeStructure"][0]
        assert (point["citeType"], point["citeStructure"][0]["citeType"]) == ("point", "block")


def test_a_resource_has_the_root_collection_as_its_parent(static, at, ids):
    parents = read_json(at("collection", id=ids["mim-program-1996"], nav="parents"))
    assert parents["@type"] == "Resource"
    assert [m["@type"] for m in parents["member"]] == ["Collection"]
    assert read_json(at("collection", nav="parents"))["member"] == []  # the root has none


def test_one_absolute_id_names_each_resource_and_the_root_in_every_response(static, at, ids, project):
    """JSON-LD resolves a relative @id against each response's own address: it must be absolute."""
    root = read_json(static / "collection.json")
    for work_id, id in ids.items():
        page = f"{project.base_url}{work_id}.html"
        named = {"member": next(m["@id"] for m in root["member"] if m["dublinCore"]["identifier"] == [page]),
                 "resource": read_json(at("collection", id=id))["@id"],
                 "navigation": read_json(at("navigation", resource=id, down=1))["resource"]["@id"],
                 "ref": read_json(at("navigation", resource=id, ref="1"))["resource"]["@id"]}
        assert set(named.values()) == {id}, named
        assert read_json(at("collection", id=id, nav="parents"))["member"][0]["@id"] == root["@id"]
    roots = [read_json(at("collection", id=named, nav=nav))["@id"]
             for named in (None, root["@id"]) for nav in (None, "children", "parents")]
    assert set(roots) == {root["@id"]} and root["@id"] not in ids.values()
    assert all(i.startswith("urn:uuid:") for i in (root["@id"], *ids.values()))


def test_every_citable_unit_of_both_works_is_in_the_navigation(at, ids, units):
    for work_id in WORK_IDS:
        tree = read_json(at("navigation", resource=ids[work_id], down=-1))
        assert [m["identifier"] for m in tree["member"]] == [u.ref for u in units[work_id]]
        for member in tree["member"]:
            assert member["@type"] == "CitableUnit"
            assert member["level"] == member["identifier"].count(".") + 1
            assert member["parent"] == (member["identifier"].rpartition(".")[0] or None)
            alone = read_json(at("navigation", resource=ids[work_id], ref=member["identifier"]))
            assert alone["ref"] == member and "member" not in alone


def test_the_navigation_of_a_point_lists_it_then_its_blocks(at, ids, units):
    mim = ids["mim-program-1996"]
    point = read_json(at("navigation", resource=mim, ref="7", down=1))
    assert point["@type"] == "Navigation" and point["ref"]["identifier"] == "7"
    blocks = [u.ref for u in units["mim-program-1996"] if u.ref.startswith("7.")]
    assert [m["identifier"] for m in point["member"]] == ["7", *blocks]
    assert point["member"][0]["dublinCore"]["title"][0]["value"].startswith("7. We want")
    siblings = read_json(at("navigation", resource=mim, ref="7.2", down=0))
    assert [m["identifier"] for m in siblings["member"]] == blocks
    # Deeper than the tree below a unit is valid: what there is, and the unit alone at the bottom.
    assert read_json(at("navigation", resource=mim, ref="7", down=2))["member"] == point["member"]
    assert [m["identifier"] for m in read_json(at("navigation", resource=mim, ref="7.2", down=2))["member"]] == ["7.2"]


def test_each_static_response_lives_at_the_address_its_templates_give(static, at, ids, project):
    root = project.base_url + "dts/"
    for path in sorted((static / "navigation").rglob("*.json")):
        address = read_json(path)["@id"]
        assert address.startswith(root) and unquote(address.removeprefix(root)) == path.relative_to(static).as_posix()
    resource = read_json(at("collection", id=ids["mim-program-1996"]))
    for endpoint, values, suffix in (("navigation", {"ref": "7", "down": 1}, ".json"),
                                     ("document", {"ref": "7.2"}, ".xml")):
        url = dts_api.expand(resource[endpoint], values)
        assert url.startswith(root) and url.endswith(suffix) and (static / unquote(url.removeprefix(root))).is_file()


def test_the_document_of_a_resource_is_its_tei_based_where_it_is_published(at, ids, edition, project):
    for work in edition.works:
        document = parse_xml(at("document", resource=ids[work.id]).read_bytes())
        assert document.attrib.pop(XML_BASE) == f"{project.base_url}tei/{work.id}.xml"
        assert canonical(document) == canonical(work.file.tree.getroot())


def pointers(document, schema) -> list[tuple[str, str]]:
    """Each pointer of a document, with its element's base: of every attribute the edition's
    schema types as teidata.pointer (a list of URIs)."""
    rng = "{http://relaxng.org/ns/structure/1.0}"
    names = {a.get("name") for a in schema.iter(f"{rng}attribute")
             if any(r.get("name") == "teidata.pointer" for r in a.iter(f"{rng}ref"))}
    return [(element.base, pointer) for element in document.iter(etree.Element)
            for name in names & set(element.attrib) for pointer in element.get(name).split()]


def test_every_relative_pointer_of_a_returned_document_leads_to_a_published_file(at, ids, built, project, units):
    """Resolved against the document's base, as XML Base says, not against the API's address."""
    schema = etree.parse(str(project.schema / "edition.rng"))
    site, checked = project.base_url, 0
    for work_id, id in ids.items():
        for ref in (None, *(u.ref for u in units[work_id])):
            document = etree.parse(str(at("document", resource=id, ref=ref)), safe_parser()).getroot()
            for base, pointer in pointers(document, schema):
                if ":" in pointer.partition("#")[0]:
                    continue  # an absolute URL (http, https, mailto): not the edition's to check
                address, fragment = urldefrag(urljoin(base, pointer))
                assert address.startswith(site + "tei/"), (work_id, ref, pointer, address)
                target = built / "html" / "tei" / unquote(address.removeprefix(site + "tei/"))
                assert target.is_file(), (work_id, ref, pointer, address)
                assert not fragment or etree.parse(str(target)).xpath("//*[@xml:id = $f]", f=fragment), pointer
                checked += 1
    assert checked > 100


def test_the_document_of_a_passage_is_tei_with_the_header_and_the_passage_in_a_dts_wrapper(at, ids, edition, units,
                                                                                          project):
    work = next(w for w in edition.works if w.id == "mim-program-1996")
    for unit in units[work.id]:
        document = parse_xml(at("document", resource=ids[work.id], ref=unit.ref).read_bytes())
        assert document.tag == f"{{{NS['tei']}}}TEI"
        assert document.get(XML_BASE) == f"{project.base_url}tei/{work.id}.xml"
        assert document.find("tei:teiHeader/tei:fileDesc/tei:titleStmt/tei:title", NS) is not None
        wrapped = document.findall("tei:text/tei:body/dts:wrapper/*", DTS)
        source = element_at(work.file.tree, unit.path)
        assert len(wrapped) == 1 and canonical(wrapped[0]) == canonical(source)


def test_a_resource_without_a_citation_tree_answers_every_navigation_with_no_member(project_copy):
    """The spec: such requests "will return an empty member array and must not return an HTTP error"."""
    source = project_copy.texts / "llco-what-we-strive-for.xml"
    text = source.read_text(encoding="utf-8")
    start, end = text.index("<refsDecl>"), text.index("</refsDecl>") + len("</refsDecl>")
    source.write_text(text[:start] + text[end:], encoding="utf-8")
    result = run_in(project_copy, "build", "--quiet", "--format", "dts")
    assert result.exit_code == 0, result.output
    urls, id = dts_api.static_urls(project_copy.base_url), dts_api.resource_id(project_copy.base_url, "llco-what-we-strive-for")
    for down in (None, 0, 1, -1):
        segments = static_path(urls, "navigation", {"resource": id, "down": down})
        found = read_json(project_copy.build.joinpath("dts", *segments))
        assert found["member"] == [] and found["resource"]["citationTrees"] == [], down
    assert not list((project_copy.build / "dts" / "document").glob(f"{id}/*.xml"))


# --- the collections from the summaries ---------------------------------------------------------


def answers(cat: dts_api.Catalogue, urls: dts_api.Urls, requests) -> dict:
    """The body of each answer of ``cat``, by request."""
    return {(endpoint, tuple(params.items())): dts_api.route(cat, urls, endpoint,
                                                             {k: str(v) for k, v in params.items() if v is not None}).body
            for endpoint, params in requests}


def summarised_header(work: documents.Work) -> dts_api.Header:
    """A work's header as the build's step over the edition reads it: from the work's summary."""
    return dts_api.read_header(work.id, etree.fromstring(summary.summarise(work.file.tree, work.id, False), safe_parser()))


def test_the_static_collections_are_the_answers_of_a_catalogue_of_the_whole_works(static, edition, units, project):
    """The build describes each work from its summary's header alone; ``edition serve`` from the
    whole source. Both give the same bytes."""
    whole = dts_api.catalogue(edition, lambda work: units[work.id])
    urls = dts_api.static_urls(project.base_url)
    requests = list(catalogue_requests(whole))
    for (endpoint, params), body in answers(whole, urls, requests).items():
        assert static.joinpath(*static_path(urls, endpoint, dict(params))).read_bytes() == body, (endpoint, params)


@pytest.fixture
def varied(project, tmp_path):
    """A small synthetic edition (copies of the two programmes) whose headers differ: without
    a publisher or a licence, a subtitle, a version; in another language; with markup and
    spacing in a title. No registers, so that the works' headers name the edition."""
    texts = tmp_path / "texts"
    generate(project.texts, texts, 11)  # the registers, the alignment and nine works
    (texts / "registers.xml").unlink()
    (texts / "alignment.xml").unlink()
    changes = [["//tei:publicationStmt/tei:publisher", "//tei:licence"], ["//tei:titleStmt/tei:title[@type='sub']"],
               ["//tei:editionStmt/tei:edition/@n"]]
    paths = sorted(texts.glob("*.xml"))
    for path, removed in zip(paths, changes):
        tree = etree.parse(str(path), safe_parser())
        for found in tree.xpath("|".join(removed), namespaces=NS):
            found.getparent().attrib.pop("n") if isinstance(found, str) else found.getparent().remove(found)
        tree.write(str(path), encoding="UTF-8", xml_declaration=True)
    tree = etree.parse(str(paths[3]), safe_parser())
    tree.getroot().set("{http://www.w3.org/XML/1998/namespace}lang", "de")
    title = tree.find("tei:teiHeader/tei:fileDesc/tei:titleStmt/tei:title[@type='main']", NS)
    title.text = "  Ein <Programm> &\n  "
    etree.SubElement(title, f"{{{dts_api.TEI_NS}}}hi").text = "für alle "
    tree.write(str(paths[3]), encoding="UTF-8", xml_declaration=True)
    files = [parse(path, path.read_bytes()) for path in sorted(texts.glob("*.xml"))]
    return documents.Edition.of(dataclasses.replace(project, texts_folder=texts), None, files)


def test_the_collections_of_a_synthetic_edition_from_its_summaries_are_those_of_its_whole_works(varied, tmp_path):
    assert len(varied.works) == 9 and varied.registers is None
    whole = dts_api.catalogue(varied, lambda work: [])
    requests = list(catalogue_requests(whole))
    # What the build writes from the summaries it wrote.
    (tmp_path / "build").mkdir()
    summaries = [summary.write(work.file.tree, work.id, False, tmp_path / "build") for work in varied.works]
    written = dts.write_edition(varied, summaries, tmp_path / "build")
    urls = dts_api.static_urls(varied.project.base_url)
    expected = answers(whole, urls, requests)
    files = {(tmp_path / "build" / "dts").joinpath(*static_path(urls, endpoint, dict(params))): body
             for (endpoint, params), body in expected.items()}
    assert set(written) == set(files)
    for path, body in files.items():
        assert path.read_bytes() == body, path
    assert json.loads(expected[("", ())])["@type"] == "EntryPoint"
    root = json.loads(expected[("collection", (("id", None), ("nav", None)))])
    assert root["title"] == "Two Programmes: a digital edition"  # the first work names no publisher
    assert len({json.dumps(member, sort_keys=True).replace(member["@id"], "") for member in root["member"]}) > 4
    # With released versions, for the live API too.
    released = [("1.0.0", varied.works[:3]), ("2.0.0", varied.works[2:5])]
    whole = dts_api.catalogue(varied, lambda work: [], released=released)
    described = dts_api.collections(varied, map(summarised_header, varied.works),
                                    [(version, map(summarised_header, works)) for version, works in released])
    requests = list(catalogue_requests(whole))
    assert len(requests) == 3 * (2 + 9 + 6) + 1
    for urls in (dts_api.static_urls(varied.project.base_url), dts_api.query_urls("http://127.0.0.1:8000/")):
        assert answers(described, urls, requests) == answers(whole, urls, requests)


def at_url(folder, urls: dts_api.Urls, url: str):
    """The static file a host answers ``url`` with."""
    root = urls.entry.rpartition("/")[0] + "/"
    return folder.joinpath(*(unquote(segment) for segment in url.removeprefix(root).split("/")))


def test_a_root_collection_of_more_works_than_a_page_holds_is_read_page_by_page(varied, tmp_path, monkeypatch):
    """Each page lists the next works in order, and its view leads to the first, previous, next
    and last pages, each written where its link says."""
    monkeypatch.setattr(dts_api, "PAGE_SIZE", 2)
    (tmp_path / "build").mkdir()
    summaries = [summary.write(work.file.tree, work.id, False, tmp_path / "build") for work in varied.works]
    written = dts.write_edition(varied, summaries, tmp_path / "build")
    static, urls = tmp_path / "build" / "dts", dts_api.static_urls(varied.project.base_url)
    described = dts_api.collections(varied, map(summarised_header, varied.works))
    every = [dts_api.resource_object(described, urls, resource) for resource in described.resources.values()]
    for nav in (None, "children"):
        for id in (None, described.id):
            start = at_url(static, urls, urls.url("collection", id=id, nav=nav))
            page, members, seen = read_json(start), [], []
            assert page["view"]["@id"] == page["view"]["first"] and "previous" not in page["view"]
            while True:
                assert page["totalChildren"] == 9 and page["view"]["last"] == page["view"]["first"].replace("=1.", "=5.")
                members += page["member"]
                seen.append(page["view"]["@id"])
                if "next" not in page["view"]:
                    break
                following = read_json(at_url(static, urls, page["view"]["next"]))
                assert following["view"]["previous"] == page["view"]["@id"]
                page = following
            assert members == every and len(seen) == 5 and seen[-1] == page["view"]["last"], (id, nav)
            assert read_json(at_url(static, urls, seen[0])) == read_json(start)
            assert all(at_url(static, urls, url) in written for url in seen)
    # A resource's collection has one member at most; its parents, the root, are not paginated.
    resource = dts_api.resource_id(varied.project.base_url, varied.works[0].id)
    assert "view" not in read_json(at_url(static, urls, urls.url("collection", id=resource, nav="parents")))
    assert not list(static.glob("collection/parents;*")) and not list(static.glob(f"collection/{resource}*;*"))


def test_the_live_api_answers_each_page_and_refuses_the_others(varied, monkeypatch):
    monkeypatch.setattr(dts_api, "PAGE_SIZE", 2)
    described = dts_api.collections(varied, map(summarised_header, varied.works))
    urls = dts_api.query_urls("http://127.0.0.1:8000/")
    resource = dts_api.resource_id(varied.project.base_url, varied.works[0].id)

    def ask(**params):
        return dts_api.route(described, urls, "collection", params)

    second = json.loads(ask(page="2", nav="children").body)
    assert [m["@id"] for m in second["member"]] == [r.id for r in list(described.resources.values())[2:4]]
    assert second["view"]["next"] == "http://127.0.0.1:8000/dts/collection?page=3&nav=children"
    assert dts_api.entry(urls)["collection"].endswith("collection{?id,page,nav}")
    assert "view" not in json.loads(ask(id=resource, page="1").body)
    assert [ask(page="6").status, ask(page="0").status, ask(id=resource, page="2").status,
            ask(nav="parents", page="2").status] == [404, 400, 404, 404]


def test_a_response_is_the_json_of_its_object_indented_by_two(varied):
    """Members are encoded one at a time (edition.dts_api._dump): the bytes are those of the whole."""
    described = dts_api.collections(varied, map(summarised_header, varied.works))
    objects = [dts_api.collection(described, dts_api.static_urls(varied.project.base_url)),
               {"@id": "x", "member": []}, {"member": [{"a": "b"}], "after": 1},
               {"@id": "x", "member": [{}, [], {"a": ["line\none", {"b": []}], "c": "\u2028 \\n ü"}, "s", 1, None]}]
    for obj in objects:
        assert dts_api._dump(obj) == (json.dumps(obj, indent=2, ensure_ascii=False) + "\n").encode("utf-8")


def test_a_catalogue_of_the_collections_serves_no_text(varied):
    described = dts_api.collections(varied, map(summarised_header, varied.works))
    urls = dts_api.static_urls(varied.project.base_url)
    resource = dts_api.resource_id(varied.project.base_url, varied.works[0].id)
    for endpoint, params in (("navigation", {"down": "1"}), ("document", {})):
        response = dts_api.route(described, urls, endpoint, {"resource": resource, **params})
        assert response.status == 404 and b"collections only" in response.body


# --- the live API ------------------------------------------------------------------------------


def get(httpd, path: str):
    """GET a raw request target (not normalised by any client library); status, headers, body."""
    connection = http.client.HTTPConnection("127.0.0.1", httpd.server_port, timeout=30)
    try:
        connection.request("GET", path)
        response = connection.getresponse()
        return response.status, dict(response.getheaders()), response.read()
    finally:
        connection.close()


def get_json(httpd, path: str, status: int = 200):
    code, headers, body = get(httpd, path)
    assert code == status, body
    assert headers["Content-Type"] == (dts_api.JSON_LD if status == 200 else dts_api.PROBLEM)
    return json.loads(body)


def test_the_live_entry_point_leads_to_this_server(live):
    entry = get_json(live, "/dts/")
    base = f"http://127.0.0.1:{live.server_port}/dts/"
    assert (entry["@type"], entry["@id"], entry["dtsVersion"]) == ("EntryPoint", base, "1.0")
    assert entry["navigation"] == base + "navigation{?resource,ref,down}"


def test_the_live_collections(live, ids):
    root = get_json(live, "/dts/collection")
    assert root["@type"] == "Collection" and {m["@id"] for m in root["member"]} == set(ids.values())
    llco = quote(ids["llco-what-we-strive-for"], safe="")
    resource = get_json(live, f"/dts/collection?id={llco}")
    assert resource["@type"] == "Resource" and resource["citationTrees"]
    assert resource["@id"] == ids["llco-what-we-strive-for"]
    parents = get_json(live, f"/dts/collection?id={llco}&nav=parents")
    assert [m["@id"] for m in parents["member"]] == [root["@id"]]
    # People who type an address may name a resource by its document id.
    assert get_json(live, "/dts/collection?id=llco-what-we-strive-for") == resource


def test_the_live_navigation_follows_the_resources_templates(live, units):
    resource = get_json(live, "/dts/collection?id=mim-program-1996")
    base = f"http://127.0.0.1:{live.server_port}"
    points = get_json(live, dts_api.expand(resource["navigation"], {"down": 1}).removeprefix(base))
    # The outermost units: the front matter's (the archive's note, the title block), then the points.
    assert [m["identifier"] for m in points["member"]] == ["note", "title", *(str(n) for n in range(1, 11))]
    whole = get_json(live, "/dts/navigation?resource=mim-program-1996&down=-1")
    assert [m["identifier"] for m in whole["member"]] == [u.ref for u in units["mim-program-1996"]]
    passage = get_json(live, "/dts/navigation?resource=mim-program-1996&ref=7.2")
    assert passage["ref"]["identifier"] == "7.2" and passage["ref"]["parent"] == "7" and "member" not in passage
    assert passage["@id"] == base + "/dts/navigation?resource=mim-program-1996&ref=7.2"


def test_the_live_document_of_a_resource_and_of_a_passage(live, at, ids):
    status, headers, body = get(live, "/dts/document?resource=mim-program-1996")
    assert (status, headers["Content-Type"]) == (200, dts_api.TEI_XML)
    assert 'rel="collection"' in headers["Link"]
    assert parse_xml(body).tag == f"{{{NS['tei']}}}TEI"
    status, headers, body = get(live, "/dts/document?resource=mim-program-1996&ref=7.2&mediaType=" +
                                quote(dts_api.TEI_XML, safe=""))
    assert status == 200
    assert body == at("document", resource=ids["mim-program-1996"], ref="7.2").read_bytes()
    assert len(parse_xml(body).findall("tei:text/tei:body/dts:wrapper/tei:p", DTS)) == 1


@pytest.mark.parametrize("path", [
    "/dts/collection?id=no-such-work",
    "/dts/navigation?resource=no-such-work&down=1",
    "/dts/document?resource=no-such-work",
    "/dts/navigation?resource=mim-program-1996&ref=11",
    "/dts/navigation?resource=mim-program-1996&ref=7.99&down=1",
    "/dts/document?resource=mim-program-1996&ref=7.99",
    "/dts/document?resource=mim-program-1996&mediaType=text/html",
    "/dts/navigation?resource=mim-program-1996&down=1&tree=pages",
    "/dts/no-such-endpoint",
])
def test_an_unknown_resource_ref_or_endpoint_is_not_found(live, path):
    assert get_json(live, path, 404)["status"] == 404


@pytest.mark.parametrize("path", [
    "/dts/navigation?resource=mim-program-1996&down=deep",
    "/dts/navigation?resource=mim-program-1996&down=-2",
    "/dts/navigation?resource=mim-program-1996",
    "/dts/navigation?resource=mim-program-1996&down=0",
    "/dts/navigation?down=1",
    "/dts/document",
    "/dts/navigation?resource=mim-program-1996&ref=7&start=7",
    "/dts/document?resource=mim-program-1996&start=7",
    "/dts/document?resource=mim-program-1996&start=7&end=8",
    "/dts/navigation?resource=mim-program-1996&resource=llco-what-we-strive-for&down=1",
    "/dts/collection?nav=sideways",
    "/dts/collection?page=first",
])
def test_a_malformed_request_is_a_bad_request(live, path):
    assert get_json(live, path, 400)["status"] == 400


@pytest.mark.parametrize("path", [
    "/../pyproject.toml", "/%2e%2e/pyproject.toml", "/%2E%2E/%2E%2E/pyproject.toml", "/assets/../../pyproject.toml",
    "/..%2fpyproject.toml", "//etc/passwd", "/%2Fetc/passwd", "/tei/..%5c..%5cpyproject.toml", "/%00",
])
def test_a_path_that_leaves_the_site_is_not_found(live, path):
    status, _, body = get(live, path)
    assert status == 404
    assert b"[tool.edition]" not in body and b"root:" not in body


def test_the_site_is_served_at_the_root(live, built):
    status, headers, body = get(live, "/")
    if "html" in FORMATS:  # the session's build has every format, so the site exists
        assert (built / "html" / "index.html").is_file()
        assert (status, headers["Content-Type"]) == (200, "text/html; charset=utf-8")
        assert body == (built / "html" / "index.html").read_bytes()
    else:
        assert status == 404


def test_a_changed_text_is_rebuilt_and_served(project_copy):
    """The watcher notices a change in texts/ and the API then answers from the new text."""
    logs: list[str] = []
    httpd = server.make_server(project_copy, "127.0.0.1", 0, log=logs.append)
    stop = threading.Event()
    server.watch(httpd.site, stop, interval=0.1)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        source = project_copy.texts / "mim-program-1996.xml"
        source.write_text(source.read_text(encoding="utf-8").replace("We want communism.", "We want communism!"),
                          encoding="utf-8")
        deadline = time.monotonic() + 120
        while "rebuilt" not in logs and time.monotonic() < deadline:
            assert not any(line.startswith("build failed") for line in logs), logs
            time.sleep(0.1)
        point = get_json(httpd, "/dts/navigation?resource=mim-program-1996&ref=1")
        assert point["ref"]["dublinCore"]["title"][0]["value"] == "1. We want communism!"
    finally:
        stop.set()
        httpd.shutdown()
        httpd.server_close()
