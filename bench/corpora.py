"""The corpora the benchmark builds: where they are, how many files, how large."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
ELTEC = SHARED / "corpora" / "eltec-eng"


class Unavailable(Exception):
    """A corpus or an interface the benchmark needs is not there; the row says why."""


@dataclass(frozen=True)
class Corpus:
    name: str
    folder: Path
    lenient: bool = False  # render files the edition's schema refuses generically

    @cached_property
    def files(self) -> list[Path]:
        if not self.folder.is_dir():
            raise Unavailable(f"no folder {self.folder}")
        return sorted(self.folder.glob("*.xml"))

    @property
    def documents(self) -> int:
        return len(self.files)

    @property
    def size(self) -> int:
        """Bytes of all its XML files."""
        return sum(path.stat().st_size for path in self.files)


def edition() -> Corpus:
    """texts/ of this edition: the two programmes, the registers and the alignment."""
    return Corpus("this edition", ROOT / "texts")


def synthetic_name(documents: int) -> str:
    return f"synthetic {documents:,}"


def eltec(level: int) -> Corpus:
    """ELTeC English, level 1 (99 novels) or level 2 (3 word-tokenised novels), built leniently."""
    return Corpus(f"ELTeC level{level}", ELTEC / f"level{level}", lenient=True)
