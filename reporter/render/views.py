"""Views: what each command shows, independent of the format it is shown in.

A :class:`View` holds two parallel things per row: ``records`` (machine values for json,
csv and tsv: numbers as Decimal, periods canonical, stable keys documented in README)
and ``cells`` (human strings for table, plain and markdown: localised, grouped digits,
periods in words). Every string from the data passes :func:`~reporter.render.safe.clean`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import TYPE_CHECKING, Any, NamedTuple

from reporter import query, select
from reporter.model import Fact, Highlight, Metric, Region, Theme

if TYPE_CHECKING:
    from reporter.dataset import Dataset as Data
from reporter.render import words
from reporter.render.safe import clean


class Column(NamedTuple):
    key: str
    header: str
    numeric: bool = False
    visual: bool = False  # a picture (bar, sparkline): table format only


@dataclass
class View:
    """One table of a command's output; a command may print several (``show``: facts, highlights)."""

    name: str
    title: str
    columns: list[Column]
    record_keys: list[str]
    records: list[dict[str, Any]] = field(default_factory=list)
    cells: list[dict[str, str]] = field(default_factory=list)
    groups: list[str | None] = field(default_factory=list)
    details: list[str | None] = field(default_factory=list)
    tones: list[dict[str, str]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    detail_column: str = ""  # the column whose cell carries a row's detail line (default: the first)

    def __post_init__(self) -> None:
        # titles and headers can hold data (a region's name): they cross the output boundary too
        self.title = clean(self.title)
        self.columns = [c._replace(header=clean(c.header)) for c in self.columns]

    def add(self, record: dict[str, Any], cells: dict[str, str], group: str | None = None,
            detail: str | None = None, tones: dict[str, str] | None = None) -> None:
        self.records.append({k: _clean_value(v) for k, v in record.items()})
        self.cells.append({k: clean(v) for k, v in cells.items()})
        self.groups.append(clean(group) if group else None)
        self.details.append(clean(detail) if detail else None)
        self.tones.append(tones or {})


def _clean_value(value: Any) -> Any:
    if isinstance(value, str):
        return clean(value)
    if isinstance(value, list):
        return [_clean_value(v) for v in value]
    return value


def _columns(lang: str, *keys: str, numeric: Sequence[str] = (), visual: Sequence[str] = ()) -> list[Column]:
    head = words.HEADERS[lang]
    return [Column(k, head.get(k, k), k in numeric, k in visual) for k in keys]


def _period(fact_or_period: Any, lang: str) -> str:
    period = getattr(fact_or_period, "period", fact_or_period)
    return period.in_words(lang)


def _change_text(fact: Fact, lang: str) -> str:
    """The change the source reports for a fact, in words."""
    parts = []
    if fact.yoy_pct is not None:
        parts.append(words.yoy_words(fact.yoy_pct, lang))
    if fact.rank_change is not None:
        parts.append(words.rank_move(fact.rank_change, lang))
    if fact.previous is not None:
        prev = words.number(fact.previous, True) + words.unit_text(fact.quantity.unit, lang)
        parts.append(("上期" if lang == "zh" else "previous ") + prev)
    return "; ".join(parts)


# --------------------------------------------------------------------------- export: the flat contract

EXPORT_KEYS = ["region", "region_name", "metric", "label", "label_en", "theme", "value", "unit", "period",
               "qualifier", "yoy_pct", "previous", "rank_change", "note", "source", "quote"]


def fact_record(data: Data, fact: Fact) -> dict[str, Any]:
    """One fact as a flat record: the contract of ``export`` (documented in docs/data-format.md)."""
    metric = data.metrics[fact.metric]
    return {
        "region": fact.region, "region_name": data.regions[fact.region].zh, "metric": fact.metric,
        "label": metric.zh, "label_en": metric.en, "theme": metric.theme, "value": fact.quantity.value,
        "unit": fact.quantity.unit, "period": fact.period.canonical, "qualifier": fact.quantity.qualifier,
        "yoy_pct": fact.yoy_pct, "previous": fact.previous, "rank_change": fact.rank_change,
        "note": fact.note, "source": fact.source, "quote": fact.quote,
    }


def export_view(data: Data, lang: str, facts: Sequence[Fact] | None = None) -> View:
    """Facts as flat records (every fact of the data unless given some): export's and get's view."""
    view = View("facts", "数据" if lang == "zh" else "Facts",
                _columns(lang, "region_name", "label", "value", "period", "quote"), EXPORT_KEYS)
    for fact in data.facts if facts is None else facts:
        record = fact_record(data, fact)
        view.add(record, {"region_name": record["region_name"], "label": data.metrics[fact.metric].label(lang),
                          "value": words.quantity(fact.quantity, lang, True), "period": _period(fact, lang),
                          "quote": fact.quote})
    return view


# --------------------------------------------------------------------------- regions, metrics


def regions_view(data: Data, lang: str) -> View:
    title = "地区" if lang == "zh" else "Regions"
    view = View("regions", title, _columns(lang, "region", "name", "name_en", "level", "prefecture", "facts", "latest",
                                numeric=("facts",)),
                ["region", "name", "name_en", "short", "level", "prefecture", "prefecture_en", "province", "facts",
                 "latest"])
    from reporter.periods import parse_period

    by_region, _ = data.coverage()
    for region in data.regions.values():
        count, periods = by_region.get(region.id, (0, frozenset()))
        # a target's span reaches into the future: it is not what the region "latest" reported
        latest = max((p for p in map(parse_period, periods) if p.kind != "forward"), key=lambda p: p.sort_key,
                     default=None)
        view.add({"region": region.id, "name": region.zh, "name_en": region.en, "short": region.short,
                  "level": region.level, "prefecture": region.prefecture, "prefecture_en": region.prefecture_en,
                  "province": region.province,
                  "facts": count, "latest": latest.canonical if latest else None},
                 {"region": region.id, "name": region.zh, "name_en": region.en,
                  "level": words.LEVELS_ZH.get(region.level, region.level) if lang == "zh" else region.level,
                  "prefecture": region.prefecture if lang == "zh" else region.prefecture_en or region.prefecture,
                  "facts": str(count),
                  "latest": latest.in_words(lang) if latest else ""})
    return view


def _some_regions(data: Data, ids: Sequence[str], lang: str, most: int = 8) -> str:
    """A readable list of region names: the first few and a count when there are many."""
    names = [data.regions[r].short if lang == "zh" else data.regions[r].en for r in ids]
    shown = ("、" if lang == "zh" else ", ").join(names[:most])
    if len(names) <= most:
        return shown
    return f"{shown}…（共{len(names)}个）" if lang == "zh" else f"{shown}… ({len(names)} in all)"


def metrics_view(data: Data, lang: str, theme: Theme | None = None) -> View:
    title = "指标" if lang == "zh" else "Metrics"
    view = View("metrics", title, _columns(lang, "metric", "label", "unit", "kind", "polarity", "regions"),
                ["metric", "label", "label_en", "unit", "theme", "kind", "polarity", "aliases", "regions"])
    _, by_metric = data.coverage()
    order = {ident: i for i, ident in enumerate(data.regions)}
    for metric in data.metrics.values():
        if theme is not None and metric.theme != theme.id:
            continue
        have = sorted(by_metric.get(metric.id, ()), key=order.__getitem__)
        group = data.themes[metric.theme]
        view.add({"metric": metric.id, "label": metric.zh, "label_en": metric.en, "unit": metric.unit,
                  "theme": metric.theme, "kind": metric.kind, "polarity": metric.polarity,
                  "aliases": list(metric.aliases), "regions": have},
                 {"metric": metric.id, "label": metric.label(lang), "unit": metric.unit, "kind": metric.kind,
                  "polarity": words.POLARITY_WORDS[lang][metric.polarity],
                  "regions": _some_regions(data, have, lang)},
                 group=group.zh if lang == "zh" else group.en)
    return view


# --------------------------------------------------------------------------- show


def show_view(data: Data, region: Region, lang: str, theme: Theme | None = None,
              sources: bool = False) -> View:
    facts = select.region_facts(data, region, theme)
    title = (f"{region.zh}（{region.prefecture}）" if lang == "zh"
             else f"{region.en} ({region.prefecture_en or region.prefecture})")
    keys = ["label", "value", "period", "change", "trend"]
    view = View("facts", title, _columns(lang, *keys, numeric=("value",), visual=("trend",)), EXPORT_KEYS)
    for fact in facts:
        metric = data.metrics[fact.metric]
        history = select.series_of(data, region.id, fact.metric)
        trend = words.sparkline([_base(f) for f in history]) if fact is history[-1] else ""
        group = data.themes[metric.theme]
        view.add(fact_record(data, fact),
                 {"label": metric.label(lang), "value": words.quantity(fact.quantity, lang, True),
                  "period": _period(fact, lang), "change": _change_text(fact, lang), "trend": trend},
                 group=group.zh if lang == "zh" else group.en,
                 detail=f"「{fact.quote}」" if sources else None,
                 tones={"change": _reported_tone(fact, metric)})
    return view


def highlights_view(data: Data, highlights: Sequence[Highlight], lang: str, sources: bool = False) -> View:
    title = "亮点" if lang == "zh" else "Highlights"
    view = View("highlights", title, _columns(lang, "theme", "text"),
                ["region", "theme", "text", "text_en", "period", "source", "quote"], detail_column="text")
    for hl in highlights:
        group = data.themes[hl.theme]
        view.add({"region": hl.region, "theme": hl.theme, "text": hl.text, "text_en": hl.text_en,
                  "period": hl.period.canonical if hl.period else None, "source": hl.source, "quote": hl.quote},
                 {"theme": group.zh if lang == "zh" else group.en,
                  "text": hl.text if lang == "zh" or not hl.text_en else hl.text_en},
                 detail=f"「{hl.quote}」" if sources else None)
    return view


def _base(fact: Fact) -> Decimal:
    from reporter import units

    return units.to_base(fact.quantity.value, fact.quantity.unit)


def _reported_tone(fact: Fact, metric: Metric) -> str:
    if fact.rank_change:
        return "good" if fact.rank_change > 0 else "bad"
    if fact.yoy_pct:
        return "good" if (fact.yoy_pct > 0) == (metric.polarity == "higher") else "bad"
    return ""


# --------------------------------------------------------------------------- compare


def _value_and_period(fact: Fact, lang: str) -> str:
    """``2.06亿元（2020年1-5月）``: in a comparison every value carries its own period."""
    value, period = words.quantity(fact.quantity, lang, True), _period(fact, lang)
    return f"{value}（{period}）" if lang == "zh" else f"{value} ({period})"


def compare_view(data: Data, regions: Sequence[Region], rows: Sequence[query.CompareRow], lang: str) -> View:
    head = words.HEADERS[lang]
    names = [r.zh if lang == "zh" else r.en for r in regions]
    title = " / ".join(names)
    columns = [Column("label", head["label"])]
    keys = ["metric", "label", "label_en", "unit"]
    for region, name in zip(regions, names):
        columns.append(Column(region.id, name))  # value and period: left-aligned text folds readably
        columns.append(Column(f"{region.id}.trend", "", visual=True))
        keys += [f"{region.id}.value", f"{region.id}.unit", f"{region.id}.period", f"{region.id}.qualifier"]
    view = View("compare", title, columns, keys)
    for row in rows:
        record: dict[str, Any] = {"metric": row.metric.id, "label": row.metric.zh, "label_en": row.metric.en,
                                  "unit": row.metric.unit}
        cells = {"label": row.metric.label(lang)}
        for region, fact, history in zip(regions, row.cells, row.history):
            record.update({f"{region.id}.value": fact.quantity.value if fact else None,
                           f"{region.id}.unit": fact.quantity.unit if fact else None,
                           f"{region.id}.period": fact.period.canonical if fact else None,
                           f"{region.id}.qualifier": fact.quantity.qualifier if fact else None})
            cells[region.id] = _value_and_period(fact, lang) if fact else "—"
            cells[f"{region.id}.trend"] = words.sparkline([_base(f) for f in history])
        group = data.themes[row.metric.theme]
        view.add(record, cells, group=group.zh if lang == "zh" else group.en)
    return view


# --------------------------------------------------------------------------- rank


def rank_view(data: Data, ranking: query.Ranking, lang: str) -> View:
    metric = ranking.metric
    official = metric.kind == "rank"
    head = dict(words.HEADERS[lang])
    if official:
        head["value"] = "官方位次（原文）" if lang == "zh" else "official rank (as reported)"
        head["position"] = "本表排序" if lang == "zh" else "our order"
    columns = [Column("position", head["position"]), Column("region_name", head["region_name"]),
               Column("value", head["value"], numeric=True), Column("bar", "", visual=True),
               Column("period", head["period"])]
    period_words = ranking.period.in_words(lang)
    title = f"{metric.label(lang)} · {period_words}"
    view = View("rank", title, columns, ["position", "of", "region", "region_name", "value", "unit", "qualifier",
                                 "period", "official"])
    for row in ranking.rows:
        fact = row.fact
        of = f"{row.position} of {row.total}" if lang == "en" else f"第{row.position}（共{row.total}）"
        width = 20
        filled = int(row.share_of_best * width) if not official else 0
        view.add({"position": row.position, "of": row.total, "region": row.region.id, "region_name": row.region.zh,
                  "value": fact.quantity.value, "unit": fact.quantity.unit, "qualifier": fact.quantity.qualifier,
                  "period": fact.period.canonical, "official": official},
                 {"position": of, "region_name": row.region.zh if lang == "zh" else row.region.en,
                  "value": words.quantity(fact.quantity, lang, True, symbols=True),
                  "bar": "█" * filled + ("▏" if filled == 0 and not official else ""),
                  "period": period_words})
    if ranking.left_out:
        view.notes.append(clean(_left_out_note(data, ranking.left_out, lang)))
    return view


def _left_out_note(data: Data, left_out: Sequence[Fact], lang: str) -> str:
    """One line naming what a ranking left out: the regions when few, else the periods with counts."""
    from collections import Counter

    if len(left_out) <= 3:
        names = [f"{data.regions[f.region].name(lang)} {f.period}" for f in left_out]
        listed = ("、" if lang == "zh" else ", ").join(names)
    else:
        counts = Counter(f.period.canonical for f in left_out)
        listed = ("、" if lang == "zh" else ", ").join(
            (f"{p}（{n}）" if lang == "zh" else f"{p} ({n})") for p, n in counts.items())
    example = left_out[-1].period
    if lang == "zh":
        return f"未参与排名（时期不同，不可比）：{listed}；用 --period {example} 等查看该期排名"
    return f"left out (other periods, not comparable): {listed}; use --period {example} etc. to rank one"


# --------------------------------------------------------------------------- delta


_ARROWS = {"up": "↑", "down": "↓", "flat": "→"}
_VERDICTS: dict[str, dict[bool | None, str]] = {"zh": {True: "好转", False: "变差"},
                                                "en": {True: "better", False: "worse"}}


def _signed_change(change: Decimal, unit: str, lang: str) -> str:
    """``+0.284亿元``, ``−34位`` (a rank's change in places), ``+12 ×10k yuan``."""
    suffix = ("位" if lang == "zh" else "") if unit == "位" else words.unit_text(unit, lang)
    return words.signed(change, True) + suffix


def delta_view(data: Data, region: Region, deltas: Sequence[query.Delta], lang: str) -> View:
    title = (f"{region.zh} 同比变化" if lang == "zh" else f"{region.en}: year over year")
    columns = _columns(lang, "label", "period", "value", "previous", "delta", "pct", "direction", "basis",
                       "trend", numeric=("value", "previous", "delta", "pct"), visual=("trend",))
    keys = ["region", "metric", "label", "label_en", "period", "value", "unit", "qualifier", "previous",
            "previous_period", "change", "pct", "direction", "arrow", "good", "basis", "derived"]
    view = View("delta", title, columns, keys)
    for d in deltas:
        fact, metric = d.fact, data.metrics[d.fact.metric]
        q = fact.quantity
        places = words.derived_places(q.value) if d.derived and d.basis == "reported_pct" else None
        prev = words.rounded(d.previous, places) if d.previous is not None and places else d.previous
        change = words.rounded(d.change, places) if d.change is not None and places else d.change
        pct = None if metric.kind == "rank" else d.pct
        if pct is not None and d.basis != "reported_pct":
            pct = words.rounded(pct, 1)
        good = query.is_good(d, metric)
        tone = "" if good is None else "good" if good else "bad"
        approx = "≈" if d.qualifier != "exact" else ""
        exact = q._replace(qualifier="exact")
        view.add({"region": region.id, "metric": metric.id, "label": metric.zh, "label_en": metric.en,
                  "period": fact.period.canonical, "value": q.value, "unit": q.unit, "qualifier": q.qualifier,
                  "previous": prev, "previous_period": d.previous_period.canonical, "change": change,
                  "pct": pct, "direction": d.direction, "arrow": _ARROWS.get(d.direction, ""), "good": good,
                  "basis": d.basis, "derived": d.derived},
                 {"label": metric.label(lang), "period": _period(fact, lang),
                  "value": words.quantity(q, lang, True, symbols=True),
                  "previous": "" if prev is None else approx + words.quantity(exact, lang, True, prev),
                  "delta": "" if change is None else approx + _signed_change(change, q.unit, lang),
                  "pct": words.signed_pct(pct),
                  "direction": f"{_ARROWS.get(d.direction, '')} {_VERDICTS[lang].get(good, '')}".strip(),
                  "basis": words.BASIS_WORDS[lang][d.basis],
                  "trend": words.sparkline([_base(f) for f in select.series_of(data, region.id, metric.id)])},
                 tones={"direction": tone, "delta": tone, "pct": tone})
    return view


# --------------------------------------------------------------------------- search


def search_view(data: Data, hits: query.SearchHits, lang: str) -> View:
    title = "搜索结果" if lang == "zh" else "Search results"
    columns = _columns(lang, "type", "region_name", "text", "value", "period", numeric=("value",))
    keys = ["type", "region", "region_name", "metric", "text", "value", "unit", "period", "qualifier", "quote"]
    view = View("search", title, columns, keys)
    for fact in hits.facts:
        metric = data.metrics[fact.metric]
        region = data.regions[fact.region]
        view.add({"type": "fact", "region": region.id, "region_name": region.zh, "metric": metric.id,
                  "text": metric.zh, "value": fact.quantity.value, "unit": fact.quantity.unit,
                  "period": fact.period.canonical, "qualifier": fact.quantity.qualifier, "quote": fact.quote},
                 {"type": "数据" if lang == "zh" else "fact", "region_name": region.name(lang),
                  "text": metric.label(lang), "value": words.quantity(fact.quantity, lang, True),
                  "period": _period(fact, lang)})
    for hl in hits.highlights:
        region = data.regions[hl.region]
        view.add({"type": "highlight", "region": region.id, "region_name": region.zh, "metric": None,
                  "text": hl.text, "value": None, "unit": None,
                  "period": hl.period.canonical if hl.period else None, "qualifier": None, "quote": hl.quote},
                 {"type": "亮点" if lang == "zh" else "highlight", "region_name": region.name(lang),
                  "text": hl.text if lang == "zh" or not hl.text_en else hl.text_en, "value": "",
                  "period": hl.period.in_words(lang) if hl.period else ""})
    return view
