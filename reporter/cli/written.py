"""Output to a file (``-o FILE``), and the formats that are files rather than text (xlsx).

A text format is written as it is made, atomically (:func:`reporter.data.files.write_output`): an
interrupted run leaves the old file as it was. A binary format (a workbook) is made whole, then
written to ``-o FILE`` or to stdout when that is a pipe or a file; to a terminal it is refused
(exit 2), since bytes of a spreadsheet are no answer on a screen.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Sequence
from itertools import chain
from typing import TYPE_CHECKING

from reporter.cli.output import note, write_out
from reporter.errors import ReaderGone, UsageProblem
from reporter.messages import Message

if TYPE_CHECKING:
    from reporter.cli.session import Session
    from reporter.render.views import View


def refuse_binary_terminal(session: Session, fmt: str, output: str | None) -> None:
    """A binary format with no ``-o`` and stdout a terminal: a usage error (exit 2), said first."""
    from reporter.render.formats import BINARY

    if fmt in BINARY and output in (None, "-") and session.env.stdout_isatty:
        raise UsageProblem(Message("output.binary_terminal", format=fmt))


def write_bytes(session: Session, data: bytes, output: str | None, protected: Iterable[str]) -> None:
    """``data`` to ``output`` (atomically) or, when none is named, to stdout (a pipe or file)."""
    from reporter.data.files import output_target, write_output

    target = output_target(output or "-", protected)
    if target.kind != "stdout":
        write_output(target, data)  # type: ignore[arg-type]  # bytes are written as they are
        return
    stream = getattr(sys.stdout, "buffer", None)
    if stream is None:  # pragma: no cover - a text-only stdout (a test harness) takes the bytes' text
        write_out(data.decode("latin-1"))
        return
    try:
        sys.stdout.flush()
        stream.write(data)
        stream.flush()
    except BrokenPipeError:
        raise ReaderGone from None


def write_views(session: Session, views: Sequence[View], fmt: str) -> None:
    """``views`` in format ``fmt`` to ``-o FILE`` (or, a binary format, to stdout if not a terminal)."""
    from reporter.data.files import output_target, write_output
    from reporter.render.formats import BINARY, render_bytes, render_chunks

    output = session.output
    refuse_binary_terminal(session, fmt, output)
    protected = session.data.paths
    if fmt in BINARY:
        write_bytes(session, render_bytes(views, fmt, session.env), output, protected)
    else:
        target = output_target(output or "-", protected)
        encoding = session.encoding or "utf-8"
        env = session.env._replace(stdout_isatty=False, encoding=encoding)  # a file: as in a pipe
        chunks = render_chunks(views, fmt, env, header=session.header)
        if target.kind == "stdout":
            for chunk in chain(["\ufeff"] if session.bom else [], chunks):
                write_out(chunk)
            return
        write_output(target, chain(["\ufeff"], chunks) if session.bom else chunks, encoding)
    if output not in (None, "-"):
        note("reporter: " + Message("output.wrote", file=output, format=fmt).text(session.message_lang))


def write_text(session: Session, text: str, fmt: str) -> None:
    """Text a command made whole (a brief's page) to ``-o FILE`` (atomically), else to stdout."""
    from reporter.cli.output import print_text, show_text, with_bom
    from reporter.data.files import output_target, write_output
    from reporter.render import for_stream

    if session.output in (None, "-"):
        print_text(session, text)
        return
    target = output_target(session.output, session.data.paths)
    if target.kind == "stdout":  # -o /dev/stdout
        show_text("".join(with_bom(session, [for_stream(text, session.env.encoding)])), session.env)
        return
    encoding = session.encoding or "utf-8"
    write_output(target, ("\ufeff" if session.bom else "") + text, encoding)
    note("reporter: " + Message("output.wrote", file=session.output, format=fmt).text(session.message_lang))
