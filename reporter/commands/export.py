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
    from contextlib import nullcontext

    from reporter.files import output_target, write_output
    from reporter.render.formats import render_chunks
    from reporter.render.views import export_view

    data = session.data
    view = export_view(data, session.lang)
    fmt = fmt or (session.fmt if session.fmt in ("json", "csv", "tsv") else "json")
    target = output_target(output or "-", data.paths)  # refuses a data file, a socket …
    count = sum(n for n, _ in data.coverage()[0].values())
    env = session.env
    to_terminal = target.kind == "stdout" and env.stdout_isatty
    progress = session.progress() if not to_terminal else None  # the text itself shows progress there
    with (progress or (lambda label: nullcontext()))(f"writing {count:,} facts"):
        if target.kind == "stdout":
            for chunk in render_chunks([view], fmt, env):
                write_out(chunk)
        else:  # a file is UTF-8 whatever stdout is
            write_output(target, render_chunks([view], fmt, env._replace(encoding="utf-8")))
    if target.kind != "stdout":
        note(f"reporter: wrote {count} facts to {output}")


