"""Reading a table as its cells were written: .xlsx workbooks, .csv and .tsv files.

Every cell comes back as the text a person sees in it: a number cell as the digits its number
format shows (``2.06`` formatted ``0.00`` stays ``2.06``, ``1009`` formatted ``0.0`` is
``1009.0``; without a format, the shortest digits that give the number back), a date cell as
``2020-05``, text as it is. Nothing is interpreted here (that is :mod:`reporter.curate.importing`'s
work), so a problem can always be named by sheet, row and column as the user sees them.

CSV and TSV are read as UTF-8 (a byte order mark allowed) or, failing that, GB18030, the
encoding Excel on zh-CN Windows saves them in. openpyxl (the ``xlsx`` extra) is imported only to
read a workbook.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Sequence
from datetime import date, datetime, time
from decimal import Decimal
from pathlib import Path
from typing import Any, NamedTuple

from reporter.errors import DataError, Problem
from reporter.messages import Message, os_reason

KINDS = (".xlsx", ".xlsm", ".csv", ".tsv", ".txt")


def _problem(path: Path, said: Message) -> DataError:
    """A problem of the table file as a whole: ``FILE: what is wrong`` (exit 1)."""
    return DataError([Problem(str(path), None, None, said)])


class Sheet(NamedTuple):
    """One sheet (a CSV file is one sheet, named after the file): rows of cell texts ("" for empty)."""

    name: str
    rows: list[list[str]]


def read_sheets(path: str | Path, sheet: str | None = None) -> list[Sheet]:
    """The sheets of the table at ``path`` (only ``sheet`` when named), or a :class:`ReporterError`
    naming the file: missing, unreadable, not a table of a kind we read."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in KINDS:
        raise _problem(path, Message("import.kind", suffix=suffix or path.name))
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise _problem(path, Message("import.unreadable", reason=os_reason(exc))) from None
    if suffix in (".xlsx", ".xlsm"):
        return _workbook(path, raw, sheet)
    return [Sheet(path.stem, _delimited(path, raw, "\t" if suffix == ".tsv" else None))]


def _delimited(path: Path, raw: bytes, delimiter: str | None) -> list[list[str]]:
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            text = raw.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:  # pragma: no cover - gb18030 decodes every byte string
        raise _problem(path, Message("import.unreadable", reason="not UTF-8 or GB18030"))
    if delimiter is None:  # .csv, or .txt: a tab in the first line says TSV
        first = text.split("\n", 1)[0]
        delimiter = "\t" if "\t" in first and "," not in first else ","
    try:
        return [[cell.strip() for cell in row] for row in csv.reader(io.StringIO(text), delimiter=delimiter)]
    except csv.Error as exc:
        raise _problem(path, Message("import.unreadable", reason=str(exc))) from None


def _workbook(path: Path, raw: bytes, wanted: str | None) -> list[Sheet]:
    try:
        import openpyxl
    except ImportError:
        from reporter.errors import UsageProblem

        raise UsageProblem(Message("xlsx.missing")) from None
    try:
        book = openpyxl.load_workbook(io.BytesIO(raw), read_only=True, data_only=True)
    except Exception as exc:  # noqa: BLE001  (openpyxl raises many kinds for a file that is no workbook)
        raise _problem(path, Message("import.unreadable", reason=f"{type(exc).__name__}: {exc}")) from None
    try:
        names = list(book.sheetnames)
        if wanted is not None and wanted not in names:
            raise _problem(path, Message("import.no_sheet", sheet=wanted, sheets=", ".join(names)))
        out = []
        for name in names if wanted is None else [wanted]:
            rows = [[cell_text(c.value, getattr(c, "number_format", "General")) for c in row]
                    for row in book[name].iter_rows()]
            out.append(Sheet(name, rows))
        return out
    finally:
        book.close()


_PLACES = re.compile(r"0\.(0+)")


def cell_text(value: Any, number_format: str = "General") -> str:
    """A cell's value as the text a person sees in it (see the module's docstring)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, int | float | Decimal):
        return number_text(value, number_format)
    if isinstance(value, datetime | date):
        return f"{value.year:04d}-{value.month:02d}"
    if isinstance(value, time):
        return value.isoformat()
    return str(value).strip()


def number_text(value: float | Decimal, number_format: str = "General") -> str:
    """A number's digits as its number format shows them (``0.00`` → two places), else as short as
    gives the number back (a float's repr, never ``2.0600000000000001``)."""
    found = _PLACES.search(number_format or "")
    if isinstance(value, float) and not value.is_integer() or found:
        number = Decimal(repr(float(value))) if isinstance(value, float) else Decimal(value)
        if found:
            return format(number.quantize(Decimal(1).scaleb(-len(found.group(1)))), "f")
        return format(number.normalize(), "f") if number != number.to_integral_value() else str(int(number))
    return str(int(value)) if isinstance(value, float) else str(value)


def column_name(index: int) -> str:
    """A column's name as a spreadsheet shows it: 1 → A, 27 → AA."""
    name = ""
    while index:
        index, rest = divmod(index - 1, 26)
        name = chr(65 + rest) + name
    return name


def trimmed(rows: Sequence[Sequence[str]]) -> list[list[str]]:
    """Rows less the empty cells at their ends, all of equal length (the widest)."""
    width = max((max((i + 1 for i, c in enumerate(r) if c), default=0) for r in rows), default=0)
    return [list(r[:width]) + [""] * (width - len(r[:width])) for r in rows]
