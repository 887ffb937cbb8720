"""One small, valid edit of a document, as an editor makes between two builds."""

from __future__ import annotations

import re
from pathlib import Path

# The first letter of the first paragraph of the text's body that begins with one.
FIRST_WORD = re.compile(r"(<body\b.*?<p>\s*)([A-Za-z])", re.DOTALL)


def toggle_word(path: Path) -> None:
    """Change the case of that letter (We -> we -> We), and nothing else of the file.

    Each call changes the file again; its markup stays as it was, so it stays valid.
    """
    text = path.read_bytes().decode("utf-8")
    found = FIRST_WORD.search(text)
    if not found:
        raise ValueError(f"{path}: no paragraph of the body begins with a word to edit")
    letter = found.end() - 1
    path.write_bytes((text[:letter] + text[letter].swapcase() + text[letter + 1:]).encode("utf-8"))
