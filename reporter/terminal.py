"""Everything reporter knows about where its output goes, decided in one place.

Tests build an :class:`Environment` directly to force either side of every decision.
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

    @classmethod
    def detect(cls, color: str = "auto", environ: Mapping[str, str] | None = None) -> "Environment":
        """Read the real streams and the environment: NO_COLOR, FORCE_COLOR, COLUMNS, TERM."""
        env = os.environ if environ is None else environ
        out_tty = _isatty(sys.stdout)
        dumb = env.get("TERM", "") == "dumb"
        if color == "always":
            use_color = True
        elif color == "never" or env.get("NO_COLOR"):
            use_color = False
        elif env.get("FORCE_COLOR"):
            use_color = True
        else:
            use_color = out_tty and not dumb
        return cls(out_tty, _isatty(sys.stderr), use_color, _width(env), _encoding(sys.stdout), dumb)


def _isatty(stream: object) -> bool:
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
