"""Rich tables for a terminal: CJK-aware widths, theme sections, bars and sparklines, colour by tone."""

from __future__ import annotations

import io
from collections.abc import Sequence

from rich import box
from rich.console import Console
from rich.table import Table
from rich.text import Text

from reporter.render.views import View
from reporter.terminal import Environment

_TONES = {"good": "green", "bad": "red"}


def make_console(env: Environment, file: io.StringIO) -> Console:
    """A console for data: no markup, emoji codes or highlighting can come from data strings."""
    return Console(file=file, width=env.width, force_terminal=env.color, no_color=not env.color,
                   color_system="auto" if env.color else None, highlight=False, emoji=False, markup=False,
                   legacy_windows=False, force_jupyter=False, force_interactive=False)


def view_as_table(view: View, env: Environment) -> Table:
    table = Table(title=Text(view.title, style="bold"), box=box.ASCII if env.dumb else box.SIMPLE_HEAD,
                  title_justify="left", header_style="bold", show_edge=False, pad_edge=False)
    # a picture column with nothing to draw (no metric with several periods) is left out
    rows = list(view.rows())
    columns = [c for c in view.columns if not c.visual or any(row.cells.get(c.key) for row in rows)]
    for i, column in enumerate(columns):
        # nothing is ever cut: text folds onto more lines when the terminal is narrow, and the
        # first column (what a row is about) keeps a readable width
        table.add_column(Text(column.header), justify="right" if column.numeric else "left",
                         no_wrap=column.visual, overflow="fold", min_width=10 if i == 0 else None)
    current: str | None = None
    for cells, group, detail, tones in rows:
        if group and group != current:
            if current is not None:
                table.add_section()
            table.add_row(Text(group, style="bold cyan"))
            current = group
        row = []
        detail_key = view.detail_column or columns[0].key
        for column in columns:
            text = Text(cells.get(column.key, ""), style=_TONES.get((tones or {}).get(column.key, ""), ""))
            if column.key == detail_key and detail:
                text.append("\n" + detail, style="dim")
            if column.visual:
                text.stylize("cyan")
            row.append(text)
        table.add_row(*row)
    return table


def views_as_table(views: Sequence[View], env: Environment) -> str:
    buffer = io.StringIO()
    console = make_console(env, buffer)
    for i, view in enumerate(views):
        if not view.items:
            continue
        if i:
            console.print()
        console.print(view_as_table(view, env))
    text = buffer.getvalue()
    if not env.color:  # rich pads lines to the table's width; without colour nothing needs it
        text = "\n".join(line.rstrip() for line in text.split("\n"))
    return text
