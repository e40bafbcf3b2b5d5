"""``delta``: year-over-year changes, of one region's metrics or of one metric across regions."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING, Any, NamedTuple

from reporter.messages import Message
from reporter.model.records import Fact, Metric, Region
from reporter.query import selection as select
from reporter.query.compare import Comparison
from reporter.query.delta import Delta
from reporter.render import figures
from reporter.render.labels import Labels
from reporter.render.views.base import (
    VALUE_KEYS,
    Row,
    View,
    columns,
    in_metric_unit,
    period_notes,
    period_said,
    trend,
    value_fields,
)
from reporter.render.views.notes import places_words

if TYPE_CHECKING:
    from reporter.model.dataset import Dataset

_ARROWS = {"up": "↑", "down": "↓", "flat": "→"}
DELTA_KEYS = ["region", "metric", "label", "label_en", "period", "value", "unit", "qualifier", "previous",
              "previous_period", "change", "pct", "direction", "arrow", "good", "basis", "derived", "places",
              *VALUE_KEYS, "previous_base", "change_base", "newest_period", "newest_value"]


def _is_rank(fact: Fact, metric: Metric) -> bool:
    """A rank's change is in places gained (reporter.query.delta: one rule for every format)."""
    return metric.kind == "rank"


def delta_view(data: Dataset, region: Region | None, deltas: Iterable[Delta], lang: str,
               metric: Metric | None = None, latest: bool = False, notes: Sequence[str] = (),
               notes_lang: str | None = None) -> View:
    """One region's changes (``region``), or (``region`` None) every region's latest change of
    ``metric``, or of every metric (``metric`` None too: rows grouped by region).

    A rank's change is told as places gained or lost (``↑34位``), as ``show`` and ``brief`` say it,
    and the machine keys say the same (one rule in every format): ``change`` and ``places`` +34,
    ``direction`` up, ``good`` true. A change of an older figure shown because the newest figure's is
    not known is marked ``*`` and said in a note (``newest_period``, ``newest_value`` in machine records).
    """
    say = Labels(lang)
    every_region = region is None
    every_metric = every_region and metric is None
    carries, by_metric = _trend_rows(deltas, latest) if not every_region else (set(), False)
    shape = _Shape(every_region, every_metric, by_metric, carries,
                   _series_reader(data, deltas, region, metric, every_region, every_metric))
    older = _Older()

    def row(d: Delta) -> Row:
        older.see(d)
        return _row(data, d, say, shape)

    keys = ("period",) if by_metric else (shape.first_key, "period")
    told = Labels(notes_lang or lang)
    return View("delta", _title(say, region, metric, latest),
                columns(say, *keys, "value", "previous", "delta", "pct", "direction", "basis", "trend",
                        numeric=("value", "previous", "delta", "pct"), visual=("trend",), wrap=("label",),
                        shared=("period", "basis")),
                DELTA_KEYS, deltas, lambda d: _record(data, d), row,
                lambda: [*notes, *older.notes(deltas, told),
                         *(period_notes([d.fact for d in deltas], told) if isinstance(deltas, Sequence) else [])],
                group_label=say("region_name" if every_metric else "label"), lang=lang)


class _Shape(NamedTuple):
    """How a delta table is laid out: whose rows, grouped by what, which rows draw a trend."""

    every_region: bool
    every_metric: bool
    by_metric: bool
    carries: set[int]  # the deltas whose row draws the trend (one region's changes)
    series_of: Callable[[Fact], list[Fact]]

    @property
    def first_key(self) -> str:
        return "region_name" if self.every_region and not self.every_metric else "label"


class _Older:
    """Counts the rows showing an older figure's change, as the human rows are made (json, csv and tsv
    carry ``newest_period`` instead); the note says how many."""

    def __init__(self) -> None:
        self.count: int | None = None

    def see(self, delta: Delta) -> None:
        self.count = (self.count or 0) + (delta.newest is not None)

    def notes(self, deltas: Iterable[Delta], say: Labels) -> list[str]:
        count = self.count
        if count is None:  # no human row made: a machine format, whose records say it themselves
            return []
        return [Message("delta.older_change", count=count).text(say.lang)] if count else []


def _trend_rows(deltas: Iterable[Delta], latest: bool) -> tuple[set[int], bool]:
    """One region's changes (a few, in a list): the rows that draw a trend (each row, or one per
    metric and season), and whether a metric has several rows (then metrics head them)."""
    assert isinstance(deltas, Sequence)
    counts: dict[str, int] = {}
    for d in deltas:
        counts[d.fact.metric] = counts.get(d.fact.metric, 0) + 1
    carries: set[int] = set()
    seen: set[tuple[str, str, select.Season]] = set()
    for d in sorted(deltas, key=lambda d: d.fact.period.sort_key, reverse=True):
        key = (d.fact.region, d.fact.metric, select.season(d.fact.period))
        if latest or key not in seen:
            carries.add(id(d))
            seen.add(key)
    return carries, max(counts.values(), default=0) > 1


def _series_reader(data: Dataset, deltas: Iterable[Delta], region: Region | None, metric: Metric | None,
                   every_region: bool, every_metric: bool) -> Callable[[Fact], list[Fact]]:
    """The facts of a row's region and metric, for its sparkline: read on the first human row (json,
    csv and tsv draw none, and every region's facts are many): of its region and metric alone when
    every region's every metric is shown (they are made as they are read)."""
    few_regions = len(data.regions) <= Comparison.MANY  # sparklines for a few regions side by side
    series: dict[tuple[str, str], list[Fact]] = {}

    def series_of(fact: Fact) -> list[Fact]:
        if every_metric:
            return select.series_of(data, fact.region, fact.metric) if few_regions else []
        if not series:
            for d in deltas:
                series.setdefault((d.fact.region, d.fact.metric), [])
            facts = (data.facts_of(metric=metric.id) if every_region and metric
                     else data.facts_of(region.id if region else None))
            for each in facts:
                if (each.region, each.metric) in series:
                    series[(each.region, each.metric)].append(each)
        return series[(fact.region, fact.metric)]
    return series_of


def _record(data: Dataset, d: Delta) -> dict[str, Any]:
    fact, of = d.fact, data.metrics[d.fact.metric]
    return {"region": fact.region, "metric": of.id, "label": of.zh, "label_en": of.en,
            "period": fact.period.canonical, "value": fact.quantity.level, "unit": fact.quantity.unit,
            "qualifier": fact.quantity.qualifier, "previous": d.previous,
            # "the year before a period not stated" is no period a file or a --period can name
            "previous_period": d.previous_period.canonical if d.previous_period.comparable else None,
            "change": d.change, "pct": d.pct,
            "direction": d.direction, "arrow": _ARROWS.get(d.direction, ""), "good": d.good, "basis": d.basis,
            "derived": d.derived,
            "places": int(d.change) if _is_rank(fact, of) and d.change is not None else None,
            **value_fields(fact.quantity, of),
            "previous_base": None if d.previous is None else in_metric_unit(d.previous, fact.quantity.unit, of),
            "change_base": None if d.change is None else in_metric_unit(d.change, fact.quantity.unit, of),
            "newest_period": d.newest.period.canonical if d.newest else None,
            "newest_value": d.newest.quantity.value if d.newest else None}


def _row(data: Dataset, d: Delta, say: Labels, shape: _Shape) -> Row:
    lang = say.lang
    fact, of = d.fact, data.metrics[d.fact.metric]
    q = fact.quantity
    tone = "" if d.good is None else "good" if d.good else "bad"
    approx = "≈" if d.qualifier != "exact" else ""
    verdict = "" if d.good is None else say("good" if d.good else "bad")
    arrow = _ARROWS.get(d.direction, "")
    if _is_rank(fact, of):  # a rank's change is in places gained: up is better, in every format
        change = "" if d.change is None else approx + places_words(int(d.change), say)
    else:
        change = "" if d.change is None else approx + figures.change_amount(d.change, q.unit, lang, True,
                                                                            d.direction)
    line = trend(shape.series_of(fact), fact.period) if shape.every_region or id(d) in shape.carries else ""
    first = (data.regions[fact.region].name(lang) if shape.every_region and not shape.every_metric
             else of.label(lang))
    period = period_said(fact, lang) + (" " + say("delta.older_mark") if d.newest is not None else "")
    group = (of.label(lang) if shape.by_metric else data.regions[fact.region].name(lang) if shape.every_metric
             else None)
    return Row({shape.first_key: first, "period": period,
                "value": figures.quantity(q, lang, True, symbols=True),
                "previous": "" if d.previous is None else approx + figures.quantity(
                    q._replace(qualifier="exact"), lang, True, d.previous),
                "delta": change, "pct": figures.signed_pct(d.pct, True, d.direction),
                "direction": f"{arrow} {verdict}".strip(), "basis": say(f"basis.{d.basis}"), "trend": line},
               group=group, tones={"direction": tone, "delta": tone, "pct": tone})


def _title(say: Labels, region: Region | None, metric: Metric | None, latest: bool) -> str:
    if region is None and metric is None:
        return say("title.delta_every")
    if region is None:
        assert metric is not None
        return say("title.delta_all", metric=metric.label(say.lang))
    return say("title.delta_latest" if latest else "title.delta", region=region.name(say.lang))
