"""Which facts a brief shows: the window (``--latest``, ``--since``) and the headline rule.

The headline rule, written once here and in docs/templates.md:

1. The candidates are each metric's newest figure in the window (a summary reports where
   things stand; the figure before it is what its change is measured against). A figure with
   a stated period is newer than one whose period the source does not state.
2. A candidate is a *headline* when its metric is an official rank (kind ``rank``), or it has a
   change (reported by the source, or computed from a figure a year earlier in the data), or
   it is a sum of money (unit 元/万元/亿元). Other figures (counts, areas, shares without a
   change) are left to ``--full``.
3. Per theme at most :data:`PER_THEME` headlines are kept, in this order of precedence: ranks;
   then changes, the largest percentage move first; then money flows (kind ``flow``: what a
   period brought in or paid out), the largest first; then other sums of money (stocks,
   targets), the largest first; ties in catalogue order. They are then written in catalogue order, so a new figure
   takes its metric's place in the paragraph, never the end.

Pure functions over facts; they never print.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from decimal import Decimal
from typing import TYPE_CHECKING

from reporter.model import units
from reporter.model.periods import Period
from reporter.model.records import Fact, Highlight, Metric
from reporter.query import selection as select

if TYPE_CHECKING:
    from reporter.query.delta import Delta

PER_THEME = 2
"""Headline facts per theme in a summary: with the theme's first highlight, a sentence or two."""

Key = tuple[str, str]  # (metric id, canonical period): a fact of one region


def key_of(fact: Fact) -> Key:
    return fact.metric, fact.period.canonical


def in_window(facts: Iterable[Fact], latest: bool = False, since: Period | None = None,
              undated: bool = False) -> list[Fact]:
    """The facts a brief may use, order kept: with ``since``, those whose period ends on or after
    the start of ``since`` (the window rule of :class:`~reporter.query.selection.Window`: a figure whose
    period is not stated only when ``undated``); with ``latest``, then only each metric's newest."""
    window = select.Window(since, undated=undated, overlapping=True)
    chosen = [f for f in facts if window.admits(f.period)] if window else list(facts)  # no bounds: admits all
    return newest_of_each_metric(chosen) if latest else chosen


def newest_of_each_metric(facts: Iterable[Fact]) -> list[Fact]:
    """Each metric's newest fact (latest end, then the longer period; one with a stated period
    before one whose period the source does not state), in the order given."""
    facts = list(facts)
    keys: dict[str, tuple[bool, tuple[int, int, int, str]]] = {}  # a period's, worked out once: a
    best: dict[str, tuple[tuple[bool, tuple[int, int, int, str]], Fact]] = {}  # region has 500 facts, 10 periods
    for fact in facts:  # select.latest_of of each metric's facts, in one pass
        key = keys.get(fact.period.canonical)
        if key is None:
            key = keys[fact.period.canonical] = select.latest_key(fact)
        known = best.get(fact.metric)
        if known is None or key > known[0]:  # the first of equals, as latest_of keeps it
            best[fact.metric] = (key, fact)
    newest = {id(fact) for _, fact in best.values()}
    return [f for f in facts if id(f) in newest]


def highlights_in_window(highlights: Iterable[Highlight], since: Period | None,
                         published: Mapping[str, Period | None] | None = None) -> list[Highlight]:
    """The highlights in the window: a dated one when its period ends on or after the start of
    ``since``; an undated one by its source's date (``published``: source id -> period; it cannot
    be later than its page), and always when that date is unknown."""
    if since is None:
        return list(highlights)

    def when(h: Highlight) -> Period | None:
        return h.period or (published or {}).get(h.source)

    return [h for h in highlights if (p := when(h)) is None or p.last >= since.first]


def precedence(fact: Fact, metric: Metric, delta: Delta | None, order: int) -> tuple[int, Decimal, int] | None:
    """Where a fact stands among a theme's headlines (smaller first), or None if it is not one."""
    if metric.kind == "rank":
        return 0, Decimal(0), order
    if delta is not None or fact.yoy_written is not None or fact.rank_change is not None:
        pct = delta.pct if delta is not None and delta.pct is not None else fact.yoy_pct
        return 1, -abs(pct) if pct is not None else Decimal(0), order
    if units.family_of(fact.quantity.unit) == "money":
        return 2 if metric.kind == "flow" else 3, -units.to_base(fact.quantity.value, fact.quantity.unit), order
    return None


def headlines(facts: Sequence[Fact], metrics: Mapping[str, Metric], deltas: Mapping[Key, Delta],
              per_theme: int = PER_THEME) -> set[Key]:
    """The headline facts among ``facts`` (one region's, in catalogue order), by the rule above."""
    order = {m: i for i, m in enumerate(dict.fromkeys(f.metric for f in facts))}
    by_theme: dict[str, list[tuple[tuple[int, Decimal, int], Fact]]] = {}
    for fact in newest_of_each_metric(facts):
        metric = metrics[fact.metric]
        rank = precedence(fact, metric, deltas.get(key_of(fact)), order[fact.metric])
        if rank is not None:
            by_theme.setdefault(metric.theme, []).append((rank, fact))
    return {key_of(fact) for ranked in by_theme.values()
            for _, fact in sorted(ranked, key=lambda pair: pair[0])[:per_theme]}
