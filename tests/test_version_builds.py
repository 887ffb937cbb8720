"""Every version stays readable: edition build adds each released version's site at
html/v/<version>/, made from its tag's sources, cached, byte-reproducible; without tags the
build is what it was without releases."""

from __future__ import annotations

import filecmp
import json
import re
import shutil
from pathlib import Path

import pytest

from edition.build import build
from edition.project import find_project
from edition.version_builds import cache

from test_release import (commit, declare, edit, merge_point_7_blocks_2_and_3, new_version, repo,  # noqa: F401
                          run)  # the fixture repo

FORMATS = ("html", "text", "dts")
MIM = "texts/mim-program-1996.xml"
NEW_TEXT = "to open the borders to all."

pytestmark = pytest.mark.slow


@pytest.fixture
def two_releases(repo):
    """v1.0.0, then v2.0.0 whose point 7.2 reads differently."""
    assert run().exit_code == 0
    edit(repo, MIM, "to open the borders.", NEW_TEXT)
    new_version(repo, "2.0.0", "The text of 7.2 corrected.")
    commit(repo, "2.0.0")
    assert run().exit_code == 0
    return repo


def built(repo: Path, out: Path, messages: list | None = None) -> Path:
    progress = messages.append if messages is not None else (lambda message: None)
    return build(find_project(repo), FORMATS, out, progress=progress)


def test_each_released_version_is_served_with_its_own_text(two_releases, tmp_path):
    site = built(two_releases, tmp_path / "build") / "html"
    old, new, current = (site / "v/1.0.0/mim-program-1996.html").read_text(encoding="utf-8"), \
        (site / "v/2.0.0/mim-program-1996.html").read_text(encoding="utf-8"), \
        (site / "mim-program-1996.html").read_text(encoding="utf-8")
    assert NEW_TEXT not in old and "to open the borders." in old
    assert NEW_TEXT in new and NEW_TEXT in current
    # Each old page says which version it shows and links to the current page; the current does not.
    assert 'class="version-note">This is version 1.0.0 of the edition' in old
    assert '<a href="../../mim-program-1996.html">This page in' in old
    assert "version-note" not in current
    assert "version-note" in (site / "v/1.0.0/index.html").read_text(encoding="utf-8")
    # Its citations and its DTS name its own folder.
    assert "https://two-programmes.edition-host.net/v/1.0.0/mim-program-1996.html." in old  # the work's
    assert re.search(r"edition-host\.net\\?/v\\?/1\.0\.0\\?/mim-program-1996\.html#point-7\.2", old)  # a passage's
    assert not re.search(r"v\\?/1\.0\.0\\?/v\\?/", old)
    assert (site / "v/1.0.0/dts/index.json").is_file()
    assert "v/1.0.0/dts/" in (site / "v/1.0.0/dts/index.json").read_text(encoding="utf-8")
    # The manifest lists every file of the versions, with its digest.
    listed = json.loads((site.parent / "manifest.json").read_text(encoding="utf-8"))["outputs"]
    assert "html/v/1.0.0/mim-program-1996.html" in listed and "html/v/2.0.0/dts/index.json" in listed


def test_an_ordinary_build_does_not_build_the_versions_again(two_releases, tmp_path):
    out = tmp_path / "build"
    first: list[str] = []
    built(two_releases, out, first)
    assert "version v1.0.0" in first and "version v2.0.0" in first
    # A change of the current sources (not committed: a build does not care) rebuilds them alone.
    edit(two_releases, MIM, NEW_TEXT, "to open the borders to everyone.")
    again: list[str] = []
    built(two_releases, out, again)
    assert not [message for message in again if message.startswith("version ")]
    assert "versions: references and texts" in first and "versions: references and texts" in again
    # A build that changes nothing does not read the versions again.
    unchanged: list[str] = []
    built(two_releases, out, unchanged)
    assert not [message for message in unchanged if message.startswith("version")]
    page = out / "html" / "v" / "1.0.0" / "mim-program-1996.html"
    assert page.stat().st_ino == (cache(out) / "1.0.0" / "build" / "html" / "mim-program-1996.html").stat().st_ino
    assert "to open the borders to everyone." in (out / "html" / "mim-program-1996.html").read_text(encoding="utf-8")


def test_a_new_release_is_added_to_the_next_build(repo, tmp_path):
    assert run().exit_code == 0
    out = built(repo, tmp_path / "build")
    assert (out / "html" / "v" / "1.0.0" / "index.html").is_file()
    edit(repo, MIM, "to open the borders.", NEW_TEXT)
    new_version(repo, "2.0.0", "The text of 7.2 corrected.")
    commit(repo, "2.0.0")
    built(repo, out)  # the sources of the current version, not yet released
    assert not (out / "html" / "v" / "2.0.0").exists()
    assert run().exit_code == 0
    built(repo, out)  # the same sources, now released: the build gains the version
    assert NEW_TEXT in (out / "html" / "v" / "2.0.0" / "mim-program-1996.html").read_text(encoding="utf-8")


def test_the_versions_are_byte_reproducible(two_releases, tmp_path):
    first, second = built(two_releases, tmp_path / "a" / "build"), built(two_releases, tmp_path / "b" / "build")
    comparison = filecmp.dircmp(first / "html" / "v", second / "html" / "v")
    assert _all_same(comparison)
    assert (first / "manifest.json").read_bytes() == (second / "manifest.json").read_bytes()


def _all_same(comparison: filecmp.dircmp) -> bool:
    mismatch = filecmp.cmpfiles(comparison.left, comparison.right, comparison.common_files, shallow=False)[1:]
    return (not comparison.left_only and not comparison.right_only and mismatch == ([], [])
            and all(_all_same(sub) for sub in comparison.subdirs.values()))


def test_without_tags_the_build_is_what_it_was(repo, tmp_path):
    """In a git repository without tags (CI's clone), or outside git, nothing is added."""
    in_git = built(repo, tmp_path / "git" / "build")
    plain = tmp_path / "plain"
    shutil.copytree(repo, plain, ignore=shutil.ignore_patterns(".git"))
    outside = built(plain, tmp_path / "outside" / "build")
    assert not (in_git / "html" / "v").exists() and not cache(in_git).exists()
    assert (in_git / "manifest.json").read_bytes() == (outside / "manifest.json").read_bytes()
    assert not any(name.startswith("versions") for name in json.loads(
        (in_git / "manifest.json").read_text(encoding="utf-8"))["edition"])


def test_the_build_has_a_concordance_of_references_across_versions(two_releases, tmp_path):
    site = built(two_releases, tmp_path / "build") / "html"
    found = json.loads((site / "versions.json").read_text(encoding="utf-8"))
    assert found["current"] == "2.0.0" and found["versions"] == ["1.0.0", "2.0.0"]
    entry = next(e for e in found["references"] if e["reference"] == "mim-program-1996:7.2")
    assert entry == {"reference": "mim-program-1996:7.2", "passages": {
        "1.0.0": "v/1.0.0/mim-program-1996.html#point-7.2", "2.0.0": "v/2.0.0/mim-program-1996.html#point-7.2",
        "current": "mim-program-1996.html#point-7.2"}}
    for entry in found["references"]:
        for page in entry["passages"].values():
            assert (site / page.partition("#")[0]).is_file()


def test_the_concordance_says_what_became_of_a_dropped_reference(repo):
    """Made from the declarations and checked against the text (the edition's schema does not
    allow the declaration yet: the concordance is made here without a build)."""
    from edition import concordance, versions
    from edition.versions import Version
    assert run().exit_code == 0
    merge_point_7_blocks_2_and_3(repo)
    declare(repo, "2.0.0", "merged", "mim-program-1996:7.3", "mim-program-1996:7.2")
    commit(repo, "7.3 merged into 7.2")
    with versions.checked_out(repo, Version(1, 0, 0)) as folder:
        found = json.loads(concordance.concordance(find_project(repo), [("1.0.0", folder)]))
    entry = next(e for e in found["references"] if e["reference"] == "mim-program-1996:7.3")
    assert entry == {"reference": "mim-program-1996:7.3", "passages": {"1.0.0": "v/1.0.0/mim-program-1996.html#point-7.3"},
                     "became": {"kind": "merged", "reason": "The source has one paragraph.", "to": "mim-program-1996:7.2"}}
