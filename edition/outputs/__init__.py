"""One module per output format, each satisfying the Output protocol below: what an output
needs (its stylesheets; whether it renders a document the schema refuses) and what it makes
(in three steps of a build). edition.render registers the modules and checks each against the
protocol there, so that a module that lacks a member fails at import, not in a build."""

from __future__ import annotations

import inspect
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Literal, Protocol, runtime_checkable

if TYPE_CHECKING:
    from ..documents import Edition, Work
    from ..summary import Summary


@runtime_checkable
class Output(Protocol):
    """An output format's module (edition/outputs/<name>.py)."""

    STYLESHEETS: Sequence[str]
    """The XSLT drivers it runs (under xslt/), compiled once per worker process."""
    GENERIC: bool
    """Whether it renders, generically, a document the edition's schema refuses (--lenient);
    if not, such a document is left out of it and the build's warning says so."""
    MADE_FROM: Literal["documents", "summaries"]
    """What its pages over the whole edition are made from: they are made again when a
    summary changed ("summaries") or when any document changed ("documents")."""

    def prepare(self, edition: Edition, folder: Path) -> list[Path]:
        """Before any document: what every document's output needs (folders, assets); the
        files written into the build folder ``folder``."""

    def write_document(self, edition: Edition, work: Work, folder: Path) -> list[Path]:
        """One document's outputs, into ``folder``; the files written, and the folders that
        are this document's alone, each with everything in it (its files are not listed then).
        It runs in a worker process, beside the other documents'."""

    def write_edition(self, edition: Edition, summaries: list[Summary], folder: Path) -> list[Path]:
        """After every document: the outputs over the whole edition, from the documents'
        summaries (and, for "documents", the files written for them); the files written."""


STEPS = ("prepare", "write_document", "write_edition")


def checked(module) -> Output:
    """``module`` as an Output, or TypeError naming what it lacks: every member, each step a
    function of the protocol's parameters."""
    members = [*Output.__annotations__, *STEPS]
    missing = [name for name in members if not hasattr(module, name)]
    if missing:
        raise TypeError(f"{module.__name__} is not an output: it has no {', '.join(missing)}")
    for step in STEPS:
        expected = list(inspect.signature(getattr(Output, step)).parameters)[1:]
        if len(inspect.signature(getattr(module, step)).parameters) != len(expected):
            raise TypeError(f"{module.__name__}.{step} must take ({', '.join(expected)})")
    if module.MADE_FROM not in ("documents", "summaries"):
        raise TypeError(f"{module.__name__}.MADE_FROM is {module.MADE_FROM!r}, not 'documents' or 'summaries'")
    assert isinstance(module, Output)
    return module


def name_of(output: Output) -> str:
    """The output's name: its module's (html, print_html, ...)."""
    return output.__name__.rpartition(".")[2]
