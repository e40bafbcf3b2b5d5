"""A command's answer, printed: views rendered in the chosen format, or text a command made, to
stdout (through the pager on a terminal), or to ``-o FILE``.

A text format is written as it is made, atomically (:func:`reporter.data.files.write_output`): an
interrupted run leaves the old file as it was. A binary format (a workbook) is made whole, then
written to ``-o FILE`` or to stdout when that is a pipe or a file; to a terminal it is refused
(exit 2), since bytes of a spreadsheet are no answer on a screen.
"""
from __future__ import annotations

import sys
from collections.abc import Callable, Iterable, Sequence
from itertools import chain
from typing import TYPE_CHECKING

from reporter.cli.output import chosen_format, note, show_chunks, show_text, with_bom, write_out
from reporter.errors import NoData, ReaderGone, UsageProblem
from reporter.messages import Message

if TYPE_CHECKING:
    from reporter.cli.session import Session
    from reporter.render.views import View


def emit(session: Session, views: Sequence[View], fmt: str | None, nothing: NoData | None = None,
         empty_is_an_answer: bool = False) -> None:
    """Render views in the chosen format and write them: whole (a human format, or anything a non-UTF
    output must be checked for first), or streamed as made (a machine format; a huge lazy table).

    When no view has a row, a machine format still writes its valid empty document (``[]``, a CSV
    header) and a human format nothing; then ``nothing`` (or a plain NoData) is raised: exit 3, its
    words a note. ``empty_is_an_answer`` says an empty table is the answer itself (a check that
    found nothing wrong)."""
    from reporter.render.formats import (
        BINARY,
        left_out_tables,
        render_chunks,
        with_fields,
    )

    chosen = chosen_format(session, fmt)
    views = with_fields(views, chosen, session.fields, session.env)
    if session.output is not None or chosen in BINARY:  # a file (-o), or a spreadsheet's bytes
        from reporter.cli.printing import write_views

        write_views(session, views, chosen)
    else:
        env = session.env if session.header else session.env._replace(stdout_isatty=False)
        show_chunks(with_bom(session, render_chunks(views, chosen, env, header=session.header)), session.env)
    for view in views:
        for line in view.said_notes():
            note(f"reporter: {line}")
    left_out = left_out_tables(views, chosen, session.env)
    if left_out:
        said = Message("output.one_table", format=chosen, tables=", ".join(left_out))
        note(f"reporter: {said.text(session.message_lang)}")
    if not empty_is_an_answer and not any(view.items for view in views):
        raise nothing or NoData(Message("nothing_found"))


def answer(session: Session, fmt: str | None, make: Callable[[], Sequence[View]],
           empty: Callable[[], Sequence[View]]) -> None:
    """Print the views ``make`` builds; when the question finds nothing (the query raises
    :class:`~reporter.errors.NoData`), print ``empty``'s instead (the same keys, no rows: ``[]``, a
    CSV header, nothing for people) and end with exit 3."""
    try:
        views = make()
    except NoData as exc:
        emit(session, empty(), fmt, nothing=exc)
        raise  # emit raised it already; said again for the reader (and for type checkers)
    emit(session, views, fmt)


def print_chunks(session: Session, chunks: Iterable[str]) -> None:
    """Write text a command makes as it goes (a brief of every county): chunk by chunk when stdout
    takes every character (UTF-8, GB18030), else whole, checked first that the output's encoding
    can carry it."""
    from reporter.render.formats import carries_everything

    if carries_everything(session.env.encoding):
        show_chunks(with_bom(session, chunks), session.env)
    else:
        print_text(session, "".join(chunks))


def print_text(session: Session, text: str) -> None:
    """Write text a command made (a value, a brief, an export) whole, if stdout can carry it; to
    ``-o FILE`` instead when the command was given one."""
    from reporter.render import for_stream

    if session.output not in (None, "-"):
        from reporter.cli.printing import write_text

        write_text(session, text, "text")
        return
    show_text("".join(with_bom(session, [for_stream(text, session.env.encoding)])), session.env)


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
