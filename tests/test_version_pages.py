"""The pages of the versions, in a temporary git repository made from the project: v1.0.0, then
v2.0.0 whose point 7.2 reads differently and takes in 7.3 (declared merged). An old version's
page links each passage to the current one or says what became of it; each text lists its
versions with what changed and compares their words; the concordance is a page; all of them
pass the Nu Html Checker and axe-core, and are made again byte for byte."""

from __future__ import annotations

import filecmp
import json
from pathlib import Path

import pytest
from lxml import html as lxml_html

from browser import chromium
from checkers import accessibility_violations, html_errors
from edition import documents
from edition.outputs import html
from edition.saxon import Stylesheets
from test_release import (PUBLISHED, commit, declare, edit, merge_point_7_blocks_2_and_3, repo,  # noqa: F401
                          run)  # repo: a fixture
from test_version_builds import MIM, built

pytestmark = pytest.mark.slow

REASON = "The source has one paragraph."


@pytest.fixture
def merged(repo):
    """v1.0.0; then 7.2 corrected, 7.3 merged into it and declared, released as v2.0.0."""
    assert run().exit_code == 0
    edit(repo, MIM, "to open the borders.", "to open the borders to all.")
    merge_point_7_blocks_2_and_3(repo, "to open the borders to all.")
    declare(repo, "2.0.0", "merged", "mim-program-1996:7.3", "mim-program-1996:7.2", REASON)
    commit(repo, "7.2 corrected, 7.3 merged into it")
    assert run().exit_code == 0, run().output
    return repo


@pytest.fixture
def site(merged, tmp_path) -> Path:
    return built(merged, tmp_path / "build") / "html"


def page(path: Path):
    return lxml_html.fromstring(path.read_bytes())


def text_of(element) -> str:
    return " ".join(element.text_content().split())


def test_an_old_page_links_each_passage_to_the_current_one_or_says_where_it_went(site):
    old = page(site / "v/1.0.0/mim-program-1996.html")
    current = page(site / "mim-program-1996.html")
    # The same passage in the current version, in the same view, two folders up.
    link = old.get_element_by_id("point-7.2").find_class("version-link")[0]
    assert link.get("href") == "../../mim-program-1996.html#point-7.2" and text_of(link) == "current"
    assert link.get("aria-label") == "7.2 in the current version"
    # Every passage of the old page says where it is now, and each link finds its passage.
    for unit in old.xpath("//*[@class = 'unit-ref editorial']"):
        after = unit.getnext()
        assert after is not None and after.get("class") in ("version-link editorial", "version-fate editorial")
    for link in old.find_class("version-link"):
        assert current.get_element_by_id(link.get("href").partition("#")[2]) is not None
    # The merged passage says where it went, in which version, and why.
    fate = old.get_element_by_id("point-7.3").find_class("version-fate")[0]
    assert text_of(fate) == f"Merged into 7.2 in version 2.0.0: {REASON}"
    assert fate.find("a").get("href") == "../../mim-program-1996.html#point-7.2"
    # The diplomatic view links to the diplomatic view.
    diplomatic = page(site / "v/1.0.0/mim-program-1996.diplomatic.html")
    assert diplomatic.get_element_by_id("point-7.2").find_class("version-link")[0].get("href") == \
        "../../mim-program-1996.diplomatic.html#point-7.2"
    # The current version's pages have no such links; they point to the versions instead.
    assert not current.find_class("version-link") and not current.find_class("version-fate")
    assert current.find_class("versions-link")[0].find("a").get("href") == "mim-program-1996.versions.html"
    assert page(site / "index.html").find_class("versions-link")[0].find("a").get("href") == "versions.html"
    assert [a.get("href") for a in old.find_class("version-note")[0].iter("a")] == [
        "../../mim-program-1996.html", "../../mim-program-1996.versions.html", "../../versions.html"]


def test_the_current_page_offers_the_stable_and_the_current_address(site):
    """Its "Cite this text" box and its dialog's data give both; an old version's page, its own."""
    current, old = (site / "mim-program-1996.html").read_text(encoding="utf-8"), \
        page(site / "v/1.0.0/mim-program-1996.html")
    addresses = lxml_html.fromstring(current).find_class("cite-addresses")[0]
    assert addresses.xpath("li/a/@href") == [f"{PUBLISHED}v/2.0.0/mim-program-1996.html",
                                             f"{PUBLISHED}mim-program-1996.html"]
    data = json.loads(lxml_html.fromstring(current).get_element_by_id("cite-data").text)
    assert data["mim-program-1996:7.2"]["url"] == f"{PUBLISHED}v/2.0.0/mim-program-1996.html#point-7.2"
    assert data["mim-program-1996:7.2"]["current-url"] == f"{PUBLISHED}mim-program-1996.html#point-7.2"
    assert not old.find_class("cite-addresses")
    assert all("current-url" not in entry for entry in json.loads(old.get_element_by_id("cite-data").text).values())


def test_a_text_lists_its_versions_with_what_changed(site):
    versions = page(site / "mim-program-1996.versions.html")
    entries = {text_of(section.find("h3")): section for section in versions.find_class("version-entry")}
    assert list(entries) == ["Version 2.0.0 (current)", "Version 1.0.0"]
    assert [a.get("href") for a in entries["Version 2.0.0 (current)"].iter("a")] == [
        "v/2.0.0/mim-program-1996.html", "mim-program-1996.html"]
    assert "Blocks 2 and 3 of point 7 merged." in text_of(entries["Version 2.0.0 (current)"])
    assert f"mim-program-1996:7.3 merged into mim-program-1996:7.2: {REASON}" in text_of(entries["Version 2.0.0 (current)"])
    assert "First edition" in text_of(entries["Version 1.0.0"])


def test_the_comparison_shows_the_words_removed_and_added_passage_by_passage(site):
    comparison = page(site / "mim-program-1996.versions.html").get_element_by_id("compare-1.0.0-2.0.0")
    passages = {text_of(div.find("h4")): div for div in comparison.find_class("version-passage")}
    assert list(passages) == ["7.2: changed", "7.3: not in version 2.0.0"]
    changed = passages["7.2: changed"]
    assert [text_of(d) for d in changed.iter("del")] == ["[removed: borders.]"]
    added = [text_of(i) for i in changed.iter("ins")]
    assert len(added) == 1 and added[0].startswith("[added: borders to all. We believe that socialism")
    # What a screen reader hears, the eye does not see.
    assert all(span.get("class") == "visually-hidden" for mark in changed.xpath(".//del | .//ins")
               for span in mark.iter("span"))
    # An unchanged run is elided: its ends are kept.
    assert "…" in text_of(changed) and "to open the" in text_of(changed)
    assert [a.get("href") for a in changed.iter("a")] == ["v/1.0.0/mim-program-1996.html#point-7.2",
                                                          "v/2.0.0/mim-program-1996.html#point-7.2"]
    dropped = passages["7.3: not in version 2.0.0"]
    assert f"Merged into mim-program-1996:7.2 in version 2.0.0: {REASON}" in text_of(dropped)
    assert dropped.find_class("version-fate")[0].find("a").get("href") == "mim-program-1996.html#point-7.2"
    assert text_of(dropped.find_class("diff")[0]).startswith("[removed: We believe that socialism")
    assert "2 passages differ;" in text_of(comparison)


def test_the_concordance_is_a_page(site):
    concordance = page(site / "versions.html")
    row = concordance.get_element_by_id("mim-program-1996-7.3")
    cells = [text_of(cell) for cell in row.xpath("th | td")]
    assert cells == ["7.3", "7.3", "— not in this version", "— not in this version",
                     f"Merged into mim-program-1996:7.2 in version 2.0.0: {REASON}"]
    assert row.xpath("td/a/@href") == ["v/1.0.0/mim-program-1996.html#point-7.3", "mim-program-1996.html#point-7.2"]
    assert concordance.get_element_by_id("mim-program-1996-7.2").xpath("td/a/@href") == [
        "v/1.0.0/mim-program-1996.html#point-7.2", "v/2.0.0/mim-program-1996.html#point-7.2",
        "mim-program-1996.html#point-7.2"]
    # Every reference of the JSON concordance is a row.
    listed = json.loads((site / "versions.json").read_text(encoding="utf-8"))["references"]
    assert {translate(entry["reference"]) for entry in listed} == {row.get("id") for row in concordance.xpath("//tbody/tr")}
    assert "mim-program-1996.versions.html" in concordance.xpath("//a/@href")


def translate(reference: str) -> str:
    return reference.replace(":", "-")


def test_a_withdrawn_passage_says_so_with_its_reason(project):
    """The old page's wording for each fate, from the parameter the build gives it."""
    stylesheets = Stylesheets(project.xslt, ["html.xsl"])
    edition = documents.load(project, stylesheets, only={"mim-program-1996"})
    work = edition.works[0]
    links = {"7.2": {"kind": "withdrawn", "reason": "Not <b>in</b> the source.", "in": "2.0.0"},
             "7.3": {"kind": "moved", "to": "llco-what-we-strive-for:1.1", "document": "llco-what-we-strive-for",
                     "fragment": "point-1.1", "reason": "Elsewhere.", "in": "current"},
             "7.1": {"kind": "gone", "in": "current"}}
    result = lxml_html.fromstring(stylesheets.transform("html.xsl", work.file.tree, work.path, {
        **html.page_params(edition), "base-url": f"{PUBLISHED}v/1.0.0/", "page": "document", "view": "reading",
        "version-links": json.dumps(links)}))
    fate = {ref: result.get_element_by_id(f"point-{ref}").find_class("version-fate")[0] for ref in links}
    assert text_of(fate["7.2"]) == "Withdrawn in version 2.0.0: Not <b>in</b> the source."
    assert fate["7.2"].find("b") is None  # the reason is text, whatever it declares
    assert text_of(fate["7.3"]) == "Moved to llco-what-we-strive-for:1.1 in the current version: Elsewhere."
    assert fate["7.3"].find("a").get("href") == "../../llco-what-we-strive-for.html#point-1.1"
    assert text_of(fate["7.1"]) == "Not in the current version."


def test_a_declaration_made_after_a_release_reaches_its_pages(repo, tmp_path):
    """The old version is built again when what its passages link to changes, and only then."""
    assert run().exit_code == 0
    out, messages = tmp_path / "build", []
    built(repo, out, messages)
    old = out / "html/v/1.0.0/mim-program-1996.html"
    assert text_of(page(old).get_element_by_id("point-7.3").find_class("version-link")[0]) == "current"
    merge_point_7_blocks_2_and_3(repo)
    declare(repo, "2.0.0", "withdrawn", "mim-program-1996:7.3", reason="Not a paragraph of the source.")
    messages.clear()
    built(repo, out, messages)
    assert "version v1.0.0" in messages
    assert text_of(page(old).get_element_by_id("point-7.3").find_class("version-fate")[0]) == \
        "Withdrawn in the current version: Not a paragraph of the source."
    messages.clear()
    edit(repo, MIM, "to open the borders.", "to open the borders to all.")
    built(repo, out, messages)
    assert not [message for message in messages if message.startswith("version ")]


def test_the_pages_of_the_versions_are_byte_reproducible(merged, tmp_path):
    first, second = (built(merged, tmp_path / name / "build") / "html" for name in ("a", "b"))
    names = ["versions.html", "versions.json", "mim-program-1996.versions.html", "llco-what-we-strive-for.versions.html"]
    assert filecmp.cmpfiles(first, second, names, shallow=False) == (names, [], [])
    assert filecmp.cmp(first / "v/1.0.0/mim-program-1996.html", second / "v/1.0.0/mim-program-1996.html", shallow=False)


def test_the_pages_of_the_versions_are_valid_and_accessible(site):
    """Valid HTML, and no axe violation on the versions page, the comparison, the concordance;
    on an old version's pages, none that the same page of the current version has not
    (tests/test_html_checkers.py holds those to none), and none in what the old page adds."""
    new_pages = [site / "mim-program-1996.versions.html", site / "llco-what-we-strive-for.versions.html",
                 site / "versions.html"]
    old_pages = sorted((site / "v" / "1.0.0").glob("*.html"))
    assert site / "v" / "1.0.0" / "mim-program-1996.html" in old_pages
    assert html_errors(new_pages + old_pages + [site / "index.html", site / "mim-program-1996.html"]) == []
    found = {}
    with chromium() as browser:
        for width in (390, 1280):
            context = browser.new_context(viewport={"width": width, "height": 900}, bypass_csp=True)
            view = context.new_page()
            for path in new_pages:
                view.goto(path.as_uri())
                found[f"{path.name}@{width}"] = accessibility_violations(view)
            # The cite dialog of the current page, with both addresses.
            view.goto((site / "mim-program-1996.html").as_uri())
            view.locator("#point-7\\.2 button.cite-unit").click()
            dialog = view.locator("#cite-dialog")
            assert dialog.locator(".cite-current-url").get_attribute("href") == f"{PUBLISHED}mim-program-1996.html#point-7.2"
            assert dialog.locator(".cite-current").is_visible()
            found[f"cite dialog@{width}"] = accessibility_violations(view)
            for path in old_pages:
                view.goto(path.as_uri())
                assert view.locator("main .version-note").count() == 1
                old = accessibility_violations(view)
                added = view.evaluate(NODES_ADDED)
                view.goto((path.parents[2] / path.name).as_uri())
                found[f"v/1.0.0/{path.name}@{width}"] = sorted(set(old) - set(accessibility_violations(view))) + added
            context.close()
    assert {name: violations for name, violations in found.items() if violations} == {}


# The violations axe finds in what an old page adds: the version note, each passage's link or
# fate (run after accessibility_violations, which loads axe into the page).
NODES_ADDED = """axe.run({include: [...document.querySelectorAll('.version-note, .version-link, .version-fate')]
    .map(node => [node])}).then(result => result.violations.map(v => v.id))"""
