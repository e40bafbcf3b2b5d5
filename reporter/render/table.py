"""Rich tables for a terminal: fitted to its width, theme sections, bars and sparklines, colour by tone.

How a table gives way when the terminal is narrow is decided in :mod:`reporter.render.layout`;
here every column gets the width it was planned, every cell arrives already broken into lines,
and rich only draws (it never has to wrap, fold or cut anything itself).
"""

from __future__ import annotations

import io
from collections.abc import Sequence

from rich import box
from rich.cells import cell_len
from rich.console import Console, RenderableType
from rich.table import Table
from rich.text import Text

from reporter.render.layout import Placed, Plan, cell_lines, header_lines, plan_table, shown_rows
from reporter.render.stacked import stacked
from reporter.render.terminal import Environment
from reporter.render.views import Row, View
from reporter.render.wrapping import wrap_text

_TONES = {"good": "green", "bad": "red"}
_STYLES = {"group": "bold cyan", "key": "bold", "label": "dim", "detail": "dim", **_TONES}
SEPARATOR = 3  # cells between two columns: padding, rule, padding


def make_console(env: Environment, file: io.StringIO) -> Console:
    """A console for data: no markup, emoji codes or highlighting can come from data strings."""
    return Console(file=file, width=env.width, force_terminal=env.color, no_color=not env.color,
                   color_system="auto" if env.color else None, highlight=False, emoji=False, markup=False,
                   legacy_windows=False, force_jupyter=False, force_interactive=False)


def plan_view(view: View, rows: Sequence[Row], width: int) -> Plan:
    """The layout of one view at ``width`` cells, as rich draws it."""
    detail_key = view.detail_column or view.columns[0].key
    details = [r.detail for r in rows if r.detail]
    # the first column (what a row is about) keeps a readable width, as it always has
    return plan_table(view.columns, rows, width, SEPARATOR, cell_len, {detail_key: details} if details else {},
                      first_width=10, prose=detail_key if details else "")


def _tables(view: View, rows: Sequence[Row], placed: Sequence[Placed], env: Environment,
            split: bool) -> list[RenderableType]:
    """One table, or with groups the header, then each group's title line and its rows.

    Every column has its planned width, so the pieces line up as one table; a group's title is a
    line of its own, as wide as the terminal, and never narrows the first column.
    """
    def table(header: bool) -> Table:
        drawn = Table(box=box.ASCII if env.dumb else box.SIMPLE_HEAD, header_style="bold", show_edge=False,
                      pad_edge=False, show_header=header)
        for p in placed:
            drawn.add_column(Text("\n".join(header_lines(p, cell_len))), justify="right" if p.right else "left",
                             width=p.width, no_wrap=True, overflow="fold")
        return drawn

    shown = shown_rows(rows, placed, split)
    grouped = any(row.group for row in shown)
    drawing = table(True)
    out: list[RenderableType] = [drawing]
    detail_key = view.detail_column or placed[0].column.key
    current: str | None = None
    for row in shown:
        if grouped and row.group and row.group != current:
            drawing = table(False)
            out += [Text("")] if current is not None else []
            out += [Text(row.group, style="bold cyan"), drawing]
            current = row.group
        cells = []
        for p in placed:
            text = Text("\n".join(cell_lines(p, row, cell_len)),
                        style=_TONES.get((row.tones or {}).get(p.column.key, ""), ""))
            if p.column.key == detail_key and row.detail:
                text.append("\n" + "\n".join(wrap_text(row.detail, p.width, cell_len)), style="dim")
            if p.column.visual:
                text.stylize("cyan")
            cells.append(text)
        drawing.add_row(*cells)
    return out


def _print_view(console: Console, view: View, env: Environment) -> None:
    rows = list(view.rows())
    plan = plan_view(view, rows, env.width)
    console.print(Text(view.title + plan.title_tail, style="bold"))
    said = [say for say in plan.shared if say[1] not in view.title]
    if said:
        console.print(Text("  ".join(view.said_once(h, v) for h, v in said), style="dim"))
    if plan.stacked:
        detail_key = view.detail_column or view.columns[0].key
        for line in stacked(view.columns, rows, env.width, cell_len, plan.said, detail_key):
            console.print(Text.assemble(*((text, _STYLES.get(kind, "")) for text, kind in line)), soft_wrap=True)
        return
    for i, placed in enumerate(plan.tables):
        if i:
            console.print()
        for part in _tables(view, rows, placed, env, len(plan.tables) > 1):
            console.print(part)


def views_as_table(views: Sequence[View], env: Environment) -> str:
    buffer = io.StringIO()
    console = make_console(env, buffer)
    printed = False
    for view in views:
        if not view.items:
            continue
        if printed:
            console.print()
        _print_view(console, view, env)
        printed = True
    text = buffer.getvalue()
    if not env.color:  # rich pads lines to the table's width; without colour nothing needs it
        text = "\n".join(line.rstrip() for line in text.split("\n"))
    return text
