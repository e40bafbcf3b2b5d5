"""Views: what each command shows, independent of the format it is shown in.

A :class:`View` holds a command's typed rows (facts, rank rows, deltas …) once, and two ways
to read each: :meth:`View.records`, machine values under stable keys for json, csv and tsv
(numbers as Decimal, periods canonical), and :meth:`View.rows`, human cells for table, plain
and markdown (localised words from :mod:`~reporter.render.labels`, grouped digits, periods in
words). Each is built only when a format asks for it, and every string from the data passes
:func:`~reporter.render.safe.clean` on the way out.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import TYPE_CHECKING, Any, NamedTuple

from reporter import query, select, units
from reporter.model import Fact, Highlight, Metric, Region, Theme
from reporter.render import numbers
from reporter.render.labels import Labels
from reporter.render.safe import clean

if TYPE_CHECKING:
    from reporter.dataset import Dataset


class Column(NamedTuple):
    key: str
    header: str
    numeric: bool = False
    visual: bool = False  # a picture (bar, sparkline): table format only


class Row(NamedTuple):
    """One row as people read it: its cells, the theme it falls under, a detail line, colours by tone."""

    cells: dict[str, str]
    group: str | None = None
    detail: str | None = None
    tones: dict[str, str] | None = None


@dataclass
class View:
    """One table of a command's output; a command may print several (``show``: facts, highlights)."""

    name: str
    title: str
    columns: list[Column]
    record_keys: list[str]
    items: Sequence[Any]
    record: Callable[[Any], dict[str, Any]]
    row: Callable[[Any], Row]
    notes: list[str] = field(default_factory=list)
    detail_column: str = ""  # the column whose cell carries a row's detail line (default: the first)

    def __post_init__(self) -> None:
        # titles and headers can hold data (a region's name): they cross the output boundary too
        self.title = clean(self.title)
        self.columns = [c._replace(header=clean(c.header)) for c in self.columns]

    def records(self) -> Iterator[dict[str, Any]]:
        """Machine records, keys in :attr:`record_keys` order."""
        for item in self.items:
            record = self.record(item)
            yield {k: _clean_value(record.get(k)) for k in self.record_keys}

    def rows(self) -> Iterator[Row]:
        """Human rows, every string cleaned."""
        for item in self.items:
            row = self.row(item)
            yield Row({k: clean(v) for k, v in row.cells.items()}, clean(row.group) if row.group else None,
                      clean(row.detail) if row.detail else None, row.tones or {})


def _clean_value(value: Any) -> Any:
    if isinstance(value, str):
        return clean(value)
    if isinstance(value, list):
        return [_clean_value(v) for v in value]
    return value


def _columns(say: Labels, *keys: str, numeric: Sequence[str] = (), visual: Sequence[str] = ()) -> list[Column]:
    return [Column(k, say.get(k, k), k in numeric, k in visual) for k in keys]


def _theme_name(theme: Theme, say: Labels) -> str:
    return say.pick(theme.zh, theme.en)


def _change_text(fact: Fact, say: Labels) -> str:
    """The change the source reports for a fact, in words."""
    parts = []
    if fact.yoy_pct is not None:
        parts.append(numbers.yoy_words(fact.yoy_pct, say.lang))
    if fact.rank_change is not None:
        parts.append(numbers.rank_move(fact.rank_change, say.lang))
    if fact.previous is not None:
        value = numbers.number(fact.previous, True) + numbers.unit_text(fact.quantity.unit, say.lang)
        parts.append(say("reported_previous", value=value))
    return "; ".join(parts)


def _base(fact: Fact) -> Decimal:
    return units.to_base(fact.quantity.value, fact.quantity.unit)


# --------------------------------------------------------------------------- export: the flat contract

EXPORT_KEYS = ["region", "region_name", "metric", "label", "label_en", "theme", "value", "unit", "period",
               "qualifier", "yoy_pct", "previous", "rank_change", "note", "source", "quote"]


def fact_record(data: Dataset, fact: Fact) -> dict[str, Any]:
    """One fact as a flat record: the contract of ``export`` (documented in docs/data-format.md)."""
    metric = data.metrics[fact.metric]
    return {
        "region": fact.region, "region_name": data.regions[fact.region].zh, "metric": fact.metric,
        "label": metric.zh, "label_en": metric.en, "theme": metric.theme, "value": fact.quantity.value,
        "unit": fact.quantity.unit, "period": fact.period.canonical, "qualifier": fact.quantity.qualifier,
        "yoy_pct": fact.yoy_pct, "previous": fact.previous, "rank_change": fact.rank_change,
        "note": fact.note, "source": fact.source, "quote": fact.quote,
    }


def export_view(data: Dataset, lang: str, facts: Sequence[Fact] | None = None) -> View:
    """Facts as flat records (every fact of the data unless given some): export's and get's view."""
    say = Labels(lang)

    def row(fact: Fact) -> Row:
        return Row({"region_name": data.regions[fact.region].zh, "label": data.metrics[fact.metric].label(lang),
                    "value": numbers.quantity(fact.quantity, lang, True), "period": fact.period.in_words(lang),
                    "quote": fact.quote})

    return View("facts", say("title.facts"), _columns(say, "region_name", "label", "value", "period", "quote"),
                EXPORT_KEYS, data.facts if facts is None else facts, lambda fact: fact_record(data, fact), row)


# --------------------------------------------------------------------------- regions, metrics


class _RegionRow(NamedTuple):
    region: Region
    facts: int
    latest: Any  # Period | None


def regions_view(data: Dataset, lang: str) -> View:
    from reporter.periods import parse_period

    say = Labels(lang)
    by_region, _ = data.coverage()
    items = []
    for region in data.regions.values():
        count, periods = by_region.get(region.id, (0, frozenset()))
        # a target's span reaches into the future: it is not what the region "latest" reported
        latest = max((p for p in map(parse_period, periods) if p.kind != "forward"), key=lambda p: p.sort_key,
                     default=None)
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
                _columns(say, "region", "name", "name_en", "level", "prefecture", "facts", "latest",
                         numeric=("facts",)),
                ["region", "name", "name_en", "short", "level", "prefecture", "prefecture_en", "province", "facts",
                 "latest"], items, record, row)


def _some_regions(data: Dataset, ids: Sequence[str], say: Labels, most: int = 8) -> str:
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
        return Row({"metric": metric.id, "label": metric.label(lang), "unit": metric.unit, "kind": metric.kind,
                    "polarity": say(f"polarity.{metric.polarity}"), "regions": _some_regions(data, have, say)},
                   group=_theme_name(data.themes[metric.theme], say))

    return View("metrics", say("title.metrics"),
                _columns(say, "metric", "label", "unit", "kind", "polarity", "regions"),
                ["metric", "label", "label_en", "unit", "theme", "kind", "polarity", "aliases", "regions"],
                items, record, row)


# --------------------------------------------------------------------------- show


def show_view(data: Dataset, region: Region, lang: str, theme: Theme | None = None,
              sources: bool = False) -> View:
    say = Labels(lang)
    facts = select.region_facts(data, region, theme)
    latest: dict[str, Any] = {}  # metric -> its latest period: the row that carries the metric's trend
    for fact in facts:
        if fact.metric not in latest or fact.period.sort_key > latest[fact.metric].sort_key:
            latest[fact.metric] = fact.period

    def row(fact: Fact) -> Row:
        metric = data.metrics[fact.metric]
        trend = ""
        if latest[fact.metric] == fact.period:
            trend = numbers.sparkline([_base(f) for f in select.series_of(data, region.id, fact.metric)])
        return Row({"label": metric.label(lang), "value": numbers.quantity(fact.quantity, lang, True),
                    "period": fact.period.in_words(lang), "change": _change_text(fact, say), "trend": trend},
                   group=_theme_name(data.themes[metric.theme], say),
                   detail=f"「{fact.quote}」" if sources else None,
                   tones={"change": _reported_tone(fact, metric)})

    title = say("title.show", region=region.name(lang), prefecture=say.pick(region.prefecture, region.prefecture_en))
    return View("facts", title, _columns(say, "label", "value", "period", "change", "trend", numeric=("value",),
                                         visual=("trend",)),
                EXPORT_KEYS, facts, lambda fact: fact_record(data, fact), row)


def highlights_view(data: Dataset, highlights: Sequence[Highlight], lang: str, sources: bool = False) -> View:
    say = Labels(lang)

    def record(hl: Highlight) -> dict[str, Any]:
        return {"region": hl.region, "theme": hl.theme, "text": hl.text, "text_en": hl.text_en,
                "period": hl.period.canonical if hl.period else None, "source": hl.source, "quote": hl.quote}

    def row(hl: Highlight) -> Row:
        return Row({"theme": _theme_name(data.themes[hl.theme], say), "text": say.pick(hl.text, hl.text_en)},
                   detail=f"「{hl.quote}」" if sources else None)

    return View("highlights", say("title.highlights"), _columns(say, "theme", "text"),
                ["region", "theme", "text", "text_en", "period", "source", "quote"], highlights, record, row,
                detail_column="text")


def _reported_tone(fact: Fact, metric: Metric) -> str:
    if fact.rank_change:
        return "good" if fact.rank_change > 0 else "bad"
    if fact.yoy_pct:
        return "good" if (fact.yoy_pct > 0) == (metric.polarity == "higher") else "bad"
    return ""


# --------------------------------------------------------------------------- compare


def compare_view(data: Dataset, regions: Sequence[Region], rows: Sequence[query.CompareRow], lang: str) -> View:
    say = Labels(lang)
    columns = [Column("label", say("label"))]
    keys = ["metric", "label", "label_en", "unit"]
    for region in regions:
        columns.append(Column(region.id, region.name(lang)))  # value and period: left-aligned text folds readably
        columns.append(Column(f"{region.id}.trend", "", visual=True))
        keys += [f"{region.id}.value", f"{region.id}.unit", f"{region.id}.period", f"{region.id}.qualifier"]

    def record(item: query.CompareRow) -> dict[str, Any]:
        out: dict[str, Any] = {"metric": item.metric.id, "label": item.metric.zh, "label_en": item.metric.en,
                               "unit": item.metric.unit}
        for region, fact in zip(regions, item.cells):
            out.update({f"{region.id}.value": fact.quantity.value if fact else None,
                        f"{region.id}.unit": fact.quantity.unit if fact else None,
                        f"{region.id}.period": fact.period.canonical if fact else None,
                        f"{region.id}.qualifier": fact.quantity.qualifier if fact else None})
        return out

    def row(item: query.CompareRow) -> Row:
        cells = {"label": item.metric.label(lang)}
        for region, fact, history in zip(regions, item.cells, item.history):
            # in a comparison every value carries its own period
            cells[region.id] = say("with_period", value=numbers.quantity(fact.quantity, lang, True),
                                   period=fact.period.in_words(lang)) if fact else "—"
            cells[f"{region.id}.trend"] = numbers.sparkline([_base(f) for f in history])
        return Row(cells, group=_theme_name(data.themes[item.metric.theme], say))

    return View("compare", " / ".join(r.name(lang) for r in regions), columns, keys, rows, record, row)


# --------------------------------------------------------------------------- rank


def rank_view(data: Dataset, ranking: query.Ranking, lang: str) -> View:
    say = Labels(lang)
    metric = ranking.metric
    official = metric.kind == "rank"
    columns = [Column("position", say("rank.our_order" if official else "position")),
               Column("region_name", say("region_name")),
               Column("value", say("rank.official_value" if official else "value"), numeric=True),
               Column("bar", "", visual=True), Column("period", say("period"))]
    period_words = ranking.period.in_words(lang)

    def record(item: query.RankRow) -> dict[str, Any]:
        fact = item.fact
        return {"position": item.position, "of": item.total, "region": item.region.id,
                "region_name": item.region.zh, "value": fact.quantity.value, "unit": fact.quantity.unit,
                "qualifier": fact.quantity.qualifier, "period": fact.period.canonical, "official": official}

    def row(item: query.RankRow) -> Row:
        filled = int(item.share_of_best * 20) if not official else 0
        return Row({"position": say("rank.position", position=item.position, total=item.total),
                    "region_name": item.region.name(lang),
                    "value": numbers.quantity(item.fact.quantity, lang, True, symbols=True),
                    "bar": "█" * filled + ("▏" if filled == 0 and not official else ""), "period": period_words})

    notes = [clean(_left_out_note(data, ranking.left_out, say))] if ranking.left_out else []
    return View("rank", say("title.rank", metric=metric.label(lang), period=period_words), columns,
                ["position", "of", "region", "region_name", "value", "unit", "qualifier", "period", "official"],
                ranking.rows, record, row, notes)


def _left_out_note(data: Dataset, left_out: Sequence[Fact], say: Labels) -> str:
    """One line naming what a ranking left out: the regions when few, else the periods with counts."""
    from collections import Counter

    if len(left_out) <= 3:
        listed = say.join([f"{data.regions[f.region].name(say.lang)} {f.period}" for f in left_out])
    else:
        counts = Counter(f.period.canonical for f in left_out)
        listed = say.join([say("left_out.item", period=p, count=n) for p, n in counts.items()])
    return say("left_out", listed=listed, example=left_out[-1].period)


# --------------------------------------------------------------------------- delta


_ARROWS = {"up": "↑", "down": "↓", "flat": "→"}


def _signed_change(change: Decimal, unit: str, lang: str) -> str:
    """``+0.284亿元``, ``−34位`` (a rank's change in places), ``+12 ×10k yuan``."""
    suffix = ("位" if lang == "zh" else "") if unit == "位" else numbers.unit_text(unit, lang)
    return numbers.signed(change, True) + suffix


def delta_view(data: Dataset, region: Region, deltas: Sequence[query.Delta], lang: str) -> View:
    say = Labels(lang)
    keys = ["region", "metric", "label", "label_en", "period", "value", "unit", "qualifier", "previous",
            "previous_period", "change", "pct", "direction", "arrow", "good", "basis", "derived"]

    def record(d: query.Delta) -> dict[str, Any]:
        fact, metric = d.fact, data.metrics[d.fact.metric]
        return {"region": region.id, "metric": metric.id, "label": metric.zh, "label_en": metric.en,
                "period": fact.period.canonical, "value": fact.quantity.value, "unit": fact.quantity.unit,
                "qualifier": fact.quantity.qualifier, "previous": d.previous,
                "previous_period": d.previous_period.canonical, "change": d.change, "pct": d.pct,
                "direction": d.direction, "arrow": _ARROWS.get(d.direction, ""), "good": d.good, "basis": d.basis,
                "derived": d.derived}

    def row(d: query.Delta) -> Row:
        fact, metric = d.fact, data.metrics[d.fact.metric]
        q = fact.quantity
        tone = "" if d.good is None else "good" if d.good else "bad"
        approx = "≈" if d.qualifier != "exact" else ""
        verdict = "" if d.good is None else say("good" if d.good else "bad")
        return Row({"label": metric.label(lang), "period": fact.period.in_words(lang),
                    "value": numbers.quantity(q, lang, True, symbols=True),
                    "previous": "" if d.previous is None else approx + numbers.quantity(
                        q._replace(qualifier="exact"), lang, True, d.previous),
                    "delta": "" if d.change is None else approx + _signed_change(d.change, q.unit, lang),
                    "pct": numbers.signed_pct(d.pct),
                    "direction": f"{_ARROWS.get(d.direction, '')} {verdict}".strip(),
                    "basis": say(f"basis.{d.basis}"),
                    "trend": numbers.sparkline([_base(f) for f in select.series_of(data, region.id, metric.id)])},
                   tones={"direction": tone, "delta": tone, "pct": tone})

    return View("delta", say("title.delta", region=region.name(lang)),
                _columns(say, "label", "period", "value", "previous", "delta", "pct", "direction", "basis", "trend",
                         numeric=("value", "previous", "delta", "pct"), visual=("trend",)),
                keys, deltas, record, row)


# --------------------------------------------------------------------------- search


def search_view(data: Dataset, hits: query.SearchHits, lang: str) -> View:
    say = Labels(lang)

    def record(hit: Fact | Highlight) -> dict[str, Any]:
        region = data.regions[hit.region]
        if isinstance(hit, Highlight):
            return {"type": "highlight", "region": region.id, "region_name": region.zh, "metric": None,
                    "text": hit.text, "value": None, "unit": None,
                    "period": hit.period.canonical if hit.period else None, "qualifier": None, "quote": hit.quote}
        metric = data.metrics[hit.metric]
        return {"type": "fact", "region": region.id, "region_name": region.zh, "metric": metric.id,
                "text": metric.zh, "value": hit.quantity.value, "unit": hit.quantity.unit,
                "period": hit.period.canonical, "qualifier": hit.quantity.qualifier, "quote": hit.quote}

    def row(hit: Fact | Highlight) -> Row:
        region = data.regions[hit.region]
        if isinstance(hit, Highlight):
            return Row({"type": say("type.highlight"), "region_name": region.name(lang),
                        "text": say.pick(hit.text, hit.text_en), "value": "",
                        "period": hit.period.in_words(lang) if hit.period else ""})
        return Row({"type": say("type.fact"), "region_name": region.name(lang),
                    "text": data.metrics[hit.metric].label(lang),
                    "value": numbers.quantity(hit.quantity, lang, True), "period": hit.period.in_words(lang)})

    return View("search", say("title.search"),
                _columns(say, "type", "region_name", "text", "value", "period", numeric=("value",)),
                ["type", "region", "region_name", "metric", "text", "value", "unit", "period", "qualifier", "quote"],
                [*hits.facts, *hits.highlights], record, row)
