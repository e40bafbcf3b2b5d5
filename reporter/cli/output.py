"""Writing to the user: data to stdout, whole or not at all; notes and errors to stderr, one line each.

Output taller than the terminal goes through a pager when :class:`~reporter.terminal.Environment`
says so (a terminal, not a pipe; ``$PAGER`` or ``less -FRX``; not with ``--no-pager``). A pager
that cannot start falls back to writing directly; a pager quit early (``q``) is not an error.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Sequence
from itertools import chain
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
    if env.pages(text) and page([text], env):
        return
    write_out(text, stream)


def show_chunks(chunks: Iterable[str], env: Environment, stream: Any = None) -> None:
    """Write text as it is made: through the pager once it has grown taller than the screen (when
    ``env`` pages at all), else straight to stdout (or ``stream``), chunk by chunk."""
    chunks = iter(chunks)
    if env.pager:
        head: list[str] = []
        lines = 0
        for chunk in chunks:
            head.append(chunk)
            lines += chunk.count("\n")
            if lines >= env.height:
                break
        else:  # it all fits: no pager
            write_out("".join(head), stream)
            return
        if page(chain(head, chunks), env):
            return
        chunks = chain(head, chunks)
    for chunk in chunks:
        write_out(chunk, stream)


def page(chunks: Iterable[str], env: Environment) -> bool:
    """Hand the text to ``env.pager`` on its stdin as it comes, and wait for the pager; False if it
    could not be started (nothing of ``chunks`` read then).

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
            for chunk in chunks:
                proc.stdin.write(chunk.encode(env.encoding, "backslashreplace"))
        except OSError:  # BrokenPipeError included: the reader quit before the end, as it may
            pass
        finally:  # whatever stopped the text (its end, an error making it), the pager gets its end
            try:
                proc.stdin.close()
            except OSError:
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
    """Render views in the chosen format and write them: whole (a human format, or anything a non-UTF
    output must be checked for first), or streamed as made (a machine format; a huge lazy table)."""
    from reporter.render.formats import left_out_tables, render_chunks

    chosen = fmt or session.fmt or "auto"
    show_chunks(render_chunks(views, chosen, session.env), session.env)
    for view in views:
        for line in view.notes:
            note(f"reporter: {line}")
    left_out = left_out_tables(views, chosen, session.env)
    if left_out:
        note(f"reporter: {chosen} holds one table; the {', '.join(left_out)} are in json")


def print_chunks(session: Session, chunks: Iterable[str]) -> None:
    """Write text a command makes as it goes (a brief of every county): chunk by chunk when stdout
    takes UTF-8, else whole, checked first that the output's encoding can carry it."""
    encoding = session.env.encoding.lower().replace("-", "").replace("_", "")
    if encoding.startswith("utf"):
        show_chunks(chunks, session.env)
    else:
        print_text(session, "".join(chunks))


def print_text(session: Session, text: str) -> None:
    """Write text a command made (a value, a brief, an export) whole, if stdout can carry it."""
    from reporter.render import for_stream

    show_text(for_stream(text, session.env.encoding), session.env)
