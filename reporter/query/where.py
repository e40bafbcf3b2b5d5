"""``--where``: a condition over a fact's export record, read by a parser of our own.

The language is small on purpose: comparisons (``= == != < <= > >=``) of a field with a string
(``"2019"``) or number (``1e4``) literal or another field, joined by ``and``, ``or``, ``not`` and
parentheses. Field names are the keys of ``reporter export``'s records. Nothing the user types is
ever run as Python: the text is tokenised, parsed into closures over a fact, and a mistake is a
:class:`WhereError` naming the column (1-based) where it is.

A comparison with a missing value (a fact with no ``yoy_pct``) is false, as in SQL; a number
compared with a text field compares with the number as typed (``period >= 2019`` is
``period >= "2019"``).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from reporter.model import units

if TYPE_CHECKING:
    from reporter.model.dataset import Dataset
    from reporter.model.records import Fact

Test = Callable[["Fact"], bool]
Getter = Callable[["Fact"], Any]

NUMBER_FIELDS = ("value", "yoy_pct", "previous", "rank_change", "value_base")
TEXT_FIELDS = ("region", "region_name", "metric", "label", "label_en", "theme", "unit", "period", "qualifier",
               "note", "source", "quote", "unit_base", "value_text")
FIELDS = (*TEXT_FIELDS[:6], "value", "unit", "period", "qualifier", "yoy_pct", "previous", "rank_change",
          "note", "source", "quote", "value_base", "unit_base", "value_text")

_TOKEN = re.compile(r"""\s*(?:
    (?P<number>-?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?)
  | (?P<string>"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*')
  | (?P<op><=|>=|==|!=|<>|=|<|>)
  | (?P<paren>[()])
  | (?P<word>[A-Za-z_][A-Za-z_0-9]*)
)""", re.VERBOSE)
_COMPARE: dict[str, Callable[[Any, Any], bool]] = {
    "=": lambda a, b: a == b, "==": lambda a, b: a == b, "!=": lambda a, b: a != b, "<>": lambda a, b: a != b,
    "<": lambda a, b: a < b, "<=": lambda a, b: a <= b, ">": lambda a, b: a > b, ">=": lambda a, b: a >= b}


class WhereError(Exception):
    """A condition that does not parse: what is wrong (a message key and its fields, a field that is a
    ``where.…`` key itself being a message too) and the column."""

    def __init__(self, key: str, column: int, **fields: str) -> None:
        super().__init__(key)
        self.key, self.column, self.fields = key, column, fields


Token = tuple[str, str, int]  # kind, text, column (1-based)


def tokenise(text: str) -> list[Token]:
    """The tokens of a condition; anything else is a :class:`WhereError` at its column."""
    tokens: list[Token] = []
    at = 0
    while at < len(text):
        found = _TOKEN.match(text, at)
        if found is None or found.end() == at:
            if not text[at:].strip():
                break
            column = at + len(text[at:]) - len(text[at:].lstrip()) + 1
            raise WhereError("where.unexpected", column, text=text[column - 1:column + 9])
        kind = found.lastgroup or ""
        column = found.start(kind) + 1
        word = found.group(kind)
        if kind == "word" and word.lower() in ("and", "or", "not"):
            kind, word = word.lower(), word.lower()
        tokens.append((kind, word, column))
        at = found.end()
    return tokens


Node = tuple[Any, ...]  # ("or"|"and", [nodes]) | ("not", node) | ("compare", op, left, right)


class _Parser:
    """Recursive descent: or → and → not → comparison → operand; the result is a tree of tuples."""

    def __init__(self, text: str) -> None:
        self.tokens, self.at, self.end = tokenise(text), 0, len(text) + 1

    def peek(self) -> Token | None:
        return self.tokens[self.at] if self.at < len(self.tokens) else None

    def take(self) -> Token:
        token = self.peek()
        if token is None:
            raise WhereError("where.incomplete", self.end)
        self.at += 1
        return token

    def parse(self) -> Node:
        tree = self.joined("or")
        left = self.peek()
        if left is not None:
            raise WhereError("where.unexpected", left[2], text=left[1])
        return tree

    def joined(self, word: str) -> Node:
        parts = [self.joined("and") if word == "or" else self.negated()]
        while (token := self.peek()) is not None and token[0] == word:
            self.at += 1
            parts.append(self.joined("and") if word == "or" else self.negated())
        return parts[0] if len(parts) == 1 else (word, parts)

    def negated(self) -> Node:
        token = self.peek()
        if token is not None and token[0] == "not":
            self.at += 1
            return ("not", self.negated())
        if token is not None and token[1] == "(":
            self.at += 1
            inner = self.joined("or")
            closing = self.take()
            if closing[1] != ")":
                raise WhereError("where.expected", closing[2], what=")", text=closing[1])
            return inner
        return self.comparison()

    def comparison(self) -> Node:
        left = self.operand()
        op = self.take()
        if op[0] != "op":
            raise WhereError("where.expected", op[2], what="where.comparison", text=op[1])
        right = self.operand()
        return ("compare", op[1], *_sides(left, right))

    def operand(self) -> Token:
        kind, text, column = self.take()
        if kind == "string":
            return kind, re.sub(r"\\(.)", r"\1", text[1:-1]), column
        if kind == "word" and text not in FIELDS:
            raise WhereError("where.field", column, text=text, fields=", ".join(FIELDS))
        if kind not in ("number", "word"):
            raise WhereError("where.expected", column, what="where.operand", text=text)
        return kind, text, column


def _sides(left: Token, right: Token) -> tuple[Node, Node]:
    """Both sides of a comparison as ("field", name) or ("value", constant): a number beside a text
    field is the number's text; text beside a number field is refused (it could never be true)."""
    if left[0] != "word" and right[0] != "word":
        raise WhereError("where.no_field", left[2])
    numeric = {t[1] for t in (left, right) if t[0] == "word" and t[1] in NUMBER_FIELDS}
    sides: list[Node] = []
    for kind, text, column in (left, right):
        if kind == "word":
            sides.append(("field", text))
        elif kind == "number":
            sides.append(("value", Decimal(text) if numeric else text))
        elif numeric:
            raise WhereError("where.text_number", column, text=text, field=min(numeric))
        else:
            sides.append(("value", text))
    return sides[0], sides[1]


def parse_where(text: str) -> Node:
    """A ``--where`` condition, parsed (raises :class:`WhereError`); no data needed, so a bad one
    is refused before any data is read."""
    if not text.strip():
        raise WhereError("where.incomplete", 1)
    return _Parser(text).parse()


def where_test(tree: Node, data: Dataset) -> Test:
    """The test a parsed condition makes of a fact of ``data``."""
    kind = tree[0]
    if kind in ("or", "and"):
        tests = [where_test(part, data) for part in tree[1]]
        return (lambda f: any(t(f) for t in tests)) if kind == "or" else (lambda f: all(t(f) for t in tests))
    if kind == "not":
        inner = where_test(tree[1], data)
        return lambda f: not inner(f)
    compare, first, second = _COMPARE[tree[1]], _reader(tree[2], data), _reader(tree[3], data)

    def test(fact: Fact) -> bool:
        a, b = first(fact), second(fact)
        if a is None or b is None:
            return False
        try:
            return compare(a, b)
        except TypeError:  # a number field beside a text field: never equal, never ordered
            return False
    return test


def _reader(side: Node, data: Dataset) -> Getter:
    if side[0] == "value":
        constant = side[1]
        return lambda _f: constant
    metrics, regions = data.metrics, data.regions
    getters: dict[str, Getter] = {
        "region": lambda f: f.region, "region_name": lambda f: regions[f.region].zh, "metric": lambda f: f.metric,
        "label": lambda f: metrics[f.metric].zh, "label_en": lambda f: metrics[f.metric].en,
        "theme": lambda f: metrics[f.metric].theme, "value": lambda f: f.quantity.value,
        "unit": lambda f: f.quantity.unit, "period": lambda f: f.period.canonical,
        "qualifier": lambda f: f.quantity.qualifier, "yoy_pct": lambda f: f.yoy_pct, "previous": lambda f: f.previous,
        "rank_change": lambda f: None if f.rank_change is None else Decimal(f.rank_change),
        "note": lambda f: f.note, "source": lambda f: f.source, "quote": lambda f: f.quote,
        "value_base": lambda f: base_value(f, metrics[f.metric].unit), "unit_base": lambda f: metrics[f.metric].unit,
        "value_text": lambda f: f.quantity.written}
    return getters[side[1]]


def base_value(fact: Fact, unit: str) -> Decimal | None:
    """A fact's value in its metric's unit, exactly (None when the units do not convert)."""
    if fact.quantity.unit == unit:
        return fact.quantity.value
    try:
        return units.convert(fact.quantity.value, fact.quantity.unit, unit)
    except ValueError:
        return None
