"""``show``: a region's facts by theme (or by period, as columns), then its highlights."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING, Any, TypeVar

from reporter.model.records import Fact, Highlight, Metric, Region, Theme
from reporter.query import selection as select
from reporter.query.delta import Delta, yoy_deltas
from reporter.query.selection import EVERY_PERIOD, Window
from reporter.render import figures
from reporter.render.labels import Labels
from reporter.render.views.base import (
    Row,
    View,
    columns,
    period_notes,
    period_said,
    theme_name,
    trend,
    window_notes,
)
from reporter.render.views.facts import EXPORT_KEYS, fact_record
from reporter.render.views.notes import places_words

if TYPE_CHECKING:
    from reporter.model.dataset import Dataset


T = TypeVar("T")


def oldest_first(data: Dataset, items: Iterable[T], fact_of: Callable[[T], Fact]) -> list[T]:
    """A region's rows (facts, changes) in the one order every command uses: by theme and metric,
    then oldest period first; a figure whose period the source does not state after the dated ones
    (it is not the newest of anything, only the last reported)."""
    chosen = list(items)
    order = {m: i for i, m in enumerate(select.metric_order(data, {fact_of(x).metric for x in chosen}))}

    def key(item: T) -> tuple[int, bool, tuple[int, int, int, str]]:
        fact = fact_of(item)
        return order[fact.metric], not fact.period.comparable, fact.period.sort_key
    return sorted(chosen, key=key)


def period_parts(words: str) -> tuple[str, ...]:
    """A period in words, with its aside a part of its own: 未注明时期 / （见于2020年年中报道）. A
    narrow table breaks the one long period there rather than squeeze every label for it."""
    for mark in ("（", " ("):
        at = words.find(mark)
        if at > 0:
            return words[:at], words[at:]
    return (words,)


def change_parts(fact: Fact, say: Labels, computed: Delta | None = None) -> tuple[str, ...]:
    """The change the source reports for a fact, in words; else the one computed from a year before."""
    parts = []
    if fact.yoy_pct is not None:
        parts.append(figures.yoy_words(fact.yoy_pct, say.lang))
    if fact.rank_change is not None:
        parts.append(figures.rank_move(fact.rank_change, say.lang))
    if fact.previous is not None:
        value = figures.amount(fact.previous, fact.quantity.unit, say.lang, True)
        parts.append(say("reported_previous", value=value))
    if not parts and computed is not None and computed.change is not None:
        approx = "≈" if computed.qualifier != "exact" else ""
        if fact.quantity.unit == "位":
            parts.append(places_words(int(computed.change), say))
        elif fact.quantity.unit == "%":  # a share moves by points: 同比+0.3个百分点, not 同比+14.3%
            parts.append(say("computed_yoy", pct=approx + figures.change_amount(
                computed.change, "%", say.lang, True, computed.direction)))
        elif computed.pct is not None:
            parts.append(say("computed_yoy", pct=approx + figures.signed_pct(computed.pct, True, computed.direction)))
    # a break may come after each "; ", and inside a phrase only between its words and its number
    return tuple(piece for i, p in enumerate(parts) for piece in _words_then_number(p + ("; " if i < len(parts) - 1
                                                                                          else "")))


def _words_then_number(phrase: str) -> tuple[str, ...]:
    """``同比增长16%`` as ``同比增长`` and ``16%``: where a narrow column may break a change."""
    match = re.match(r"(\D+?)([−+\-]?\d.*)$", phrase)
    return (match.group(1), match.group(2)) if match and match.group(1).strip() else (phrase,)


def _reported_tone(fact: Fact, metric: Metric, computed: Delta | None) -> str:
    if fact.rank_change:
        return "good" if fact.rank_change > 0 else "bad"
    if fact.yoy_pct:
        return "good" if (fact.yoy_pct > 0) == (metric.polarity == "higher") else "bad"
    if computed is not None and computed.good is not None and fact.previous is None:
        return "good" if computed.good else "bad"
    return ""


def show_view(data: Dataset, region: Region, lang: str, theme: Theme | None = None,
              sources: bool = False, window: Window = EVERY_PERIOD, notes_lang: str | None = None) -> View:
    say = Labels(lang)
    facts = everything = oldest_first(data, select.region_facts(data, region, theme), lambda f: f)
    if window:
        shown = {p.canonical for p in window.choose(f.period for f in facts)}
        facts = [f for f in facts if f.period.canonical in shown]
    by_metric: dict[str, list[Fact]] = {}
    for fact in facts:
        by_metric.setdefault(fact.metric, []).append(fact)
    newest: set[tuple[str, str]] = set()  # (metric, period) of the latest fact of each kind of period
    for metric, group in by_metric.items():
        seen: set[select.Season] = set()
        for fact in sorted(group, key=lambda f: f.period.sort_key, reverse=True):
            if select.season(fact.period) not in seen:
                seen.add(select.season(fact.period))
                newest.add((metric, fact.period.canonical))
    computed = {(d.fact.metric, d.fact.period.canonical): d for d in yoy_deltas(data, region)
                if d.basis == "computed"}

    def row(fact: Fact) -> Row:
        metric = data.metrics[fact.metric]
        key = (fact.metric, fact.period.canonical)
        line = trend(by_metric[fact.metric], fact.period) if key in newest else ""
        return Row({"label": metric.label(lang), "value": figures.quantity(fact.quantity, lang, True),
                    "period": period_said(fact, lang), "trend": line},
                   group=theme_name(data.themes[metric.theme], say),
                   detail=f"「{fact.quote}」{say(f'period_basis.{fact.period_basis}')}" if sources else None,
                   tones={"change": _reported_tone(fact, metric, computed.get(key))},
                   parts={"change": change_parts(fact, say, computed.get(key)),
                          "period": period_parts(period_said(fact, lang))})

    title = say("title.show", region=region.name(lang), prefecture=say.pick(region.prefecture, region.prefecture_en))
    return View("facts", title, columns(say, "label", "value", "period", "change", "trend", numeric=("value",),
                                        visual=("trend",), wrap=("label",)),
                EXPORT_KEYS, facts, lambda fact: fact_record(data, fact), row,
                window_notes(everything, window, Labels(notes_lang or lang))
                + period_notes(facts, Labels(notes_lang or lang), arrows=False)
                + (source_notes(data, [f.source for f in facts], Labels(notes_lang or lang)) if sources else []),
                lang=lang)


def source_notes(data: Dataset, cited: Sequence[str], say: Labels) -> list[str]:
    """One line per document the quotes come from: its title, date and text file (``show --sources``)."""
    notes = []
    for ident in dict.fromkeys(cited):
        source = data.sources.get(ident)
        if source is not None:
            title = say.pick(source.title, source.title_en) or source.publication
            notes.append(say("source_note", id=ident, title=title, date=source.date, file=source.file or "—"))
    return notes


HIGHLIGHT_KEYS = ["region", "theme", "text", "text_en", "period", "source", "quote"]


def highlights_view(data: Dataset, highlights: Sequence[Highlight], lang: str, sources: bool = False) -> View:
    say = Labels(lang)

    def record(hl: Highlight) -> dict[str, Any]:
        return {"region": hl.region, "theme": hl.theme, "text": hl.text, "text_en": hl.text_en,
                "period": hl.period.canonical if hl.period else None, "source": hl.source, "quote": hl.quote}

    def row(hl: Highlight) -> Row:
        return Row({"theme": theme_name(data.themes[hl.theme], say), "text": say.pick(hl.text, hl.text_en)},
                   detail=f"「{hl.quote}」" if sources else None)

    return View("highlights", say("title.highlights"), columns(say, "theme", "text", wrap=("theme", "text")),
                HIGHLIGHT_KEYS, highlights, record, row,
                detail_column="text", lang=lang)
