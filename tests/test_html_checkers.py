"""Every page of the web edition passes the Nu Html Checker and axe-core in Chromium."""

from __future__ import annotations

import pytest

from browser import chromium
from checkers import accessibility_violations, html_errors


@pytest.fixture(scope="module")
def pages(built):
    found = sorted((built / "html").rglob("*.html"))
    assert found, "the build wrote no HTML page"
    return found


def test_every_page_is_valid_html(pages):
    assert html_errors(pages) == []


def test_every_page_has_no_accessibility_violation(pages, built, site, tmp_path_factory):
    # Over http, as a reader has them: the page for a missing address links from the site's root.
    shots = tmp_path_factory.mktemp("screenshots")
    violations = {}
    with chromium() as browser:
        for width in (390, 1280):
            context = browser.new_context(viewport={"width": width, "height": 900}, bypass_csp=True)
            page = context.new_page()
            for path in pages:
                page.goto(site + path.relative_to(built / "html").as_posix())
                page.screenshot(path=str(shots / f"{path.stem}-{width}.png"), full_page=True)
                found = accessibility_violations(page)
                if found:
                    violations[f"{path.name}@{width}"] = found
            context.close()
    print(f"screenshots in {shots}")
    assert violations == {}
