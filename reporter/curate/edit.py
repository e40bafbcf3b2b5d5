"""Correcting and removing a fact in a user's data file, planned on the text (pure: text in, text out).

:func:`plan_edit` replaces the values of a fact's fields at their marks in the composed node tree
(and adds a field as a line of its own, or removes one), :func:`plan_remove` takes a fact's item
out of its ``facts:`` list, with the list, the region's addition entry and ``regions:`` when they
would be left empty. Every other byte stays as it was, comments and layout included; what cannot
be edited so is :class:`~reporter.curate.insertion.Refused` with its line, as for inserts.
:mod:`reporter.curate.revise` checks and writes what is planned here.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, NamedTuple

from reporter.curate import yaml_text as yamlwrite
from reporter.curate.insertion import Refused, _end, _get, _kind, _line_after, _node, _refuse_unless
from reporter.data.rules import FIELDS
from reporter.messages import Message

__all__ = ["Change", "apply_changes", "plan_edit", "plan_remove"]


class Change(NamedTuple):
    """``text[start:end]`` becomes ``text``."""

    start: int
    end: int
    text: str


def apply_changes(text: str, changes: Sequence[Change]) -> str:
    """``text`` with every change made (each at offsets of the original text; they do not overlap)."""
    out, done = [], 0
    for change in sorted(changes, key=lambda c: (c.start, c.end)):
        out += [text[done:change.start], change.text]
        done = change.end
    return "".join(out) + text[done:]


class _Found(NamedTuple):
    """A fact's item and the nodes around it: root → regions pair → region pair → facts pair → item."""

    root: Any
    regions: tuple[Any, Any]
    region: tuple[Any, Any]
    facts: tuple[Any, Any]
    item: Any


def _find(text: str, where: str, line: int, column: int) -> _Found:
    """The fact whose mapping starts at ``line``:``column`` (1-based, as the loader's origins say)."""
    root = _node(text, where)
    regions = _get(root, "regions") if root is not None and _kind(root) == "block mapping" else None
    if regions is not None and _kind(regions[1]) == "block mapping":
        for region in regions[1].value:
            facts = _get(region[1], "facts") if _kind(region[1]) == "block mapping" else None
            if facts is None:
                continue
            for item in facts[1].value if _kind(facts[1]).endswith("sequence") else ():
                if (item.start_mark.line + 1, item.start_mark.column + 1) == (line, column):
                    _refuse_unless(facts[1], ("block sequence",), where, "facts:")
                    return _Found(root, regions, region, facts, item)
    raise Refused(where, line, Message("revise.not_found"))


def _writer(name: str) -> Any:
    read = FIELDS["fact"][name].read
    return {"number": str, "integer": str, "choice": str, "ident": yamlwrite.key,
            "period": yamlwrite.period}.get(read, yamlwrite.text)


def plan_edit(text: str, where: str, line: int, column: int, fields: Mapping[str, str | None]) -> list[Change]:
    """The changes that give the fact at ``line``:``column`` the ``fields`` (None: remove the field)."""
    item = _find(text, where, line, column).item
    kind = _refuse_unless(item, ("block mapping", "flow mapping"), where, "fact")
    nl = "\r\n" if "\r\n" in text else "\n"
    changes, added = [], []
    for name in [n for n in FIELDS["fact"] if n in fields]:
        value, pair = fields[name], _get(item, name)
        written = None if value is None else _writer(name)(value)
        if pair is not None and written is not None:
            end = pair[1].end_mark.index
            tail = nl if getattr(pair[1], "style", None) in ("|", ">") else ""  # a block text ends its line
            changes.append(Change(pair[1].start_mark.index, end, written + tail))
        elif pair is not None:
            changes.append(_without(text, item, pair, kind))
        elif written is not None:
            added.append((name, written))
    if added and kind == "flow mapping":
        at = item.end_mark.index - 1  # before the closing brace
        changes.append(Change(at, at, "".join(f", {name}: {value}" for name, value in added)))
    elif added:
        indent = " " * item.value[0][0].start_mark.column
        at = _line_after(text, _end(item))
        changes.append(Change(at, at, "".join(f"{indent}{name}: {value}{nl}" for name, value in added)))
    return changes


def _without(text: str, item: Any, pair: tuple[Any, Any], kind: str) -> Change:
    """The change that takes one field out of a fact (its line, or its words in a flow mapping)."""
    key, value = pair
    if kind == "block mapping":
        if item.value[0] is pair:
            raise Refused("", key.start_mark.line + 1, Message("revise.first_field", field=key.value))
        return Change(_line_start(text, key.start_mark.index), _line_after(text, _end(value)), "")
    pairs = list(item.value)
    index = pairs.index(pair)
    if index == 0:  # up to the next field's key
        return Change(key.start_mark.index, pairs[1][0].start_mark.index, "") if len(pairs) > 1 else \
            Change(key.start_mark.index, value.end_mark.index, "")
    return Change(pairs[index - 1][1].end_mark.index, value.end_mark.index, "")


def _line_start(text: str, offset: int) -> int:
    return text.rfind("\n", 0, offset) + 1


def plan_remove(text: str, where: str, line: int, column: int) -> list[Change]:
    """The change that takes the fact at ``line``:``column`` out of the file: its item; the whole
    ``facts:`` when it is the only one; the region's entry when that held only these facts; and
    ``regions:`` when that held only this entry (YAML would read an emptied one as no mapping)."""
    found = _find(text, where, line, column)
    items = found.facts[1].value
    if len(items) > 1:
        start = _line_start(text, found.item.start_mark.index)
        if text[start:found.item.start_mark.index].strip(" -"):
            raise Refused(where, line, Message("revise.shared_line"))
        return [Change(start, _line_after(text, _end(found.item)), "")]
    for inner, outer in ((found.facts, found.region[1]), (found.region, found.regions[1]),
                         (found.regions, found.root)):
        if len(outer.value) > 1:
            return [Change(_line_start(text, inner[0].start_mark.index), _line_after(text, _end(inner[1])), "")]
    return [Change(_line_start(text, found.regions[0].start_mark.index), _line_after(text, _end(found.regions[1])),
                   "")]
