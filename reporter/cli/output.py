"""Writing to the user: data to stdout, whole or not at all; notes and errors to stderr, one line each.

Output taller than the terminal goes through a pager when :class:`~reporter.render.terminal.Environment`
says so (a terminal, not a pipe; ``$PAGER`` or ``less -FRX``; not with ``--no-pager``). A pager
that cannot start falls back to writing directly; a pager quit early (``q``) is not an error.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from itertools import chain
from typing import TYPE_CHECKING, Any

from reporter.cli import progress
from reporter.errors import ReaderGone, ReporterError
from reporter.messages import Message, os_reason

if TYPE_CHECKING:
    from reporter.cli.session import Session
    from reporter.render.terminal import Environment


def write_out(text: str, stream: Any = None) -> None:
    """Write ``text`` to stdout (or ``stream``) and flush; a closed or full output is one clear error.

    A reader that went away (a broken pipe) is not an error: :class:`~reporter.errors.ReaderGone`
    reaches the entry point, which ends the run quietly.
    """
    stream = sys.stdout if stream is None else stream
    progress.before_answer()
    if stream is None:
        raise ReporterError(Message("stdout_closed"))
    try:
        stream.write(text)
        stream.flush()
    except BrokenPipeError:
        raise ReaderGone from None
    except OSError as exc:
        raise OutputFailed(Message("stdout_failed", reason=os_reason(exc))) from None


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
    progress.before_note()  # the pager takes the terminal
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


def speak(session: Session, key: str, **values: object) -> str:
    """A message in the reader's language (``session.message_lang``), for a note or an error."""
    return Message(key, **values).text(session.message_lang)


def note(message: str, always: bool = False) -> None:
    """A diagnostic on stderr, safe for any encoding and free of control characters; ``--quiet``
    silences it unless it is ``always`` said (an error, a question the user must answer)."""
    from reporter.render.safe import clean

    if not always and _quiet():
        return
    progress.before_note()
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


def _quiet() -> bool:
    """Whether this run was asked to be ``--quiet`` (the session of the command line being run)."""
    import click

    from reporter.cli.session import Session

    ctx = click.get_current_context(silent=True)
    session = ctx.find_object(Session) if ctx is not None else None
    return bool(session is not None and session.quiet)


HEADERLESS = ("csv", "tsv", "plain")  # what --no-header can be honoured in
UTF8_ONLY = ("json", "jsonl", "yaml", "html", "xlsx", "sqlite")  # UTF-8 without a byte order mark (RFC 8259,
# YAML 1.2, an HTML page that says charset=utf-8), or a file whose format fixes its own encoding


def chosen_format(session: Session, fmt: str | None, default: str = "auto") -> str:
    """The format to write: the command's ``--format``, else the global one, else ``default``;
    refused (exit 2) when ``--no-header``, ``--bom`` or ``--encoding`` cannot be honoured in it.

    With ``--no-header`` and no format named, ``auto`` is plain text: rows only, one per line."""
    from reporter.errors import UsageProblem
    from reporter.render.formats import resolve_format

    chosen = fmt or session.fmt or "auto"
    if chosen == "auto":
        chosen = default
    session.apply_settings(chosen, chosen not in UTF8_ONLY)  # the config files' encoding and bom, where taken
    if chosen == "auto" and not session.header:
        chosen = "plain"
    if not session.header and resolve_format(chosen, session.env) not in HEADERLESS:
        raise UsageProblem(Message("output.no_header", format=chosen))
    if chosen in UTF8_ONLY and (session.bom or session.encoding not in (None, "utf-8")):
        raise UsageProblem(Message("output.utf8_only", format=chosen))
    if session.bom and session.encoding not in (None, "utf-8"):  # a UTF-8 mark before GB18030 bytes
        raise UsageProblem(Message("output.bom_encoding", encoding=session.encoding))
    return chosen


def with_bom(session: Session, chunks: Iterable[str]) -> Iterator[str]:
    """``chunks``, after a byte order mark when ``--bom`` asked for one, unless stdout is a file that
    already holds something (``>> log.csv``: a mark inside a file is a stray character)."""
    if session.bom and not _appending():
        yield "\ufeff"
    yield from chunks


def _appending() -> bool:
    import os
    import stat

    try:
        st = os.fstat(sys.stdout.fileno())
    except (AttributeError, ValueError, OSError):
        return False
    return stat.S_ISREG(st.st_mode) and st.st_size > 0
