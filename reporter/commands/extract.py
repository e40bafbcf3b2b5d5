"""``reporter extract``: draft the facts of a new article, and add the accepted ones on request."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

import click

from reporter.cli.completion import complete_regions
from reporter.cli.options import command, pass_session
from reporter.cli.output import note, print_text
from reporter.cli.session import Session
from reporter.errors import DataError, ExitCode, LookupFailed, UsageProblem
from reporter.messages import Message

if TYPE_CHECKING:
    from reporter.dataset import Dataset
    from reporter.extract import Draft


@command()
@click.argument("file", type=click.Path(dir_okay=False))
@click.option("--region", "-r", "region", required=True, metavar="REGION", shell_complete=complete_regions,
              help="The region the text is about: a known one by any name, or the id of a new one.")
@click.option("--as-of", metavar="YYYY-MM", help="The month the text was published: 今年, 上半年, 1-9月, 截至目前 "
                                                 "are read against it.")
@click.option("--source", "-s", metavar="ID", help="Source id of the text (a new one is drafted in the YAML).")
@click.option("--format", "-f", "fmt", type=click.Choice(["yaml", "json"]), default=None,
              help="yaml: our data format, to check and complete [default]; json: records for programs.")
@click.option("--append", "append_to", metavar="FILE", type=click.Path(dir_okay=False),
              help="Add the drafts that have a metric and a period to FILE (your data file) instead of printing "
                   "them; the others are listed with the reason.")
@pass_session
def extract(session: Session, file: str, region: str, as_of: str | None, source: str | None, fmt: str | None,
            append_to: str | None) -> None:
    """Draft the facts of a text (a bureau report, a newspaper page) for your data file.

    Prints the drafts as YAML in the data format (every guess left open marked TODO, which check
    refuses until filled) or as JSON; nothing is written unless --append FILE says so.

    \b
    Example:
      reporter extract report.txt --region 江山 --as-of 2020-10 --source jiangshan-q3 > drafts.yaml
      reporter --data bundled --data drafts.yaml check
      reporter extract report.txt --region 江山 --as-of 2020-10 --source jiangshan-q3 --append mine.yaml
    """
    from reporter.commands.add import layer_options
    from reporter.extract import drafts_as_json, drafts_as_yaml, read_source_text, unresolved_periods
    from reporter.extract import extract as read_drafts

    data = session.data
    region_id, exists = _region(session, data, region)
    drafts = read_drafts(read_source_text(file), region_id, data.metrics, as_of, source)
    named = sum(d.metric is not None for d in drafts)
    note(f"reporter: {_say(session, 'extract.drafted', count=len(drafts), file=file, named=named)}")
    if as_of is None:
        open_ = unresolved_periods(drafts)
        if open_:
            note(f"reporter: {_say(session, 'extract.open_periods', count=len(open_))}")
            for line in open_:
                note(f"  {line}")
    if append_to is not None:
        _append(session, data, append_to, region_id, exists, source, drafts)
        return
    if (fmt or (session.fmt if session.fmt in ("yaml", "json") else "yaml")) == "json":
        print_text(session, drafts_as_json(drafts))
    else:
        print_text(session, drafts_as_yaml(drafts, region_id, source, region_exists=exists,
                                           source_exists=source in data.sources, text_name=os.path.basename(file),
                                           as_of=as_of, metrics=data.metrics,
                                           layers=layer_options(list(session.data_paths))))
    if not drafts:  # the note above said so: a text without figures is an empty answer
        raise click.exceptions.Exit(ExitCode.NOTHING)


def _say(session: Session, key: str, **values: object) -> str:
    return Message(key, **values).text(session.message_lang)


def _region(session: Session, data: Dataset, name: str) -> tuple[str, bool]:
    """The region's id and whether the data define it; a new region must be named by a new id."""
    try:
        return session.region(name).id, True
    except LookupFailed as exc:
        from reporter.nodes import ID

        folded = name.casefold()
        ambiguous = any(n.casefold().startswith(folded) for r in data.regions.values() for n in r.names)
        if ID.fullmatch(name) and not ambiguous:
            return name, False
        raise LookupFailed(Message("joined", first=exc.message, second=Message("extract.new_region_id"))) from None


def _append(session: Session, data: Dataset, target: str, region: str, exists: bool, source: str | None,
            drafts: list[Draft]) -> None:
    """Add the drafts a fact can be made of (a metric, a period, not there already, agreeing with their
    quotes) to ``target``; say which were left out, and why."""
    from pathlib import Path

    from reporter import answers
    from reporter.append import Refused, add_facts
    from reporter.commands.add import data_layers, refused

    if not exists:
        raise UsageProblem(_say(session, "extract.append_new_region", id=region, file=target))
    if source is None or source not in data.sources:
        raise UsageProblem(_say(session, "extract.append_source", file=target))
    chosen: list[dict[str, str | None]] = []
    seen = {(f.metric, f.period.canonical) for f in data.facts_of(region)}
    for d in drafts:
        why = _left_out(session, d, seen)
        fields = {"metric": d.metric, "value": d.value, "unit": d.unit, "period": d.period,
                  "qualifier": None if d.qualifier == "exact" else d.qualifier, "yoy_pct": d.yoy_pct,
                  "rank_change": None if d.rank_change is None else str(d.rank_change), "source": source,
                  "quote": " ".join(d.quote.split())}
        wrong = [] if why else answers.plausible(region, fields)
        if why or wrong:
            note(f"  {_say(session, 'extract.skipped', line=d.line, written=d.written, why=why or wrong[0])}")
            continue
        seen.add((str(d.metric), str(d.period)))
        chosen.append(fields)
    if not chosen:
        note(f"reporter: {_say(session, 'extract.none_to_add', file=target)}", always=True)
        raise click.exceptions.Exit(ExitCode.ERROR)
    path = Path(os.path.expanduser(target))
    try:
        added = add_facts(path, region, chosen, data_layers(session, path))
    except Refused as exc:
        refused(session, exc)
    except DataError as exc:
        for problem in exc.problems:
            note(f"reporter: {problem.text(session.message_lang)}", always=True)
        note(f"reporter: {_say(session, 'add.not_written', file=target)}", always=True)
        raise click.exceptions.Exit(ExitCode.ERROR) from None
    said = _say(session, "extract.appended", count=len(chosen), skipped=len(drafts) - len(chosen), region=region,
                file=target, first=added.first_line, last=added.last_line)
    note(f"reporter: {said}")


def _left_out(session: Session, d: Draft, seen: set[tuple[str, str]]) -> str:
    """Why a draft cannot be added as it is ('' when it can)."""
    if d.metric is None:
        return _say(session, "extract.no_metric", label=d.label or "?", unit=d.unit)
    if d.period is None:
        return _say(session, "extract.no_period", word=d.period_word or "?")
    if (d.metric, d.period) in seen:
        return _say(session, "extract.already", metric=d.metric, period=d.period)
    return ""
