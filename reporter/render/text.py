"""Plain aligned text for pipes and Markdown for documents, both through tabulate.

tabulate measures East Asian wide characters with wcwidth, so Chinese columns line up;
no escape codes, no truncation. Groups become a leading column so every line stands alone.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import NamedTuple

import tabulate as _tabulate

from reporter.render.views import Column, View
from reporter.terminal import Environment


def _human_columns(view: View) -> list[Column]:
    return [c for c in view.columns if not c.visual]


class _Grid(NamedTuple):
    headers: list[str]
    rows: list[list[str]]
    align: list[str]
    details: list[str | None]


def _grid(view: View, group_header: str) -> _Grid:
    columns = _human_columns(view)
    shown = list(view.rows())
    grouped = any(row.group for row in shown)
    headers = ([group_header] if grouped else []) + [c.header for c in columns]
    align = (["left"] if grouped else []) + ["right" if c.numeric else "left" for c in columns]
    rows = [([row.group or ""] if grouped else []) + [row.cells.get(c.key, "") for c in columns] for row in shown]
    return _Grid(headers, rows, align, [row.detail for row in shown])


def _each_table(views: Sequence[View], draw: Callable[[View, _Grid], str]) -> str:
    """Draw every view that has rows, a blank line between them."""
    parts = [draw(view, _grid(view, "主题" if _is_zh(view) else "theme")) for view in views if view.items]
    return "\n\n".join(parts) + "\n" if parts else ""


def _plain(view: View, grid: _Grid) -> str:
    headers, rows, align, details = grid
    lines = _tabulate.tabulate(rows, headers, tablefmt="plain", disable_numparse=True, colalign=align).splitlines()
    out = lines[:1]
    for line, detail in zip(lines[1:], details):
        out.append(line.rstrip())
        if detail:
            out.append("    " + detail)
    return "\n".join(out)


def _markdown(view: View, grid: _Grid) -> str:
    headers, rows, align, details = grid
    if any(details):
        headers.append("原文" if _is_zh(view) else "quote")
        align.append("left")
        for row, detail in zip(rows, details):
            row.append(detail or "")
    cells = [[_escape(cell) for cell in row] for row in rows]
    table = _tabulate.tabulate(cells, [_escape(h) for h in headers], tablefmt="github", disable_numparse=True,
                               colalign=align)
    return f"### {_escape(view.title)}\n\n{table}"


def views_as_plain(views: Sequence[View], env: Environment) -> str:
    return _each_table(views, _plain)


def views_as_markdown(views: Sequence[View], env: Environment) -> str:
    return _each_table(views, _markdown)


def _escape(cell: str) -> str:
    """Markdown table cells: a pipe would split the cell, markup characters would format it."""
    for char in "\\|*_`[]<>#":
        cell = cell.replace(char, "\\" + char)
    return cell


def _is_zh(view: View) -> bool:
    return any("\u4e00" <= ch <= "\u9fff" for c in view.columns for ch in c.header)
