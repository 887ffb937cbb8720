"""Nothing hostile reaches a reader's browser: a document full of payloads is rendered
(validation, which refuses most of them, is bypassed on purpose) and no script runs."""

from __future__ import annotations

import pytest
from lxml import html as lxml_html

from edition import documents
from edition.outputs import html
from edition.saxon import Stylesheets
from edition import summary

from browser import chromium
from conftest import copy_project

SCRIPT = '<script>window.pwned = 1; alert("pwned")</script>'
PAYLOADS = {
    "text": ("communism is the elimination", "communism " + SCRIPT.replace("<", "&lt;") + " is the elimination"),
    "attribute": ('<div type="point" n="1"', '<div type="point" n="1" rend="&quot;&gt;' + SCRIPT.replace("<", "&lt;").replace('"', "&quot;") + '"'),
    "javascript link": ("their own <choice>", 'their own <ref target="javascript:alert(1)">click</ref> <choice>'),
    "data link": ("serves these documents", 'serves <ref target="data:text/html,&lt;script&gt;alert(1)&lt;/script&gt;">these</ref> documents'),
    "vbscript link": ("as a service to", 'as a <ref target=" VBScript:msgbox(1)">service</ref> to'),
    "licence": ('target="https://creativecommons.org/licenses/by/4.0/"', 'target="javascript:alert(2)"'),
}
UNSAFE = ("javascript:", "data:", "vbscript:")
DATA_TYPES = ("application/ld+json", "application/json")  # the JSON-LD, the citations of a work's page


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory, project):
    root = tmp_path_factory.mktemp("hostile") / "edition"
    copy = copy_project(project, root)
    mim = root / "texts" / "mim-program-1996.xml"
    text = mim.read_text(encoding="utf-8")
    for old, new in PAYLOADS.values():
        assert old in text
        text = text.replace(old, new, 1)
    mim.write_text(text, encoding="utf-8")
    edition = documents.load(copy, Stylesheets(copy.xslt, html.STYLESHEETS))
    site = root / "site"
    html.prepare(edition, site)
    for work in edition.works:
        html.write_document(edition, work, site)
    html.write_edition(edition, [summary.write(work.file.tree, work.id, work.generic, site) for work in edition.works], site)
    return site / "html"


def test_validation_refuses_the_link_payloads(hostile_site):
    from edition.project import find_project
    from edition.validate import validate

    problems = validate(find_project(hostile_site.parents[1]))
    assert sum("is not an allowed link" in p.message for p in problems) == 4


def test_the_html_holds_no_payload_script_and_no_unsafe_link(hostile_site):
    for page in sorted(hostile_site.glob("*.html")):
        tree = lxml_html.parse(str(page))
        for script in tree.iter("script"):
            # Scripts of the edition's own, or data, which no browser runs.
            assert script.get("src", "").startswith("assets/") or script.get("type") in DATA_TYPES, page.name
            assert "pwned" not in (script.text or "")
        hrefs = [href.strip().lower() for href in tree.xpath("//@href | //@src | //@action")]
        assert not [href for href in hrefs if href.startswith(UNSAFE)], page.name
        policy = tree.xpath("//meta[@http-equiv='Content-Security-Policy']/@content")
        assert policy and "script-src 'self'" in policy[0] and "unsafe-inline" not in policy[0]
    page = (hostile_site / "mim-program-1996.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;window.pwned" in page  # the payload is shown as text, escaped


def test_no_payload_runs_in_chromium(hostile_site):
    dialogs = []
    with chromium() as browser:
        page = browser.new_page()
        page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
        for name in ("mim-program-1996.html", "mim-program-1996.diplomatic.html", "index.html"):
            page.goto((hostile_site / name).as_uri())
            for link in page.locator("a").all():
                href = (link.get_attribute("href") or "").strip().lower()
                assert not href.startswith(UNSAFE)
            assert page.evaluate("window.pwned === undefined")
    assert dialogs == []


def test_every_page_of_the_edition_carries_the_policy(built):
    for page in sorted((built / "html").rglob("*.html")):
        if "pagefind" in page.parts:
            continue
        policy = lxml_html.parse(str(page)).xpath("//meta[@http-equiv='Content-Security-Policy']/@content")
        assert policy and policy[0].startswith("default-src 'self'"), page.name
