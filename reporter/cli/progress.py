"""A progress bar on stderr for slow cold loads: shown only after a second, only on a terminal."""

from __future__ import annotations

import threading
from types import TracebackType
from typing import Any

DELAY_SECONDS = 1.0


class DelayedProgress:
    """Context manager: if the body still runs after ``DELAY_SECONDS``, show a transient bar."""

    def __init__(self, label: str) -> None:
        self.label = label
        self._done = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._progress: Any = None

    def _run(self) -> None:
        if self._done.wait(DELAY_SECONDS):
            return
        from rich.console import Console
        from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

        progress = Progress(TextColumn("{task.description}"), BarColumn(), TimeElapsedColumn(),
                            console=Console(stderr=True, highlight=False, emoji=False, markup=False),
                            transient=True)
        progress.add_task(f"reporter: {self.label} (building the cache; later runs are fast)", total=None)
        progress.start()
        self._progress = progress
        self._done.wait()
        progress.stop()

    def __enter__(self) -> DelayedProgress:
        self._thread.start()
        return self

    def __exit__(self, kind: type[BaseException] | None, value: BaseException | None,
                 tb: TracebackType | None) -> None:
        self._done.set()
        self._thread.join(timeout=2)
