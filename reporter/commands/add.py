"""``reporter add``: add a fact (or a new county) to your own data file, safely.

Three ways in, one way to write (:mod:`reporter.curate.append`): on a terminal with no arguments it asks
for each answer, checked as it is typed (:mod:`reporter.curate.answers`), like ``hledger add``; a script
gives them as arguments; ``--new-region ID`` writes the skeleton of a new county. ``--new-region``
is a flag of ``add`` rather than a command of its own: both write into the same file of yours,
with the same default ``--file``, the same checks and the same refusal to touch what is there.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

import click

from reporter.cli.completion import complete_metrics, complete_regions
from reporter.cli.options import command, pass_session
from reporter.cli.output import note
from reporter.cli.session import Session
from reporter.curate.append import Refused, add_facts, add_region, add_source
from reporter.errors import DataError, ExitCode, ReporterError, UsageProblem
from reporter.messages import Message, Named

if TYPE_CHECKING:
    from reporter.curate.append import Added
    from reporter.model.dataset import Dataset
    from reporter.model.records import Region


@command()
@click.argument("region", required=False, shell_complete=complete_regions)
@click.argument("metric", required=False, shell_complete=complete_metrics)
@click.argument("value", required=False)
@click.option("--unit", "-u", metavar="U", help="Unit as printed, e.g. 亿元 [default: the metric's unit].")
@click.option("--period", "-p", metavar="P", help="e.g. 2020-01/09, 2020年1-9月, 2020-H1, asof/2020-H1.")
@click.option("--qualifier", metavar="Q", help="exact, more_than (多), approx (约), nearly (近), at_least "
                                               "(不少于) or target (目标) [default: exact].")
@click.option("--yoy", metavar="PCT", help="Year-over-year change in % as the source reports it (下降: negative); "
                                           "for a rank, the places gained (+) or lost (-).")
@click.option("--quote", metavar="TEXT", help="The sentence the number comes from, verbatim.")
@click.option("--source", "-s", metavar="ID", help="Source id of the quote [default: the source: of the region's "
                                                   "entry in FILE; required when it has none].")
@click.option("--file", "file", metavar="FILE", type=click.Path(dir_okay=False),
              help="Your data file (created if new) [default: the last --data layer, if it is a file of yours].")
@click.option("--new-region", metavar="ID", help="Write the skeleton of a new county with this id instead "
                                                 "(with --source NEW, of its new source too).")
@click.option("--new-source", metavar="ID", help="Write the skeleton of a new source (publication, title, date) "
                                                 "with this id instead.")
@pass_session
def add(session: Session, region: str | None, metric: str | None, value: str | None, unit: str | None,
        period: str | None, qualifier: str | None, yoy: str | None, quote: str | None, source: str | None,
        file: str | None, new_region: str | None, new_source: str | None) -> None:
    """Add a fact, or a new county, to your own data file without touching what is there.

    On a terminal with no REGION it asks for each answer and checks it as you type. Nothing is
    written that 'reporter check' would reject, and what it would warn of (a unit slip beside
    another period) is said at once; comments and layout stay as they are.

    \b
    Example:
      reporter --data bundled --data mine.yaml add          # asks, on a terminal
      reporter add 江山 研发投入 3.1 --unit 亿元 --period 2020年1-9月 --source jiangshan-q3 \\
          --quote "1-9月全市规上企业研发投入3.1亿元" --file mine.yaml
      reporter add --new-region xinxian --file mine.yaml
      reporter add --new-source jiangshan-2021 --file mine.yaml
    """
    if new_region is not None and new_source is not None:
        raise UsageProblem(Message("add.new_one"))
    creating = new_region if new_region is not None else new_source
    if creating is not None and (region or metric or value):
        raise UsageProblem(Message("add.new_alone", option="--new-region" if new_region is not None else "--new-source"))
    asking = creating is None and region is None and _on_terminal()
    if creating is None and not asking and not (region and metric and value and period and quote):
        raise UsageProblem(Message("add.usage"))
    target = _target(session, file)
    layers = data_layers(session, target)
    if new_region is not None:
        _new_region(session, target, layers, new_region, source)
        return
    if new_source is not None:
        _new_source(session, target, layers, new_source)
        return
    if asking:
        from reporter.commands.add_dialog import Dialog

        Dialog(session, target, layers, _data(layers)).run()
        return
    data = _data(layers)
    assert region and metric and value and period and quote  # checked above
    fields = _script_fact(data, target, region, metric, value, unit, period, qualifier, yoy, quote, source)
    write_fact(session, target, layers, fields)


def _on_terminal() -> bool:
    try:
        return sys.stdin.isatty() and sys.stdout.isatty()
    except (AttributeError, ValueError):
        return False


def _target(session: Session, file: str | None) -> Path:
    """The file to write: --file, else the top data layer when it is a file that is not the bundled one."""
    if file:
        return Path(os.path.expanduser(file))
    from reporter.data.paths import bundled_data_path

    top = session.data_paths[-1]
    if os.path.isdir(top) or os.path.realpath(top) == os.path.realpath(bundled_data_path()):
        raise UsageProblem(Message("add.no_file"))
    return Path(top)


def data_layers(session: Session, target: Path) -> list[str]:
    """The data in effect, and the target file on top when it exists and is not among them. A
    target named as a --data layer that does not exist yet, or holds no data yet (comments only,
    empty), is the file to start, not a layer to read."""
    from reporter.curate.insertion import holds_data
    from reporter.data.files import check_own_file, own_file_text
    from reporter.data.paths import data_file_paths

    check_own_file(str(target))  # a FIFO, device, /dev/stdout, read-only or hard-linked file: refused before any work
    real_target = os.path.realpath(target)
    layers = list(session.data_paths)
    try:
        started = target.is_file() and holds_data(own_file_text(target), str(target))
    except (OSError, UnicodeDecodeError, ReporterError):
        started = True  # read as a layer: its own error is said
    if not started:
        session.layers_read = [p for p in layers if os.path.realpath(p) != real_target]
        return session.layers_read
    try:
        files = data_file_paths(layers)
    except OSError:
        files = layers
    real = {os.path.realpath(f) for f in files}
    if target.exists() and os.path.realpath(target) not in real:
        layers.append(str(target))
    session.layers_read = layers  # what a 'run check' hint names
    return layers


def _data(layers: list[str]) -> Dataset:
    from reporter.data.load import load_dataset

    return load_dataset(layers)


def _script_fact(data: Dataset, target: Path, region: str, metric: str, value: str, unit: str | None,
                 period: str, qualifier: str | None, yoy: str | None, quote: str,
                 source: str | None) -> dict[str, str | None]:
    """The fact of the script form, each argument checked as the prompts check an answer; without
    --source, the region's entry in the file must name the source its facts are quoted from."""
    from reporter.curate import answers

    try:
        where = answers.region(data, region)
        of = answers.metric(data, metric)
        fields = answers.fact_fields(where, of, answers.value(value), answers.unit(of, unit or ""),
                                     answers.period(data, where, of, period), answers.qualifier(qualifier or ""),
                                     answers.change(of, yoy or ""), answers.quote(quote),
                                     answers.source(data, source or "", str(target)))
    except answers.Wrong as wrong:
        raise UsageProblem(wrong.said) from None
    if fields["source"] is None and own_default_source(target, where.id) is None:
        raise UsageProblem(source_needed(target, where))
    fields["region"] = where.id
    return fields


def own_default_source(target: Path, region: str) -> str | None:
    """The source the facts added to ``region`` in ``target`` take without one of their own: the
    ``source:`` of the region's entry in that file (an addition's, or the definition's when the
    file defines the region). None when there is none there: they would take the default of the
    region's definition elsewhere, the source of quotes other than the new one."""
    from reporter.curate.insertion import entry_source
    from reporter.data.files import own_file_text

    try:
        text = own_file_text(target)
    except (OSError, UnicodeDecodeError, ReporterError):  # one that cannot be read is refused when written
        return None
    try:
        return entry_source(text, str(target), region)
    except Refused:  # a file add cannot edit: refused, with its reason, when written
        return None


def source_needed(target: Path, region: Region) -> Message:
    """Why a fact for ``region`` added to ``target`` needs --source: whose source it would take."""
    from reporter.curate.insertion import entry_source

    origin = region.origin
    default = None
    if origin is not None:
        from reporter.data.yaml_file import read_text  # the loader's bounded reader

        try:
            text = read_text(origin.path)[0]
            default = entry_source(text, origin.path, region.id) if text is not None else None
        except Refused:
            default = None
    if default is None or origin is None:
        return Message("add.no_default_source", region=region.id, file=str(target))
    return Message("add.needs_source", region=region.id, file=str(target), source=default,
                   where=f"{origin.path}:{origin.line}")


def write_fact(session: Session, target: Path, layers: list[str], fields: dict[str, str | None],
               interactive: bool = False) -> Added | None:
    """Append one fact through append.py and say what happened. Refused: exit 1, or (``interactive``)
    None, so that the questions go on."""

    region = fields.pop("region") or ""
    try:
        added = add_facts(target, region, [fields], layers)
    except Refused as exc:
        refused(session, exc)
    except DataError as exc:
        lang = session.message_lang
        for problem in exc.problems:
            note(f"reporter: {problem.text(lang)}", always=True)
        note(f"reporter: {Message('add.not_written', file=str(target)).text(lang)}", always=True)
        if not interactive:
            raise click.exceptions.Exit(ExitCode.ERROR) from None
        return None
    said = Message("add.added", what=_what(session, fields), region=_region_named(session, region),
                   file=str(target), first=added.first_line, last=added.last_line)
    note(f"reporter: {said.text(session.message_lang)}")
    say_warnings(session, added)
    _say_if_not_in_effect(session, target, region)
    return added


def _what(session: Session, fields: dict[str, str | None]) -> Named:
    """A fact written, as said: ``rd_investment 3.1亿元 (2020-01/09)`` to a reader of English (the
    ids they type), ``“规上企业研发投入”2020年1-9月 3.1亿元`` to a reader of Chinese."""
    from reporter.model.periods import parse_period
    from reporter.model.records import Quantity
    from reporter.render.numbers import quantity

    ident = fields["metric"] or ""
    written = Quantity(fields["value"] or "", fields["unit"] or "", fields.get("qualifier") or "exact")
    figure_zh = quantity(written, "zh")  # 约3.1亿元; to a reader of English, as typed: approx 3.1亿元
    figure = f"{'' if written.qualifier == 'exact' else written.qualifier + ' '}{written.written}{written.unit}"
    metric = _catalogue(session, "metrics").get(ident)
    period = fields["period"] or ""
    try:
        in_words = parse_period(period).in_words("zh")
    except ReporterError:
        in_words = period
    return Named(f"{ident} {figure} ({period})", f"“{metric.zh if metric else ident}”{in_words} {figure_zh}")


def _region_named(session: Session, ident: str) -> Named:
    region = _catalogue(session, "regions").get(ident)
    return Named(ident, region.zh if region else ident)


def _catalogue(session: Session, name: str) -> dict[str, Any]:
    """The session data's metrics or regions, or none when those data do not load (the file just
    written may not, yet): the ids are said then."""
    try:
        return dict(getattr(session.data, name))
    except ReporterError:
        return {}


def say_warnings(session: Session, added: Added) -> None:
    """What check will warn of in the lines just written (always said: --quiet silences notes, not
    doubts about the data)."""
    for problem in added.warnings:
        note(Message("warning", text=problem.text(session.message_lang)).text(session.message_lang),
             always=True)


def _say_if_not_in_effect(session: Session, target: Path, region: str) -> None:
    """A file outside the data in effect is not read by other commands: say how to make it so."""
    real = os.path.realpath(target)
    if any(os.path.realpath(p) == real for p in session.data_paths):
        return
    from reporter.data.paths import data_options

    options = data_options([*session.data_paths, str(target)])
    said = Message("add.not_in_effect", file=str(target), options=options, region=region)
    note(f"reporter: {said.text(session.message_lang)}")


def refused(session: Session, exc: Refused) -> NoReturn:
    """End the run on a file append.py will not edit: its reason, in the user's language."""
    note(f"reporter: {exc.text(session.message_lang)}", always=True)
    raise click.exceptions.Exit(ExitCode.ERROR)


def _new_source(session: Session, target: Path, layers: list[str], ident: str) -> None:
    """The skeleton of a new source, its publication, title and date marked TODO."""
    from reporter.curate import answers


    try:
        ident = answers.ident(ident, "source")
    except answers.Wrong as wrong:
        raise UsageProblem(wrong.said) from None
    try:
        added = add_source(target, ident, layers)
    except Refused as exc:
        refused(session, exc)
    said = Message("add.source_skeleton", id=ident, file=str(target), first=added.first_line, last=added.last_line)
    note(f"reporter: {said.text(session.message_lang)}")


def _new_region(session: Session, target: Path, layers: list[str], ident: str, source: str | None) -> None:
    """The skeleton of a new county: asked for on a terminal, else every field marked TODO."""
    from reporter.curate import answers

    try:
        ident = answers.ident(ident, "region")
        if source is not None:
            source = answers.ident(source, "source")
    except answers.Wrong as wrong:
        raise UsageProblem(wrong.said) from None
    given: dict[str, str] = {}
    if _on_terminal():
        from reporter.commands.add_dialog import Dialog

        try:
            given, source = Dialog(session, target, layers, _data(layers)).region_fields(ident, source)
        except EOFError:  # Ctrl-D: the user stopped before the end
            note("", always=True)
            note(f"reporter: {Message('add.not_written', file=str(target)).text(session.message_lang)}", always=True)
            return
    try:
        added = add_region(target, ident, layers, given, source)
    except Refused as exc:
        refused(session, exc)
    from reporter.data.files import own_file_text

    text = own_file_text(target).split("\n")[added.first_line - 1:added.last_line]
    todo = sum('""  # TODO' in line for line in text)
    key = "add.skeleton" if todo else "add.region_written"
    said = Message(key, id=ident, file=str(target), first=added.first_line, last=added.last_line, count=todo)
    note(f"reporter: {said.text(session.message_lang)}")
