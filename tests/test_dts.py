"""DTS 1.0: the static Level 0 files of build/dts/, and the live API of `edition serve` over HTTP."""

from __future__ import annotations

import http.client
import json
import threading
import time
from urllib.parse import quote

import pytest
from lxml import etree

from edition import citation, documents, dts
from edition import serve as server
from edition.build import FORMATS
from edition.saxon import Stylesheets
from edition.xmlfile import NS, element_at, safe_parser

from conftest import WORK_IDS

DTS = {"dts": dts.DTS_NS, **NS}


@pytest.fixture(scope="module")
def edition(project):
    return documents.load(project, Stylesheets(project.xslt, citation.STYLESHEETS))


@pytest.fixture(scope="module")
def units(edition):
    """Every citable unit of each work, as the citation module (and so the XSLT) finds them."""
    return {work.id: citation.units(edition, work) for work in edition.works}


def read_json(path):
    return json.loads(path.read_text(encoding="utf-8"))


def canonical(element) -> bytes:
    """Exclusive C14N: the element as it is, without what it inherits from where it stands."""
    return etree.tostring(element, method="c14n", exclusive=True)


def parse_xml(data: bytes):
    return etree.fromstring(data, safe_parser())


# --- the pure functions ----------------------------------------------------------------------


def test_uri_templates_expand_as_rfc_6570_says_and_bind_some_variables_only():
    assert dts.expand("/n{?resource,ref,down}", {"resource": "a b", "down": -1}) == "/n?resource=a%20b&down=-1"
    assert dts.expand("/n/{resource}{;down}{/ref}.json", {"resource": "x", "down": 0, "ref": "7"}) == "/n/x;down=0/7.json"
    assert dts.expand("/c{/id,nav}.json", {}) == "/c.json"
    assert dts.bind("/n{?resource,ref,down}", {"resource": "x"}) == "/n?resource=x{&ref,down}"
    assert dts.bind("/n?resource=x{&ref,down}", {"ref": "7.2"}) == "/n?resource=x&ref=7.2{&down}"
    assert dts.bind("/c{/id,nav}.json", {"id": "x"}) == "/c/x{/nav}.json"
    assert dts.static_urls("").url("collection") == "dts/collection.json"


# --- the static files ------------------------------------------------------------------------


@pytest.fixture(scope="module")
def static(built):
    return built / "dts"


def test_the_static_entry_point_names_the_three_endpoints(static, project):
    entry = read_json(static / "index.json")
    assert entry["@context"] == dts.CONTEXT == "https://dtsapi.org/context/v1.0.json"
    assert (entry["@type"], entry["dtsVersion"]) == ("EntryPoint", "1.0")
    assert entry["@id"] == project.base_url + "dts/index.json"
    for endpoint in ("collection", "navigation", "document"):
        assert entry[endpoint].startswith(project.base_url + "dts/") and "{" in entry[endpoint]


def test_the_root_collection_holds_both_works_as_resources_with_their_citation_tree(static):
    root = read_json(static / "collection.json")
    assert (root["@type"], root["totalParents"], root["totalChildren"]) == ("Collection", 0, len(WORK_IDS))
    assert read_json(static / f"collection/{root['@id']}.json") == root
    resources = {member["@id"]: member for member in root["member"]}
    assert set(resources) == set(WORK_IDS)
    for resource in resources.values():
        assert resource["@type"] == "Resource" and resource["totalParents"] == 1
        assert resource["mediaTypes"] == [dts.TEI_XML]
        tree = resource["citationTrees"][0]
        assert tree["@type"] == "CitationTree" and "identifier" not in tree  # the default tree has none
        point = tree["citeStructure"][0]
        assert (point["citeType"], point["citeStructure"][0]["citeType"]) == ("point", "block")


def test_a_resource_has_the_root_collection_as_its_parent(static):
    parents = read_json(static / "collection/mim-program-1996/parents.json")
    assert parents["@type"] == "Resource"
    assert [m["@type"] for m in parents["member"]] == ["Collection"]


def test_every_citable_unit_of_both_works_is_in_the_navigation(static, units):
    for work_id in WORK_IDS:
        tree = read_json(static / f"navigation/{work_id};down=-1.json")
        assert [m["identifier"] for m in tree["member"]] == [u.ref for u in units[work_id]]
        for member in tree["member"]:
            assert member["@type"] == "CitableUnit"
            assert member["level"] == member["identifier"].count(".") + 1
            assert member["parent"] == (member["identifier"].rpartition(".")[0] or None)
            alone = read_json(static / f"navigation/{work_id}/{member['identifier']}.json")
            assert alone["ref"] == member and "member" not in alone


def test_the_navigation_of_a_point_lists_it_then_its_blocks(static, units):
    point = read_json(static / "navigation/mim-program-1996;down=1/7.json")
    assert point["@type"] == "Navigation" and point["ref"]["identifier"] == "7"
    blocks = [u.ref for u in units["mim-program-1996"] if u.ref.startswith("7.")]
    assert [m["identifier"] for m in point["member"]] == ["7", *blocks]
    assert point["member"][0]["dublinCore"]["title"][0]["value"].startswith("7. We want")
    siblings = read_json(static / "navigation/mim-program-1996;down=0/7.2.json")
    assert [m["identifier"] for m in siblings["member"]] == blocks


def test_each_static_response_lives_at_the_address_its_templates_give(static, project):
    root = project.base_url + "dts/"
    for path in sorted((static / "navigation").rglob("*.json")):
        assert read_json(path)["@id"] == root + path.relative_to(static).as_posix()
    resource = read_json(static / "collection/mim-program-1996.json")
    for endpoint, values, suffix in (("navigation", {"ref": "7", "down": 1}, ".json"),
                                     ("document", {"ref": "7.2"}, ".xml")):
        url = dts.expand(resource[endpoint], values)
        assert url.startswith(root) and url.endswith(suffix) and (static / url.removeprefix(root)).is_file()


def test_the_document_of_a_resource_is_its_tei(static, edition):
    for work in edition.works:
        document = parse_xml((static / f"document/{work.id}.xml").read_bytes())
        assert canonical(document) == canonical(work.file.tree.getroot())


def test_the_document_of_a_passage_is_tei_with_the_header_and_the_passage_in_a_dts_wrapper(static, edition, units):
    work = next(w for w in edition.works if w.id == "mim-program-1996")
    for unit in units[work.id]:
        document = parse_xml((static / f"document/{work.id}/{unit.ref}.xml").read_bytes())
        assert document.tag == f"{{{NS['tei']}}}TEI"
        assert document.find("tei:teiHeader/tei:fileDesc/tei:titleStmt/tei:title", NS) is not None
        wrapped = document.findall("tei:text/tei:body/dts:wrapper/*", DTS)
        source = element_at(work.file.tree, unit.path)
        assert len(wrapped) == 1 and canonical(wrapped[0]) == canonical(source)


# --- the live API ------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def live(project, built):
    """`edition serve` on an ephemeral port of 127.0.0.1, serving the build of this test session."""
    httpd = server.make_server(project, "127.0.0.1", 0, folder=built)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield httpd
    httpd.shutdown()
    httpd.server_close()
    thread.join(5)


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
    assert headers["Content-Type"] == (dts.JSON_LD if status == 200 else dts.PROBLEM)
    return json.loads(body)


def test_the_live_entry_point_leads_to_this_server(live):
    entry = get_json(live, "/dts/")
    base = f"http://127.0.0.1:{live.server_port}/dts/"
    assert (entry["@type"], entry["@id"], entry["dtsVersion"]) == ("EntryPoint", base, "1.0")
    assert entry["navigation"] == base + "navigation{?resource,ref,down}"


def test_the_live_collections(live):
    root = get_json(live, "/dts/collection")
    assert root["@type"] == "Collection" and {m["@id"] for m in root["member"]} == set(WORK_IDS)
    resource = get_json(live, "/dts/collection?id=llco-what-we-strive-for")
    assert resource["@type"] == "Resource" and resource["citationTrees"]
    parents = get_json(live, "/dts/collection?id=llco-what-we-strive-for&nav=parents")
    assert [m["@id"] for m in parents["member"]] == [root["@id"]]


def test_the_live_navigation_follows_the_resources_templates(live, units):
    resource = get_json(live, "/dts/collection?id=mim-program-1996")
    base = f"http://127.0.0.1:{live.server_port}"
    points = get_json(live, dts.expand(resource["navigation"], {"down": 1}).removeprefix(base))
    assert [m["identifier"] for m in points["member"]] == [str(n) for n in range(1, 11)]
    whole = get_json(live, "/dts/navigation?resource=mim-program-1996&down=-1")
    assert [m["identifier"] for m in whole["member"]] == [u.ref for u in units["mim-program-1996"]]
    passage = get_json(live, "/dts/navigation?resource=mim-program-1996&ref=7.2")
    assert passage["ref"]["identifier"] == "7.2" and passage["ref"]["parent"] == "7" and "member" not in passage
    assert passage["@id"] == base + "/dts/navigation?resource=mim-program-1996&ref=7.2"


def test_the_live_document_of_a_resource_and_of_a_passage(live, static):
    status, headers, body = get(live, "/dts/document?resource=mim-program-1996")
    assert (status, headers["Content-Type"]) == (200, dts.TEI_XML)
    assert 'rel="collection"' in headers["Link"]
    assert parse_xml(body).tag == f"{{{NS['tei']}}}TEI"
    status, headers, body = get(live, "/dts/document?resource=mim-program-1996&ref=7.2&mediaType=" +
                                quote(dts.TEI_XML, safe=""))
    assert status == 200
    assert body == (static / "document/mim-program-1996/7.2.xml").read_bytes()
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
