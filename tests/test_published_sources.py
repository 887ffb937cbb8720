"""The TEI the edition publishes (build/html/tei/, the DTS document endpoint) holds nothing a
browser acts on, whoever wrote the source: no processing instruction, no element or attribute
of another vocabulary. The edition's own texts stay valid, and exactly their sources when there
is nothing to remove. The comparison page reads no file but the edition's texts."""

from __future__ import annotations

import copy
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from lxml import etree

from browser import chromium
from edition import dts_api
from edition.cli import main
from edition.documents import Edition
from edition.outputs.dts import static_path
from edition.outputs.html import _aligned
from edition.project import Project
from edition.validate import validate
from edition.xmlfile import TEI_NS, parse

XML_NS = "http://www.w3.org/XML/1998/namespace"
HOSTILE = """<?xml version="1.0" encoding="UTF-8"?>
<?xml-stylesheet type="text/css" href="https://evil.example/sheet.css"?>
<TEI xmlns="http://www.tei-c.org/ns/1.0" xmlns:h="http://www.w3.org/1999/xhtml"
     xmlns:svg="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink">
  <teiHeader><fileDesc><titleStmt><title>A hostile contribution</title></titleStmt>
    <publicationStmt><p>Unpublished</p></publicationStmt><sourceDesc><p>Made up</p></sourceDesc>
  </fileDesc></teiHeader>
  <text xml:lang="en"><body>
    <p>Before <h:script>window.pwned = "script"; alert("script")</h:script> after.</p>
    <p><h:img src="nowhere.png" onerror="window.pwned = 'onerror'; alert('onerror')"/> An image.</p>
    <p><svg:svg onload="window.pwned = 'onload'; alert('onload')"><svg:circle r="5"/></svg:svg> A drawing.</p>
    <p><h:meta http-equiv="refresh" content="0;url=https://evil.example/away"/> Stay here.</p>
    <p xlink:href="https://evil.example/" xml:id="last">The <?xml-stylesheet href="in.css"?>end.</p>
  </body></text>
</TEI>
"""
EVIL_SHEET = '<?xml-stylesheet href="https://evil.example/x.css"?>'
MIM = "mim-program-1996"


def build(*args) -> None:
    result = CliRunner().invoke(main, ["build", *map(str, args), "--quiet"], catch_exceptions=False)
    assert result.exit_code == 0, result.stderr


def processing_instructions(tree: etree._ElementTree) -> list:
    root = tree.getroot()
    nodes = [*root.itersiblings(preceding=True), *root.iter(), *root.itersiblings()]
    return [node for node in nodes if isinstance(node, etree._ProcessingInstruction)]


def foreign_names(tree: etree._ElementTree) -> list[str]:
    """Elements outside TEI's namespace, and attributes outside TEI's and XML's."""
    found = []
    for element in tree.getroot().iter(etree.Element):
        if etree.QName(element).namespace != TEI_NS:
            found.append(element.tag)
        found += [name for name in element.attrib if etree.QName(name).namespace not in (None, XML_NS)]
    return found


@pytest.fixture(scope="module")
def hostile_build(tmp_path_factory):
    folder = tmp_path_factory.mktemp("hostile")
    (folder / "texts").mkdir()
    (folder / "texts" / "hostile.xml").write_text(HOSTILE, encoding="utf-8")
    build("--texts", folder / "texts", "--out", folder / "build", "--format", "html,text", "--lenient")
    return folder / "build"


def test_a_foreign_documents_published_copy_holds_nothing_a_browser_acts_on(hostile_build):
    copied = hostile_build / "html" / "tei" / "hostile.xml"
    published = parse(copied)  # parses, and safely: no DOCTYPE, no XInclude
    assert processing_instructions(published.tree) == []
    assert foreign_names(published.tree) == []
    data = copied.read_bytes()
    for payload in (b"<?xml-stylesheet", b"<!DOCTYPE", b"onerror", b"onload", b"http-equiv", b"evil.example"):
        assert payload not in data, payload
    # The words stay: a foreign element's text is kept, inert in the TEI namespace.
    words = " ".join("".join(published.tree.getroot().find("{*}text").itertext()).split())
    assert words == ('Before window.pwned = "script"; alert("script") after. An image. A drawing. Stay here. '
                     "The end.")
    assert published.tree.getroot().find(".//{*}p[@{%s}id='last']" % XML_NS) is not None


def test_no_script_runs_when_the_published_copy_is_opened_in_a_browser(hostile_build):
    """Served as `edition serve` serves it (application/xml), at an address of its own; every
    other request is recorded and refused."""
    body = (hostile_build / "html" / "tei" / "hostile.xml").read_bytes()
    address, requested, dialogs = "http://edition.test/tei/hostile.xml", [], []

    def answer(route):
        if route.request.url == address:
            return route.fulfill(status=200, body=body, content_type="application/xml")
        requested.append(route.request.url)
        return route.abort()

    with chromium() as browser:
        page = browser.new_page()
        page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
        page.route("**/*", answer)
        page.goto(address)
        page.wait_for_timeout(1500)  # time for the refresh and the image's error
        seen = page.url, page.evaluate("window.pwned === undefined ? null : window.pwned")
    assert (seen, dialogs, requested) == ((address, None), [], [])


@pytest.fixture(scope="module")
def sheet_build(tmp_path_factory, project):
    """The edition's texts with a remote stylesheet named before the root of one of them and
    inside its point 7."""
    folder = tmp_path_factory.mktemp("sheet")
    texts = folder / "texts"
    shutil.copytree(project.texts, texts)
    mim = texts / f"{MIM}.xml"
    text = mim.read_text(encoding="utf-8")
    inner = "We believe that the imperialists"
    assert inner in text and text.startswith('<?xml version="1.0" encoding="UTF-8"?>\n<TEI ')
    text = text.replace("\n<TEI ", f"\n{EVIL_SHEET}\n<TEI ", 1)
    text = text.replace(inner, f"We believe that {EVIL_SHEET}the imperialists")
    mim.write_text(text, encoding="utf-8")
    build("--texts", texts, "--out", folder / "build", "--format", "html,dts")  # not lenient: it is valid
    return texts, folder / "build"


def test_a_valid_texts_published_copy_has_no_processing_instruction_and_stays_valid(sheet_build, project):
    texts, out = sheet_build
    assert validate(project, [texts / f"{MIM}.xml"]) == []
    copied = out / "html" / "tei" / f"{MIM}.xml"
    assert processing_instructions(parse(copied).tree) == []
    assert b"evil.example" not in copied.read_bytes()
    assert validate(project, sorted((out / "html" / "tei").glob("*.xml"))) == []


def test_the_published_copies_are_the_sources_unless_something_is_removed(sheet_build):
    texts, out = sheet_build
    for source in sorted(texts.glob("*.xml")):
        copied = out / "html" / "tei" / source.name
        if source.stem != MIM:
            assert copied.read_bytes() == source.read_bytes(), source.name
    source = copy.deepcopy(parse(texts / f"{MIM}.xml").tree.getroot())  # without the PI before the root
    etree.strip_elements(source, etree.ProcessingInstruction, with_tail=False)
    assert etree.tostring(parse(out / "html" / "tei" / f"{MIM}.xml").tree, method="c14n") == \
        etree.tostring(source, method="c14n")


def dts_document(out: Path, base_url: str, ref: str | None = None) -> Path:
    """Where the static DTS has the document endpoint's answer for the work (or one passage)."""
    urls = dts_api.static_urls(base_url)
    segments = static_path(urls, "document", {"resource": dts_api.resource_id(base_url, MIM), "ref": ref})
    return out.joinpath("dts", *segments)


@pytest.mark.parametrize("ref", [None, "7", "7.1"])
def test_the_dts_document_has_no_processing_instruction(sheet_build, project, ref):
    _, out = sheet_build
    response = dts_document(out, project.base_url, ref)
    assert processing_instructions(parse(response).tree) == []
    assert b"evil.example" not in response.read_bytes()


def test_the_dts_document_of_a_resource_is_its_published_copy(sheet_build, project):
    _, out = sheet_build
    served = parse(dts_document(out, project.base_url)).tree.getroot()
    # The endpoint adds an xml:base, so that the document's pointers resolve from /dts/ too.
    served.attrib.pop("{http://www.w3.org/XML/1998/namespace}base")
    assert etree.tostring(served, method="c14n") == \
        etree.tostring(parse(out / "html" / "tei" / f"{MIM}.xml").tree, method="c14n")


# The alignment's pointers are given to _aligned directly: a build validates first, and the
# validator refuses such pointers on its own; the page must not depend on it.

ALIGNMENT = """<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader/><standOff><linkGrp>
  <link target="{mim}.xml#point-1 {other}#point-1"/></linkGrp></standOff></TEI>"""


@pytest.fixture
def secret(tmp_path, project):
    """A TEI file beside texts/, not in it; texts/ holds one work and a link to the secret."""
    texts = tmp_path / "edition" / "texts"
    texts.mkdir(parents=True)
    shutil.copyfile(project.texts / f"{MIM}.xml", texts / f"{MIM}.xml")
    secret = tmp_path / "edition" / "secret.xml"
    secret.write_text(f'<TEI xmlns="{TEI_NS}"><text><body><p>secret</p></body></text></TEI>', encoding="utf-8")
    (texts / "linked.xml").symlink_to(secret)
    return texts, secret


@pytest.mark.parametrize("pointer", ["absolute", "../secret.xml", "linked.xml", "nowhere.xml"])
def test_the_comparison_reads_only_the_editions_texts(secret, pointer):
    texts, path = secret
    other = str(path) if pointer == "absolute" else pointer
    alignment = texts / "alignment.xml"
    alignment.write_text(ALIGNMENT.format(mim=MIM, other=other), encoding="utf-8")
    edition = Edition(Project(texts.parent, texts_folder=texts), None, [], None, alignment=parse(alignment))
    assert [Path(xml.path).name for xml in _aligned(edition)] == [f"{MIM}.xml"]
