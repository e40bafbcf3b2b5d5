"""Periods in the words people write them, Chinese and English: printed and read back.

:func:`period_in_words` prints a :class:`~reporter.model.periods.Period`; :data:`WORDS` reads
what it prints and the common phrasings of Chinese statistical bulletins (``2020年1-9月份``,
``1至9月``, ``前三季度``, ``截至9月末``, ``2020年度``) and of English reports (``H1 2020``,
``Jan–May 2020``, ``the two years to H1 2020``), and what every other printer of a period
writes: a brief's sentence forms (``近两年（截至2020年上半年末）``, ``In H1 2020``, ``Over the
two years to H1 2020``) and a period in brackets after a figure (``未注明时期，见于2020年年中报道``).
A form without a year is refused with the same words and a year filled in, as an example.
Text is first brought to one spelling
(full-width digits and letters, every dash and wave, spaces, letter case), then matched
whole against the rows in order; a row's builder may still refuse (``2020年13月``).

Imported only when a period is printed or a string is not canonical.
"""

import re
import unicodedata  # full-width digits and marks in a period as written
from functools import lru_cache

from reporter.model.periods import (
    EN_NUMBERS,
    ZH_NUMBERS,
    Period,
    PeriodError,
    Rows,
    as_anchor,
    first_match,
    grammar,
    of_asof,
    of_forward,
    of_half,
    of_month,
    of_months,
    of_quarter,
    of_trailing,
    of_unstated,
    of_year,
    of_years,
    span_years,
    year_month,
)

_EN_MONTH_NAMES = ["january", "february", "march", "april", "may", "june", "july", "august", "september",
                   "october", "november", "december"]
_COUNTS = {**{v: k for k, v in EN_NUMBERS.items()}, **{v: k for k, v in ZH_NUMBERS.items()}, "二": 2,
           "a": 1, "first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4}


# --------------------------------------------------------------------------- reading


def anchor_of(text: str) -> Period:
    """The anchor of an as-of, span or unstated period, canonical or in words (``2020年上半年``)."""
    return as_anchor(read_period(text, suggest=False), text)



_MON = "(" + "|".join(f"{full}|{full[:3]}" + ("|sept" if full == "september" else "")
                      for full in _EN_MONTH_NAMES) + r")\.?"
_ZH_N = r"(\d{1,2}|[一二两三四五六七八九十])"
_EN_N = r"(\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten)"
_TO = r"(?:-|至|到)"


def _count(text: str | None) -> int:
    """A count written as digits or a word (两, five); none written means one."""
    return 1 if text is None else _COUNTS.get(text) or int(text)


def _month(name: str) -> int:
    return _EN_MONTH_NAMES.index(next(n for n in _EN_MONTH_NAMES if n.startswith(name[:3]))) + 1


def _as_of(text: str) -> Period:
    """截至 + an anchor; 截至9月末 says the same as 截至9月."""
    period = read_period(text, suggest=False)
    return period if period.kind == "asof" else of_asof(anchor_of(text))


def _end_of(text: str) -> Period:
    """2020年9月末, 2020年底, 2020年年末, 2020年上半年末: a stock at the anchor's end."""
    return of_asof(anchor_of(text[:-1] if text.endswith("年年") else text))


def _day(year: str, month: str, day: str) -> Period:
    """A date is a period only as the end of its month (截至2020年6月30日 = asof/2020-06)."""
    m = int(month)
    last = 29 if m == 2 and int(year) % 4 == 0 and (int(year) % 100 or int(year) % 400 == 0) else \
        [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][(m - 1) % 12]
    if int(day) != last:
        raise PeriodError("period.day", text=f"{year}年{month}月{day}日")
    return of_asof(of_month(year, month))


def _end_anchor(text: str) -> Period:
    """The anchor a sentence's 截至… names: 2020年上半年末 → 2020-H1, 2020年6月底 → 2020-06, 2019年底 → 2019."""
    period = _as_of(text)
    assert period.anchor is not None  # an as-of period has one
    return period.anchor


def _summed(text: str) -> Period:
    """2020年1-9月累计: a running total over a year, half, quarter or run of months is that period.
    A month's 累计 (2020年9月累计) may mean the month or the months to it: the user says which."""
    period = read_period(text, suggest=False)
    if period.kind in ("year", "half", "quarter", "months", "years"):
        return period
    y, m = year_month(period.last)
    run = {1: of_month(y, 1), 3: of_quarter(y, 1), 6: of_half(y, 1), 12: of_year(y)}.get(m) or of_months(y, 1, y, m)
    months = f"{run.in_words('zh')} ({run.canonical})"
    if period.kind == "month":
        raise PeriodError("period.summed_month", None, text=f"{text}累计", months=months,
                          month=f"{period.in_words('zh')} ({period.canonical})")
    if period.kind == "asof":  # 截至9月底累计: this year's months to it, or everything ever, to that date
        raise PeriodError("period.summed_asof", None, text=f"{text}累计", months=months,
                          asof=f"{period.in_words('zh')} ({period.canonical})")
    raise PeriodError("period.summed", None, text=f"{text}累计")


def _refuse(key: str, **values: str) -> Period:
    raise PeriodError(key, None, **values)


def _reported(text: str) -> Period:
    """The anchor of 未注明时期（见于…报道）/ period not stated (reported …)."""
    found = first_match(REPORTED, text)
    if isinstance(found, Period):
        return found
    raise found or PeriodError("period.not_reported", text=text)


# Patterns match the whole text after _fold: lower case, dashes as '-', no spaces in Chinese.
WORDS: Rows = [
    # -- Chinese: a running total (2020年1-9月累计) is its period, when that is a span
    (r"((?:(?!累计).)+)累计", lambda t: _summed(t)),
    # -- Chinese: spans and as-of around an anchor
    (rf"(?:截至|截止)到?(.+?)(?:的近?|近){_ZH_N}年(?:间|内)?",
     lambda a, n: of_trailing(span_years(_count(n)), anchor_of(a))),
    (rf"近?{_ZH_N}年\((?:截至|截止)到?(.+)\)", lambda n, a: of_trailing(span_years(_count(n)), _end_anchor(a))),
    (rf"(.+?)起的?{_ZH_N}年(?:内|间)?", lambda a, n: of_forward(anchor_of(a), span_years(_count(n)))),
    (r"未注明时期\(见于(.+)报道\)", lambda w: of_unstated(_reported(w))),
    (r"未注明时期,见于(.+)报道", lambda w: of_unstated(_reported(w))),  # in brackets after a figure
    (r"(?:截至|截止)到?((?:(?!累计).)+)", _as_of),  # 截至…累计 is the row above's to refuse
    (r"(.+)(?:末|底)", _end_of),
    (r"(\d{4})年(\d{1,2})月(\d{1,2})日", _day),
    # -- Chinese: calendar periods
    (r"(\d{4})(?:年|年度|年全年|全年)", of_year),
    (r"(\d{4})年(上|下)半年", lambda y, h: of_half(y, 1 if h == "上" else 2)),
    (r"(\d{4})年第?([一二三四1-4])季度", lambda y, q: of_quarter(y, _count(q))),
    (r"(\d{4})年q([1-4])", of_quarter),
    (r"(\d{4})年前([二两三23])个?季度", lambda y, n: of_months(y, 1, y, 3 * _count(n))),
    (rf"(\d{{4}})年第?([一二三1-3]){_TO}第?([二三四2-4])季度",
     lambda y, a, b: of_months(y, 3 * _count(a) - 2, y, 3 * _count(b))),
    (r"(\d{4})年(\d{1,2})月份?", of_month),
    (rf"(\d{{4}})年(\d{{1,2}})(?:月份?)?{_TO}(\d{{1,2}})月份?", lambda y, a, b: of_months(y, a, y, b)),
    (rf"(\d{{4}})年(\d{{1,2}})月份?{_TO}(\d{{4}})年(\d{{1,2}})月份?", of_months),
    (rf"(\d{{4}})年?{_TO}(\d{{4}})年", of_years),
    # -- English: a sentence's opening (In 2019, Over the two years to H1 2020), then the period
    (r"(?:in|over|during) (.+)", lambda t: read_period(t, suggest=False)),
    # -- English: spans and as-of around an anchor
    (rf"(?:the )?(?:(?:last|past) )?(?:{_EN_N} years|(?:one |a )?year) (?:to|up to|ending|ended)(?: in)? (.+)",
     lambda n, a: of_trailing(span_years(_count(n)), anchor_of(a))),
    (rf"(?:the )?(?:{_EN_N} years|(?:one |a )?year) (?:from|starting)(?: in| with| from)? (.+)",
     lambda n, a: of_forward(anchor_of(a), span_years(_count(n)))),
    (r"(?:period )?not stated \(reported (.+)\)", lambda w: of_unstated(_reported(w))),
    (r"(?:period )?not stated, reported (.+)", lambda w: of_unstated(_reported(w))),  # in brackets after a figure
    (r"as (?:of|at) (?:the )?(?:end of )?(.+)", lambda a: of_asof(anchor_of(a))),
    (r"(?:at )?(?:the )?end of (.+)", lambda a: of_asof(anchor_of(a))),
    # -- English: calendar periods
    (r"(?:full|calendar)[- ]year (\d{4})", of_year),
    (r"h([12]),? (\d{4})", lambda h, y: of_half(y, h)),
    (r"(\d{4}),? h([12])", of_half),
    (r"(first|second|1st|2nd) half(?: of)?,? (\d{4})", lambda h, y: of_half(y, _count(h))),
    (r"q([1-4]),? (\d{4})", lambda q, y: of_quarter(y, q)),
    (r"(\d{4}),? q([1-4])", of_quarter),
    (r"(first|second|third|fourth|1st|2nd|3rd|4th) quarter(?: of)?,? (\d{4})",
     lambda q, y: of_quarter(y, _count(q))),
    (r"q1(?:-| to )q([2-4]),? (\d{4})", lambda q, y: of_months(y, 1, y, 3 * int(q))),
    (r"(?:the )?first (two|three|2|3) quarters(?: of)?,? (\d{4})", lambda n, y: of_months(y, 1, y, 3 * _count(n))),
    (rf"{_MON},? (\d{{4}})", lambda m, y: of_month(y, _month(m))),
    (rf"{_MON}(?:-| to ){_MON},? (\d{{4}})", lambda a, b, y: of_months(y, _month(a), y, _month(b))),
    (rf"{_MON},? (\d{{4}})(?:-| to ){_MON},? (\d{{4}})",
     lambda a, y, b, y2: of_months(y, _month(a), y2, _month(b))),
    (r"(\d{4})(?:-| to )(\d{4})", of_years),
    # -- near misses with a reason of their own
    (r"(\d{4})-h([03-9])", lambda y, h: _refuse("period.half", year=y, half=h)),
    (r"(\d{4})-q([05-9])", lambda y, q: _refuse("period.quarter", year=y, quarter=q)),
    (r"(\d{4})年第?([五六七八九十]|[05-9])季度", lambda y, q: _refuse("period.quarter", year=y, quarter=q)),
    (r"(\d{4})-(\d{2})-(\d{2})", lambda *d: _refuse("period.date", text="-".join(d))),
]

# 未注明时期（见于W报道） / period not stated (reported W): W as printed, then any anchor.
REPORTED: Rows = [
    (r"(\d{4})年年中", lambda y: of_half(y, 1)),
    (r"(\d{4})年年?(?:末|底)", lambda y: of_half(y, 2)),
    (r"(.+)(?:末|底)", anchor_of),
    (r"mid-(\d{4})", lambda y: of_half(y, 1)),
    (r"(?:at |by )?(?:the )?end of (\d{4})", lambda y: of_half(y, 2)),
    (r"(?:at |by )?(?:the )?end of (.+)", anchor_of),
    (r"in (.+)", anchor_of),
    (r"(.+)", anchor_of),
]

_DASHES = str.maketrans({c: "-" for c in "\u2010\u2011\u2012\u2013\u2014\u2015\u2212~\u301c\u223c"})


def _marks(text: str) -> str:
    """One spelling of digits, letters and dashes: ２０２０年１—５月 → 2020年1-5月."""

    text = unicodedata.normalize("NFKC", text).translate(_DASHES)
    while "--" in text:  # 2019——2020年
        text = text.replace("--", "-")
    return text.strip()


def _fold(text: str) -> str:
    """Chinese loses its spaces; English keeps single ones, none around a dash; all lower case."""
    if any(ch >= "\u2e80" for ch in text):
        return "".join(text.split()).lower()
    return " ".join(text.split()).replace(" -", "-").replace("- ", "-").lower()


def _zh_year(match: re.Match[str]) -> str:
    return match.group().translate(str.maketrans("〇零一二三四五六七八九", "00123456789"))


# Loosenings tried, in order, on a refused string: if the result parses, it is suggested.
LOOSER: list[tuple[str, object]] = [
    (r"\s+", ""),
    (r"(?i)unstated", "unstated"),
    (r"(?i)asof", "asof"),
    (r"[hqpy]", lambda m: m.group().upper()),
    (r"^([HQ][1-4])-?(\d{4})$", r"\2-\1"),
    (r"(\d{4})[-_]?([HQ][1-4])", r"\1-\2"),
    (r"^(\d{4})(0[1-9]|1[0-2])$", r"\1-\2"),
    (r"^(\d{4})[./](\d{1,2})$", r"\1-\2"),
    (r"(?<=[-/])(\d)(?!\d)", r"0\1"),
    (r"[〇零一二三四五六七八九]{4}(?=年)", _zh_year),
    (r"^(\d{4}年\d{1,2}-\d{1,2})$", r"\1月"),
]


def _suggestion(text: str) -> str | None:
    loose = text
    for pattern, replacement in LOOSER:
        loose = re.sub(pattern, replacement, loose)  # type: ignore[call-overload]
    if loose == text:
        return None
    try:
        period = read_period(loose, suggest=False)
    except PeriodError:
        return None
    if any(ch >= "\u2e80" for ch in text):
        return f"{period.in_words('zh')} ({period.canonical})"
    return period.canonical


def parse_words(text: str, refusal: PeriodError | None, suggest: bool) -> Period:
    """Read ``text`` (already refused as canonical, with ``refusal`` if a canonical row had one)."""
    marked = _marks(text)
    if marked != text:  # ２０２０－Ｈ１ is canonical once its marks are plain
        found = first_match(_READ, marked)
        if isinstance(found, Period):
            return found
        refusal = refusal or found
    folded = _fold(marked)
    if re.search(r"\d{4}", folded):  # every form in words names its year
        found = first_match(WORDS, folded)
        if isinstance(found, Period):
            return found
        refusal = refusal or found
    suggestion = _suggestion(marked) if suggest else None  # a near spelling says more than a part refused
    if suggestion:
        raise PeriodError("period.did_you_mean", suggestion, text=text, near=suggestion)
    if refusal is not None:
        raise refusal
    if "未注明" in folded or "not stated" in folded:
        raise PeriodError("period.unstated_needs_date", text=text)
    if not re.search(r"\d{4}", folded) and re.search(rf"[年月季]|目前|^(?:h[12]|q[1-4]|{_MON})\b", folded):
        example = _with_a_year(folded) if suggest else None
        if example:
            raise PeriodError("period.no_year_example", text=text, example=example)
        raise PeriodError("period.no_year", text=text)
    raise PeriodError("period.not_period", text=text)


_EXAMPLE_YEAR = "2020"  # the year an example fills in: the bundled page's, as every other example


def _with_a_year(folded: str) -> str | None:
    """The user's own yearless words with a year filled in, in words and canonically, if they then
    read: 1-9月份 → ``2020年1-9月 (2020-01/09)``, Jan–May → ``Jan–May 2020 (2020-01/05)``."""
    y = _EXAMPLE_YEAR
    if any(ch >= "\u2e80" for ch in folded):
        bare = re.sub(r"^(?:今年|本年|去年|上年)", "", folded)
        tries = [f"{y}年{bare}", re.sub(r"^((?:截至|截止|到)到?)", rf"\g<1>{y}年", bare),
                 re.sub(r"目前|现在|当前", f"{y}年上半年", bare), f"截至{y}年上半年{bare}"]
        lang = "zh"
    else:
        tries, lang = [f"{folded} {y}"], "en"
    for attempt in tries:
        if not re.search(r"\d{4}", attempt):
            continue
        try:
            period = read_period(attempt, suggest=False)
        except PeriodError:
            continue
        return f"{period.in_words(lang)} ({period.canonical})"
    return None


# --------------------------------------------------------------------------- the one way in


_READ = grammar(anchor_of)  # the canonical notation, its anchors also in words (asof/2020年上半年)


def read_period(text: str, suggest: bool) -> Period:
    """Parse without the cache; ``suggest`` looks for a near canonical spelling when refusing."""
    stripped = text.strip()
    found = first_match(_READ, stripped)
    if isinstance(found, Period):
        return found
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
