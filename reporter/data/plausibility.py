"""Is a fact plausible? Each fact read against its own quote, and against its neighbours.

Errors: the quote, read by :mod:`reporter.prose.readings`, states a different number or unit than the
fact (3.1亿元 in the quote, 3.1万元 in the fact), a different qualifier word (多/余/超/以上/近/约/
目标), a change in the other direction (增长/下降/提升/减少) or of another size, or a period
word (1-5月, 上半年, 一季度, 2019年) that names other months than the fact's period. A quote
that states no number at all (a series' table reference, 《统计年鉴》表3-2) cannot contradict
its fact and is not read.
Warnings: a cumulative flow that falls within a year (1-9月 below 1-5月); a reported
year-over-year % that disagrees with the one computed from the previous period's value, beyond
what the rounding of the written numbers allows; a value 100 times or more away from the same
region's neighbouring period ("unit slip?").

Pure: the dataset in, :class:`Finding` values out; each says what it found with a
:class:`~reporter.messages.Message`, so it can be told in English or Chinese
(``finding.message("zh")``); the words are in :mod:`reporter.messages`.
"""

from __future__ import annotations

from collections.abc import Collection, Container, Iterable
from decimal import Decimal
from functools import lru_cache
from typing import TYPE_CHECKING, NamedTuple

from reporter.data.rules import basis_problem
from reporter.errors import Problem
from reporter.messages import Message, Named
from reporter.model import units
from reporter.model.period_words import parse_period
from reporter.model.periods import Period
from reporter.model.records import Fact, Origin
from reporter.prose import readings as prose
from reporter.prose.time_words import PeriodWord

if TYPE_CHECKING:
    from reporter.model.dataset import Dataset as Data

__all__ = ["Finding", "check_fact", "check_quotes"]

SLIP_RATIO = 100


class Finding(NamedTuple):
    """One implausibility: how bad, where (the fact's file:line:column, its message the one below)
    and what to say, as a :class:`~reporter.messages.Message` (key ``plausible.<kind>``) that can
    be said in English or Chinese."""

    severity: str  # "error" or "warning"
    problem: Problem
    said: Message
    subject: Origin | None = None  # the fact it is said at
    other: Origin | None = None  # the fact it is set against, when two disagree

    @property
    def key(self) -> str:
        """What was found: number, unit, qualifier, direction, change, period, cumulative, yoy, unit_slip."""
        return self.said.key.removeprefix("plausible.")

    def message(self, lang: str = "en") -> str:
        """The message in ``lang`` ('en' or 'zh'); qualifiers, fields and periods in that language."""
        return self.said.text(lang)

    def localised(self, lang: str) -> Problem:
        """The problem with its message in ``lang``: ``str()`` of it is ``file:line:col: message``."""
        return self.problem._replace(message=self.message(lang))


def _word(name: str, value: str) -> str | Message:
    """An argument as said: qualifiers, field names and periods in the message's language."""
    if name.endswith("qualifier"):
        return Message(f"plausible.qualifier.{value}")
    if name == "field":
        return Message(f"plausible.field.{value}")
    if name.endswith("period"):
        period = parse_period(value)
        return Named(period.in_words("en"), period.in_words("zh"))
    return value


def _finding(severity: str, subject: Fact, key: str, against: Fact | None = None, /,
             **args: str | Message) -> Finding:
    origin = subject.origin
    said = Message(f"plausible.{key}", **{name: _word(name, value) if isinstance(value, str) else value
                                          for name, value in args.items()})
    problem = Problem(origin.path if origin else "?", origin.line if origin else None,
                      origin.column if origin else None, said)  # the Message: said in either language
    return Finding(severity, problem, said, origin, against.origin if against is not None else None)


def check_fact(fact: Fact) -> list[Finding]:
    """The errors of one fact against its own quote (a number, unit, qualifier, change or period
    the quote does not state): what ``reporter add`` checks before it writes a fact."""
    if fact.growth_only:
        return _growth_against_quote(fact)
    said = prose.read(fact.quote, headings=False)
    return _against_quote(fact, said) if said else []


def check_quotes(data: Data, unsure: Container[object] = (),
                 only: Collection[tuple[str, str]] | None = None) -> list[Finding]:
    """Every finding about the dataset's facts, errors and warnings, in file order (with ``only``:
    about the facts of those (region, metric) pairs, as ``reporter add`` asks of what it wrote; only
    their facts are read, so a new figure over a national dataset is checked at once).

    ``unsure`` holds the (region, metric) pairs whose facts may not all be in ``data`` (it is what
    loaded of files with problems): each fact is still read against its own quote, but its
    neighbours are not compared, since a period left out would change who is whose neighbour."""
    findings: list[Finding] = []
    readings: dict[str, list[prose.Reading]] = {}
    series: dict[tuple[str, str], list[Fact]] = {}
    files = {path: n for n, path in enumerate(data.paths)}  # each file's place in the layers
    chosen = data.facts if only is None else [fact for region, metric in only for fact in data.facts_of(region, metric)]
    for fact in chosen:
        if fact.origin is not None and fact.origin.path not in files:
            files[fact.origin.path] = len(files)
        if fact.growth_only:  # a change with no level: read against its quote, no neighbour to compare
            findings.extend(_growth_against_quote(fact))
            continue
        said = readings.get(fact.quote)
        if said is None:
            said = readings[fact.quote] = prose.read(fact.quote, headings=False)
        if said:  # a quote that states no number (a series' table reference, dated by its columns) cannot contradict
            findings.extend(_against_quote(fact, said))
            basis = basis_problem(fact.period, fact.period_basis, fact.quote)
            if basis is not None:
                findings.append(_finding("warning", fact, basis.key.removeprefix("plausible."),
                                         **{k: str(v) for k, v in basis.values.items()}))
        series.setdefault((fact.region, fact.metric), []).append(fact)
    for (region_id, metric_id), facts in series.items():
        if (region_id, metric_id) in unsure:
            continue
        metric = data.metrics.get(metric_id)
        kind = metric.kind if metric else "count"
        facts.sort(key=lambda f: f.period.last)  # neighbours are compared within one period shape
        if kind == "flow":
            findings.extend(_cumulative(facts, files))
        findings.extend(_reported_changes(facts, files))
        if kind != "rank":
            findings.extend(_unit_slips(facts, files))
    return sorted(findings, key=lambda f: (f.problem.path, f.problem.line or 0, f.problem.column or 0))


# --------------------------------------------------------------------------- against the quote


def _base(written: str, unit: str) -> Decimal:
    return units.to_base(Decimal(written), unit)


def _growth_against_quote(fact: Fact) -> list[Finding]:
    """A growth-only fact's change must be the quote's own number (同比增长5.2%: 5.2)."""
    change = (fact.yoy_written or "").lstrip("-+")
    if change and change not in fact.quote:
        return [_finding("error", fact, "growth_number", fact=f"{fact.yoy_written}%")]
    return []


def _against_quote(fact: Fact, readings: list[prose.Reading]) -> list[Finding]:
    q = fact.quantity
    family, base = units.family_of(q.unit), _base(q.written, q.unit)
    same = [r for r in readings if units.family_of(r.unit) == family and _base(r.value, r.unit) == base]
    if not same:
        digits = [r for r in readings if Decimal(r.value) == q.value]
        if digits:
            return [_finding("error", fact, "unit", stated=digits[0].written, quote_unit=digits[0].unit,
                             fact_unit=q.unit)]
        return [_finding("error", fact, "number", stated="、".join(r.written for r in readings),
                         fact=f"{q.written}{q.unit}")]
    r = min(same, key=lambda r: (r.qualifier != q.qualifier, r.yoy is None, r.rank_change is None))
    out: list[Finding] = []
    if r.qualifier != q.qualifier:
        out.append(_finding("error", fact, "qualifier", stated=r.written if not r.qualifier_word
                            or r.qualifier_word in r.written else f"{r.qualifier_word}…{r.written}",
                            quote_qualifier=r.qualifier, fact_qualifier=q.qualifier))
    for field, stated, fact_value in (("yoy_pct", r.yoy, fact.yoy_written),
                                      ("rank_change", r.rank_change, fact.rank_change)):
        if stated is None or fact_value is None or Decimal(stated) == Decimal(fact_value):
            continue
        opposite = (Decimal(stated) < 0) != (Decimal(fact_value) < 0)
        shown = f"{str(stated).lstrip('-')}{'%' if field == 'yoy_pct' else ''}"
        out.append(_finding("error", fact, "direction" if opposite else "change",
                            word=r.change_word,
                            stated=shown, field=field, fact=str(fact_value)))
    if r.period is not None and not _fits(r.period, fact.period):
        out.append(_finding("error", fact, "period", word=r.period.text, fact_period=fact.period.canonical))
    return out


def _fits(word: PeriodWord, period: Period) -> bool:
    """Whether a period word of the quote can name the fact's period. Relative words (上半年) are
    judged by the months they name; a level (@…) may fall anywhere within the months named."""
    first_year, first_month = divmod(period.first, 12)
    last_year, last_month = divmod(period.last, 12)
    first_month, last_month = first_month + 1, last_month + 1
    if word.kind == "now" or (word.kind == "year" and word.year is None):
        return True  # 截至目前, 今年, 全年: read against a date the data do not hold
    if word.kind in ("trailing", "forward"):  # a span's length (通过5年努力) without its start or end may stay not stated
        return (period.kind == word.kind and period.years == word.a) or not period.comparable
    if word.kind == "years":
        return period.kind == "years" and (first_year, last_year) == (word.a, word.b)
    if word.kind == "by_year":
        return last_year == word.year
    months = {"year": (1, 12), "half": (6 * word.a - 5, 6 * word.a), "quarter": (3 * word.a - 2, 3 * word.a),
              "months": (word.a, word.b), "asof": (word.b, word.b)}[word.kind]

    def year_fits(year: int) -> bool:
        return word.year is None or word.year == year

    if period.kind == "asof":
        return year_fits(last_year) and months[0] <= last_month <= months[1]
    if period.kind not in ("year", "half", "quarter", "month", "months") or first_year != last_year:
        return False
    if word.kind == "asof":  # 截至9月底…累计: a flow summed up to that month
        return year_fits(last_year) and last_month == months[1]
    return year_fits(first_year) and (first_month, last_month) == months


# --------------------------------------------------------------------------- against the neighbours


def _shown(fact: Fact) -> str:
    return f"{fact.quantity.written}{fact.quantity.unit}"


def _pair(later: Fact, earlier: Fact, files: dict[str, int]) -> tuple[Fact, Fact]:
    """Which of two facts that disagree a warning is said at, and which it names: the one in the
    file loaded last (the user's own layer, over the bundled data), else the later period."""
    place = (files.get(later.origin.path, 0) if later.origin else 0,
             files.get(earlier.origin.path, 0) if earlier.origin else 0)
    return (earlier, later) if place[1] > place[0] else (later, earlier)


def _where(other: Fact, subject: Fact) -> Message:
    """Where ``other`` is written, as said beside ``subject``: its line, or its file and line."""
    if other.origin is None:  # pragma: no cover - every loaded fact has an origin
        return Message("plausible.at_line", line="?")
    if subject.origin is not None and other.origin.path == subject.origin.path:
        return Message("plausible.at_line", line=other.origin.line)
    return Message("plausible.at_file", where=f"{other.origin.path}:{other.origin.line}")


def _cumulative(facts: list[Fact], files: dict[str, int]) -> Iterable[Finding]:
    """Flows summed from January (1-5月, 上半年, 1-9月, the year) of one year may only grow."""
    running = [f for f in facts if f.period.kind in ("year", "half", "quarter", "month", "months")
               and f.period.first % 12 == 0 and f.period.first // 12 == f.period.last // 12
               and f.quantity.qualifier != "target"]
    for earlier, later in zip(running, running[1:], strict=False):
        if (earlier.period.first == later.period.first and later.period.last > earlier.period.last
                and units.family_of(earlier.quantity.unit) == units.family_of(later.quantity.unit)
                and _base(later.quantity.written, later.quantity.unit)
                < _base(earlier.quantity.written, earlier.quantity.unit)):
            subject, other = _pair(later, earlier, files)
            if subject is later:
                yield _finding("warning", later, "cumulative", earlier, value=_shown(later),
                               period=later.period.canonical, other=_shown(earlier),
                               other_period=earlier.period.canonical, where=_where(earlier, later))
            else:  # the earlier figure is in the file loaded last: said there
                yield _finding("warning", earlier, "cumulative_before", later, value=_shown(earlier),
                               period=earlier.period.canonical, other=_shown(later),
                               other_period=later.period.canonical, where=_where(later, earlier))


def _half_unit(written: str) -> Decimal:
    """Half the last written digit: 2.06 may stand for anything in [2.055, 2.065)."""
    exponent = Decimal(written).as_tuple().exponent
    return Decimal(1).scaleb(int(exponent)) / 2


def _reported_changes(facts: list[Fact], files: dict[str, int]) -> Iterable[Finding]:
    """A reported yoy % against the one the previous value gives, allowing for rounding."""
    by_period = {f.period.canonical: f for f in facts}
    for fact in facts:
        if fact.yoy_written is None or fact.quantity.qualifier != "exact":
            continue
        unit = fact.quantity.unit
        before: Fact | None = None
        if fact.previous_written is not None:
            previous, previous_period = fact.previous_written, fact.period.shifted(-1).canonical
        else:
            before = by_period.get(fact.period.shifted(-1).canonical)
            if (before is None or before.quantity.qualifier != "exact"
                    or units.family_of(before.quantity.unit) != units.family_of(unit)):
                continue
            previous, previous_period = before.quantity.written, before.period.canonical
            unit = before.quantity.unit
        v, p = _base(fact.quantity.written, fact.quantity.unit), _base(previous, unit)
        dv = units.to_base(_half_unit(fact.quantity.written), fact.quantity.unit)
        dp = units.to_base(_half_unit(previous), unit)
        if p - dp <= 0:
            continue
        low, high = (v - dv - (p + dp)) / (p + dp) * 100, (v + dv - (p - dp)) / (p - dp) * 100
        reported, slack = Decimal(fact.yoy_written), _half_unit(fact.yoy_written)
        if reported + slack < low or reported - slack > high:
            computed = (v - p) / p * 100
            subject = fact if before is None else _pair(fact, before, files)[0]
            if subject is not fact:  # the previous figure is in the file loaded last: said there
                yield _finding("warning", subject, "yoy_of", fact, value=_shown(fact), period=fact.period.canonical,
                               where=_where(fact, subject), reported=_signed(reported),
                               computed=_signed(computed, ".1f"))
                continue
            yield _finding("warning", fact, "yoy", before, reported=_signed(reported), computed=_signed(computed, ".1f"),
                           previous=f"{previous}{unit}", previous_period=previous_period)


def _unit_slips(facts: list[Fact], files: dict[str, int]) -> Iterable[Finding]:
    """Neighbouring periods of one region and metric 100 times or more apart. Only periods of one
    shape are neighbours (years with years, 1-5月 with 1-5月): a month and a decade may differ so."""
    shapes: dict[tuple[str, int], list[Fact]] = {}
    for fact in facts:
        shapes.setdefault((fact.period.kind, fact.period.last - fact.period.first), []).append(fact)
    for series in shapes.values():
        yield from _slips_in(series, files)


@lru_cache(maxsize=256)
def _scale(unit: str) -> tuple[str, float]:
    """A unit's family and its factor to the family's base unit (as a float: a 100-fold test
    needs no exact decimals, and large series have hundreds of thousands of values)."""
    return units.family_of(unit), float(units.to_base(Decimal(1), unit))


def _fold(one: Fact, other: Fact) -> str:
    """How many times the larger of two figures is the smaller, exactly, in whole times (three
    significant digits past a million; the screen works in floats, whose leftovers must not show)."""
    a, b = (units.to_base(f.quantity.value, f.quantity.unit) for f in (one, other))
    ratio = max(a, b) / min(a, b)
    if ratio.adjusted() >= 6:  # a million-fold and more: three significant digits are enough
        ratio = ratio.quantize(Decimal(1).scaleb(ratio.adjusted() - 2))
    return f"{ratio:,.0f}"


def _slips_in(facts: list[Fact], files: dict[str, int]) -> Iterable[Finding]:
    earlier: tuple[Fact, str, float] | None = None
    for fact in facts:
        family, scale = _scale(fact.quantity.unit)
        value = float(fact.quantity.written) * scale
        if earlier is not None and earlier[1] == family and earlier[2] > 0 and value > 0:
            ratio = max(value, earlier[2]) / min(value, earlier[2])
            if ratio >= SLIP_RATIO:
                subject, other = _pair(fact, earlier[0], files)
                yield _finding("warning", subject, "unit_slip", other, value=_shown(subject), other=_shown(other),
                               other_period=other.period.canonical, where=_where(other, subject),
                               ratio=_fold(subject, other))
        earlier = (fact, family, value)


def _signed(pct: Decimal, spec: str = "") -> str:
    """A change as the tables print it: +12.6 or −14.7 (a minus sign, not a hyphen)."""
    text = format(pct, spec)
    return text.replace("-", "\u2212", 1) if text.startswith("-") else f"+{text}" if pct > 0 else text
