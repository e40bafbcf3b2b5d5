"""A table too wide for the terminal, as blocks: one per row, each field on a line of its own
(the last way a table gives way, :mod:`reporter.render.layout`)."""

from __future__ import annotations

from collections.abc import Sequence

from reporter.render.layout import LABEL_FLOOR, cell_text
from reporter.render.views.base import EMPTY, Column, Row
from reporter.render.wrapping import Measure, join_parts, wrap_text

Segment = tuple[str, str]  # (text, what it is: "group", "key", "label", "detail", a tone, or "")


def stacked(columns: Sequence[Column], rows: Sequence[Row], width: int, measure: Measure, said: frozenset[str],
            detail_key: str) -> list[list[Segment]]:
    """Rows as blocks: the first cell as the block's head, then one ``header  value`` line per filled cell."""
    shown = [c for c in columns if not c.visual and c.key not in said]
    key, fields = shown[0], shown[1:]
    label_width = max((measure(c.header) for c in fields), default=0)
    avail = width - 2 - label_width - 2
    out: list[list[Segment]] = []
    group = None
    for row in rows:
        if row.group and row.group != group:
            if out:
                out.append([])
            out += [[(line, "group")] for line in wrap_text(row.group, width, measure)]
            group = row.group
        head = row.cells.get(key.key, "")
        out += [[(line, "key")] for line in (wrap_text(head, width, measure) if key.wrap else [head])]
        tones = row.tones or {}
        for column in fields:
            text, parts = cell_text(row, column, "")
            if text in EMPTY:
                continue
            label = column.header + " " * (label_width - measure(column.header))
            room = avail if avail >= LABEL_FLOOR else width - 4
            if column.wrap:
                lines = wrap_text(text, room, measure)
            elif parts and measure(text) > room:
                lines = join_parts(parts, room, measure)
            else:
                lines = [text]
            tone = tones.get(column.key, "")
            if avail >= LABEL_FLOOR:
                out.append([("  ", ""), (label, "label"), ("  ", ""), (lines[0], tone)])
                out += [[(" " * (label_width + 4), ""), (line, tone)] for line in lines[1:]]
            else:  # the headers leave too little room: each value under its header
                out.append([("  ", ""), (column.header, "label")])
                out += [[("    ", ""), (line, tone)] for line in lines]
        if row.detail and detail_key:
            out += [[("    ", ""), (line, "detail")] for line in wrap_text(row.detail, width - 4, measure)]
    return out
