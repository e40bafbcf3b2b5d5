"""The rules of the data format, each written once, as data.

Two tables: :data:`FIELDS`, the fields each part of a file may hold (and which are required,
and how each is read), and :data:`VALUE_RULES` / :data:`FACT_RULES`, what a fact's numbers must
satisfy for its metric. The loader reads and checks through these tables only, and
docs/data-format.md describes them. A large series is checked by the same rules as a single
fact: the only shortcut is each rule's ``screen``, a test on the number *as written* that is
True whenever the rule could be broken (``"-5"`` may be negative, ``"5"`` cannot), so most
values never become a Decimal. ``tests/data/test_rules.py`` proves the screens never hide a break.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from decimal import Decimal
from functools import cache
from typing import Any, NamedTuple

from reporter.messages import Message
from reporter.model import units
from reporter.model.periods import Period
from reporter.model.records import (
    KINDS,
    LEVELS,
    LEVELS_ZH,
    PERIOD_BASES,
    POLARITIES,
    QUALIFIERS,
    Metric,
)
from reporter.prose.time_words import printed_time_words

# --------------------------------------------------------------------------- fields


class Field(NamedTuple):
    """One field of a mapping in a data file: its name, whether it must be there, how it is read."""

    name: str
    required: bool
    read: str  # a reader of reporter.data.fields.NodeReader: text, ident, number, integer, period, texts, …
    choices: tuple[str, ...] = ()  # for read="choice"
    words: dict[str, str] = {}  # other words accepted for a choice -> the choice (reporter writes the choice)


def _fields(*specs: tuple[Any, ...]) -> dict[str, Field]:
    return {spec[0]: Field(*spec) for spec in specs}


LEVEL_WORDS = {**{zh: level for level, zh in LEVELS_ZH.items()}, "市辖区": "district"}
QUALIFIER_WORDS = {"多": "more_than", "余": "more_than", "以上": "at_least", "超过": "more_than", "约": "approx",
                   "左右": "approx", "近": "nearly", "不少于": "at_least", "至少": "at_least", "目标": "target"}

BASIS_WORDS = {"原文注明": "stated", "沿用": "carried", "推定": "assumed"}


REQUIRED, OPTIONAL = True, False

FIELDS: dict[str, dict[str, Field]] = {
    "file": _fields(("about", OPTIONAL, "text"), ("sources", OPTIONAL, "mapping"), ("themes", OPTIONAL, "mapping"),
                    ("metrics", OPTIONAL, "mapping"), ("regions", OPTIONAL, "mapping")),
    "source": _fields(("publication", REQUIRED, "text"), ("title", REQUIRED, "text"), ("date", REQUIRED, "text"),
                      ("column", OPTIONAL, "text"), ("date_note", OPTIONAL, "text"), ("file", OPTIONAL, "text"),
                      ("readings", OPTIONAL, "mapping"), ("title_en", OPTIONAL, "text"),
                      ("column_en", OPTIONAL, "text"), ("date_note_zh", OPTIONAL, "text")),
    "theme": _fields(("zh", REQUIRED, "text"), ("en", REQUIRED, "text")),
    "metric": _fields(("zh", REQUIRED, "text"), ("en", OPTIONAL, "text"), ("unit", REQUIRED, "text"),
                      ("theme", REQUIRED, "ident"), ("kind", REQUIRED, "choice", KINDS),
                      ("polarity", OPTIONAL, "choice", POLARITIES), ("aliases", OPTIONAL, "texts"),
                      ("note", OPTIONAL, "text"), ("phrase", OPTIONAL, "text"), ("phrase_en", OPTIONAL, "text"),
                      ("noun_en", OPTIONAL, "texts")),
    "region": _fields(("zh", REQUIRED, "text"), ("short", REQUIRED, "text"), ("en", REQUIRED, "text"),
                      ("level", REQUIRED, "choice", LEVELS, LEVEL_WORDS), ("prefecture", REQUIRED, "text"),
                      ("province", REQUIRED, "text"), ("prefecture_en", OPTIONAL, "text"),
                      ("pinyin", OPTIONAL, "text"), ("aliases", OPTIONAL, "texts"), ("source", OPTIONAL, "ident"),
                      ("facts", OPTIONAL, "sequence"), ("series", OPTIONAL, "mapping"),
                      ("highlights", OPTIONAL, "sequence")),
    # a fact without value gives only a change (yoy_pct): growth-only (the loader wants one or the other)
    "fact": _fields(("metric", REQUIRED, "text"), ("value", OPTIONAL, "number"), ("unit", OPTIONAL, "text"),
                    ("period", REQUIRED, "period"), ("qualifier", OPTIONAL, "choice", QUALIFIERS, QUALIFIER_WORDS),
                    ("yoy_pct", OPTIONAL, "number"), ("previous", OPTIONAL, "number"),
                    ("rank_change", OPTIONAL, "integer"), ("note", OPTIONAL, "text"), ("source", OPTIONAL, "ident"),
                    ("quote", REQUIRED, "text"), ("period_basis", OPTIONAL, "choice", PERIOD_BASES, BASIS_WORDS)),
    "series": _fields(("unit", OPTIONAL, "text"), ("qualifier", OPTIONAL, "choice", QUALIFIERS, QUALIFIER_WORDS),
                      ("source", OPTIONAL, "ident"), ("quote", REQUIRED, "text"), ("note", OPTIONAL, "text"),
                      ("values", REQUIRED, "node")),
    "highlight": _fields(("text", REQUIRED, "text"), ("text_en", OPTIONAL, "text"), ("theme", REQUIRED, "ident"),
                         ("period", OPTIONAL, "period"), ("source", OPTIONAL, "ident"), ("quote", REQUIRED, "text")),
}
"""part of a file -> its fields. Sections (``sources`` …) map ids to parts of the singular name."""

SECTIONS = {"sources": "source", "themes": "theme", "metrics": "metric", "regions": "region"}

REGION_ADDITIONS = ("source", "facts", "series", "highlights")
"""What a region entry may hold when it adds to a region defined elsewhere (another file, or a
layer of data below): an entry with none of a region's other fields is such an addition."""

MAX_DIGITS = 15  # significant digits of a number: plenty for statistics, exact in every computation


# --------------------------------------------------------------------------- what a fact's numbers must satisfy


class Subject(NamedTuple):
    """What the rules look at: a fact's metric, its unit's family, and its numbers."""

    metric: Metric
    family: str
    unit: str
    value: Decimal
    qualifier: str = "exact"
    yoy_pct: Decimal | None = None
    previous: Decimal | None = None
    rank_change: int | None = None


class Rule(NamedTuple):
    """A check of a fact: when it applies (decided once per metric and unit family), when it is broken,
    what to say, and optionally a screen: a pattern that finds, in values as written (one per line),
    every value that could break the rule; a value it does not find cannot."""

    name: str
    applies: Callable[[Metric, str], bool]
    broken: Callable[[Subject], bool]
    message: str  # a key of reporter.messages: filled with the Subject's fields, ``kind`` and ``metric_id``
    screen: str | None = None  # a regular expression (multiline), searched in the values joined by newlines
    needs: tuple[str, ...] = ("value",)  # the fields of a fact (as in FIELDS) the rule looks at


def _is_counter(family: str) -> bool:
    return family.startswith("count:") or family == "rank"


VALUE_RULES: tuple[Rule, ...] = (
    # the rules on a value as written (with its qualifier): they run for every value of a series too
    Rule("negative", lambda m, fam: m.kind != "rate", lambda s: s.value < 0,
         "rule.negative", r"^-"),
    Rule("share", lambda m, fam: fam == "percent" and m.kind == "rate", lambda s: not 0 <= s.value <= 100,
         "rule.share", r"^-|^\d{3}"),
    Rule("whole", lambda m, fam: _is_counter(fam), lambda s: s.value != s.value.to_integral_value(),
         "rule.whole", r"\."),
    Rule("rank_from_one", lambda m, fam: fam == "rank", lambda s: s.value < 1,
         "rule.rank_from_one", r"^[-0]"),
    Rule("target_qualifier", lambda m, fam: m.kind == "target", lambda s: s.qualifier != "target",
         "rule.target_qualifier", needs=("qualifier",)),
)

FACT_RULES: tuple[Rule, ...] = (
    # the rules on what only a single fact can carry (a change, a previous value, a target)
    Rule("rank_change_on_rank", lambda m, fam: m.kind != "rank", lambda s: s.rank_change is not None,
         "rule.rank_change_on_rank", needs=("rank_change",)),
    Rule("rank_change_below_one", lambda m, fam: fam == "rank",
         lambda s: s.rank_change is not None and s.value + s.rank_change < 1,
         "rule.rank_change_below_one", needs=("value", "rank_change")),
    Rule("yoy_below_minus_100", lambda m, fam: True, lambda s: s.yoy_pct is not None and s.yoy_pct < -100,
         "rule.yoy_below_minus_100", needs=("yoy_pct",)),
    Rule("previous_negative", lambda m, fam: m.kind != "rate", lambda s: s.previous is not None and s.previous < 0,
         "rule.previous_negative", needs=("previous",)),
)


def default_basis(period: Period, quote: str) -> str:
    """How a fact's period is known when its file does not say (docs/data-format.md, *How a period is
    known*): a period not stated is bounded only by the source's date (assumed); a dated one is stated
    when its quote prints a time word, else assumed. Never carried: that needs the text around the quote."""
    if not period.comparable:
        return "assumed"

    return "stated" if printed_time_words(quote) else "assumed"


def basis_problem(period: Period, basis: str, quote: str) -> Message | None:
    """A period marked stated that nothing states: the period is not stated, or its quote prints no
    time word (a warning of ``reporter check``)."""
    if basis != "stated":
        return None
    if not period.comparable:
        return Message("plausible.basis_unstated", canonical=period.canonical)

    return None if printed_time_words(quote) else Message("plausible.basis_no_word", period=period.canonical)


def unit_problem(metric: Metric, unit: str) -> Message | None:
    """The one rule on a unit: it must be of its metric's family (money with money, 家 with 家)."""
    if units.family_of(unit) != units.family_of(metric.unit):
        return Message("rule.unit_family", unit=unit, metric=metric.id, metric_unit=metric.unit)
    return None


class Checks(NamedTuple):
    """The rules that apply to one metric in one unit, chosen once and then run on every value."""

    metric: Metric
    unit: str
    family: str
    value_rules: tuple[Rule, ...]
    fact_rules: tuple[Rule, ...]

    def value_problems(self, written: str, qualifier: str = "exact", screened: bool = True) -> list[Message]:
        """What is wrong with one value as written (a series entry); [] for most, cheaply."""
        rules = [r for r in self.value_rules if not screened or r.screen is None or _screen(r.screen)(written)]
        if not rules:
            return []
        subject = Subject(self.metric, self.family, self.unit, Decimal(written), qualifier)
        return [_say(r, subject) for r in rules if r.broken(subject)]

    def suspects(self, written: list[str]) -> list[int] | None:
        """Which values of a series could break a value rule (their indexes), found by each rule's screen
        over all of them at once; None when a rule without a screen applies (every value is looked at)."""
        if any(r.screen is None for r in self.value_rules):
            return None
        text = "\n".join(written)
        if not any(_screen(r.screen)(text) for r in self.value_rules):
            return []
        return [i for i, value in enumerate(written) if any(_screen(r.screen)(value) for r in self.value_rules)]

    def fact_problems(self, written: str, qualifier: str, yoy: str | None, previous: str | None,
                      rank_change: int | None) -> list[Message]:
        """What is wrong with a single fact: its value, then what it carries."""
        subject = Subject(self.metric, self.family, self.unit, Decimal(written), qualifier,
                          None if yoy is None else Decimal(yoy), None if previous is None else Decimal(previous),
                          rank_change)
        return [_say(r, subject) for r in (*self.value_rules, *self.fact_rules) if r.broken(subject)]


    def problems_of(self, fields: dict[str, Any], failed: frozenset[str]) -> list[Message]:
        """What is wrong with the fields of a fact that were read, when others (``failed``) were not:
        only the rules none of whose fields (``Rule.needs``) failed, so none is judged on a value
        that is not there. A field not written is read as its default (no change, exact)."""
        rules = [r for r in (*self.value_rules, *self.fact_rules) if not failed.intersection(r.needs)]
        if not rules:
            return []

        def number(name: str) -> Decimal | None:
            return None if fields.get(name) is None else Decimal(fields[name])

        subject = Subject(self.metric, self.family, self.unit, number("value") or Decimal(0),
                          fields.get("qualifier") or "exact", number("yoy_pct"), number("previous"),
                          fields.get("rank_change"))
        return [_say(r, subject) for r in rules if r.broken(subject)]


def checks_for(metric: Metric, unit: str) -> Checks:
    family = units.family_of(unit)
    return Checks(metric, unit, family, tuple(r for r in VALUE_RULES if r.applies(metric, family)),
                  tuple(r for r in FACT_RULES if r.applies(metric, family)))


@cache
def _screen(pattern: str) -> Callable[[str], object]:

    return re.compile(pattern, re.MULTILINE).search


def _say(rule: Rule, subject: Subject) -> Message:
    values = {k: v for k, v in subject._asdict().items() if k != "metric"}
    return Message(rule.message, **values, kind=Message(f"kind.{subject.metric.kind}"), metric_id=subject.metric.id)
