"""Writing into a user's own data file from the command line: which file, which layers are read
beside it, and what is said after a write (the fact in the reader's words, check's warnings, how to
put the file in effect). Shared by the commands that write: add, extract --append."""

from __future__ import annotations

import os
import sys
from decimal import Decimal
from pathlib import Path
from typing import NoReturn

import click

from reporter.cache import load_stack
from reporter.cli.output import note
from reporter.cli.session import Session
from reporter.curate.append import Added, Refused, add_facts
from reporter.curate.insertion import holds_data
from reporter.data.files import check_own_file
from reporter.data.paths import bundled_data_path, data_file_paths, data_options
from reporter.data.yaml_file import own_file_text
from reporter.errors import DataError, ExitCode, ReporterError, UsageProblem
from reporter.messages import Message, Named
from reporter.model.dataset import Dataset
from reporter.model.period_words import parse_period
from reporter.model.records import Quantity
from reporter.render.figures import quantity, yoy_words


def on_terminal() -> bool:
    try:
        return sys.stdin.isatty() and sys.stdout.isatty()
    except (AttributeError, ValueError):
        return False

def target_file(session: Session, file: str | None) -> Path:
    """The file to write: --file, else the top data layer when it is a file that is not the bundled one."""
    if file:
        return Path(os.path.expanduser(file))

    top = session.data_paths[-1]
    if os.path.isdir(top) or os.path.realpath(top) == os.path.realpath(bundled_data_path()):
        raise UsageProblem(Message("add.no_file"))
    return Path(top)

def data_layers(session: Session, target: Path) -> list[str]:
    """The data in effect, and the target file on top when it exists and is not among them. A
    target named as a --data layer that does not exist yet, or holds no data yet (comments only,
    empty), is the file to start, not a layer to read."""

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

def load_layers(layers: list[str], session: Session, name: bool = True) -> Dataset:
    """The data of ``layers`` (a cache of the first ones read unless ``--no-cache``); with ``name``, a
    layer that cannot be read names the option or variable that gave it."""
    try:
        return load_stack(layers, session.use_cache)
    except DataError as exc:
        if name:
            from reporter.cli.layers import name_origins

            name_origins(exc, [p for p in layers if p in session.data_paths], bool(session.data_options))
        raise

def write_fact(session: Session, target: Path, layers: list[str], fields: dict[str, str | None],
               interactive: bool = False) -> Added | None:
    """Append one fact through append.py and say what happened. Refused: exit 1, or (``interactive``)
    None, so that the questions go on."""

    region = fields.pop("region") or ""
    try:
        added = add_facts(target, region, [fields], layers, session.message_lang, cached=session.use_cache)
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
    named = _named_by(session, layers if os.path.realpath(target) in {os.path.realpath(p) for p in layers}
                      else [*layers, str(target)])
    said = Message("add.added", what=_what(named, fields), region=_region_named(named, region),
                   file=str(target), first=added.first_line, last=added.last_line)
    note(f"reporter: {said.text(session.message_lang)}")
    say_warnings(session, added)
    _say_if_not_in_effect(session, target, region)
    return added

def _named_by(session: Session, layers: list[str]) -> Dataset | None:
    """The data that name what was written: the layers written to (a metric or region defined in the
    file on the way is there), else the data in effect; None when neither loads."""
    for load in (lambda: load_stack(layers, session.use_cache), lambda: session.data):
        try:
            return load()
        except (ReporterError, OSError):
            continue
    return None


def _what(data: Dataset | None, fields: dict[str, str | None]) -> Named:
    """A fact written, as said: ``rd_investment 3.1亿元 (2020-01/09)`` to a reader of English (the
    ids they type), ``“规上企业研发投入”2020年1-9月 3.1亿元`` to a reader of Chinese."""

    ident = fields["metric"] or ""
    written = Quantity(fields["value"] or "", fields["unit"] or "", fields.get("qualifier") or "exact")
    figure_zh = quantity(written, "zh")  # 约3.1亿元; to a reader of English, as typed: approx 3.1亿元
    figure = f"{'' if written.qualifier == 'exact' else written.qualifier + ' '}{written.written}{written.unit}"
    if not written.written and fields.get("yoy_pct"):  # growth-only: the change is the figure
        figure, figure_zh = f"yoy {fields['yoy_pct']}%", yoy_words(Decimal(str(fields["yoy_pct"])), "zh")
    metric = data.metrics.get(ident) if data is not None else None
    period = fields["period"] or ""
    try:
        in_words = parse_period(period).in_words("zh")
    except ReporterError:
        in_words = period
    return Named(f"{ident} {figure} ({period})", f"“{metric.zh if metric else ident}”{in_words} {figure_zh}")

def _region_named(data: Dataset | None, ident: str) -> Named:
    region = data.regions.get(ident) if data is not None else None
    return Named(ident, region.zh if region else ident)

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

    options = data_options([*session.data_paths, str(target)])
    said = Message("add.not_in_effect", file=str(target), options=options, region=region)
    note(f"reporter: {said.text(session.message_lang)}")

def refused(session: Session, exc: Refused) -> NoReturn:
    """End the run on a file append.py will not edit: its reason, in the user's language."""
    note(f"reporter: {exc.text(session.message_lang)}", always=True)
    raise click.exceptions.Exit(ExitCode.ERROR)
