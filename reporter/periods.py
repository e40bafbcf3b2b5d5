"""The small algebra of reporting periods.

A period is written in one canonical string (ISO 8601 where ISO has a form for it) and
parsed by our own code, never by YAML, so ``2020-01/05`` cannot turn into a date.

=================  ======================  =====================================
canonical          zh form also accepted    meaning
=================  ======================  =====================================
``2019``           ``2019年``               a calendar year
``2020-H1``        ``2020年上半年``          a half year (H1, H2)
``2020-Q1``        ``2020年一季度``          a quarter
``2020-05``        ``2020年5月``             a month
``2020-01/05``     ``2020年1-5月``           a run of months (cumulative, 1-5月)
``2019/2020``      ``2019-2020年``           a span of whole years
``P2Y/2020-H1``                            n years ending with the anchor (近两年)
``2020/P5Y``                               n years starting with the anchor (5年 target)
``@2020-H1``                               a stock as of the end of the anchor (截至目前)
=================  ======================  =====================================

Anchors (after ``@``, before or after ``/PnY``) are a year, half, quarter or month.
"""


import re
from collections.abc import Callable
from functools import lru_cache
from typing import NamedTuple

__all__ = ["Period", "PeriodError", "parse_period"]


class PeriodError(ValueError):
    """A period string outside the grammar."""


_ZH_DIGITS = {"一": 1, "二": 2, "三": 3, "四": 4, "1": 1, "2": 2, "3": 3, "4": 4}
_EN_MONTHS = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split()
_EN_NUMBERS = {1: "one", 2: "two", 3: "three", 4: "four", 5: "five", 6: "six", 7: "seven",
               8: "eight", 9: "nine", 10: "ten"}
_ZH_NUMBERS = {1: "一", 2: "两", 3: "三", 4: "四", 5: "五", 6: "六", 7: "七", 8: "八", 9: "九", 10: "十"}


class Period(NamedTuple):
    """A parsed period: its kind, its first and last month (``year*12 + month-1``) and its text."""

    kind: str  # year, half, quarter, month, months, years, trailing, forward, asof
    first: int
    last: int
    canonical: str
    years: int = 0  # for trailing/forward spans: their length in years
    anchor: "Period | None" = None  # a string: the class refers to itself

    def __str__(self) -> str:
        return self.canonical

    @property
    def sort_key(self) -> tuple[int, int, str]:
        """Later periods sort later; among periods ending together, longer ones first."""
        return (self.last, -(self.last - self.first), self.canonical)

    def shifted(self, years: int) -> "Period":
        """The same period ``years`` years later (earlier when negative)."""
        if self.kind in ("trailing", "forward", "asof"):
            assert self.anchor is not None
            anchor = self.anchor.shifted(years)
            if self.kind == "asof":
                return _asof(anchor)
            if self.kind == "trailing":
                return _trailing(self.years, anchor)
            return _forward(anchor, self.years)
        return _from_months(self.kind, self.first + 12 * years, self.last + 12 * years)

    def in_words(self, lang: str) -> str:
        """How a person writes this period: ``2020年1-5月`` or ``Jan–May 2020``."""
        return _words_zh(self) if lang == "zh" else _words_en(self)


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
        raise PeriodError(kind)
    return Period(kind, first, last, text)


def _trailing(years: int, anchor: Period) -> Period:
    return Period("trailing", anchor.last - 12 * years + 1, anchor.last,
                  f"P{years}Y/{anchor.canonical}", years, anchor)


def _forward(anchor: Period, years: int) -> Period:
    return Period("forward", anchor.first, anchor.first + 12 * years - 1,
                  f"{anchor.canonical}/P{years}Y", years, anchor)


def _asof(anchor: Period) -> Period:
    return Period("asof", anchor.last, anchor.last, f"@{anchor.canonical}", 0, anchor)


_YEAR = r"(\d{4})"
# Pattern strings, not compiled objects: re compiles (and caches) only those a run uses.
_SIMPLE = [
    (rf"{_YEAR}", "year"),
    (rf"{_YEAR}-H([12])", "half"),
    (rf"{_YEAR}-Q([1-4])", "quarter"),
    (rf"{_YEAR}-(\d{{2}})", "month"),
]
_MONTHS = rf"{_YEAR}-(\d{{2}})/(?:{_YEAR}-)?(\d{{2}})"
_YEARS = rf"{_YEAR}/{_YEAR}"
_TRAILING = r"P(\d{1,2})Y/(.+)"
_FORWARD = r"(.+)/P(\d{1,2})Y"
_ZH: list[tuple[str, Callable[..., str]]] = [
    (r"(\d{4})年", lambda y: f"{y}"),
    (r"(\d{4})年上半年", lambda y: f"{y}-H1"),
    (r"(\d{4})年下半年", lambda y: f"{y}-H2"),
    (r"(\d{4})年第?([一二三四1-4])季度", lambda y, q: f"{y}-Q{_ZH_DIGITS[q]}"),
    (r"(\d{4})年(\d{1,2})月", lambda y, m: f"{y}-{int(m):02d}"),
    (r"(\d{4})年(\d{1,2})[-－—~～至到](\d{1,2})月",
     lambda y, a, b: f"{y}-{int(a):02d}/{int(b):02d}"),
    (r"(\d{4})[-－—~～至到](\d{4})年", lambda a, b: f"{a}/{b}"),
]


def _month_index(year: str, month: str) -> int:
    m = int(month)
    if not 1 <= m <= 12:
        raise PeriodError(f"month {month} is not 01-12")
    return int(year) * 12 + m - 1


def _parse_anchor(text: str) -> Period:
    for pattern, kind in _SIMPLE:
        match = re.fullmatch(pattern, text)
        if not match:
            continue
        year = int(match.group(1))
        if kind == "year":
            return _from_months(kind, year * 12, year * 12 + 11)
        if kind == "half":
            first = year * 12 + (int(match.group(2)) - 1) * 6
            return _from_months(kind, first, first + 5)
        if kind == "quarter":
            first = year * 12 + (int(match.group(2)) - 1) * 3
            return _from_months(kind, first, first + 2)
        index = _month_index(match.group(1), match.group(2))
        return _from_months(kind, index, index)
    raise PeriodError(f"'{text}' is not a period")


@lru_cache(maxsize=4096)  # data repeat a few periods thousands of times; a Period is immutable
def parse_period(text: str) -> Period:
    """Parse a canonical period string (or one of the zh forms) into a :class:`Period`.

    >>> parse_period("2020年1-5月").canonical
    '2020-01/05'
    """
    text = text.strip()
    if "年" in text:
        for pattern, canon in _ZH:
            if zh := re.fullmatch(pattern, text):
                text = canon(*zh.groups())
                break
    if text.startswith("@"):
        return _asof(_parse_anchor(text[1:]))
    if match := re.fullmatch(_TRAILING, text):
        years = int(match.group(1))
        if years < 1:
            raise PeriodError("a span needs at least one year")
        return _trailing(years, _parse_anchor(match.group(2)))
    if match := re.fullmatch(_FORWARD, text):
        years = int(match.group(2))
        if years < 1:
            raise PeriodError("a span needs at least one year")
        return _forward(_parse_anchor(match.group(1)), years)
    if match := re.fullmatch(_MONTHS, text):
        first = _month_index(match.group(1), match.group(2))
        last = _month_index(match.group(3) or match.group(1), match.group(4))
        if last <= first:
            raise PeriodError(f"'{text}': the last month must come after the first")
        return _from_months("months", first, last)
    if match := re.fullmatch(_YEARS, text):
        first, last = int(match.group(1)), int(match.group(2))
        if last <= first:
            raise PeriodError(f"'{text}': the last year must come after the first")
        return _from_months("years", first * 12, last * 12 + 11)
    return _parse_anchor(text)


def _words_zh(p: Period) -> str:
    y1, m1 = _year_month(p.first)
    y2, m2 = _year_month(p.last)
    if p.kind == "year":
        return f"{y1}年"
    if p.kind == "half":
        return f"{y1}年{'上' if m1 == 1 else '下'}半年"
    if p.kind == "quarter":
        return f"{y1}年{'一二三四'[(m1 - 1) // 3]}季度"
    if p.kind == "month":
        return f"{y1}年{m1}月"
    if p.kind == "months":
        return f"{y1}年{m1}-{m2}月" if y1 == y2 else f"{y1}年{m1}月至{y2}年{m2}月"
    if p.kind == "years":
        return f"{y1}-{y2}年"
    assert p.anchor is not None
    anchor = _words_zh(p.anchor)
    count = _ZH_NUMBERS.get(p.years, str(p.years))
    if p.kind == "trailing":
        return f"截至{anchor}的一年" if p.years == 1 else f"截至{anchor}的近{count}年"
    if p.kind == "forward":
        return f"{anchor}起{p.years}年"
    return f"截至{anchor}"


def _words_en(p: Period) -> str:
    y1, m1 = _year_month(p.first)
    y2, m2 = _year_month(p.last)
    if p.kind == "year":
        return f"{y1}"
    if p.kind == "half":
        return f"H{(m1 - 1) // 6 + 1} {y1}"
    if p.kind == "quarter":
        return f"Q{(m1 - 1) // 3 + 1} {y1}"
    if p.kind == "month":
        return f"{_EN_MONTHS[m1 - 1]} {y1}"
    if p.kind == "months":
        if y1 == y2:
            return f"{_EN_MONTHS[m1 - 1]}–{_EN_MONTHS[m2 - 1]} {y1}"
        return f"{_EN_MONTHS[m1 - 1]} {y1}–{_EN_MONTHS[m2 - 1]} {y2}"
    if p.kind == "years":
        return f"{y1}–{y2}"
    assert p.anchor is not None
    anchor = _words_en(p.anchor)
    count = _EN_NUMBERS.get(p.years, str(p.years))
    plural = "year" if p.years == 1 else f"{count} years"
    if p.kind == "trailing":
        return f"the {plural} to {anchor}"
    if p.kind == "forward":
        return f"{'one year' if p.years == 1 else plural} from {anchor}"
    return f"as of {anchor}"
