"""Periods as columns (like ``hledger balance -Y``): a region's metrics, or one metric's regions.

Each period is a column of its own, so a narrow terminal can show them a few at a time. When a
row's figures share one unit, the unit stands once in its own column and the cells are bare
numbers (qualifiers as symbols: ``>9,100``, ``≈300``).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from reporter.model.periods import Period
from reporter.model.records import Fact, Metric, Region
from reporter.query.selection import PeriodRow, PeriodTable
from reporter.render import figures
from reporter.render.labels import Labels
from reporter.render.views.base import ASSUMED_MARK, Column, Row, View, is_assumed, theme_name, trend, value_fields

if TYPE_CHECKING:
    from reporter.model.dataset import Dataset


def _shared_unit(row: PeriodRow) -> str | None:
    """The unit every figure of a row is written in, when there is one (a rank's 第…位 stays whole)."""
    found = {f.quantity.unit for f in row.cells if f is not None}
    return found.pop() if len(found) == 1 and "位" not in found else None


def _cell(fact: Fact | None, lang: str, bare: bool) -> str:
    if fact is None:
        return "—"
    q = fact.quantity._replace(unit="") if bare else fact.quantity
    # the column is the period: a figure whose period is assumed carries the mark (explained in a note)
    return figures.quantity(q, lang, True, symbols=True) + (ASSUMED_MARK if is_assumed(fact) else "")


CELL_KEYS = ["value", "unit", "qualifier", "value_base", "value_text"]  # of each period, in a row
REGION_LEAD = ["region", "metric", "label", "label_en"]  # show REGION --by period
METRIC_LEAD = ["metric", "position", "region", "region_name"]  # rank METRIC --by period


def period_keys(lead_keys: list[str], periods: Sequence[Period]) -> list[str]:
    """The flat keys of a periods-as-columns table: the lead's, the unit, then ``P.value`` … per period;
    the keys added since (``unit_base``, ``P.value_base`` …) after them, so no column moved."""
    return [*lead_keys, "unit", *(f"{p.canonical}.{key}" for p in periods for key in CELL_KEYS[:3]), "unit_base",
            *(f"{p.canonical}.{key}" for p in periods for key in CELL_KEYS[3:])]


def period_table_view(data: Dataset, table: PeriodTable, lang: str, title: str,
                      lead: list[tuple[Column, Callable[[PeriodRow], str]]],
                      lead_records: Callable[[PeriodRow], dict[str, Any]], lead_keys: list[str],
                      notes: Sequence[str] = ()) -> View:
    """A :class:`~reporter.query.selection.PeriodTable` as a view; ``lead`` are the columns before the unit and periods.

    A JSON record nests each period's cell (``periods``: canonical period → ``value``, ``unit`` …);
    csv and tsv (and JSON, for scripts written before) carry the same as flat ``P.value`` … columns."""
    say = Labels(lang)
    period_columns = [Column(p.canonical, p.in_words(lang), numeric=True, series=True) for p in table.periods]

    def record(item: PeriodRow) -> dict[str, Any]:
        lead_record = lead_records(item)
        metric = item.key if isinstance(item.key, Metric) else data.metrics[lead_record["metric"]]
        out = {**lead_record, "unit": _shared_unit(item), "unit_base": metric.unit}
        cells = {p.canonical: _cell_record(fact, metric) for p, fact in zip(table.periods, item.cells)}
        for canonical, cell in cells.items():
            out.update({f"{canonical}.{key}": value for key, value in cell.items()})
        out["periods"] = cells
        return out

    def row(item: PeriodRow) -> Row:
        unit = _shared_unit(item)
        cells = {column.key: cell(item) for column, cell in lead}
        cells["unit"] = figures.unit_name(unit, lang) if unit else ""
        for p, fact in zip(table.periods, item.cells):
            cells[p.canonical] = _cell(fact, lang, unit is not None)
        group = theme_name(data.themes[item.key.theme], say) if isinstance(item.key, Metric) else None
        shown = [f for f in item.cells if f is not None]
        cells["trend"] = trend(shown, max(shown, key=lambda f: f.period.sort_key).period) if shown else ""
        return Row(cells, group=group)

    return View("periods", title, [*(c for c, _ in lead), Column("unit", say("unit"), shared=True), *period_columns,
                                   Column("trend", say("trend"), visual=True)],
                period_keys(lead_keys, table.periods), table.rows, record, row, list(notes), lang=lang,
                nested=["periods"])


def _cell_record(fact: Fact | None, metric: Metric) -> dict[str, Any]:
    if fact is None:
        return dict.fromkeys(CELL_KEYS)
    fields = value_fields(fact.quantity, metric)
    return {"value": fact.quantity.level, "unit": fact.quantity.unit, "qualifier": fact.quantity.qualifier,
            "value_base": fields["value_base"], "value_text": fields["value_text"]}


def region_by_period_view(data: Dataset, region: Region, table: PeriodTable, lang: str) -> View:
    """``show REGION --by period``: the region's metrics as rows, its periods as columns."""
    say = Labels(lang)

    def lead_record(item: PeriodRow) -> dict[str, Any]:
        metric = item.key
        assert isinstance(metric, Metric)
        return {"region": region.id, "metric": metric.id, "label": metric.zh, "label_en": metric.en}

    def label(item: PeriodRow) -> str:
        return item.key.label(lang) if isinstance(item.key, Metric) else ""

    title = say("title.show", region=region.name(lang), prefecture=say.pick(region.prefecture, region.prefecture_en))
    return period_table_view(data, table, lang, title, [(Column("label", say("label"), wrap=True), label)],
                             lead_record, REGION_LEAD)


def metric_by_period_view(data: Dataset, metric: Metric, table: PeriodTable, positions: dict[str, int],
                          lang: str, notes: Sequence[str] = ()) -> View:
    """``rank METRIC --by period``: regions as rows (in rank order of the latest period), periods as columns."""
    say = Labels(lang)

    def lead_record(item: PeriodRow) -> dict[str, Any]:
        region = item.key
        assert isinstance(region, Region)
        return {"metric": metric.id, "position": positions.get(region.id), "region": region.id,
                "region_name": region.zh}

    def position(item: PeriodRow) -> str:
        return str(positions[item.key.id]) if item.key.id in positions else ""

    def name(item: PeriodRow) -> str:
        return item.key.name(lang) if isinstance(item.key, Region) else ""

    latest = table.periods[-1].in_words(lang)
    return period_table_view(data, table, lang, say("title.by_period", metric=metric.label(lang), period=latest),
                             [(Column("position", say("position"), numeric=True), position),
                              (Column("region_name", say("region_name")), name)],
                             lead_record, METRIC_LEAD, notes)
