"""build/html/pagefind/: the search index of the web edition, made by Pagefind.

It runs after the html output has written its pages, over build/html. Only the reading
text of each work is indexed (its pages mark the text with ``data-pagefind-body``); every
element with an id is an anchor in the index, so that the search page links each hit to its
block. Pagefind writes the same index for the same pages: a build stays byte-identical.
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

from ..documents import Edition
from ..summary import Summary
from ..errors import EditionError

STYLESHEETS: list[str] = []


def write_edition(edition: Edition, summaries: list[Summary], folder: Path) -> list[Path]:
    site = folder / "html"
    edition.progress("search  pagefind")
    # Run in the site's folder, without PAGEFIND_ settings from the environment: no
    # configuration file or variable of the machine changes the index.
    env = {key: value for key, value in os.environ.items() if not key.startswith("PAGEFIND_")}
    run = subprocess.run([str(_executable()), "--site", ".", "--output-subdir", "pagefind"],
                         cwd=site, env=env, capture_output=True, text=True)
    if run.returncode != 0:
        raise EditionError.at(site, f"pagefind failed: {(run.stderr or run.stdout).strip()}")
    return [path for path in (site / "pagefind").rglob("*") if path.is_file()]


def _executable() -> Path:
    try:
        from pagefind_bin import get_executable
    except ImportError:
        raise EditionError.at(Path("pyproject.toml"), "pagefind is not installed: pip install 'pagefind[bin]'") from None
    return get_executable()
