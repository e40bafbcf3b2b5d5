"""The questions ``reporter add`` asks on a terminal, one answer at a time, like ``hledger add``.

Each answer is checked as it is typed (:mod:`reporter.curate.answers`) and asked again with the reason
when it cannot be used; Enter takes the ``[default]``, ``<`` goes back one question, Tab
completes names from the catalogue (Python's readline), Ctrl-D ends (the fact being asked is
dropped) and Ctrl-C interrupts: either way nothing is written but what was already confirmed.
What a fact needs and the data lack (a metric not in the catalogue, a source not declared) is
defined on the way, its fields asked in turn; the fact's answers wait meanwhile
(:mod:`reporter.cli.fact_questions`, whose :func:`~reporter.cli.fact_questions.ask_facts` runs a session).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from reporter.cache import load_stack
from reporter.cli.entries import (
    METRIC_FIELDS,
    SOURCE_FIELDS,
    label_of,
    metric_checks,
    source_checks,
    write_metric,
    write_source,
)
from reporter.cli.output import note
from reporter.curate import answers
from reporter.curate.yaml_text import hint, required
from reporter.data.paths import data_file_paths
from reporter.messages import Message

if TYPE_CHECKING:
    from reporter.cli.session import Session
    from reporter.model.dataset import Dataset
    from reporter.model.records import Metric

BACK = "<"


def tell(message: str) -> None:
    """A line of the dialog on stderr: part of the questions, so said whatever --quiet says."""
    note(message, always=True)


class Back(Exception):
    """The user typed ``<``: ask the previous question again."""


class Dialog:
    """One ``reporter add`` session on a terminal: facts asked for, confirmed, and written one by one."""

    def __init__(self, session: Session, target: Path, layers: list[str], data: Dataset) -> None:
        self.session, self.target, self.layers, self.data = session, target, layers, data
        self.lang = session.message_lang  # the questions and complaints are messages
        self._readline = _readline()
        self.last_answer: str | None = None  # what was typed (or taken as the default) for the last question

    def say(self, key: str, **values: Any) -> str:
        return Message(key, **values).text(self.lang)

    # -- asking

    def ask(self, key: str, check: Callable[[str], Any], default: str = "", choices: Sequence[str] = (),
            **values: Any) -> Any:
        """Ask until ``check`` takes the answer (Enter: the default); ``<`` raises :class:`Back`."""
        shown = f" [{default}]" if default else ""
        while True:
            self._complete(choices)
            answer = input(f"{self.say(key, **values)}{shown}: ").strip()
            if answer == BACK:
                raise Back
            self.last_answer = answer or default  # kept even when refused: the default when asked again
            try:
                return check(answer or default)
            except answers.Wrong as wrong:
                tell(f"  {wrong.text(self.lang)}")

    def offer(self, key: str, **values: Any) -> bool:
        """A yes-or-no question (Enter: yes)."""
        return bool(self.ask(key, yes_or_no, "y", ("y", "n"), **values))

    def _complete(self, choices: Sequence[str]) -> None:
        if self._readline is None:
            return
        words = sorted(set(choices))

        def complete(text: str, state: int) -> str | None:
            found = [w for w in words if w.casefold().startswith(text.casefold())]
            return found[state] if state < len(found) else None

        self._readline.set_completer(complete)

    def reload(self) -> None:
        """The data again, with the file just written among the layers (it may be new)."""

        if os.path.realpath(self.target) not in {os.path.realpath(f) for f in data_file_paths(self.layers)}:
            self.layers = [*self.layers, str(self.target)]
        self.data = load_stack(self.layers, self.session.use_cache)

    # -- what the data lack, defined on the way

    def fields(self, part: str, names: Sequence[str], checks: Mapping[str, Callable[[str], Any]],
               given: dict[str, str], defaults: Mapping[str, str] | None = None, **values: Any) -> bool:
        """Ask each of ``names`` not ``given`` yet (``<`` goes back; at the first, gives up: False)."""
        asked = [name for name in names if name not in given]
        at = 0
        while at < len(asked):
            name = asked[at]
            default = given.get(name) or (defaults or {}).get(name, "")  # an answer gone back to is the default
            field = Message(f"field.{part}.{name}")
            said = hint(part, name, self.lang)  # "全称，如 江山市" asked as 新地区的全称（如 江山市）
            said = said.removeprefix(field.text(self.lang) + "，")
            try:
                answer = self.ask(f"add.ask.{part}_field", checks[name], default, (), field=field, hint=said,
                                  **values)
            except Back:
                if at == 0:
                    return False
                at -= 1
                continue
            if answer:
                given[name] = answer
            else:
                given.pop(name, None)
            at += 1
        return True

    def define_metric(self, ident: str | None, given: dict[str, str], typed: str = "") -> Metric | None:
        """A new metric asked for (its id unless given), shown, confirmed and written; None if declined."""
        try:
            if ident is None:
                ident = self.ask("add.ask.new_metric_id", lambda a: answers.new_ident(self.data, a, "metric"))
        except Back:
            return None
        zh = typed if any(ch >= "\u2e80" for ch in typed) else ""
        if not self.fields("metric", METRIC_FIELDS, metric_checks(self.data, given), given, {"zh": zh}):
            return None
        shown = {name: given.get(name) or "—" for name in METRIC_FIELDS}
        tell(self.say("add.metric_summary", id=ident, **shown))
        if not self.offer("add.ask.define_metric", file=str(self.target)):
            tell(f"  {self.say('add.declined')}")
            return None
        if write_metric(self.session, self.target, self.layers, ident, given, interactive=True) is None:
            return None
        self.reload()
        return self.data.metrics.get(ident)

    def define_source(self, ident: str, given: dict[str, str]) -> str | None:
        """A new source's publication, title and date asked for, shown, confirmed and written."""
        if not self.fields("source", SOURCE_FIELDS, source_checks(), given, id=ident):
            return None
        tell(self.say("add.source_summary", id=ident, **{name: given.get(name, "—") for name in SOURCE_FIELDS}))
        if not self.offer("add.ask.define_source", file=str(self.target)):
            tell(f"  {self.say('add.declined')}")
            return None
        if write_source(self.session, self.target, self.layers, ident, given, interactive=True) is None:
            return None
        self.reload()
        return ident

    # -- a new region

    def region_fields(self, ident: str, source: str | None, source_given: dict[str, str]
                      ) -> tuple[dict[str, str], str | None, dict[str, str]]:
        """A new region's fields, each asked (none left TODO), then the source of its facts: a known
        one, or a new one whose publication, title and date are asked too."""
        tell(self.say("add.intro_region", id=ident, file=str(self.target)))
        given: dict[str, str] = {}
        checks = {name: _level if name == "level" else label_of("region", name) for name in required("region")}
        while True:
            if not self.fields("region", required("region"), checks, given):
                continue  # '<' at the first question: there is nothing before it
            try:
                source = self.ask("add.ask.new_source", lambda a: answers.ident(a, "source") if a else None,
                                  source or "", list(self.data.sources)) or None
            except Back:
                given.pop(required("region")[-1], None)
                continue
            if source is None or source in self.data.sources:
                return given, source, {}
            if self.fields("source", SOURCE_FIELDS, source_checks(), source_given, id=source):
                return given, source, source_given


def _level(answer: str) -> str:
    return answers.level(answer)


def yes_or_no(answer: str) -> bool:
    if answer.casefold() in ("y", "yes", "是", "好", "对"):
        return True
    if answer.casefold() in ("n", "no", "否", "不", "不对"):
        return False
    raise answers.Wrong(Message("add.yes_or_no"))


def _readline() -> Any:
    """Python's readline, set for completing whole answers with Tab (None where it is missing)."""
    try:
        import readline
    except ImportError:  # pragma: no cover - every POSIX Python has it
        return None
    readline.set_completer_delims("")
    readline.parse_and_bind("tab: complete")
    return readline
