"""Model records to plain tuples and back, from each record type's own fields.

marshal (and SQLite blobs through it) takes only builtin types, so a record is written as the
tuple of its fields, nested records as nested tuples, and a :class:`~reporter.model.periods.Period` as
its canonical text, looked up in a table of periods stored parsed. Reading a tuple back is
driven by the record type's annotations, so a field added to the model needs no edit here.
Both cache layouts use this one codec and its one version number, :data:`SCHEMA`.
"""

from __future__ import annotations

import types
import typing
from collections.abc import Callable, Iterable, Mapping
from typing import Any

from reporter.model.periods import Period
from reporter.model.records import (
    Fact,
    Highlight,
    Metric,
    Region,
    SeriesChunk,
    Source,
    Theme,
)

SCHEMA = 9  # any change to what is stored or how: older caches are then ignored and rebuilt

ITEM_KINDS: tuple[type, ...] = (Fact, SeriesChunk)  # an item is stored as (its index here, its fields)
CATALOGUE: tuple[type, ...] = (Source, Theme, Metric, Region)

Decoder = Callable[[Any], Any]


def encode(value: Any) -> Any:
    """A record (or anything within one) as builtin values only."""
    if isinstance(value, Period):
        return value.canonical
    if isinstance(value, tuple):
        return tuple(map(encode, value))
    return value


def encode_item(item: Fact | SeriesChunk) -> tuple[int, Any]:
    return (ITEM_KINDS.index(type(item)), encode(item))


class Codec:
    """Decoders for every stored record type, sharing one table of periods."""

    def __init__(self, periods: Mapping[str, Period]) -> None:
        period_of = periods.__getitem__
        made: dict[Any, Decoder] = {}
        self.items = [_decoder(kind, period_of, made) for kind in ITEM_KINDS]
        self.catalogue = [_decoder(kind, period_of, made) for kind in CATALOGUE]
        self.highlight = _decoder(Highlight, period_of, made)

    def item(self, stored: tuple[int, Any]) -> Fact | SeriesChunk:
        kind, fields = stored
        return self.items[kind](fields)  # type: ignore[no-any-return]

    def catalogue_from(self, stored: tuple[Any, ...]) -> list[dict[str, Any]]:
        """[sources, themes, metrics, regions], each by id, in the order written."""
        return [{r.id: r for r in map(make, records)} for make, records in zip(self.catalogue, stored)]


def decoder(kind: type) -> Decoder:
    """A decoder for a record type that holds no period (a cache's stamp, say)."""
    return _decoder(kind, _no_period, {})


def _no_period(text: str) -> Period:
    raise ValueError(f"unexpected period {text!r}")


def catalogue_of(sources: Mapping[str, Source], themes: Mapping[str, Theme], metrics: Mapping[str, Metric],
                 regions: Mapping[str, Region]) -> tuple[Any, ...]:
    return tuple(tuple(encode(r) for r in part.values()) for part in (sources, themes, metrics, regions))


def periods_in(records: Iterable[Any]) -> dict[str, Period]:
    """Every period within ``records`` (nested anywhere), by canonical text."""
    found: dict[str, Period] = {}
    stack = list(records)
    while stack:
        value = stack.pop()
        if isinstance(value, Period):
            found.setdefault(value.canonical, value)
        elif isinstance(value, tuple):
            stack.extend(value)
    return found


def period_table(periods: Mapping[str, Period]) -> tuple[Any, ...]:
    """Periods stored parsed, so reading a cache compiles no regular expression."""
    return tuple(_period_tuple(p) for p in periods.values())


def periods_from(table: Iterable[Any]) -> dict[str, Period]:
    def make(t: tuple[Any, ...]) -> Period:
        return Period._make(make(v) if isinstance(v, tuple) else v for v in t)

    periods = (make(t) for t in table)
    return {p.canonical: p for p in periods}


def _period_tuple(period: Period) -> tuple[Any, ...]:
    return tuple(_period_tuple(v) if isinstance(v, Period) else v for v in period)  # the anchor nests


def _decoder(kind: Any, period_of: Callable[[str], Period], made: dict[Any, Decoder]) -> Decoder:
    """A function making ``kind`` from its encoding; ``_same`` where the encoding is the value."""
    if kind in made:
        return made[kind]
    if kind is Period:
        return period_of
    origin = typing.get_origin(kind)
    if origin in (typing.Union, types.UnionType):
        inner = [a for a in typing.get_args(kind) if a is not type(None)]
        one = _decoder(inner[0], period_of, made) if len(inner) == 1 else _same
        return _same if one is _same else (lambda v: None if v is None else one(v))
    if origin is tuple:
        args = typing.get_args(kind)
        if len(args) == 2 and args[1] is Ellipsis:
            first_only = _first_part_only(args[0], period_of, made)
            if first_only is not None:  # a series' entries (period, value, line, column): one comprehension
                if len(typing.get_args(args[0])) == 4:  # unpacked by name: no slice and join per entry
                    return lambda v: tuple([(first_only(p), a, b, c) for p, a, b, c in v])
                return lambda v: tuple([(first_only(e[0]),) + e[1:] for e in v])
            each = _decoder(args[0], period_of, made)
            return _same if each is _same else (lambda v: tuple(map(each, v)))
        parts = [_decoder(a, period_of, made) for a in args]
        changed = [(i, p) for i, p in enumerate(parts) if p is not _same]
        if not changed:
            return _same
        if len(changed) == 1:  # a series entry (period, value, line, column): one part to make, sliced in C
            i, part = changed[0]
            return lambda v: (*v[:i], part(v[i]), *v[i + 1:])
        return lambda v: tuple(p(x) for p, x in zip(parts, v))
    fields = getattr(kind, "_fields", None)
    if fields is None or not isinstance(kind, type):
        return _same
    hints = typing.get_type_hints(kind)
    decoders = [(i, d) for i, d in enumerate(_decoder(hints[name], period_of, made) for name in fields)
                if d is not _same]

    def make(value: Any) -> Any:
        if decoders:
            value = list(value)
            for i, decode in decoders:
                value[i] = decode(value[i])
        return kind(*value)

    made[kind] = make
    return make


def _first_part_only(kind: Any, period_of: Callable[[str], Period], made: dict[Any, Decoder]) -> Decoder | None:
    """The decoder of a fixed tuple's first part when it is the only part to make (else None)."""
    if typing.get_origin(kind) is not tuple:
        return None
    args = typing.get_args(kind)
    if not args or Ellipsis in args:
        return None
    parts = [_decoder(a, period_of, made) for a in args]
    if parts[0] is _same or any(p is not _same for p in parts[1:]):
        return None
    return parts[0]


def _same(value: Any) -> Any:
    return value
