"""Questions asked of a dataset: rank, compare, year over year, search.

Pure functions over a :class:`~reporter.model.dataset.Dataset`: they return values and never print.
(Choosing facts without arithmetic is :mod:`reporter.query.selection`.)
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from decimal import Decimal
from typing import TYPE_CHECKING, NamedTuple

from reporter.errors import NoData
from reporter.messages import Message
from reporter.model import units
from reporter.model.periods import Period
from reporter.model.records import Fact, Highlight, Metric, Region, Theme
from reporter.query.selection import (
    EVERY_PERIOD,
    PeriodTable,
    Window,
    by_period,
    latest_key,
    latest_of,
    latest_period,
    like,
    metric_by_period,
    metric_order,
    refuse_unstated,
    region_facts,
    season,
    series_of,
    stated_facts,
)

if TYPE_CHECKING:
    from reporter.model.dataset import Dataset


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
    """Regions ranked within one period, and what was left out, told apart as the notes need it."""

    metric: Metric
    period: Period
    rows: tuple[RankRow, ...]
    left_out: tuple[Fact, ...]  # unranked regions' latest facts of periods not comparable with this one
    other_periods: tuple[Period, ...] = ()  # comparable periods with data (other years), oldest first
    asked: bool = False  # whether the period was asked for (else it is the one most regions have)
    unstated: tuple[Fact, ...] = ()  # the latest figure of each region whose figures all have no stated period



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
             data: Dataset) -> Ranking:
    asked = period is not None
    if period is None:
        period = latest_period(facts)
        assert period is not None  # the caller made sure a fact has a stated period
    chosen = [f for f in facts if f.period.canonical == period.canonical]
    if not chosen:
        periods = ", ".join(sorted({f.period.canonical for f in facts if f.period.comparable}))
        raise NoData(Message("query.no_fact_for", metric=metric.said(), period=period.said(), periods=periods))
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
    ranked = {f.region for f in chosen}
    wanted = season(period)
    unlike: dict[str, Fact] = {}  # an unranked region's latest fact of another kind of period
    others: dict[str, Period] = {}
    for fact in by_period(facts):
        if fact.period.canonical == period.canonical or not fact.period.comparable:
            continue
        if season(fact.period) == wanted:
            others[fact.period.canonical] = fact.period
        elif fact.region not in ranked:
            unlike[fact.region] = fact
    return Ranking(metric, period, tuple(rows), tuple(by_period(unlike.values())),
                   tuple(sorted(others.values(), key=lambda p: p.sort_key)), asked, _undated_only(facts))


def _undated_only(facts: Sequence[Fact]) -> tuple[Fact, ...]:
    """The latest figure of each region that has figures but none with a stated period: the
    regions a ranking leaves out for that reason alone."""
    dated = {f.region for f in facts if f.period.comparable}
    latest = {f.region: f for f in by_period(facts) if f.region not in dated}
    return tuple(latest.values())


def rank_each_period(data: Dataset, metric: Metric, period: Period | None = None, window: Window = EVERY_PERIOD,
                     top: int | None = None, reverse: bool = False) -> list[Ranking]:
    """One ranking per period comparable with ``period`` (default: the one most regions have), oldest first."""
    refuse_unstated(period, "rank")
    every = data.facts_of(metric=metric.id)
    facts = stated_facts(metric, every, data)
    reference = period or latest_period(facts)
    if reference is None:
        raise NoData(Message("query.no_region_has", metric=metric.said()))
    periods = window.choose(f.period for f in like(facts, reference))
    if not periods:
        raise NoData(Message("no_fact_like", metric=metric.said(), reference=reference.said()))
    by_canonical: dict[str, list[Fact]] = {}
    for fact in facts:
        by_canonical.setdefault(fact.period.canonical, []).append(fact)
    undated = _undated_only(every)
    return [_ranking(metric, by_canonical[p.canonical], p, top, reverse, data)._replace(unstated=undated)
            for p in periods]


class PlaceRow(NamedTuple):
    """A region's place in one period's ranking, and how many places it gained since a year before."""

    period: Period
    position: int
    total: int
    fact: Fact
    gained: int | None  # places gained (positive) or lost since the same period a year before; None: no such


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
        ranking = _ranking(metric, by_canonical[p.canonical], p, None, False, data)
        row = next(r for r in ranking.rows if r.region.id == region.id)
        before = rows[-1] if rows and rows[-1].period.canonical == p.shifted(-1).canonical else None
        gained = None if before is None else before.position - row.position
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


# --------------------------------------------------------------------------- compare


class CompareRow(NamedTuple):
    metric: Metric
    cells: tuple[Fact | None, ...]  # one per region: the asked-for period's fact, else its latest (or None)
    history: tuple[tuple[Fact, ...], ...]  # every period per region, oldest first (comparing a few regions:
    # empty past Comparison.MANY, where no sparkline is drawn)
    left_out: tuple[Fact, ...] = ()  # with a period asked for: regions' latest facts of unlike periods
    unstated: tuple[Fact, ...] = ()  # with a period asked for: regions whose only other figures have no period

    @property
    def mixed(self) -> bool:
        """Whether the row puts values that do not share one period side by side: different periods,
        or any value whose period the source does not state beside another value."""
        shown = [f for f in self.cells if f is not None]
        return len({f.period.canonical for f in shown}) > 1 or self.unstated_beside

    @property
    def unstated_beside(self) -> bool:
        """Whether a value with no stated period stands beside another value (never comparable)."""
        shown = [f for f in self.cells if f is not None]
        return len(shown) > 1 and any(not f.period.comparable for f in shown)


def compare_regions(data: Dataset, regions: Sequence[Region], metrics: Sequence[Metric] = (),
                    theme: Theme | None = None, period: Period | None = None) -> Comparison:
    """Regions side by side: one row per metric any of them reports (or the metrics asked for).

    Each cell is a region's latest fact (a dated one before one whose period is not stated), or
    with ``period`` the fact of exactly that period, as in ``rank``: a region that reports the
    metric only for unlike periods is named in ``left_out``, one whose other figures have no
    stated period in ``unstated``. A period not stated cannot be asked for.

    The rows are made as they are read (:class:`Comparison`), so every region of the country can
    be compared in bounded memory; :class:`NoData` when no row has a single figure.
    """
    refuse_unstated(period, "compare")
    if metrics:
        ids = [m.id for m in metrics]
    else:
        wanted = {r.id for r in regions}
        reporters = data.coverage()[1]
        ids = metric_order(data, (m for m, by in reporters.items() if not wanted.isdisjoint(by)
                                  and (theme is None or data.metrics[m].theme == theme.id)))
    comparison = Comparison(data, regions, ids, period, bool(metrics))
    if not comparison:
        raise NoData(Message("query.nothing_to_compare_in", period=period.said()) if period
                     else Message("query.nothing_to_compare"))
    return comparison


class Comparison:
    """The rows of a comparison, one per metric, each made when it is read (iterable again).

    What the notes under a comparison need (rows that mix periods, figures left out) is tallied
    in :attr:`seen` as the rows are read, so it is known once they have all been read once."""

    MANY = 16  # comparing more regions than this, a metric's facts are read in one pass, not per region

    def __init__(self, data: Dataset, regions: Sequence[Region], ids: Sequence[str], period: Period | None,
                 every_row: bool) -> None:
        self.data, self.regions, self.ids, self.period, self.every_row = data, list(regions), list(ids), period, \
            every_row
        self.seen = ComparisonSeen()

    def __iter__(self) -> Iterator[CompareRow]:
        seen = self.seen = ComparisonSeen()
        for ident in self.ids:
            row = self._row(ident)
            if row is not None:
                seen.add(row)
                yield row

    def __bool__(self) -> bool:
        """Whether any row has a figure (read up to the first that has)."""
        for ident in self.ids:
            row = self._row(ident)
            if row is not None and any(row.cells):
                return True
        return False

    def _histories(self, ident: str) -> tuple[tuple[Fact, ...], ...]:
        return tuple(tuple(series_of(self.data, r.id, ident)) for r in self.regions)

    def _row_of_many(self, ident: str) -> CompareRow | None:
        """:meth:`_row` for many regions: the metric's facts read once, as they come, keeping of each
        region only the few facts a row needs (its latest, the asked period's, its latest unlike
        one), not every period of every county (no sparklines at this width)."""
        period, metric = self.period, self.data.metrics[ident]
        wanted = season(period) if period is not None else None
        latest: dict[str, Fact] = {}
        cells: dict[str, Fact] = {}
        unlike: dict[str, Fact] = {}
        undated: set[str] = set()
        for fact in self.data.iter_facts_of(metric=ident):
            region = fact.region
            best = latest.get(region)
            if best is None or latest_key(fact) > latest_key(best):
                latest[region] = fact
            if period is None:
                continue
            if not fact.period.comparable:
                undated.add(region)
            elif fact.period.canonical == period.canonical:
                cells[region] = fact
            elif season(fact.period) != wanted:
                other = unlike.get(region)
                if other is None or fact.period.sort_key >= other.period.sort_key:
                    unlike[region] = fact
        ids = [r.id for r in self.regions]
        if period is None:
            return CompareRow(metric, tuple(latest.get(r) for r in ids), ())
        row = tuple(cells.get(r) for r in ids)
        left_out = tuple(unlike[r] for r in ids if r not in cells and r in unlike)
        silent = tuple(latest[r] for r in ids if r not in cells and r not in unlike and r in undated)
        if any(row) or self.every_row:
            return CompareRow(metric, row, (), left_out, silent)
        return None

    def _row(self, ident: str) -> CompareRow | None:
        if len(self.regions) > self.MANY:
            return self._row_of_many(ident)
        history, period, metric = self._histories(ident), self.period, self.data.metrics[ident]
        kept = history  # sparklines: a few regions side by side
        if period is None:
            return CompareRow(metric, tuple(latest_of(h) for h in history), kept)
        cells = tuple(next((f for f in h if f.period.canonical == period.canonical), None) for h in history)
        wanted = season(period)
        unlike = [[f for f in h if f.period.comparable and season(f.period) != wanted] for h in history]
        left_out = tuple(u[-1] for u, cell in zip(unlike, cells) if cell is None and u)
        silent = tuple(latest_of(h) for h, u, cell in zip(history, unlike, cells)
                       if cell is None and not u and any(not f.period.comparable for f in h))
        if any(cells) or self.every_row:
            return CompareRow(metric, cells, kept, left_out, tuple(f for f in silent if f is not None))
        return None


class ComparisonSeen:
    """What the rows of a comparison read so far hold that a reader must be told of."""

    def __init__(self) -> None:
        self.mixed: list[CompareRow] = []  # rows whose dated values differ in period (the first is kept whole)
        self.mixed_count = 0
        self.unstated_beside: list[CompareRow] = []
        self.unstated_beside_count = 0
        self.left_out: list[Fact] = []
        self.unstated: list[Fact] = []

    def add(self, row: CompareRow) -> None:
        if len({f.period.canonical for f in row.cells if f and f.period.comparable}) > 1:
            self.mixed_count += 1
            self.mixed = self.mixed or [row._replace(history=())]
        if row.unstated_beside:
            self.unstated_beside_count += 1
            self.unstated_beside = self.unstated_beside or [row._replace(history=())]
        self.left_out.extend(row.left_out)
        self.unstated.extend(row.unstated)


# --------------------------------------------------------------------------- year over year


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
    """Round a derived value to ``places`` decimals (half-even), however large it is: two figures
    that differ 10^30-fold (a unit slip) make a 31-digit percentage, past Decimal's default 28."""
    from decimal import ROUND_HALF_EVEN, localcontext

    with localcontext() as context:
        context.prec = max(context.prec, value.adjusted() + places + 2)
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
        if found:
            return found[0]
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


def _deltas(data: Dataset, facts: Sequence[Fact], ordered: Sequence[Fact]) -> list[Delta]:
    """The changes of ``ordered`` (one region's facts), each against ``facts`` a year earlier or as reported."""
    by_key = {(f.metric, f.period.canonical): f for f in facts}
    deltas = []
    for fact in ordered:
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
    return deltas


# --------------------------------------------------------------------------- search


class SearchHits(NamedTuple):
    facts: Iterable[Fact]  # lazy (Dataset.facts_where): iterable again, bool() and len() without a list
    highlights: tuple[Highlight, ...]


def search(data: Dataset, text: str) -> SearchHits:
    """Facts and highlights whose label, alias, note, quote or region name contains ``text``."""
    wanted = text.strip().casefold()
    if not wanted:  # no text is no question: a usage error (exit 2), like a period that is no period
        from reporter.errors import UsageProblem
        from reporter.messages import Message

        raise UsageProblem(Message("search.empty"))
    regions = {r.id for r in data.regions.values() if any(wanted in n.casefold() for n in r.names)}
    metrics = {m.id for m in data.metrics.values()
               if any(wanted in x.casefold() for x in (m.id, m.zh, m.en, *m.aliases))}

    def match(region: str, metric: str, note: str, quote: str) -> bool:
        return (region in regions or metric in metrics or wanted in note.casefold()
                or wanted in quote.casefold())

    highlights = [h for h in data.highlights
                  if h.region in regions or any(wanted in x.casefold() for x in (h.text, h.text_en, h.quote))]
    return SearchHits(data.facts_where(match), tuple(highlights))
