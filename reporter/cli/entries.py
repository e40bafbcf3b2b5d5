"""What a new entry of the catalogue (a metric, a source) is asked and checked for, and how it is
written and said: shared by the flags of ``add`` (:mod:`reporter.cli.defining`) and its questions
(:mod:`reporter.cli.dialog`), below both."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from reporter.cli.output import note
from reporter.cli.session import Session
from reporter.cli.writing import refused
from reporter.curate import answers
from reporter.curate.append import Added, Refused
from reporter.curate.skeletons import add_metric, add_source
from reporter.messages import Message, Named

if TYPE_CHECKING:
    from reporter.model.dataset import Dataset

METRIC_FIELDS = ("zh", "en", "unit", "theme", "kind", "polarity")
SOURCE_FIELDS = ("publication", "title", "date")
METRIC_REQUIRED = ("zh", "unit", "theme", "kind")


Check = Callable[[str], Any]


def metric_checks(data: Dataset, given: Mapping[str, str]) -> dict[str, Check]:
    """How each field of a new metric is checked (the same for a flag and an answer)."""
    return {"zh": lambda a: answers.label(a, Message("field.metric.zh")),
            "en": lambda a: " ".join(a.split()),
            "unit": answers.new_unit,
            "theme": lambda a: answers.theme(data, a),
            "kind": answers.kind,
            "polarity": lambda a: answers.polarity(a, given.get("kind", ""))}


def source_checks() -> dict[str, Check]:
    return {name: label_of("source", name) for name in SOURCE_FIELDS}


def label_of(part: str, name: str) -> Check:
    return lambda answer: answers.label(answer, Message(f"field.{part}.{name}"))


def write_metric(session: Session, target: Path, layers: list[str], ident: str, given: Mapping[str, str],
                 interactive: bool = False) -> Added | None:
    """Write the metric and say so; refused: exit 1, or (``interactive``) None, the questions going on."""
    added = _written(session, interactive, lambda: add_metric(target, ident, layers, given, session.message_lang,
                                                                      cached=session.use_cache))
    if added is None:
        return None
    what = Named(f"{ident} ({given.get('en') or given['zh']})", f"“{given['zh']}”（{ident}）")
    said = Message("add.metric_written", what=what, file=str(target), first=added.first_line, last=added.last_line)
    note(f"reporter: {said.text(session.message_lang)}", always=interactive)
    return added


def write_source(session: Session, target: Path, layers: list[str], ident: str, given: Mapping[str, str],
                 interactive: bool = False) -> Added | None:
    """Write the source (its fields given, the rest TODO) and say so; refused as :func:`write_metric`."""
    added = _written(session, interactive, lambda: add_source(target, ident, layers, given, session.message_lang,
                                                                      cached=session.use_cache))
    if added is None:
        return None
    todo = len(SOURCE_FIELDS) - len([f for f in SOURCE_FIELDS if given.get(f)])
    what = Named(f"'{ident}'", f"“{ident}”")
    key = "add.source_skeleton" if todo else "add.source_written"
    said = Message(key, id=ident, what=what, file=str(target), first=added.first_line, last=added.last_line,
                   count=todo)
    note(f"reporter: {said.text(session.message_lang)}", always=interactive)
    return added


def _written(session: Session, interactive: bool, write: Callable[[], Added]) -> Added | None:
    """``write()``'s entry; a refusal ends the run (exit 1), or in the dialog is said and gives None."""
    try:
        return write()
    except Refused as exc:
        if not interactive:
            refused(session, exc)
        note(f"  {exc.text(session.message_lang)}", always=True)
        return None
