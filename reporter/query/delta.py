"""Year over year: a figure against the same period a year before, or the change its source reports.

Pure functions over a :class:`~reporter.model.dataset.Dataset`: they return values and never print.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from decimal import ROUND_HALF_EVEN, Decimal, getcontext, localcontext
from typing import TYPE_CHECKING, NamedTuple

from reporter.errors import NoData
from reporter.messages import Message
from reporter.model import units
from reporter.model.periods import Period
from reporter.model.records import Fact, Metric, Region
from reporter.query.selection import (
    by_period,
    latest_key,
    latest_of,
    region_facts,
    year_before,
)

if TYPE_CHECKING:
    from reporter.model.dataset import Dataset





class Delta(NamedTuple):
    """A year-over-year change: computed from two periods, or derived from what the source reports.

    Values derived by division (a previous value from a reported growth rate) are rounded to one
    more decimal than the value they come from (2.06 at +16% -> 1.776); a computed percentage to
    one decimal, keeping its sign when it rounds to zero (-0.0: a fall too small to show). A
    rank's change is in places, with no percentage.

    A fact whose period the source does not state can still carry a change the source reports
    (同比增长16%): its ``previous_period`` is then "the year before a period not stated", itself
    not stated (``previous_period.comparable`` is false; machine records give null).
    """

    fact: Fact
    previous: Decimal | None  # in the fact's unit
    previous_period: Period  # the same period a year earlier
    change: Decimal | None  # current - previous, in the fact's unit; for a rank, places gained (previous - current)
    pct: Decimal | None  # percent change; None on a zero or missing base, and for ranks
    basis: str  # computed | reported_pct | reported_previous | reported_rank_change
    qualifier: str  # exact, or approx when an input was qualified or derived by division
    direction: str  # up, down, flat or unknown: how the number moved (a rank: up when it gained places)
    good: bool | None  # whether that is good news by the metric's polarity; None when flat or unknown
    newest: Fact | None = None  # when this is an older figure's change: the newer figure whose change is not known

    @property
    def derived(self) -> bool:
        return self.basis != "computed"


def is_good(delta: Delta, metric: Metric) -> bool | None:
    """Whether a move is good news: up for a metric where higher is better, down where lower is; for a
    rank, up (places gained: its direction is the place's, not the number's)."""
    if metric.kind == "rank":
        return None if delta.direction in ("unknown", "flat") else delta.direction == "up"
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
    """Round a derived value to ``places`` decimals (half-even), however large it is: two figures
    that differ 10^30-fold (a unit slip) make a 31-digit percentage, past Decimal's default 28."""

    step = Decimal(1).scaleb(-places)
    if value.adjusted() + places + 2 <= getcontext().prec:  # as it mostly is: no context of its own to make
        return value.quantize(step, rounding=ROUND_HALF_EVEN)
    with localcontext() as context:
        context.prec = value.adjusted() + places + 2
        return value.quantize(step, rounding=ROUND_HALF_EVEN)


def _derived_places(written: Decimal) -> int:
    """A derived value is shown with one more decimal than the value it came from."""
    exponent = written.as_tuple().exponent
    return (-exponent if isinstance(exponent, int) and exponent < 0 else 0) + 1


def _qualifier(*quals: str) -> str:
    return "exact" if all(q == "exact" for q in quals) else "approx"


def _delta(fact: Fact, metric: Metric, previous: Decimal | None, before: Period, pct: Decimal | None,
           basis: str, qualifier: str) -> Delta:
    value = fact.quantity.value if fact.quantity.written else None  # growth-only: no level
    change = None if previous is None or value is None else value - previous
    if metric.kind == "rank" and change is not None:  # one rule for a rank's move: places gained are up, better
        change = -change
    moved = change if change is not None else pct
    direction = "unknown" if moved is None else "up" if moved > 0 else "down" if moved < 0 else "flat"
    if basis == "reported_pct" and value is not None:
        places = _derived_places(value)
        previous = None if previous is None else rounded(previous, places)
        change = None if change is None else rounded(change, places)
    elif pct is not None:
        pct = rounded(pct, 1)
    if metric.kind == "rank":
        pct = None
        moved_places = Delta(fact, previous, before, change, pct, basis, qualifier, direction, None)
        return moved_places._replace(good=is_good(moved_places, metric))
    return Delta(fact, previous, before, change, pct, basis, qualifier, direction, _good(direction, metric))


def yoy_deltas(data: Dataset, region: Region, metric: Metric | None = None, latest: bool = False) -> list[Delta]:
    """Year-over-year changes of a region's facts, for one metric or all that have one.

    With ``latest``, only each metric's newest change.
    """
    facts = data.facts_of(region.id, metric.id if metric else None)
    ordered = region_facts(data, region) if metric is None else by_period(facts)
    deltas = _deltas(data, facts, ordered)
    if metric is not None and not deltas:
        raise NoData(Message("query.no_change", region=region.said(), metric=metric.said()))
    if latest:
        newest = {id(_newest(group)) for group in _by_metric(deltas).values()}
        deltas = [d for d in deltas if id(d) in newest]
    return deltas


def _by_metric(deltas: Sequence[Delta]) -> dict[str, list[Delta]]:
    groups: dict[str, list[Delta]] = {}
    for d in deltas:
        groups.setdefault(d.fact.metric, []).append(d)
    return groups


def _newest(deltas: Sequence[Delta]) -> Delta:
    """The change of the latest fact (a dated one before one whose period is not stated)."""
    latest = latest_of(d.fact for d in deltas)
    return next(d for d in deltas if d.fact is latest)


def latest_deltas(data: Dataset, metric: Metric) -> list[Delta]:
    """Every region's newest year-over-year change of one metric, regions in catalogue order."""
    by_region: dict[str, list[Fact]] = {}
    for fact in data.facts_of(metric=metric.id):
        by_region.setdefault(fact.region, []).append(fact)
    deltas = []
    for region in data.regions:
        found = newest_change(data, by_period(by_region.get(region, ())))
        if found is not None:
            deltas.append(found)
    if not deltas:
        raise NoData(Message("query.no_region_change", metric=metric.said()))
    return deltas


def newest_change(data: Dataset, facts: Sequence[Fact]) -> Delta | None:
    """The change of the latest of ``facts`` (one region's, of one metric) that has one: what
    ``_newest`` picks among all their changes, working out only as many as it takes."""
    order = sorted(range(len(facts)), key=lambda i: latest_key(facts[i]), reverse=True)  # stable: ties keep order
    for i in order:
        found = _deltas(data, facts, (facts[i],))
        if found:  # an older figure's change beside a newer figure is said to be so, never passed off as new
            return found[0] if i == order[0] else found[0]._replace(newest=facts[order[0]])
    return None


class EveryNewestChange:
    """Every region's newest change of each metric (``delta --all``), regions in catalogue order and a
    region's metrics as ``show`` lists them: made as they are read, iterable again."""

    def __init__(self, data: Dataset) -> None:
        self.data = data

    def __iter__(self) -> Iterator[Delta]:
        for region in self.data.regions.values():
            groups: dict[str, list[Fact]] = {}
            for fact in region_facts(self.data, region):
                groups.setdefault(fact.metric, []).append(fact)
            for facts in groups.values():
                found = newest_change(self.data, facts)
                if found is not None:
                    yield found

    def __bool__(self) -> bool:
        return next(iter(self), None) is not None


def changes_among(data: Dataset, facts: Sequence[Fact]) -> list[Delta]:
    """The year-over-year changes of ``facts`` (one region's, of one metric or more), each against
    the fact a year earlier among them, or as the source reports it; in the order given."""
    return _deltas(data, facts, facts)


def change_of(data: Dataset, facts: Sequence[Fact], fact: Fact) -> Delta | None:
    """The year-over-year change of one of ``facts`` (one region's), as :func:`changes_among` works
    it out, or None when it has none."""
    found = _deltas(data, facts, (fact,))
    return found[0] if found else None


def _deltas(data: Dataset, facts: Sequence[Fact], ordered: Sequence[Fact]) -> list[Delta]:
    """The changes of ``ordered`` (one region's facts), each against ``facts`` a year earlier or as reported."""
    by_key = {(f.metric, f.period.canonical): f for f in facts}
    deltas = []
    for fact in ordered:
        q, of = fact.quantity, data.metrics[fact.metric]
        before = year_before(fact.period)
        if fact.growth_only:  # no level: the change as the source reports it, and no previous value
            if fact.yoy_pct is not None:
                deltas.append(_delta(fact, of, None, before, fact.yoy_pct, "reported_pct", _qualifier(q.qualifier)))
            continue
        old = by_key.get((fact.metric, before.canonical))
        if old is not None and old.growth_only:
            old = None
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
    return deltas


class FailOn(NamedTuple):
    """``--fail-on``: which changes fail a nightly check, and by how much they must have moved."""

    want: str  # worse, better or any
    strict: bool = True  # > (else >=)
    amount: Decimal | None = None  # the threshold: None, any move counts
    percent: bool = False  # the threshold is a percentage (else in the metric's unit; places for a rank)

    def flags(self, delta: Delta) -> bool:
        """Whether ``delta`` fails the check: it went the way asked (worse: against the metric's
        polarity), by more than the threshold. A percentage threshold cannot judge a change with no
        percentage (a rank, a zero base): it is not flagged."""
        if delta.good is None or (self.want == "worse" and delta.good) or (self.want == "better" and not delta.good):
            return False
        if self.amount is None:
            return True
        moved = delta.pct if self.percent else delta.change
        if moved is None:
            return False
        moved = abs(moved)
        return moved > self.amount if self.strict else moved >= self.amount


_FAIL_ON = re.compile(r"\s*(worse|better|any)\s*(?:(>=|>)\s*(\d+(?:\.\d+)?)\s*(%?))?\s*", re.IGNORECASE)


def parse_fail_on(text: str) -> FailOn:
    """``worse``, ``worse>5%``, ``better>=10``, ``any>0.5%``: a ValueError for anything else."""
    found = _FAIL_ON.fullmatch(text)
    if found is None:
        raise ValueError(text)
    want, op, amount, percent = found.groups()
    return FailOn(want.lower(), op != ">=", Decimal(amount) if amount else None, bool(percent))


def since(deltas: Iterable[Delta], period: Period) -> Iterator[Delta]:
    """The changes of figures of ``period`` or later (a nightly run asks only what is new: an older
    change shown beside a newer figure is not new); a figure whose period is not stated is never
    "since" anything."""
    for delta in deltas:
        fact = delta.fact
        if fact.period.comparable and fact.period.last >= period.first:
            yield delta
