"""The rows of the full builds, kept from one run for another: the 10,000-document edition
alone takes most of an hour on two cores, so a run may take its rows from the last run that
measured them (`python -m bench --keep synthetic-10000`), and the page says when and at which
commit they were measured. Every run that writes the page keeps the rows it measured here."""

from __future__ import annotations

import dataclasses
import json
import subprocess
from dataclasses import dataclass

from .corpora import ROOT
from .engine import Timing
from .measure import Page
from .report import Row, today

FILE = ROOT / "docs" / "performance-rows.json"


@dataclass(frozen=True)
class Kept:
    measured: str  # the date and the commit of the run that measured them
    rows: list[Row]


def save(group: str, rows: list[Row]) -> None:
    """Keep the rows of ``group`` that this run measured."""
    kept = _read()
    kept[group] = {"date": today(), "commit": _commit(), "rows": [dataclasses.asdict(row) for row in rows]}
    FILE.write_text(json.dumps(kept, indent=1, sort_keys=True) + "\n", encoding="utf-8")


def load(group: str) -> Kept:
    """The rows of ``group`` as the last run that measured them kept them."""
    entry = _read().get(group)
    if entry is None:
        raise SystemExit(f"no rows of {group} are kept in {FILE.name}: run the group first, with --write")
    return Kept(f"{entry['date']}, commit {entry['commit']}", [_row(data) for data in entry["rows"]])


def _row(data: dict) -> Row:
    return Row(**{**data, "formats": tuple(data["formats"]),
                  "largest": Page(**data["largest"]) if data["largest"] else None,
                  "engine": Timing(**data["engine"]) if data["engine"] else None,
                  "peer": Timing(**data["peer"]) if data["peer"] else None})


def _read() -> dict:
    return json.loads(FILE.read_text(encoding="utf-8")) if FILE.is_file() else {}


def _commit() -> str:
    run = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True)
    return run.stdout.strip() or "unknown"
