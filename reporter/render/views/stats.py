"""``stats``: a metric's count, sum, mean, median, least, greatest and share (占比) per group."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from reporter.messages import Message, Named
from reporter.model.records import LEVELS_ZH, Quantity
from reporter.query.stats import Figure, GroupStats, Stats
from reporter.render import figures
from reporter.render.labels import Labels
from reporter.render.views.base import Column, Row, View

if TYPE_CHECKING:
    from reporter.model.dataset import Dataset

FIGURES = ("sum", "mean", "median", "min", "max")
STATS_KEYS = ["group", "group_en", "count", *FIGURES, "share_pct", "unit", "period",
              *(f"{k}_qualifier" for k in (*FIGURES, "share"))]


def _figures(item: GroupStats) -> dict[str, Figure | None]:
    return {"sum": item.sum, "mean": item.mean, "median": item.median, "min": item.least, "max": item.greatest}


def group_names(data: Dataset, by: str) -> dict[str, tuple[str, str]]:
    """(zh, en) of each group a region may fall in: prefectures carry their en names, levels their words."""
    if by == "level":
        return {level: (zh, level) for level, zh in LEVELS_ZH.items()}
    if by == "prefecture":
        return {r.prefecture: (r.prefecture, r.prefecture_en or r.prefecture) for r in data.regions.values()}
    return {r.province: (r.province, r.province) for r in data.regions.values()}


def stats_view(data: Dataset, stats: Stats, lang: str, notes_lang: str | None = None) -> View:
    say = Labels(lang)
    unit = stats.metric.unit
    names = group_names(data, stats.by)

    def record(item: GroupStats) -> dict[str, Any]:
        en = names.get(item.group, (item.group, item.group))[1] if item.group else ""
        figures = _figures(item)
        return {"group": item.group, "group_en": en, "count": item.size,
                **{k: f.value if f else None for k, f in figures.items()},
                "share_pct": item.share.value if item.share else None, "unit": unit,
                "period": stats.period.canonical,
                **{f"{k}_qualifier": f.qualifier if f else None for k, f in (*figures.items(), ("share", item.share))}}

    def said(figure: Figure | None) -> str:
        if figure is None:
            return "—"
        return figures.quantity(Quantity(str(figure.value), unit, figure.qualifier), lang, True, symbols=True)

    def row(item: GroupStats) -> Row:
        zh, en = names.get(item.group, (item.group, item.group)) if item.group else (say("stats.whole"),) * 2
        share = "—" if item.share is None else (
            figures.quantity(Quantity(str(item.share.value), "%", item.share.qualifier), lang, True, symbols=True))
        return Row({"group": say.pick(zh, en), "count": str(item.size),
                    **{k: said(f) for k, f in _figures(item).items()}, "share": share})

    keys = ["group", "count", *(FIGURES if stats.summable else FIGURES[1:]), *(["share"] if stats.summable else [])]
    column = [Column(k, say(f"stats.{k}" if k != "group" else f"stats.by.{stats.by}"), numeric=k != "group")
              for k in keys]
    title = say("title.stats", metric=stats.metric.label(lang), period=stats.period.in_words(lang),
                by=say(f"stats.by.{stats.by}"))
    return View("stats", title, column, STATS_KEYS, [*stats.groups, stats.whole], record, row,
                stats_notes(stats, notes_lang or lang), lang=lang)


def stats_notes(stats: Stats, lang: str) -> list[str]:
    """Why there is no sum, which figures are qualified, what was left out, in the reader's language."""
    metric = stats.metric
    kind = Named(metric.unit if metric.unit in ("%",) and metric.kind not in ("rate", "rank", "target")
                 else metric.kind, Labels("zh").get(f"kind.{metric.kind}", metric.kind))
    notes: list[Message] = []
    if not stats.summable:
        notes.append(Message("stats.no_sum", metric=metric.said(), kind=kind))
    if stats.qualified:
        notes.append(Message("stats.qualified", count=stats.qualified))
    if stats.unconverted:
        notes.append(Message("stats.mixed_units", count=stats.unconverted, metric=metric.said(), unit=metric.unit))
    if stats.ungrouped:
        notes.append(Message("stats.no_group", count=stats.ungrouped, by=Message(f"part.{stats.by}")))
    return [n.text(lang) for n in notes]
