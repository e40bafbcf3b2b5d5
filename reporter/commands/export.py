"""``reporter export``: every fact as a flat record, the stable contract for other programs."""

from __future__ import annotations

from collections.abc import Callable
from itertools import chain
from typing import TYPE_CHECKING

import click

from reporter.cli.options import command, filter_options, format_option, pass_session
from reporter.cli.output import chosen_format, note, with_bom, write_out
from reporter.cli.printing import refuse_binary_terminal, write_bytes
from reporter.cli.session import Session
from reporter.data.files import output_target, write_output
from reporter.messages import Message
from reporter.render.formats import BINARY, render_bytes, render_chunks, with_fields
from reporter.render.views import export_view

if TYPE_CHECKING:
    from reporter.data.files import OutputTarget


@command()
@format_option("json", "jsonl", "csv", "tsv", "yaml", "xlsx", "sqlite", output=False)  # json by default (help table)
@click.option("--output", "-o", type=click.Path(dir_okay=False), metavar="FILE",
              help="Write to FILE (atomically: an interrupted write leaves the old file intact), or into "
                   "a named pipe or device; - is stdout. Never over a data file the run read.")
@filter_options
@pass_session
def export(session: Session, fmt: str | None, output: str | None) -> None:
    """Every fact as one flat record (the stable contract, docs/data-format.md).

    \b
    Example:
      reporter export --format csv --bom -o facts.csv      for Excel
      reporter export | jq '.[] | select(.region == "jiangshan")'
      reporter export --format jsonl --fields region,period,value | head -1
      reporter export --format xlsx -o facts.xlsx
      reporter export --format sqlite -o facts.db
    """

    fmt = chosen_format(session, fmt, default="json")
    refuse_binary_terminal(session, fmt, output)  # a workbook or database to a terminal: exit 2, before reading
    data = session.data
    target = output_target(output or "-", data.paths)  # refuses a data file, a socket …
    to_terminal = target.kind == "stdout" and session.env.stdout_isatty
    progress = session.progress() if not to_terminal else None  # on a terminal the text itself shows progress
    # counted only for a progress bar or the note on a file: a pipe's first record comes at once
    count = sum(n for n, _ in data.coverage()[0].values()) if progress is not None or target.kind != "stdout" else 0
    if progress is None:
        _write(session, target, fmt)
    else:
        with progress(Message("progress.writing", count=count), total=count) as bar:
            _write(session, target, fmt, bar.advance)
    if target.kind != "stdout":
        note("reporter: " + Message("export.wrote", count=count, file=output).text(session.message_lang))


def _write(session: Session, target: OutputTarget, fmt: str, seen: Callable[[int], object] | None = None) -> None:
    """Every fact's record, streamed to stdout or (atomically) to the target file, pipe or device."""

    view = with_fields([export_view(session.data, session.lang, seen=seen)], fmt, session.fields, session.env)[0]
    if fmt in BINARY:  # a workbook or a database: made whole, then written

        write_bytes(session, render_bytes([view], fmt, session.env, data=session.data), target.name,
                    session.data.paths)
    elif target.kind == "stdout":
        for chunk in with_bom(session, render_chunks([view], fmt, session.env, header=session.header)):
            write_out(chunk)
    else:  # a file is UTF-8 whatever stdout is, unless --encoding says otherwise
        encoding = session.encoding or "utf-8"
        chunks = render_chunks([view], fmt, session.env._replace(encoding=encoding), header=session.header)
        write_output(target, chain(["\ufeff"], chunks) if session.bom else chunks, encoding)
