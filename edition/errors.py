"""Problems found in the edition's files, and the error that carries them."""

from __future__ import annotations

from dataclasses import asdict, dataclass


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong, at one place: printed as ``path:line:col: error: message``."""

    path: str
    line: int
    col: int
    message: str
    severity: str = "error"  # or "warning": reported, but the build goes on

    def __str__(self) -> str:
        message = " ".join(self.message.split())  # one problem, one line
        if not self.line:  # a problem of a whole file, or of a reference
            return f"{self.path}: {self.severity}: {message}"
        return f"{self.path}:{self.line}:{self.col}: {self.severity}: {message}"

    def as_dict(self) -> dict:
        return asdict(self)


class EditionError(Exception):
    """Raised with every problem found, so that one run reports them all."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))

    @classmethod
    def at(cls, path: str, message: str, line: int = 0, col: int = 0) -> "EditionError":
        return cls([Problem(str(path), line, col, message)])
