"""Choosing facts: one region's, one metric's, in period or catalogue order, and ``get``'s one fact.

No arithmetic here (that is :mod:`reporter.query`), so ``reporter get`` loads no decimal.
Pure functions; they never print.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, NamedTuple

from reporter.errors import NoData
from reporter.messages import Message
from reporter.model import Fact, Highlight, Metric, Region, Theme
from reporter.periods import Period

if TYPE_CHECKING:
    from reporter.dataset import Dataset


def by_period(facts: Iterable[Fact]) -> list[Fact]:
    """Facts ordered by period, oldest first."""
    return sorted(facts, key=lambda f: f.period.sort_key)


def metric_order(data: Dataset, metric_ids: Iterable[str]) -> list[str]:
    """Metric ids in theme order, then catalogue order."""
    catalogue = {m: i for i, m in enumerate(data.metrics)}
    return sorted(set(metric_ids), key=lambda m: (data.themes[data.metrics[m].theme].order, catalogue[m]))


def series_of(data: Dataset, region: str, metric: str) -> list[Fact]:
    """Every period of one region's metric, oldest first (for sparklines)."""
    return by_period(data.facts_of(region, metric))


def region_facts(data: Dataset, region: Region, theme: Theme | None = None) -> list[Fact]:
    """A region's facts, grouped by theme, latest period of each metric first within a metric."""
    facts = [f for f in data.facts_of(region.id)
             if theme is None or data.metrics[f.metric].theme == theme.id]
    order = {m: i for i, m in enumerate(metric_order(data, {f.metric for f in facts}))}
    return sorted(facts, key=lambda f: (order[f.metric], -f.period.last, f.period.first))


def region_highlights(data: Dataset, region: Region, theme: Theme | None = None) -> list[Highlight]:
    return [h for h in data.highlights_of(region.id) if theme is None or h.theme == theme.id]


class Lookup(NamedTuple):
    """The answer to ``get``: the fact, and the other periods it was chosen from."""

    fact: Fact
    others: tuple[Fact, ...]


def get_fact(data: Dataset, region: Region, metric: Metric, period: Period | None = None) -> Lookup:
    """One fact of a region and metric: the asked-for period, or the latest one."""
    facts = by_period(data.facts_of(region.id, metric.id))
    if not facts:  # name what the region does report on the theme: the metric meant may be a narrower one
        near = metric_order(data, {f.metric for f in data.facts_of(region.id)
                                   if data.metrics[f.metric].theme == metric.theme})
        hint = Message("no_fact_near", theme=metric.theme,
                       metrics=", ".join(f"{m} ({data.metrics[m].zh})" for m in near)) if near else ""
        raise NoData(Message("no_fact", region=region.zh, metric=metric.id, hint=hint))
    if period is None:
        return Lookup(facts[-1], tuple(facts[:-1]))
    chosen = [f for f in facts if f.period.canonical == period.canonical]
    if not chosen:
        periods = ", ".join(f.period.canonical for f in facts)
        raise NoData(Message("no_fact_for", region=region.zh, metric=metric.id, period=period, periods=periods))
    return Lookup(chosen[0], tuple(f for f in facts if f is not chosen[0]))
