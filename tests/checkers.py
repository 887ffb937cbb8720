"""The Nu Html Checker and axe-core, as the tests of the web pages run them."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

from browser import chromium
from conftest import ROOT

VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
WIDTHS = (390, 1280)  # a phone and a desktop
WCAG_22_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


def html_errors(pages: list[Path]) -> list[str]:
    """The Nu Html Checker's errors, as "page:line: message"."""
    assert VNU.is_file() and shutil.which("java"), "run scripts/install-test-tools"
    run = subprocess.run(["java", "-jar", str(VNU), "--errors-only", "--format", "json", *map(str, pages)],
                         capture_output=True, text=True, timeout=300)
    return [f"{m.get('url', '').rsplit('/', 1)[-1]}:{m.get('lastLine')}: {m['message']}"
            for m in json.loads(run.stderr or '{"messages": []}')["messages"] if m["type"] == "error"]


def accessibility_violations(page) -> list[str]:
    """axe-core's WCAG 2.2 AA violations of the page a Playwright page shows."""
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", WCAG_22_AA)
    return [f"{v['id']}: {v['help']} ({len(v['nodes'])})" for v in result["violations"]]


def violations_at_both_widths(pages: dict[str, str], shots: Path) -> dict[str, list[str]]:
    """axe-core's violations of each page (name: URL) at each of WIDTHS, as "name@width", with a
    screenshot of each page in ``shots``."""
    violations = {}
    with chromium() as browser:
        for width in WIDTHS:
            context = browser.new_context(viewport={"width": width, "height": 900}, bypass_csp=True)
            page = context.new_page()
            for name, url in pages.items():
                page.goto(url)
                page.screenshot(path=str(shots / f"{name.replace('/', '_')}-{width}.png"), full_page=True)
                found = accessibility_violations(page)
                if found:
                    violations[f"{name}@{width}"] = found
            context.close()
    print(f"screenshots in {shots}")
    return violations
