"""Regions side by side: one row per metric, each cell a region's figure, a note where periods differ.

Pure functions over a :class:`~reporter.model.dataset.Dataset`: they return values and never print.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, NamedTuple

from reporter.errors import NoData
from reporter.messages import Message
from reporter.model import units
from reporter.model.periods import Period
from reporter.model.records import Fact, Metric, Region, Theme
from reporter.query.selection import (
    latest_key,
    latest_of,
    metric_order,
    refuse_unstated,
    season,
    series_of,
)

if TYPE_CHECKING:
    from reporter.model.dataset import Dataset





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
        self._asked: dict[str, CompareRow | None] = {}  # the rows bool() read: not read again by the first pass

    def __iter__(self) -> Iterator[CompareRow]:
        seen = self.seen = ComparisonSeen()
        for ident in self.ids:
            row = self._asked.pop(ident) if ident in self._asked else self._row(ident)
            if row is not None:
                seen.add(row)
                yield row

    def __bool__(self) -> bool:
        """Whether any row has a figure (read up to the first that has, kept for the first pass)."""
        for ident in self.ids:
            row = self._asked[ident] = self._row(ident)
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


SHEET_COLUMNS = 16_384  # the most columns a spreadsheet takes (Excel, LibreOffice): no output is wider
WIDE_KEYS_PER_REGION, DOWN_KEYS_PER_METRIC = 6, 5  # what compare_keys and compare_down_keys write per column


def layout(regions: int, metrics: int, long: bool = False) -> str:
    """How a comparison is laid out: ``metrics`` down (one row per metric, regions across) when the
    regions are few, ``regions`` down (one row per region, metrics across) when they are many
    (more than :attr:`Comparison.MANY`) and outnumber the metrics, ``long`` (one row per region and
    metric) when asked or when neither fits a spreadsheet. A comparison of a few regions keeps the
    layout scripts have read since the start (``.[].regions.R.value``)."""
    if long:
        return "long"
    wide = 5 + WIDE_KEYS_PER_REGION * regions
    down = 3 + DOWN_KEYS_PER_METRIC * metrics
    if regions > metrics and regions > Comparison.MANY and down <= SHEET_COLUMNS:
        return "regions"
    if wide <= SHEET_COLUMNS:
        return "metrics"
    return "regions" if down <= SHEET_COLUMNS else "long"


def top_regions(data: Dataset, regions: Sequence[Region], metric: Metric, period: Period | None,
                count: int) -> list[Region]:
    """``compare --top N --by METRIC``: the first ``count`` of ``regions`` by ``metric`` (better first,
    by its polarity) in ``period``, else by each region's latest figure; in the metric's unit, exactly.
    A region without a figure is not among them."""

    row = Comparison(data, regions, [metric.id], period, True)._row_of_many(metric.id)
    cells = row.cells if row is not None else ()
    scored = []
    for region, fact in zip(regions, cells):
        if fact is not None:
            try:
                scored.append((units.convert(fact.quantity.value, fact.quantity.unit, metric.unit), region))
            except ValueError:
                continue
    if not scored:
        raise NoData(Message("compare.by_unknown", metric=metric.said()))
    scored.sort(key=lambda pair: pair[0], reverse=metric.polarity == "higher")
    return [region for _, region in scored[:count]]
