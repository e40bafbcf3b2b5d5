"""What a user types for a new fact, checked one answer at a time, before anything is written.

``reporter add`` asks (on a terminal) or takes (as arguments) a region, metric, value, unit,
period, qualifier, change, quote and source. Each function here reads one answer the way the
data format will (names resolved as every command resolves them, periods in any form the tool
prints, units in their metric's family) and returns the value to write, or raises :class:`Wrong`
saying why, in English or Chinese, so the question can be asked again. Pure: no prompting, no
files; the same checks serve the prompts and the script form.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable
from typing import TYPE_CHECKING, TypeVar

from reporter.data.fields import ID, number_problem
from reporter.data.plausibility import check_fact
from reporter.data.rules import LEVEL_WORDS, QUALIFIER_WORDS, unit_problem
from reporter.errors import LookupFailed
from reporter.messages import Message, Named, say
from reporter.model.names import find_metric, find_region, find_theme
from reporter.model.period_words import parse_period
from reporter.model.periods import PeriodError
from reporter.model.records import KINDS, LEVELS, POLARITIES, QUALIFIERS, Fact, Metric, Quantity, Region

if TYPE_CHECKING:
    from reporter.model.dataset import Dataset
    from reporter.model.periods import Period

__all__ = ["Wrong", "Duplicate", "new_ident", "label", "new_unit", "theme", "kind", "polarity", "region", "metric",
           "value", "unit", "period", "qualifier", "change", "quote", "source", "level", "ident", "plausible",
           "fact_fields", "period_of", "edited_fields"]

T = TypeVar("T")
_WIDE = str.maketrans("０１２３４５６７８９．－＋％，", "0123456789.-+%,")


class Wrong(ValueError):
    """An answer that cannot be used, and why (a :class:`Message`, or the loader's words)."""

    def __init__(self, said: Message | str) -> None:
        super().__init__(str(said))
        self.said = said

    def text(self, lang: str = "en") -> str:
        return say(self.said, lang)


class Duplicate(Wrong):
    """An answer that would make a second fact of a region, metric and time span: a data problem
    (exit 1) in the script form, a question asked again in the dialog."""


def _found(lookup: Callable[[], T]) -> T:
    """A name lookup, its failure (unknown or ambiguous, with the nearest names) as :class:`Wrong`."""
    try:
        return lookup()
    except LookupFailed as exc:
        raise Wrong(exc.message) from None


def region(data: Dataset, answer: str) -> Region:
    """A region of the data by any of its names (江山, jiangshan, Jiangshan City)."""

    if not answer.strip():
        raise Wrong(Message("add.required", what=Message("part.region")))
    return _found(lambda: find_region(data, answer))


def metric(data: Dataset, answer: str) -> Metric:
    """A metric of the catalogue by id, label or alias (研发投入, rd_investment)."""

    if not answer.strip():
        raise Wrong(Message("add.required", what=Message("part.metric")))
    return _found(lambda: find_metric(data, answer))


def value(answer: str) -> str:
    """The number as printed (``1009.0`` stays ``1009.0``); full-width digits are read as digits."""

    text = answer.strip().translate(_WIDE)
    if not text:
        raise Wrong(Message("add.required", what=Message("what.value")))
    problem = number_problem(text, Message("what.value"))
    if problem is not None:
        raise Wrong(problem)
    return text


def unit(of: Metric, answer: str) -> str:
    """A unit of the metric's family (万元 or 亿元 for money); empty: the metric's own unit."""

    text = answer.strip() or of.unit
    if unit_problem(of, text):
        raise Wrong(Message("rule.unit_family", unit=text, metric=of.id, metric_unit=of.unit))
    return text


def period(data: Dataset, where: Region, of: Metric, answer: str) -> str:
    """A period in any form the tool reads (2020-01/09, 2020年1-9月, Jan–Sep 2020), canonical;
    refused when the region already has this metric for it."""

    if not answer.strip():
        raise Wrong(Message("add.required", what=Message("what.period")))
    try:
        canonical = parse_period(answer.strip()).canonical
    except PeriodError as exc:
        raise Wrong(Message("bad_period_given", reason=exc.message)) from None
    for fact in data.facts_of(where.id, of.id):
        if fact.period.canonical == canonical:  # 1-6月 and 上半年 are one time span, one period
            first = f"{fact.origin.path}:{fact.origin.line}" if fact.origin else "?"
            said = Named(fact.period.in_words("en"), fact.period.in_words("zh"))
            raise Duplicate(Message("add.duplicate", region=where.said(), metric=Named(of.en or of.zh, of.zh),
                                    period=said, first=first))
    return canonical


def period_of(answer: str) -> Period:
    """A period in any form the tool reads, as the one period it is (1-6月 is 上半年)."""

    if not answer.strip():
        raise Wrong(Message("add.required", what=Message("what.period")))
    try:
        return parse_period(answer.strip())
    except PeriodError as exc:
        raise Wrong(Message("bad_period_given", reason=exc.message)) from None


def qualifier(answer: str) -> str:
    """exact, more_than, approx, nearly, at_least or target, or the words for them (多, 近, 约 …)."""

    return _choice(answer.strip() or "exact", "qualifier", QUALIFIERS, QUALIFIER_WORDS)


def level(answer: str) -> str:
    """A region's level: district, county-level city, county … or the words for them (区, 县级市, 县)."""

    return _choice(answer.strip(), "level", LEVELS, LEVEL_WORDS)


def _choice(text: str, what: str, options: tuple[str, ...], words: dict[str, str]) -> str:
    chosen = words.get(text, text.casefold())
    if chosen not in options:
        shown = ", ".join(f"{o} ({', '.join(w for w, c in words.items() if c == o)})" if o in words.values() else o
                          for o in options)
        raise Wrong(Message("bad_choice", what=what, value=text, options=shown))
    return chosen


def new_ident(data: Dataset, answer: str, part: str) -> str:
    """The id of a new metric or source: well formed, and not one the data hold already."""
    text = ident(answer, part)
    if text in (data.metrics if part == "metric" else data.sources):
        raise Wrong(Message("add.new_id_taken", id=text, kind=Message(f"part.{part}")))
    return text


def label(answer: str, what: Message) -> str:
    """A name or a text field (a metric's zh label, a source's title): anything but nothing."""
    text = " ".join(answer.split())
    if not text:
        raise Wrong(Message("add.required", what=what))
    return text


def new_unit(answer: str) -> str:
    """A new metric's unit: the catalogue's names (亿元, 家, %) or any other, written as printed."""
    return label(answer.translate(_WIDE), Message("field.metric.unit"))


def theme(data: Dataset, answer: str) -> str:
    """A theme of the data by id, zh or en name: its id."""

    if not answer.strip():
        raise Wrong(Message("add.required", what=Message("part.theme")))
    return _found(lambda: find_theme(data, answer)).id


def kind(answer: str) -> str:
    """A metric's kind: flow, stock, rate, rank, count or target."""

    return _choice(answer.strip(), "kind", KINDS, {})


def polarity(answer: str, kind_: str) -> str:
    """higher or lower; empty: the kind's default (lower for a rank, else higher)."""

    return _choice(answer.strip() or ("lower" if kind_ == "rank" else "higher"), "polarity", POLARITIES, {})


def ident(answer: str, part: str) -> str:
    """A new id (a region's, a source's): lower-case letters, digits, '-' and '_'."""

    text = answer.strip()
    if not ID.fullmatch(text):
        raise Wrong(Message("bad_id", what=Message("what.id", part=Message(f"part.{part}")), value=text))
    return text


def change(of: Metric, answer: str) -> str | None:
    """The change the source reports: places gained (+) or lost (-) for a rank, else the
    year-over-year % (``16``, ``-14.7``; a ``%`` is allowed); empty: none."""
    text = answer.strip().translate(_WIDE).removesuffix("%").removeprefix("+")
    if not text:
        return None
    if of.kind == "rank":
        if not text.lstrip("-").isdigit() or len(text.lstrip("-")) > 9:
            raise Wrong(Message("not_whole", what="rank_change", value=text))
        return str(int(text))
    return value(text)


def quote(answer: str) -> str:
    """The sentence the number comes from, verbatim (spaces collapsed, as the loader keeps them)."""
    text = " ".join(answer.split())
    if not text:
        raise Wrong(Message("add.required", what=Message("add.the_quote")))
    return text


def source(data: Dataset, answer: str, file: str = "") -> str | None:
    """A source of the data by id; empty: None (the facts' default, when there is one: see
    :func:`reporter.curate.insertion.own_default_source`). An unknown id is refused, saying where a new
    source is declared (``file``, the user's own)."""
    text = answer.strip()
    if not text:
        return None
    if text not in data.sources:

        close = difflib.get_close_matches(text, list(data.sources), n=3)
        suggest = Message("suggest", names=", ".join(close)) if close else ""
        if file:
            raise Wrong(Message("add.unknown_source", name=text, suggest=suggest, file=file))
        raise Wrong(Message("unknown_named", kind=Message("part.source"), name=text, suggest=suggest))
    return text


def fact_fields(where: Region, of: Metric, written: str, unit_: str, period_: str, qualifier_: str,
                change_: str | None, quote_: str, source_: str | None) -> dict[str, str | None]:
    """The answers as the fields of a fact in the data file (reporter.curate.yaml_text.fact_lines)."""
    rank = of.kind == "rank"
    return {"metric": of.id, "value": written, "unit": unit_, "period": period_,
            "qualifier": None if qualifier_ == "exact" else qualifier_,
            "yoy_pct": None if rank else change_, "rank_change": change_ if rank else None,
            "source": source_, "quote": quote_}


def edited_fields(of: Metric, value_: str | None, unit_: str | None, quote_: str | None, change_: str | None,
                  qualifier_: str | None) -> dict[str, str | None]:
    """The fields a correction gives a fact, each checked as add checks it; None removes a field
    (an empty unit or change, the qualifier exact)."""
    fields: dict[str, str | None] = {}
    if value_ is not None:
        fields["value"] = value(value_)
    if unit_ is not None:
        fields["unit"] = unit(of, unit_) if unit_.strip() else None
    if quote_ is not None:
        fields["quote"] = quote(quote_)
    if change_ is not None:
        fields["rank_change" if of.kind == "rank" else "yoy_pct"] = change(of, change_)
    if qualifier_ is not None:
        chosen = qualifier(qualifier_)
        fields["qualifier"] = None if chosen == "exact" else chosen
    return fields


def plausible(region_id: str, fields: dict[str, str | None]) -> list[Message]:
    """What the quote contradicts in the fact (its number, unit, qualifier, change or period)."""

    rank = fields.get("rank_change")
    fact = Fact(region_id, str(fields["metric"]), Quantity(str(fields["value"]), str(fields["unit"]),
                                                           fields.get("qualifier") or "exact"),
                parse_period(str(fields["period"])), fields.get("source") or "", str(fields["quote"]),
                fields.get("yoy_pct"), None, int(rank) if rank else None)
    return [finding.said for finding in check_fact(fact) if finding.severity == "error"]
