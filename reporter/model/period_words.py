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

from reporter.model.periods import (
    CANONICAL,
    Period,
    PeriodError,
    Rows,
    anchor_of,
    first_match,
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
    read_period,
    span_years,
)

EN_MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
_EN_MONTH_NAMES = ["january", "february", "march", "april", "may", "june", "july", "august", "september",
                   "october", "november", "december"]
_EN_NUMBERS = {1: "one", 2: "two", 3: "three", 4: "four", 5: "five", 6: "six", 7: "seven", 8: "eight",
               9: "nine", 10: "ten"}
_ZH_NUMBERS = {1: "一", 2: "两", 3: "三", 4: "四", 5: "五", 6: "六", 7: "七", 8: "八", 9: "九", 10: "十"}
_COUNTS = {**{v: k for k, v in _EN_NUMBERS.items()}, **{v: k for k, v in _ZH_NUMBERS.items()}, "二": 2,
           "a": 1, "first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4}
_QUARTERS_ZH = "一二三四"


# --------------------------------------------------------------------------- printing


def period_in_words(p: Period, lang: str) -> str:
    """``2020年1-5月`` / ``Jan–May 2020``: what :data:`WORDS` reads back to the same period."""
    return _zh(p) if lang == "zh" else _en(p)


def _ym(index: int) -> tuple[int, int]:
    return index // 12, index % 12 + 1


def _zh(p: Period) -> str:
    (y1, m1), (y2, m2) = _ym(p.first), _ym(p.last)
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
        return f"截至{anchor}的近{_ZH_NUMBERS.get(p.years, p.years)}年"  # 近一年, 近两年: the latest n years
    if p.kind == "forward":
        return f"{anchor}起{p.years}年"
    return f"截至{anchor}"


def _en(p: Period) -> str:
    (y1, m1), (y2, m2) = _ym(p.first), _ym(p.last)
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
            f"{'the year' if n == 1 else f'{_EN_NUMBERS.get(n, n)} years'} {'before' if p.years < 0 else 'after'} "
        return f"{shift}{'a ' if shift else ''}period not stated (reported {_reported_en(p.anchor)})"
    anchor = _en(p.anchor)
    count = _EN_NUMBERS.get(p.years, str(p.years))
    if p.kind == "trailing":
        return f"the {'year' if p.years == 1 else f'{count} years'} to {anchor}"
    if p.kind == "forward":
        return f"{'one year' if p.years == 1 else f'{count} years'} from {anchor}"
    return f"as of {anchor}"


# When an unstated fact was reported, worded from its anchor. A half or quarter is the
# period the source reports on, so the source appeared as it closed (the bundled page,
# reporting H1 2020, appeared mid-2020); a year or month is the source's own date.
def _reported_zh(anchor: Period) -> str:
    y, m = _ym(anchor.first)
    if anchor.kind == "half":
        return f"{y}年年中" if m == 1 else f"{y}年年末"
    if anchor.kind == "quarter":
        return f"{_zh(anchor)}末"
    return _zh(anchor)


def _reported_en(anchor: Period) -> str:
    y, m = _ym(anchor.first)
    if anchor.kind == "half":
        return f"mid-{y}" if m == 1 else f"at the end of {y}"
    if anchor.kind == "quarter":
        return f"at the end of {_en(anchor)}"
    return f"in {_en(anchor)}"


# --------------------------------------------------------------------------- reading

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
    y, m = _ym(period.last)
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
    import unicodedata  # an extension module: loaded only when a period is not canonical

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
        found = first_match(CANONICAL, marked)
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
