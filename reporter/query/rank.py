"""Ranking regions on one metric: within a period, for each period, one region's place over time.

Pure functions over a :class:`~reporter.model.dataset.Dataset`: they return values and never print.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from decimal import Decimal
from typing import TYPE_CHECKING, NamedTuple

from reporter.errors import NoData
from reporter.messages import Message
from reporter.model import units
from reporter.model.periods import Period
from reporter.model.records import Fact, Metric, Region, SeriesChunk, to_decimal
from reporter.query.selection import (
    EVERY_PERIOD,
    PeriodTable,
    Window,
    by_period,
    latest_period,
    like,
    metric_by_period,
    most_reported,
    refuse_unstated,
    season,
    stated_facts,
)

if TYPE_CHECKING:
    from reporter.model.dataset import Dataset, Item



class RankRow(NamedTuple):
    """One region's place: ``position`` of ``total`` (ties share a place), value in base units."""

    position: int
    total: int
    region: Region
    fact: Fact
    base_value: Decimal
    share_of_best: Decimal  # value / largest value, for bars (0..1)


class Ranking(NamedTuple):
    """Regions ranked within one period, and what was left out, told apart as the notes need it."""

    metric: Metric
    period: Period
    rows: tuple[RankRow, ...]
    left_out: tuple[Fact, ...]  # unranked regions' latest facts of periods not comparable with this one
    other_periods: tuple[Period, ...] = ()  # comparable periods with data (other years), oldest first
    asked: bool = False  # whether the period was asked for (else it is the one most regions have)
    unstated: tuple[Fact, ...] = ()  # the latest figure of each region whose figures all have no stated period
    by_change: bool = False  # the period's figures give no level, only a reported change: ranked by it



def rank_regions(data: Dataset, metric: Metric, period: Period | None = None,
                 top: int | None = None, reverse: bool = False) -> Ranking:
    """Rank regions on one metric within one period; polarity decides what is better.

    A figure whose period the source does not state is never ranked: its region is named in
    ``unstated`` (when it has no ranked figure), and asking for such a period is refused.
    """
    refuse_unstated(period, "rank")
    facts = data.facts_of(metric=metric.id)
    if not facts:
        raise NoData(Message("query.no_region_has", metric=metric.said()))
    stated_facts(metric, facts, data)
    return _ranking(metric, facts, period, top, reverse, data)


def _ranking(metric: Metric, facts: Sequence[Fact], period: Period | None, top: int | None, reverse: bool,
             data: Dataset, undated: tuple[Fact, ...] | None = None, grouped: bool = False) -> Ranking:
    """``undated``: :func:`_undated_only` of the metric's facts, when the caller has it (one period's
    facts of many do not tell it); ``grouped``: ``facts`` are the period's alone, as the caller grouped
    them (none to pick out, none of other periods to note)."""
    asked = period is not None
    if period is None:
        period = latest_period(facts)
        assert period is not None  # the caller made sure a fact has a stated period
    chosen = list(facts) if grouped else [f for f in facts if f.period.canonical == period.canonical]
    if not chosen:
        periods = ", ".join(sorted({f.period.canonical for f in facts if f.period.comparable}))
        raise NoData(Message("query.no_fact_for", metric=metric.said(), period=period.said(), periods=periods))
    rows, by_change = _rows(metric, Figures.of(period, chosen), top, reverse, data)
    wanted = season(period)
    unlike: dict[str, Fact] = {}  # an unranked region's latest fact of another kind of period
    others: dict[str, Period] = {}
    rest = [] if grouped else [f for f in facts if f.period.canonical != period.canonical and f.period.comparable]
    ranked = {f.region for f in chosen} if rest else set()
    for fact in by_period(rest):  # only the facts of other periods are sorted (none, ranking each period)
        if season(fact.period) == wanted:
            others[fact.period.canonical] = fact.period
        elif fact.region not in ranked:
            unlike[fact.region] = fact
    return Ranking(metric, period, tuple(rows), tuple(by_period(unlike.values())),
                   tuple(sorted(others.values(), key=lambda p: p.sort_key)), asked,
                   _undated_only(facts) if undated is None else undated, by_change)


class Figures(NamedTuple):
    """One period's figures of a metric as written: what a ranking sorts, with no fact made for each (a
    series of every county is 2,850 figures a period); a figure's fact is made when its row is shown."""

    period: Period
    items: list[Item]  # the item each figure is of
    written: list[str]  # its value as written ("" for a change alone)
    units: list[str]
    changes: list[str | None]  # its reported change as written

    @classmethod
    def of(cls, period: Period, facts: Sequence[Fact]) -> Figures:
        return cls(period, list(facts), [f.quantity.written for f in facts], [f.quantity.unit for f in facts],
                   [f.yoy_written for f in facts])

    def fact(self, i: int) -> Fact:
        return self.items[i].expand_periods((self.period.canonical,))[0]


def figures_by_period(data: Dataset, metric: Metric) -> dict[str, Figures]:
    """Every figure of ``metric``, grouped by period (canonical text), read from the items as stored."""
    groups: dict[str, Figures] = {}
    for item in data.store.items(metric=metric.id):
        if isinstance(item, SeriesChunk):
            entries: Iterable[tuple[Period, str, str | None, str]] = (
                (period, written, None, item.unit) for period, written, _, _ in item.entries)
        else:
            entries = ((item.period, item.quantity.written, item.yoy_written, item.quantity.unit),)
        for period, written, change, unit in entries:
            group = groups.get(period.canonical)
            if group is None:
                group = groups[period.canonical] = Figures(period, [], [], [], [])
            group.items.append(item)
            group.written.append(written)
            group.units.append(unit)
            group.changes.append(change)
    return groups


def _rows(metric: Metric, figures: Figures, top: int | None, reverse: bool,
          data: Dataset) -> tuple[tuple[RankRow, ...], bool]:
    """The rows of one period's ranking (the first ``top``, from the end with ``reverse``), and whether its
    figures are changes alone (同比增长5.2%), ranked by the change; polarity decides what is better."""
    written, changes = figures.written, figures.changes
    chosen = [i for i, text in enumerate(written) if text]  # not growth_only: a level is written
    by_change = not chosen
    if by_change:
        reported = [(i, change) for i, change in enumerate(changes) if change is not None]
        chosen = [i for i, _ in reported]
        base = [to_decimal(change) or Decimal(0) for _, change in reported]
    else:
        factors = {unit: units.base_factor(unit) for unit in set(figures.units)}  # as units.to_base, once each
        base = [value if factor is None else value * factor
                for i in chosen for value, factor in ((Decimal(written[i]), factors[figures.units[i]]),)]
    order = sorted(range(len(chosen)), key=base.__getitem__, reverse=metric.polarity == "higher")
    positions: list[int] = []  # of the rows kept: the first ``top`` need no later row's place
    for i, at in enumerate(order if top is None or reverse else order[:top]):
        tied = i and base[at] == base[order[i - 1]]
        positions.append(positions[-1] if tied else i + 1)
    biggest = max(map(abs, base), default=Decimal(0))
    kept = list(zip(positions, order))
    if reverse:
        kept.reverse()
    if top is not None:
        kept = kept[:top]
    total = len(chosen)
    rows = []
    for pos, at in kept:
        fact = figures.fact(chosen[at])
        rows.append(RankRow(pos, total, data.regions[fact.region], fact, base[at],
                            abs(base[at]) / biggest if biggest else Decimal(0)))
    return tuple(rows), by_change


def _undated_only(facts: Sequence[Fact]) -> tuple[Fact, ...]:
    """The latest figure of each region that has figures but none with a stated period: the
    regions a ranking leaves out for that reason alone."""
    if all(p.comparable for p in _periods(facts)):
        return ()
    dated = {f.region for f in facts if f.period.comparable}
    latest = {f.region: f for f in by_period(f for f in facts if f.region not in dated)}
    return tuple(latest.values())


def _periods(facts: Sequence[Fact]) -> list[Period]:
    """The distinct periods of ``facts`` (a metric of every county: 28,500 facts, a dozen periods)."""
    return list({f.period.canonical: f.period for f in facts}.values())


def rank_each_period(data: Dataset, metric: Metric, period: Period | None = None, window: Window = EVERY_PERIOD,
                     top: int | None = None, reverse: bool = False) -> list[Ranking]:
    """One ranking per period comparable with ``period`` (default: the one most regions have), oldest first."""
    refuse_unstated(period, "rank")
    by_canonical = figures_by_period(data, metric)  # one pass over the stored items; no fact made for a figure
    stated = [(group.period, len(group.items)) for group in by_canonical.values() if group.period.comparable]
    if not stated:
        stated_facts(metric, data.facts_of(metric=metric.id), data)  # says why nothing can be ranked
    reference = period or most_reported(stated)
    if reference is None:
        raise NoData(Message("query.no_region_has", metric=metric.said()))
    wanted = season(reference)  # the periods like the reference
    periods = window.choose(p for p, _ in stated if season(p) == wanted)
    if not periods:
        raise NoData(Message("no_fact_like", metric=metric.said(), reference=reference.said()))
    undated = () if len(stated) == len(by_canonical) else _undated_only(data.facts_of(metric=metric.id))
    rankings = []
    for p in periods:  # as a ranking of one period's facts (_ranking) gives it: none left out, no other period
        rows, by_change = _rows(metric, by_canonical[p.canonical], top, reverse, data)
        rankings.append(Ranking(metric, p, rows, (), (), True, undated, by_change))
    return rankings


class PlaceRow(NamedTuple):
    """A region's place in one period's ranking, and how many places it gained since a year before."""

    period: Period
    position: int | None  # None: not ranked (an official rank whose period the source does not state)
    total: int | None
    fact: Fact
    gained: int | None  # places gained (positive) or lost since a year before, computed or as reported; None: no such


class RankHistory(NamedTuple):
    metric: Metric
    region: Region
    rows: tuple[PlaceRow, ...]  # oldest first


def rank_history(data: Dataset, metric: Metric, region: Region, period: Period | None = None,
                 window: Window = EVERY_PERIOD) -> RankHistory:
    """A region's place among all regions in each period like ``period`` (default: its latest)."""
    refuse_unstated(period, "rank")
    facts = data.facts_of(metric=metric.id)
    own = by_period(f for f in facts if f.region == region.id)
    if not own:
        raise NoData(Message("no_fact", region=region.said(), metric=metric.said(), hint=""))
    if metric.kind == "rank" and period is None and not any(f.period.comparable for f in own):
        # an official rank the source gives no period for: its place and reported move as the source
        # says them, ranked against no other region (no period is shared)
        return RankHistory(metric, region, tuple(PlaceRow(f.period, None, None, f, f.rank_change)
                                                 for f in own if window.admits(f.period)))
    own = stated_facts(metric, own, data)
    reference = period or own[-1].period
    mine = like(own, reference)
    shown = {p.canonical for p in window.choose(f.period for f in mine)}
    if not shown:
        raise NoData(Message("query.region_no_fact_like", region=region.said(), metric=metric.said(),
                             reference=reference.said()))
    by_canonical: dict[str, list[Fact]] = {}
    for fact in facts:
        by_canonical.setdefault(fact.period.canonical, []).append(fact)
    rows: list[PlaceRow] = []  # every comparable period, so the first one shown has its move too
    for fact in mine:
        p = fact.period
        ranking = _ranking(metric, by_canonical[p.canonical], p, None, False, data, grouped=True)
        row = next(r for r in ranking.rows if r.region.id == region.id)
        before = rows[-1] if rows and rows[-1].period.canonical == p.shifted(-1).canonical else None
        gained = fact.rank_change if before is None or before.position is None else before.position - row.position
        rows.append(PlaceRow(p, row.position, row.total, row.fact, gained))
    return RankHistory(metric, region, tuple(r for r in rows if r.period.canonical in shown))


def rank_by_period(data: Dataset, metric: Metric, period: Period | None = None, window: Window = EVERY_PERIOD,
                   top: int | None = None, reverse: bool = False) -> tuple[Ranking, PeriodTable]:
    """Every region's figures in the periods like ``period``, as columns, rows in the latest one's rank order.

    Regions without a figure in the latest period follow the ranked ones (unless ``top`` cuts them).
    """
    refuse_unstated(period, "rank")
    facts = data.facts_of(metric=metric.id)
    reference = period or latest_period(stated_facts(metric, facts, data))
    if reference is None:
        raise NoData(Message("query.no_region_has", metric=metric.said()))
    periods = window.choose(f.period for f in like(facts, reference))
    if not periods:
        raise NoData(Message("no_fact_like", metric=metric.said(), reference=reference.said()))
    ranking = _ranking(metric, facts, periods[-1], top, reverse, data)
    order = [row.region for row in ranking.rows]
    if top is None:
        ranked = {r.id for r in order}
        order += [r for r in data.regions.values() if r.id not in ranked]
    return ranking, metric_by_period(data, metric, order, reference, window, facts)


Within = dict[str, tuple[int, int]]  # region id -> (place in its group, regions ranked in the group)


def rank_within(data: Dataset, metric: Metric, by: str, period: Period | None = None, top: int | None = None,
                reverse: bool = False) -> tuple[Ranking, Within]:
    """``rank --within prefecture``: the ranking, and each region's place among the regions of its
    prefecture (or province) ranked in the same period (ties share a place, as in the whole)."""
    whole = rank_regions(data, metric, period, None, reverse)
    groups: dict[str, list[RankRow]] = {}
    for row in sorted(whole.rows, key=lambda r: r.position):
        groups.setdefault(str(getattr(row.region, by)), []).append(row)
    within: Within = {}
    for rows in groups.values():
        place = 0
        for i, row in enumerate(rows):
            if not i or row.base_value != rows[i - 1].base_value:
                place = i + 1
            within[row.region.id] = (place, len(rows))
    return whole._replace(rows=whole.rows[:top] if top is not None else whole.rows), within
