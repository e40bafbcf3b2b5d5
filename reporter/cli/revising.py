"""Finding a fact in the user's own file to correct or remove (``reporter edit``, ``reporter remove``),
and saying what was done: shared by the two commands."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple, NoReturn

import click

from reporter.cli.output import note
from reporter.cli.session import Session
from reporter.cli.writing import load_layers, refused
from reporter.curate import answers
from reporter.curate.insertion import Refused
from reporter.data.paths import bundled_data_path
from reporter.errors import DataError, ExitCode, ReporterError, UsageProblem
from reporter.messages import Message, Named

if TYPE_CHECKING:
    from reporter.curate.revise import Revised
    from reporter.model.dataset import Dataset
    from reporter.model.periods import Period
    from reporter.model.records import Fact, Metric


class Own(NamedTuple):
    """A fact in the user's own file: the file, the layers read with it, the fact, its metric and words."""

    target: Path
    layers: list[str]
    fact: Fact
    metric: Metric
    what: Named


def own_fact(session: Session, region: str, metric: str, period: str, file: str | None) -> Own:
    """The file to change, the layers read with it, the fact of REGION, METRIC and PERIOD written
    there and its words. The bundled data are read-only; a fact written in another file names that file."""

    layers = list(session.data_paths)
    target = Path(os.path.expanduser(file)) if file else None
    if target is not None and not any(_same(target, p) for p in layers):
        layers.append(str(target))
    data = load_layers(layers, session)
    try:
        where, of = answers.region(data, region), answers.metric(data, metric)
        asked = answers.period_of(period)
    except answers.Wrong as wrong:
        raise UsageProblem(wrong.said) from None
    fact = next((f for f in data.facts_of(where.id, of.id) if f.period == asked), None)
    if fact is None or fact.origin is None:
        periods = ", ".join(f.period.in_words(session.message_lang) for f in data.facts_of(where.id, of.id))
        raise ReporterError(Message("revise.no_fact", what=_named(data, where.id, of.id, asked),
                                    periods=Message("revise.periods", periods=periods) if periods else ""))
    origin = fact.origin
    if _same(Path(origin.path), bundled_data_path()) or (target is not None and _same(target, bundled_data_path())):
        raise ReporterError(Message("revise.bundled", what=_named(data, fact.region, fact.metric, fact.period),
                                    where=f"{origin.path}:{origin.line}"))
    if target is not None and not _same(target, origin.path):
        raise ReporterError(Message("revise.elsewhere", what=_named(data, fact.region, fact.metric, fact.period),
                                    where=f"{origin.path}:{origin.line}", file=str(target)))
    return Own(Path(origin.path), layers, fact, of, _named(data, fact.region, fact.metric, fact.period))


def revised(session: Session, key: str, what: Named, done: Revised) -> None:
    """Say what was corrected or removed, and what check would warn of."""
    note(f"reporter: {Message(key, what=what, file=done.path, line=done.line).text(session.message_lang)}")
    for problem in done.warnings:
        note(Message("warning", text=problem.text(session.message_lang)).text(session.message_lang), always=True)


def not_written(session: Session, exc: Refused | DataError, target: Path) -> NoReturn:
    """End the run on a change that would leave the file refused by check: its problems, exit 1."""
    if isinstance(exc, Refused):
        refused(session, exc)
    lang = session.message_lang
    for problem in exc.problems:
        note(f"reporter: {problem.text(lang)}", always=True)
    note(f"reporter: {Message('add.not_written', file=str(target)).text(lang)}", always=True)
    raise click.exceptions.Exit(ExitCode.ERROR)


def _named(data: Dataset, region: str, metric: str, period: Period) -> Named:
    """A fact in words: Jiangshan's 'rd_investment' for Jan–Sep 2020 / 江山市“规上企业研发投入”2020年1-9月."""
    r, m = data.regions.get(region), data.metrics.get(metric)
    return Named(f"{r.en if r else region}'s '{metric}' for {period.in_words('en')}",
                 f"{r.zh if r else region}“{m.zh if m else metric}”{period.in_words('zh')}")


def _same(a: Path | str, b: Path | str) -> bool:
    return os.path.realpath(a) == os.path.realpath(b)
