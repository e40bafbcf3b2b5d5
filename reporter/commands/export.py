"""``reporter export``: every fact as a flat record, the stable contract for other programs."""

from __future__ import annotations

import click

from reporter.cli.options import command, format_option, pass_session
from reporter.cli.output import note, write_out
from reporter.cli.session import Session


@command()
@format_option("json", "csv", "tsv", "yaml")
@click.option("--output", "-o", type=click.Path(dir_okay=False), metavar="FILE",
              help="Write to FILE (atomically: an interrupted write leaves the old file intact), or into "
                   "a named pipe or device; - is stdout. Never over a data file the run read.")
@pass_session
def export(session: Session, fmt: str | None, output: str | None) -> None:
    """Every fact as one flat record (the stable contract, docs/data-format.md).

    \b
    Example:
      reporter export --format csv -o facts.csv
      reporter export | jq '.[] | select(.region == "jiangshan")'
    """
    from reporter.render.views import export_view

    view = export_view(session.data, session.lang)
    fmt = fmt or (session.fmt if session.fmt in ("json", "csv", "tsv") else "json")
    from reporter.files import output_target, write_output
    from reporter.render.formats import render, render_for_stream

    target = output_target(output or "-", session.data.paths)  # refuses a data file, a socket …
    if target.kind == "stdout":
        write_out(render_for_stream([view], fmt, session.env))
    else:
        write_output(target, render([view], fmt, session.env))  # a file is UTF-8 whatever stdout is
        note(f"reporter: wrote {len(view.items)} facts to {output}")


