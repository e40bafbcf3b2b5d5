"""Views of the catalogues and of facts one by one: export's flat records, regions, metrics, search."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from decimal import Decimal
from functools import lru_cache
from typing import TYPE_CHECKING, Any, NamedTuple

from reporter.model.period_words import parse_period
from reporter.model.records import Fact, Highlight, Metric, Region, Theme
from reporter.query.search import SearchHits
from reporter.render import figures
from reporter.render.labels import Labels
from reporter.render.safe import clean
from reporter.render.views.base import (
    VALUE_KEYS,
    Block,
    Chain,
    Digits,
    Number,
    Row,
    View,
    columns,
    in_metric_unit,
    period_notes,
    period_said,
    theme_name,
    value_fields,
)

if TYPE_CHECKING:
    from reporter.model.dataset import Dataset
    from reporter.model.periods import Period


# --------------------------------------------------------------------------- export: the flat contract

EXPORT_KEYS = ["region", "region_name", "metric", "label", "label_en", "theme", "value", "unit", "period",
               "qualifier", "yoy_pct", "previous", "rank_change", "note", "source", "quote", *VALUE_KEYS,
               "period_basis"]  # added after the value keys: no column of the contract moved


def fact_record(data: Dataset, fact: Fact) -> dict[str, Any]:
    """One fact as a flat record: the contract of ``export`` (documented in docs/data-format.md)."""
    metric = data.metrics[fact.metric]
    return {
        "region": fact.region, "region_name": data.regions[fact.region].zh, "metric": fact.metric,
        "label": metric.zh, "label_en": metric.en, "theme": metric.theme, "value": fact.quantity.level,
        "unit": fact.quantity.unit, "period": fact.period.canonical, "qualifier": fact.quantity.qualifier,
        "yoy_pct": fact.yoy_pct, "previous": fact.previous, "rank_change": fact.rank_change,
        "note": fact.note, "source": fact.source, "quote": fact.quote, **value_fields(fact.quantity, metric),
        "period_basis": fact.period_basis,
    }


def export_view(data: Dataset, lang: str, facts: Sequence[Fact] | None = None,
                seen: Callable[[int], object] | None = None) -> View:
    """Facts as flat records (every fact of the data unless given some): export's and get's view.

    Every fact of the data is streamed, item by item from the store (a series' facts share all but
    their period and value, which are all that is made anew for each); ``seen(n)`` is told of each
    item's ``n`` facts as their records are made (a progress bar's advance)."""
    say = Labels(lang)

    def row(fact: Fact) -> Row:
        return Row({"region_name": data.regions[fact.region].zh, "label": data.metrics[fact.metric].label(lang),
                    "value": figures.quantity(fact.quantity, lang, True), "period": period_said(fact, lang),
                    "quote": fact.quote})

    return View("facts", say("title.facts"),
                columns(say, "region_name", "label", "value", "period", "quote", wrap=("label", "quote")),
                EXPORT_KEYS, _EveryFact(data) if facts is None else facts, lambda fact: fact_record(data, fact), row,
                lang=lang, blocks=(lambda: _export_blocks(data, seen)) if facts is None else None)


class _EveryFact:
    """Every fact of the data, in file order, built as it is read (never a list of them all)."""

    def __init__(self, data: Dataset) -> None:
        self.data = data

    def __iter__(self) -> Iterator[Fact]:
        return self.data.iter_facts()

    def __bool__(self) -> bool:
        return bool(self.data.regions)


# value, period, yoy_pct, previous, rank_change, value_base, value_text: what a series' facts vary in
_VARYING = (6, 8, 10, 11, 12, 16, 18)


def _export_blocks(data: Dataset, seen: Callable[[int], object] | None = None) -> Iterator[Block]:
    """:func:`fact_record`'s values for every fact, a block per store item: what a series' facts share
    is cleaned once (each distinct text once: a region's name recurs in its every series), and no Fact
    is built for each."""

    regions, metrics = data.regions, data.metrics
    said = lru_cache(maxsize=50_000)(clean)  # bounded: a stream has no end

    for item in data.store.items():
        first = item.first()
        metric, quantity = metrics[first.metric], first.quantity
        row = (said(first.region), said(regions[first.region].zh), said(first.metric), said(metric.zh),
               said(metric.en), said(metric.theme), None, said(quantity.unit), None, said(quantity.qualifier),
               None, None, None, said(first.note), said(first.source), said(first.quote), None,
               said(metric.unit), None, said(first.period_basis))
        if quantity.unit == metric.unit:  # the value is its base value: no arithmetic for each fact
            yield Block(row, _VARYING, [(number, period.canonical, None if yoy is None else Number(yoy),
                                         None if previous is None else Number(previous), rank, number, Digits(value))
                                        for period, value, yoy, previous, rank in item.variants()
                                        for number in (Number(value) if value else None,)])  # "": no value
        else:
            yield Block(row, _VARYING, [(Number(value) if value else None, period.canonical,
                                         None if yoy is None else Number(yoy),
                                         None if previous is None else Number(previous), rank,
                                         _in_metric_unit(value, quantity.unit, metric), Digits(value))
                                        for period, value, yoy, previous, rank in item.variants()])
        if seen is not None:
            seen(item.size)


def _in_metric_unit(written: str, unit: str, metric: Metric) -> Number | None:
    """A value written in ``unit`` in the metric's unit, exactly, as a number's digits (what every
    machine format writes of a Decimal: ``format(value, "f")``, made once here rather than per format);
    None for no value, or for units that do not convert."""
    if not written:
        return None
    value = in_metric_unit(Decimal(written), unit, metric)
    return None if value is None else Number(format(value, "f"))


# --------------------------------------------------------------------------- regions, metrics


class _RegionRow(NamedTuple):
    region: Region
    facts: int
    latest: Period | None


def regions_view(data: Dataset, lang: str) -> View:

    say = Labels(lang)
    by_region, _ = data.coverage()
    items = []
    for region in data.regions.values():
        count, periods = by_region.get(region.id, (0, frozenset()))
        # a target's span reaches into the future, and a period not stated is no period: neither is
        # what the region "latest" reported
        latest = max((p for p in map(parse_period, periods) if p.kind != "forward" and p.comparable),
                     key=lambda p: p.sort_key, default=None)
        items.append(_RegionRow(region, count, latest))

    def record(item: _RegionRow) -> dict[str, Any]:
        r = item.region
        return {"region": r.id, "name": r.zh, "name_en": r.en, "short": r.short, "level": r.level,
                "prefecture": r.prefecture, "prefecture_en": r.prefecture_en, "province": r.province,
                "facts": item.facts, "latest": item.latest.canonical if item.latest else None}

    def row(item: _RegionRow) -> Row:
        r = item.region
        return Row({"region": r.id, "name": r.zh, "name_en": r.en, "level": say.get(f"level.{r.level}", r.level),
                    "prefecture": say.pick(r.prefecture, r.prefecture_en), "facts": str(item.facts),
                    "latest": item.latest.in_words(lang) if item.latest else ""})

    return View("regions", say("title.regions"),
                columns(say, "region", "name", "name_en", "level", "prefecture", "facts", "latest",
                        numeric=("facts",), wrap=("name_en",)),
                ["region", "name", "name_en", "short", "level", "prefecture", "prefecture_en", "province", "facts",
                 "latest"], items, record, row, lang=lang)


def some_regions(data: Dataset, ids: Sequence[str], say: Labels, most: int = 8) -> str:
    """A readable list of region names: the first few and a count when there are many."""
    names = [say.pick(data.regions[r].short, data.regions[r].en) for r in ids]
    shown = say.join(names[:most])
    return shown if len(names) <= most else say("some_of_many", shown=shown, count=len(names))


def metrics_view(data: Dataset, lang: str, theme: Theme | None = None) -> View:
    say = Labels(lang)
    _, by_metric = data.coverage()
    order = {ident: i for i, ident in enumerate(data.regions)}
    items = [(metric, sorted(by_metric.get(metric.id, ()), key=order.__getitem__))
             for metric in data.metrics.values() if theme is None or metric.theme == theme.id]

    def record(item: tuple[Metric, list[str]]) -> dict[str, Any]:
        metric, have = item
        return {"metric": metric.id, "label": metric.zh, "label_en": metric.en, "unit": metric.unit,
                "theme": metric.theme, "kind": metric.kind, "polarity": metric.polarity,
                "aliases": list(metric.aliases), "regions": have}

    def row(item: tuple[Metric, list[str]]) -> Row:
        metric, have = item
        return Row({"metric": metric.id, "label": metric.label(lang), "unit": figures.unit_name(metric.unit, lang),
                    "kind": say.get(f"kind.{metric.kind}", metric.kind),
                    "polarity": say(f"polarity.{metric.polarity}"), "regions": some_regions(data, have, say)},
                   group=theme_name(data.themes[metric.theme], say))

    return View("metrics", say("title.metrics"),
                columns(say, "metric", "label", "unit", "kind", "polarity", "regions", wrap=("label", "regions")),
                ["metric", "label", "label_en", "unit", "theme", "kind", "polarity", "aliases", "regions"],
                items, record, row, lang=lang)


# --------------------------------------------------------------------------- search


SEARCH_KEYS = ["type", "region", "region_name", "metric", "text", "value", "unit", "period", "qualifier", "quote",
               *VALUE_KEYS]


def search_view(data: Dataset, hits: SearchHits, lang: str) -> View:
    say = Labels(lang)

    def record(hit: Fact | Highlight) -> dict[str, Any]:
        region = data.regions[hit.region]
        if isinstance(hit, Highlight):
            return {"type": "highlight", "region": region.id, "region_name": region.zh, "metric": None,
                    "text": hit.text, "value": None, "unit": None,
                    "period": hit.period.canonical if hit.period else None, "qualifier": None, "quote": hit.quote}
        metric = data.metrics[hit.metric]
        return {"type": "fact", "region": region.id, "region_name": region.zh, "metric": metric.id,
                "text": metric.zh, "value": hit.quantity.level, "unit": hit.quantity.unit,
                "period": hit.period.canonical, "qualifier": hit.quantity.qualifier, "quote": hit.quote,
                **value_fields(hit.quantity, metric)}

    def row(hit: Fact | Highlight) -> Row:
        region = data.regions[hit.region]
        if isinstance(hit, Highlight):
            return Row({"type": say("type.highlight"), "region_name": region.name(lang),
                        "text": say.pick(hit.text, hit.text_en), "value": "",
                        "period": hit.period.in_words(lang) if hit.period else ""})
        return Row({"type": say("type.fact"), "region_name": region.name(lang),
                    "text": data.metrics[hit.metric].label(lang),
                    "value": figures.quantity(hit.quantity, lang, True), "period": period_said(hit, lang)})

    return View("search", say("title.search"),
                columns(say, "type", "region_name", "text", "value", "period", numeric=("value",), wrap=("text",)),
                SEARCH_KEYS, Chain(hits.facts, hits.highlights), record, row,
                lambda: period_notes(hits.facts, say, arrows=False), lang=lang)
