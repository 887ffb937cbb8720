"""Where an output file goes: the one function that turns names into a path in the build.

Names of outputs come from the sources (document ids, references, a citation scheme's
delimiters), and the sources may come from anyone. Every output path is made here, segment
by segment, and refused unless each segment is a plain file name and the whole, resolved,
lies inside the folder it is written to.
"""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

from .errors import EditionError

MAX_SEGMENT_BYTES = 200  # below the 255 bytes of common file systems, with room for a staging suffix
_UNSAFE = re.compile(r"[/\\\x00-\x1f\x7f]")


def output_file(folder: Path, *segments: str) -> Path:
    """``folder/segment/...``, proven to stay inside ``folder`` and free to be written;
    EditionError otherwise."""
    for segment in segments:
        if segment in ("", ".", "..") or _UNSAFE.search(segment) or len(segment.encode()) > MAX_SEGMENT_BYTES:
            raise EditionError.at(folder, f"refused to write an output named {'/'.join(segments)!r}: "
                                  f"{segment!r} is not a plain file name")
    path = folder.joinpath(*segments)
    if not path.resolve().is_relative_to(folder.resolve()):
        raise EditionError.at(folder, f"refused to write {'/'.join(segments)!r}: it leads outside {folder}")
    # A file already there may be a hard link to the previous build, which is never written
    # through: the new output gets a file of its own.
    path.unlink(missing_ok=True)
    return path


def offered_by_the_site(path: Path, folder: Path) -> list[Path]:
    """``path`` (an output under ``folder``, the build) also under ``folder/html/``, at the same
    place (``pdf/<id>.pdf`` -> ``html/pdf/<id>.pdf``), when the build makes the site: the pages
    link to it there, so that the site's folder alone can be deployed. A hard link, so nothing
    is stored twice; a copy where the file system has none."""
    site = folder / "html"
    if not site.is_dir():
        return []
    relative = path.relative_to(folder)
    target = output_file(site, *relative.parts)
    target.parent.mkdir(parents=True, exist_ok=True)
    try:
        os.link(path, target)
    except OSError:
        shutil.copyfile(path, target)
    return [target]
