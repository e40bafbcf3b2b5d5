"""The options that choose periods (``--from``, ``--to``, ``--last``) and the modes of a command's options,
defined once for every command that shows a time series."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

import click

from reporter.errors import UsageProblem
from reporter.messages import Message, Named
from reporter.model.names import find_period
from reporter.query.selection import Window

F = TypeVar("F", bound=Callable[..., Any])


def undated_option(f: F) -> F:
    """``--with-undated``: let figures whose period the source does not state into a window (listed apart)."""
    return click.option("--with-undated", "with_undated", is_flag=True,  # type: ignore[no-any-return]
                        help="With a period window, also list (apart) figures whose period the source does not "
                             "state; without it they are left out and counted in a note.")(f)


def window_options(f: F) -> F:
    """``--from``, ``--to``, ``--last`` and ``--with-undated``: which periods a time series shows (defined once)."""
    f = undated_option(f)
    f = click.option("--last", type=click.IntRange(min=1), metavar="N", help="Only the last N periods.")(f)
    f = click.option("--to", "to_period", metavar="PERIOD", help="Periods up to this one (e.g. 2020).")(f)
    return click.option("--from", "from_period", metavar="PERIOD",
                        help="Periods from this one on (e.g. 2016).")(f)  # type: ignore[no-any-return]


def periods_window(from_period: str | None, to_period: str | None, last: int | None,
                   with_undated: bool = False) -> Window:
    """The periods asked for; a range that ends before it starts is refused (exit 2), not shown empty."""
    start, end = find_period(from_period) if from_period else None, find_period(to_period) if to_period else None
    if start is not None and end is not None and start.first > end.last:
        raise UsageProblem(Message("window.reversed", start=from_period, end=to_period))
    return Window(start, end, last, with_undated)


def window_words(from_period: str | None, to_period: str | None, last: int | None) -> str:
    """The window as it was asked for (``--from 2021 --to 2022``), for the note of an empty answer."""
    given = (("--from", from_period), ("--to", to_period), ("--last", last))
    return " ".join(f"{name} {value}" for name, value in given if value is not None)


def only_with(given: dict[str, object], mode: str, mode_zh: str) -> None:
    """Options that mean something only in a mode: refused, not ignored, outside it."""
    for name, value in given.items():
        if value not in (None, False, ()):
            raise UsageProblem(Message("option.needs_mode", name=name, mode=Named(mode, mode_zh)))
