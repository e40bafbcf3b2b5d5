"""Period words of Chinese statistical prose: which ones a text prints, which one governs a
number, and what period of our grammar (:mod:`reporter.model.periods`) each names.

A period word applies to what follows it: one set off by a comma (1-5月，…；…) to the end of its
sentence, one inside a clause (近两年兑现…；) to the next "；", and one that opens a paragraph
("1-5月，…。…") to the whole paragraph. Where none is in force, 累计/已 say "to date"; a number
under no word at all is "period not stated" (``unstated/<as-of>``), which is what the page says.
:func:`resolve_period` reads relative words (今年, 上半年, 1-9月, 截至目前, 近两年) against the
month the text speaks from.

The vocabulary is the table below; everything else is mechanism. Split from
:mod:`reporter.prose.readings`, which finds the numbers these words govern.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from reporter.model.period_words import parse_period
from reporter.model.periods import of_months  # 1-6月 is 上半年: one span, one period
from reporter.prose.numerals import chinese_number

# Period words: (pattern, kind). Tried in order at each position, so longer forms come first.
# Named groups: y (year as printed), r (今年/去年 …), a and b (months, half, quarter, years, span).
_N = r"\d{1,2}|[一二两三四五六七八九十]{1,3}"
_YR = r"(?:(?P<y>\d{4})[ 　]?年|(?P<r>今年|本年|去年|上年))?"
_TO = r"[-~—–－～至到]"
_STARTS = "今本去上下全近最过这通经用再未到至截目当以年前第元一二两三四五六七八九十如"  # first characters of period words
PERIOD_PATTERNS: tuple[tuple[str, str], ...] = (
    (rf"(?:截至|截止)到?{_YR}(?P<b>\d{{1,2}})月(?:底|末|份)?", "asof_month"),
    (r"(?:截至|截止)到?(?P<y>\d{4})[ 　]?年(?:底|末)?", "asof_year"),
    (r"(?:截至|截止|到)?(?:目前|现在)为?止|(?:截至|截止)到?(?:目前|现在|当前)|目前|当前|至今|如今|今年以来|年初以来|以来",
     "now"),  # 到目前为止，…；…: the whole word, so that a comma sets it off
    (r"(?:到|至)[ 　]?(?P<y>\d{4})[ 　]?年(?:底|末|(?!的))", "by_year"),  # 上升到2020年的1.77亿元: that year's, no deadline; 到 2025 年 as a copy spaces it
    (rf"(?P<a>\d{{4}}){_TO}(?P<b>\d{{4}})[ 　]?年", "years"),
    (rf"{_YR}(?P<a>{_N})月?{_TO}(?P<b>{_N})月份?", "months"),
    (rf"{_YR}元月?{_TO}(?P<b>{_N})月份?", "from_january"),
    (r"(?:(?P<y>\d{4})[ 　]?)?年(?:末|底)", "year_end"),
    (rf"{_YR}(?P<b>\d{{1,2}})月(?:末|底)", "asof_month"),  # 3月末，全县本外币存贷余额…
    (rf"{_YR}前(?P<a>[一二三])季度", "first_quarters"),
    (rf"{_YR}(?P<a>[上下])半年", "half"),
    (rf"{_YR}第?(?P<a>[一二三四1-4])季度", "quarter"),
    (rf"{_YR}(?P<a>\d{{1,2}})月份?(?![底末初\d日号]|上旬|中旬|下旬)", "month"),
    (rf"(?:通过|经过|用|再用)(?P<a>{_N})年(?:的)?(?:时间)?(?:努力|奋斗)?", "forward"),
    (rf"未来(?P<a>{_N})年", "forward"),
    (rf"(?P<a>{_N})年内", "forward"),
    (rf"(?:近|最近|过去|这)?(?P<a>{_N})年(?:来|以来|间)?", "trailing"),
    (r"(?P<y>\d{4})[ 　]?年度?|(?P<r>今年|本年|全年|当年(?!价)|去年|上年|上一年度|上年度)", "year"),
)
SPAN_ADDS = ("新增", "净增", "累计")  # 三年新增…3个: a bare span of years is the years to the date written
THIS_MONTH = "当月"  # under a span (1-3月), its last month
WHOLE_YEAR = ("全年", "当年")  # the year under review: the document's, else the last one ended (当年价: prices)
LOOK_BACK = 12  # the time words of a sentence looked back over: a number's own is among the nearest
CALENDAR = ("year", "half", "quarter", "months", "asof")  # hold to the end of their sentence, past "；"
LAST_YEAR = ("去年", "上年", "上一年度", "上年度")
BASE_JOINS = ("和", "、", "及")  # 较一季度和1-5月分别提高…: a time word listed after a base is a base too
TO_DATE_WORDS = ("累计", "已经", "已")  # "to date", when no period word is in force
# how a pattern's kind and its a, b become a word's shape
SHAPES = {"asof_year": lambda a, b: ("asof", 12, 12), "year_end": lambda a, b: ("asof", 12, 12),
          "from_january": lambda a, b: ("months", 1, b), "asof_month": lambda a, b: ("asof", b, b),
          "first_quarters": lambda a, b: ("months", 1, 3 * a), "month": lambda a, b: ("months", a, a)}


class PeriodWord(NamedTuple):
    """A period word as printed, and its shape: kind, year (None when relative) and a, b."""

    text: str
    start: int
    end: int
    kind: str  # year half quarter months asof now trailing forward by_year years
    year: int | None = None  # as printed (2019年); else read against the as-of month
    back: int | None = None  # years back for 今年 (0) and 去年 (1); None: the latest such period
    a: int = 0  # first month, half or quarter number, span length in years, first year
    b: int = 0  # last month, last year


@lru_cache(maxsize=1)
def _pattern() -> re.Pattern[str]:
    """Every period pattern as one regex, compiled on first use (importing costs nothing)."""
    periods = "|".join(f"(?P<p_{i}>{_numbered(p, i)})" for i, (p, _) in enumerate(PERIOD_PATTERNS))
    return re.compile(rf"(?=[\d{_STARTS}])(?:{periods})")


def _numbered(pattern: str, i: int) -> str:
    """Give a pattern's named groups the suffix ``_i``, so alternatives can share one regex."""
    return re.sub(r"\(\?P<(\w+)>", lambda m: f"(?P<{m.group(1)}_{i}>", pattern)


def period_words(masked: str) -> list[PeriodWord]:
    """Every period word of a (masked) text, in text order; a comparison base (比上年) is none,
    nor is a malformed one (截至0月底, 2021-2019年, 近0年)."""
    out: list[PeriodWord] = []
    base_end = -1  # where the last base ended: 较一季度和1-5月 names two bases
    for m in _pattern().finditer(masked):
        before = masked[m.start() - 1] if m.start() > 0 else ""
        if ((before and before in "比较与同") or (before in ("和", "由") and m.group().startswith(LAST_YEAR))
                or (before in BASE_JOINS and base_end == m.start() - 1)):
            base_end = m.end() + (2 if masked.startswith("同期", m.end()) else 0)  # 较去年同期和全年
            continue  # a base: 比上年, 由上年同期的2.05:1, 较一季度和1-5月
        if masked[max(0, m.start() - 2):m.start()] == "连续":  # 连续两年夺得: how long, not when
            continue
        i = (m.lastgroup or "p_0").split("_")[1]
        g = {k.rsplit("_", 1)[0]: v for k, v in m.groupdict().items() if v and k.endswith(f"_{i}") and k[0] != "p"}
        pattern_kind = PERIOD_PATTERNS[int(i)][1]
        if (pattern_kind == "trailing" and re.fullmatch(rf"(?:{_N})年", m.group())
                and not masked.startswith(SPAN_ADDS, m.end())):
            continue  # a bare length (一年为…企业提供): no 近/过去 or 来 ties it to the date written from,
            # unless what the years added follows (三年新增国家级创新平台3个: the three years to now)
        a, b = (_small(g.get(k, "")) for k in ("a", "b"))
        kind, a, b = SHAPES[pattern_kind](a, b) if pattern_kind in SHAPES else (pattern_kind, a, b)
        if ((kind in ("months", "asof") and not 1 <= a <= b <= 12) or (kind == "years" and not a < b)
                or (kind in ("trailing", "forward") and not 0 < a <= 30)):
            continue  # 截至0月底, 2021-2019年, 近0年: not periods
        back = None if "r" not in g or g["r"] in WHOLE_YEAR else int(g["r"] in LAST_YEAR)
        out.append(PeriodWord(m.group(), m.start(), m.end(), kind, int(g["y"]) if "y" in g else None, back, a, b))
    return out


@lru_cache(maxsize=4096)  # a file's facts often share a quote (a sentence with several figures)
def printed_time_words(text: str) -> tuple[str, ...]:
    """The time words a short text (a quote) prints, in text order: period words (上半年, 截至目前,
    2019年, 近两年) and the "to date" words (累计, 已); a comparison base (比上一年度) is none, nor is
    a year inside a name or title (“…2020年集体入驻仪式”, 《…》)."""
    masked = re.sub(r"“[^”]*”|《[^》]*》|\"[^\"]*\"", lambda m: "□" * len(m.group()), text)
    found = [w.text for w in period_words(masked)]
    return (*found, *(w for w in TO_DATE_WORDS if w in masked and not any(w in f for f in found)))


def basis_of(word: PeriodWord | None, period: str | None, quote_start: int) -> str:
    """How a drafted period is known (docs/data-format.md, *How a period is known*): stated when its
    time word stands within the words quoted, in the number's own clause; carried when it leads the
    sentence or paragraph before them (1-9月份，…；…2.8%); assumed when no word dates the number (a
    period not stated, or a span whose start the text does not print)."""
    if word is None or period is None or period.startswith("unstated/"):
        return "assumed"
    return "stated" if word.start >= quote_start else "carried"


def _small(text: str) -> int:
    """A small number as printed: 5, 五, 上 (half 1), 下 (half 2)."""
    if text.isdigit():
        return int(text)
    return {"上": 1, "下": 2}.get(text) or chinese_number(text) or 0


def opening_period(masked: str, start: int, end: int, para_words: list[PeriodWord]) -> PeriodWord | None:
    """The period word that opens a paragraph ("1-5月，…"): it governs the whole paragraph."""
    comma = masked.find("，", start, end)
    if comma < 0 or not para_words:
        return None
    rest = masked[start:comma]
    for w in para_words:
        if w.end <= comma:
            rest = rest.replace(masked[w.start:w.end], "", 1)
    inside = [w for w in para_words if w.end <= comma]
    return inside[-1] if inside and not rest.strip(" 　□在于") else None


def governing(masked: str, at: int, clause_start: int, sentence: tuple[int, int], para_words: list[PeriodWord],
              opening: PeriodWord | None, frame: PeriodWord | None = None) -> PeriodWord | None:
    """The period word the number at ``at`` (in the clause from ``clause_start``) falls under: the
    last one before it in its sentence, else the lead in force (the paragraph's, else the
    document's frame: :mod:`reporter.prose.frames`). A word inside a clause (近两年兑现…1200多万元)
    holds to the next "；"; one set off by a comma (1-5月，…；…) to the end of its sentence.
    全年, 今年 and 年末 take the year already in force (2020年，…；全年…), the frame's included."""
    def holds(w: PeriodWord) -> bool:  # set off by a comma, or opening the sentence as a calendar word
        if masked[w.end:w.end + 1] == "，":
            return True
        if w.kind == "trailing":  # 近5年增长4倍多，…: how it grew over the years, not what follows
            return "，" not in masked[w.end:at] and "；" not in masked[w.end:at]
        before_it = masked[sentence[0]:w.start]  # a calendar word before the sentence's first figure frames it
        for other in para_words:  # (the digits of 2023年，…前三季度 are no figure)
            if sentence[0] <= other.start and other.end <= w.start:
                before_it = before_it.replace(other.text, "")
        return "；" not in masked[w.end:at] or (w.kind in CALENDAR and ("，" not in before_it or not any(
            ch.isdigit() for ch in before_it)))

    candidates = [w for w in para_words[-LOOK_BACK:] if sentence[0] <= w.start and w.end <= at]
    before = candidates[:next((i + 1 for i in range(len(candidates) - 1, -1, -1) if holds(candidates[i])), 0)]
    word = before[-1] if before else opening
    if word is not None and word.kind == "quarter" and frame is not None and _cumulative(frame, word):
        word = frame  # 二季度 in a report on 上半年: the first half so far
    weak = word is None or (word in before and masked[word.end:word.end + 1] != "，" and "；" in masked[word.end:at])
    if weak:  # no period set off for this clause: 累计/已 still say "to date" (as the readings of a source do)
        clause = masked[clause_start:at]
        to_date = next((w for w in TO_DATE_WORDS if w in clause), None)
        if to_date is not None:
            start = clause_start + clause.index(to_date)
            if word is not None and word.kind in ("months", "half", "quarter") and word in before[:1]:
                # 1-6月全县申请专利200件；全县累计申请量2233件: the total at the end of the sentence's span
                last = {"half": 6 * word.a, "quarter": 3 * word.a}.get(word.kind, word.b)
                return PeriodWord(to_date, start, start + len(to_date), "asof", word.year, word.back, last, last)
            return PeriodWord(to_date, start, start + len(to_date), "now")
    said = masked.find(THIS_MONTH, clause_start, at)
    if said >= 0 and word is not None and word.kind in ("months", "half", "quarter"):  # 1-3月…；其中，当月…增长9.9%
        last = {"half": 6 * word.a, "quarter": 3 * word.a}.get(word.kind, word.b)
        return PeriodWord(THIS_MONTH, said, said + len(THIS_MONTH), "months", word.year, word.back, last, last)
    if word is not None and word.kind in ("year", "asof") and word.year is None and word.back != 1:
        earlier = [w for w in [frame, opening, *before[:-1]] if w is not None and w.year is not None]
        if earlier:
            word = word._replace(year=earlier[-1].year)
    return word


def _cumulative(frame: PeriodWord, quarter: PeriodWord) -> bool:
    """Whether a frame runs from January to the end of ``quarter`` (上半年 and 二季度, 1-9月 and 三季度)."""
    last = {"half": 6 * frame.a, "months": frame.b}.get(frame.kind)
    first = 1 if frame.kind == "half" and frame.a == 1 else frame.a if frame.kind == "months" else 0
    return first == 1 and last == 3 * quarter.a and frame.year in (None, quarter.year)


def month_index(as_of: str) -> int:
    """The last month of ``as_of`` (``2020-06``, or any period: ``2020-H1``) as ``year*12 + month-1``."""

    return parse_period(as_of).last


def anchor(index: int) -> str:
    """A month as the coarsest period ending with it: 2020-06 → ``2020-H1``, 2020-12 → ``2020``."""
    year, month = divmod(index, 12)
    month += 1
    if month == 12:
        return f"{year}"
    if month == 6:
        return f"{year}-H1"
    if month in (3, 9):
        return f"{year}-Q{month // 3}"
    return f"{year}-{month:02d}"


def resolve_period(word: PeriodWord | None, as_of: int | None, point: bool = False,
                   target: bool = False) -> str | None:
    """The period a word names, in the grammar of :mod:`reporter.model.periods`, read against the month
    ``as_of`` (``year*12 + month-1``); None when it needs a month and none is given.

    No word means the page does not say when: "period not stated", bounded by the month it was
    reported (unstated/2020-06); 目前/截至目前 is "as of the month"; a year still running is the
    year so far; a level (``point``) under a span is the span's end.
    """
    if word is None:
        return None if as_of is None else f"unstated/{anchor(as_of)}"
    if word.kind == "now":
        return None if as_of is None else f"asof/{anchor(as_of)}"
    if word.kind == "years":
        return f"{word.a}/{word.b}"
    if word.kind == "by_year":
        return f"asof/{word.year}" if word.year else None
    if word.kind in ("trailing", "forward"):
        if as_of is None:
            return None
        if word.kind == "forward":  # 通过5年努力, 未来5年: a span whose start the text does not print
            return f"unstated/{anchor(as_of)}"
        return f"asof/{anchor(as_of)}" if point else f"P{word.a}Y/{anchor(as_of)}"
    last_month = {"half": 6 * word.a, "quarter": 3 * word.a, "year": 12}.get(word.kind, word.b)
    if word.year is not None:
        year = word.year
    elif as_of is None:
        return None
    elif word.back is not None:
        year = as_of // 12 - word.back
    elif target and word.kind == "year":  # 力争全年…: the year running
        year = as_of // 12
    else:
        year = as_of // 12 if last_month <= as_of % 12 + 1 else as_of // 12 - 1
    if word.kind == "year":  # the year the word names, even while it runs (2020年首次…下达170万元: 2020 so far);
        # a level in a year still running is a level as of the month written from
        running = as_of is not None and year == as_of // 12 and as_of % 12 < 11
        return f"asof/{anchor(as_of)}" if running and point and not target and as_of is not None else f"{year}"
    if word.kind == "asof":
        return f"asof/{anchor(year * 12 + word.b - 1)}"
    if point:
        return f"asof/{anchor(year * 12 + last_month - 1)}"
    if word.kind == "half":
        return f"{year}-H{word.a}"
    if word.kind == "quarter":
        return f"{year}-Q{word.a}"
    if word.a == word.b:
        return f"{year}-{word.a:02d}"

    return of_months(year, word.a, year, word.b).canonical
