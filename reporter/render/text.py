"""Plain aligned text for pipes and terminals, and Markdown for documents, through tabulate.

tabulate measures East Asian wide characters with wcwidth, so Chinese columns line up; no
escape codes. In a pipe, plain text is one row per line whatever its width (so ``grep``, ``sort``
and ``cut`` see whole rows) and groups become a leading column so every line stands alone. On
a terminal it is fitted to the width as the rich table is (:mod:`reporter.render.layout`):
labels wrap, values never break, and a table too wide becomes blocks, one per row.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from typing import NamedTuple

import tabulate as _tabulate
from wcwidth import wcswidth, wcwidth

from reporter.render.labels import Labels
from reporter.render.layout import Placed, cell_lines, header_lines, plan_table, shown_rows
from reporter.render.stacked import stacked
from reporter.render.terminal import Environment
from reporter.render.views import Column, Row, View
from reporter.render.wrapping import wrap_text

SEPARATOR = 2  # tabulate's plain format: two spaces between columns


def cells_wide(text: str) -> int:
    """Terminal cells ``text`` takes, as tabulate measures them (wcwidth)."""
    width = wcswidth(text)
    return width if width >= 0 else sum(max(wcwidth(ch), 0) for ch in text)


def _human_columns(view: View) -> list[Column]:
    return [c for c in view.columns if not c.visual]


class _Grid(NamedTuple):
    headers: list[str]
    rows: list[list[str]]
    align: list[str]
    details: list[str | None]


def _grid(view: View) -> _Grid:
    columns = _human_columns(view)
    shown = list(view.rows())
    grouped = any(row.group for row in shown)
    headers = ([view.group_label] if grouped else []) + [c.header for c in columns]
    align = (["left"] if grouped else []) + ["right" if c.numeric else "left" for c in columns]
    rows = [([row.group or ""] if grouped else []) + [row.cells.get(c.key, "") for c in columns] for row in shown]
    return _Grid(headers, rows, align, [row.detail for row in shown])


def _each_table(views: Sequence[View], draw: Callable[[View], str]) -> str:
    """Draw every view that has rows, a blank line between them."""
    parts = [draw(view) for view in views if view.items]
    return "\n\n".join(parts) + "\n" if parts else ""


def _plain(view: View) -> str:
    headers, rows, align, details = _grid(view)
    lines = _tabulate.tabulate(rows, headers, tablefmt="plain", disable_numparse=True, colalign=align).splitlines()
    out = lines[:1]
    for line, detail in zip(lines[1:], details):
        out.append(line.rstrip())
        if detail:
            out.append("    " + detail)
    return "\n".join(out)


def _fitted(view: View, width: int) -> str:
    """Plain text within ``width`` cells: the same plan as the rich table, drawn without decoration.

    On a terminal it is read, not grepped: it has the table's title, and a group is a line above
    its rows, as in the table.
    """
    rows = list(view.rows())
    columns = _human_columns(view)
    plan = plan_table(columns, rows, width, SEPARATOR, cells_wide)
    out = wrap_text(view.title + plan.title_tail, width, cells_wide)
    said = [view.said_once(h, v) for h, v in plan.shared if v not in view.title]
    if said:
        out.append("  ".join(said))
    if plan.stacked:
        detail_key = view.detail_column or view.columns[0].key
        blocks = stacked(columns, rows, width, cells_wide, plan.said, detail_key)
        out += ["".join(text for text, _ in line).rstrip() for line in blocks]
        return "\n".join(out)
    for i, placed in enumerate(plan.tables):
        if i:
            out.append("")
        out += _fitted_table(placed, shown_rows(rows, placed, len(plan.tables) > 1), width)
    return "\n".join(out)


def _fitted_table(placed: Sequence[Placed], rows: Sequence[Row], width: int) -> list[str]:
    cells = [["\n".join(cell_lines(p, row, cells_wide)) for p in placed] for row in rows]
    headers = ["\n".join(header_lines(p, cells_wide)) for p in placed]
    align = ["right" if p.right else "left" for p in placed]
    lines = _tabulate.tabulate(cells, headers, tablefmt="plain", disable_numparse=True, colalign=align).splitlines()
    at = max(h.count("\n") for h in headers) + 1
    out = [line.rstrip() for line in lines[:at]]
    group = None
    for row, row_cells in zip(rows, cells):
        if row.group and row.group != group:
            out += ([""] if group is not None else []) + wrap_text(row.group, width, cells_wide)
            group = row.group
        height = max(c.count("\n") for c in row_cells) + 1
        out += [line.rstrip() for line in lines[at:at + height]]
        at += height
        if row.detail:
            out += ["    " + line for line in wrap_text(row.detail, width - 4, cells_wide)]
    return out


def views_as_plain(views: Sequence[View], env: Environment) -> str:
    if env.stdout_isatty:
        return _each_table(views, lambda view: _fitted(view, env.width))
    return _each_table(views, _plain)


def _markdown(view: View) -> str:
    headers, rows, align, details = _grid(view)
    if any(details):
        headers.append(Labels(view.lang)("quote"))
        align.append("left")
        for row, detail in zip(rows, details):
            row.append(detail or "")
    cells = [[_escape(cell) for cell in row] for row in rows]
    table = _tabulate.tabulate(cells, [_escape(h) for h in headers], tablefmt="github", disable_numparse=True,
                               colalign=align)
    return f"### {_escape(view.title)}\n\n{table}"


def views_as_markdown(views: Sequence[View], env: Environment) -> str:
    return _each_table(views, _markdown)


def _escape(cell: str) -> str:
    """Markdown table cells: a pipe would split the cell, markup characters would format it."""
    for char in "\\|*_`[]<>#":
        cell = cell.replace(char, "\\" + char)
    return cell


# --------------------------------------------------------------------------- streamed: rows beyond memory

STREAM_ROWS = 2000  # rows drawn by tabulate at a time when a table is streamed …
STREAM_CELLS = 20_000  # … and at most this many cells


def stream_plain(views: Sequence[View], env: Environment, rows_at_a_time: int = STREAM_ROWS) -> Iterator[str]:
    """:func:`views_as_plain` in a pipe, in chunks: the same bytes, never the whole table in memory.

    A first pass over the rows finds each column's width; the second draws the rows a few thousand
    at a time with tabulate, each batch led by a ruler row of those widths (dropped again), so every
    batch is aligned as the whole table would be. For a view whose rows are read from the store
    (a search matching a million facts): the rows are made twice, and never kept."""
    yield from _each_streamed(views, lambda view: _streamed(view, "plain", rows_at_a_time))


def stream_markdown(views: Sequence[View], env: Environment, rows_at_a_time: int = STREAM_ROWS) -> Iterator[str]:
    """:func:`views_as_markdown` in chunks, as :func:`stream_plain` does it."""
    yield from _each_streamed(views, lambda view: _streamed(view, "github", rows_at_a_time))


def _each_streamed(views: Sequence[View], draw: Callable[[View], Iterator[str]]) -> Iterator[str]:
    first = True
    for view in views:
        if not view.items:
            continue
        if not first:
            yield "\n\n"
        first = False
        yield from draw(view)
    if not first:
        yield "\n"


class _Shape(NamedTuple):
    """What the first pass learns of a table: whether rows have groups and details, and widths."""

    grouped: bool
    detailed: bool
    group_width: int
    widths: list[int]
    detail_width: int


def _measure(view: View, columns: Sequence[Column], cell: Callable[[str], str]) -> _Shape:
    grouped = detailed = False
    group_width = detail_width = 0
    widths = [0] * len(columns)
    for row in view.rows():
        if row.group:
            grouped = True
            group_width = max(group_width, cells_wide(cell(row.group).strip()))
        if row.detail:
            detailed = True
            detail_width = max(detail_width, cells_wide(cell(row.detail).strip()))
        for i, c in enumerate(columns):
            text = row.cells.get(c.key, "")
            if text:
                widths[i] = max(widths[i], cells_wide(cell(text).strip()))
    return _Shape(grouped, detailed, group_width, widths, detail_width)


def _streamed(view: View, tablefmt: str, rows_at_a_time: int) -> Iterator[str]:
    markdown = tablefmt == "github"
    cell: Callable[[str], str] = _escape if markdown else str
    columns = _human_columns(view)
    shape = _measure(view, columns, cell)
    grouped, detail_column = shape.grouped, markdown and shape.detailed
    headers = ([view.group_label] if grouped else []) + [c.header for c in columns]
    align = (["left"] if grouped else []) + ["right" if c.numeric else "left" for c in columns]
    widths = ([shape.group_width] if grouped else []) + shape.widths
    if detail_column:
        headers.append(Labels(view.lang)("quote"))
        align.append("left")
        widths.append(shape.detail_width)
    headers = [cell(h) for h in headers]
    ruler = ["x" * w for w in widths]
    head = 2 if markdown else 1  # header lines: the headers (and markdown's |---| line)
    rows_at_a_time = max(1, min(rows_at_a_time, STREAM_CELLS // len(widths)))  # wide tables: fewer rows a batch
    batch: list[Row] = []
    first = True

    def draw(rows: list[Row]) -> str:
        cells = [([cell(row.group or "")] if grouped else []) + [cell(row.cells.get(c.key, "")) for c in columns]
                 + ([cell(row.detail or "")] if detail_column else []) for row in rows]
        lines = _tabulate.tabulate([ruler, *cells], headers, tablefmt=tablefmt, disable_numparse=True,
                                   colalign=align).splitlines()
        out = lines[:head] if first else []
        for line, row in zip(lines[head + 1:], rows):
            if markdown:
                out.append(line)
                continue
            out.append(line.rstrip())
            if row.detail:
                out.append("    " + row.detail)
        lead = (f"### {_escape(view.title)}\n\n" if markdown else "") if first else "\n"
        return lead + "\n".join(out)

    for row in view.rows():
        batch.append(row)
        if len(batch) == rows_at_a_time:
            yield draw(batch)
            first, batch = False, []
    if batch or first:
        yield draw(batch)
