"""A progress bar on stderr for slow steps: shown only after a second, only on a terminal.

A step with a known size (facts to write, regions to word) shows how far it is and an estimate
of the time left; one without (reading a data file) shows that it is busy.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable, Iterator
from types import TracebackType
from typing import Any, TypeVar

DELAY_SECONDS = 1.0
REFRESH_SECONDS = 0.1

T = TypeVar("T")


class DelayedProgress:
    """Context manager: if the body still runs after ``DELAY_SECONDS``, show a transient bar.

    The body reports how far it is by setting :attr:`completed` (or :meth:`advance`, :meth:`follow`);
    a thread of its own draws the bar, so the body never waits for the terminal."""

    def __init__(self, label: str, total: int | None = None) -> None:
        self.label, self.total = label, total
        self.completed = 0
        self._done = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def advance(self, n: int = 1) -> None:
        self.completed += n

    def follow(self, items: Iterable[T], done: Callable[[], int]) -> Iterator[T]:
        """``items`` as they come, setting :attr:`completed` to ``done()`` after each."""
        for item in items:
            yield item
            self.completed = done()

    def _run(self) -> None:
        if self._done.wait(DELAY_SECONDS):
            return
        from rich.console import Console
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            Progress,
            TextColumn,
            TimeElapsedColumn,
            TimeRemainingColumn,
        )

        known = self.total is not None
        columns: list[Any] = [TextColumn("{task.description}"), BarColumn()]
        columns += [MofNCompleteColumn(), TimeRemainingColumn()] if known else [TimeElapsedColumn()]
        progress = Progress(*columns, console=Console(stderr=True, highlight=False, emoji=False, markup=False),
                            transient=True)
        task = progress.add_task(f"reporter: {self.label}", total=self.total)
        progress.start()
        try:
            while not self._done.wait(REFRESH_SECONDS):
                if known:
                    progress.update(task, completed=self.completed)
        finally:
            progress.stop()

    def __enter__(self) -> DelayedProgress:
        self._thread.start()
        return self

    def __exit__(self, kind: type[BaseException] | None, value: BaseException | None,
                 tb: TracebackType | None) -> None:
        self._done.set()
        self._thread.join(timeout=2)
