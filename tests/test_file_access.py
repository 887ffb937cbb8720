"""The rules read the edition's own files and nothing else: a pointer that leaves the edition's
folder of texts is refused at its place, the file it names is never opened, and a pipe or a
device never makes validation wait."""

from __future__ import annotations

import os
import re
import time

import pytest

import conftest
from conftest import position_of, run_in as run

MIM = "mim-program-1996.xml"
FIRST_LINK = "mim-program-1996.xml#point-1 llco-what-we-strive-for.xml#point-1"
FIRST_REF = 'ref="registers.xml#mim"'
LICENCE = 'target="https://creativecommons.org/licenses/by/4.0/"'
SECRET = "SECRET-WORDS-OF-ANOTHER-FOLDER"
ERROR_LINE = re.compile(r"^(?P<path>\S+):(?P<line>\d+):(?P<col>\d+): error: (?P<message>.+)$")
LEAVES = "leaves the edition"
NOT_A_POINT = "is not a point of the edition"




def run_apart(project_copy, *args, timeout: float = 30):
    """`edition` in the copy's folder, in a process of its own: (status, stdout, stderr)."""
    done = conftest.run_apart(project_copy, *args, timeout=timeout)
    return done.returncode, done.stdout, done.stderr


def change(project_copy, name: str, old: str, new: str) -> tuple[str, str]:
    """Replace the first ``old`` in a file of the copy's texts; its path and new text."""
    path = project_copy.texts / name
    text = path.read_text(encoding="utf-8")
    assert old in text
    text = text.replace(old, new, 1)
    path.write_text(text, encoding="utf-8")
    return str(path), text


def located(output: str) -> list[re.Match]:
    return [m for m in map(ERROR_LINE.match, output.splitlines()) if m]


def assert_refused_at(output: str, project_copy, path: str, where: tuple[int, int], word: str) -> None:
    """A problem of ``path`` at ``where`` that says ``word`` (paths are shown from the copy's folder)."""
    found = [(os.path.normpath(os.path.join(project_copy.root, m["path"])), int(m["line"]), int(m["col"]),
              m["message"]) for m in located(output)]
    assert any(p == path and (line, col) == where and word in message for p, line, col, message in found), output


@pytest.fixture
def elsewhere(tmp_path):
    """A folder beside the edition's copy, with a file that would pass for a work: its first point
    is there, so only not reading it can refuse a link to it."""
    folder = tmp_path / "elsewhere"
    folder.mkdir()
    (folder / "secret.xml").write_text(
        '<TEI xmlns="http://www.tei-c.org/ns/1.0"><text><body>'
        f'<div type="point" xml:id="point-1"><p>{SECRET}</p></div></body></text></TEI>', encoding="utf-8")
    os.mkfifo(folder / "pipe.xml")
    return folder


def test_a_link_to_a_file_outside_the_edition_is_refused_and_the_file_is_not_read(project_copy, elsewhere):
    secret = elsewhere / "secret.xml"
    path, text = change(project_copy, "alignment.xml", FIRST_LINK, f"{secret}#point-1 {MIM}#point-1")
    result = run(project_copy, "validate")
    assert result.exit_code == 1, result.output
    assert_refused_at(result.stderr, project_copy, path, position_of(text, 'xml:id="align-communism"'), LEAVES)
    assert SECRET not in result.output


def test_a_link_to_a_file_that_leads_out_of_the_folder_is_not_read(project_copy, elsewhere):
    """A bare name passes the rules' check of the pointer: the reader refuses the link itself."""
    (project_copy.texts / "secret").symlink_to(elsewhere / "secret.xml")
    path, text = change(project_copy, "alignment.xml", FIRST_LINK, f"secret#point-1 {MIM}#point-1")
    result = run(project_copy, "validate")
    assert result.exit_code == 1, result.output
    assert_refused_at(result.stderr, project_copy, path, position_of(text, 'xml:id="align-communism"'), NOT_A_POINT)
    assert SECRET not in result.output


@pytest.mark.parametrize("broken, word", [
    ('<!DOCTYPE TEI [<!ENTITY secret SYSTEM "{secret}">]>\n<TEI ', "document type declaration"),
    ("<TEI <TEI ", "not well-formed"),
])
def test_a_file_of_the_edition_that_is_not_safe_xml_stops_the_rules_that_read_it(project_copy, elsewhere, broken, word):
    """Read as the edition reads its sources: no document type, hence no entity, and said at once."""
    work = project_copy.texts / "llco-what-we-strive-for.xml"
    text = work.read_text(encoding="utf-8")
    work.write_text(text.replace("<TEI ", broken.format(secret=(elsewhere / "secret.xml").as_uri()), 1)
                    .replace("</head>", "&secret;</head>", 1 if "ENTITY" in broken else 0), encoding="utf-8")
    alignment = project_copy.texts / "alignment.xml"
    result = run(project_copy, "validate")
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output
    where = position_of(alignment.read_text(encoding="utf-8"), "<TEI ")
    assert_refused_at(result.stderr, project_copy, str(alignment), where, word)
    assert SECRET not in result.output


@pytest.mark.parametrize("where", ["alignment target", "register pointer", "pipe in the folder"])
def test_a_pipe_never_makes_validation_wait(project_copy, elsewhere, where):
    pipe = elsewhere / "pipe.xml"
    if where == "alignment target":
        path, text = change(project_copy, "alignment.xml", FIRST_LINK, f"{pipe}#point-1 {MIM}#point-1")
        place, word = position_of(text, 'xml:id="align-communism"'), LEAVES
    elif where == "register pointer":
        path, text = change(project_copy, MIM, FIRST_REF, f'ref="{pipe}#mim"')
        place, word = position_of(text, f'ref="{pipe}#mim"'), LEAVES
    else:
        os.mkfifo(project_copy.texts / "pipe")
        path, text = change(project_copy, "alignment.xml", FIRST_LINK, f"pipe#point-1 {MIM}#point-1")
        place, word = position_of(text, 'xml:id="align-communism"'), NOT_A_POINT
    started = time.monotonic()
    code, out, err = run_apart(project_copy, "validate")
    assert time.monotonic() - started < 20
    assert code == 1, out + err
    assert "Traceback" not in err
    assert_refused_at(err, project_copy, path, place, word)


POINTERS = {
    "absolute path": "/etc/passwd",
    "parent folders": "../../x.xml#a",
    "tab between slashes": "/&#x09;/evil.example/",
    "line end between slashes": "/&#x0A;/evil.example/",
    "file URL": "file:///etc/passwd",
    "host without scheme": "//evil.example/x",
    "backslashes": "\\\\evil.example\\x.xml#a",
    "percent-escaped parent": "%2e%2e#a",
    "hidden parent": "..#a",
    "control character": "registers.xml&#x85;#lenin",
}


@pytest.mark.parametrize("attribute", ["licence target", "name ref"])
@pytest.mark.parametrize("name", POINTERS)
def test_a_pointer_that_leaves_the_edition_is_refused_at_its_place(project_copy, attribute, name):
    old = LICENCE if attribute == "licence target" else 'ref="registers.xml#lenin"'
    new = old.split("=")[0] + f'="{POINTERS[name]}"'
    path, text = change(project_copy, MIM, old, new)
    result = run(project_copy, "validate")
    assert result.exit_code == 1, result.output
    assert_refused_at(result.stderr, project_copy, path, position_of(text, new), LEAVES)


BAD_VERSIONS = ["1.0.0&#10;TY  - JOUR", "1.0.0&#13;", "&#10;1.0.0", "1.0", "1.0.0.0", "v1.0.0", "1.0.0-rc.1",
                "01.0.0", "1..0", ".1.0", "1.0.", "1 .0.0", ""]


def test_the_edition_s_version_is_a_semantic_version_number(project_copy):
    old = '<edition n="1.0.0">'
    for version in BAD_VERSIONS:
        path, text = change(project_copy, MIM, old, f'<edition n="{version}">')
        result = run(project_copy, "validate", path)
        assert result.exit_code == 1, (version, result.output)
        assert_refused_at(result.stderr, project_copy, path, position_of(text, f'<edition n="{version}">'), "semantic version")
        old = f'<edition n="{version}">'
    for version in ["0.1.0", "2.10.0", "10.0.200"]:
        path, _ = change(project_copy, MIM, old, f'<edition n="{version}">')
        result = run(project_copy, "validate", path)
        assert result.exit_code == 0, (version, result.output)
        old = f'<edition n="{version}">'


def test_the_reader_serves_only_regular_files_of_the_folder(tmp_path, elsewhere):
    from edition.validate import _edition_file

    texts = tmp_path / "texts"
    texts.mkdir()
    (texts / "registers.xml").write_text("<listPerson/>", encoding="utf-8")
    (texts / "out.xml").symlink_to(elsewhere / "secret.xml")
    (texts / "null.xml").symlink_to("/dev/null")
    os.mkfifo(texts / "pipe.xml")
    folder = str(texts.resolve())
    assert _edition_file(folder, (texts / "registers.xml").as_uri()) == b"<listPerson/>"
    refused = [(elsewhere / "secret.xml").as_uri(), texts.as_uri() + "/../elsewhere/secret.xml",
               texts.as_uri() + "/%2e%2e/elsewhere/secret.xml", (texts / "out.xml").as_uri(),
               (texts / "null.xml").as_uri(), (texts / "pipe.xml").as_uri(),
               str(texts / "registers.xml"), "http://127.0.0.1:9/registers.xml",
               "file://evil.example" + str(texts / "registers.xml"), texts.as_uri() + "/registers.xml?x"]
    assert [url for url in refused if _edition_file(folder, url) is not None] == []
    assert _edition_file(None, (texts / "registers.xml").as_uri()) is None
