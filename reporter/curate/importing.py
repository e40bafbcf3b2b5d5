"""A bureau's table as facts: which column is what, each cell read as a figure, each figure checked.

Two layouts, as bureaus publish them. *Long*: one fact per row, a value column beside region,
metric, unit, period and optionally qualifier, change, quote and source columns. *Wide*: regions
down and, across, periods (``2019年``, ``2020年1-9月``: one metric, from a metric column or
``--metric``) or metrics (``研发投入（万元）``: one period, from a period column, ``--period`` or the
sheet's title row); a change column (``同比增长%``) belongs to the value column before it.

Columns are found by their header, in Chinese or English (:data:`HEADERS`, the one table of
names), a unit in brackets (``（万元）``) being the column's unit; ``--column FIELD=HEADER`` names
any other. A cell reads as the figure a person reads in it, with the prose reader's words for
qualifiers: ``2000多`` is more than 2000, ``约3.1`` about 3.1, ``近600台套`` nearly 600 台套;
``—``, ``-`` or an empty cell is no figure (never a zero). A cell that cannot be read, a region
or metric the data do not know, a unit of the wrong family, a figure the data already hold
differently: each a :class:`Bad` cell named by sheet, row and column.

Each fact's quote is what the table says of it, as written: the title row that states its period
(when it does), and ``header：cell`` for the row's region, metric, unit and period cells and its
own value and change cells. Its source is the table (file and sheet), unless a source column or
``--source`` names one of the data. Pure: no files written, no prompting.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Mapping, Sequence
from decimal import Decimal
from typing import TYPE_CHECKING, NamedTuple

from reporter.curate import answers
from reporter.curate.cells import normal, read_change, read_figure
from reporter.curate.sheets import Sheet, column_name, trimmed
from reporter.errors import LookupFailed, UsageProblem
from reporter.messages import Message
from reporter.model import units
from reporter.model.names import find_metric, find_region
from reporter.model.period_words import parse_period
from reporter.model.periods import PeriodError
from reporter.model.records import PERIOD_BASES
from reporter.prose.readings import UNITS

if TYPE_CHECKING:
    from reporter.model.dataset import Dataset
    from reporter.model.records import Metric, Region

# field -> its header names, most specific first (a table with region and region_name: region wins)
HEADERS: dict[str, tuple[str, ...]] = {
    "region": ("region", "地区", "地区名称", "县市区", "县（市、区）", "县(市、区)", "区县", "县市", "区域", "行政区",
               "行政区划", "单位名称", "county", "region_name", "area", "name"),
    "metric": ("metric", "指标", "指标名称", "项目", "指标代码", "indicator", "label"),
    "value": ("value_text", "数值", "value", "数据", "本期", "本期数", "值"),
    "unit": ("unit", "单位", "计量单位"),
    "period": ("period", "时期", "期间", "时间", "统计期", "年份", "year"),
    "qualifier": ("qualifier", "限定", "限定词"),
    "yoy_pct": ("yoy_pct", "同比", "同比增长", "同比增长%", "同比增长(%)", "同比增速", "增幅", "增速", "增长%", "yoy"),
    "rank_change": ("rank_change", "位次变化", "名次变化"),
    "previous": ("previous", "上年同期", "上期"),
    "quote": ("quote", "原文", "引文"),
    "source": ("source", "来源", "来源代码"),
    "note": ("note", "备注", "说明"),
    "period_basis": ("period_basis", "时期依据", "时期来源"),
}
CHANGE_WORDS = ("同比", "增长", "增速", "增幅", "yoy")  # a header naming a change, of the value column before it
TOTALS = ("合计", "总计", "小计", "全市", "全省", "全县", "全区", "total")  # rows of no one region
FOOTNOTES = ("注", "说明", "备注", "资料来源", "数据来源", "来源：", "note")
HEADER_ROWS = 15  # the header is looked for in this many rows from the top
_UNIT_IN_BRACKETS = re.compile(r"^(.*?)\s*[(（]\s*([^()（）]+?)\s*[)）]\s*$")
_TITLE_PERIOD = re.compile(r"\d{4}年(?:\d{1,2}[-—~～至]\d{1,2}月份?|\d{1,2}月份?|[上下]半年|前三季度|[一二三四]季度|度)?")


class Cell(NamedTuple):
    """Where a value stands, as the user sees it: sheet, row and column (1-based), its header and text."""

    sheet: str
    row: int
    column: int
    header: str
    text: str

    def said(self, problem: Message | str) -> Message:
        return Message("import.cell", sheet=self.sheet, row=self.row, column=column_name(self.column),
                       header=self.header, problem=problem)


class Bad(NamedTuple):
    cell: Cell
    why: Message | str

    def message(self) -> Message:
        return self.cell.said(self.why)


class Imported(NamedTuple):
    """A fact to add: its region, its fields as the data file writes them, and the cell it comes from."""

    region: str
    fields: dict[str, str | None]
    cell: Cell


class Options(NamedTuple):
    metric: str | None = None
    period: str | None = None
    source: str | None = None
    columns: Mapping[str, str] = {}  # field -> header, from --column FIELD=HEADER


class Plan(NamedTuple):
    new: list[Imported]
    held: int  # figures the data already hold, as the table gives them
    bad: list[Bad]
    sources: dict[str, dict[str, str]]  # new sources to write: id -> fields
    skipped_rows: int  # totals and footnotes


# --------------------------------------------------------------------------- columns


class Columns(NamedTuple):
    """What each column of a sheet is: a field (region, metric, value …), a period or metric across
    (wide), and the change column that follows a value column."""

    header_row: int  # 0-based
    fields: dict[str, int]
    values: list[tuple[int, str | None, Metric | None, str | None]]  # column, period, metric, unit of its header
    changes: dict[int, int]  # value column -> its change column


def split_unit(header: str) -> tuple[str, str | None]:
    """``研发投入（万元）`` → (研发投入, 万元); a header without a unit in brackets stays whole."""
    m = _UNIT_IN_BRACKETS.match(header)
    if m and (m.group(2) in UNITS or m.group(2) in units.KNOWN_UNITS):
        return m.group(1), m.group(2)
    return header, None


def _field_of(header: str, mapped: Mapping[str, str]) -> str | None:
    for field, given in mapped.items():
        if normal(given) == normal(header):
            return field
    name = normal(split_unit(header)[0])
    for field, names in HEADERS.items():
        if name in (normal(n) for n in names) or normal(header) in (normal(n) for n in names):
            return field
    return None


def _metric_named(data: Dataset, name: str) -> Metric | None:
    """A metric named exactly (id, label, English label or alias), as a header names one."""
    wanted = normal(name)
    for metric in data.metrics.values():
        if wanted in (normal(n) for n in (metric.id, metric.zh, metric.en, *metric.aliases) if n):
            return metric
    return None


def find_columns(data: Dataset, sheet: Sheet, mapped: Mapping[str, str]) -> Columns:
    rows = sheet.rows
    at = next((i for i, row in enumerate(rows[:HEADER_ROWS]) if any(_field_of(h, mapped) == "region"
                                                                     for h in row if h)), None)
    if at is None:
        raise UsageProblem(Message("import.no_header", rows=HEADER_ROWS))
    headers = rows[at]
    for field, given in mapped.items():
        if not any(normal(given) == normal(h) for h in headers):
            raise UsageProblem(Message("import.no_column", field=field, header=given,
                                       headers=", ".join(h for h in headers if h)))
    fields: dict[str, int] = {}
    ranks: dict[str, int] = {}
    values: list[tuple[int, str | None, Metric | None, str | None]] = []
    changes: dict[int, int] = {}
    for j, header in enumerate(headers):
        if not header:
            continue
        role = _field_of(header, mapped)
        if role is not None:
            rank = _rank(role, header, mapped)
            if role not in fields or rank < ranks[role]:
                fields[role], ranks[role] = j, rank
            continue
        name, unit = split_unit(header)
        if any(w in normal(name) for w in CHANGE_WORDS):
            if values:
                changes[values[-1][0]] = j
            continue
        try:
            values.append((j, parse_period(name).canonical, None, unit))
            continue
        except PeriodError:
            pass
        metric = _metric_named(data, name)
        if metric is not None:
            values.append((j, None, metric, unit))
    if "value" in fields:
        values = [(fields["value"], None, None, split_unit(headers[fields["value"]])[1])]
        if "yoy_pct" in fields:
            changes[fields["value"]] = fields["yoy_pct"]
    elif "yoy_pct" in fields:  # wide: the change of the value column just before it
        before = [j for j, *_ in values if j < fields["yoy_pct"]]
        if before:
            changes.setdefault(before[-1], fields.pop("yoy_pct"))
    if not values:
        raise UsageProblem(Message("import.no_value"))
    return Columns(at, fields, values, changes)


def _rank(field: str, header: str, mapped: Mapping[str, str]) -> int:
    if field in mapped:
        return -1
    names = [normal(n) for n in HEADERS[field]]
    name = normal(split_unit(header)[0])
    return names.index(name) if name in names else len(names)


# --------------------------------------------------------------------------- rows


def plan_import(data: Dataset, sheets: Sequence[Sheet], file_name: str, options: Options) -> Plan:
    """The facts the sheets hold that the data do not, the cells that cannot be read, and the
    source entries the new facts need."""
    new: list[Imported] = []
    bad: list[Bad] = []
    sources: dict[str, dict[str, str]] = {}
    held, skipped = 0, 0
    seen: dict[tuple[str, str, str], Imported] = {}
    asked = _asked(data, options)
    for sheet in sheets:
        sheet = Sheet(sheet.name, trimmed(sheet.rows))
        if not any(any(row) for row in sheet.rows) and len(sheets) > 1:  # an empty sheet of a workbook
            continue
        columns = find_columns(data, sheet, options.columns)
        source = options.source or _table_source(file_name, sheet.name, len(sheets), data, sources)
        title = _title_period(sheet, columns.header_row)
        for r in range(columns.header_row + 1, len(sheet.rows)):
            row = sheet.rows[r]
            region_cell = row[columns.fields["region"]]
            if not any(row) or not region_cell or region_cell.startswith(FOOTNOTES) or normal(region_cell) in TOTALS:
                skipped += bool(any(row))
                continue
            for found in _row_facts(data, sheet, columns, r, asked, title, source):
                if isinstance(found, Bad):
                    bad.append(found)
                    continue
                key = (found.region, str(found.fields["metric"]), str(found.fields["period"]))
                there = _held(data, found, seen.get(key))
                if there is None:
                    seen[key] = found
                    new.append(found)
                elif there == "":
                    held += 1
                else:
                    bad.append(Bad(found.cell, there))
    used = {str(f.fields["source"]) for f in new}
    return Plan(new, held, bad, {k: v for k, v in sources.items() if k in used}, skipped)


def _asked(data: Dataset, options: Options) -> tuple[Metric | None, str | None]:
    """--metric and --period, resolved (a usage error when they name nothing)."""

    metric = find_metric(data, options.metric) if options.metric else None
    try:
        period = parse_period(options.period).canonical if options.period else None
    except PeriodError as exc:
        raise UsageProblem(Message("bad_period_given", reason=exc.message)) from None
    return metric, period


def _title_period(sheet: Sheet, header_row: int) -> tuple[str, str] | None:
    """The period a title row above the header states (2020年1-9月各县市区主要指标), with that row."""
    for row in sheet.rows[:header_row]:
        text = " ".join(c for c in row if c)
        m = _TITLE_PERIOD.search(text)
        if m:
            try:
                return text, parse_period(m.group(0)).canonical
            except PeriodError:
                continue
    return None


def _row_facts(data: Dataset, sheet: Sheet, columns: Columns, r: int, asked: tuple[Metric | None, str | None],
               title: tuple[str, str] | None, source: str) -> list[Imported | Bad]:
    """The facts of one row: one per value column with a figure, or why a cell cannot be read."""

    row, headers, fields = sheet.rows[r], sheet.rows[columns.header_row], columns.fields

    def cell(j: int) -> Cell:
        return Cell(sheet.name, r + 1, j + 1, headers[j], row[j])

    def text(field: str) -> str:
        return row[fields[field]] if field in fields else ""

    try:
        region = find_region(data, text("region"))
    except LookupFailed as exc:
        return [Bad(cell(fields["region"]), exc.message)]
    out: list[Imported | Bad] = []
    for j, period, metric, unit in columns.values:
        at = cell(j)
        try:
            chosen = metric or (find_metric(data, text("metric")) if text("metric") else asked[0])
            when = period or (parse_period(text("period")).canonical if text("period") else asked[1])
            when = when or (title[1] if title else None)
            if chosen is None:
                raise UsageProblem(Message("import.no_metric"))
            if when is None:
                raise UsageProblem(Message("import.no_period"))
            fact = _fact(region, chosen, when, at, unit, text, columns.changes.get(j), row, source)
        except LookupFailed as exc:
            out.append(Bad(cell(fields["metric"]) if "metric" in fields else at, exc.message))
            continue
        except PeriodError as exc:
            out.append(Bad(cell(fields["period"]) if "period" in fields else at, exc.message))
            continue
        except (ValueError, answers.Wrong) as exc:
            out.append(Bad(at, exc.said if isinstance(exc, answers.Wrong) else exc.args[0]))
            continue
        if fact is not None:
            quote = _quote(row, headers, fields, j, columns.changes.get(j), title if not period and
                           "period" not in fields and not asked[1] else None)
            fact.fields["quote"] = text("quote") or quote
            out.append(fact)
    return out


def _fact(region: Region, metric: Metric, period: str, at: Cell, unit: str | None, text: Callable[[str], str],
          change_column: int | None, row: Sequence[str], source: str) -> Imported | None:
    """One value cell as a fact's fields; None when the cell holds no figure."""
    read = read_figure(at.text)
    if read is None:
        return None
    chosen_unit = answers.unit(metric, text("unit") or read.unit or unit or "")
    qualifier = answers.qualifier(text("qualifier")) if text("qualifier") else read.qualifier
    change = read_change(metric, row[change_column]) if change_column is not None else None
    if change is None and text("rank_change"):
        change = read_change(metric, text("rank_change"))
    fields = answers.fact_fields(region, metric, read.written, chosen_unit, period, qualifier, change, "",
                                 text("source") or source)
    previous = read_figure(text("previous")) if text("previous") else None
    fields["previous"] = previous.written if previous is not None else None
    if text("note"):
        fields["note"] = text("note")
    if text("period_basis") in PERIOD_BASES:  # how the period is known, where the table says (our export does)
        fields["period_basis"] = text("period_basis")
    return Imported(region.id, fields, at)


def _quote(row: Sequence[str], headers: Sequence[str], fields: Mapping[str, int], value: int,
           change: int | None, title: tuple[str, str] | None) -> str:
    """What the table says of one figure, as written: its title row when that states the period,
    then header：cell of the row's region, metric, unit, period and qualifier, its value and change."""
    columns = [fields[f] for f in ("region", "metric", "unit", "period", "qualifier") if f in fields]
    columns += [value] + ([change] if change is not None else [])
    parts = [f"{headers[j]}：{row[j]}" for j in columns if row[j]]
    return "；".join([title[0], *parts] if title else parts)


def _held(data: Dataset, fact: Imported, earlier: Imported | None) -> str | Message | None:
    """None: a new fact; "": the data (or the table, earlier) hold it as it is; else why it conflicts."""
    f = fact.fields
    if earlier is not None:
        same = _same(earlier.fields["value"], earlier.fields["unit"], earlier.fields["qualifier"], f)
        return "" if same else Message("import.conflict", region=fact.region, metric=f["metric"], period=f["period"],
                                       value=f"{f['value']}{f['unit']}", held=f"{earlier.fields['value']}"
                                       f"{earlier.fields['unit']}", where=earlier.cell.said(""))
    for there in data.facts_of(fact.region, str(f["metric"])):
        if there.period.canonical == f["period"]:
            q = there.quantity
            if _same(q.written, q.unit, None if q.qualifier == "exact" else q.qualifier, f):
                return ""
            where = f"{there.origin.path}:{there.origin.line}" if there.origin else "?"
            return Message("import.conflict", region=fact.region, metric=f["metric"], period=f["period"],
                           value=f"{f['value']}{f['unit']}", held=f"{q.written}{q.unit}", where=where)
    return None


def _same(written: object, unit: object, qualifier: object, f: Mapping[str, str | None]) -> bool:
    try:
        return (units.to_base(Decimal(str(written)), str(unit)) == units.to_base(Decimal(str(f["value"])),
                                                                                 str(f["unit"]))
                and (qualifier or None) == (f["qualifier"] or None))
    except (ValueError, ArithmeticError):
        return False


def _table_source(file_name: str, sheet: str, sheets: int, data: Dataset,
                  sources: dict[str, dict[str, str]]) -> str:
    """The source id of a table (file and sheet): the same id each time, so a second import finds it."""
    stem = file_name.rsplit(".", 1)[0]
    slug = re.sub(r"[^a-z0-9]+", "-", stem.casefold()).strip("-")[:24]
    digest = hashlib.sha1(f"{file_name}\0{sheet}".encode()).hexdigest()[:8]
    ident = f"table-{slug + '-' if slug else ''}{digest}"
    if ident not in data.sources and ident not in sources:
        title = file_name if sheets == 1 and sheet == stem else f"{file_name} · {sheet}"
        sources[ident] = {"publication": "spreadsheet (imported table)", "title": title, "date": "not stated",
                          "date_note": "The table states no date of its own; fill in when it was published."}
    return ident
