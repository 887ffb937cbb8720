"""Fuzzing: whatever file arrives, validate and build end in time with exit 0 or 1 and
a message, never a traceback or a hang. CI runs more examples than a local run."""

from __future__ import annotations

import copy
import os

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

from edition import build as builder
from edition.errors import EditionError
from edition.validate import validate

settings.register_profile("local", max_examples=30, deadline=20_000)
settings.register_profile("ci", max_examples=150, deadline=20_000)
settings.load_profile("ci" if os.environ.get("CI") else "local")
FIXTURES = settings(suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])

TEI_NS = "http://www.tei-c.org/ns/1.0"
NAMES = ["TEI", "teiHeader", "fileDesc", "titleStmt", "title", "text", "body", "div", "head", "p", "cit",
         "quote", "bibl", "choice", "sic", "corr", "orig", "reg", "persName", "date", "note", "ref", "ptr", "hi"]
ATTRIBUTES = ["type", "n", "ref", "target", "when", "{http://www.w3.org/XML/1998/namespace}id", "rend", "ana"]


def outcome(project, data: bytes) -> None:
    """Validate, then build the text, of the edition with ``data`` as one of its works."""
    (project.texts / "mim-program-1996.xml").write_bytes(data)
    try:
        if not validate(project):
            builder.build(project, formats=("text",))
    except EditionError as error:
        assert error.problems and all(p.message and p.path for p in error.problems)


elements = st.recursive(
    st.builds(lambda name, text: (name, {}, text, []), st.sampled_from(NAMES), st.text(max_size=20)),
    lambda children: st.builds(lambda name, attrs, text, kids: (name, attrs, text, kids), st.sampled_from(NAMES),
                               st.dictionaries(st.sampled_from(ATTRIBUTES), st.text(max_size=12), max_size=3),
                               st.text(max_size=20), st.lists(children, max_size=4)),
    max_leaves=30)


def to_xml(node) -> etree._Element:
    name, attrs, text, kids = node
    element = etree.Element(f"{{{TEI_NS}}}{name}")
    for key, value in attrs.items():
        element.set(key, "".join(c for c in value if c.isprintable()))
    element.text = "".join(c for c in text if c.isprintable())
    element.extend(to_xml(kid) for kid in kids)
    return element


@FIXTURES
@given(elements)
def test_generated_tei_like_documents(project_copy, node):
    outcome(project_copy, etree.tostring(to_xml(("TEI", {}, "", [node])), xml_declaration=True, encoding="UTF-8"))


MUTATIONS = ["delete element", "duplicate element", "swap elements", "delete attribute", "duplicate attribute"]


@FIXTURES
@given(st.sampled_from(MUTATIONS), st.integers(min_value=0), st.integers(min_value=0))
def test_mutated_real_texts(project_copy, original_mim, mutation, first, second):
    root = copy.deepcopy(original_mim)
    elements = list(root.iter(etree.Element))[1:]
    a, b = elements[first % len(elements)], elements[second % len(elements)]
    if mutation == "delete element":
        a.getparent().remove(a)
    elif mutation == "duplicate element":
        a.addnext(copy.deepcopy(a))
    elif mutation == "swap elements" and a is not b and b not in a.iterancestors() and a not in b.iterancestors():
        marker = etree.Element("marker")
        a.addprevious(marker)
        b.addprevious(a)
        marker.addprevious(b)
        marker.getparent().remove(marker)
    elif mutation.endswith("attribute") and a.attrib:
        key = sorted(a.attrib)[second % len(a.attrib)]
        if mutation == "delete attribute":
            del a.attrib[key]
        else:
            b.set(key, a.get(key))
    outcome(project_copy, etree.tostring(root, xml_declaration=True, encoding="UTF-8"))


@FIXTURES
@given(st.integers(min_value=0), st.integers(min_value=1, max_value=255), st.booleans())
def test_flipped_or_truncated_bytes(project_copy, original_bytes, position, flip, truncate):
    data = bytearray(original_bytes)
    index = position % len(data)
    if truncate:
        data = data[:index]
    else:
        data[index] ^= flip
    outcome(project_copy, bytes(data))


@pytest.fixture(scope="module")
def original_bytes(project):
    return (project.texts / "mim-program-1996.xml").read_bytes()


@pytest.fixture(scope="module")
def original_mim(original_bytes):
    return etree.fromstring(original_bytes)
