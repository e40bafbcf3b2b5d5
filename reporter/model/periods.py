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
from functools import lru_cache
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from reporter.messages import Named

__all__ = ["ANCHOR_KINDS", "Period", "PeriodError", "parse_period"]

ANCHOR_KINDS = ("year", "half", "quarter", "month")


class PeriodError(ValueError):
    """A period string outside the grammar; ``suggestion`` is a canonical period it is close to.

    Its message names the forms expected, in English (``str``) or either language (``.message``)."""

    def __init__(self, key: str = "period.not_period", suggestion: str | None = None, **values: object) -> None:
        from reporter.messages import Message

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
        from reporter.model.period_words import period_in_words

        return period_in_words(self, lang)

    def said(self) -> "Named":
        """This period in a message: as typed to a reader of English (2020-01/05, what --period
        takes), in words to a reader of Chinese (2020年1-5月)."""
        from reporter.messages import Named

        return Named(self.canonical, self.in_words("zh"))


# --------------------------------------------------------------------------- builders


def _year_month(index: int) -> tuple[int, int]:
    return index // 12, index % 12 + 1


def _from_months(kind: str, first: int, last: int) -> Period:
    y1, m1 = _year_month(first)
    y2, m2 = _year_month(last)
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


def anchor_of(text: str) -> Period:
    """The anchor of an as-of, span or unstated period: a year, half, quarter or month."""
    period = read_period(text, suggest=False)
    if period.kind not in ANCHOR_KINDS:
        from reporter.messages import Message

        near = f"asof/{_year_month(period.last)[0]:04d}-{_year_month(period.last)[1]:02d}"
        hint = Message("period.near", near=near) if period.kind == "months" else ""
        raise PeriodError("period.anchor", text=text, canonical=period.canonical, hint=hint)
    return period


# --------------------------------------------------------------------------- the grammar

Rows = Iterable[tuple[str, Callable[..., Period]]]

# The canonical notation, strict. Pattern strings, not compiled objects: re compiles (and
# caches) only those a run uses. The words people write are in reporter.model.period_words.
CANONICAL: list[tuple[str, Callable[..., Period]]] = [
    (r"(\d{4})", of_year),
    (r"(\d{4})-H([12])", of_half),
    (r"(\d{4})-Q([1-4])", of_quarter),
    (r"(\d{4})-(\d{2})", of_month),
    (r"(\d{4})-(\d{2})/(?:(\d{4})-)?(\d{2})", lambda y, a, y2, b: of_months(y, a, y2 or y, b)),
    (r"(\d{4})/(\d{4})", of_years),
    (r"P(\d{1,2})Y/(.+)", lambda n, a: of_trailing(span_years(n), anchor_of(a))),
    (r"(.+)/P(\d{1,2})Y", lambda a, n: of_forward(anchor_of(a), span_years(n))),
    (r"(?:asof/|@)(.+)", lambda a: of_asof(anchor_of(a))),  # @2020-H1: the spelling before asof/
    (r"(?:unstated|\?)/(.+)", lambda a: of_unstated(anchor_of(a))),
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


def read_period(text: str, suggest: bool) -> Period:
    """Parse without the cache; ``suggest`` looks for a near canonical spelling when refusing."""
    stripped = text.strip()
    found = first_match(CANONICAL, stripped)
    if isinstance(found, Period):
        return found
    from reporter.model.period_words import (
        parse_words,  # only for text that is not canonical
    )

    return parse_words(stripped, found, suggest)


@lru_cache(maxsize=4096)  # data repeat a few periods thousands of times; a Period is immutable
def parse_period(text: str) -> Period:
    """Parse a canonical period string, or the words for one, into a :class:`Period`.

    >>> parse_period("2020年1-5月").canonical
    '2020-01/05'
    >>> parse_period("the two years to H1 2020").canonical
    'P2Y/2020-H1'
    """
    return read_period(text, suggest=True)
