"""Rendering documents in parallel: a pool of processes, each with its own renderer.

Saxon allows one processor per process, so the workers are processes, started fresh
(spawned: a forked copy of a process that has Saxon loaded is not safe), and each compiles
the stylesheets once, in its initializer. Starting a worker costs about a second, so a
small build runs in the build's own process.
"""

from __future__ import annotations

import math
import multiprocessing
import os
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from .render import Renderer, Result, Settings

BYTES_PER_WORKER = 2_000_000  # below this much source text per worker, a worker costs more than it saves

_renderer: Renderer | None = None  # the worker's own


def size(jobs: int | None, sources: list[Path]) -> int:
    """How many workers: ``jobs`` if given, else one per core, and never more than there is work for."""
    if jobs is None:
        volume = sum(path.stat().st_size for path in sources)
        jobs = min(os.cpu_count() or 1, math.ceil(volume / BYTES_PER_WORKER))
    return max(1, min(jobs, len(sources)))


def render(settings: Settings, sources: list[Path], folder: Path, workers: int,
           progress: Callable[[str], None]) -> list[Result]:
    """Render every source into ``folder``, in ``workers`` processes; the results in order."""
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(workers, mp_context=context, initializer=_start, initargs=(settings,)) as pool:
        results = []
        # Large documents first, so that one is not left alone at the end of the build.
        order = sorted(sources, key=lambda path: -path.stat().st_size)
        for result in pool.map(_render, order, [folder] * len(order), chunksize=1):
            progress(f"done  {result.source.name}")
            results.append(result)
    position = {path: index for index, path in enumerate(sources)}
    return sorted(results, key=lambda result: position[result.source])


def _start(settings: Settings) -> None:
    global _renderer
    _renderer = Renderer(settings)


def _render(source: Path, folder: Path) -> Result:
    return _renderer.render(source, folder)
