"""``delta``: year-over-year changes, of one region's metrics or of one metric across regions."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

from reporter.model.records import Fact, Metric, Region
from reporter.query import selection as select
from reporter.query.compare import Comparison
from reporter.query.delta import Delta
from reporter.render import numbers
from reporter.render.labels import Labels
from reporter.render.views.base import (
    VALUE_KEYS,
    Row,
    View,
    columns,
    in_metric_unit,
    trend,
    value_fields,
)
from reporter.render.views.show import places_words

if TYPE_CHECKING:
    from reporter.model.dataset import Dataset

_ARROWS = {"up": "↑", "down": "↓", "flat": "→"}
DELTA_KEYS = ["region", "metric", "label", "label_en", "period", "value", "unit", "qualifier", "previous",
              "previous_period", "change", "pct", "direction", "arrow", "good", "basis", "derived", "places",
              *VALUE_KEYS, "previous_base", "change_base"]


def _is_rank(fact: Fact) -> bool:
    return fact.quantity.unit == "位"


def delta_view(data: Dataset, region: Region | None, deltas: Iterable[Delta], lang: str,
               metric: Metric | None = None, latest: bool = False, notes: Sequence[str] = ()) -> View:
    """One region's changes (``region``), or (``region`` None) every region's latest change of
    ``metric``, or of every metric (``metric`` None too: rows grouped by region).

    A rank's change is told as places gained or lost (``↑34位``), as ``show`` and ``brief`` say it;
    the machine keys keep the number's own move (``change`` −34, ``direction`` down) and add
    ``places`` (34).
    """
    say = Labels(lang)
    every_region = region is None
    every_metric = every_region and metric is None
    series: dict[tuple[str, str], list[Fact]] = {}

    def series_of(fact: Fact) -> list[Fact]:
        """The facts of a row's region and metric, for its sparkline: read on the first human row
        (json, csv and tsv draw none, and every region's facts are many): of its region and metric
        alone when every region's every metric is shown (they are made as they are read)."""
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

    few_regions = len(data.regions) <= Comparison.MANY  # sparklines for a few regions side by side
    counts: dict[str, int] = {}
    carries: set[int] = set()  # the deltas whose row draws the trend: each row, or one per metric and season
    if not every_region:  # one region's changes: a few, and a list (every region's are made as read)
        assert isinstance(deltas, Sequence)
        for d in deltas:
            counts[d.fact.metric] = counts.get(d.fact.metric, 0) + 1
        seen: set[tuple[str, str, select.Season]] = set()
        for d in sorted(deltas, key=lambda d: d.fact.period.sort_key, reverse=True):
            key = (d.fact.region, d.fact.metric, select.season(d.fact.period))
            if latest or key not in seen:
                carries.add(id(d))
                seen.add(key)
    by_metric = not every_region and max(counts.values(), default=0) > 1
    by_region = every_metric  # every region and metric: a region heads its rows

    first_key = "region_name" if every_region and not every_metric else "label"

    def record(d: Delta) -> dict[str, Any]:
        fact, of = d.fact, data.metrics[d.fact.metric]
        return {"region": fact.region, "metric": of.id, "label": of.zh, "label_en": of.en,
                "period": fact.period.canonical, "value": fact.quantity.level, "unit": fact.quantity.unit,
                "qualifier": fact.quantity.qualifier, "previous": d.previous,
                # "the year before a period not stated" is no period a file or a --period can name
                "previous_period": d.previous_period.canonical if d.previous_period.comparable else None,
                "change": d.change, "pct": d.pct,
                "direction": d.direction, "arrow": _ARROWS.get(d.direction, ""), "good": d.good, "basis": d.basis,
                "derived": d.derived,
                "places": int(-d.change) if _is_rank(fact) and d.change is not None else None,
                **value_fields(fact.quantity, of),
                "previous_base": None if d.previous is None else in_metric_unit(d.previous, fact.quantity.unit, of),
                "change_base": None if d.change is None else in_metric_unit(d.change, fact.quantity.unit, of)}

    def row(d: Delta) -> Row:
        fact, of = d.fact, data.metrics[d.fact.metric]
        q = fact.quantity
        tone = "" if d.good is None else "good" if d.good else "bad"
        approx = "≈" if d.qualifier != "exact" else ""
        verdict = "" if d.good is None else say("good" if d.good else "bad")
        arrow = _ARROWS.get(d.direction, "")
        if _is_rank(fact):  # the place rose when its number fell
            arrow = {"up": "↓", "down": "↑"}.get(d.direction, arrow)
            change = "" if d.change is None else approx + places_words(int(-d.change), say)
        else:
            change = "" if d.change is None else approx + numbers.change_amount(d.change, q.unit, lang, True,
                                                                                d.direction)
        line = trend(series_of(fact), fact.period) if every_region or id(d) in carries else ""
        first = data.regions[fact.region].name(lang) if every_region and not by_region else of.label(lang)
        return Row({first_key: first, "period": fact.period.in_words(lang),
                    "value": numbers.quantity(q, lang, True, symbols=True),
                    "previous": "" if d.previous is None else approx + numbers.quantity(
                        q._replace(qualifier="exact"), lang, True, d.previous),
                    "delta": change, "pct": numbers.signed_pct(d.pct, True, d.direction),
                    "direction": f"{arrow} {verdict}".strip(), "basis": say(f"basis.{d.basis}"), "trend": line},
                   group=of.label(lang) if by_metric else data.regions[fact.region].name(lang) if by_region else None,
                   tones={"direction": tone, "delta": tone, "pct": tone})

    if every_metric:
        title = say("title.delta_every")
    elif every_region:
        assert metric is not None
        title = say("title.delta_all", metric=metric.label(lang))
    else:
        assert region is not None
        title = say("title.delta_latest" if latest else "title.delta", region=region.name(lang))
    # a metric with several years of changes heads them, and each row starts with its period
    keys = ("period",) if by_metric else (first_key, "period")
    return View("delta", title,
                columns(say, *keys, "value", "previous", "delta", "pct", "direction", "basis", "trend",
                        numeric=("value", "previous", "delta", "pct"), visual=("trend",), wrap=("label",),
                        shared=("period", "basis")),
                DELTA_KEYS, deltas, record, row, list(notes), group_label=say("region_name" if by_region else "label"),
                lang=lang)
