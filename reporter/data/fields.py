"""Reading the values of YAML nodes, each problem recorded with its file, line and column.

The composer (:mod:`reporter.data.yaml_file`) leaves every scalar as the text that was written; the
readers here decide what that text means (a number as written, a period, an id, one of a
list of words) and say precisely what is wrong when it means nothing. A reader returns the
value, or ``None`` after recording a problem, so a whole file's problems come out in one run.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache
from typing import Any

from reporter.data.rules import MAX_DIGITS, Field
from reporter.data.yaml_events import MappingNode, SequenceNode
from reporter.errors import Problem
from reporter.messages import Message
from reporter.model.period_words import parse_period
from reporter.model.periods import Period, PeriodError
from reporter.model.records import Origin

ID = re.compile(r"[a-z0-9][a-z0-9_-]*")
NUMBER = re.compile(r"-?(0|[1-9][0-9]*)(\.[0-9]+)?")
_INTEGER = re.compile(r"[-+]?(0|[1-9][0-9]{0,8})")  # a rank move of a billion places is a typo
_NULLS = ("~", "null", "Null", "NULL")
_KIND_WORDS = {MappingNode: "mapping", SequenceNode: "sequence"}  # anything else: a scalar


class Node:
    """A YAML node and the file it came from, so every complaint can say where (slotted: a large
    file makes tens of thousands)."""

    __slots__ = ("node", "path")

    def __init__(self, node: Any, path: str) -> None:
        self.node = node
        self.path = path

    @property
    def line(self) -> int:
        return int(self.node.start_mark.line) + 1

    @property
    def column(self) -> int:
        return int(self.node.start_mark.column) + 1

    @property
    def origin(self) -> Origin:
        return Origin(self.path, self.line, self.column)

    @property
    def is_mapping(self) -> bool:
        return type(self.node) is MappingNode

    @property
    def is_scalar(self) -> bool:
        return type(self.node) not in _KIND_WORDS


class Fields:
    """A mapping read against its :data:`~reporter.data.rules.FIELDS` spec: the values read, each value's
    node, and the names of the fields that could not be read (written wrongly, or required and
    missing): a part is whole when there are none. Each field is read on its own, so a part with
    one bad field still says what its other fields hold (a fact's metric is checked even when
    its period is mistyped)."""

    __slots__ = ("values", "nodes", "at", "failed")

    def __init__(self, values: dict[str, Any], nodes: dict[str, Node], at: Node,
                 failed: frozenset[str] = frozenset()) -> None:
        self.values, self.nodes, self.at, self.failed = values, nodes, at, failed

    @property
    def whole(self) -> bool:
        """Every field was read, and none is missing or unknown."""
        return not self.failed

    def get(self, name: str, default: Any = None) -> Any:
        return self.values.get(name, default)

    def __getitem__(self, name: str) -> Any:
        return self.values[name]

    def __contains__(self, name: str) -> bool:
        return name in self.values


What = str | Message  # what a value is, in a message: a field's name as written, or words ("fact")


@cache
def _field_word(name: str) -> Message:
    """How a message names a field (the same few names, read thousands of times)."""
    return Message("what.field", name=name)


class NodeReader:
    """Readers of node values; problems collect in :attr:`problems`."""

    def __init__(self) -> None:
        self.problems: list[Problem] = []

    def problem(self, at: Node, message: Message) -> None:
        self.problems.append(Problem(at.path, at.line, at.column, message))

    def _wrong_kind(self, at: Node, what: What, expected: str) -> None:
        found = Message(f"kind.{_KIND_WORDS.get(type(at.node), 'scalar')}")
        self.problem(at, Message("wrong_kind", what=what, expected=Message(f"expect.{expected}"), found=found))

    # -- containers

    def mapping(self, at: Node, what: What) -> dict[str, tuple[Node, Node]] | None:
        if not at.is_mapping:
            self._wrong_kind(at, what, "mapping")
            return None
        return {k.value: (Node(k, at.path), Node(v, at.path)) for k, v in at.node.value}

    def sequence(self, at: Node, what: What) -> list[Node] | None:
        if type(at.node) is not SequenceNode:
            self._wrong_kind(at, what, "sequence")
            return None
        return [Node(n, at.path) for n in at.node.value]

    def node(self, at: Node, what: What) -> Node:
        """The node itself, for a reader further on (a series' values)."""
        return at

    def fields(self, at: Node, what: What, spec: dict[str, Field], required: bool = True) -> Fields | None:
        """Read a mapping against its spec, each field on its own: unknown fields and (unless not
        ``required``) missing required ones are problems. None only when ``at`` is not a mapping;
        else the fields read, and in ``failed`` those that were not (an unknown field's name too)."""
        if not at.is_mapping:
            self._wrong_kind(at, what, "mapping")
            return None
        values: dict[str, Any] = {}
        nodes: dict[str, Node] = {}
        failed: set[str] = set()
        path = at.path
        for key, value_node in at.node.value:
            name = key.value
            field = spec.get(name)
            if field is None:
                self.problem(Node(key, path), Message("unknown_field", field=name, what=what, known=", ".join(spec)))
                failed.add(name)
                continue
            vnode = Node(value_node, path)
            value = self.read(field, vnode, _field_word(name))
            if value is None:
                failed.add(name)
                continue
            values[name], nodes[name] = value, vnode
        for field in spec.values():
            if required and field.required and field.name not in values and field.name not in failed:
                self.problem(at, Message("missing_field", what=what, field=field.name))
                failed.add(field.name)
        return Fields(values, nodes, at, frozenset(failed))

    def read(self, field: Field, at: Node, what: What) -> Any:
        if field.read == "choice":
            return self.choice(at, what, field.choices, field.words)
        reader: Callable[[Node, What], Any] = getattr(self, field.read)
        return reader(at, what)

    # -- scalars

    def text(self, at: Node, what: What) -> str | None:
        if not at.is_scalar:
            self._wrong_kind(at, what, "text")
            return None
        value = at.node.value.strip()
        if not value or (not at.node.style and value in _NULLS):
            self.problem(at, Message("empty", what=what))
            return None
        return str(value)

    def ident(self, at: Node, what: What) -> str | None:
        value = self.text(at, what)
        if value is not None and not ID.fullmatch(value):
            self.problem(at, Message("bad_id", what=what, value=_shown(value)))
            return None
        return value

    def texts(self, at: Node, what: What) -> tuple[str, ...] | None:
        items = self.sequence(at, what)
        if items is None:
            return None
        values = [self.text(item, Message("what.each", what=what)) for item in items]
        return tuple(v for v in values if v is not None)

    def choice(self, at: Node, what: What, options: tuple[str, ...], words: dict[str, str] | None = None) -> str | None:
        """One of ``options``, in any case; ``words`` are other words for them (县 for county), read as them."""
        value = self.text(at, what)
        if value is None or value in options:
            return value
        canonical = (words or {}).get(value, value.casefold())
        if canonical in options:
            return canonical
        shown = [f"{o} ({', '.join(w for w, c in (words or {}).items() if c == o)})"
                 if o in (words or {}).values() else o for o in options]
        self.problem(at, Message("bad_choice", what=what, value=_shown(value), options=", ".join(shown)))
        return None

    def number(self, at: Node, what: What) -> str | None:
        """A number's text, checked: the model keeps numbers as written."""
        value = self.text(at, what)
        if value is None:
            return None
        problem = number_problem(value, what)
        if problem is not None:
            self.problem(at, problem)
            return None
        return value

    def integer(self, at: Node, what: What) -> int | None:
        value = self.text(at, what)
        if value is None:
            return None
        if not _INTEGER.fullmatch(value):
            self.problem(at, Message("not_whole", what=what, value=_shown(value)))
            return None
        return int(value)

    def period(self, at: Node, what: What) -> Period | None:
        value = self.text(at, what)
        if value is None:
            return None
        try:
            return parse_period(value)
        except PeriodError as exc:  # its message names the forms expected
            self.problem(at, Message("bad_period", what=what, reason=exc.message))
            return None


def number_problem(text: str, what: What = "value") -> Message | None:
    """Why ``text`` is not a number as the data format writes one, or None when it is."""
    if NUMBER.fullmatch(text):
        digits = len(text.lstrip("-").replace(".", "").lstrip("0"))
        if digits > MAX_DIGITS:
            return Message("too_many_digits", what=what, value=_shown(text), digits=digits, most=MAX_DIGITS)
        return None
    half = text.translate(_HALF_WIDTH)
    if half != text and NUMBER.fullmatch(half):
        hint = Message("hint.full_width", suggestion=half)
    elif re.fullmatch(r"-?0[0-9]+(\.[0-9]+)?", text):
        hint = Message("hint.leading_zero")
    elif re.fullmatch(r"-?[0-9]{1,3}(,[0-9]{3})+(\.[0-9]+)?", text):
        hint = Message("hint.separators")
    elif re.fullmatch(r"-?[0-9.]+[eE][-+]?[0-9]+", text):
        hint = Message("hint.exponent")
    elif text.endswith(("%", "％")):
        hint = Message("hint.percent")
    else:
        hint = Message("hint.number")
    return Message("not_number", what=what, value=_shown(text), hint=hint)


_HALF_WIDTH = {**{0xFF10 + i: 0x30 + i for i in range(10)}, 0xFF0E: ord("."), 0xFF0D: ord("-"), 0x2212: ord("-"),
               0x3002: ord(".")}  # ０-９ ． － − 。 (a full-stop typed for a decimal point)


def _shown(text: str, most: int = 40) -> str:
    """A value quoted in a message, cut short when long (a 5,000-digit number is not shown whole)."""
    return text if len(text) <= most else text[:most] + "…"
