"""The Nu Html Checker and axe-core, as the tests of the web pages run them."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

from conftest import ROOT

VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
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
