"""Golden files: each textual output of both works, as reviewed and committed in tests/golden/.

A change of output is made on purpose: run `python -m pytest tests/test_golden.py
--update-golden`, read the diff of tests/golden/, and commit it with the change.
"""

from __future__ import annotations

import shutil

import pytest

from conftest import ROOT

GOLDEN = ROOT / "tests" / "golden"
KINDS = ("text/*.txt", "html/*.html", "print/*.html")


def outputs(folder):
    return sorted(p.relative_to(folder).as_posix() for kind in KINDS for p in folder.glob(kind))


@pytest.fixture(scope="module")
def golden(built, request):
    if request.config.getoption("--update-golden"):
        shutil.rmtree(GOLDEN, ignore_errors=True)
        for name in outputs(built):
            (GOLDEN / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy(built / name, GOLDEN / name)
    return GOLDEN


def test_every_textual_output_has_a_golden_file(built, golden):
    assert outputs(built) == outputs(golden)


def test_every_output_equals_its_golden_file(built, golden):
    changed = [name for name in outputs(golden)
               if not (built / name).is_file() or (built / name).read_bytes() != (golden / name).read_bytes()]
    assert changed == [], "outputs changed: review them, then run with --update-golden"
