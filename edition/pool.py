"""How many worker processes a build renders its documents in.

Each worker compiles the stylesheets once (edition.isolation); starting one costs about a
second, so a small build has one.
"""

from __future__ import annotations

import math
import os
from pathlib import Path

BYTES_PER_WORKER = 2_000_000  # below this much source text per worker, a worker costs more than it saves


def size(jobs: int | None, sources: list[Path]) -> int:
    """How many workers: ``jobs`` if given, else one per core, and never more than there is work for."""
    if jobs is None:
        volume = sum(path.stat().st_size for path in sources)
        jobs = min(os.cpu_count() or 1, math.ceil(volume / BYTES_PER_WORKER))
    return max(1, min(jobs, len(sources)))
