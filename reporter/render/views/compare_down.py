"""``compare`` at scale: regions down (one row per region, metrics across) and ``--long`` (one row
per region and metric), for comparisons of more regions than metrics. The cells are those of
:mod:`reporter.render.views.compare`; only the way they are laid out differs."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, Any

from reporter.model.records import Fact, Metric, Region
from reporter.query.compare import CompareRow, Comparison, ComparisonSeen
from reporter.render import figures
from reporter.render import wording as prose
from reporter.render.labels import Labels
from reporter.render.views.base import VALUE_KEYS, Column, Row, View, value_fields
from reporter.render.views.compare import comparison_notes

if TYPE_CHECKING:
    from reporter.model.dataset import Dataset

DOWN_CELL_KEYS = ["value", "unit", "period", "qualifier", "value_base"]
LONG_KEYS = ["region", "region_name", "prefecture", "metric", "label", "label_en", "value", "unit", "period",
             "qualifier", *VALUE_KEYS]


def compare_down_keys(metrics: Sequence[Metric]) -> list[str]:
    """The flat keys of a regions-down comparison: the region's, then ``M.value`` … per metric."""
    return ["region", "region_name", "prefecture", *(f"{m.id}.{k}" for m in metrics for k in DOWN_CELL_KEYS)]


def _rows(comparison: Comparison | Sequence[CompareRow]) -> tuple[list[CompareRow], ComparisonSeen]:
    seen = ComparisonSeen()
    rows = list(comparison)
    for row in rows:
        seen.add(row)
    return rows, seen


def _cell(fact: Fact | None, lang: str, say: Labels, with_period: bool) -> tuple[str, ...]:
    """A cell's parts: the value, and its period when each value carries its own (said once above
    the table when every row shares it)."""
    if fact is None:
        return ("—",)
    value = figures.quantity(fact.quantity, lang, True)
    return (value, say("with_period", value="", period=prose.aside(fact.period, lang))) if with_period else (value,)


def compare_down_view(data: Dataset, regions: Sequence[Region], comparison: Comparison | Sequence[CompareRow],
                      lang: str, notes_lang: str | None = None, with_period: bool = True) -> View:
    """One row per region (a region with no figure of any metric compared is left out), a column per metric."""
    say = Labels(lang)
    rows, seen = _rows(comparison)
    metrics = [row.metric for row in rows]
    items = [(region, tuple(row.cells[i] for row in rows)) for i, region in enumerate(regions)]
    items = [item for item in items if any(item[1])]

    def record(item: tuple[Region, tuple[Fact | None, ...]]) -> dict[str, Any]:
        region, facts = item
        out: dict[str, Any] = {"region": region.id, "region_name": region.zh, "prefecture": region.prefecture}
        for metric, fact in zip(metrics, facts):
            cell = dict.fromkeys(DOWN_CELL_KEYS) if fact is None else {
                "value": fact.quantity.value, "unit": fact.quantity.unit, "period": fact.period.canonical,
                "qualifier": fact.quantity.qualifier, "value_base": value_fields(fact.quantity, metric)["value_base"]}
            out.update({f"{metric.id}.{k}": v for k, v in cell.items()})
        return out

    def row(item: tuple[Region, tuple[Fact | None, ...]]) -> Row:
        region, facts = item
        return Row({"region_name": region.name(lang)},
                   parts={m.id: _cell(f, lang, say, with_period) for m, f in zip(metrics, facts)})

    columns = [Column("region_name", say("region_name")),
               *(Column(m.id, m.label(lang), numeric=True, series=True, shared=True) for m in metrics)]
    return View("compare", say("title.compare_many", count=len(items)), columns, compare_down_keys(metrics), items,
                record, row, comparison_notes(data, seen, Labels(notes_lang or lang)), lang=lang)


def compare_long_view(data: Dataset, regions: Sequence[Region], comparison: Comparison | Sequence[CompareRow],
                      lang: str, notes_lang: str | None = None) -> View:
    """``compare --long``: one row per region and metric that has a figure (tidy data, any width)."""
    say = Labels(lang)
    seen = ComparisonSeen()

    def items() -> Iterator[tuple[Region, Metric, Fact]]:
        for row in comparison:
            seen.add(row)
            for region, fact in zip(regions, row.cells):
                if fact is not None:
                    yield region, row.metric, fact

    class Items:
        def __iter__(self) -> Iterator[tuple[Region, Metric, Fact]]:
            return items()

        def __bool__(self) -> bool:
            return bool(comparison)

    def record(item: tuple[Region, Metric, Fact]) -> dict[str, Any]:
        region, metric, fact = item
        q = fact.quantity
        return {"region": region.id, "region_name": region.zh, "prefecture": region.prefecture,
                "metric": metric.id, "label": metric.zh, "label_en": metric.en, "value": q.value, "unit": q.unit,
                "period": fact.period.canonical, "qualifier": q.qualifier, **value_fields(q, metric)}

    def row(item: tuple[Region, Metric, Fact]) -> Row:
        region, metric, fact = item
        return Row({"region_name": region.name(lang), "label": metric.label(lang),
                    "value": figures.quantity(fact.quantity, lang, True), "period": fact.period.in_words(lang)})

    columns = [Column("region_name", say("region_name")), Column("label", say("label"), wrap=True),
               Column("value", say("value"), numeric=True), Column("period", say("period"), shared=True)]
    return View("compare", say("title.compare_many", count=len(regions)), columns, LONG_KEYS, Items(), record,
                row, lambda: comparison_notes(data, seen, Labels(notes_lang or lang)), lang=lang)
