"""``reporter check``: validate data; every problem, and every implausible fact, as file:line:column."""

from __future__ import annotations

from typing import TYPE_CHECKING

import click

from reporter.cli.options import command, pass_session
from reporter.cli.output import note
from reporter.cli.session import Session
from reporter.data.crosscheck import InvalidData
from reporter.errors import DataError, ExitCode, Problem
from reporter.messages import Message

if TYPE_CHECKING:
    from reporter.data.plausibility import Finding
    from reporter.model.dataset import Dataset


@command()
@click.argument("path", required=False, type=click.Path())
@click.option("--sources", "source_dirs", multiple=True, type=click.Path(file_okay=False), metavar="DIR",
              help="Directory holding the sources' text files: every quote must be verbatim in them.")
@click.option("--strict", is_flag=True, help="Warnings (a cumulative figure that falls, a change that disagrees "
                                             "with its figures, a value 100x off its neighbours) are errors too.")
@pass_session
def check(session: Session, path: str | None, source_dirs: tuple[str, ...], strict: bool) -> None:
    """Validate data: the format, and each fact against its own quote; list every problem as file:line:column.

    Without PATH, the data layers in effect (--data …, $REPORTER_DATA, or the bundled file).
    Errors: a quote that states another number, unit, qualifier (多, 近, 约 …), direction or period
    than its fact. Warnings (exit 0 unless --strict): figures that are implausible together.

    \b
    Example:
      reporter check counties/           # exit 0: valid, 1: problems
      reporter -q check --strict         # silent when all is well: for cron
      reporter --data bundled --data mine.yaml check --strict
      reporter check --sources ../shared/source regions.yaml
    """
    from pathlib import Path

    from reporter.data.plausibility import check_quotes
    from reporter.data.provenance import unverified_quotes

    lang = session.message_lang
    layers = (path,) if path else session.data_paths
    target = " + ".join(layers)
    try:
        data = _load(session, layers, given=bool(path))
    except DataError as exc:
        # every problem of the format, and what the quotes say of the facts that did load
        loaded = exc.loaded if isinstance(exc, InvalidData) else None
        findings = check_quotes(loaded.data, loaded.unsure) if loaded is not None else []
        errors = _said(exc.problems, findings, strict, lang)
        note("reporter: " + Message("check.problems", target=target, count=errors).text(lang), always=True)
        raise click.exceptions.Exit(ExitCode.ERROR) from None
    findings = check_quotes(data)
    errors = _said([], findings, strict, lang)
    if errors:
        note("reporter: " + Message("check.problems", target=target, count=errors).text(lang), always=True)
        raise click.exceptions.Exit(ExitCode.ERROR)
    extra = Message("check.warnings", count=len(findings)).text(lang) if findings else ""
    if source_dirs:
        try:
            problems, checked, missing = unverified_quotes(data, [Path(d) for d in source_dirs])
        except DataError as exc:  # a source text that is not UTF-8: one line each, with the encoding's hint
            for problem in exc.problems:
                note(f"reporter: {problem.text(lang)}", always=True)
            raise click.exceptions.Exit(ExitCode.ERROR) from None
        for problem in problems:
            note(problem.text(lang), always=True)
        if missing:
            note("reporter: " + Message("check.no_text", ids=", ".join(missing), count=len(missing)).text(lang),
                 always=True)
        if problems or missing:
            note("reporter: " + Message("check.unverified", target=target, count=len(problems)).text(lang),
                 always=True)
            raise click.exceptions.Exit(ExitCode.ERROR)
        extra = Message("check.quotes_ok", count=checked).text(lang) + extra
    note("reporter: " + Message("check.ok", target=target, regions=len(data.regions), metrics=len(data.metrics),
                                facts=len(data.facts), highlights=len(data.highlights)).text(lang) + extra)


def _load(session: Session, layers: tuple[str, ...], given: bool) -> Dataset:
    """The layers' data; a layer in effect that cannot be read names the option or variable that gave it."""
    from reporter.data.load import load_dataset

    try:
        return load_dataset(layers)
    except DataError as exc:
        if not given:
            from reporter.cli.layers import name_origins

            name_origins(exc, layers, bool(session.data_options))
        raise


def _said(problems: list[Problem], findings: list[Finding], strict: bool, lang: str) -> int:
    """Say the problems and findings in file order (a warning, unless --strict, as a note that --quiet
    silences); the number of errors."""
    said: list[tuple[Problem, bool]] = [(p, True) for p in problems]
    said += [(f.problem, strict or f.severity == "error") for f in findings]
    said.sort(key=lambda s: (s[0].path, s[0].line or 0, s[0].column or 0))
    for problem, error in said:
        if error:
            note(problem.text(lang), always=True)
        else:
            note(Message("warning", text=problem.text(lang)).text(lang))
    return sum(error for _, error in said)
