"""Finding one's way in the web edition: each text's contents (beside the text on wide screens,
a disclosure on phones, a few keys away), the previous and next document, the downloads, the
page for an address the site does not have, and a site whose every link resolves inside it."""

from __future__ import annotations

import json
import re
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import pytest
from lxml import html

from browser import chromium
from conftest import WORK_IDS

PAGES = [f"{id}{view}.html" for id in WORK_IDS for view in ("", ".diplomatic")]
WIDE, PHONE = {"width": 1280, "height": 900}, {"width": 390, "height": 844}


def parsed(path: Path):
    return html.fromstring(path.read_bytes())


def contents_of(page) -> list[str]:
    return page.xpath("//nav[@aria-label='Contents']//a/@href")


def index_order(built: Path) -> list[str]:
    """The works in the order the edition's page lists them."""
    return [card.get("aria-labelledby").removeprefix("doc-")
            for card in parsed(built / "html" / "index.html").xpath("//article[@class='document-card']")]


# -- The contents ---------------------------------------------------------------------------

@pytest.mark.parametrize("name", PAGES)
def test_contents_name_every_first_level_unit_and_reach_the_blocks_of_long_points(built, name):
    page = parsed(built / "html" / name)
    hrefs = contents_of(page)
    assert len(page.xpath("//nav[@aria-label='Contents']")) == 1
    points = page.xpath("//article//section[contains(@class, 'div-point')]/@id")
    front = page.xpath("//article//div[@class='front']/*[@id]/@id")
    assert points and all(f"#{id}" in hrefs for id in points + front)
    for point in page.xpath("//article//section[contains(@class, 'div-point')]"):
        blocks = point.xpath("./*[starts-with(@id, 'point-')]/@id")
        if len(blocks) > 1:
            assert all(f"#{id}" in hrefs for id in blocks), point.get("id")
    ids = set(page.xpath("//@id"))
    assert all(href.removeprefix("#") in ids for href in hrefs)
    # The words are the heading's, the number once.
    label = page.xpath("//nav[@aria-label='Contents']//a[@href='#point-1']")[0].text_content()
    assert re.fullmatch(r"1 We want [Cc]ommunism\.", " ".join(label.split()))


def test_contents_stay_beside_the_text_on_a_wide_screen_and_lead_to_a_passage(site):
    with chromium() as browser:
        page = browser.new_page(viewport=WIDE)
        page.goto(site + "mim-program-1996.html")
        toc = page.locator("nav.toc")
        text = page.locator("article.text")
        assert page.locator(".toc-list").is_visible()
        box, column = toc.bounding_box(), text.bounding_box()
        assert box["x"] >= column["x"] + column["width"], "the contents stand right of the text"
        page.mouse.wheel(0, 6000)
        page.wait_for_timeout(300)
        box = toc.bounding_box()
        assert 0 <= box["y"] and box["y"] + 40 <= WIDE["height"], "the contents stay in view"
        assert page.evaluate("scrollY") > 3000
        toc.get_by_role("link", name="mim-program-1996:7.2").click()
        page.wait_for_url("**#point-7.2")
        target = page.locator("[id='point-7.2']").bounding_box()
        assert 0 <= target["y"] < WIDE["height"] / 2
        # Nothing of the text is covered by the contents.
        overlap = page.evaluate("""() => {
            const toc = document.querySelector('nav.toc').getBoundingClientRect();
            return [...document.querySelectorAll('article.text p')].some((p) => {
                const r = p.getBoundingClientRect();
                return r.right > toc.left && r.left < toc.right && r.bottom > toc.top && r.top < toc.bottom;
            });
        }""")
        assert not overlap


def test_contents_mark_where_the_reader_is(site):
    with chromium() as browser:
        page = browser.new_page(viewport=WIDE)
        page.goto(site + "mim-program-1996.html")
        current = "nav.toc .toc-list > li > a[aria-current='location']"
        assert page.locator(current).get_attribute("href") == "#front-note"
        page.goto(site + "mim-program-1996.html#point-7.2")
        page.wait_for_function(f"document.querySelector(\"{current}\")?.getAttribute('href') === '#point-7'")
        assert page.locator(current).count() == 1


def test_contents_fold_away_on_a_phone(site):
    with chromium() as browser:
        page = browser.new_page(viewport=PHONE)
        page.goto(site + "llco-what-we-strive-for.html")
        summary = page.locator("nav.toc summary")
        assert summary.is_visible() and not page.locator(".toc-list").is_visible()
        assert page.locator("nav.toc").bounding_box()["y"] < 2 * PHONE["height"]
        summary.click()
        assert page.locator(".toc-list").is_visible()
        page.locator(".toc-list").get_by_role("link", name=re.compile("^5 ")).click()
        page.wait_for_url("**#point-5")
        heading = page.locator("#point-5 h2").bounding_box()
        assert 0 <= heading["y"] < PHONE["height"] / 2
        # No sideways scroll with the contents open.
        assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]


@pytest.mark.parametrize("viewport", [WIDE, PHONE], ids=["1280", "390"])
def test_a_passage_is_a_few_keys_away(site, viewport):
    """From the top of the page: the skip link to the contents, then the passage's link."""
    with chromium() as browser:
        page = browser.new_page(viewport=viewport)
        page.goto(site + "mim-program-1996.html")
        tabs = 0

        def tab_to(test: str) -> None:
            nonlocal tabs
            for _ in range(40):
                page.keyboard.press("Tab")
                tabs += 1
                if page.evaluate(f"(() => {{ const e = document.activeElement; return {test}; }})()"):
                    return
            pytest.fail(f"never reached {test}")

        tab_to("e.matches('a.skip-link[href=\"#contents\"]')")
        page.keyboard.press("Enter")
        if not page.locator(".toc-list").is_visible():  # a phone: the contents open first
            tab_to("e.matches('nav.toc summary')")
            page.keyboard.press("Enter")
        tab_to("e.getAttribute('href') === '#point-7.2'")
        page.keyboard.press("Enter")
        page.wait_for_url("**#point-7.2")
        assert tabs <= (15 if viewport is WIDE else 17), tabs
        assert page.locator("[id='point-7.2']").bounding_box()["y"] < viewport["height"]


def test_headings_are_named_by_their_words_alone(site):
    with chromium() as browser:
        page = browser.new_page(viewport=WIDE)
        for name in ("mim-program-1996.html", "llco-what-we-strive-for.html"):
            page.goto(site + name)
            tree = page.locator("article.text").aria_snapshot()
            headings = [line for line in tree.splitlines() if line.strip().startswith("- heading")]
            assert len(headings) >= 8
            for line in headings:
                assert not re.search(r"Permalink|Compare|Only here|\bcite\b", line), line


# -- Previous and next ----------------------------------------------------------------------

@pytest.mark.parametrize("view", ["", ".diplomatic"])
def test_previous_and_next_follow_the_index(built, view):
    order = index_order(built)
    assert sorted(order) == sorted(WORK_IDS)
    titles = {id: parsed(built / "html" / f"{id}.html").xpath("string(//h1)") for id in order}
    for position, id in enumerate(order):
        page = parsed(built / "html" / f"{id}{view}.html")
        nav = page.xpath("//nav[@aria-label='Previous and next document']")
        assert len(nav) == 1
        for rel, other in (("prev", order[position - 1] if position else None),
                           ("next", order[position + 1] if position + 1 < len(order) else None)):
            links = nav[0].xpath(f".//a[@rel='{rel}']")
            if other is None:
                assert links == []
            else:
                assert [link.get("href") for link in links] == [f"{other}.html"]
                assert titles[other] in links[0].text_content()


def test_next_document_by_the_browser(site, built):
    first, second = index_order(built)[:2]
    with chromium() as browser:
        page = browser.new_page(viewport=PHONE)
        page.goto(site + f"{first}.html")
        page.locator("a[rel='next']").click()
        page.wait_for_url(f"**/{second}.html")
        assert page.locator("a[rel='prev']").get_attribute("href") == f"{first}.html"


# -- Downloads ------------------------------------------------------------------------------

@pytest.mark.parametrize("id", WORK_IDS)
def test_downloads_offer_every_format_with_its_size(built, id):
    page = parsed(built / "html" / f"{id}.html")
    links = page.xpath("//details[contains(@class, 'downloads')]//li")
    hrefs = {li.xpath("string(.//a/@href)"): " ".join(li.text_content().split()) for li in links}
    for href in (f"pdf/{id}.pdf", f"text/{id}.txt", f"text/{id}.diplomatic.txt", f"tei/{id}.xml",
                 f"cite/{id}.bib", f"cite/{id}.ris", f"cite/{id}.json"):
        assert href in hrefs, href
        assert (built / "html" / href).is_file()
    assert "(PDF" in hrefs[f"pdf/{id}.pdf"]
    # A size given is the file's.
    for href, words in hrefs.items():
        size = re.search(r", (\d+) (bytes|KB)\)$", words)
        if size:
            actual = (built / "html" / unquote(href)).stat().st_size
            expected = actual if size[2] == "bytes" else round(actual / 1024)
            assert int(size[1]) == expected, href
    assert re.search(r"\(TEI XML, \d+ KB\)", hrefs[f"tei/{id}.xml"])


@pytest.mark.parametrize("id", WORK_IDS)
def test_downloads_offer_the_works_dts_resources_from_the_site(built, live, id):
    """Its DTS resource, navigation and TEI, the build's files at the same place in the site,
    served by `edition serve` as a static host serves them."""
    page = parsed(built / "html" / f"{id}.html")
    hrefs = [href for href in page.xpath("//details[contains(@class, 'downloads')]//a/@href")
             if href.startswith("dts/")]
    assert sorted(href.split("/")[1] for href in hrefs) == ["collection", "document", "navigation"]
    base = f"http://127.0.0.1:{live.server_port}/"
    for href in hrefs:
        made = built / unquote(href)
        assert (built / "html" / unquote(href)).read_bytes() == made.read_bytes()
        with urllib.request.urlopen(base + href) as response:
            assert response.read() == made.read_bytes()
    navigation = json.loads((built / unquote(next(h for h in hrefs if "/navigation/" in h))).read_text())
    assert navigation["resource"]["@id"] in unquote(hrefs[0])


def test_a_build_without_pdf_or_text_links_none(project, tmp_path):
    from edition.build import build

    out = build(project, ("html",), tmp_path / "build")
    page = parsed(out / "html" / "mim-program-1996.html")
    hrefs = page.xpath("//details[contains(@class, 'downloads')]//a/@href")
    assert "tei/mim-program-1996.xml" in hrefs
    assert not [href for href in hrefs if href.startswith(("pdf/", "text/", "dts/"))]
    assert not (out / "html" / "pdf").exists()
    assert_links_resolve(out / "html", project.base_url)


# -- The page for an address the site does not have -----------------------------------------

def test_not_found_page_is_served_with_its_status_and_its_links_work_at_any_depth(live, built):
    base = f"http://127.0.0.1:{live.server_port}"
    for address in ("/no-such-page.html", "/pdf/deep/er/missing.pdf"):
        with pytest.raises(urllib.error.HTTPError) as answer:
            urllib.request.urlopen(base + address)
        assert answer.value.code == 404
        body = answer.value.read().decode()
        assert "<h1>Page not found</h1>" in body
        page = html.fromstring(body)
        links = [link for link in page.xpath("//link[@rel='stylesheet']/@href | //a/@href")
                 if not link.startswith(("http", "#"))]
        assert "/assets/edition.css" in links
        assert {link: status(urljoin(base + address, link)) for link in links} == {link: 200 for link in links}


def status(url: str) -> int:
    try:
        with urllib.request.urlopen(url) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


def test_not_found_page_by_the_browser(live):
    base = f"http://127.0.0.1:{live.server_port}"
    with chromium() as browser:
        page = browser.new_page(viewport=PHONE)
        answer = page.goto(base + "/a/b/c/nothing-here")
        assert answer.status == 404
        assert page.title().startswith("Page not found")
        # Styled: the stylesheet loaded from the site's root.
        assert "Literata" in page.evaluate("getComputedStyle(document.body).fontFamily")
        page.get_by_role("link", name="Program of the Maoist Internationalist Movement").click()
        page.wait_for_url("**/mim-program-1996.html")


# -- Every link of the site resolves inside it ----------------------------------------------

LINKS = "//a/@href | //link/@href | //script/@src | //img/@src | //source/@src | //form/@action"
METADATA = ("citation_pdf_url", "citation_fulltext_html_url", "citation_abstract_html_url", "DC.identifier")


def site_links(page, base_url: str) -> list[str]:
    """The links of a page, and its metadata's URLs of the site (under the base URL) made
    relative to the site's root (as "/path")."""
    links = [str(link) for link in page.xpath(LINKS)]
    urls = [meta.get("content", "") for meta in page.xpath("//meta[@name]") if meta.get("name") in METADATA]
    for script in page.xpath("//script[@type='application/ld+json']/text()"):
        urls += [value for value in _strings(json.loads(script)) if value.startswith(("http:", "https:"))]
    return links + ["/" + url.removeprefix(base_url) for url in urls if base_url and url.startswith(base_url)]


def _strings(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


def broken_links(site: Path, base_url: str) -> list[str]:
    broken, ids = [], {}
    for path in sorted(site.rglob("*.html")):
        page = parsed(path)
        here = "/" + path.relative_to(site).as_posix()
        for link in site_links(page, base_url):
            parts = urlsplit(link)
            if parts.scheme or link.startswith("//"):
                continue  # another site (or mailto:): not this one's to hold
            target_path = urlsplit(urljoin(here, parts.path)).path if parts.path else here
            target = site / unquote(target_path).lstrip("/")
            if target_path.endswith("/"):
                target = target / "index.html"
            if not target.resolve().is_relative_to(site.resolve()) or not target.is_file():
                broken.append(f"{here}: {link}")
                continue
            if parts.fragment and target.suffix == ".html":
                if target not in ids:
                    ids[target] = set(parsed(target).xpath("//@id"))
                if unquote(parts.fragment) not in ids[target]:
                    broken.append(f"{here}: {link} (no such id)")
    return broken


def assert_links_resolve(site: Path, base_url: str) -> None:
    assert broken_links(site, base_url) == []


def test_every_link_of_every_page_resolves_inside_the_site(built, project):
    site = built / "html"
    assert (site / "404.html").is_file()
    assert_links_resolve(site, project.base_url)
    # The check finds what is broken.
    page = site / "mim-program-1996.html"
    text = page.read_text(encoding="utf-8")
    assert 'href="pdf/mim-program-1996.pdf"' in text
    assert 'name="citation_pdf_url"' in text


def test_the_link_check_finds_a_broken_link_and_a_missing_fragment(tmp_path):
    (tmp_path / "a.html").write_text('<p id="x"><a href="b.html#y">b</a> <a href="a.html#x">a</a> '
                                     '<a href="https://example.org/">out</a></p>', encoding="utf-8")
    assert broken_links(tmp_path, "") == ["/a.html: b.html#y"]
    (tmp_path / "b.html").write_text('<p id="z">b</p>', encoding="utf-8")
    assert broken_links(tmp_path, "") == ["/a.html: b.html#y (no such id)"]
