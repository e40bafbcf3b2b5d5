"""Fitting a view's table into a terminal's width: what gives way first, and how a label may wrap.

A cell is one of three kinds (see :class:`~reporter.render.views.base.Column`): *whole* (a number
with its unit, a period, a name: never broken), *parts* (broken only between its parts: a value,
then its period), or *wrap* (a label or prose: broken between words or wide characters). Nothing
is ever dropped or cut: a whole cell wider than any line is printed whole and the terminal
folds it. Widths are terminal cells, measured by the renderer's own function (rich's or
wcwidth's), never ``len()``.

When a table does not fit, it gives way in this order, what costs least first:

1. repetition: a column every row fills with the same text is said once above the table
   (``时期：2020年``); a tail every cell of a column ends with moves into its header, or after
   the title when all such columns share it (``20个地区比较（2015年）``);
2. pictures (sparklines, bars);
3. label width: labels wrap, down to a readable width while values stay whole;
4. cells break between their parts (``9,100多万元`` / ``（2019年）``); then labels wrap narrower;
5. a table of many like columns (regions, periods) becomes several tables of even size, a few
   of those columns each, the leading columns repeated (before labels are squeezed narrowest);
6. the table becomes a list of blocks, one per row, each field on a line of its own.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import NamedTuple

from reporter.render.views.base import EMPTY, Column, Row
from reporter.render.wrapping import Measure, join_parts, widest_piece, wrap_text

LABEL_FLOOR = 10  # a label column is not squeezed below this (unless it is narrower anyway)
LABEL_COMFORT = 20  # nor below this while values can still give way
PROSE_FLOOR = 30  # a column of quotes narrower than this is no way to read them


class Placed(NamedTuple):
    """A column as drawn: its header (with a tail moved in from its cells), its width in cells."""

    column: Column
    width: int
    tail: str = ""  # the part every cell of this column ended with, left out of the cells
    header_tail: bool = True  # said in the header (else once, after the title)

    @property
    def right(self) -> bool:
        """Numbers line up on the right, and so do values once their period is said elsewhere."""
        return self.column.numeric or bool(self.tail)


class Plan(NamedTuple):
    """How a view is drawn: as one or more tables, or (``tables`` empty) as blocks, one per row."""

    tables: tuple[tuple[Placed, ...], ...]
    shared: tuple[tuple[str, str], ...] = ()  # (header, value) of columns said once, above the table
    title_tail: str = ""  # the part every cell of every series column ended with: said once, after the title
    said: frozenset[str] = frozenset()  # the keys of the columns in ``shared``

    @property
    def stacked(self) -> bool:
        return not self.tables


# --------------------------------------------------------------------------- measuring columns


class _Size(NamedTuple):
    natural: int  # every cell and the header on one line
    parts: int  # cells broken between their parts
    least: int  # for a wrap column: as narrow as its labels allow


def cell_text(row: Row, column: Column, tail: str) -> tuple[str, tuple[str, ...] | None]:
    parts = (row.parts or {}).get(column.key)
    if parts and tail and len(parts) > 1 and parts[-1] == tail:
        parts = parts[:-1]
        return "".join(parts), parts
    return row.cells.get(column.key, ""), parts


def _size(column: Column, rows: Sequence[Row], tail: str, extras: Sequence[str], measure: Measure,
          header_tail: bool = True) -> _Size:
    """How wide a column wants to be, and how narrow it may go at each step."""
    header = column.header + (tail if header_tail else "")
    natural = measure(header)
    widest_part = max(measure(column.header), measure(tail.strip()) if header_tail else 0)
    widest_token = widest_piece(header, measure) if column.wrap else widest_part
    for row in rows:
        text, parts = cell_text(row, column, tail)
        width = measure(text)
        natural = max(natural, width)
        if column.wrap:
            widest_token = max(widest_token, widest_piece(text, measure))
        elif parts:
            widest_part = max(widest_part, *(measure(p.strip()) for p in parts))
        else:
            widest_part = max(widest_part, width)
    for text in extras:  # group names and detail lines: they always wrap
        natural = max(natural, measure(text))
        widest_token = max(widest_token, widest_piece(text, measure))
        widest_part = max(widest_part, min(measure(text), LABEL_FLOOR))
    if column.wrap:
        least = min(natural, max(widest_token, LABEL_FLOOR))
        return _Size(natural, least, least)
    return _Size(natural, min(natural, widest_part), min(natural, widest_part))


def _allocate(least: list[int], targets: Sequence[Sequence[int]], width: int, sep: int) -> list[int] | None:
    """Column widths within ``width``, each at least ``least``; spare cells raise the columns to each of
    ``targets`` in turn (the last is every column's natural width), in proportion to what each is short."""
    floor = sum(least) + sep * (len(least) - 1)
    if floor > width:
        return None
    widths = list(least)
    spare = width - floor
    for target in targets:
        want = [max(t - w, 0) for t, w in zip(target, widths)]
        if sum(want) <= spare:
            widths = [w + a for w, a in zip(widths, want)]
            spare -= sum(want)
            continue
        total = sum(want)
        added = [a * spare // total for a in want]
        widths = [w + a for w, a in zip(widths, added)]
        spare -= sum(added)
        for i in sorted(range(len(widths)), key=lambda i: -want[i]):  # the rounding's leftovers, one by one
            if spare > 0 and added[i] < want[i]:
                widths[i] += 1
                spare -= 1
        break
    return widths


# --------------------------------------------------------------------------- planning


def draws(column: Column, rows: Sequence[Row]) -> bool:
    """A picture is drawn when some row has one and they differ from row to row."""
    cells = [row.cells.get(column.key, "") for row in rows]
    return any(cells) and (len(cells) == 1 or len(set(cells)) > 1)


def _shared(column: Column, rows: Sequence[Row]) -> tuple[str, str]:
    """(tail, constant): the last part every filled cell ends with, or the text every row holds."""
    if not column.shared or not rows:
        return "", ""
    tails: set[str | None] = set()
    for row in rows:
        parts = (row.parts or {}).get(column.key)
        if parts and len(parts) > 1:
            tails.add(parts[-1])
        elif row.cells.get(column.key, "") not in EMPTY:
            tails.add(None)  # a filled cell with no tail
    if len(tails) == 1 and None not in tails:
        return tails.pop() or "", ""
    cells = {row.cells.get(column.key, "") for row in rows}
    if len(cells) == 1 and not (rows[0].parts or {}).get(column.key):
        (only,) = cells
        if only not in EMPTY:
            return "", only
    return "", ""


def plan_table(columns: Sequence[Column], rows: Sequence[Row], width: int | None, sep: int, measure: Measure,
               extras: dict[str, list[str]] | None = None, first_width: int = 0, prose: str = "") -> Plan:
    """Decide how a table of ``rows`` fits ``width`` cells (None: any width), ``sep`` cells between columns.

    ``extras`` are further texts a column must hold (group names, detail lines); they wrap.
    ``first_width`` is the least width of the first column (what a row is about), room permitting.
    ``prose`` names the column that holds detail lines (quotes): a table that leaves it less than
    :data:`PROSE_FLOOR` cells does not fit, so quotes are never read a few characters a line.
    """
    kept = [c for c in columns if not c.visual or draws(c, rows)]
    if width is None:
        return Plan((tuple(Placed(c, 0) for c in kept),))
    planner = _Planner(rows, width, sep, measure, extras or {}, first_width, prose)
    placed = planner.attempt(kept, {}, 1)
    if placed:
        return Plan((placed,))
    # first what costs nothing: what every row shares is said once (above the table, in a header)
    tails: dict[str, str] = {}
    shared: list[tuple[str, str]] = []
    said: set[str] = set()
    for column in kept:
        tail, constant = _shared(column, rows)
        if tail:
            tails[column.key] = tail
        elif constant:
            shared.append((column.header, constant))
            said.add(column.key)
    lean = [c for c in kept if c.key not in said]
    series = [c for c in lean if c.series and not c.visual]
    title_tail = ""
    if len(series) > 1 and len({tails.get(c.key) for c in series}) == 1 and tails.get(series[0].key):
        title_tail = tails[series[0].key]  # every region's values are of one period: say it once, in the title
        planner.in_title.update(c.key for c in series)
    placed = planner.attempt(lean, tails, 2)
    if placed:
        return Plan((placed,), tuple(shared), title_tail, frozenset(said))
    # then the pictures, then label width, then values whole on one line
    narrow = [c for c in lean if not c.visual]
    # a table of like columns is split before its labels are squeezed to their narrowest
    for steps in ((2, 3, 4), (5,)):
        for step in steps:
            placed = planner.attempt(narrow, tails, step)
            if placed:
                return Plan((placed,), tuple(shared), title_tail, frozenset(said))
        if len(series) > 1:
            tables = _split(narrow, series, tails, planner.attempt, steps)
            if tables:
                return Plan(tables, tuple(shared), title_tail, frozenset(said))
    return Plan((), tuple(shared), title_tail, frozenset(said))


REBALANCE_ROWS = 300  # tables up to this many rows get the widths that print the fewest lines


class _Planner:
    """One table's sizes, measured once, and its attempts to fit at each step of giving way."""

    def __init__(self, rows: Sequence[Row], width: int, sep: int, measure: Measure, extras: dict[str, list[str]],
                 first_width: int, prose: str) -> None:
        self.rows, self.width, self.sep, self.measure = rows, width, sep, measure
        self.extras, self.first_width, self.prose = extras, first_width, prose
        self.known: dict[tuple[str, str], _Size] = {}
        self.in_title: set[str] = set()  # columns whose tail is said after the title, not in their header
        self.heights: dict[tuple[str, str, int], list[int]] = {}

    def sizes(self, cols: Sequence[Column], tails: dict[str, str]) -> list[_Size]:
        for c in cols:
            tail = tails.get(c.key, "")
            if (c.key, tail) not in self.known:
                self.known[(c.key, tail)] = _size(c, self.rows, tail, self.extras.get(c.key, ()), self.measure,
                                                  c.key not in self.in_title)
        return [self.known[(c.key, tails.get(c.key, ""))] for c in cols]

    def attempt(self, cols: Sequence[Column], tails: dict[str, str], step: int) -> tuple[Placed, ...] | None:
        measured = self.sizes(cols, tails)
        if step == 1 and cols and not cols[0].numeric:  # padding, the very first thing to give way
            measured[0] = measured[0]._replace(natural=max(measured[0].natural, self.first_width))
        natural = [s.natural for s in measured]
        readable = [min(s.natural, max(s.least, LABEL_COMFORT)) if c.wrap else s.natural
                    for c, s in zip(cols, measured)]
        # step 3: labels wrap to a readable width; 4: values break between parts; 5: labels narrower
        least = [s.natural if step < 3 else (s.least if step == 5 else r) if c.wrap else
                 s.natural if step < 4 else s.parts for c, s, r in zip(cols, measured, readable)]
        # spare cells give labels a readable width, then values their whole line, then labels the rest
        readable = [max(r, m) if c.wrap else m for c, r, m in zip(cols, readable, least)]
        whole = [m if c.wrap else n for c, n, m in zip(cols, natural, readable)]
        widths = _allocate(least, [readable, whole, natural], self.width, self.sep)
        if widths is None:
            return None
        if any(c.key == self.prose and w < min(n, PROSE_FLOOR) for c, w, n in zip(cols, widths, natural)):
            return None
        if step >= 3 and len(self.rows) <= REBALANCE_ROWS:
            # any column may give way down to what its parts allow, if the table is shorter for it
            floors = [max(m, min(n, PROSE_FLOOR)) if c.key == self.prose else m if c.wrap else min(m, s.parts)
                      for c, m, n, s in zip(cols, least, natural, measured)]
            widths = self.fewest_lines(cols, tails, widths, floors, natural)
        return tuple(Placed(c, w, tails.get(c.key, ""), c.key not in self.in_title) for c, w in zip(cols, widths))

    def lines(self, column: Column, tail: str, width: int) -> list[int]:
        """How many lines each row's cell of ``column`` takes at ``width``."""
        key = (column.key, tail, width)
        if key not in self.heights:
            placed = Placed(column, width, tail)
            self.heights[key] = [len(cell_lines(placed, row, self.measure)) for row in self.rows]
        return self.heights[key]

    def fewest_lines(self, cols: Sequence[Column], tails: dict[str, str], widths: list[int], floors: list[int],
                     natural: list[int]) -> list[int]:
        """The same total width shared so that the table prints the fewest lines, and of those the one
        whose labels wrap least: a label does not wrap while a column beside it keeps room that one
        row uses (a change breaks between its words and its number first)."""
        widths = list(widths)

        def height(ws: Sequence[int]) -> tuple[int, int]:
            columns = [self.lines(c, tails.get(c.key, ""), w) for c, w in zip(cols, ws)]
            rows = sum(max(cells) for cells in zip(*columns)) if columns else 0
            return rows, sum(n - 1 for c, cells in zip(cols, columns) if c.wrap for n in cells)

        best = height(widths)
        improved = True
        while improved:
            improved = False
            for grow in range(len(cols)):
                for give in range(len(cols)):
                    room = min(natural[grow] - widths[grow], widths[give] - floors[give])
                    if grow == give or room <= 0:
                        continue
                    for amount in range(1, room + 1):
                        trial = list(widths)
                        trial[grow] += amount
                        trial[give] -= amount
                        tried = height(trial)
                        if tried < best:
                            widths, best, improved = trial, tried, True
                            break
        return widths


Attempt = Callable[[Sequence[Column], dict[str, str], int], "tuple[Placed, ...] | None"]


def _split(columns: Sequence[Column], series: Sequence[Column], tails: dict[str, str], attempt: Attempt,
           steps: Sequence[int]) -> tuple[tuple[Placed, ...], ...]:
    """The series columns in as few tables as fit (each beside the leading columns), of even size.

    Each step of giving way is tried (labels wrapped, then cells broken between parts); the one
    needing fewest tables wins, the gentler one on a tie. Empty when not one column fits.
    """
    def tables_of(size: int, step: int) -> tuple[tuple[Placed, ...], ...] | None:
        count = -(-len(series) // size)
        even = -(-len(series) // count)
        out = []
        for start in range(0, len(series), even):
            keys = {c.key for c in series[start:start + even]}
            placed = attempt([c for c in columns if not c.series or c.key in keys], tails, step)
            if placed is None:
                return None
            out.append(placed)
        return tuple(out)

    best: tuple[tuple[Placed, ...], ...] = ()
    for step in steps:
        size = 0  # how many series columns fit beside the leading ones, at their widest
        while size < len(series) and attempt([c for c in columns if not c.series or c in series[:size + 1]],
                                             tails, step):
            size += 1
        if size:
            tables = tables_of(size, step)
            if tables and (not best or len(tables) < len(best)):
                best = tables
    return best


# --------------------------------------------------------------------------- drawing cells


def cell_lines(placed: Placed, row: Row, measure: Measure) -> list[str]:
    """A cell's lines at its planned width: a label wraps, parts break between them, a whole cell never."""
    text, parts = cell_text(row, placed.column, placed.tail)
    if placed.column.visual or measure(text) <= placed.width:
        return [text]
    if placed.column.wrap:
        return wrap_text(text, placed.width, measure)
    if parts:
        return join_parts(parts, placed.width, measure)
    return [text]


def header_lines(placed: Placed, measure: Measure) -> list[str]:
    header = placed.column.header
    tail = placed.tail if placed.header_tail else ""
    if placed.column.wrap:
        return wrap_text(header + tail, placed.width, measure)
    return join_parts((header, tail) if tail else (header,), placed.width, measure)


def shown_rows(rows: Sequence[Row], table: Sequence[Placed], split: bool) -> list[Row]:
    """The rows one of several tables shows: those with something in its series columns (all if none)."""
    series = [p for p in table if p.column.series and not p.column.visual]
    if not split or not series:
        return list(rows)
    kept = [row for row in rows if any(row.cells.get(p.column.key, "") not in EMPTY for p in series)]
    return kept or list(rows)
