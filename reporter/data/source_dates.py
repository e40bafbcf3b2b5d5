"""Sources and periods agree: a source cannot report a period that ends after it appeared.

A source's ``date`` (``"2020"``, ``"2020-10"``, ``2020-10-15``, or words: ``2020年10月``) bounds
the periods of its facts by its last month (a page dated ``"2020"`` by December 2020). A period is
compared by its end (an as-of or unstated period by its month). A target's years ahead (``2020/P5Y``, qualifier
``target``) look forward by nature and are not bounded.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import NamedTuple

from reporter.messages import Message, Named
from reporter.model.period_words import parse_period
from reporter.model.periods import Period, PeriodError
from reporter.model.records import Fact, Metric, Origin, SeriesChunk, Source


class Bound(NamedTuple):
    """The last month a source can report on (``year*12 + month-1``) and how to say why."""

    last: int
    said: Message


def bound_of(source: Source) -> Bound | None:
    """The last month ``source`` can report on, or None when its date is not a date (free words)."""
    date = _date_period(source.date)
    if date is None:
        return None
    return Bound(date.last, Message("source_dated", source=source.id, date=source.date))


def too_late(period: Period, bound: Bound, target: bool) -> bool:
    """Whether ``period`` ends after what its source can report (a target's years ahead never do)."""
    return not target and period.kind != "forward" and period.last > bound.last


def late_periods(item: Fact | SeriesChunk, metric: Metric, bound: Bound) -> list[tuple[Period, Origin]]:
    """The periods of a fact or series that end after its source's bound, each with where it is written."""
    if isinstance(item, Fact):
        target = metric.kind == "target" or item.quantity.qualifier == "target"
        return [(item.period, item.origin or Origin("?", 0))] if too_late(item.period, bound, target) else []
    if max(entry[0][2] for entry in item.entries) <= bound.last:  # a series' last months, at once
        return []
    target = metric.kind == "target" or item.qualifier == "target"
    return [(p, Origin(item.path, line, column)) for p, _, line, column in item.entries if too_late(p, bound, target)]


def period_after_source(period: Period, bound: Bound) -> Message:
    return Message("period_after_source", period=_words(period), source=bound.said)


def _words(period: Period) -> Named:
    return Named(period.in_words("en"), period.in_words("zh"))


def _date_period(text: str) -> Period | None:
    day = re.fullmatch(r"\s*(\d{4})[-./年](\d{1,2})[-./月](\d{1,2})日?\s*", text)
    if day:  # a day is within its month
        text = f"{day.group(1)}-{int(day.group(2)):02d}"
    return _period(text)


def _period(text: str) -> Period | None:

    try:
        return parse_period(text)
    except PeriodError:
        return None


class SourceBounds:
    """Each source's bound, worked out once, and the periods of an item that outrun theirs."""

    def __init__(self, sources: Mapping[str, Source]) -> None:
        self.sources = sources
        self.bounds: dict[str, Bound | None] = {}

    def late(self, item: Fact | SeriesChunk, metric: Metric) -> list[tuple[Origin, Message]]:
        """Where ``item`` has a period after its source's date, and what to say there."""
        if item.source not in self.bounds:
            source = self.sources.get(item.source)
            self.bounds[item.source] = bound_of(source) if source is not None else None
        bound = self.bounds[item.source]
        if bound is None:
            return []
        return [(origin, period_after_source(period, bound)) for period, origin in late_periods(item, metric, bound)]
