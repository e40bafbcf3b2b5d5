"""Everything reporter knows about where its output goes, decided in one place.

Tests build an :class:`Environment` directly to force either side of every decision.

Paging follows git and hledger: output taller than the terminal goes through ``$PAGER`` (else
``less -FRX``), only when stdout is a terminal, never in a pipe; ``--no-pager``, an empty
``PAGER`` or ``PAGER=cat`` turn it off.
"""


import os
import sys
from collections.abc import Mapping
from typing import NamedTuple


class Environment(NamedTuple):
    stdout_isatty: bool = False
    stderr_isatty: bool = False
    color: bool = False
    width: int = 80
    encoding: str = "utf-8"
    dumb: bool = False
    height: int = 24
    pager: str = ""  # the command that pages output taller than the terminal; empty: never page

    @classmethod
    def detect(cls, color: str = "auto", environ: Mapping[str, str] | None = None,
               paging: bool = True) -> "Environment":
        """Read the real streams and the environment: NO_COLOR, FORCE_COLOR, COLUMNS, LINES, TERM, PAGER."""
        env = os.environ if environ is None else environ
        out_tty = is_terminal(sys.stdout)
        dumb = env.get("TERM", "") == "dumb"
        if color == "always":
            use_color = True
        elif color == "never" or env.get("NO_COLOR"):
            use_color = False
        elif env.get("FORCE_COLOR"):
            use_color = True
        else:
            use_color = out_tty and not dumb
        pager = _pager(env) if paging and out_tty and not dumb else ""
        return cls(out_tty, is_terminal(sys.stderr), use_color, _width(env), _encoding(sys.stdout), dumb,
                   _height(env) if pager else 24, pager)

    def pages(self, text: str) -> bool:
        """Whether ``text`` goes through the pager: a pager is set and the text is taller than the screen."""
        return bool(self.pager) and text.count("\n") >= self.height


DEFAULT_PAGER = "less -FRX"


def _pager(env: Mapping[str, str]) -> str:
    """``$PAGER``, else ``less -FRX``; empty (never page) when PAGER is set empty or to ``cat``."""
    chosen = env.get("PAGER")
    if chosen is None:
        return DEFAULT_PAGER
    return "" if chosen.strip() in ("", "cat") else chosen.strip()


def _height(env: Mapping[str, str]) -> int:
    try:
        lines = int(env.get("LINES", ""))
    except ValueError:
        lines = 0
    if lines > 0:
        return lines
    try:
        return os.get_terminal_size(sys.stdout.fileno()).lines or 24
    except (AttributeError, ValueError, OSError):
        return 24


def is_terminal(stream: object) -> bool:
    """Whether ``stream`` is a terminal: the one place reporter asks (a test replaces it to stand a
    terminal in for a captured stream)."""
    try:
        return bool(stream.isatty())  # type: ignore[attr-defined]
    except (AttributeError, ValueError, OSError):
        return False


def _width(env: Mapping[str, str]) -> int:
    try:
        columns = int(env.get("COLUMNS", ""))
    except ValueError:
        columns = 0
    if columns > 0:
        return max(columns, 20)
    for stream in (sys.stdout, sys.stderr):
        try:
            return max(os.get_terminal_size(stream.fileno()).columns, 20)
        except (AttributeError, ValueError, OSError):
            continue
    return 100


def _encoding(stream: object) -> str:
    return getattr(stream, "encoding", None) or "utf-8"
