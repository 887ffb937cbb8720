"""Search, in Chromium, over the index the build makes: every result is a citable unit with its
reference and an excerpt of its own reading text; hits in the front matter carry their own
reference; several words find the units that hold them all; a typed reference goes straight to
its passage. An index made in parts (an edition of many documents) is searched as one, from
wherever the site is served."""

from __future__ import annotations

import functools
import http.server
import json
import re
import shutil
import threading
from urllib.parse import quote

import pytest

from browser import chromium

UNIT = re.compile(r"^(mim-program-1996|llco-what-we-strive-for):[A-Za-z0-9][A-Za-z0-9._~-]*$")


@pytest.fixture(scope="module")
def page():
    with chromium() as browser:
        tab = browser.new_page()
        yield tab
        tab.close()


@pytest.fixture(scope="module")
def records(built):
    """Reference -> the unit's own reading text, as the index was made from them."""
    found = {}
    for path in (built / "search").glob("*.json"):
        document = json.loads(path.read_text(encoding="utf-8"))
        found.update({f"{document['document']}:{u['ref']}": u["text"] for u in document["units"]})
    return found


def results(page, site, query: str) -> list[tuple[str, str, str]]:
    """(reference, link, excerpt) of each result of a query on the search page."""
    page.goto(f"{site}search.html?q={quote(query)}")
    page.locator("#search-status", has_text="found").wait_for()
    return [(item.locator("a").inner_text(), item.locator("a").get_attribute("href"),
             item.locator(".search-excerpt").inner_text())
            for item in page.locator("#search-results li").all()]


def test_every_result_is_a_citable_unit_with_an_excerpt_of_its_reading_text(site, page, records):
    found = results(page, site, "Maoism")
    references = [reference for reference, _, _ in found]
    assert "mim-program-1996:9.1" in references
    for reference, link, excerpt in found:
        assert UNIT.match(reference) and reference in records, reference
        assert link.split("#")[1].startswith(("point-", "front-")), link
        assert "maoism" in excerpt.lower(), excerpt
        shown = excerpt.replace("… ", "").replace(" …", "")
        assert shown in " ".join(records[reference].split()), (reference, excerpt)


def test_hidden_text_never_reaches_an_excerpt(site, page, records):
    # Editorial notes, the source's readings where the text corrects them, and markers were
    # indexed with the text: "1949-1976 on “1949-1976” [regularised…]", "1953event".
    for text in records.values():
        assert "regularised" not in text and not re.search(r"\devent", text), text
    for query in ("1949-1976", "1953"):
        found = results(page, site, query)
        assert found
        for _, _, excerpt in found:
            assert "regularised" not in excerpt and not re.search(r"\devent", excerpt), excerpt


def test_a_hit_in_the_front_matter_carries_its_own_reference(site, page):
    found = results(page, site, "defunct")
    assert found and all(reference.startswith("mim-program-1996:") and reference != "mim-program-1996:1"
                         for reference, _, _ in found)
    assert all(excerpt.strip() for _, _, excerpt in found)


def test_several_words_find_the_units_that_hold_them_all(site, page, records):
    query = "labor aristocracy reparations"
    found = results(page, site, query)
    assert found
    for reference, _, _ in found:
        text = records[reference].lower()
        assert all(word in text for word in query.split()), reference


@pytest.mark.parametrize("query, document", [("mim-program-1996:7.2", None), ("7.2", "mim-program-1996"),
                                             ("llco-what-we-strive-for:6.1", None)])
def test_a_typed_reference_goes_straight_to_its_passage(site, page, query, document):
    address = f"{site}search.html?q={quote(query)}" + (f"&document={document}" if document else "")
    page.goto(address)
    reference = query if document is None else f"{document}:{query}"
    page.wait_for_url(re.compile(r"\.html#"))
    work, ref = reference.split(":")
    assert page.url.endswith(f"{work}.html#" + page.url.split("#")[1]) and page.url.split("#")[1].endswith(ref)


def test_a_permalink_lands_highlighted_with_its_heading_in_view(site, page):
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(f"{site}mim-program-1996.html#point-7.2")
    page.wait_for_load_state("load")
    passage, heading = page.locator("[id='point-7.2']"), page.locator("[id='point-7'] > h2")
    background = passage.evaluate("element => getComputedStyle(element).backgroundColor")
    plain = page.locator("[id='point-7.1']").evaluate("element => getComputedStyle(element).backgroundColor")
    assert background != plain
    in_view = "element => { const r = element.getBoundingClientRect(); return r.top >= 0 && r.top < innerHeight; }"
    assert heading.evaluate(in_view) and passage.evaluate(in_view)
    bottom = heading.evaluate("element => element.getBoundingClientRect().bottom")
    assert passage.evaluate("element => element.getBoundingClientRect().top") >= bottom - 1  # not under it


def test_switching_views_keeps_the_place(site, page):
    page.goto(f"{site}mim-program-1996.html#point-7.2")
    page.wait_for_load_state("load")
    page.locator(".views a[href*='diplomatic']").click()
    page.wait_for_load_state("load")
    assert page.url.endswith("mim-program-1996.diplomatic.html#point-7.2")
    page.locator(".views a", has_text="Reading text").click()
    page.wait_for_load_state("load")
    assert page.url.endswith("mim-program-1996.html#point-7.2")


def test_results_come_as_you_type_and_the_keyboard_stays_in_the_box(site, page, records):
    page.goto(f"{site}search.html")
    page.locator("#search-input").focus()
    page.keyboard.type("aristocr", delay=20)
    page.locator("#search-status", has_text="found for “aristocr”").wait_for()
    assert "mim-program-1996:7.2" in page.locator("#search-results li a").all_inner_texts()
    assert page.evaluate("document.activeElement.id") == "search-input"
    assert page.url.endswith("search.html?q=aristocr"), "the address keeps the query"
    page.keyboard.type("acy reparations", delay=20)
    page.locator("#search-status", has_text="found for “aristocracy reparations”").wait_for()
    found = page.locator("#search-results li a").all_inner_texts()
    assert found and all("reparations" in records[reference].lower() for reference in found)
    for _ in range(len("aristocracy reparations")):
        page.keyboard.press("Backspace")
    page.locator("#search-results li").first.wait_for(state="detached")
    assert page.locator("#search-status").inner_text() == ""


@pytest.fixture(scope="module")
def site_in_parts(built, project, tmp_path_factory):
    """The built site with its index made again in parts, one for each document (the part size
    lowered to the first document's records), served under a sub-path (/html/), as a released
    version's copy is (v/<version>/)."""
    from edition.documents import Edition
    from edition.outputs import search
    from edition.summary import Summary

    folder = tmp_path_factory.mktemp("parts") / "build"
    shutil.copytree(built / "html", folder / "html", ignore=shutil.ignore_patterns("pagefind*"))
    shutil.copytree(built / "search", folder / "search")
    ids = sorted(path.stem for path in (folder / "search").glob("*.json"))
    first = json.loads((folder / "search" / f"{ids[0]}.json").read_text(encoding="utf-8"))
    summaries = [Summary(id, False, built / "summaries" / f"{id}.xml") for id in ids]
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(search, "PART_RECORDS", len(first["units"]))
        search.write_edition(Edition(project, None, None), summaries, folder)
    handler = functools.partial(QuietHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield folder / "html", f"http://127.0.0.1:{server.server_address[1]}/html/"
    finally:
        server.shutdown()
        server.server_close()


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):
        pass


def test_an_index_in_parts_is_searched_as_one(site, site_in_parts, page):
    html, address = site_in_parts
    assert json.loads((html / "pagefind-parts.json").read_text(encoding="utf-8")) == ["pagefind-parts/2/"]
    assert (html / "pagefind" / "pagefind-entry.json").is_file()
    assert (html / "pagefind-parts" / "2" / "pagefind-entry.json").is_file()
    # "Maoism" is in the second document alone, so in the second part: found there, with its
    # reference, excerpt and link as the index in one part gives them.
    in_parts = results(page, address, "Maoism")
    assert ("mim-program-1996:9.1", "mim-program-1996.html?highlight=maoism#point-9.1") in \
        [(reference, link) for reference, link, _ in in_parts]
    assert sorted(in_parts) == sorted(results(page, site, "Maoism"))
    # A word of both documents finds the units of both parts, shown as one index shows them.
    both = results(page, address, "proletariat")
    assert {reference.split(":")[0] for reference, _, _ in both} == {"llco-what-we-strive-for", "mim-program-1996"}
    assert sorted(both) == sorted(results(page, site, "proletariat"))


def test_a_small_edition_is_indexed_in_one_part(built):
    assert json.loads((built / "html" / "pagefind-parts.json").read_text(encoding="utf-8")) == []
    assert not (built / "html" / "pagefind-parts").exists()
