"""Every page of the web edition passes the Nu Html Checker and axe-core in Chromium."""

from __future__ import annotations

import json
import shutil
import subprocess

import pytest

from browser import chromium
from conftest import ROOT

VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
WCAG_22_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


@pytest.fixture(scope="module")
def pages(built):
    found = sorted((built / "html").rglob("*.html"))
    assert found, "the build wrote no HTML page"
    return found


def test_every_page_is_valid_html(pages):
    assert VNU.is_file() and shutil.which("java"), "run scripts/install-test-tools"
    run = subprocess.run(["java", "-jar", str(VNU), "--errors-only", "--format", "json", *map(str, pages)],
                         capture_output=True, text=True, timeout=300)
    errors = [f"{m.get('url', '').rsplit('/', 1)[-1]}:{m.get('lastLine')}: {m['message']}"
              for m in json.loads(run.stderr or '{"messages": []}')["messages"] if m["type"] == "error"]
    assert errors == []


def test_every_page_has_no_accessibility_violation(pages, tmp_path_factory):
    shots = tmp_path_factory.mktemp("screenshots")
    violations = {}
    with chromium() as browser:
        for width in (390, 1280):
            context = browser.new_context(viewport={"width": width, "height": 900}, bypass_csp=True)
            page = context.new_page()
            for path in pages:
                page.goto(path.as_uri())
                page.screenshot(path=str(shots / f"{path.stem}-{width}.png"), full_page=True)
                page.add_script_tag(path=str(AXE))
                result = page.evaluate(
                    "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", WCAG_22_AA)
                found = [f"{v['id']}: {v['help']} ({len(v['nodes'])})" for v in result["violations"]]
                if found:
                    violations[f"{path.name}@{width}"] = found
            context.close()
    print(f"screenshots in {shots}")
    assert violations == {}
