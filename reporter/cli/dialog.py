"""The questions ``reporter add`` asks on a terminal, one answer at a time, like ``hledger add``.

Each answer is checked as it is typed (:mod:`reporter.curate.answers`) and asked again with the reason
when it cannot be used; Enter takes the ``[default]``, ``<`` goes back one question, Tab
completes names from the catalogue (Python's readline), Ctrl-D ends (the fact being asked is
dropped) and Ctrl-C interrupts: either way nothing is written but the facts already confirmed.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from reporter.cli.output import note
from reporter.curate import answers
from reporter.messages import Message

if TYPE_CHECKING:
    from reporter.cli.session import Session
    from reporter.model.dataset import Dataset
    from reporter.model.records import Region

BACK = "<"


def tell(message: str) -> None:
    """A line of the dialog on stderr: part of the questions, so said whatever --quiet says."""
    note(message, always=True)


class _Back(Exception):
    """The user typed ``<``: ask the previous question again."""


class Dialog:
    """One ``reporter add`` session on a terminal: facts asked for, confirmed, and written one by one."""

    def __init__(self, session: Session, target: Path, layers: list[str], data: Dataset) -> None:
        self.session, self.target, self.layers, self.data = session, target, layers, data
        self.lang = session.message_lang  # the questions and complaints are messages
        self._readline = _readline()
        self.last_answer = ""  # what was typed (or taken as the default) for the last question

    def say(self, key: str, **values: Any) -> str:
        return Message(key, **values).text(self.lang)

    # -- asking

    def ask(self, key: str, check: Callable[[str], Any], default: str = "", choices: Sequence[str] = (),
            **values: Any) -> Any:
        """Ask until ``check`` takes the answer (Enter: the default); ``<`` raises :class:`_Back`."""
        shown = f" [{default}]" if default else ""
        while True:
            self._complete(choices)
            answer = input(f"{self.say(key, **values)}{shown}: ").strip()
            if answer == BACK:
                raise _Back
            self.last_answer = answer or default  # kept even when refused: the default when asked again
            try:
                return check(answer or default)
            except answers.Wrong as wrong:
                tell(f"  {wrong.text(self.lang)}")

    def _complete(self, choices: Sequence[str]) -> None:
        if self._readline is None:
            return
        words = sorted(set(choices))

        def complete(text: str, state: int) -> str | None:
            found = [w for w in words if w.casefold().startswith(text.casefold())]
            return found[state] if state < len(found) else None

        self._readline.set_completer(complete)

    def _reload(self) -> None:
        """The data again, with the file just written among the layers (it may be new)."""
        import os

        from reporter.data.load import load_dataset
        from reporter.data.paths import data_file_paths

        if os.path.realpath(self.target) not in {os.path.realpath(f) for f in data_file_paths(self.layers)}:
            self.layers = [*self.layers, str(self.target)]
        self.data = load_dataset(self.layers)

    # -- a fact

    def run(self) -> None:
        """Ask for facts until Ctrl-D; each one is written when it is confirmed."""
        tell(self.say("add.intro", file=str(self.target)))
        remembered: dict[str, str] = {}
        while True:
            try:
                fields = self.fact(remembered)
            except EOFError:
                tell("")
                return
            if fields is None:
                continue
            from reporter.cli.writing import write_fact

            region = fields["region"]
            if write_fact(self.session, self.target, self.layers, dict(fields), interactive=True) is not None:
                self._reload()
            remembered = {"region": str(region), "period": str(fields["period"]),
                          "source": str(fields.get("source") or "")}

    def fact(self, remembered: dict[str, str]) -> dict[str, str | None] | None:
        """One fact's answers (``<`` steps back a question, whose answer is then the default), shown
        and confirmed; None if declined."""
        data = self.data
        got: dict[str, Any] = {}
        typed: dict[str, str] = {}

        def asked(name: str, key: str, check: Callable[[str], Any], default: str = "",
                  choices: Sequence[str] = (), **values: Any) -> None:
            self.last_answer = ""
            try:
                got[name] = self.ask(key, check, typed.get(name, default), choices, **values)
            finally:  # answered, or left with <: what was typed is the default next time
                if self.last_answer:
                    typed[name] = self.last_answer

        def region() -> None:
            asked("region", "add.ask.region", lambda a: answers.region(data, a), remembered.get("region", ""),
                  [n for r in data.regions.values() for n in (r.id, r.short, r.zh)])

        def metric() -> None:
            asked("metric", "add.ask.metric", lambda a: answers.metric(data, a), "",
                  [n for m in data.metrics.values() for n in (m.id, m.zh, *m.aliases)])
            tell(f"  {got['metric'].id}: {got['metric'].zh} / {got['metric'].en} ({got['metric'].unit})")

        def value() -> None:
            asked("value", "add.ask.value", answers.value)

        def unit() -> None:
            of = got["metric"]
            asked("unit", "add.ask.unit", lambda a: answers.unit(of, a), of.unit,
                  [u for u in _units() if _same_family(u, of.unit)])

        def period() -> None:
            asked("period", "add.ask.period", lambda a: answers.period(data, got["region"], got["metric"], a),
                  remembered.get("period", ""))

        def qualifier() -> None:
            from reporter.model.records import QUALIFIERS

            asked("qualifier", "add.ask.qualifier", answers.qualifier, "exact", QUALIFIERS)

        def change() -> None:
            key = "add.ask.rank_change" if got["metric"].kind == "rank" else "add.ask.yoy"
            asked("change", key, lambda a: answers.change(got["metric"], a))

        def quote() -> None:
            def check(answer: str) -> str:
                text = answers.quote(answer)
                wrong = answers.plausible(got["region"].id, self._fields({**got, "quote": text, "source": None}))
                if wrong:
                    raise answers.Wrong(Message("add.quote_disagrees", reason=wrong[0], back=BACK))
                return text

            asked("quote", "add.ask.quote", check)

        def source() -> None:
            # the region's entry in the file may name its facts' source; a source from elsewhere (the bundled
            # region's newspaper page) is the source of other quotes: the answer is then required
            from reporter.curate.insertion import own_default_source

            own = own_default_source(self.target, got["region"].id)
            known = list(data.sources)  # named in the question, and on Tab
            shown = ", ".join(known[:5]) + (" …" if len(known) > 5 else "")
            asked("source", "add.ask.source", lambda a: self._source(a, got["region"], own),
                  remembered.get("source") or own or "", known, known=shown or "—")

        steps = [region, metric, value, unit, period, qualifier, change, quote, source]
        at = 0
        while at < len(steps):
            try:
                steps[at]()
                at += 1
            except _Back:
                at = max(at - 1, 0)
        fields = self._fields(got)
        tell(self.say("add.summary", region=got["region"].id, metric=got["metric"].id,
                      value=f"{fields['value']}{fields['unit']}", period=fields["period"],
                      more="".join(f" · {k}: {fields[k]}" for k in ("qualifier", "yoy_pct", "rank_change", "source")
                                   if fields.get(k)), quote=fields["quote"]))
        if not self.ask("add.ask.confirm", _yes_or_no, "y", ("y", "n"), file=str(self.target)):
            tell(f"  {self.say('add.declined')}")
            return None
        return {**fields, "region": got["region"].id}

    def _source(self, answer: str, region: Region, own: str | None) -> str | None:
        """The source answered: None (the entry's own default) only when the file names one."""
        from reporter.curate.insertion import source_needed

        chosen = answers.source(self.data, answer, str(self.target))
        if chosen is None and own is None:
            why = source_needed(self.target, region)
            if why.key == "add.needs_source":
                raise answers.Wrong(Message("add.source_required", **{k: why.values[k] for k in
                                                                       ("region", "source", "where", "file")}))
            raise answers.Wrong(Message("add.source_missing", file=str(self.target)))
        return None if chosen == own else chosen

    @staticmethod
    def _fields(got: dict[str, Any]) -> dict[str, str | None]:
        return answers.fact_fields(got["region"], got["metric"], got["value"], got["unit"], got["period"],
                                   got["qualifier"], got["change"], got["quote"], got.get("source"))

    # -- a new region

    def region_fields(self, ident: str, source: str | None) -> tuple[dict[str, str], str | None]:
        """A new region's fields, asked one by one; Enter leaves one to fill later (marked TODO)."""
        from reporter.curate.yaml_text import REGION_HINTS, required

        tell(self.say("add.intro_region", id=ident, file=str(self.target)))
        given: dict[str, str] = {}
        names = [n for n in required("region")]
        at = 0
        while at <= len(names):
            try:
                if at == len(names):
                    source = self.ask("add.ask.new_source", lambda a: answers.ident(a, "source") if a else None,
                                      source or "", list(self.data.sources)) or None
                else:
                    name = names[at]
                    answer = self.ask("add.ask.field", _level if name == "level" else str.strip,
                                      given.get(name, ""), (), field=name, hint=REGION_HINTS.get(name, ""))
                    if answer:
                        given[name] = answer
                at += 1
            except _Back:
                at = max(at - 1, 0)
        return given, source


def _level(answer: str) -> str:
    """A level, or '' (to fill later)."""
    return answers.level(answer) if answer.strip() else ""


def _yes_or_no(answer: str) -> bool:
    if answer.casefold() in ("y", "yes", "是", "好"):
        return True
    if answer.casefold() in ("n", "no", "否", "不"):
        return False
    raise answers.Wrong(Message("add.yes_or_no"))


def _units() -> tuple[str, ...]:
    from reporter.model.units import KNOWN_UNITS

    return KNOWN_UNITS


def _same_family(unit: str, other: str) -> bool:
    from reporter.model.units import family_of

    return family_of(unit) == family_of(other)


def _readline() -> Any:
    """Python's readline, set for completing whole answers with Tab (None where it is missing)."""
    try:
        import readline
    except ImportError:  # pragma: no cover - every POSIX Python has it
        return None
    readline.set_completer_delims("")
    readline.parse_and_bind("tab: complete")
    return readline
