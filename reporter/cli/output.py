"""Writing to the user: data to stdout, whole or not at all; notes and errors to stderr, one line each.

Output taller than the terminal goes through a pager when :class:`~reporter.terminal.Environment`
says so (a terminal, not a pipe; ``$PAGER`` or ``less -FRX``; not with ``--no-pager``). A pager
that cannot start falls back to writing directly; a pager quit early (``q``) is not an error.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from reporter.errors import ReaderGone, ReporterError
from reporter.messages import Message

if TYPE_CHECKING:
    from reporter.cli.session import Session
    from reporter.render.views import View
    from reporter.terminal import Environment


def write_out(text: str, stream: Any = None) -> None:
    """Write ``text`` to stdout (or ``stream``) and flush; a closed or full output is one clear error.

    A reader that went away (a broken pipe) is not an error: :class:`~reporter.errors.ReaderGone`
    reaches the entry point, which ends the run quietly.
    """
    stream = sys.stdout if stream is None else stream
    if stream is None:
        raise ReporterError(Message("stdout_closed"))
    try:
        stream.write(text)
        stream.flush()
    except BrokenPipeError:
        raise ReaderGone from None
    except OSError as exc:
        raise OutputFailed(Message("stdout_failed", reason=exc.strerror or exc)) from None


def show_text(text: str, env: Environment, stream: Any = None) -> None:
    """Write ``text`` whole: through the pager when ``env`` pages it, else straight to stdout."""
    if env.pages(text) and page(text, env):
        return
    write_out(text, stream)


def page(text: str, env: Environment) -> bool:
    """Hand ``text`` to ``env.pager`` on its stdin and wait for it; False if it could not be started.

    While the pager runs, Ctrl-C is the pager's (less uses it to stop a search), as git does.
    """
    import os
    import shlex
    import signal
    import subprocess

    try:
        argv = shlex.split(env.pager)
    except ValueError:  # unbalanced quotes in $PAGER
        return False
    if not argv:
        return False
    child_env = dict(os.environ)
    child_env.setdefault("LESS", "FRX")  # a bare PAGER=less: quit if one screen, keep colours, no clearing
    child_env.setdefault("LV", "-c")
    try:
        if sys.stdout is not None:
            sys.stdout.flush()
        proc = subprocess.Popen(argv, stdin=subprocess.PIPE, env=child_env)
    except OSError:
        return False
    try:
        previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    except ValueError:  # not the main thread: leave signals alone
        previous = None
    try:
        assert proc.stdin is not None
        try:
            proc.stdin.write(text.encode(env.encoding, "backslashreplace"))
            proc.stdin.close()
        except OSError:  # BrokenPipeError included: the reader quit before the end, as it may
            pass
        proc.wait()
    finally:
        if previous is not None:
            signal.signal(signal.SIGINT, previous)
    return True


class OutputFailed(ReporterError):
    """stdout refused what was written (a full disk, an I/O error): the run's output is lost."""


def note(message: str) -> None:
    """A diagnostic on stderr, safe for any encoding and free of control characters."""
    from reporter.render.safe import clean

    stream = sys.stderr
    if stream is None:
        return
    encoding = getattr(stream, "encoding", None) or "utf-8"
    line = clean(message, keep_layout=True)
    try:
        stream.write(line.encode(encoding, "backslashreplace").decode(encoding, "replace") + "\n")
        stream.flush()
    except (OSError, ValueError):
        pass  # nowhere left to say it


def emit(session: Session, views: Sequence[View], fmt: str | None) -> None:
    """Render views in the chosen format and write them whole, or fail before writing anything."""
    from reporter.render.formats import left_out_tables, render_for_stream

    chosen = fmt or session.fmt or "auto"
    show_text(render_for_stream(views, chosen, session.env), session.env)
    for view in views:
        for line in view.notes:
            note(f"reporter: {line}")
    left_out = left_out_tables(views, chosen, session.env)
    if left_out:
        note(f"reporter: {chosen} holds one table; the {', '.join(left_out)} are in json")


def print_text(session: Session, text: str) -> None:
    """Write text a command made (a value, a brief, an export) whole, if stdout can carry it."""
    from reporter.render import for_stream

    show_text(for_stream(text, session.env.encoding), session.env)
