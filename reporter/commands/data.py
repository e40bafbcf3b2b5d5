"""Commands on data files: check (validate) and export (the flat contract)."""

from __future__ import annotations

import click

from reporter.cli.options import command, format_option, pass_session
from reporter.cli.output import note, write_out
from reporter.cli.session import Session
from reporter.errors import DataError, ExitCode


@command()
@click.argument("path", required=False, type=click.Path())
@click.option("--sources", "source_dirs", multiple=True, type=click.Path(file_okay=False), metavar="DIR",
              help="Directory holding the sources' text files: every quote must be verbatim in them.")
@pass_session
def check(session: Session, path: str | None, source_dirs: tuple[str, ...]) -> None:
    """Validate a data file or directory; list every problem as file:line:column.

    \b
    Example:
      reporter check counties/           # exit 0: valid, 1: problems
      reporter check --sources ../shared/source regions.yaml
    """
    from pathlib import Path

    from reporter.load import load_dataset
    from reporter.provenance import unverified_quotes

    layers = (path,) if path else session.data_paths
    target = " + ".join(layers)
    try:
        data = load_dataset(layers)
    except DataError as exc:
        for problem in exc.problems:
            note(problem.text(session.message_lang))
        note(f"reporter: {target}: {len(exc.problems)} problem{'s' if len(exc.problems) != 1 else ''}")
        raise click.exceptions.Exit(ExitCode.ERROR) from None
    summary = (f"{len(data.regions)} regions, {len(data.metrics)} metrics, {len(data.facts)} facts, "
               f"{len(data.highlights)} highlights")
    if source_dirs:
        try:
            problems, checked, missing = unverified_quotes(data, [Path(d) for d in source_dirs])
        except DataError as exc:  # a source text that is not UTF-8: one line each, with the encoding's hint
            for problem in exc.problems:
                note(f"reporter: {problem}")
            raise click.exceptions.Exit(ExitCode.ERROR) from None
        for problem in problems:
            note(str(problem))
        if missing:
            note(f"reporter: text not found for source{'s' if len(missing) > 1 else ''} {', '.join(missing)}")
        if problems or missing:
            note(f"reporter: {target}: {len(problems)} unverified quote(s)")
            raise click.exceptions.Exit(ExitCode.ERROR)
        summary += f"; {checked} quotes verbatim in their sources"
    note(f"reporter: {target}: ok, {summary}")


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


