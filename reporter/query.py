"""Questions asked of a dataset: rank, compare, year over year, search.

Pure functions over a :class:`~reporter.dataset.Dataset`: they return values and never print.
(Choosing facts without arithmetic is :mod:`reporter.select`.)
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from decimal import Decimal
from typing import TYPE_CHECKING, NamedTuple

from reporter import units
from reporter.errors import LookupFailed, NoData
from reporter.model import Fact, Highlight, Metric, Region, Theme
from reporter.periods import Period
from reporter.select import by_period, metric_order, region_facts, series_of

if TYPE_CHECKING:
    from reporter.dataset import Dataset


# --------------------------------------------------------------------------- ranking


class RankRow(NamedTuple):
    """One region's place: ``position`` of ``total`` (ties share a place), value in base units."""

    position: int
    total: int
    region: Region
    fact: Fact
    base_value: Decimal
    share_of_best: Decimal  # value / largest value, for bars (0..1)


class Ranking(NamedTuple):
    metric: Metric
    period: Period
    rows: tuple[RankRow, ...]
    left_out: tuple[Fact, ...]  # facts of other periods, not comparable


def rank_regions(data: Dataset, metric: Metric, period: Period | None = None,
                 top: int | None = None, reverse: bool = False) -> Ranking:
    """Rank regions on one metric within one period; polarity decides what is better."""
    facts = data.facts_of(metric=metric.id)
    if not facts:
        raise NoData(f"no region has a '{metric.id}' fact")
    if period is None:
        counts = Counter(f.period.canonical for f in facts)
        latest = {f.period.canonical: f.period for f in facts}
        period = max(latest.values(), key=lambda p: (counts[p.canonical], p.sort_key))
    chosen = [f for f in facts if f.period.canonical == period.canonical]
    left_out = tuple(by_period(f for f in facts if f.period.canonical != period.canonical))
    if not chosen:
        periods = ", ".join(sorted({f.period.canonical for f in facts}))
        raise NoData(f"no '{metric.id}' fact for {period}; periods with data: {periods}")
    base = {id(f): units.to_base(f.quantity.value, f.quantity.unit) for f in chosen}
    better_first = sorted(chosen, key=lambda f: base[id(f)], reverse=metric.polarity == "higher")
    positions: list[int] = []
    for i, fact in enumerate(better_first):
        tied = i and base[id(fact)] == base[id(better_first[i - 1])]
        positions.append(positions[-1] if tied else i + 1)
    biggest = max((abs(v) for v in base.values()), default=Decimal(0))
    rows = [RankRow(pos, len(chosen), data.regions[f.region], f, base[id(f)],
                    abs(base[id(f)]) / biggest if biggest else Decimal(0))
            for pos, f in zip(positions, better_first)]
    if reverse:
        rows.reverse()
    if top is not None:
        rows = rows[:top]
    return Ranking(metric, period, tuple(rows), left_out)


# --------------------------------------------------------------------------- compare


class CompareRow(NamedTuple):
    metric: Metric
    cells: tuple[Fact | None, ...]  # one per region, the latest fact (or None)
    history: tuple[tuple[Fact, ...], ...]  # every period per region, oldest first


def compare_regions(data: Dataset, regions: Sequence[Region], metrics: Sequence[Metric] = (),
                    theme: Theme | None = None) -> list[CompareRow]:
    """Regions side by side: one row per metric any of them reports (or the metrics asked for)."""
    if metrics:
        ids = [m.id for m in metrics]
    else:
        reported = {f.metric for r in regions for f in data.facts_of(r.id)}
        ids = metric_order(data, (m for m in reported
                                  if theme is None or data.metrics[m].theme == theme.id))
    rows = []
    for ident in ids:
        history = tuple(tuple(series_of(data, r.id, ident)) for r in regions)
        rows.append(CompareRow(data.metrics[ident], tuple(h[-1] if h else None for h in history), history))
    if not rows:
        raise NoData("no facts to compare")
    return rows


# --------------------------------------------------------------------------- year over year


class Delta(NamedTuple):
    """A year-over-year change: computed from two periods, or derived from what the source reports.

    Values derived by division (a previous value from a reported growth rate) are rounded to one
    more decimal than the value they come from (2.06 at +16% -> 1.776); a computed percentage to
    one decimal. A rank's change is in places, with no percentage.
    """

    fact: Fact
    previous: Decimal | None  # in the fact's unit
    previous_period: Period
    change: Decimal | None  # current - previous, in the fact's unit
    pct: Decimal | None  # percent change; None on a zero or missing base, and for ranks
    basis: str  # computed | reported_pct | reported_previous | reported_rank_change
    qualifier: str  # exact, or approx when an input was qualified or derived by division
    direction: str  # up, down, flat or unknown: how the number moved
    good: bool | None  # whether that is good news by the metric's polarity; None when flat or unknown

    @property
    def derived(self) -> bool:
        return self.basis != "computed"


def is_good(delta: Delta, metric: Metric) -> bool | None:
    """Whether a move is good news: up for most metrics, down for ranks (a smaller rank is better)."""
    return _good(delta.direction, metric)


def _good(direction: str, metric: Metric) -> bool | None:
    if direction in ("unknown", "flat"):
        return None
    return (direction == "up") == (metric.polarity == "higher")


def pct_change(current: Decimal, previous: Decimal) -> Decimal | None:
    """Percent change; ``None`` on a zero base rather than an infinity."""
    if previous == 0:
        return None
    return (current - previous) / previous * 100


def rounded(value: Decimal, places: int) -> Decimal:
    """Round a derived value to ``places`` decimals (half-even)."""
    from decimal import ROUND_HALF_EVEN

    return value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_EVEN)


def _derived_places(written: Decimal) -> int:
    """A derived value is shown with one more decimal than the value it came from."""
    exponent = written.as_tuple().exponent
    return (-exponent if isinstance(exponent, int) and exponent < 0 else 0) + 1


def _qualifier(*quals: str) -> str:
    return "exact" if all(q == "exact" for q in quals) else "approx"


def _delta(fact: Fact, metric: Metric, previous: Decimal | None, before: Period, pct: Decimal | None,
           basis: str, qualifier: str) -> Delta:
    value = fact.quantity.value
    change = None if previous is None else value - previous
    moved = change if change is not None else pct
    direction = "unknown" if moved is None else "up" if moved > 0 else "down" if moved < 0 else "flat"
    if basis == "reported_pct":
        places = _derived_places(value)
        previous = None if previous is None else rounded(previous, places)
        change = None if change is None else rounded(change, places)
    elif pct is not None:
        pct = rounded(pct, 1)
    if metric.kind == "rank":
        pct = None
    return Delta(fact, previous, before, change, pct, basis, qualifier, direction, _good(direction, metric))


def yoy_deltas(data: Dataset, region: Region, metric: Metric | None = None) -> list[Delta]:
    """Year-over-year changes of a region's facts, for one metric or all that have one."""
    facts = data.facts_of(region.id, metric.id if metric else None)
    by_key = {(f.metric, f.period.canonical): f for f in facts}
    deltas = []
    for fact in region_facts(data, region) if metric is None else by_period(facts):
        q, of = fact.quantity, data.metrics[fact.metric]
        before = fact.period.shifted(-1)
        old = by_key.get((fact.metric, before.canonical))
        if old is not None:
            prev = units.convert(old.quantity.value, old.quantity.unit, q.unit)
            deltas.append(_delta(fact, of, prev, before, pct_change(q.value, prev), "computed",
                                 _qualifier(q.qualifier, old.quantity.qualifier)))
        elif fact.previous is not None:
            deltas.append(_delta(fact, of, fact.previous, before, pct_change(q.value, fact.previous),
                                 "reported_previous", _qualifier(q.qualifier)))
        elif fact.yoy_pct is not None:
            derived = q.value / (1 + fact.yoy_pct / 100) if fact.yoy_pct != -100 else None
            deltas.append(_delta(fact, of, derived, before, fact.yoy_pct, "reported_pct", "approx"))
        elif fact.rank_change is not None:
            prev = q.value + fact.rank_change
            deltas.append(_delta(fact, of, prev, before, pct_change(q.value, prev), "reported_rank_change",
                                 _qualifier(q.qualifier)))
    if metric is not None and not deltas:
        raise NoData(f"{region.zh} has no year-over-year change for '{metric.id}': "
                     "no period a year earlier, and the source reports none")
    return deltas


# --------------------------------------------------------------------------- search


class SearchHits(NamedTuple):
    facts: tuple[Fact, ...]
    highlights: tuple[Highlight, ...]


def search(data: Dataset, text: str) -> SearchHits:
    """Facts and highlights whose label, alias, note, quote or region name contains ``text``."""
    wanted = text.strip().casefold()
    if not wanted:
        raise LookupFailed("empty search text")
    regions = {r.id for r in data.regions.values() if any(wanted in n.casefold() for n in r.names)}
    metrics = {m.id for m in data.metrics.values()
               if any(wanted in x.casefold() for x in (m.id, m.zh, m.en, *m.aliases))}

    def match(region: str, metric: str, note: str, quote: str) -> bool:
        return (region in regions or metric in metrics or wanted in note.casefold()
                or wanted in quote.casefold())

    highlights = [h for h in data.highlights
                  if h.region in regions or any(wanted in x.casefold() for x in (h.text, h.text_en, h.quote))]
    return SearchHits(tuple(data.facts_where(match)), tuple(highlights))
