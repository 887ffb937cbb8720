"""Validation: RELAX NG, then Schematron, both generated from schema/edition.odd.

Every problem of every file is collected, each with its file, line and column.
"""

from __future__ import annotations

import dataclasses
import os
import re
from pathlib import Path

from lxml import etree, isoschematron

from . import names, scheme
from .errors import EditionError, Problem
from .project import Project
from .xmlfile import XmlFile, parse, safe_parser

SVRL = {"svrl": "http://purl.oclc.org/dsdl/svrl"}
XSL = "http://www.w3.org/1999/XSL/Transform"
# The rules may read the edition's own files (document()) but nothing else.
ACCESS = etree.XSLTAccessControl(read_network=False, write_file=False, create_dir=False, write_network=False)


class Validator:
    """The edition's two schemas, loaded once, applied to any number of files."""

    def __init__(self, project: Project):
        self._rng = etree.RelaxNG(_load(project.schema / "edition.rng"))
        self._sch = _schematron(_load(project.schema / "edition.sch"))

    def check(self, document: XmlFile) -> list[Problem]:
        return self._grammar(document) + self._rules(document) + scheme.problems(document)

    def first_problem(self, document: XmlFile) -> list[Problem]:
        """The grammar's first problem, or else the rules' problems: enough to know whether a
        document is the edition's (a foreign one can have a hundred thousand)."""
        return self._grammar(document, limit=1) or self._rules(document) + scheme.problems(document)

    def _grammar(self, document: XmlFile, limit: int | None = None) -> list[Problem]:
        if self._rng.validate(document.tree):
            return []
        problems, previous = [], (0, 0)
        for entry in list(self._rng.error_log)[:limit]:
            if entry.path or entry.line:
                previous = _located(document, entry.path, entry.line)
            else:
                previous = _unlocated(document, entry.message, previous)
            problems.append(Problem(str(document.path), *previous, entry.message))
        return problems

    def _rules(self, document: XmlFile) -> list[Problem]:
        try:
            report = self._sch(document.tree)
        except etree.XSLTApplyError as error:
            # A file this one points to could not be read: that file's own problems say why.
            return [Problem(str(document.path), *document.position(document.tree.getroot()),
                            "its pointers into other files could not be checked: " + " ".join(str(error).split()))]
        return [
            Problem(
                str(document.path),
                *_located(document, failure.get("location"), 0),
                " ".join(failure.findtext("svrl:text", "", SVRL).split()),
            )
            for failure in report.iterfind("svrl:failed-assert", SVRL)
        ]


def validate(project: Project, paths: list[Path] | None = None) -> list[Problem]:
    """Every problem of the given files (default: every TEI file of texts/)."""
    documents, problems = parse_all(paths or project.text_files())
    return problems + check(project, documents)


def parse_all(paths: list[Path]) -> tuple[list[XmlFile], list[Problem]]:
    """The files that parse, and the problems of those that do not."""
    documents, problems = [], []
    for path in paths:
        try:
            documents.append(parse(path))
        except EditionError as error:
            problems += error.problems
    return documents, [shown(problem) for problem in problems]


def check(project: Project, documents: list[XmlFile]) -> list[Problem]:
    """The names of all files together (ids must not collide), then each TEI file against
    the grammar and the rules."""
    validator = Validator(project)
    problems = []
    for document in documents:
        problems += names.root(document) or validator.check(document)
    problems += names.document_ids([document for document in documents if not names.root(document)])
    return [shown(problem) for problem in problems]


def _load(path: Path) -> etree._ElementTree:
    try:
        return etree.parse(str(path), safe_parser())
    except (OSError, etree.XMLSyntaxError) as error:
        raise EditionError.at(path, f"cannot load the schema ({error}); run `edition schema`") from None


def _schematron(schema: etree._ElementTree) -> etree.XSLT:
    """The Schematron compiled to XSLT by lxml, with the locations of attributes mended.

    lxml's XSLT 1.0 skeleton writes an attribute's location without its element
    ("/@ref"); one added step makes it the full path, so the problem has a line.
    """
    stylesheet = isoschematron.Schematron(schema, store_xslt=True).validator_xslt
    for template in stylesheet.iterfind(f"{{{XSL}}}template[@match='@*'][@mode='schematron-get-full-path']"):
        template.insert(0, etree.Element(f"{{{XSL}}}apply-templates", select="parent::*", mode="schematron-get-full-path"))
    return etree.XSLT(stylesheet, access_control=ACCESS)


def _located(document: XmlFile, xpath: str | None, line: int) -> tuple[int, int]:
    """Line and column of the node an XPath names, else of the first element on ``line``."""
    try:
        nodes = document.tree.xpath(xpath) if xpath else []
    except etree.XPathError:
        nodes = []
    if nodes and hasattr(nodes[0], "getparent"):
        return document.position(nodes[0])
    element = document.first_on_line.get(line)
    return document.position(element) if element is not None else (line, 0)


def _unlocated(document: XmlFile, message: str, previous: tuple[int, int]) -> tuple[int, int]:
    """Where an error libxml2 gives no location belongs ("Element change failed to validate
    attributes", inside an interleave): a guess, the first element it names after the previous
    error, since libxml2 reports in document order; else the previous error's place."""
    name = re.match(r"Element (?:[\w.-]+:)?([\w.-]+) ", message)
    for element in document.tree.iter("{*}" + name.group(1)) if name else ():
        if document.position(element) > previous:
            return document.position(element)
    return previous


def shown(problem: Problem) -> Problem:
    """The problem with its path relative to the working folder where that is shorter."""
    relative = os.path.relpath(problem.path)
    path = relative if not relative.startswith("..") else problem.path
    return dataclasses.replace(problem, path=path)
