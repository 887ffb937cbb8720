"""The floor a build is compared with: lxml parsing and serialising the same files."""

from __future__ import annotations

from pathlib import Path

from lxml import etree

from edition.xmlfile import safe_parser


def parse_and_serialise(files: list[Path]) -> int:
    """Parse every file (as the build does) and serialise it again, in this process; the
    bytes written."""
    parser, written = safe_parser(), 0
    for path in files:
        written += len(etree.tostring(etree.parse(str(path), parser), encoding="UTF-8"))
    return written
