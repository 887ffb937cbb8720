"""Validation: RELAX NG, then Schematron, both generated from schema/edition.odd.

Every problem of every file is collected, each with its file, line and column.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
import os
import re
import stat
import threading
import urllib.parse
from pathlib import Path

from lxml import etree, isoschematron

from . import isolation, document_names, scheme
from .errors import EditionError, Problem
from .project import Project
from .xmlfile import XmlFile, parse, safe_parser

SVRL = {"svrl": "http://purl.oclc.org/dsdl/svrl"}
XSL = "http://www.w3.org/1999/XSL/Transform"
# The rules read the edition's own files through _EditionFiles alone: reading files stays allowed
# here only because libxslt asks this control before it asks the resolver.
ACCESS = etree.XSLTAccessControl(read_network=False, write_file=False, create_dir=False, write_network=False)
_DOCTYPE = re.compile(rb"<!DOCTYPE", re.IGNORECASE)


Checked = tuple[list[Problem], "document_names.Named | None"]  # a file's problems, and its document id if it has one


class Validator:
    """The edition's two schemas, loaded once, applied to any number of files."""

    def __init__(self, project: Project):
        self._rng = etree.RelaxNG(_load(project.schema / "edition.rng"))
        self._sch = _schematron(_load(project.schema / "edition.sch"))
        self._max_bytes = project.max_source_bytes

    def check_path(self, path: Path) -> Checked:
        """Read, parse and check one file: its problems, and its document id if it has one."""
        try:
            document = parse(path, max_bytes=self._max_bytes)
        except EditionError as error:
            return error.problems, None
        problems = document_names.root(document)
        if problems:
            return problems, None
        problems = self.check(document) + document_names.id_problems(document)
        return problems, document_names.Named(document_names.document_id(document), str(path), document.position(document.tree.getroot()))

    def check(self, document: XmlFile) -> list[Problem]:
        return self._grammar(document) + self._rules_and_neighbours(document) + scheme.problems(document)

    def first_problem(self, document: XmlFile) -> list[Problem]:
        """The grammar's first problem, or else the rules' problems: enough to know whether a
        document is the edition's (a foreign one can have a hundred thousand)."""
        return self._grammar(document, limit=1) or self._rules_and_neighbours(document)

    def _rules_and_neighbours(self, document: XmlFile) -> list[Problem]:
        """The rules' problems; a file the document points to that is not beside it is one
        problem, in place of one for each pointer into it."""
        missing = files_not_beside(document)
        return list(missing.values()) + [problem for problem in self._rules(document)
                                         if not any(f'{name}#' in problem.message for name in missing)]

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


POINTER_TO_FILE = re.compile(r"(?<![^\s])([\w.-]+\.xml)#")  # "registers.xml#mim", as one of an attribute's pointers


def files_not_beside(document: XmlFile) -> dict[str, Problem]:
    """Each file the document's pointers name ("registers.xml#mim") that is not in its folder,
    with a problem at its first pointer: the edition's files point to each other by file name
    alone, so a text copied elsewhere without its registers cannot be checked."""
    folder = document.path.parent
    beside: dict[str, bool] = {}
    missing: dict[str, Problem] = {}
    counts: dict[str, int] = {}
    for value in document.tree.xpath("//@*[contains(., '.xml#')]"):  # the attributes that can name a file
        element, attribute = value.getparent(), value.attrname
        for name in POINTER_TO_FILE.findall(value):
            if name not in beside:  # asked once a file name, not once a pointer
                beside[name] = (folder / name).is_file()
            if beside[name]:
                continue
            counts[name] = counts.get(name, 0) + 1
            missing.setdefault(name, Problem(str(document.path), *document.position(element), (
                f'{name} is not beside this file: @{attribute.rpartition("}")[2]}="{value}" names it by its '
                f"file name, so it must sit in the same folder ({folder})")))
    return {name: _counted(problem, counts[name]) for name, problem in missing.items()}


def _counted(problem: Problem, count: int) -> Problem:
    if count == 1:
        return problem
    return dataclasses.replace(problem, message=f"{problem.message}; {count - 1} other pointers of this file name it too")


def validate(project: Project, paths: list[Path] | None = None) -> list[Problem]:
    """Every problem of the given files (default: every TEI file of texts/). Each file is
    checked in a worker process, within the project's time and memory limits."""
    with isolation.Worker(Validator, (project,), project.limits) as worker:
        return check_files(list(paths or project.text_files()), lambda path: worker.call("check_path", path))


def check_files(paths: list[Path], check_path: Callable[[Path], Checked]) -> list[Problem]:
    """The problems of each file (``check_path``: Validator.check_path, in this process or in a
    worker's), then the collisions of their document ids."""
    problems, named = [], []
    for path in paths:
        try:
            found, name = check_path(path)
        except isolation.LimitExceeded as exceeded:
            found, name = [exceeded.problem(path, "checking this document")], None
        problems += found
        named += [name] if name else []
    return [shown(problem) for problem in problems + document_names.collisions(named)]


def _load(path: Path) -> etree._ElementTree:
    try:
        return etree.parse(str(path), safe_parser())
    except (OSError, etree.XMLSyntaxError) as error:
        raise EditionError.at(path, f"cannot load the schema ({error}); run `edition schema`") from None


def _schematron(schema: etree._ElementTree) -> "Rules":
    """The Schematron compiled to XSLT by lxml, each pattern visiting only the nodes its rules
    are about, reading other files through _EditionFiles alone."""
    stylesheet = rules_stylesheet(schema)
    try:
        visit_rule_contexts(stylesheet)
    except UnexpectedSkeleton as error:
        raise EditionError.at(schema.docinfo.URL, f"lxml {etree.__version__} compiles the Schematron in a way "
                              f"the validator does not know ({error})") from None
    return Rules(stylesheet)


def rules_stylesheet(schema: etree._ElementTree, fired_rules: bool = False) -> etree._ElementTree:
    """The Schematron as lxml's XSLT 1.0 skeleton compiles it, with the locations of attributes
    mended; its report lists the rules that fired only if ``fired_rules`` (nothing here reads
    them, and they are an element for each node a rule is about).

    The skeleton writes an attribute's location without its element ("/@ref"); one added step
    makes it the full path, so the problem has a line.
    """
    params = {} if fired_rules else {"generate-fired-rule": "'false'"}  # an XPath: the string false
    stylesheet = isoschematron.Schematron(schema, store_xslt=True, compile_params=params).validator_xslt
    for template in stylesheet.iterfind(f"{{{XSL}}}template[@match='@*'][@mode='schematron-get-full-path']"):
        template.insert(0, etree.Element(f"{{{XSL}}}apply-templates", select="parent::*", mode="schematron-get-full-path"))
    return stylesheet


class UnexpectedSkeleton(Exception):
    """lxml's compiled Schematron is not shaped as visit_rule_contexts expects."""


def visit_rule_contexts(stylesheet: etree._ElementTree) -> None:
    """Each pattern's rules applied to the nodes their contexts select, in document order.

    The skeleton walks every element and attribute of the document once for each pattern (and
    once more for each in the default mode, which finds nothing), where a pattern's rules are
    about a few of them: the same rules now fire on the same nodes in the same order, at a
    fraction of the cost. Raises UnexpectedSkeleton, rather than check less, if the skeleton's
    output is not as expected."""
    [root] = [t for t in stylesheet.iterfind(f"{{{XSL}}}template[@match='/']") if t.get("mode") is None]
    for walk in [a for a in root.iter(f"{{{XSL}}}apply-templates") if a.get("mode") is None and a.get("select") is None]:
        walk.getparent().remove(walk)
    passes = [a for a in root.iter(f"{{{XSL}}}apply-templates") if a.get("select") == "/" and a.get("mode")]
    if not passes:
        raise UnexpectedSkeleton("no pass for the patterns")
    for visit in passes:
        rules = _rule_templates(stylesheet, visit.get("mode"))
        visit.set("select", " | ".join(_selected(rule.get("match")) for rule in rules))
    # The document's elements, found once for every pattern (see _selected).
    root.insert(0, etree.Element(f"{{{XSL}}}variable", name=ELEMENTS, select="/ | //*"))


def _rule_templates(stylesheet: etree._ElementTree, mode: str) -> list[etree._Element]:
    """The templates of a pattern's rules, each made to stop at its node rather than go on to
    the node's attributes and children; the pattern's fallbacks (for the nodes no rule is
    about, priority below 0) go on no more either."""
    rules = []
    for template in stylesheet.iterfind(f"{{{XSL}}}template[@mode='{mode}']"):
        steps = [a for a in template.iterfind(f"{{{XSL}}}apply-templates") if a.get("mode") == mode]
        if any(step.get("select") != "@*|*" for step in steps):
            raise UnexpectedSkeleton(f"pass {mode} steps on to other nodes than attributes and children")
        for step in steps:
            template.remove(step)
        if float(template.get("priority", "0")) >= 0:
            if len(steps) != 1:
                raise UnexpectedSkeleton(f"the rule {template.get('match')} does not go on to its node's attributes and children")
            rules.append(template)
    if not rules:
        raise UnexpectedSkeleton(f"pass {mode} has no rules")
    return rules


ELEMENTS = "visited-elements"  # the root and every element of the document, once for all patterns
# The skeleton's walk visits the root, elements and attributes alone: text, a comment or a
# processing instruction that a pattern's last step (text(), node(), key(...)) may match is
# left out, as the walk leaves it.
VISITED_ONLY = "[self::* or not(..) or count(. | ../@*) = count(../@*)]"


def _selected(pattern: str) -> str:
    """The XPath that selects the nodes an XSLT 1.0 match pattern matches, of those the
    skeleton's walk visits: an absolute alternative as it is, a relative one (tei:ptr,
    @ref[...]) anywhere in the document. A pattern's steps are child and attribute steps, and
    only the root and elements have children or attributes: $visited-elements/x is //x
    without walking the document again."""
    selected = []
    for alternative in _split(pattern, "|"):
        path = alternative if alternative.startswith(("/", "id(", "key(")) else f"${ELEMENTS}/{alternative}"
        last_test = _split(alternative, "/")[-1].split("[", 1)[0].strip()
        selected.append(path + VISITED_ONLY if last_test.endswith(")") else path)
    return " | ".join(selected)


def _split(expression: str, separator: str) -> list[str]:
    """The parts of an expression between its separators outside brackets, parentheses and
    quotes (a pattern's alternatives at |, a path's steps at /)."""
    parts, depth, quote, start = [], 0, "", 0
    for index, character in enumerate(expression):
        if quote:
            quote = "" if character == quote else quote
        elif character in "'\"":
            quote = character
        elif character in "[(":
            depth += 1
        elif character in "])":
            depth -= 1
        elif character == separator and depth == 0:
            parts.append(expression[start:index].strip())
            start = index + 1
    return parts + [expression[start:].strip()]


class Rules:
    """The compiled Schematron, applied to one document with the files beside it readable."""

    def __init__(self, stylesheet: etree._ElementTree):
        # document() asks the resolvers of the parser that parsed the stylesheet, and parses
        # what they give with it: parsed again here, so that this is known to be ours.
        self._files = _EditionFiles()
        parser = safe_parser()
        parser.resolvers.add(self._files)
        self._transform = etree.XSLT(etree.fromstring(etree.tostring(stylesheet), parser), access_control=ACCESS)

    def __call__(self, tree: etree._ElementTree) -> etree._ElementTree:
        self._files.local.folder = _folder_of(tree.docinfo.URL)
        try:
            return self._transform(tree)
        except etree.XMLSyntaxError as error:  # raised by the parser of a file document() read
            raise etree.XSLTApplyError(f"{error.filename} is not well-formed XML") from None
        finally:
            self._files.local.folder = None


class _EditionFiles(etree.Resolver):
    """What the rules' document() may read: a regular file of the folder of the document being
    checked (its edition's folder of texts), never a file elsewhere, a link leading out, a pipe or
    a device. Every other request gets an empty document, never None, which would let libxml2
    open it; a file of the folder that declares a document type stops the rules, as one that is
    not well-formed does."""

    def __init__(self):
        super().__init__()
        self.local = threading.local()  # the folder of the document being checked, per thread

    def resolve(self, url, pubid, context):
        data = _edition_file(getattr(self.local, "folder", None), url)
        if data is None:
            return self.resolve_empty(context)
        if _DOCTYPE.search(data):
            raise etree.XSLTApplyError(f"{url} has a document type declaration")
        return self.resolve_string(data, context, base_url=url)


def _folder_of(url: str | None) -> str | None:
    path = _local_path(url or "")
    return os.path.dirname(os.path.realpath(path)) if path else None


def _local_path(url: str) -> str | None:
    """The absolute path a file: URL names, or None for anything else (a host, a query, "..")."""
    parts = urllib.parse.urlsplit(url)
    if parts.scheme != "file" or parts.netloc not in ("", "localhost") or parts.query or parts.fragment:
        return None
    path = urllib.parse.unquote(parts.path)
    if not path.startswith("/") or "\0" in path or ".." in path.split("/"):
        return None
    return path


def _edition_file(folder: str | None, url: str) -> bytes | None:
    """The bytes of the file ``url`` names if it is a regular file of ``folder``, else None.
    Opened without following a link and without waiting on a pipe, and checked once open, so
    that nothing swapped in after the check is read."""
    path = _local_path(url)
    if folder is None or path is None or os.path.dirname(path) != folder:
        return None
    real = os.path.realpath(path)
    if os.path.dirname(real) != folder:
        return None
    try:
        descriptor = os.open(real, os.O_RDONLY | os.O_NONBLOCK | os.O_NOFOLLOW | os.O_CLOEXEC)
    except OSError:
        return None
    with os.fdopen(descriptor, "rb") as file:
        if not stat.S_ISREG(os.fstat(file.fileno()).st_mode):
            return None
        return file.read()


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
