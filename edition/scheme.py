"""The citation scheme a header declares (refsDecl/citeStructure), checked as data.

A citeStructure's @match and @use are XPath that the stylesheets evaluate, and its @delim
joins references that end up in file names and URLs. A source may come from anyone, so the
scheme is held to a small declared language before anything evaluates it: paths (any axis
that stays inside the document), predicates, comparisons, literals, ``|``, ``+``/``-`` and a
few functions that read the tree. No variables, no loops (``for``, ``some``, ``to``, ``!``),
no function that reads the environment, a file or the clock, and none that builds strings:
the work an expression asks for grows at most as a power of the document's size, the power
bounded by its nesting (at most four). What that still allows on a large document is
ended by the build's time and memory limits (edition.isolation). @delim is a short run of
punctuation that cannot form a path.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .errors import Problem
from .xmlfile import NS, XmlFile

MAX_LENGTH = 256  # characters of one @match or @use
MAX_NESTING = 4  # predicates and parentheses inside each other
DELIM = re.compile(r"[.,;_~-]{1,3}")
# Each function the language allows, with the numbers of arguments it takes.
FUNCTIONS = {
    "position": (0,), "last": (0,), "count": (1,), "not": (1,), "true": (0,), "false": (0,),
    "boolean": (1,), "string": (0, 1), "normalize-space": (0, 1), "number": (0, 1),
    "name": (0, 1), "local-name": (0, 1), "string-length": (0, 1), "starts-with": (2,),
    "contains": (2,),
}
AXES = {"child", "attribute", "self", "parent", "descendant", "descendant-or-self", "ancestor",
        "ancestor-or-self", "preceding-sibling", "following-sibling", "preceding", "following"}
NODE_TESTS = {"node", "text"}
SUMMARY = ("paths, predicates, comparisons, literals, | + -, and the functions "
           + ", ".join(f"{name}()" for name in FUNCTIONS))

_TOKEN = re.compile(r"""
    (?P<space>\s+)
  | (?P<string>"[^"]*"|'[^']*')
  | (?P<number>\d+(?:\.\d+)?)
  | (?P<name>[A-Za-z_][\w.\-]*(?::(?:[A-Za-z_][\w.\-]*|\*))?)
  | (?P<symbol>//|::|\.\.|!=|<=|>=|[/.@\[\]()|,=<>*+-])
""", re.VERBOSE | re.ASCII)


class SchemeError(ValueError):
    """An expression outside the language, with the reason."""


@dataclass
class _Tokens:
    items: list[tuple[str, str]]
    at: int = 0
    depth: int = 0

    def peek(self, offset: int = 0) -> tuple[str, str]:
        index = self.at + offset
        return self.items[index] if index < len(self.items) else ("end", "")

    def take(self) -> tuple[str, str]:
        token = self.peek()
        self.at += 1
        return token

    def accept(self, value: str) -> bool:
        if self.peek()[1] == value and self.peek()[0] in ("symbol", "name"):
            self.at += 1
            return True
        return False

    def expect(self, value: str) -> None:
        if not self.accept(value):
            raise SchemeError(f"expected {value!r} but found {self.peek()[1] or 'the end'!r}")


def problems(xml: XmlFile) -> list[Problem]:
    """Every citeStructure of the file whose @match, @use or @delim is outside the language."""
    found = []
    for structure in xml.tree.iterfind(".//tei:refsDecl//tei:citeStructure", NS):
        for name in ("match", "use"):
            try:
                check_expression(structure.get(name, ""))
            except SchemeError as error:
                found.append(_problem(xml, structure, f'citeStructure/@{name} "{structure.get(name)}": {error}; '
                                      f"a citation scheme may use {SUMMARY}"))
        delim = structure.get("delim")
        if delim is not None and not DELIM.fullmatch(delim):
            found.append(_problem(xml, structure, f'citeStructure/@delim "{delim}" must be one to three of the '
                                  "characters . , ; _ ~ - (it joins references, which name files and URLs)"))
    return found


def check_expression(text: str) -> None:
    """Raise SchemeError unless ``text`` is an expression of the citation scheme's language."""
    if not text.strip():
        raise SchemeError("it is empty")
    if len(text) > MAX_LENGTH:
        raise SchemeError(f"it is longer than {MAX_LENGTH} characters")
    tokens = _Tokens(_tokenize(text))
    _expression(tokens)
    if tokens.peek()[0] != "end":
        raise SchemeError(f"unexpected {tokens.peek()[1]!r}")


def _tokenize(text: str) -> list[tuple[str, str]]:
    tokens, at = [], 0
    while at < len(text):
        match = _TOKEN.match(text, at)
        if match is None:
            raise SchemeError(f"the character {text[at]!r} is not allowed")
        if match.lastgroup != "space":
            tokens.append((match.lastgroup, match.group()))
        at = match.end()
    return tokens


def _expression(tokens: _Tokens) -> None:
    """or/and of comparisons of sums of unions of paths."""
    tokens.depth += 1
    if tokens.depth > MAX_NESTING:
        raise SchemeError(f"it nests more than {MAX_NESTING} levels of predicates or parentheses")
    _comparison(tokens)
    while tokens.peek() in (("name", "or"), ("name", "and")):
        tokens.take()
        _comparison(tokens)
    tokens.depth -= 1


def _comparison(tokens: _Tokens) -> None:
    _sum(tokens)
    if tokens.peek()[1] in ("=", "!=", "<", "<=", ">", ">=") and tokens.peek()[0] == "symbol":
        tokens.take()
        _sum(tokens)


def _sum(tokens: _Tokens) -> None:
    _union(tokens)
    while tokens.peek() in (("symbol", "+"), ("symbol", "-")):
        tokens.take()
        _union(tokens)


def _union(tokens: _Tokens) -> None:
    _path(tokens)
    while tokens.accept("|"):
        _path(tokens)


def _path(tokens: _Tokens) -> None:
    kind, value = tokens.peek()
    if kind in ("string", "number"):
        tokens.take()
        return
    if value == "(" and kind == "symbol":
        tokens.take()
        _expression(tokens)
        tokens.expect(")")
        return
    if kind == "name" and tokens.peek(1) == ("symbol", "(") and value not in NODE_TESTS:
        _function(tokens)
        return
    if tokens.accept("/"):
        if _starts_step(tokens.peek()):
            _relative(tokens)
        return
    if tokens.accept("//"):
        _relative(tokens)
        return
    _relative(tokens)


def _starts_step(token: tuple[str, str]) -> bool:
    kind, value = token
    return kind == "name" or (kind == "symbol" and value in (".", "..", "@", "*"))


def _relative(tokens: _Tokens) -> None:
    _step(tokens)
    while tokens.peek() in (("symbol", "/"), ("symbol", "//")):
        tokens.take()
        _step(tokens)


def _step(tokens: _Tokens) -> None:
    if tokens.accept(".") or tokens.accept(".."):
        return
    if not tokens.accept("@"):
        kind, value = tokens.peek()
        if kind == "name" and tokens.peek(1) == ("symbol", "::"):
            if value not in AXES:
                raise SchemeError(f"the axis {value!r} is not allowed")
            tokens.take(), tokens.take()
    _node_test(tokens)
    while tokens.accept("["):
        _expression(tokens)
        tokens.expect("]")


def _node_test(tokens: _Tokens) -> None:
    kind, value = tokens.take()
    if kind == "symbol" and value == "*":
        return
    if kind != "name":
        raise SchemeError(f"expected a name but found {value or 'the end'!r}")
    if value in NODE_TESTS and tokens.peek() == ("symbol", "("):
        tokens.take()
        tokens.expect(")")


def _function(tokens: _Tokens) -> None:
    _, name = tokens.take()
    if name not in FUNCTIONS:
        raise SchemeError(f"the function {name}() is not allowed")
    tokens.expect("(")
    count = 0
    if not tokens.accept(")"):
        _expression(tokens)
        count = 1
        while tokens.accept(","):
            _expression(tokens)
            count += 1
        tokens.expect(")")
    if count not in FUNCTIONS[name]:
        raise SchemeError(f"{name}() takes {' or '.join(map(str, FUNCTIONS[name]))} arguments, not {count}")


def _problem(xml: XmlFile, element, message: str) -> Problem:
    return Problem(str(xml.path), *xml.position(element), message)
