"""Bad and hostile input is refused at its place, with exit 1 and nothing written;
legitimate variety is accepted."""

from __future__ import annotations

import re
import unicodedata

import pytest

from conftest import run_in as run

MIM = "mim-program-1996.xml"
TEI = 'xmlns="http://www.tei-c.org/ns/1.0"'
ERROR_LINE = re.compile(r"^(?P<path>\S+):(?P<line>\d+):(?P<col>\d+): error: (?P<message>.+)$")




def mim_text(project_copy) -> str:
    return (project_copy.texts / MIM).read_text(encoding="utf-8")


def with_doctype(text: str, doctype: str) -> str:
    return text.replace("<TEI ", doctype + "\n<TEI ", 1)


def hostile_cases(text: str) -> dict[str, tuple[bytes, str]]:
    """name -> (file content, a word the message must contain)."""
    entity = '<!DOCTYPE TEI [<!ENTITY e SYSTEM "{}">]>'
    laughs = '<!DOCTYPE TEI [<!ENTITY a "lol"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">' + "".join(
        f'<!ENTITY {c} "&{p};&{p};&{p};&{p};&{p};&{p};&{p};&{p};&{p};&{p};">' for p, c in zip("bcdefgh", "cdefghi")) + "]>"
    xinclude = '<xi:include xmlns:xi="http://www.w3.org/2001/XInclude" href="{}"/>'
    return {
        "unclosed tag": (text.replace("</head>", "", 1).encode(), "mismatch"),
        "bad encoding declaration": (text.replace('encoding="UTF-8"', 'encoding="klingon"', 1).encode(), "encoding"),
        "invalid UTF-8": (text.encode().replace(b"communism.</head>", b"commun\xff\xfeism.</head>", 1), "encoding"),
        "NUL byte": (text.encode().replace(b"communism.</head>", b"commun\x00ism.</head>", 1), "0x0"),
        "text after the root": ((text + "trailing words\n").encode(), "Extra content"),
        "external entity (file)": (with_doctype(text, entity.format("file:///etc/passwd")).replace("communism.</head>", "&e;</head>", 1).encode(), "DOCTYPE"),
        "external entity (http)": (with_doctype(text, entity.format("http://127.0.0.1:9/x")).replace("communism.</head>", "&e;</head>", 1).encode(), "DOCTYPE"),
        "billion laughs": (with_doctype(text, laughs).replace("communism.</head>", "&i;</head>", 1).encode(), "DOCTYPE"),
        "external DTD": (with_doctype(text, '<!DOCTYPE TEI SYSTEM "http://127.0.0.1:9/tei.dtd">').encode(), "DOCTYPE"),
        "XInclude of a local file": (text.replace("<body>", "<body>" + xinclude.format("/etc/passwd"), 1).encode(), "XInclude"),
        "XInclude of a URL": (text.replace("<body>", "<body>" + xinclude.format("http://127.0.0.1:9/x.xml"), 1).encode(), "XInclude"),
        "id escaping the output folder": (text.replace(">mim-program-1996</idno>", ">../../etc/evil</idno>").encode(), "document id"),
        "absolute id": (text.replace(">mim-program-1996</idno>", ">/tmp/evil</idno>").encode(), "document id"),
        "reserved id": (text.replace(">mim-program-1996</idno>", ">index</idno>").replace('xml:id="mim-program-1996"', 'xml:id="index"').encode(), "reserved"),
        "id that is not the file name": (text.replace(">mim-program-1996</idno>", ">mim-program-1997</idno>").replace('xml:id="mim-program-1996"', 'xml:id="mim-program-1997"').encode(), "file name"),
        "non-TEI root": (b'<?xml version="1.0"?>\n<html><body>not TEI</body></html>\n', "not TEI"),
        "empty file": (b"", "empty"),
        "javascript: link": (text.replace('target="https://creativecommons.org/licenses/by/4.0/"', 'target="javascript:alert(1)"', 1).encode(), "not an allowed link"),
        "data: link": (text.replace('target="https://creativecommons.org/licenses/by/4.0/"', 'target="DATA:text/html,&lt;script&gt;alert(1)&lt;/script&gt;"', 1).encode(), "not an allowed link"),
        "vbscript: link": (text.replace('target="https://creativecommons.org/licenses/by/4.0/"', 'target=" vbscript:msgbox(1)"', 1).encode(), "not an allowed link"),
    }


CASES = list(hostile_cases("<placeholder/>"))


@pytest.mark.parametrize("case", CASES)
def test_hostile_input_is_refused_at_its_place_and_nothing_is_written(project_copy, case):
    content, word = hostile_cases(mim_text(project_copy))[case]
    (project_copy.texts / MIM).write_bytes(content)
    for command in (["validate"], ["build", "--quiet"]):
        result = run(project_copy, *command)
        assert result.exit_code == 1, (command, result.output)
        assert "Traceback" not in result.output
        lines = result.stderr.splitlines()
        located = [m for m in map(ERROR_LINE.match, lines) if m]
        assert located and len(located) == len(lines), lines
        assert any(m["path"].endswith(MIM) and int(m["line"]) > 0 and int(m["col"]) > 0 for m in located), lines
        assert any(word in m["message"] for m in located), lines
    assert not (project_copy.root / "build").exists()


def test_two_documents_with_one_id_are_refused(project_copy):
    (project_copy.texts / "copy-of-mim.xml").write_text(mim_text(project_copy), encoding="utf-8")
    result = run(project_copy, "validate")
    assert result.exit_code == 1
    assert "is already the id of" in result.stderr
    assert "Traceback" not in result.output


def variants(text: str) -> dict[str, bytes]:
    rtl = text.replace("as a service to and reference", "as a service (عربي, עברית, e\u0301, \U0001D504, \U0001F4DA) to and reference", 1)
    return {
        "UTF-8 with BOM": b"\xef\xbb\xbf" + text.encode(),
        "UTF-16": text.replace('encoding="UTF-8"', 'encoding="UTF-16"', 1).encode("utf-16"),
        "CRLF line ends": text.replace("\n", "\r\n").encode(),
        "right-to-left, combining and astral characters": rtl.encode(),
    }


@pytest.mark.parametrize("case", list(variants("")))
def test_legitimate_variety_is_accepted(project_copy, case):
    text = mim_text(project_copy)
    (project_copy.texts / MIM).write_bytes(variants(text)[case])
    result = run(project_copy, "build", "--quiet", "--format", "text,html")
    assert result.exit_code == 0, result.output
    page = (project_copy.root / "build" / "html" / "mim-program-1996.html").read_text(encoding="utf-8")
    assert "We believe that communism is the elimination" in page
    if "astral" in case:
        # The web pages are in Unicode normalisation form C: e + U+0301 is é there.
        assert "\U0001D504" in page and "عربي" in page and unicodedata.normalize("NFC", "e\u0301") in page


def test_a_very_large_document_is_accepted(project_copy):
    text = mim_text(project_copy)
    start = text.index('<div type="point" n="10"')
    last = text[start:text.index("</div>", start) + len("</div>")]
    extra = "".join(last.replace('n="10"', f'n="{n}"').replace('"point-10"', f'"point-{n}"').replace("<head>10.", f"<head>{n}.")
                    for n in range(11, 1500))
    text = text[:start + len(last)] + extra + text[start + len(last):]
    (project_copy.texts / MIM).write_text(text, encoding="utf-8")
    assert len(text) > 1_000_000
    result = run(project_copy, "build", "--quiet", "--format", "text")
    assert result.exit_code == 0, result.output[-2000:]
    reading = (project_copy.root / "build" / "text" / "mim-program-1996.txt").read_text(encoding="utf-8")
    assert "[mim-program-1996:1499]" in reading
