"""Every page of the web edition passes the Nu Html Checker and axe-core in Chromium."""

from __future__ import annotations

import pytest

from checkers import html_errors, violations_at_both_widths


@pytest.fixture(scope="module")
def pages(built):
    found = sorted((built / "html").rglob("*.html"))
    assert found, "the build wrote no HTML page"
    return found


def test_every_page_is_valid_html(pages):
    assert html_errors(pages) == []


def test_every_page_has_no_accessibility_violation(pages, built, site, tmp_path_factory):
    # Over http, as a reader has them: the page for a missing address links from the site's root.
    relative = [path.relative_to(built / "html").as_posix() for path in pages]
    found = violations_at_both_widths({name: site + name for name in relative}, tmp_path_factory.mktemp("screenshots"))
    assert found == {}
