"""``compare``: regions side by side, one row per metric, each value with its period."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import partial
from typing import TYPE_CHECKING, Any

from reporter.model.periods import Period
from reporter.model.records import Fact, Metric, Region
from reporter.query.compare import CompareRow, Comparison, ComparisonSeen
from reporter.render import figures
from reporter.render import wording as prose
from reporter.render.labels import Labels
from reporter.render.views.base import (
    Column,
    Row,
    View,
    is_assumed,
    theme_name,
    trend,
    value_fields,
)
from reporter.render.views.notes import left_out_note, region_names, unstated_note

if TYPE_CHECKING:
    from reporter.model.dataset import Dataset


def _said_of(data: Dataset, comparison: Comparison, say: Labels) -> list[str]:
    return comparison_notes(data, comparison.seen, say)


def comparison_notes(data: Dataset, seen: ComparisonSeen, say: Labels) -> list[str]:
    """What a reader must know before reading across a row: values of different periods, values
    with no stated period beside others, and (with --period) what was left out and why."""
    notes = []
    if seen.mixed:
        first = seen.mixed[0]
        periods = say.join(list(dict.fromkeys(prose.aside(f.period, say.lang) for f in first.cells
                                              if f is not None and f.period.comparable)))
        notes.append(say("compare.mixed", count=seen.mixed_count, s="" if seen.mixed_count == 1 else "s",
                         label=first.metric.label(say.lang), periods=periods))
    if seen.unstated_beside:
        first = seen.unstated_beside[0]
        undated = [f for f in first.cells if f is not None and not f.period.comparable]
        notes.append(say("compare.unstated_beside", count=seen.unstated_beside_count,
                         s="" if seen.unstated_beside_count == 1 else "s",
                         label=first.metric.label(say.lang), regions=region_names(data, undated, say)))
    if seen.left_out:
        notes.append(left_out_note(data, seen.left_out, say, "compare.left_out"))
    if seen.unstated:
        notes.append(unstated_note(data, seen.unstated, say, "compare.unstated"))
    return notes


CELL_KEYS = ["value", "unit", "period", "qualifier", "value_base", "value_text"]  # of each region, in a row


def compare_keys(regions: Sequence[Region]) -> list[str]:
    """The flat keys of a comparison (csv and tsv's columns): the metric's, then ``R.value`` … per region;
    the keys added since (``unit_base``, ``R.value_base`` …) after them, so no column moved."""
    return ["metric", "label", "label_en", "unit",
            *(f"{region.id}.{key}" for region in regions for key in CELL_KEYS[:4]), "unit_base",
            *(f"{region.id}.{key}" for region in regions for key in CELL_KEYS[4:])]


def _cell_record(fact: Fact | None, metric: Metric) -> dict[str, Any]:
    if fact is None:
        return dict.fromkeys(CELL_KEYS)
    fields = value_fields(fact.quantity, metric)
    return {"value": fact.quantity.level, "unit": fact.quantity.unit, "period": fact.period.canonical,
            "qualifier": fact.quantity.qualifier, "value_base": fields["value_base"],
            "value_text": fields["value_text"]}


def compare_view(data: Dataset, regions: Sequence[Region], rows: Comparison | Sequence[CompareRow],
                 lang: str, period: Period | None = None, notes_lang: str | None = None) -> View:
    """Regions side by side. A JSON record nests each region's cell (``regions``: id → ``value``,
    ``unit`` …), as ``jq '.[].regions.jiangshan.value'`` reads it, and holds each value once; csv
    and tsv carry the same as flat ``R.value`` … columns."""
    say = Labels(lang)
    columns = [Column("label", say("label"), wrap=True)]
    for region in regions:
        # the value and its period may stand on two lines; a period every row shares goes to the header
        columns.append(Column(region.id, region.name(lang), numeric=period is not None, series=True, shared=True))
        columns.append(Column(f"{region.id}.trend", "", visual=True, series=True))

    def record(item: CompareRow) -> dict[str, Any]:
        out: dict[str, Any] = {"metric": item.metric.id, "label": item.metric.zh, "label_en": item.metric.en,
                               "unit": item.metric.unit, "unit_base": item.metric.unit}
        cells = {region.id: _cell_record(fact, item.metric) for region, fact in zip(regions, item.cells)}
        for ident, cell in cells.items():
            out.update({f"{ident}.{key}": value for key, value in cell.items()})
        out["regions"] = cells
        return out

    def row(item: CompareRow) -> Row:
        cells = {"label": item.metric.label(lang)}
        parts: dict[str, tuple[str, ...]] = {}
        for region, fact, history in zip(regions, item.cells, item.history or [()] * len(regions)):
            if fact is None:
                cells[region.id] = "—"
                continue
            value = figures.quantity(fact.quantity, lang, True)
            if period is None:  # in a comparison every value carries its own period, in brackets
                aside = prose.aside(fact.period, lang) + (say("assumed.aside") if is_assumed(fact) else "")
                parts[region.id] = (value, say("with_period", value="", period=aside))
            else:
                cells[region.id] = value
            cells[f"{region.id}.trend"] = trend(history, fact.period)
        return Row(cells, group=theme_name(data.themes[item.metric.theme], say), parts=parts)

    names = " / ".join(r.name(lang) for r in regions)
    title = names if len(regions) <= 4 else say("title.compare_many", count=len(regions))
    if period is not None:
        title = say("title.in_period", title=title, period=period.in_words(lang))
    told = Labels(notes_lang or lang)  # notes are messages: in the reader's language
    if isinstance(rows, Comparison):  # its notes are known once its rows have been read
        notes: list[str] | Callable[[], list[str]] = partial(_said_of, data, rows, told)
    else:
        seen = ComparisonSeen()
        for item in rows:
            seen.add(item)
        notes = comparison_notes(data, seen, told)
    return View("compare", title, columns, compare_keys(regions), rows, record, row, notes,
                lang=lang, nested=["regions"], json_flat=[k for k in compare_keys(regions) if "." not in k])
