"""Choosing facts: one region's, one metric's, in period or catalogue order, and ``get``'s one fact.

No arithmetic here (that is :mod:`reporter.query`), so ``reporter get`` loads no decimal.
Pure functions; they never print.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from functools import lru_cache
from typing import TYPE_CHECKING, NamedTuple

from reporter.errors import NoData, UsageProblem
from reporter.messages import Message, Named
from reporter.model.periods import Period
from reporter.model.records import Fact, Highlight, Metric, Region, Theme

if TYPE_CHECKING:
    from reporter.model.dataset import Dataset


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
    """A region's facts, grouped by theme, latest period of each metric first within a metric.

    A fact whose period the source does not state follows the metric's dated facts: it is not
    the latest of anything, only the latest *reported*.
    """
    facts = [f for f in data.facts_of(region.id)
             if theme is None or data.metrics[f.metric].theme == theme.id]
    return _in_region_order(data, facts)


def region_facts_of_newest(data: Dataset, region: Region) -> list[Fact]:
    """:func:`region_facts`, keeping of each metric the figures of its newest period (as :func:`latest_of`
    judges it) and of the year before that alone: all that a brief of the newest figures reads, their
    changes included, without building every figure of the region (of a ten-year series, two)."""
    items = list(data.store.items(region.id))
    keys: dict[str, tuple[bool, tuple[int, int, int, str]]] = {}  # a period's, once (10 periods, 50 series)
    newest: dict[str, tuple[tuple[bool, tuple[int, int, int, str]], Period]] = {}
    for item in items:
        best = newest.get(item.metric)
        for period in item.periods():
            key = keys.get(period.canonical)
            if key is None:
                key = keys[period.canonical] = newer_key(period)
            if best is None or key > best[0]:  # the first of equals, as latest_of keeps it
                best = (key, period)
        if best is not None:
            newest[item.metric] = best
    wanted = {metric: (period.canonical, year_before(period).canonical) for metric, (_, period) in newest.items()}
    return _in_region_order(data, [f for item in items for f in item.expand_periods(wanted[item.metric])])


@lru_cache(maxsize=10_000)  # bounded, whatever a long-lived caller asks
def year_before(period: Period) -> Period:
    """``period.shifted(-1)``, worked out once a period: a brief of every county asks it of a dozen
    periods 142,500 times."""
    return period.shifted(-1)


def _in_region_order(data: Dataset, facts: list[Fact]) -> list[Fact]:
    order = {m: i for i, m in enumerate(metric_order(data, {f.metric for f in facts}))}
    return sorted(facts, key=lambda f: (order[f.metric], not f.period.comparable, -f.period.last, f.period.first))


def latest_of(facts: Iterable[Fact]) -> Fact | None:
    """The latest fact with a stated period, else (when none has one) the latest reported.

    "The latest" is what ``get``, ``compare`` and a brief show first: a figure the source gives
    no period for cannot be later than a dated one, whatever its source's date.
    """
    return max(facts, key=latest_key, default=None)  # the first of equals, as a strict ">" keeps it


def latest_key(fact: Fact) -> tuple[bool, tuple[int, int, int, str]]:
    """What :func:`latest_of` orders by: a stated period first, then the later period."""
    return newer_key(fact.period)


def newer_key(period: Period) -> tuple[bool, tuple[int, int, int, str]]:
    """:func:`latest_key` of a fact of ``period``."""
    return period.comparable, period.sort_key


def region_highlights(data: Dataset, region: Region, theme: Theme | None = None) -> list[Highlight]:
    """A region's highlights in theme order (as its facts are), in the order written within a theme."""
    chosen = [h for h in data.highlights_of(region.id) if theme is None or h.theme == theme.id]
    return sorted(chosen, key=lambda h: data.themes[h.theme].order)


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
        theme = data.themes.get(metric.theme)
        hint = Message("no_fact_near", theme=Named(theme.en or theme.zh, theme.zh) if theme else metric.theme,
                       metrics=Named(", ".join(f"{m} ({data.metrics[m].en or data.metrics[m].zh})" for m in near),
                                     "、".join(f"{m}（{data.metrics[m].zh}）" for m in near))) if near else ""
        raise NoData(Message("no_fact", region=region.said(), metric=metric.said(), hint=hint))
    if period is None:
        latest = latest_of(facts)
        assert latest is not None  # facts is not empty
        return Lookup(latest, tuple(f for f in facts if f is not latest))
    chosen = [f for f in facts if f.period.canonical == period.canonical]
    if not chosen:
        periods = Named(", ".join(f.period.canonical for f in facts), "、".join(f.period.in_words("zh") for f in facts))
        raise NoData(Message("no_fact_for", region=region.said(), metric=metric.said(),
                             period=period.said(), periods=periods))
    return Lookup(chosen[0], tuple(f for f in facts if f is not chosen[0]))


# --------------------------------------------------------------------------- periods over time


def refuse_unstated(period: Period | None, command: str) -> None:
    """A period the source does not state is no period to rank or compare in: refuse it by name.

    Two figures that both say "period not stated" share no period; they only share a silence.
    """
    if period is not None and not period.comparable:
        raise UsageProblem(Message("unstated.asked", period=period.canonical, command=command))


def stated_facts(metric: Metric, facts: Sequence[Fact], data: Dataset) -> list[Fact]:
    """The facts with a stated period (the ones a ranking may use); when there are none, the reason
    nothing can be ranked."""
    stated = [f for f in facts if f.period.comparable]
    if facts and not stated:
        regions = [data.regions[r] for r in dict.fromkeys(f.region for f in facts)]
        names = Named(", ".join(r.en or r.zh for r in regions), "、".join(r.zh for r in regions))
        raise NoData(Message("unstated.rank", metric=metric.said(), regions=names))
    return stated



Season = tuple[object, ...]


def season(period: Period) -> Season:
    """What a period is, whatever its year: 2019 and 2020 share one, 2020年1-5月 and 2020年1-9月 do not.

    Two periods of one season are comparable (a year with years, 1-5月 with other years' 1-5月,
    a stock at mid-year with other years' mid-year stocks). A period the source does not state
    is a season of its own: it shares none with another period, nor with another unstated one.
    """
    if not period.comparable:
        return ("unstated", period.canonical)
    if period.anchor is not None:  # trailing, forward, as-of: the anchor's season and the span
        return (period.kind, period.years, *season(period.anchor))
    return (period.kind, period.first % 12, period.last - period.first)


def comparable(a: Period, b: Period) -> bool:
    """Whether two periods may stand side by side in a ranking or a trend (never an unstated one)."""
    return a.comparable and b.comparable and season(a) == season(b)


def like(facts: Iterable[Fact], period: Period) -> list[Fact]:
    """The facts whose period is comparable with ``period``, oldest first (none for an unstated one)."""
    if not period.comparable:
        return []
    wanted = season(period)
    return by_period(f for f in facts if season(f.period) == wanted)


class Window(NamedTuple):
    """Which periods a view shows: from, to (inclusive), or the last N; the one rule every command's
    ``--from``/``--to``/``--last`` and ``brief --since`` use.

    A figure whose period the source does not state is in no window: it is no result of the periods
    asked for, whatever its source's date. Only ``undated`` (``--with-undated``) lets it in, and views
    list it apart (after the dated figures, in a column of its own). Without a window every figure is shown.
    """

    start: Period | None = None
    end: Period | None = None
    last: int | None = None
    undated: bool = False  # let figures whose period is not stated in (asked for: --with-undated)
    overlapping: bool = False  # a period need only reach into the window (brief --since), not lie within it

    def __bool__(self) -> bool:
        return self.start is not None or self.end is not None or self.last is not None

    def admits(self, period: Period) -> bool:
        """Whether a figure of ``period`` may be shown in the window (``--last`` aside: it counts periods)."""
        if not period.comparable:
            return self.undated or not self
        if self.overlapping:
            return ((self.start is None or period.last >= self.start.first)
                    and (self.end is None or period.first <= self.end.last))
        return ((self.start is None or period.first >= self.start.first)
                and (self.end is None or period.last <= self.end.last))

    def choose(self, periods: Iterable[Period]) -> list[Period]:
        """The distinct periods inside the window, oldest first (those not stated last, when let in)."""
        chosen = {p.canonical: p for p in periods if self.admits(p)}
        ordered = sorted(chosen.values(), key=lambda p: p.sort_key)
        if self.last is not None:
            dated = [p for p in ordered if p.comparable][-self.last:]
            ordered = dated + [p for p in ordered if not p.comparable]
        return ordered

    def left_out(self, facts: Iterable[Fact]) -> list[Fact]:
        """The figures the window keeps out only because their period is not stated (listed in a note)."""
        return [f for f in facts if not f.period.comparable and not self.admits(f.period)]


EVERY_PERIOD = Window()


def latest_period(facts: Sequence[Fact]) -> Period | None:
    """The stated period most facts share (ties: the latest): the one a ranking takes by default.

    None when no fact has a stated period (an unstated one is never ranked).
    """
    return most_reported(counted([f.period for f in facts]))


def counted(periods: Sequence[Period]) -> list[tuple[Period, int]]:
    """Each distinct period (by its text) and how often it occurs: a metric of every county is 28,500
    facts and a dozen periods."""
    counts = Counter(p.canonical for p in periods)
    return [(p, counts[text]) for text, p in {p.canonical: p for p in periods}.items()]


def most_reported(periods: Iterable[tuple[Period, int]]) -> Period | None:
    """:func:`latest_period` of periods each counted once (:func:`counted`): the stated one most
    facts have, ties to the latest."""
    stated = [(p, n) for p, n in periods if p.comparable]
    if not stated:
        return None
    return max(stated, key=lambda pair: (pair[1], pair[0].sort_key))[0]


class PeriodRow(NamedTuple):
    """One row of a periods-as-columns table: what it is about (a metric or a region), a fact per period."""

    key: Metric | Region
    cells: tuple[Fact | None, ...]


class PeriodTable(NamedTuple):
    """Periods as columns (like ``hledger balance -Y``): a region's metrics, or a metric's regions."""

    periods: tuple[Period, ...]
    rows: tuple[PeriodRow, ...]


def _table(facts: Iterable[Fact], keys: Iterable[Metric | Region], key_of: str, window: Window) -> PeriodTable:
    facts = list(facts)
    # a period the source does not state is no point in time: its column follows the dated ones
    periods = sorted(window.choose(f.period for f in facts), key=lambda p: not p.comparable)
    column = {p.canonical: i for i, p in enumerate(periods)}
    cells: dict[str, list[Fact | None]] = {}
    for fact in facts:
        if fact.period.canonical in column:
            cells.setdefault(getattr(fact, key_of), [None] * len(periods))[column[fact.period.canonical]] = fact
    rows = tuple(PeriodRow(key, tuple(cells[key.id])) for key in keys if key.id in cells)
    return PeriodTable(tuple(periods), rows)


def region_by_period(data: Dataset, region: Region, theme: Theme | None = None,
                     window: Window = EVERY_PERIOD) -> PeriodTable:
    """A region's metrics (theme order) by period: every period the region reports, within ``window``."""
    facts = region_facts(data, region, theme)
    table = _table(facts, [data.metrics[m] for m in metric_order(data, {f.metric for f in facts})],
                   "metric", window)
    if not table.rows:
        raise NoData(Message("no_facts_in_window", region=region.said()))
    return table


def metric_by_period(data: Dataset, metric: Metric, order: Iterable[Region], reference: Period,
                     window: Window = EVERY_PERIOD, facts: Sequence[Fact] | None = None) -> PeriodTable:
    """One metric's regions (in ``order``) by the periods comparable with ``reference``, within ``window``
    (from ``facts``, the metric's facts, when the caller has read them already)."""
    facts = like(data.facts_of(metric=metric.id) if facts is None else facts, reference)
    table = _table(facts, order, "region", window)
    if not table.rows:
        raise NoData(Message("no_fact_like", metric=metric.said(),
                             reference=reference.said()))
    return table
