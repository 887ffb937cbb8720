"""edition release: each refusal, with its message, and the tags it makes, in a temporary git
repository made from the project (its committed sources and schema, its stylesheets)."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from edition import release, versions
from edition.cli import main
from edition.versions import Version

from conftest import ROOT

# The address the tests' copy pretends to be published at: not a reserved name, and not the
# edition's (whose base-url stays the placeholder until a real address is known).
PUBLISHED = "https://two-programmes.edition-host.net/"
WHO = {"GIT_AUTHOR_NAME": "Editors", "GIT_AUTHOR_EMAIL": "editors@edition-host.net",
       "GIT_COMMITTER_NAME": "Editors", "GIT_COMMITTER_EMAIL": "editors@edition-host.net",
       "GIT_CONFIG_NOSYSTEM": "1", "GIT_CONFIG_GLOBAL": "/dev/null"}
MIM = "texts/mim-program-1996.xml"
DECLARATION = ('<listRelation type="references"><relation name="{name}" active="{old}"{new}>'
               "<desc>{reason}</desc></relation></listRelation>")


def git(repo: Path, *args: str) -> str:
    return subprocess.run(["git", "-C", str(repo), *args], check=True, capture_output=True, text=True).stdout


@pytest.fixture
def repo(tmp_path, monkeypatch):
    """A git repository holding the project's committed texts and schema, its stylesheets and
    settings, with a published base-url; committed once, not released."""
    for name, value in WHO.items():
        monkeypatch.setenv(name, value)
    copy = tmp_path / "edition"
    copy.mkdir()
    archive = subprocess.run(["git", "-C", str(ROOT), "archive", "HEAD", "texts", "schema"], check=True,
                             capture_output=True).stdout
    subprocess.run(["tar", "-x", "-C", str(copy)], input=archive, check=True)
    subprocess.run(["cp", "-r", str(ROOT / "xslt"), str(ROOT / "pyproject.toml"), str(copy)], check=True)
    set_base_url(copy, PUBLISHED)
    git(copy, "init", "--quiet", "--initial-branch=main")
    commit(copy, "The edition")
    monkeypatch.chdir(copy)
    return copy


def set_base_url(repo: Path, url: str) -> None:
    pyproject = repo / "pyproject.toml"
    text = re.sub(r'(?m)^base-url = ".*"$', f'base-url = "{url}"', pyproject.read_text(encoding="utf-8"))
    pyproject.write_text(text, encoding="utf-8")


def commit(repo: Path, message: str) -> None:
    git(repo, "add", "--all")
    git(repo, "commit", "--quiet", "--message", message)


def edit(repo: Path, path: str, old: str, new: str) -> None:
    file = repo / path
    text = file.read_text(encoding="utf-8")
    assert old in text, f"{old!r} is not in {path}"
    file.write_text(text.replace(old, new, 1), encoding="utf-8")


def new_version(repo: Path, version: str, what: str = "Corrections.", declarations: str = "",
                only: str | None = None) -> None:
    """Give every header (or ``only`` one) the version, with its change; ``declarations`` go
    into the change of the mim programme."""
    for file in sorted((repo / "texts").glob("*.xml")):
        if only and file.name != only:
            continue
        text = file.read_text(encoding="utf-8")
        text = re.sub(r'<edition n="[0-9.]+">Version [0-9.]+,', f'<edition n="{version}">Version {version},', text)
        extra = declarations if file.name == "mim-program-1996.xml" else ""
        text = text.replace("<revisionDesc>", f'<revisionDesc>\n      <change when="2026-12-03" who="#editors" '
                            f'n="{version}">{what}{extra}</change>', 1)
        file.write_text(text, encoding="utf-8")


def run(*args: str):
    return CliRunner().invoke(main, ["release", *args], catch_exceptions=False)


def tags(repo: Path) -> list[str]:
    return git(repo, "tag", "--list").split()


def test_a_placeholder_base_url_is_refused(repo):
    set_base_url(repo, "https://two-programmes.example.org/")
    result = run()
    assert result.exit_code == 1
    line = next(n for n, text in enumerate((repo / "pyproject.toml").read_text().splitlines(), 1)
                if text.startswith("base-url"))
    assert f"pyproject.toml:{line}:1: error: [tool.edition] base-url 'https://two-programmes.example.org/' " \
           "is a reserved placeholder (two-programmes.example.org)" in result.output
    assert tags(repo) == []


@pytest.mark.parametrize("url", ["", "https://example.com/", "http://edition.example/", "https://a.test/x/",
                                 "https://b.invalid/", "http://localhost:8000/", "http://127.0.0.1/",
                                 "https://www.example.net/", "ftp://two-programmes.org/", "two-programmes.org"])
def test_every_reserved_or_unusable_base_url_is_refused(project, url):
    import dataclasses
    problems = release.base_url_problems(dataclasses.replace(project, base_url=url))
    assert len(problems) == 1 and "base-url" in problems[0].message


def test_a_real_base_url_passes(project):
    import dataclasses
    assert release.base_url_problems(dataclasses.replace(project, base_url=PUBLISHED)) == []


def test_outside_git_there_is_nothing_to_tag(project_copy, monkeypatch):
    monkeypatch.chdir(project_copy.root)
    result = run()
    assert result.exit_code == 1
    assert "error: not a git repository: a release is a git tag v<version>" in result.output


def test_the_first_release_tags_v1_0_0_and_says_what_it_released(repo):
    result = run()
    assert result.exit_code == 0, result.output
    assert "released v1.0.0 (the first release): 2 documents," in result.output
    assert tags(repo) == ["v1.0.0"]
    assert git(repo, "rev-parse", "v1.0.0^{commit}") == git(repo, "rev-parse", "HEAD")
    assert versions.released(repo) == [Version(1, 0, 0)]


def test_uncommitted_changes_under_texts_are_refused(repo):
    edit(repo, MIM, "to open the borders.", "to open the borders to all.")
    (repo / "texts" / "draft.xml").write_text("<TEI/>", encoding="utf-8")
    result = run()
    assert result.exit_code == 1
    assert "texts/mim-program-1996.xml: error: has changes that are not committed" in result.output
    assert "texts/draft.xml: error: has changes that are not committed" in result.output
    assert tags(repo) == []


def test_headers_that_disagree_on_the_version_are_refused(repo):
    new_version(repo, "2.0.0", only="registers.xml")
    commit(repo, "One header ahead")
    result = run()
    assert result.exit_code == 1
    assert re.search(r"texts/registers\.xml:\d+:\d+: error: the header says version 2\.0\.0, the other headers "
                     r"1\.0\.0: every header of a release carries the same version", result.output)


def test_a_version_released_already_is_refused(repo):
    assert run().exit_code == 0
    edit(repo, MIM, "(CC BY 4.0).", "(CC BY 4.0). ")
    commit(repo, "A header's wording")
    result = run()
    assert result.exit_code == 1
    assert re.search(r"texts/\S+\.xml:\d+:\d+: error: version 1\.0\.0 is released already \(tag v1\.0\.0\)", result.output)


def test_a_version_without_its_change_is_refused(repo):
    assert run().exit_code == 0
    for file in (repo / "texts").glob("*.xml"):
        text = file.read_text(encoding="utf-8")
        file.write_text(re.sub(r'<edition n="1.0.0">Version 1.0.0,', '<edition n="1.0.1">Version 1.0.1,', text),
                        encoding="utf-8")
    commit(repo, "1.0.1 without its change")
    result = run()
    assert result.exit_code == 1
    assert re.search(r'texts/mim-program-1996\.xml:\d+:\d+: error: revisionDesc has no change n="1\.0\.1" that '
                     r"says what changed in this version", result.output)
    assert result.output.count('revisionDesc has no change n="1.0.1"') == len(list((repo / "texts").glob("*.xml")))


def test_a_text_change_needs_a_major_version(repo):
    assert run().exit_code == 0
    edit(repo, MIM, "to open the borders.", "to open the borders to all.")
    new_version(repo, "1.0.1")
    commit(repo, "A change of the text called a patch")
    result = run()
    assert result.exit_code == 1
    assert re.search(r"texts/\S+\.xml:\d+:\d+: error: version 1\.0\.1 does not follow from the changes since "
                     r"v1\.0\.0: the text of mim-program-1996:7\.2 changed, which needs version 2\.0\.0",
                     result.output)
    new_version(repo, "2.0.0", "The text of 7.2 corrected.")
    commit(repo, "Version 2.0.0")
    result = run()
    assert result.exit_code == 0, result.output
    assert "released v2.0.0 (a major version after v1.0.0)" in result.output
    assert tags(repo) == ["v1.0.0", "v2.0.0"]
    # Each tag holds its own text.
    assert b"to open the borders to all." not in versions.files_at(repo, Version(1, 0, 0), "texts")["mim-program-1996.xml"]
    assert b"to open the borders to all." in versions.files_at(repo, Version(2, 0, 0), "texts")["mim-program-1996.xml"]


def test_a_markup_change_is_a_patch_and_may_not_skip_a_number(repo):
    assert run().exit_code == 0
    edit(repo, MIM, "(CC BY 4.0).", "(CC BY 4.0). ")
    new_version(repo, "1.0.2")
    commit(repo, "A skipped number")
    result = run()
    assert "error: version 1.0.2 does not follow from the changes since v1.0.0: neither the text nor the " \
           "references changed, which needs version 1.0.1 (or 1.1.0, 2.0.0)" in result.output
    new_version(repo, "1.0.1")
    commit(repo, "1.0.1")
    assert run().exit_code == 0
    assert tags(repo) == ["v1.0.0", "v1.0.1"]


def merge_point_7_blocks_2_and_3(repo: Path, ending: str = "to open the borders.", introduction: bool = True) -> None:
    """Block 3 of point 7 joins block 2 (which ends with ``ending``); a link of the alignment,
    and the introduction's reference (unless not ``introduction``), to it now point to block 2."""
    edit(repo, MIM, f"{ending}</p>\n        <p>We believe that socialism", f"{ending} We believe that socialism")
    alignment = repo / "texts" / "alignment.xml"
    alignment.write_text(re.sub(r"#point-7\.3(?=[\s\"])", "#point-7.2", alignment.read_text(encoding="utf-8")),
                         encoding="utf-8")
    if introduction:
        edit(repo, "texts/introduction.xml", 'cRef="mim-program-1996:7.3">MIM 7.3', 'cRef="mim-program-1996:7.2">MIM 7.2')


def test_an_introduction_that_cites_a_dropped_passage_is_refused(repo):
    """The build would refuse it: its page would link the reference nowhere."""
    assert run().exit_code == 0
    merge_point_7_blocks_2_and_3(repo, introduction=False)
    declare(repo, "2.0.0", "merged", "mim-program-1996:7.3", "mim-program-1996:7.2")
    commit(repo, "7.3 merged into 7.2, the introduction left citing 7.3")
    result = run()
    assert result.exit_code == 1
    assert re.search(r'texts/introduction\.xml:\d+:\d+: error: @cRef="mim-program-1996:7\.3" names no passage of '
                     r"version 2\.0\.0: point it to where the passage is now", result.output)
    assert tags(repo) == ["v1.0.0"]


def test_a_dropped_reference_is_refused_and_named(repo):
    assert run().exit_code == 0
    merge_point_7_blocks_2_and_3(repo)
    new_version(repo, "2.0.0", "Blocks 2 and 3 of point 7 merged.")
    commit(repo, "7.3 dropped")
    result = run()
    assert result.exit_code == 1
    assert re.search(r"texts/mim-program-1996\.xml:\d+:\d+: error: mim-program-1996:7\.3, published in v1\.0\.0, "
                     r"no longer resolves: declare what became of it", result.output)
    assert "7.2," not in result.output and "7.1," not in result.output
    assert tags(repo) == ["v1.0.0"]


def declare(repo: Path, version: str, name: str, old: str, new: str = "", reason: str = "The source has one paragraph.") -> None:
    passive = f' passive="{new}"' if new else ""
    new_version(repo, version, "Blocks 2 and 3 of point 7 merged.",
                DECLARATION.format(name=name, old=old, new=passive, reason=reason))


def test_a_declared_merge_is_released_and_told(repo):
    assert run().exit_code == 0
    merge_point_7_blocks_2_and_3(repo)
    declare(repo, "2.0.0", "merged", "mim-program-1996:7.3", "mim-program-1996:7.2")
    commit(repo, "7.3 merged into 7.2, declared")
    result = run()
    assert result.exit_code == 0, result.output
    assert "  mim-program-1996:7.3 merged into mim-program-1996:7.2" in result.output
    assert tags(repo) == ["v1.0.0", "v2.0.0"]


def test_a_declared_withdrawal_is_released_with_its_reason(repo):
    assert run().exit_code == 0
    merge_point_7_blocks_2_and_3(repo)
    declare(repo, "2.0.0", "withdrawn", "mim-program-1996:7.3", reason="Not a paragraph of the source.")
    commit(repo, "7.3 withdrawn")
    result = run()
    assert result.exit_code == 0, result.output
    assert "  mim-program-1996:7.3 withdrawn: Not a paragraph of the source." in result.output


@pytest.mark.parametrize("name, old, new, reason, message", [
    ("merged", "mim-program-1996:7.3", "mim-program-1996:7.9", "r",
     "mim-program-1996:7.3 is declared merged, but mim-program-1996:7.9 (passive) does not resolve"),
    ("moved", "mim-program-1996:7.3", "", "r", "mim-program-1996:7.3 is declared moved, but no reference (passive) "
     "does not resolve"),
    ("withdrawn", "mim-program-1996:7.3", "mim-program-1996:7.2", "r",
     "mim-program-1996:7.3 is declared withdrawn, so it goes nowhere (no passive)"),
    ("withdrawn", "mim-program-1996:7.3", "", "", "the declaration of mim-program-1996:7.3 gives no reason (desc)"),
    ("lost", "mim-program-1996:7.3", "", "r", "Element relation failed to validate attributes"),  # the schema's word
    ("withdrawn", "mim-program-1996:7.2", "", "r", "mim-program-1996:7.2 is declared withdrawn but still resolves"),
    ("withdrawn", "mim-program-1996:70.1", "", "r", "mim-program-1996:70.1 was not published in any release"),
])
def test_a_wrong_declaration_is_refused_where_it_stands(repo, name, old, new, reason, message):
    assert run().exit_code == 0
    merge_point_7_blocks_2_and_3(repo)
    declare(repo, "2.0.0", name, old, new, reason)
    commit(repo, "A wrong declaration")
    result = run()
    assert result.exit_code == 1
    assert re.search(r"texts/mim-program-1996\.xml:\d+:\d+: error: " + re.escape(message), result.output), result.output
    assert tags(repo) == ["v1.0.0"]


def test_a_new_document_is_a_minor_version(repo):
    assert run().exit_code == 0
    mim = (repo / MIM).read_text(encoding="utf-8")
    copy = mim.replace('xml:id="mim-program-1996"', 'xml:id="mim-program-copy"').replace(
        '<idno type="document">mim-program-1996</idno>', '<idno type="document">mim-program-copy</idno>')
    (repo / "texts" / "mim-program-copy.xml").write_text(copy, encoding="utf-8")
    new_version(repo, "1.0.1")
    commit(repo, "A new document")
    result = run()
    assert "error: version 1.0.1 does not follow from the changes since v1.0.0: the document mim-program-copy is " \
           "new, which needs version 1.1.0 (or 2.0.0)" in result.output
    new_version(repo, "1.1.0")
    commit(repo, "1.1.0")
    result = run()
    assert result.exit_code == 0, result.output
    assert "released v1.1.0 (a minor version after v1.0.0): 3 documents" in result.output


def cite(*args: str):
    return CliRunner().invoke(main, ["cite", *args], catch_exceptions=False)


def test_a_citation_of_a_released_version_reads_its_tag_and_names_it(repo):
    assert run().exit_code == 0
    merge_point_7_blocks_2_and_3(repo)
    declare(repo, "2.0.0", "merged", "mim-program-1996:7.3", "mim-program-1996:7.2")
    commit(repo, "7.3 merged into 7.2")
    assert run().exit_code == 0
    old = cite("mim-program-1996:7.2", "--version", "1.0.0")
    assert old.exit_code == 0, old.output
    assert f"{PUBLISHED}v/1.0.0/mim-program-1996.html#point-7.2." in old.output
    assert "Version 1.0.0." in old.output
    # 7.3 was published in 1.0.0: citable there, and only there.
    assert f"{PUBLISHED}v/1.0.0/mim-program-1996.html#point-7.3" in cite("mim-program-1996:7.3", "--version", "1.0.0").output
    gone = cite("mim-program-1996:7.3", "--version", "2.0.0")
    assert gone.exit_code == 1
    assert "mim-program-1996:7.3: error: in version 2.0.0: no passage '7.3': mim-program-1996:7 has blocks 1-2" in gone.output
    current = cite("mim-program-1996:7.2", "--format", "csl-json")
    assert f'"URL": "{PUBLISHED}v/2.0.0/mim-program-1996.html#point-7.2"' in current.output
    unknown = cite("mim-program-1996:7.2", "--version", "1.1.0")
    assert unknown.exit_code == 1
    assert "mim-program-1996:7.2: error: no released version 1.1.0; released versions: 1.0.0, 2.0.0" in unknown.output
    assert "1.0: error: a version is major.minor.patch" in cite("mim-program-1996:7.2", "--version", "1.0").output


def test_without_tags_no_version_is_released(repo):
    result = cite("mim-program-1996:7.2", "--version", "1.0.0")
    assert result.exit_code == 1
    assert "no released version 1.0.0; released versions: none (there is no tag v<version>)" in result.output
