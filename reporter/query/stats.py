"""``stats``: one metric's figures of one period, grouped by prefecture, province or level.

Per group: how many regions, and the sum, mean, median, least and greatest figure, and the group's
share of the whole (占比). Money is converted to the metric's unit exactly (Decimal, via
:mod:`reporter.model.units`). Only what adds up is added: flows, stocks and counts; a rate, a rank,
a percentage or a target has no sum and no share, and the answer says why instead of printing a
wrong total. A qualified figure (多, 近, 约) qualifies every figure computed from it: a sum that
includes a "more than" is "more than" (:func:`combined`). Pure functions; they never print.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from decimal import Decimal, localcontext
from typing import TYPE_CHECKING, NamedTuple

from reporter.errors import NoData
from reporter.messages import Message
from reporter.model import units
from reporter.model.periods import Period
from reporter.model.records import Fact, Metric, Region
from reporter.query.selection import counted, most_reported, refuse_unstated

if TYPE_CHECKING:
    from reporter.model.dataset import Dataset

GROUPINGS = ("prefecture", "province", "level")
NO_SUM_KINDS = ("rate", "rank", "target")
NO_SUM_UNITS = ("%", "位")


class Figure(NamedTuple):
    """A computed number and the qualifier its inputs leave on it (exact, more_than, nearly, approx)."""

    value: Decimal
    qualifier: str = "exact"


class GroupStats(NamedTuple):
    """One group's statistics (``sum`` and ``share`` None where the metric does not add up)."""

    group: str  # a prefecture's or province's zh name, or a level ("county" …); "" for the whole
    size: int  # how many regions
    sum: Figure | None
    mean: Figure
    median: Figure
    least: Figure
    greatest: Figure
    share: Figure | None  # per cent of the whole's sum


class Stats(NamedTuple):
    """A metric's statistics per group within one period, the whole after the groups."""

    metric: Metric
    period: Period
    by: str
    groups: tuple[GroupStats, ...]
    whole: GroupStats
    summable: bool
    qualified: int  # how many figures carry a qualifier
    unconverted: int  # figures whose unit does not convert to the metric's (left out)
    ungrouped: int  # regions with no prefecture/province/level (left out of the groups, not of the whole)


def summable(metric: Metric) -> bool:
    """Whether the metric's figures add up: flows, stocks and counts do; rates, ranks, targets and
    percentages never do."""
    return metric.kind not in NO_SUM_KINDS and metric.unit not in NO_SUM_UNITS


def combined(qualifiers: Iterable[str]) -> str:
    """The qualifier of a number computed from figures so qualified: exact when all are; "more than"
    when the others are exact or "more than"/"at least" (a sum including 9100多 is more than the sum);
    "nearly" likewise; any other mix is "approx"."""
    inexact = {q for q in qualifiers if q != "exact"}
    if not inexact:
        return "exact"
    if inexact <= {"more_than", "at_least"}:
        return "more_than" if "more_than" in inexact else "at_least"
    if inexact == {"nearly"}:
        return "nearly"
    return "approx"


def group_of(region: Region, by: str) -> str:
    return str(getattr(region, by))


def metric_stats(data: Dataset, metric: Metric, by: str, period: Period | None = None) -> Stats:
    """The statistics of ``metric`` per ``by`` group in ``period`` (default: the period most regions
    have); a region with several figures of the period counts once, by its first."""
    refuse_unstated(period, "stats")
    items = list(data.store.items(metric=metric.id))  # facts are built for the chosen period alone
    if not items:
        raise NoData(Message("query.no_region_has", metric=metric.said()))
    reported = [p for item in items for p in item.periods()]
    chosen_period = period or most_reported(counted(reported))
    if chosen_period is None:
        raise NoData(Message("unstated.rank", metric=metric.id, regions="、".join(
            dict.fromkeys(data.regions[item.region].zh for item in items))))
    facts = [f for item in items for f in item.expand_periods((chosen_period.canonical,))]
    values: dict[str, tuple[Decimal, str]] = {}
    unconverted = 0
    for fact in facts:
        if fact.period.canonical != chosen_period.canonical or fact.region in values:
            continue
        value = _in_unit(fact, metric.unit)
        if value is None:
            unconverted += 1
        else:
            values[fact.region] = (value, fact.quantity.qualifier)
    if not values:
        periods = ", ".join(sorted({p.canonical for p in reported if p.comparable}))
        raise NoData(Message("query.no_fact_for", metric=metric.said(), period=chosen_period.said(),
                             periods=periods))
    adds = summable(metric)
    groups: dict[str, list[tuple[Decimal, str]]] = {}
    ungrouped = 0
    for region, pair in values.items():
        key = group_of(data.regions[region], by)
        if key:
            groups.setdefault(key, []).append(pair)
        else:
            ungrouped += 1
    whole = _stats("", list(values.values()), adds, None)
    rows = [_stats(key, members, adds, whole.sum, len(values)) for key, members in groups.items()]
    higher = metric.polarity == "higher"
    rows.sort(key=lambda g: (-(g.sum.value if g.sum else g.mean.value) if higher
                             else (g.sum.value if g.sum else g.mean.value), g.group))
    qualified = sum(1 for _, q in values.values() if q != "exact")
    return Stats(metric, chosen_period, by, tuple(rows), whole, adds, qualified, unconverted, ungrouped)


def _in_unit(fact: Fact, unit: str) -> Decimal | None:
    if fact.quantity.unit == unit:
        return fact.quantity.value
    try:
        return units.convert(fact.quantity.value, fact.quantity.unit, unit)
    except ValueError:
        return None


def _stats(group: str, members: Sequence[tuple[Decimal, str]], adds: bool, whole_sum: Figure | None,
           whole_count: int = 0) -> GroupStats:
    ordered = sorted(members, key=lambda m: m[0])
    every = combined(q for _, q in members)
    with localcontext() as context:
        context.prec = 40  # money in 元 over a country: no rounding in the sum
        total = sum((v for v, _ in members), Decimal(0))
        mean = Figure(_rounded(total / len(members)), every)
        middle = len(ordered) // 2
        if len(ordered) % 2:
            median = Figure(ordered[middle][0], ordered[middle][1])
        else:
            pair = ordered[middle - 1:middle + 1]
            median = Figure(_rounded((pair[0][0] + pair[1][0]) / 2), combined(q for _, q in pair))
        summed = Figure(units.normalise(total), every) if adds else None
        share = None
        if adds and whole_sum is not None and whole_sum.value:
            sharing = combined((every, whole_sum.qualifier))
            exact = sharing == "exact" or len(members) == whole_count  # a group that is the whole: 100%
            share = Figure(_rounded(total * 100 / whole_sum.value, 2), "exact" if exact else "approx")
        elif adds and whole_sum is None and total:
            share = Figure(Decimal(100), "exact")
    return GroupStats(group, len(members), summed, mean, median, Figure(*ordered[0]), Figure(*ordered[-1]), share)


def _rounded(value: Decimal, places: int = 2) -> Decimal:
    """A quotient to ``places`` decimals at most, trailing zeros dropped (a mean of whole numbers that
    is whole stays whole)."""
    return units.normalise(value.quantize(Decimal(1).scaleb(-places)))
