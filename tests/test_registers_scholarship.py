"""The registers as a reviewer checks them: every entry rests on a reference that exists, every
reference gives what a reader needs to find it, no identifier or certainty claims more than was
checked, and the register pages print the certainty and the references in full.

Each rule is a function that returns the problems it finds in a registers tree. The tests run it
on texts/registers.xml (no problem may be found) and on a copy with one fault put in (the fault
must be found), so that no rule passes merely because it looks at nothing."""

from __future__ import annotations

import copy
import re
from pathlib import Path

import lxml.html
import pytest
from lxml import etree

ROOT = Path(__file__).resolve().parents[1]
REGISTERS = ROOT / "texts" / "registers.xml"
ODD = ROOT / "schema" / "edition.odd"
TEI = "http://www.tei-c.org/ns/1.0"
NS = {"tei": TEI}
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"

ENTRY_KINDS = ("person", "org", "place", "event")
AUTHORITY_FORMS = {"wikidata": r"Q[1-9][0-9]*", "viaf": r"[1-9][0-9]*", "gnd": r"[0-9X-]+",
                   "geonames": r"[1-9][0-9]*"}
# A verified identifier is declared as such, with the day it was checked, in its entry's note.
VERIFIED = re.compile(r"(?<!not )verified against the authority's (own )?record on \d{4}-\d{2}-\d{2}")
# Sources the edition never cites for a fact: a children's encyclopedia and a polemical weblog.
BANNED_SOURCES = ("kids.britannica.com", "britannica.com/students", "democracyandclasstruggle.blogspot")
# A missing detail is said to be missing, not left out silently.
DECLARED_GAP = re.compile(r"\b(volume|issue|pages?)\b[^.]{0,80}\bnot (shown|established|seen)\b", re.I)
SEEN_AS = re.compile(r"stored cop(y|ies) consulted|archived copy|capture", re.I)
BIBLIOGRAPHIC_IDS = {"ISBN": lambda value: isbn_checks_out(value), "DOI": lambda value: bool(re.fullmatch(r"10\.\d{4,9}/\S+", value))}


def registers() -> etree._ElementTree:
    return etree.parse(str(REGISTERS), etree.XMLParser(resolve_entities=False, no_network=True))


def xml_id(element: etree._Element) -> str:
    return element.get(XML_ID) or ""


def entries(tree) -> list[etree._Element]:
    """The entries a reader looks up: persons, organisations, places, events, works quoted."""
    found = [e for kind in ENTRY_KINDS for e in tree.iterfind(f".//tei:{kind}", NS)]
    return found + tree.findall(".//tei:listBibl[@type='quoted']/tei:bibl", NS)


def references(tree) -> dict[str, etree._Element]:
    return {xml_id(b): b for b in tree.findall(".//tei:listBibl[@type='references']/tei:bibl", NS)}


def words(element: etree._Element) -> str:
    return " ".join("".join(element.itertext()).split())


def isbn_checks_out(value: str) -> bool:
    """An ISBN-10 or ISBN-13 whose check digit agrees with its other digits."""
    digits = [c for c in value if c.isdigit() or c == "X"]
    if len(digits) == 10:
        return sum((10 - i) * (10 if c == "X" else int(c)) for i, c in enumerate(digits)) % 11 == 0
    if len(digits) == 13 and "X" not in digits:
        return sum((1 if i % 2 == 0 else 3) * int(c) for i, c in enumerate(digits)) % 10 == 0
    return False


# The rules


def entries_without_a_reference(tree) -> list[str]:
    refs = references(tree)
    problems = []
    for entry in entries(tree):
        targets = [p.get("target", "") for p in entry.iterfind("tei:note//tei:ptr[@type='source']", NS)]
        if not targets:
            problems.append(f"{xml_id(entry)}: its note points to no reference")
        problems += [f"{xml_id(entry)}: {t} is not in the bibliography"
                     for t in targets if t.lstrip("#") not in refs]
    return problems


def dangling_pointers(tree) -> list[str]:
    ids = {xml_id(e) for e in tree.iter() if xml_id(e)}
    pointers = [p.get("target", "") for p in tree.iter(f"{{{TEI}}}ptr")]
    pointers += [r.get("target", "") for r in tree.iter(f"{{{TEI}}}ref") if r.get("target", "").startswith("#")]
    return [f"{p} points to nothing" for p in pointers if p.lstrip("#") not in ids]


def unverified_authority_ids(tree) -> list[str]:
    problems = []
    for idno in (i for e in entries(tree) if e.tag != f"{{{TEI}}}bibl" for i in e.iterfind("tei:idno", NS)):
        entry, kind, value = idno.getparent(), idno.get("type", ""), (idno.text or "").strip()
        if kind not in AUTHORITY_FORMS:
            problems.append(f"{xml_id(entry)}: identifier of unknown authority {kind!r}")
            continue
        if not re.fullmatch(AUTHORITY_FORMS[kind], value):
            problems.append(f"{xml_id(entry)}: {value!r} is not a {kind} identifier")
        note = entry.find("tei:note", NS)
        if note is None or not (VERIFIED.search(words(note)) and value in words(note)):
            problems.append(f"{xml_id(entry)}: {kind} {value} has no note saying when it was verified")
    return problems


def malformed_bibliographic_ids(tree) -> list[str]:
    """An ISBN or DOI of a reference has the form (and, for an ISBN, the check digit) it must."""
    problems = []
    for key, bibl in references(tree).items():
        for idno in bibl.iterfind("tei:idno", NS):
            check = BIBLIOGRAPHIC_IDS.get(idno.get("type", ""))
            if check is None or not check(" ".join((idno.text or "").split())):
                problems.append(f"{key}: {idno.get('type')} {idno.text!r} is not well formed")
    return problems


def banned_sources(tree) -> list[str]:
    targets = [e.get("target", "") for e in tree.iter(f"{{{TEI}}}ref", f"{{{TEI}}}ptr")]
    return [t for t in targets if any(banned in t for banned in BANNED_SOURCES)]


def certainty_scale() -> set[str]:
    odd = etree.parse(str(ODD))
    return set(odd.xpath("//tei:attDef[@ident='cert']/tei:valList/tei:valItem/@ident", namespaces=NS))


def certainties_off_the_scale(tree) -> list[str]:
    scale = certainty_scale()
    return [f"{xml_id(e) or e.tag}: cert={e.get('cert')!r}" for e in tree.iter() if
            isinstance(e.tag, str) and e.get("cert") is not None and e.get("cert") not in scale]


def incomplete_articles(tree) -> list[str]:
    """An article in a journal gives volume or issue and pages, unless it is cited as a web
    publication only (an address, no print locator), or its note says which detail is missing."""
    problems = []
    for key, bibl in references(tree).items():
        if bibl.find("tei:title[@level='a']", NS) is None or bibl.find("tei:title[@level='j']", NS) is None:
            continue
        volume = bibl.find("tei:biblScope[@unit='volume']", NS) is not None or \
            bibl.find("tei:biblScope[@unit='issue']", NS) is not None
        pages = bibl.find("tei:biblScope[@unit='page']", NS) is not None
        web_only = bibl.find("tei:ref", NS) is not None and not volume and not pages
        note = bibl.find("tei:note", NS)
        declared = note is not None and DECLARED_GAP.search(words(note))
        if not (web_only or (volume and pages) or declared):
            problems.append(f"{key}: an article without {'volume or issue' if not volume else 'pages'}")
    return problems


def incomplete_books(tree) -> list[str]:
    """A book (a title of level m, no article or journal) gives its publisher and its year."""
    problems = []
    for key, bibl in references(tree).items():
        levels = set(bibl.xpath("tei:title/@level", namespaces=NS))
        if levels != {"m"}:
            continue
        year = bibl.find("tei:date", NS)
        if year is None or not re.match(r"\d{4}", year.get("when", "")):
            problems.append(f"{key}: a book without its year")
        publisher = bibl.find("tei:publisher", NS)
        if publisher is None or not words(publisher):
            problems.append(f"{key}: a book without its publisher")
    return problems


def web_sources_without_address(tree) -> list[str]:
    """A reference seen as a web page gives its address and how it was seen."""
    problems = []
    for key, bibl in references(tree).items():
        note = bibl.find("tei:note", NS)
        urls = [r.get("target", "") for r in bibl.iter(f"{{{TEI}}}ref")]
        seen_on_the_web = note is not None and SEEN_AS.search(words(note))
        if seen_on_the_web and not any(u.startswith(("http://", "https://")) for u in urls):
            problems.append(f"{key}: seen on the web, but no address")
        if any(u.startswith(("http://", "https://")) for u in urls) and not seen_on_the_web:
            problems.append(f"{key}: a web address without saying how the page was seen")
    return problems


RULES = (entries_without_a_reference, dangling_pointers, unverified_authority_ids,
         malformed_bibliographic_ids, banned_sources,
         certainties_off_the_scale, incomplete_articles, incomplete_books, web_sources_without_address)


# Faults, one per rule: each turns the real registers into a copy the rule must reject.


def first(tree, path):
    return tree.xpath(path, namespaces=NS)[0]


def fault_entry_without_source(tree):
    for ptr in first(tree, ".//tei:person[@xml:id='lenin']").iterfind(".//tei:ptr", NS):
        ptr.getparent().remove(ptr)


def fault_source_missing_from_bibliography(tree):
    first(tree, ".//tei:person[@xml:id='lenin']/tei:note/tei:ptr").set("target", "#src-wikidata-q1394")


def fault_unverified_wikidata_id(tree):
    lenin = first(tree, ".//tei:person[@xml:id='lenin']")
    idno = etree.SubElement(lenin, f"{{{TEI}}}idno", type="wikidata")
    idno.text = "Q1394"
    lenin.insert(list(lenin).index(lenin.find("tei:note", NS)), idno)


def fault_childrens_encyclopedia(tree):
    first(tree, ".//tei:bibl[@xml:id='src-bloom-martin-black-against-empire-2013']").append(
        etree.fromstring(f'<ref xmlns="{TEI}" target="https://kids.britannica.com/students/article/Huey-P-Newton/312709">x</ref>'))


def fault_certainty_off_the_scale(tree):
    first(tree, ".//tei:person[@xml:id='lenin']").set("cert", "certain")


def fault_article_without_volume(tree):
    bibl = first(tree, ".//tei:bibl[@xml:id='src-bovens-lutz-2019']")
    for scope in bibl.xpath("tei:biblScope[@unit = 'volume' or @unit = 'issue']", namespaces=NS):
        bibl.remove(scope)


def fault_book_without_publisher(tree):
    bibl = first(tree, ".//tei:bibl[@xml:id='src-lovell-2019']")
    bibl.remove(bibl.find("tei:publisher", NS))


def fault_isbn_with_a_wrong_check_digit(tree):
    first(tree, ".//tei:bibl[@xml:id='src-lovell-2019']/tei:idno[@type='ISBN']").text = "978-1-847-92249-7"


def fault_web_page_without_address(tree):
    bibl = first(tree, ".//tei:bibl[@xml:id='src-mim-suspended']")
    bibl.remove(bibl.find("tei:ref", NS))


FAULTS = {entries_without_a_reference: (fault_entry_without_source, fault_source_missing_from_bibliography),
          dangling_pointers: (fault_source_missing_from_bibliography,),
          unverified_authority_ids: (fault_unverified_wikidata_id,),
          malformed_bibliographic_ids: (fault_isbn_with_a_wrong_check_digit,),
          banned_sources: (fault_childrens_encyclopedia,),
          certainties_off_the_scale: (fault_certainty_off_the_scale,),
          incomplete_articles: (fault_article_without_volume,),
          incomplete_books: (fault_book_without_publisher,),
          web_sources_without_address: (fault_web_page_without_address,)}


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.__name__)
def test_the_registers_keep_the_rule(rule):
    assert rule(registers()) == []


@pytest.mark.parametrize("rule, fault", [(r, f) for r, faults in FAULTS.items() for f in faults],
                         ids=lambda x: x.__name__)
def test_the_rule_finds_its_fault(rule, fault):
    tree = copy.deepcopy(registers())
    fault(tree)
    assert rule(tree), f"{rule.__name__} did not notice {fault.__name__}"


def test_a_verified_identifier_with_its_note_is_accepted():
    # The rule refuses unverified ids, not ids as such: a declared verification passes.
    tree = copy.deepcopy(registers())
    fault_unverified_wikidata_id(tree)
    note = first(tree, ".//tei:person[@xml:id='lenin']/tei:note")
    note.text = "Wikidata Q1394 verified against the authority's record on 2026-12-03. " + (note.text or "")
    assert unverified_authority_ids(tree) == []


def test_the_header_says_why_there_are_no_authority_ids():
    source = words(first(registers(), ".//tei:teiHeader//tei:sourceDesc"))
    assert "not verified against the authority's record" in source
    assert "capture" in source  # how the web pages were seen


def test_every_rule_has_a_fault():
    assert set(FAULTS) == set(RULES)


def test_the_registers_use_the_whole_scale_they_print():
    used = {e.get("cert") for e in registers().iter() if isinstance(e.tag, str) and e.get("cert")}
    assert used <= certainty_scale()
    assert {"high", "medium"} <= used


# The register pages (built once per session)


def page(built, name):
    return lxml.html.document_fromstring((built / "html" / name).read_bytes())


def test_register_pages_print_the_certainty_in_the_scales_words(built):
    lenin = page(built, "persons.html").xpath("//section[@id = 'lenin']")[0]
    facts = lenin.xpath(".//dl[@class = 'entry-facts']")[0].text_content()
    assert "Certainty" in facts and "checked against the source cited" in facts
    arrest = page(built, "events.html").xpath("//section[@id = 'arrest-of-the-gang-of-four']")[0]
    assert "attested in the source cited, not checked in the edition named" in arrest.text_content()


def test_register_pages_give_each_source_in_full(built):
    tree = registers()
    refs = references(tree)
    for name, kind in (("persons.html", "person"), ("events.html", "event")):
        doc = page(built, name)
        for entry in tree.iterfind(f".//tei:{kind}", NS):
            section = doc.xpath("//section[@id = $id]", id=xml_id(entry))[0]
            listed = " ".join(li.text_content() for li in section.xpath(".//div[@class = 'entry-sources']//li"))
            for ptr in entry.iterfind("tei:note//tei:ptr[@type='source']", NS):
                bibl = refs[ptr.get("target").lstrip("#")]
                full = "".join(bibl.xpath("(text() | *[not(self::tei:note)]//text())", namespaces=NS))
                assert " ".join(full.split()) in " ".join(listed.split()), f"{xml_id(entry)}: {xml_id(bibl)}"


def test_register_pages_date_a_period_by_month(built):
    revolution = page(built, "events.html").xpath("//section[@id = 'cultural-revolution']")[0]
    assert "May 1966–October 1976" in revolution.text_content()


def test_the_works_page_gives_the_bibliography_with_its_addresses(built):
    works = page(built, "works.html")
    hrefs = set(works.xpath("//section[@class = 'references']//a/@href"))
    for key, bibl in references(registers()).items():
        assert works.xpath("//li[@id = $id]", id=key), f"{key} is not listed"
        for ref in bibl.iterfind("tei:ref", NS):
            assert ref.get("target") in hrefs, f"{key}: {ref.get('target')} is not a link"
