"""Defining what a fact needs and the data lack: a new metric of the catalogue, a new source, a new
county; by flags (``add --new-metric ID --zh … --unit … --theme … --kind …``, ``--new-source ID
--publication … --title … --date …``, ``--new-region ID``) or, on a terminal, by questions for what
the flags left out. Written through :mod:`reporter.curate.append` like a fact, checked the same way.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from reporter.cli.dialog import Dialog
from reporter.cli.entries import (
    METRIC_FIELDS,
    METRIC_REQUIRED,
    SOURCE_FIELDS,
    Check,
    metric_checks,
    source_checks,
    write_metric,
    write_source,
)
from reporter.cli.output import note
from reporter.cli.session import Session
from reporter.cli.writing import load_layers, on_terminal, refused
from reporter.curate import answers
from reporter.curate.append import Refused
from reporter.curate.skeletons import add_region
from reporter.data.yaml_file import own_file_text
from reporter.errors import UsageProblem
from reporter.messages import Message

__all__ = ["METRIC_FIELDS", "SOURCE_FIELDS", "new_metric", "new_region", "new_source", "stopped"]

def checked(checks: Mapping[str, Check], given: Mapping[str, str | None]) -> dict[str, str]:
    """The flags given, each checked as its answer would be: a wrong one is a usage error (exit 2)."""
    out: dict[str, str] = {}
    for name, value in given.items():
        if value is None:
            continue
        try:
            out[name] = checks[name](value)
        except answers.Wrong as wrong:
            raise UsageProblem(wrong.said) from None
    return out


def new_metric(session: Session, target: Path, layers: list[str], ident: str,
               flags: Mapping[str, str | None]) -> None:
    """``add --new-metric ID``: the flags given, the rest asked on a terminal (else a usage error)."""
    data = load_layers(layers, session, name=False)
    try:
        ident = answers.ident(ident, "metric")  # one the data hold is refused where it is written, saying where
    except answers.Wrong as wrong:
        raise UsageProblem(wrong.said) from None
    given = checked(metric_checks(data, {k: v or "" for k, v in flags.items()}), flags)
    missing = [name for name in METRIC_REQUIRED if name not in given]
    if missing and not on_terminal():
        raise UsageProblem(Message("add.new_metric_needs", options=", ".join(f"--{m}" for m in missing)))
    if missing:

        try:
            Dialog(session, target, layers, data).define_metric(ident, given)
        except EOFError:
            stopped(session, target)
        return
    write_metric(session, target, layers, ident, given)


def new_source(session: Session, target: Path, layers: list[str], ident: str,
               flags: Mapping[str, str | None]) -> None:
    """``add --new-source ID``: its publication, title and date from the flags, the rest asked on a
    terminal; elsewhere what is missing is marked TODO (check warns of it until it is filled)."""
    data = load_layers(layers, session, name=False)
    try:
        ident = answers.ident(ident, "source")
    except answers.Wrong as wrong:
        raise UsageProblem(wrong.said) from None
    given = checked(source_checks(), flags)
    if len(given) < len(SOURCE_FIELDS) and on_terminal():

        try:
            Dialog(session, target, layers, data).define_source(ident, given)
        except EOFError:
            stopped(session, target)
        return
    write_source(session, target, layers, ident, given)


def new_region(session: Session, target: Path, layers: list[str], ident: str, source: str | None,
               source_flags: Mapping[str, str | None]) -> None:
    """``add --new-region ID``: asked field by field on a terminal (with its source, new or known),
    else every field marked TODO (check warns of them until they are filled)."""
    try:
        ident = answers.ident(ident, "region")
        if source is not None:
            source = answers.ident(source, "source")
    except answers.Wrong as wrong:
        raise UsageProblem(wrong.said) from None
    given: dict[str, str] = {}
    new_source_fields = checked(source_checks(), source_flags)
    if on_terminal():

        try:
            given, source, new_source_fields = Dialog(session, target, layers, load_layers(layers, session, name=False)).region_fields(
                ident, source, new_source_fields)
        except EOFError:  # Ctrl-D: the user stopped before the end
            stopped(session, target)
            return
    try:
        added = add_region(target, ident, layers, given, source, new_source_fields, session.message_lang,
                           cached=session.use_cache)
    except Refused as exc:
        refused(session, exc)
    text = own_file_text(target).split("\n")[added.first_line - 1:added.last_line]
    todo = sum('""  # TODO' in line for line in text)
    key = "add.skeleton" if todo else "add.region_written"
    said = Message(key, id=ident, file=str(target), first=added.first_line, last=added.last_line, count=todo)
    note(f"reporter: {said.text(session.message_lang)}")


def stopped(session: Session, target: Path) -> None:
    """Ctrl-D in the questions: nothing more is written."""
    note("", always=True)
    note(f"reporter: {Message('add.not_written', file=str(target)).text(session.message_lang)}", always=True)
