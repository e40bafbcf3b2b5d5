"""The run's progress display on stderr: shown only on a terminal, only after a second.

One :class:`Meter` per run draws it, from a thread of its own, so the work never waits for the
terminal. It says what the command is doing: a step with a known size (facts to write, regions to
word) with a bar, how far and the time left; one without (reading a data file) with how long so far;
between steps, that the command is still working. It goes for good when the answer starts to reach
the same terminal, or a note is said there, so it never tangles with what the run writes.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from typing import TypeVar

DELAY_SECONDS = 1.0
REFRESH_SECONDS = 0.1

T = TypeVar("T")

_current: Meter | None = None


class Meter:
    """The one progress display of a run (see the module's docstring)."""

    def __init__(self, idle: str, answer_on_terminal: bool) -> None:
        self.idle = idle  # what is said between steps: "working …"
        self.answer_on_terminal = answer_on_terminal
        self.label, self.completed = idle, 0
        self.total: int | None = None
        self._done = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    # -- the run's side

    def start(self) -> Meter:
        global _current
        _current = self
        self._thread.start()
        return self

    def stop(self) -> None:
        """End the display for good (it erases itself)."""
        global _current
        if _current is self:
            _current = None
        self._done.set()
        if self._thread.is_alive():
            self._thread.join(timeout=2)

    @contextmanager
    def step(self, label: str, total: int | None = None) -> Iterator[Meter]:
        """A slow step of the run, of ``total`` parts when known (:meth:`advance` says how far)."""
        self.label, self.total, self.completed = label, total, 0
        try:
            yield self
        finally:
            self.label, self.total, self.completed = self.idle, None, 0

    def advance(self, n: int = 1) -> None:
        self.completed += n

    def follow(self, items: Iterable[T], done: Callable[[], int]) -> Iterator[T]:
        """``items`` as they come, setting :attr:`completed` to ``done()`` after each."""
        for item in items:
            yield item
            self.completed = done()

    # -- the display's thread

    def _run(self) -> None:
        if self._done.wait(DELAY_SECONDS):
            return
        # rich's live display would catch what the run writes to stdout and print it on the terminal
        # above the bar: the answer must go where stdout goes (a file, a pipe), untouched
        from rich.console import Console
        from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

        progress = Progress(TextColumn("{task.description}"), BarColumn(), TextColumn("{task.fields[count]}"),
                            TimeElapsedColumn(), transient=True, redirect_stdout=False, redirect_stderr=False,
                            console=Console(stderr=True, highlight=False, emoji=False, markup=False))
        task = progress.add_task("", total=None, count="")
        progress.start()
        try:
            while True:
                total, completed = self.total, self.completed
                count = f"{completed:,}/{total:,}" if total else ""
                progress.update(task, description=f"reporter: {self.label}", total=total,
                                completed=completed if total else 0, count=count)
                if self._done.wait(REFRESH_SECONDS):
                    break
        finally:
            progress.stop()


def start(idle: str, answer_on_terminal: bool) -> Meter:
    """Start the run's meter (the CLI does, for a command that may take a while)."""
    return Meter(idle, answer_on_terminal).start()


def current() -> Meter | None:
    return _current


def before_answer() -> None:
    """The answer is about to be written: a meter drawn on the same terminal goes first."""
    meter = _current
    if meter is not None and meter.answer_on_terminal:
        meter.stop()


def before_note() -> None:
    """A note is about to be said on stderr, where the meter draws: the meter goes first."""
    meter = _current
    if meter is not None:
        meter.stop()
