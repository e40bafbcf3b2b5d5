"""What every view is made of: columns, rows as people read them, and the view that holds both.

A :class:`View` holds a command's typed rows (facts, rank rows, deltas …) once, and two ways
to read each: :meth:`View.records`, machine values under stable keys for json, csv and tsv
(numbers as Decimal, periods canonical), and :meth:`View.rows`, human cells for table, plain
and markdown (localised words from :mod:`~reporter.render.labels`, grouped digits, periods in
words). Each is built only when a format asks for it, and every string from the data passes
:func:`~reporter.render.safe.clean` on the way out.

Columns say how their cells may give way when a terminal is narrow (see
:mod:`reporter.render.layout`): a ``wrap`` column holds a label or prose that may break between
words or wide characters; any other cell is whole (a number with its unit, a period, a name),
except that a cell given as ``parts`` may break between its parts (a value, then its period).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, NamedTuple

from reporter.model import units
from reporter.model.periods import Period
from reporter.model.records import Fact, Metric, Quantity, Theme
from reporter.query import selection as select
from reporter.render.labels import Labels
from reporter.render.safe import clean

EMPTY = ("", "—")  # cells that hold no value


class Column(NamedTuple):
    key: str
    header: str
    numeric: bool = False
    visual: bool = False  # a picture (bar, sparkline): table format only, and the first thing given up
    wrap: bool = False  # a label or prose: may wrap between words or wide characters
    series: bool = False  # one of many like columns (regions, periods): may go to a table of its own
    shared: bool = False  # when every row holds the same text (or ends with the same part), say it once


class Number(str):
    """A number as written in the data (``1009.0``): machine formats write it as a number."""

    __slots__ = ()


class Digits(str):
    """A number's written digits as text (``value_text``: ``"1009.0"``): a JSON string, a bare CSV or
    TSV cell (digits need neither quoting nor the formula guard), a quoted YAML string."""

    __slots__ = ()


class Block(NamedTuple):
    """Machine rows alike but at ``varying`` positions: ``row`` with each of ``variants`` put there."""

    row: tuple[Any, ...]
    varying: tuple[int, ...]
    variants: Iterable[tuple[Any, ...]]

    def rows(self) -> Iterator[tuple[Any, ...]]:
        if not self.varying:
            yield self.row
            return
        row = list(self.row)
        for variant in self.variants:
            for position, value in zip(self.varying, variant):
                row[position] = value
            yield tuple(row)


class Row(NamedTuple):
    """One row as people read it: its cells, the group it falls under, a detail line, colours by tone.

    ``parts`` gives, for some cells, the pieces that may stand on lines of their own (their
    concatenation is the cell): ``("9,100多万元", "（2019年）")``.
    """

    cells: dict[str, str]
    group: str | None = None
    detail: str | None = None
    tones: dict[str, str] | None = None
    parts: dict[str, tuple[str, ...]] | None = None


@dataclass
class View:
    """One table of a command's output; a command may print several (``show``: facts, highlights)."""

    name: str
    title: str
    columns: list[Column]
    record_keys: list[str]
    items: Iterable[Any]  # iterated once per rendering; truthy when there is any (a list, or a stream that knows)
    record: Callable[[Any], dict[str, Any]]
    row: Callable[[Any], Row]
    notes: list[str] | Callable[[], list[str]] = field(default_factory=list)  # or made once the rows are read
    detail_column: str = ""  # the column whose cell carries a row's detail line (default: the first)
    group_label: str = ""  # what the groups are (plain and markdown's leading column); default: theme
    lang: str = "zh"
    blocks: Callable[[], Iterator[Block]] | None = None  # machine rows made faster than records(), in blocks
    nested: list[str] = field(default_factory=list)  # keys only JSON carries, after record_keys: objects
    json_flat: list[str] | None = None  # the flat keys JSON carries, when not all of record_keys (compare's)

    def __post_init__(self) -> None:
        # titles and headers can hold data (a region's name): they cross the output boundary too
        self.title = clean(self.title)
        self.columns = [c._replace(header=clean(c.header)) for c in self.columns]
        if not callable(self.notes):
            self.notes = [clean(n) for n in self.notes]
        self.group_label = clean(self.group_label) or Labels(self.lang)("theme")

    def said_notes(self) -> list[str]:
        """The notes under the view; for a view whose rows are made as they are read (a comparison of
        every region), what its rows held, known once they have been read."""
        return [clean(n) for n in self.notes()] if callable(self.notes) else self.notes

    def said_once(self, header: str, value: str) -> str:
        """A column every row fills alike, said once above the table: ``时期：2020年``."""
        return Labels(self.lang)("shared", header=header, value=value)

    @property
    def json_keys(self) -> list[str]:
        """The keys of a JSON record: the flat ones csv and tsv carry too, then the nested objects."""
        return [*(self.record_keys if self.json_flat is None else self.json_flat), *self.nested]

    def records(self, keys: Sequence[str] | None = None) -> Iterator[dict[str, Any]]:
        """Machine records, keys in :attr:`record_keys` order (or ``keys``: :attr:`json_keys`)."""
        for item in self.items:
            record = self.record(item)
            yield {k: _clean_value(record.get(k)) for k in (self.record_keys if keys is None else keys)}

    def machine_blocks(self, keys: Sequence[str] | None = None) -> Iterator[Block]:
        """Machine records (values in :attr:`record_keys` order, or ``keys``, every string cleaned) in
        blocks of rows that differ only at a few positions: what json, csv, tsv and yaml write, each
        converting what a block's rows share once. A view over every fact makes a block of each
        series; any other view has one row a block."""
        if self.blocks is not None:  # a flat view (export): its blocks hold every key
            yield from self.blocks()
        else:
            for record in self.records(keys):
                yield Block(tuple(record.values()), (), ((),))

    def machine_rows(self) -> Iterator[tuple[Any, ...]]:
        """Machine records, one tuple each (see :meth:`machine_blocks`)."""
        for block in self.machine_blocks():
            yield from block.rows()

    def rows(self) -> Iterator[Row]:
        """Human rows, every string cleaned."""
        for item in self.items:
            row = self.row(item)
            parts = {k: tuple(clean(p) for p in ps) for k, ps in row.parts.items()} if row.parts else {}
            cells = {k: clean(v) for k, v in row.cells.items()}
            cells.update({k: "".join(ps) for k, ps in parts.items()})
            yield Row(cells, clean(row.group) if row.group else None, clean(row.detail) if row.detail else None,
                      row.tones or {}, parts)


class Chain:
    """Several iterables read one after another, as often as asked: a view's items when some of
    them are lazy (a search's million matching facts, then its highlights). True when any part is."""

    def __init__(self, *parts: Iterable[Any]) -> None:
        self.parts = parts

    def __iter__(self) -> Iterator[Any]:
        for part in self.parts:
            yield from part

    def __bool__(self) -> bool:
        return any(self.parts)


def is_lazy(items: Iterable[Any]) -> bool:
    """Whether a view's items are read from the store as they are iterated (not held in a list)."""
    return not isinstance(items, (list, tuple))


def _clean_value(value: Any) -> Any:
    if isinstance(value, str):
        return clean(value)
    if isinstance(value, list):
        return [_clean_value(v) for v in value]
    if isinstance(value, dict):
        return {clean(str(k)): _clean_value(v) for k, v in value.items()}
    return value


def columns(say: Labels, *keys: str, numeric: Sequence[str] = (), visual: Sequence[str] = (),
            wrap: Sequence[str] = (), shared: Sequence[str] = ()) -> list[Column]:
    return [Column(k, say.get(k, k), k in numeric, k in visual, k in wrap, False, k in shared) for k in keys]


def theme_name(theme: Theme, say: Labels) -> str:
    return say.pick(theme.zh, theme.en)


def base_value(fact: Fact) -> Decimal:
    return units.to_base(fact.quantity.value, fact.quantity.unit)


VALUE_KEYS = ["value_base", "unit_base", "value_text"]  # what every machine record with a value adds


def in_metric_unit(value: Decimal, unit: str, metric: Metric) -> Decimal | None:
    """``value`` (written in ``unit``) in the metric's catalogue unit, exactly (2.06亿元 of a 万元
    metric: 20600); None when the units do not convert (the loader refuses such a fact)."""
    if unit == metric.unit:
        return value
    try:
        return units.convert(value, unit, metric.unit)
    except ValueError:
        return None


def value_fields(quantity: Quantity, metric: Metric) -> dict[str, Any]:
    """``value_base``, ``unit_base`` and ``value_text`` of a value: one unit per metric for sorting
    and thresholds, and the digits as written for a program that must keep them (``"1009.0"``)."""
    level = quantity.level  # None: a growth-only fact, whose value is empty
    return {"value_base": None if level is None else in_metric_unit(level, quantity.unit, metric),
            "unit_base": metric.unit, "value_text": quantity.written}


def empty_view(name: str, keys: Sequence[str], nested: Sequence[str] = ()) -> View:
    """A view with no rows and these machine keys: what a query that found nothing prints (``[]``, a
    CSV header); human formats print nothing for it."""
    return View(name, "", [], list(keys), [], lambda item: {}, lambda item: Row({}), nested=list(nested))


SPARKS = "▁▂▃▄▅▆▇█"


def trend(facts: Sequence[Fact], period: Period) -> str:
    """A sparkline of the facts comparable with ``period`` up to it, oldest first; empty under two points.

    Only like periods stand side by side (years with years, 1-5月 with other years' 1-5月), and a
    year with no figure is a gap, so a missing year never reads as a steady trend.
    """
    chosen = [f for f in select.like(facts, period) if f.period.last <= period.last and not f.growth_only]
    if len(chosen) < 2:
        return ""
    values = {f.period.last // 12: base_value(f) for f in chosen}
    low, high = min(values.values()), max(values.values())
    first, last = min(values), max(values)
    out = []
    for year in range(first, last + 1):
        value = values.get(year)
        if value is None:
            out.append(" ")
        elif high == low:
            out.append(SPARKS[3])
        else:
            out.append(SPARKS[int((value - low) / (high - low) * (len(SPARKS) - 1))])
    return "".join(out)


# --------------------------------------------------------------------------- how a period is known, in a view

ASSUMED_MARK = "*"  # after a period that is assumed (period_basis), explained by a legend under the view


def is_assumed(fact: Fact) -> bool:
    """A dated period the source does not state for the figure (one not stated already says so)."""
    return fact.period_basis == "assumed" and fact.period.comparable


def period_said(fact: Fact, lang: str) -> str:
    """A fact's period in words, marked when it is an assumption: ``截至2020年上半年的一年*``."""
    words = fact.period.in_words(lang)
    return words + ASSUMED_MARK if is_assumed(fact) else words


def period_notes(facts: Iterable[Fact], say: Labels, arrows: bool = True) -> list[str]:
    """The legend of the marks a view's periods and values carry: an assumed period (*), a target (→,
    in a view whose cells write qualifiers as symbols: ``arrows``)."""
    notes = []
    facts = list(facts)
    if any(is_assumed(f) for f in facts):
        notes.append(say("legend.assumed", mark=ASSUMED_MARK))
    if arrows and any(f.quantity.qualifier == "target" for f in facts):
        notes.append(say("legend.target"))
    return notes


def window_notes(facts: Iterable[Fact], window: select.Window, say: Labels) -> list[str]:
    """What a period window did with figures whose period is not stated: left them out (counted), or,
    asked to (--with-undated), listed them apart."""
    if not window:
        return []
    facts = list(facts)
    left = window.left_out(facts)
    if left:
        n = len(left)
        return [say("window.undated_left", count=n, s="" if n == 1 else "s", are="is" if n == 1 else "are")]
    if window.undated and any(not f.period.comparable for f in facts):
        return [say("window.undated_apart")]
    return []
