"""Work on sources in processes of their own, each call within a time and a memory limit.

A source may come from anyone, and a valid one can still ask the XSLT processor for work
without end. Everything that reads or transforms a source therefore runs in a worker process:
the process that asked watches the clock and the worker's memory, and kills it when either
limit is passed. The caller sees a ``LimitExceeded`` and goes on; the next call starts a
fresh worker. A worker that crashes (the XSLT processor included) is the same case.

Workers are spawned, not forked: a forked copy of a process with Saxon loaded is not safe.
"""

from __future__ import annotations

import multiprocessing
import os
import queue
import signal
import time
import traceback
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .errors import EditionError, Problem

POLL_SECONDS = 0.05  # how often the clock and the memory are looked at while a call runs
START_SECONDS = 120  # a worker's start (the imports, the schemas) on a loaded machine
# What a worker keeps of the environment: whatever a source makes a transform read, no
# secret of the build's machine is there to read.
KEPT_ENVIRONMENT = ("PATH", "HOME", "LANG", "LC_ALL", "LC_CTYPE", "TMPDIR", "TZ", "FONTCONFIG_FILE", "FONTCONFIG_PATH")
_PAGE = os.sysconf("SC_PAGE_SIZE")


DOCUMENTS_PER_TIME_LIMIT = 100  # a step over the whole edition gets one time limit per so many documents


@dataclass(frozen=True)
class Limits:
    """What one call may take: seconds of wall time and megabytes of resident memory."""

    seconds: float = 60.0
    memory_mb: int = 2048

    def seconds_for(self, documents: int) -> float:
        """The time limit of a step that reads every document: it grows with their number."""
        return self.seconds * max(1, documents / DOCUMENTS_PER_TIME_LIMIT)


class LimitExceeded(Exception):
    """A call passed its time or memory limit, or its worker died: the worker is gone."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason

    def problem(self, path: Path | str, doing: str) -> Problem:
        """What to tell the editor: what was stopped, why, and where the limits are set. At the
        file's start, since nothing says which of its parts asked for the work."""
        return Problem(str(path), 1, 1, f"stopped {doing}: {self.reason} (the limits are "
                       "time-limit-seconds and memory-limit-mb in [tool.edition])")


class Worker:
    """One process holding the state ``start(*args)`` made; calls its methods one at a time."""

    def __init__(self, start: Callable[..., Any], args: tuple, limits: Limits):
        self._start, self._args, self.limits = start, args, limits
        self._process: multiprocessing.Process | None = None
        self._connection = None

    def call(self, method: str, *args: Any, seconds: float | None = None) -> Any:
        """``state.method(*args)`` in the worker. EditionError and OSError cross back as they
        were raised; LimitExceeded when the call or the worker's start passed a limit."""
        if self._process is not None and not self._process.is_alive():
            self.close()  # it died while idle: a fresh one takes the call
        if self._process is None:
            self._spawn()
        try:
            self._connection.send((method, args))
        except OSError:
            self._fail("the worker process could not be reached")
        return self._receive(seconds or self.limits.seconds)

    def kill(self) -> None:
        """End the process now, from any thread: a call under way then fails at once."""
        process = self._process
        if process is not None:
            process.kill()

    def close(self) -> None:
        if self._process is not None:
            self._process.kill()
            self._process.join()
            self._connection.close()
        self._process = self._connection = None

    def __enter__(self) -> Worker:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def _spawn(self) -> None:
        context = multiprocessing.get_context("spawn")
        self._connection, child = context.Pipe()
        self._process = context.Process(target=_main, args=(child, self._start, self._args), daemon=True,
                                        name="edition-worker")
        self._process.start()
        child.close()
        try:
            self._receive(START_SECONDS + self.limits.seconds)
        except BaseException:
            self.close()  # its state could not be made: the next call tries afresh
            raise

    def _receive(self, seconds: float) -> Any:
        deadline = time.monotonic() + seconds
        while not self._connection.poll(POLL_SECONDS):
            if not self._process.is_alive():
                self._fail(f"the worker process ended unexpectedly (exit status {self._process.exitcode})")
            if time.monotonic() > deadline:
                self._fail(f"it took longer than {seconds:g} s")
            if _resident_mb(self._process.pid) > self.limits.memory_mb:
                self._fail(f"it needed more than {self.limits.memory_mb} MB of memory")
        try:
            kind, value = self._connection.recv()
        except (EOFError, OSError):
            self._fail(f"the worker process ended unexpectedly (exit status {self._process.exitcode})")
        return _outcome(kind, value)

    def _fail(self, reason: str) -> None:
        self.close()
        raise LimitExceeded(reason)


class Pool:
    """Workers of one kind, as many as asked for, each replaced when a limit kills it."""

    def __init__(self, start: Callable[..., Any], args: tuple, limits: Limits, size: int):
        self._workers: queue.SimpleQueue[Worker] = queue.SimpleQueue()
        self._all = [Worker(start, args, limits) for _ in range(max(1, size))]
        for worker in self._all:
            self._workers.put(worker)

    @property
    def size(self) -> int:
        return len(self._all)

    def call(self, method: str, *args: Any, seconds: float | None = None) -> Any:
        """One call, on whichever worker is free."""
        worker = self._workers.get()
        try:
            return worker.call(method, *args, seconds=seconds)
        finally:
            self._workers.put(worker)

    def map(self, method: str, items: Iterable[tuple], seconds: float | None = None) -> Iterator[tuple[tuple, Any]]:
        """``(args, result or LimitExceeded)`` for each args of ``items``, as each is done."""
        items = list(items)

        def one(args: tuple) -> tuple[tuple, Any]:
            try:
                return args, self.call(method, *args, seconds=seconds)
            except LimitExceeded as exceeded:
                return args, exceeded

        if self.size == 1:
            yield from map(one, items)
            return
        with ThreadPoolExecutor(self.size) as threads:
            try:
                yield from threads.map(one, items)
            except BaseException:
                self.kill()  # Ctrl-C or a failure: the calls under way end now, not at their limit
                raise

    def kill(self) -> None:
        for worker in self._all:
            worker.kill()

    def close(self) -> None:
        for worker in self._all:
            worker.close()


def _main(connection, start: Callable[..., Any], args: tuple) -> None:
    """The worker: make the state, then answer calls until the pipe closes."""
    # Ctrl-C reaches every process of the terminal: the parent ends the workers itself.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    for name in set(os.environ) - set(KEPT_ENVIRONMENT):
        del os.environ[name]
    state = _answer(connection, lambda: start(*args))
    if state is None:
        return
    while True:
        try:
            method, call_args = connection.recv()
        except (EOFError, OSError):
            return
        _answer(connection, lambda: getattr(state, method)(*call_args), result=True)


def _answer(connection, action: Callable[[], Any], result: bool = False) -> Any:
    try:
        value = action()
    except EditionError as error:
        connection.send(("problems", error.problems))
        return None
    except OSError as error:
        connection.send(("oserror", (error.errno, error.strerror, error.filename)))
        return None
    except Exception:
        connection.send(("bug", traceback.format_exc()))
        return None
    connection.send(("ok", value if result else None))
    return value


def _outcome(kind: str, value: Any) -> Any:
    if kind == "ok":
        return value
    if kind == "problems":
        raise EditionError(value)
    if kind == "oserror":
        raise OSError(*value[:2], value[2])
    raise RuntimeError(f"a worker failed:\n{value}")


def _resident_mb(pid: int) -> float:
    try:
        with open(f"/proc/{pid}/statm") as statm:
            return int(statm.read().split()[1]) * _PAGE / 1_000_000
    except (OSError, ValueError, IndexError):
        return 0.0  # not Linux, or the process is gone: the clock still limits it



def run_limited(limits: Limits, where: Path, doing: str, function: Callable[..., Any], *args: Any) -> Any:
    """``function(*args)`` in a worker of its own, within ``limits``: for a command that reads
    sources once (``edition cite``). A limit passed is an EditionError at ``where``."""
    with Worker(_Caller, (), limits) as worker:
        try:
            return worker.call("call", function, *args)
        except LimitExceeded as exceeded:
            raise EditionError([exceeded.problem(where, doing)]) from None


class _Caller:
    """A worker's state that runs any function it is sent (functions cross by their name)."""

    def call(self, function: Callable[..., Any], *args: Any) -> Any:
        return function(*args)
