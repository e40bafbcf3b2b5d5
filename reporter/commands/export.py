"""``reporter export``: every fact as a flat record, the stable contract for other programs."""

from __future__ import annotations

from collections.abc import Callable
from itertools import chain
from typing import TYPE_CHECKING

import click

from reporter.cli.options import command, format_option, pass_session
from reporter.cli.output import chosen_format, note, with_bom, write_out
from reporter.cli.session import Session

if TYPE_CHECKING:
    from reporter.data.files import OutputTarget


@command()
@format_option("json", "csv", "tsv", "yaml")  # its default, json, said in the help table
@click.option("--output", "-o", type=click.Path(dir_okay=False), metavar="FILE",
              help="Write to FILE (atomically: an interrupted write leaves the old file intact), or into "
                   "a named pipe or device; - is stdout. Never over a data file the run read.")
@pass_session
def export(session: Session, fmt: str | None, output: str | None) -> None:
    """Every fact as one flat record (the stable contract, docs/data-format.md).

    \b
    Example:
      reporter export --format csv --bom -o facts.csv      for Excel
      reporter export | jq '.[] | select(.region == "jiangshan")'
    """
    from reporter.data.files import output_target
    from reporter.messages import Message

    data = session.data
    fmt = chosen_format(session, fmt, default="json")
    target = output_target(output or "-", data.paths)  # refuses a data file, a socket …
    count = sum(n for n, _ in data.coverage()[0].values())
    to_terminal = target.kind == "stdout" and session.env.stdout_isatty
    progress = session.progress() if not to_terminal else None  # on a terminal the text itself shows progress
    if progress is None:
        _write(session, target, fmt)
    else:
        with progress(Message("progress.writing", count=count), total=count) as bar:
            _write(session, target, fmt, bar.advance)
    if target.kind != "stdout":
        note("reporter: " + Message("export.wrote", count=count, file=output).text(session.message_lang))


def _write(session: Session, target: OutputTarget, fmt: str, seen: Callable[[int], object] | None = None) -> None:
    """Every fact's record, streamed to stdout or (atomically) to the target file, pipe or device."""
    from reporter.data.files import write_output
    from reporter.render.formats import render_chunks
    from reporter.render.views import export_view

    view = export_view(session.data, session.lang, seen=seen)
    if target.kind == "stdout":
        for chunk in with_bom(session, render_chunks([view], fmt, session.env, header=session.header)):
            write_out(chunk)
    else:  # a file is UTF-8 whatever stdout is, unless --encoding says otherwise
        encoding = session.encoding or "utf-8"
        chunks = render_chunks([view], fmt, session.env._replace(encoding=encoding), header=session.header)
        write_output(target, chain(["\ufeff"], chunks) if session.bom else chunks, encoding)
