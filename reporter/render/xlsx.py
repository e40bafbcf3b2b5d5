"""Excel workbooks (``--format xlsx``): one sheet per view, the machine records as cells.

What a spreadsheet user expects of a table: numbers as numbers (shown with the digits the data
wrote and their unit: ``2.06`` formatted ``0.00"亿元"`` reads 2.06亿元 and sums as 2.06), each
unit also in a column of its own (``unit``, ``R.unit``, ``unit_base``), periods and ids as
text (``2011`` never becomes the number 2011), a frozen header row, and column widths fitted to
the widest cell, counting a Chinese character as two. The header row holds the same stable keys
as csv and json (docs/output.md), so a workbook reads back with ``reporter import``.

Text is always text: a cell that starts with ``=`` is written as a string, never a formula
(CWE-1236). openpyxl is an optional dependency (``pip install 'reporter[xlsx]'``), imported here
only.
"""

from __future__ import annotations

import io
from collections.abc import Iterator, Sequence
from decimal import Decimal
from itertools import islice
from typing import Any

from reporter.errors import ReporterError, UsageProblem
from reporter.messages import Message
from reporter.render.terminal import Environment
from reporter.render.views import View
from reporter.render.views.base import Digits, Number

MAX_ROWS = 1_048_576  # Excel's limit, the header row included
MAX_COLUMNS = 16_384  # and its columns (XFD)
MAX_WIDTH = 60  # characters: a quote wraps past this
SAMPLED = 1000  # rows read to fit the widths (the rest stream)


def load_openpyxl() -> Any:
    """openpyxl, or a usage error saying how to install it."""
    try:
        import openpyxl
    except ImportError:
        raise UsageProblem(Message("xlsx.missing")) from None
    return openpyxl


def views_as_xlsx(views: Sequence[View], env: Environment, **_context: object) -> bytes:
    """A workbook of ``views``, one sheet each (named by the view: facts, highlights, compare …)."""
    openpyxl = load_openpyxl()
    book = openpyxl.Workbook(write_only=True)
    used: set[str] = set()
    for view in views:
        _sheet(book, view, _sheet_name(view.name, used))
    if not views:
        book.create_sheet("empty")
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _sheet_name(name: str, used: set[str]) -> str:
    """A sheet name Excel takes: at most 31 characters, none of []:*?/\\, unique in the book."""
    base = "".join("_" if c in "[]:*?/\\" else c for c in name)[:31] or "sheet"
    chosen, n = base, 1
    while chosen.casefold() in used:
        n += 1
        chosen = f"{base[:28]}-{n}"
    used.add(chosen.casefold())
    return chosen


def _sheet(book: Any, view: View, name: str) -> None:
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    sheet = book.create_sheet(name)
    keys = list(view.record_keys)
    if len(keys) > MAX_COLUMNS:  # a comparison of thousands of regions: a column per region and key
        raise ReporterError(Message("xlsx.too_wide", columns=len(keys), most=MAX_COLUMNS, table=view.name))
    rows = view.machine_rows()
    first = list(islice(rows, SAMPLED))
    widths = [_width(k) for k in keys]
    for row in first:
        for i, value in enumerate(row):
            widths[i] = max(widths[i], _width(_shown(value)))
    for i, width in enumerate(widths, 1):
        sheet.column_dimensions[get_column_letter(i)].width = min(width, MAX_WIDTH) + 2
    sheet.freeze_panes = "A2"
    bold = Font(bold=True)
    header = []
    for key in keys:
        cell = WriteOnlyCell(sheet, value=key)
        cell.font = bold
        header.append(cell)
    sheet.append(header)
    wrap = Alignment(wrap_text=True, vertical="top")
    units = [unit_column(key, keys) for key in keys]
    count = 1
    for row in _chain(first, rows):
        count += 1
        if count > MAX_ROWS:
            raise ReporterError(Message("xlsx.too_many", rows=MAX_ROWS - 1, table=view.name))
        sheet.append([_cell(sheet, value, WriteOnlyCell, wrap, row[u] if u is not None else None)
                      for value, u in zip(row, units)])


def _chain(first: list[tuple[Any, ...]], rest: Iterator[tuple[Any, ...]]) -> Iterator[tuple[Any, ...]]:
    yield from first
    yield from rest


UNIT_OF = {"value": "unit", "previous": "unit", "change": "unit", "value_base": "unit_base",
           "previous_base": "unit_base", "change_base": "unit_base"}  # a number's key -> its unit's


def unit_column(key: str, keys: Sequence[str]) -> int | None:
    """The column holding the unit of ``key``'s numbers (``jiangshan.value`` → ``jiangshan.unit``), if any."""
    prefix, dot, name = key.rpartition(".")
    unit = UNIT_OF.get(name)
    if unit is None:
        return None
    for candidate in (f"{prefix}{dot}{unit}", unit):
        if candidate in keys:
            return list(keys).index(candidate)
    return None


def _cell(sheet: Any, value: Any, make: Any, wrap: Any, unit: Any = None) -> Any:
    """One value as a cell: a number with the number format of its written digits (and its unit,
    shown after it: ``2.06亿元`` stays the number 2.06), text as text."""

    if value is None:
        return None
    if value.__class__ is Number or isinstance(value, Decimal):
        number, shape = number_cell(str(value) if value.__class__ is Number else format(value, "f"))
        cell = make(sheet, value=number)
        said = str(unit).replace('"', "") if unit else ""
        cell.number_format = f'{shape}"{said}"' if said else shape
        return cell
    if isinstance(value, bool) or isinstance(value, int | float) and not isinstance(value, bool):
        return value
    if isinstance(value, list | tuple):
        value = ", ".join(str(v) for v in value)
    text = str(value) if value.__class__ is not Digits else str.__str__(value)
    cell = make(sheet, value=text)
    cell.data_type = "s"  # never a formula, whatever the text starts with
    if len(text) > MAX_WIDTH:
        cell.alignment = wrap
    return cell


def number_cell(written: str) -> tuple[int | float, str]:
    """A number as written (``2.06``, ``-14.7``, ``20600``) as Excel's number and the number format
    that shows the same digits (``0.00``, ``0.0``, ``0``)."""
    value = Decimal(written)
    places = max(0, -int(value.as_tuple().exponent)) if value.is_finite() else 0
    shape = "0." + "0" * places if places else "0"
    if places == 0 and abs(value) < 2**53:
        return int(value), shape
    return float(value), shape


def _shown(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list | tuple):
        return ", ".join(str(v) for v in value)
    return str(value)


def _width(text: str) -> int:
    """Display width of a cell's text: its longest line, a wide (CJK) character counting two."""
    from wcwidth import wcswidth

    longest = 0
    for line in text.split("\n"):
        w = wcswidth(line)
        longest = max(longest, w if w >= 0 else len(line) * 2)
    return longest
