"""The pages of a released version, with the note that says which version they show, pass the
Nu Html Checker and axe-core in Chromium."""

from __future__ import annotations

import pytest

from browser import chromium
from checkers import accessibility_violations, html_errors
from test_release import commit, edit, new_version, repo, run  # noqa: F401 (repo: a fixture)
from test_version_builds import built

pytestmark = pytest.mark.slow


@pytest.fixture
def version_pages(repo, tmp_path):
    assert run().exit_code == 0
    edit(repo, "texts/mim-program-1996.xml", "to open the borders.", "to open the borders to all.")
    new_version(repo, "2.0.0", "The text of 7.2 corrected.")
    commit(repo, "2.0.0")
    assert run().exit_code == 0
    site = built(repo, tmp_path / "build") / "html"
    pages = sorted((site / "v" / "1.0.0").glob("*.html"))
    assert site / "v" / "1.0.0" / "mim-program-1996.html" in pages
    return pages


def test_the_pages_of_an_old_version_are_valid_and_accessible(version_pages):
    """Valid HTML; and axe finds on an old version's page what it finds on the same page of the
    current version (tests/test_html_checkers.py holds those to no violation), nothing in the
    note that says which version the page shows."""
    assert html_errors(version_pages) == []
    added = {}
    with chromium() as browser:
        for width in (390, 1280):
            context = browser.new_context(viewport={"width": width, "height": 900}, bypass_csp=True)
            page = context.new_page()
            for path in version_pages:
                page.goto(path.as_uri())
                assert page.locator("main .version-note").count() == 1
                old = accessibility_violations(page)
                in_note = page.evaluate(NODES_IN_NOTE)
                page.goto((path.parents[2] / path.name).as_uri())
                extra = sorted(set(old) - set(accessibility_violations(page)))
                if extra or in_note:
                    added[f"{path.name}@{width}"] = extra + in_note
            context.close()
    assert added == {}


# The violations axe finds inside the version note (run after accessibility_violations, which
# loads axe into the page).
NODES_IN_NOTE = """axe.run(document.querySelector('.version-note')).then(
    result => result.violations.map(v => v.id))"""
