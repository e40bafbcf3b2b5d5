"""One fact's questions in ``reporter add``'s dialog: region, metric, value, unit, period, qualifier,
change, quote, source, then the fact shown in words and confirmed.

A metric the catalogue lacks, or a source not declared, is offered to be defined there and then
(:meth:`Dialog.define_metric`, :meth:`Dialog.define_source`), and the question goes on with it: no
answer is lost. Answering n at the confirmation asks which answer to change; that one is asked
again, and the answers after it are checked again as they were typed (asked only when the change
makes one wrong: a unit of another family, a period the region already has).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from reporter.cli.dialog import BACK, Back, tell
from reporter.cli.writing import write_fact
from reporter.curate import answers
from reporter.curate.insertion import own_default_source, source_needed
from reporter.messages import Message, Named
from reporter.model.period_words import parse_period
from reporter.model.records import QUALIFIERS, Quantity
from reporter.model.units import KNOWN_UNITS, family_of
from reporter.render.figures import quantity

if TYPE_CHECKING:
    from reporter.cli.dialog import Dialog

def ask_facts(dialog: Dialog) -> None:
    """Ask for facts until Ctrl-D; each one is written when it is confirmed."""

    tell(dialog.say("add.intro", file=str(dialog.target)))
    remembered: dict[str, str] = {}
    while True:
        try:
            fields = FactQuestions(dialog, remembered).run()
        except EOFError:
            tell("")
            return
        if fields is None:
            continue
        region = fields["region"]
        if write_fact(dialog.session, dialog.target, dialog.layers, dict(fields), interactive=True) is not None:
            dialog.reload()
        remembered = {"region": str(region), "period": str(fields["period"]),
                      "source": str(fields.get("source") or "")}


STEPS = ("region", "metric", "value", "unit", "period", "qualifier", "change", "quote", "source")


class FactQuestions:
    """The answers of one fact, asked in :data:`STEPS` order."""

    def __init__(self, dialog: Dialog, remembered: dict[str, str]) -> None:
        self.dialog, self.remembered = dialog, remembered
        self.got: dict[str, Any] = {}
        self.typed: dict[str, str] = {}  # what was typed for each question: its default when asked again
        self.settled: set[str] = set()  # answers re-checked as typed, asked only when no longer right

    def run(self) -> dict[str, str | None] | None:
        """The fact's fields once confirmed; None when the user drops it."""
        self.walk(0)
        while True:
            fields = self.fields()
            tell(summary(self.dialog, self.got, fields))
            if self.dialog.offer("add.ask.confirm", file=str(self.dialog.target)):
                return {**fields, "region": self.got["region"].id}
            step = self.which()
            if step is None:
                tell(f"  {self.dialog.say('add.declined')}")
                return None
            if step:  # '' ('<'): the fact is shown and confirmed again
                self.settled = set(STEPS) - {step}
                self.walk(STEPS.index(step))

    def walk(self, start: int) -> None:
        at = start
        while at < len(STEPS):
            try:
                getattr(self, STEPS[at])()
                at += 1
            except Back:
                at = max(at - 1, 0)
                self.settled.discard(STEPS[at])  # asked, not taken as it was

    def which(self) -> str | None:
        """The answer to change, by its name in either language or its number; Enter: None (the fact
        is dropped); '<': '' (back to the confirmation)."""
        names = [Message(f"step.{s}").text(self.dialog.lang) for s in STEPS]
        steps = "、".join(f"{i} {n}" for i, n in enumerate(names, 1)) if self.dialog.lang == "zh" else \
            ", ".join(f"{i} {n}" for i, n in enumerate(names, 1))

        def check(answer: str) -> str | None:
            if not answer:
                return None
            for i, step in enumerate(STEPS):
                if answer.strip().casefold() in (str(i + 1), step, names[i].casefold(),
                                                 Message(f"step.{step}").text("zh")):
                    return step
            raise answers.Wrong(Message("add.not_a_step", answer=answer, steps=steps))

        try:
            chosen: str | None = self.dialog.ask("add.ask.change", check, "", (*STEPS, *names), steps=steps)
            return chosen
        except Back:
            return ""

    def asked(self, name: str, key: str, check: Callable[[str], Any], default: str = "",
              choices: Sequence[str] = (), **values: Any) -> None:
        """One answer: a settled one re-checked as typed (said and asked again if it no longer fits),
        else asked, what was typed before as the default."""
        typed = self.typed.get(name)
        if name in self.settled and typed is not None:
            try:
                self.got[name] = check(typed)
                return
            except answers.Wrong as wrong:
                tell(f"  {wrong.text(self.dialog.lang)}")
        self.dialog.last_answer = None
        try:
            self.got[name] = self.dialog.ask(key, check, typed if typed is not None else default, choices, **values)
        finally:  # answered (Enter for none, too), or left with <: what was typed is the default next time
            if self.dialog.last_answer is not None:
                self.typed[name] = self.dialog.last_answer

    # -- the questions

    def region(self) -> None:
        data = self.dialog.data
        self.asked("region", "add.ask.region", lambda a: answers.region(self.dialog.data, a),
                   self.remembered.get("region", ""), [n for r in data.regions.values() for n in (r.id, r.short, r.zh)])

    def metric(self) -> None:
        data = self.dialog.data
        self.asked("metric", "add.ask.metric", self._metric, "",
                   [n for m in data.metrics.values() for n in (m.id, m.zh, *m.aliases)])
        chosen = self.got["metric"]
        label = Named(f"{chosen.zh} / {chosen.en}", chosen.zh)
        tell(self.dialog.say("add.metric_chosen", id=chosen.id, label=label, unit=chosen.unit))

    def _metric(self, answer: str) -> Any:
        """A metric of the catalogue; one it lacks is offered to be defined (then it is the answer)."""
        try:
            return answers.metric(self.dialog.data, answer)
        except answers.Wrong as wrong:
            unknown = getattr(wrong.said, "key", "") == "unknown_named"
            if unknown and answer.strip() and self.dialog.offer("add.offer_metric", name=answer.strip()):
                defined = self.dialog.define_metric(None, {}, typed=answer.strip())
                if defined is not None:
                    return defined
            raise

    def value(self) -> None:
        # Enter: no level, a figure the source gives only as a change (同比增长5.2%); the change is then asked for
        self.asked("value", "add.ask.value", lambda a: answers.value(a) if a.strip() else "")

    def unit(self) -> None:
        if not self.got["value"]:  # a change alone has no level, so no unit of one
            self.got["unit"] = ""
            return
        of = self.got["metric"]
        self.asked("unit", "add.ask.unit", lambda a: answers.unit(of, a), of.unit,
                   [u for u in KNOWN_UNITS if family_of(u) == family_of(of.unit)])

    def period(self) -> None:
        self.asked("period", "add.ask.period",
                   lambda a: answers.period(self.dialog.data, self.got["region"], self.got["metric"], a),
                   self.remembered.get("period", ""))

    def qualifier(self) -> None:

        self.asked("qualifier", "add.ask.qualifier", answers.qualifier, "exact", QUALIFIERS)

    def change(self) -> None:
        key = "add.ask.rank_change" if self.got["metric"].kind == "rank" else "add.ask.yoy"
        alone = not self.got["value"]  # no level given: the change is the figure, so it is required

        def check(answer: str) -> Any:
            said = answers.change(self.got["metric"], answer)
            if alone and said is None:
                raise answers.Wrong(Message("add.required", what=Message("what.change")))
            return said

        self.asked("change", key, check)

    def quote(self) -> None:
        def check(answer: str) -> str:
            text = answers.quote(answer)
            wrong = answers.plausible(self.got["region"].id, self.fields({"quote": text, "source": None}))
            if wrong:
                raise answers.Wrong(Message("add.quote_disagrees", reason=wrong[0], back=BACK))
            return text

        self.asked("quote", "add.ask.quote", check)

    def source(self) -> None:
        # the region's entry in the file may name its facts' source; a source from elsewhere (the bundled
        # region's newspaper page) is the source of other quotes: the answer is then required

        own = own_default_source(self.dialog.target, self.got["region"].id)
        known = list(self.dialog.data.sources)  # named in the question, and on Tab
        shown = ", ".join(known[:5]) + (" …" if len(known) > 5 else "")
        self.asked("source", "add.ask.source", lambda a: self._source(a, own),
                   self.remembered.get("source") or own or "", known, known=shown or "—")

    def _source(self, answer: str, own: str | None) -> str | None:
        """The source answered: None (the entry's own default) only when the file names one; one not
        declared yet is offered to be declared (then it is the answer)."""

        try:
            chosen = answers.source(self.dialog.data, answer, str(self.dialog.target))
        except answers.Wrong:
            text = answer.strip()
            if _well_formed(text) and self.dialog.offer("add.offer_source", name=text):
                defined = self.dialog.define_source(text, {})
                if defined is not None:
                    return defined
            raise
        if chosen is None and own is None:
            why = source_needed(self.dialog.target, self.got["region"])
            if why.key == "add.needs_source":
                raise answers.Wrong(Message("add.source_required", **{k: why.values[k] for k in
                                                                       ("region", "source", "where", "file")}))
            raise answers.Wrong(Message("add.source_missing", file=str(self.dialog.target)))
        return None if chosen == own else chosen

    # -- the fact

    def fields(self, override: dict[str, Any] | None = None) -> dict[str, str | None]:
        got = {**self.got, **(override or {})}
        fields = answers.fact_fields(got["region"], got["metric"], got["value"], got["unit"], got["period"],
                                     got["qualifier"], got["change"], got["quote"], got.get("source"))
        if not got["value"]:
            fields["unit"] = None  # a change alone (growth-only): no level, no unit of one
        return fields


def _well_formed(ident: str) -> bool:
    try:
        answers.ident(ident, "source")
    except answers.Wrong:
        return False
    return True


def summary(dialog: Dialog, got: dict[str, Any], fields: dict[str, str | None]) -> str:
    """The fact as the reader says it: names and the period in words, the figure with its qualifier."""

    lang = dialog.lang
    metric = got["metric"]
    period = parse_period(str(fields["period"]))
    written = Quantity(str(fields["value"] or ""), str(fields["unit"] or ""), fields.get("qualifier") or "exact")
    figure = quantity(written, "zh") if lang == "zh" else (  # as typed, its qualifier in words: more than 3.1亿元
        ("" if written.qualifier == "exact" else written.qualifier.replace("_", " ") + " ")
        + written.written + written.unit)
    if not written.written:
        figure = "—"  # growth-only: no level; the change follows
    more = []
    if fields.get("yoy_pct"):
        more.append(Message("add.summary_yoy", pct=fields["yoy_pct"]).text(lang))
    if fields.get("rank_change"):
        more.append(Message("add.summary_rank", places=fields["rank_change"]).text(lang))
    if fields.get("source"):
        more.append(Message("add.summary_source", id=fields["source"]).text(lang))
    return dialog.say("add.summary", region=got["region"].said(), metric=Named(metric.en, metric.zh),
                           value=figure, period=Named(period.in_words("en"), period.in_words("zh")),
                           more="".join(f" · {m}" for m in more), quote=fields["quote"])
