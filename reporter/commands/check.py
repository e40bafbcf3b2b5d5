"""``reporter check``: validate data; every problem, and every implausible fact, as file:line:column."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import click

from reporter.cli.options import command, pass_session
from reporter.cli.output import note
from reporter.cli.session import Session
from reporter.data.crosscheck import InvalidData
from reporter.data.load import load_dataset
from reporter.data.paths import data_file_paths
from reporter.data.plausibility import check_quotes
from reporter.data.provenance import source_dirs_beside, unverified_quotes
from reporter.errors import DataError, ExitCode, Problem
from reporter.messages import Message
from reporter.render.views.check import check_document

if TYPE_CHECKING:
    from reporter.data.plausibility import Finding
    from reporter.model.dataset import Dataset


BESIDE_THE_DATA = "\0beside"  # --sources with no DIR: the folders beside the data files


@command()
@click.argument("path", required=False, type=click.Path())
@click.option("--sources", "source_dirs", multiple=True, is_flag=False, flag_value=BESIDE_THE_DATA, metavar="[DIR]",
              help="Every quote must be verbatim in its source's text file, looked for in DIR (repeatable), "
                   "or with no DIR beside each data file, in its sources/ folder and among the bundled sources.")
@click.option("--all", "every", is_flag=True, help="List every warning (else the first few of each kind, and a count).")
@click.option("--format", "-f", "fmt", type=click.Choice(["text", "json"]), default=None,
              help="json: every problem and warning as one JSON document on stdout, for scripts [default: text].")
@click.option("--strict", is_flag=True, help="Warnings (a cumulative figure that falls, a change that disagrees "
                                             "with its figures, a value 100x off its neighbours) are errors too.")
@pass_session
def check(session: Session, path: str | None, source_dirs: tuple[str, ...], every: bool, fmt: str | None,
          strict: bool) -> None:
    """Validate data: the format, and each fact against its own quote; list every problem as file:line:column.

    Without PATH, the data layers in effect (--data …, $REPORTER_DATA, or the bundled file).
    Errors: a quote that states another number, unit, qualifier (多, 近, 约 …), direction or period
    than its fact. Warnings (exit 0 unless --strict): figures that are implausible together.

    \b
    Example:
      reporter check counties/           # exit 0: valid, 1: problems
      reporter -q check --strict         # silent when all is well: for cron
      reporter --data bundled --data mine.yaml check --strict
      reporter check --sources                # the bundled data against their page
      reporter check mine.yaml --sources texts/
      reporter check --all                # every warning, not the first few of each kind
      reporter check --format json | jq '.counts'
    """

    lang = session.message_lang
    shown = _Shown(every, (fmt or session.fmt) == "json", lang)
    layers = (path,) if path else session.data_paths
    target = " + ".join(layers)  # what the summary names
    try:
        data = _load(session, layers, given=bool(path))
    except DataError as exc:
        # every problem of the format, and what the quotes say of the facts that did load
        loaded = exc.loaded if isinstance(exc, InvalidData) else None
        findings = check_quotes(loaded.data, loaded.unsure) if loaded is not None else []
        errors = shown.said(exc.problems, findings, strict, target,
                            unfinished=loaded.data.unfinished if loaded is not None else ())
        note("reporter: " + Message("check.problems", target=target, count=errors).text(lang), always=True)
        raise click.exceptions.Exit(ExitCode.ERROR) from None
    findings = check_quotes(data)
    errors = shown.said([], findings, strict, target, data, data.unfinished)
    if errors:
        note("reporter: " + Message("check.problems", target=target, count=errors).text(lang), always=True)
        raise click.exceptions.Exit(ExitCode.ERROR)
    warned = len(findings) + len(data.unfinished)
    extra = Message("check.warnings", count=warned).text(lang) if warned else ""
    if source_dirs:
        extra = _sources_verified(data, source_dirs, layers, target, lang) + extra
    note("reporter: " + Message("check.ok", target=target, regions=len(data.regions), metrics=len(data.metrics),
                                facts=len(data.facts), highlights=len(data.highlights)).text(lang) + extra)


def _sources_verified(data: Dataset, source_dirs: tuple[str, ...], layers: tuple[str, ...], target: str,
                      lang: str) -> str:
    """Every quote verbatim in its source's text (``--sources``, with no DIR: beside the data files and
    among the bundled sources): what the summary adds, or exit 1."""
    dirs = [Path(d) for d in source_dirs if d != BESIDE_THE_DATA]
    if BESIDE_THE_DATA in source_dirs:
        dirs += source_dirs_beside(data_file_paths(layers))
    try:
        problems, checked, missing = unverified_quotes(data, dirs)
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
    return Message("check.quotes_ok", count=checked).text(lang)


FIRST = 5  # warnings of one kind listed before a count of the rest


class _Shown:
    """How check says what it found: every error; warnings grouped by kind, the first few of each with
    a count of the rest (``--all``: every one); or one JSON document on stdout (``--format json``)."""

    def __init__(self, every: bool, as_json: bool, lang: str) -> None:
        self.every, self.as_json, self.lang = every, as_json, lang

    def said(self, problems: list[Problem], findings: list[Finding], strict: bool, target: str,
             data: object = None, unfinished: tuple[Problem, ...] = ()) -> int:
        """Say the problems, findings and unfinished entries (a warning unless --strict); the number
        of errors."""
        said: list[tuple[Problem, bool, str]] = [(p, True, "format") for p in problems]
        said += [(p, strict, "unfinished") for p in unfinished]
        said += [(f.problem, strict or f.severity == "error", f.key) for f in findings]
        said.sort(key=lambda s: (s[0].path, s[0].line or 0, s[0].column or 0))
        errors = sum(error for _, error, _ in said)
        if self.as_json:

            click.echo(check_document(target, [(p.path, p.line, p.column, p.text(self.lang).removeprefix(
                _where(p) + ": "), error, kind) for p, error, kind in said], data))
            return errors
        for problem, _, _ in (s for s in said if s[1]):
            note(problem.text(self.lang), always=True)
        kinds: dict[str, list[Problem]] = {}
        for problem, error, kind in said:
            if not error:
                kinds.setdefault(kind, []).append(problem)
        for kind, listed in kinds.items():
            many = len(listed) > FIRST and not self.every and kind != "unfinished"  # each names a field to fill
            if many:
                note("reporter: " + Message("check.kind_head", count=len(listed), first=FIRST).text(self.lang))
            for problem in listed[:FIRST] if many else listed:
                note(Message("warning", text=problem.text(self.lang)).text(self.lang))
            if many:
                note("  " + Message("check.kind_more", count=len(listed) - FIRST).text(self.lang))
        return errors


def _where(problem: Problem) -> str:
    return problem._replace(message="").text("en").removesuffix(": ")


def _load(session: Session, layers: tuple[str, ...], given: bool) -> Dataset:
    """The layers' data; a layer in effect that cannot be read names the option or variable that gave it."""

    try:
        return load_dataset(layers)
    except DataError as exc:
        if not given:
            from reporter.cli.layers import name_origins

            name_origins(exc, layers, bool(session.data_options))
        raise
