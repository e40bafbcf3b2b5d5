"""The small algebra of reporting periods.

A period is written in one canonical string (ISO 8601 where ISO has a form for it) and
parsed by our own code, never by YAML, so ``2020-01/05`` cannot turn into a date.

=====================  ==========================  ===========================================
canonical              also accepted (examples)    meaning
=====================  ==========================  ===========================================
``2019``               ``2019年``, ``2019年度``     a calendar year
``2020-H1``            ``2020年上半年``, ``H1 2020`` a half year (H1, H2)
``2020-Q1``            ``2020年第一季度``           a quarter
``2020-05``            ``2020年5月份``              a month
``2020-01/05``         ``2020年1—5月``, ``Jan–May``  a run of months (cumulative, 1-5月; 前三季度)
``2019/2020``          ``2019-2020年``              a span of whole years
``P2Y/2020-H1``        ``截至…的近两年``            n years ending with the anchor (近两年)
``2020/P5Y``           ``2020年起5年``              n years starting with the anchor (5年 target)
``asof/2020-H1``       ``截至2020年6月末``          a stock as of the end of the anchor (截至目前)
``unstated/2020-H1``   ``未注明时期（见于…报道）``   the source states no period; it was reported
                                                   by the end of the anchor (not comparable)
=====================  ==========================  ===========================================

One time span is one period, however it is written: a run of months of one year that is a
quarter, a half or the whole year is that period (``2020-01/06`` and ``2020年1-6月`` are
``2020-H1``, 上半年; ``2020-01/03`` is ``2020-Q1``; ``2020-01/12`` is ``2020``), so a second
fact for the same span is a second fact, and tables show one column for it. A data file keeps
the words it was written with; the period read from them is the one period.

Anchors (after ``asof/`` or ``unstated/``, beside ``/PnY``) are a year, half, quarter or month.
Canonical strings are strict (``2020-1/5`` is refused with "did you mean 2020-01/05?"); the
words people write, in Chinese or English, are read generously by :mod:`reporter.model.period_words`,
which also prints them, so every printed form parses back to its period.

``unstated`` and not ``?``: PyYAML reads a plain ``?/2020-H1`` as a mapping key inside
``{...}`` or ``[...]``, and an unquoted ``?`` is a shell wildcard; a word starting with a
letter is safe in YAML (block and flow), in a CSV cell and in a ``PERIOD=VALUE`` series.
``?/2020-H1`` is still read, as a spelling of the same period.

``asof/`` and not ``@`` for the same reasons: ``@2020-H1`` must be quoted in YAML, and a
spreadsheet runs a cell starting with ``@`` as a formula (``2020`` minus cell ``H1``), so CSV had
to write it ``'@2020-H1``, which every other CSV reader then read as such. ``@2020-H1`` is still
read everywhere a period is (data files, ``--period``), as a spelling of ``asof/2020-H1``.
"""


import re
from collections.abc import Callable, Iterable
from typing import NamedTuple

from reporter.messages import Message, Named

__all__ = ["ANCHOR_KINDS", "Period", "PeriodError", "period_in_words"]

ANCHOR_KINDS = ("year", "half", "quarter", "month")


class PeriodError(ValueError):
    """A period string outside the grammar; ``suggestion`` is a canonical period it is close to.

    Its message names the forms expected, in English (``str``) or either language (``.message``)."""

    def __init__(self, key: str = "period.not_period", suggestion: str | None = None, **values: object) -> None:
        self.message = Message("period.refused", reason=Message(key, **values), expected=Message("period.expected"))
        super().__init__(str(self.message))
        self.suggestion = suggestion


class Period(NamedTuple):
    """A parsed period: its kind, its first and last month (``year*12 + month-1``) and its text.

    An ``unstated`` period has no months of its own: ``first`` and ``last`` hold its bound
    (the last month of the anchor), so it sorts beside the source's other periods.
    """

    kind: str  # year, half, quarter, month, months, years, trailing, forward, asof, unstated
    first: int
    last: int
    canonical: str
    years: int = 0  # trailing/forward: the span in years; unstated: how far it was shifted
    anchor: "Period | None" = None  # a string: the class refers to itself

    def __str__(self) -> str:
        return self.canonical

    @property
    def comparable(self) -> bool:
        """Whether values of this period may be ranked, compared or differenced with others'."""
        return self.kind != "unstated"

    @property
    def sort_key(self) -> tuple[int, int, int, str]:
        """Later periods sort later; among periods ending together an unstated one first, then
        longer ones first (so the latest dated fact is the one a lookup picks)."""
        return (self.last, int(self.comparable), -(self.last - self.first), self.canonical)

    def shifted(self, years: int) -> "Period":
        """The same period ``years`` years later (earlier when negative).

        An unstated period has no year before it: its shift is a period no data file can
        name, so year-over-year never pairs it with another fact.
        """
        if self.kind in ("trailing", "forward", "asof"):
            assert self.anchor is not None
            anchor = self.anchor.shifted(years)
            if self.kind == "asof":
                return of_asof(anchor)
            if self.kind == "trailing":
                return of_trailing(self.years, anchor)
            return of_forward(anchor, self.years)
        if self.kind == "unstated":
            assert self.anchor is not None
            shift = self.years + years
            if shift == 0:
                return of_unstated(self.anchor)
            return Period("unstated", self.anchor.last + 12 * shift, self.anchor.last + 12 * shift,
                          f"(unstated/{self.anchor.canonical}){shift:+d}Y", shift, self.anchor)
        return _from_months(self.kind, self.first + 12 * years, self.last + 12 * years)

    def in_words(self, lang: str) -> str:
        """How a person writes this period: ``2020年1-5月`` or ``Jan–May 2020``."""
        return period_in_words(self, lang)

    def said(self) -> "Named":
        """This period in a message: as typed to a reader of English (2020-01/05, what --period
        takes), in words to a reader of Chinese (2020年1-5月)."""

        return Named(self.canonical, self.in_words("zh"))


# --------------------------------------------------------------------------- builders


def year_month(index: int) -> tuple[int, int]:
    return index // 12, index % 12 + 1


def _from_months(kind: str, first: int, last: int) -> Period:
    y1, m1 = year_month(first)
    y2, m2 = year_month(last)
    if kind == "months" and y1 == y2:  # one time span, one period: 1-6月 is 上半年, 1-12月 the year
        kind = _calendar_kind(m1, m2)
    if kind == "year":
        text = f"{y1:04d}"
    elif kind == "half":
        text = f"{y1:04d}-H{(m1 - 1) // 6 + 1}"
    elif kind == "quarter":
        text = f"{y1:04d}-Q{(m1 - 1) // 3 + 1}"
    elif kind == "month":
        text = f"{y1:04d}-{m1:02d}"
    elif kind == "months":
        text = f"{y1:04d}-{m1:02d}/{m2:02d}" if y1 == y2 else f"{y1:04d}-{m1:02d}/{y2:04d}-{m2:02d}"
    elif kind == "years":
        text = f"{y1:04d}/{y2:04d}"
    else:  # pragma: no cover - guarded by callers
        raise PeriodError(text=kind)
    return Period(kind, first, last, text)


def _calendar_kind(m1: int, m2: int) -> str:
    """The calendar period a run of months of one year is, when it is one (1-3月 is 一季度, 7-12月 下半年,
    1-12月 the year), else ``months``: a time span written two ways is one period."""
    length = m2 - m1 + 1
    if length == 12:
        return "year"
    if length == 6 and m1 in (1, 7):
        return "half"
    if length == 3 and m1 % 3 == 1:
        return "quarter"
    return "months"


def _year(text: str | int) -> int:
    year = int(text)
    if not 1000 <= year <= 9999:
        raise PeriodError("period.year_range", text=text)
    return year


def _month_index(year: str | int, month: str | int) -> int:
    m = int(month)
    if not 1 <= m <= 12:
        raise PeriodError("period.month_range", month=month)
    return _year(year) * 12 + m - 1


def of_year(year: str | int) -> Period:
    first = _year(year) * 12
    return _from_months("year", first, first + 11)


def of_half(year: str | int, half: str | int) -> Period:
    first = _year(year) * 12 + (int(half) - 1) * 6
    return _from_months("half", first, first + 5)


def of_quarter(year: str | int, quarter: str | int) -> Period:
    first = _year(year) * 12 + (int(quarter) - 1) * 3
    return _from_months("quarter", first, first + 2)


def of_month(year: str | int, month: str | int) -> Period:
    index = _month_index(year, month)
    return _from_months("month", index, index)


def of_months(year: str | int, month: str | int, last_year: str | int, last_month: str | int) -> Period:
    first, last = _month_index(year, month), _month_index(last_year, last_month)
    if last <= first:
        raise PeriodError("period.months_order", first=f"{year}-{month}", last=f"{last_year}-{last_month}")
    return _from_months("months", first, last)


def of_years(first: str | int, last: str | int) -> Period:
    a, b = _year(first), _year(last)
    if b <= a:
        raise PeriodError("period.years_order", first=first, last=last)
    return _from_months("years", a * 12, b * 12 + 11)


def span_years(text: str | int) -> int:
    years = int(text)
    if years < 1:
        raise PeriodError("period.span", text=text)
    return years


def of_trailing(years: int, anchor: Period) -> Period:
    return Period("trailing", anchor.last - 12 * years + 1, anchor.last,
                  f"P{years}Y/{anchor.canonical}", years, anchor)


def of_forward(anchor: Period, years: int) -> Period:
    return Period("forward", anchor.first, anchor.first + 12 * years - 1,
                  f"{anchor.canonical}/P{years}Y", years, anchor)


def of_asof(anchor: Period) -> Period:
    return Period("asof", anchor.last, anchor.last, f"asof/{anchor.canonical}", 0, anchor)


def of_unstated(anchor: Period) -> Period:
    return Period("unstated", anchor.last, anchor.last, f"unstated/{anchor.canonical}", 0, anchor)


def as_anchor(period: Period, text: str) -> Period:
    """``period`` as the anchor of an as-of, span or unstated period (a year, half, quarter or month),
    or the refusal that names ``text``."""
    if period.kind not in ANCHOR_KINDS:
        near = f"asof/{year_month(period.last)[0]:04d}-{year_month(period.last)[1]:02d}"
        hint = Message("period.near", near=near) if period.kind == "months" else ""
        raise PeriodError("period.anchor", text=text, canonical=period.canonical, hint=hint)
    return period


def canonical_anchor(text: str) -> Period:
    """The anchor of a canonical as-of, span or unstated period, written canonically (``2020-H1``)."""
    found = first_match(CANONICAL, text.strip())
    if isinstance(found, Period):
        return as_anchor(found, text)
    raise found or PeriodError("period.not_period", text=text)


# --------------------------------------------------------------------------- the grammar

Rows = Iterable[tuple[str, Callable[..., Period]]]

# The canonical notation, strict. Pattern strings, not compiled objects: re compiles (and
# caches) only those a run uses. The words people write are in reporter.model.period_words.
def grammar(anchor: Callable[[str], Period]) -> list[tuple[str, Callable[..., Period]]]:
    """The canonical notation, strict, its anchors read by ``anchor``: canonically here
    (:data:`CANONICAL`), or in words too by :mod:`reporter.model.period_words` (``asof/2020年上半年``)."""
    return [
        (r"(\d{4})", of_year),
        (r"(\d{4})-H([12])", of_half),
        (r"(\d{4})-Q([1-4])", of_quarter),
        (r"(\d{4})-(\d{2})", of_month),
        (r"(\d{4})-(\d{2})/(?:(\d{4})-)?(\d{2})", lambda y, a, y2, b: of_months(y, a, y2 or y, b)),
        (r"(\d{4})/(\d{4})", of_years),
        (r"P(\d{1,2})Y/(.+)", lambda n, a: of_trailing(span_years(n), anchor(a))),
        (r"(.+)/P(\d{1,2})Y", lambda a, n: of_forward(anchor(a), span_years(n))),
        (r"(?:asof/|@)(.+)", lambda a: of_asof(anchor(a))),  # @2020-H1: the spelling before asof/
        (r"(?:unstated|\?)/(.+)", lambda a: of_unstated(anchor(a))),
    ]




def first_match(rows: Rows, text: str) -> Period | PeriodError | None:
    """The period of the first row whose pattern matches all of ``text`` and whose builder
    accepts it; else the first builder's refusal (it is more specific); else None."""
    refusal = None
    for pattern, build in rows:
        match = re.fullmatch(pattern, text)
        if match is None:
            continue
        try:
            return build(*match.groups())
        except PeriodError as exc:
            refusal = refusal or exc
    return refusal


CANONICAL = grammar(lambda text: canonical_anchor(text))



EN_MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
EN_NUMBERS = {1: "one", 2: "two", 3: "three", 4: "four", 5: "five", 6: "six", 7: "seven", 8: "eight",
               9: "nine", 10: "ten"}
ZH_NUMBERS = {1: "一", 2: "两", 3: "三", 4: "四", 5: "五", 6: "六", 7: "七", 8: "八", 9: "九", 10: "十"}
_QUARTERS_ZH = "一二三四"


# --------------------------------------------------------------------------- printing


def period_in_words(p: Period, lang: str) -> str:
    """``2020年1-5月`` / ``Jan–May 2020``: what :data:`WORDS` reads back to the same period."""
    return _zh(p) if lang == "zh" else _en(p)


def _zh(p: Period) -> str:
    (y1, m1), (y2, m2) = year_month(p.first), year_month(p.last)
    if p.kind == "year":
        return f"{y1}年"
    if p.kind == "half":
        return f"{y1}年{'上' if m1 == 1 else '下'}半年"
    if p.kind == "quarter":
        return f"{y1}年{_QUARTERS_ZH[(m1 - 1) // 3]}季度"
    if p.kind == "month":
        return f"{y1}年{m1}月"
    if p.kind == "months":
        return f"{y1}年{m1}-{m2}月" if y1 == y2 else f"{y1}年{m1}月至{y2}年{m2}月"
    if p.kind == "years":
        return f"{y1}-{y2}年"
    assert p.anchor is not None
    if p.kind == "unstated":
        shift = "" if not p.years else "的上一年" if p.years == -1 else "的下一年" if p.years == 1 else \
            f"的前{-p.years}年" if p.years < 0 else f"的后{p.years}年"
        return f"未注明时期{shift}（见于{_reported_zh(p.anchor)}报道）"
    anchor = _zh(p.anchor)
    if p.kind == "trailing":
        return f"截至{anchor}的近{ZH_NUMBERS.get(p.years, p.years)}年"  # 近一年, 近两年: the latest n years
    if p.kind == "forward":
        return f"{anchor}起{p.years}年"
    return f"截至{anchor}"


def _en(p: Period) -> str:
    (y1, m1), (y2, m2) = year_month(p.first), year_month(p.last)
    if p.kind == "year":
        return f"{y1}"
    if p.kind == "half":
        return f"H{(m1 - 1) // 6 + 1} {y1}"
    if p.kind == "quarter":
        return f"Q{(m1 - 1) // 3 + 1} {y1}"
    if p.kind == "month":
        return f"{EN_MONTHS[m1 - 1]} {y1}"
    if p.kind == "months":
        if y1 == y2:
            return f"{EN_MONTHS[m1 - 1]}–{EN_MONTHS[m2 - 1]} {y1}"
        return f"{EN_MONTHS[m1 - 1]} {y1}–{EN_MONTHS[m2 - 1]} {y2}"
    if p.kind == "years":
        return f"{y1}–{y2}"
    assert p.anchor is not None
    if p.kind == "unstated":
        n = abs(p.years)
        shift = "" if not p.years else \
            f"{'the year' if n == 1 else f'{EN_NUMBERS.get(n, n)} years'} {'before' if p.years < 0 else 'after'} "
        return f"{shift}{'a ' if shift else ''}period not stated (reported {_reported_en(p.anchor)})"
    anchor = _en(p.anchor)
    count = EN_NUMBERS.get(p.years, str(p.years))
    if p.kind == "trailing":
        return f"the {'year' if p.years == 1 else f'{count} years'} to {anchor}"
    if p.kind == "forward":
        return f"{'one year' if p.years == 1 else f'{count} years'} from {anchor}"
    return f"as of {anchor}"


# When an unstated fact was reported, worded from its anchor. A half or quarter is the
# period the source reports on, so the source appeared as it closed (the bundled page,
# reporting H1 2020, appeared mid-2020); a year or month is the source's own date.
def _reported_zh(anchor: Period) -> str:
    y, m = year_month(anchor.first)
    if anchor.kind == "half":
        return f"{y}年年中" if m == 1 else f"{y}年年末"
    if anchor.kind == "quarter":
        return f"{_zh(anchor)}末"
    return _zh(anchor)


def _reported_en(anchor: Period) -> str:
    y, m = year_month(anchor.first)
    if anchor.kind == "half":
        return f"mid-{y}" if m == 1 else f"at the end of {y}"
    if anchor.kind == "quarter":
        return f"at the end of {_en(anchor)}"
    return f"in {_en(anchor)}"
