"""The bounds on what ``reporter extract`` reads, so that it always ends, in bounded time and memory.

A text to draft from is a report or a page: tens of thousands of characters. Three things are
refused at once, before any reading, each with one line naming the file (and the line):

* more than :data:`MAX_CHARS` characters (about 6 MB of Chinese text in UTF-8);
* a run of more than :data:`MAX_RUN` letters, digits and signs without a space (ASCII or
  full-width): no number, word, e-mail or web address is that long, and the patterns that find
  numbers and names take time growing with the square of such a run;
* a run of more than :data:`MAX_NUMERAL_RUN` Chinese numerals (一二三…十百千万), for the same reason.

Within those bounds reading takes time in proportion to the text, except for passes of the prose
reader that compare each number (or change, or sentence) of a paragraph with every other one; so
the reading itself runs on a clock (:func:`time_bound`): past :data:`SECONDS` it stops with one
line saying the text is too long to read in one go. The clock is a last resort no real text meets:
the bundled source page reads in well under a second.
"""

from __future__ import annotations

import re
import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType

from reporter.errors import ReporterError
from reporter.messages import Message

MAX_CHARS = 2_000_000
MAX_RUN = 256
MAX_NUMERAL_RUN = 64
SECONDS = 10.0

_RUN = re.compile(r"[!-~０-９Ａ-Ｚａ-ｚ．％－＋]+")  # printable ASCII; full-width letters, digits, signs
_NUMERALS = re.compile(r"[〇零一二两三四五六七八九十百千万亿]+")


def check_text(text: str, name: str) -> None:
    """Refuse ``text`` (read from ``name``) when it is over one of the bounds of the module's docstring."""
    if len(text) > MAX_CHARS:
        raise ReporterError(Message("extract.too_big", file=name, size=f"{len(text):,}", limit=f"{MAX_CHARS:,}"))
    for pattern, limit, key in ((_RUN, MAX_RUN, "extract.run_too_long"),
                                (_NUMERALS, MAX_NUMERAL_RUN, "extract.numerals_too_long")):
        for m in pattern.finditer(text):  # each run scanned once: linear
            if m.end() - m.start() > limit:
                line = text.count("\n", 0, m.start()) + 1
                raise ReporterError(Message(key, file=name, line=line, size=f"{m.end() - m.start():,}", limit=limit))


class _OutOfTime(BaseException):
    """Raised by the clock inside the reading; a BaseException, so no ``except Exception`` there holds it."""


@contextmanager
def time_bound(name: str, seconds: float | None = None) -> Iterator[None]:
    """Run the block on a clock of ``seconds`` (default :data:`SECONDS`); past it, a
    :class:`ReporterError` saying so. Outside the main thread (where no signal can be delivered)
    the block runs unbounded."""
    limit = SECONDS if seconds is None else seconds
    if threading.current_thread() is not threading.main_thread() or not hasattr(signal, "setitimer"):
        yield
        return

    done = False

    def out_of_time(signum: int, frame: FrameType | None) -> None:
        if not done:
            raise _OutOfTime

    previous = signal.signal(signal.SIGALRM, out_of_time)
    try:
        try:
            signal.setitimer(signal.ITIMER_REAL, limit)
            yield
        finally:
            done = True  # a late tick is ignored from here on, or caught just below
            signal.setitimer(signal.ITIMER_REAL, 0)
    except _OutOfTime:
        raise ReporterError(Message("extract.too_slow", file=name, seconds=f"{limit:g}")) from None
    finally:
        signal.signal(signal.SIGALRM, previous)
