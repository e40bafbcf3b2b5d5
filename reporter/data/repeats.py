"""One fact per region, metric and time span: a second is a problem naming both, in words."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from reporter.errors import Problem
from reporter.messages import Message, Named
from reporter.model.periods import Period
from reporter.model.records import Fact, Metric, Origin, Region, SeriesChunk

if TYPE_CHECKING:
    from reporter.data.parts import Parts


Earlier = Callable[[str, str], dict[str, tuple[str, int]]]
"""(region, metric) -> each canonical period it already has -> (path, line) where that was written."""


class Repeats:
    """The periods each region and metric has, and where each was first written."""

    def __init__(self, parts: Parts, earlier: Earlier | None = None) -> None:
        self.parts = parts
        self.periods: dict[tuple[str, str], dict[str, tuple[str, int]]] = {}  # (region, metric) -> period -> place
        self.earlier = earlier  # the periods already written in layers checked before these (none: {})

    def unique(self, item: Fact | SeriesChunk, problems: list[Problem]) -> bool:
        """Record the periods of a fact or chunk; a period its region and metric already have is a problem
        (one time span is one period however it is written: 1-6月 and 上半年 are one)."""
        periods = self.periods.get((item.region, item.metric))
        if periods is None:
            periods = self.periods[(item.region, item.metric)] = (
                self.earlier(item.region, item.metric) if self.earlier is not None else {})
        if isinstance(item, SeriesChunk):
            path = item.path
            places = [(e[0], e[2], e[3]) for e in item.entries]
            if not periods and len({p.canonical for p, _, _ in places}) == len(places):  # the usual case
                periods.update((p.canonical, (path, line)) for p, line, _ in places)
                return True
        else:
            origin = item.origin or Origin("?", 0)
            path = origin.path
            places = [(item.period, origin.line, origin.column)]
        ok = True
        for period, line, column in places:
            first = periods.get(period.canonical)
            if first is not None:
                said = second_fact(self.parts.regions.get(item.region), self.parts.metrics.get(item.metric),
                                   item.region, item.metric, period, f"{first[0]}:{first[1]}")
                problems.append(Problem(path, line, column, said))
                ok = False
            else:
                periods[period.canonical] = (path, line)
        return ok


def second_fact(region: Region | None, metric: Metric | None, region_id: str, metric_id: str, period: Period,
                first: str) -> Message:
    """A second fact of a region, metric and time span, said in words: the region's name, the metric's
    label (its id to a reader of English), the period as people write it, and where the first is."""

    return Message("second_fact", region=region.said() if region else region_id,
                   metric=metric.said() if metric else metric_id,
                   period=Named(period.in_words("en"), period.in_words("zh")), first=first)
