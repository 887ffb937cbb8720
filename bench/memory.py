"""Peak memory of a process and all its descendants, polled from /proc.

The build runs a pool of worker processes, so the figure is the peak of the
SUM of the resident set sizes of the process and every descendant, sampled
about every 20 ms. Pages shared between processes are counted in each, so
it is an upper bound of the memory really used. The tree is walked from the
process down (/proc/<pid>/task/<tid>/children), so a sample reads only the
files of the build's own processes and costs the build little.
"""

from __future__ import annotations

import os
import threading
from pathlib import Path

PAGE = os.sysconf("SC_PAGE_SIZE")


def tree_rss(root: int) -> int:
    """Bytes resident in ``root`` and its descendants now (0 once it has ended)."""
    total, pending = 0, [root]
    while pending:
        pid = pending.pop()
        total += _rss(pid)
        pending += _children(pid)
    return total


def _rss(pid: int) -> int:
    """Resident bytes of one process: the second field of /proc/<pid>/statm, in pages."""
    try:
        return int(Path(f"/proc/{pid}/statm").read_text().split()[1]) * PAGE
    except (OSError, IndexError, ValueError):
        return 0  # it has just ended


def _children(pid: int) -> list[int]:
    """The processes each thread of ``pid`` started."""
    try:
        threads = os.listdir(f"/proc/{pid}/task")
    except OSError:
        return []
    children = []
    for thread in threads:
        try:
            children += map(int, Path(f"/proc/{pid}/task/{thread}/children").read_text().split())
        except OSError:
            pass
    return children


class PeakMemory(threading.Thread):
    """Polls a process tree until stopped; ``stop()`` returns the peak in bytes."""

    def __init__(self, pid: int, interval: float = 0.02):
        super().__init__(daemon=True)
        self.pid, self.interval, self.peak = pid, interval, 0
        self._done = threading.Event()

    def run(self) -> None:
        while True:
            self.peak = max(self.peak, tree_rss(self.pid))
            if self._done.wait(self.interval):
                return

    def stop(self) -> int:
        self._done.set()
        self.join()
        return self.peak
