"""Changes a bulletin reports, and the figure each one belongs to.

A change is a year-over-year rate (同比增长16%, 比上年下降2.9%, 增速25%), an absolute change
(比上年末增加0.14万人, 减少1.7万户), a change in percentage points (提高0.34个百分点, 个千分点) or a
rank's move (提升了34个位次, 由第12位上升到第6位). Each belongs to the figure of its own clause:

- a change that leads into its figure belongs to it (增长12.6%达92.9亿元; 分别增长12%和13%，分别达…);
- otherwise to the figure before it, after the previous change, never across a "；" (a rate of
  增速 reaches back over "；" within its sentence: 研发费用16.02亿元，…；累计增速25%);
- a rate whose clause names what grew is that thing's (…405.97亿元，园区工业增加值增长1.8%);
- a rate in % is not a share's change (占比达96.05%，同比下降15.6%: the decline is of what the
  share is a share of); an absolute change goes to a figure of its own unit, points to a rate;
- a rate with no figure of its own is a fact of its own, kind ``growth`` (规模以上工业增加值同比
  下降15.4%), and so is a change in points (kind ``points``).

Split from :mod:`reporter.prose.readings`, which finds the figures; the vocabulary is the tables below.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from decimal import Decimal
from functools import lru_cache
from typing import NamedTuple

from reporter.prose.numerals import chinese_decimal

UP = ("增长", "增加", "提高", "上升", "提升", "上涨", "回升", "净增")
DOWN = ("下降", "减少", "降低", "下滑", "回落", "下跌", "净减")
RANK_UP = ("提升", "上升", "前移", "前进", "跃升", "进位", "提高")
RANK_DOWN = ("下降", "下滑", "后移", "后退", "退后", "回落")
RANK_STEPS = ("个位次", "个名次", "位次", "名次", "位", "名")
YOY_MARKERS = ("同比", "比上年同期", "比去年同期", "较上年同期", "较去年同期", "比上年末", "比上年", "比去年",
               "较上年", "较去年", "比上一年度", "同口径")
LEADS_INTO = ("分别达到", "分别达", "分别为", "达到", "达", "至")  # 增长12.6%达92.9亿元: the figure follows
WINDOW = 24  # the figures before a change that it may belong to, at most: its own clause's are the nearest
POINTS = ("个百分点", "百分点", "个千分点", "千分点")
_ZH_INT = r"[一二两三四五六七八九十][〇零一二两三四五六七八九十百千万]*?"
_NUM = r"\d+(?:\.\d+)?"


class Change(NamedTuple):
    """A change as printed: where, its values (signed, as written), and what it may belong to."""

    start: int
    end: int
    values: tuple[str, ...]  # signed: 16, -14.7; a rank's places gained
    word: str  # the words stating it: 同比增长, 下降, 前移 …
    kind: str  # yoy (a rate in %), absolute, points, rank
    unit: str  # absolute and points: the unit as written (万人, 个百分点); else ''
    marked: bool  # a comparison word (同比, 比上年末) says it is a change; 减少1.7万户 alone does not
    offsets: tuple[int, ...]  # where each value is printed
    reach: bool = False  # 增速25%: may reach back over "；" within its sentence
    earlier: int = -1  # 由第一位下滑到第六位: where the earlier rank is printed, when no time word dates it


def _alt(words: tuple[str, ...]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@lru_cache(maxsize=1)
def patterns() -> dict[str, re.Pattern[str]]:
    """Compiled on first use."""
    num = rf"{_NUM}|{_ZH_INT}"
    vals = rf"-?(?:{_NUM})[ 　]?%(?:[、和]-?(?:{_NUM})[ 　]?%)*"  # 增长 10.5 %: spaces a PDF copy prints
    base = r"[较比](?:\d{4}年|上年|去年)(?:末|底)"  # 较2023年末净增11152户: since a year's end
    marker = rf"(?P<marker>{_alt(YOY_MARKERS)}|{base})?(?:（[^（）\n\d]{{0,12}}）)?(?:分别)?"  # 同比（下同）, not （3.2%）
    return {
        "move": re.compile(rf"(?P<dir>{_alt(RANK_UP + RANK_DOWN)})了?(?P<num>\d+|{_ZH_INT})(?:{_alt(RANK_STEPS)})"),
        "between": re.compile(rf"由[^，。；\n]{{0,12}}?第(?P<a>\d+|{_ZH_INT})位(?P<dir>{_alt(RANK_UP + RANK_DOWN)})"
                              rf"(?:到|至)第(?P<b>\d+|{_ZH_INT})位"),
        "yoy": re.compile(rf"{marker}(?P<dir>{_alt(UP + DOWN)})了?(?:分别为?|分别是)?[ 　]?(?P<vals>{vals})"
                          rf"|(?P<speed>(?:累计)?(?:增幅|增速))(?:分别)?(?:为|达到|达|是)?[ 　]?(?P<vals2>{vals})"),
        "absolute": re.compile(rf"{marker}(?P<dir>{_alt(UP + DOWN)})了?[ 　]?"
                               rf"(?P<num>{_NUM}(?:[、和]{_NUM})+|{num})[ 　]?(?P<unit>{_alt(POINTS)}|"
                               r"(?:万|亿)?[人户家个元吨亩项件]|万元|亿元)(?![\u4e00-\u9fff])"),
        "value": re.compile(rf"-?{_NUM}"),
        "span": re.compile(rf"(?:\d+|{_ZH_INT})年(?:来|以来|间|内)?$"),
    }


def find_changes(masked: str, start: int = 0, end: int | None = None) -> list[Change]:
    """Rank moves, rates, absolute and points changes in ``masked[start:end]``, in text order.
    Where two readings cover the same words, the one tried first (in that order) wins."""
    pats = patterns()
    end = len(masked) if end is None else end
    kept: list[Change] = []
    spans: list[tuple[int, int]] = []  # sorted and disjoint: a new span can only overlap its neighbours

    def keep(change: Change, span: tuple[int, int]) -> None:
        i = bisect_left(spans, span)
        if any(s < span[1] and span[0] < e or s == e == span[0] for s, e in spans[max(0, i - 1):i + 1]):
            return
        kept.append(change)
        spans.insert(i, span)

    for m in pats["between"].finditer(masked, start, end):
        gained = int(_digits(m.group("a"))) - int(_digits(m.group("b")))
        dated = re.search("[年季月]", masked[m.start():m.start("a")])  # 由二季度的第12位: its own time
        keep(Change(m.end(), m.end(), (str(gained),), m.group("dir"), "rank", "", True, (m.end(),),
                    earlier=-1 if dated else m.start("a")), (m.end(), m.end()))
    for m in pats["move"].finditer(masked, start, end):
        sign = "" if m.group("dir") in RANK_UP else "-"
        keep(Change(m.start(), m.end(), (sign + _digits(m.group("num")),), m.group("dir"), "rank", "", True,
                    (m.start("num"),)), (m.start(), m.end()))
    for m in pats["absolute"].finditer(masked, start, end):
        if not m.group("marker") and pats["span"].search(masked, max(0, m.start() - 4), m.start()):
            continue  # 三年净增13家: what a span of years added, not a change of the figure before
        sign = "-" if m.group("dir") in DOWN else "+"
        unit = m.group("unit")
        kind = "points" if unit in POINTS else "absolute"
        if kind == "points" and not unit.startswith("个"):
            unit = "个" + unit
        said = list(re.finditer("[^、和]+", m.group("num")))  # 回升69.7和68.0个百分点: one unit, two values
        keep(Change(m.start(), m.end(), tuple(sign + _digits(v.group()) for v in said),
                    (m.group("marker") or "") + m.group("dir"), kind, unit, bool(m.group("marker")),
                    tuple(m.start("num") + v.start() for v in said)), (m.start(), m.end()))
    for m in pats["yoy"].finditer(masked, start, end):
        keep(_rate(m), (m.start(), m.end()))
    return sorted(kept)


def _rate(m: re.Match[str]) -> Change:
    direction = m.group("dir") or ""
    sign = "-" if direction in DOWN else ""
    group = "vals" if m.group("vals") else "vals2"
    found = list(patterns()["value"].finditer(m.group(group)))
    values = tuple(_signed(sign, v.group()) for v in found)
    offsets = tuple(m.start(group) + v.start() for v in found)
    word = (m.group("marker") or "") + direction if direction else m.group("speed")
    return Change(m.start(), m.end(), values, word, "yoy", "", bool(m.group("marker")), offsets,
                  reach=not direction)


def _digits(written: str) -> str:
    return written if written[0].isdigit() else str(chinese_decimal(written))


def _signed(sign: str, written: str) -> str:
    if written.startswith("-"):
        return written[1:] if sign else written
    return sign + written if Decimal(written) != 0 else written


def leads_into(masked: str, change: Change, next_start: int) -> bool:
    """Whether the words between a change and the next figure lead into it (增长12.6%达92.9亿元)."""
    between = masked[change.end:next_start].lstrip("，")
    return bool(between) and any(between == w for w in LEADS_INTO)


def window_start(masked: str, change: Change, sentence_start: int) -> int:
    """Where the figures a change may belong to begin: its clause group (after the last "；"), or
    for a rate of 增速 its sentence."""
    if change.reach:
        return sentence_start
    return max(sentence_start, masked.rfind("；", sentence_start, change.start) + 1)


class Loose(NamedTuple):
    """A change no figure takes: a rate or points change that is a fact of its own."""

    change: Change
    value: str
    at: int  # where the value is printed


def attach(masked: str, readings: list, changes: list[Change], sentences: list[tuple[int, int]]) -> tuple[list, list[Loose]]:
    """Give each change to its figure (the rules of the module docstring); readings are
    :class:`reporter.prose.readings.Reading` (anything with their fields). Returns the readings,
    and the rates and points changes no figure took."""
    loose: list[Loose] = []
    dropped: set[int] = set()
    starts = [r.start for r in readings]
    s_starts = [s for s, _e in sentences]
    for change in changes:
        at = bisect_right(s_starts, change.start) - 1
        s_start, s_end = sentences[at] if at >= 0 else (0, len(masked))
        if change.kind == "rank":
            end = bisect_left(starts, change.start)
            _move(masked, readings, change, range(max(bisect_left(starts, s_start), end - WINDOW), end))
            continue
        own = list(range(bisect_left(starts, change.start), bisect_left(starts, change.end)))
        first = bisect_left(starts, change.end)
        after = list(range(first, min(bisect_left(starts, s_end), first + len(change.values))))
        begin, end = window_start(masked, change, s_start), bisect_left(starts, change.start)
        window = range(max(bisect_left(starts, begin), end - WINDOW), end)
        chosen = _forward(masked, readings, change, after)
        if not chosen and not names_its_own(masked, change):
            chosen = _backward(masked, readings, change, window)
        if not change.marked and change.kind == "absolute" and not chosen:
            continue  # 增加500人 with nothing before it of its unit: a figure, read as one
        dropped.update(own)
        for i, value in zip(chosen, change.values[-len(chosen):] if chosen else (), strict=False):
            readings[i] = _give(masked, readings[i], change, value)
        if change.kind in ("yoy", "points"):
            left = len(change.values) - len(chosen)
            loose += [Loose(change, v, at) for v, at in zip(change.values[:left], change.offsets[:left], strict=True)]
    return [r for i, r in enumerate(readings) if i not in dropped], loose


AVERAGE = ("年均", "年平均", "平均每年")
NOT_A_SUBJECT = ("比", "较", "与", "按", "同", "分别", "累计", "增速", "增幅", "扣除")


def names_its_own(masked: str, change: Change) -> bool:
    """Whether a rate's or points change's clause names what grew (…405.97亿元，园区规模以上工业增加值
    增长1.8%; 贡献率为6.6%，拉动GDP增长0.2个百分点): then it is that thing's, not the figure's before
    it; an average over years (年均增长24.6%) is no change on the year before either. Comparison and
    manner words (比上年, 按可比价计算, 分别, 累计增速) name nothing."""
    if change.kind not in ("yoy", "points"):
        return False
    before = masked[clause_start(masked, change.start):change.start].strip(" 　□")
    if re.search(r"\d[\u4e00-\u9fff%‰]{0,4}、$", before):
        return False  # 生产总值83.91亿元、增长10.8%: set off from its figure by 、 alone, it names nothing
    before = before.removeprefix("其中").lstrip("：， 　")  # 其中制造业增长10%: a part, named
    if before.endswith(AVERAGE):  # 年均增长24.6%: a rate over years, no change on the year before
        return True
    named = len(re.findall(r"[\u4e00-\u9fffA-Za-z]", before))  # 拉动GDP增长0.2个百分点: GDP names
    return named >= 3 and not before.startswith(NOT_A_SUBJECT)


def _fits(reading, change: Change) -> bool:
    """Whether a figure can take a change: not a rank, no change of that sort yet, and of a kind the
    change can describe (a rate in % is not a share's; points and absolute changes keep units)."""
    if reading.rank or reading.kind != "level":
        return False
    if change.kind == "yoy":
        return reading.yoy is None and reading.change is None and reading.unit != "%"
    if reading.change is not None or reading.yoy is not None:
        return False
    if change.kind == "points":
        return reading.unit == ("‰" if "千" in change.unit else "%")
    return reading.unit == change.unit


def _forward(masked: str, readings: list, change: Change, after: list[int]) -> list[int]:
    """增长12.6%达92.9亿元, 分别增长12%和13%，分别达43366元和13835元: the figures it leads into."""
    if change.kind != "yoy" or not after or not leads_into(masked, change, readings[after[0]].start):
        return []
    ahead = [i for i in after[:len(change.values)] if _fits(readings[i], change)]
    return ahead if len(ahead) == len(change.values) else []


def _backward(masked: str, readings: list, change: Change, window: range) -> list[int]:
    """The figures before a change in its window, after the previous change's figure; a figure in
    brackets the change stands outside of is an aside (78655元（按年平均汇率折算为11162美元），比上年
    增长7.8%: the rate is the 元 figure's)."""
    before = list(window)
    taken = [i for i in before if readings[i].yoy is not None or readings[i].change is not None]
    if taken and not change.reach:
        before = [i for i in before if i > taken[-1]]
    fitting = [i for i in before if _fits(readings[i], change) and not _aside(masked, readings[i].start, change.start)]
    return fitting[-len(change.values):]


def _aside(masked: str, at: int, change_at: int) -> bool:
    """Whether ``at`` stands in brackets that close before ``change_at``."""
    opened = masked.rfind("（", max(0, at - 40), at)
    if opened < 0 or masked.rfind("）", opened, at) >= 0:
        return False
    closed = masked.find("）", at, change_at)
    return closed >= 0


def _give(masked: str, r, change: Change, value: str):
    if change.kind == "yoy":
        r = r._replace(yoy=value, change_word=change.word)
    else:
        r = r._replace(change=f"{value}{change.unit or r.unit}", change_word=change.word)
    if "\n" in masked[r.quote_end:change.start]:
        return r
    return r._replace(quote_end=max(r.quote_end, clause_end(masked, change.end)))


def _move(masked: str, readings: list, change: Change, before: range) -> None:
    """A rank's move goes to the rank before it in its sentence (the one of the scope it names)."""
    ranks = [i for i in before if readings[i].rank and readings[i].rank_change is None]
    clause = masked[clause_start(masked, change.start):change.start]
    scoped = [i for i in ranks if readings[i].scope and readings[i].scope in clause]
    for i in (scoped or ranks)[-1:]:
        moved = readings[i]._replace(rank_change=int(change.values[0]), change_word=change.word)
        if "\n" not in masked[moved.quote_end:change.start]:
            moved = moved._replace(quote_end=max(moved.quote_end, clause_end(masked, change.end)))
        readings[i] = moved


CLAUSE_MARKS = "，；：。！？\n"


def clause_start(masked: str, at: int) -> int:
    """Where the clause holding ``at`` begins (clauses are short: a walk back is cheapest)."""
    while at > 0 and masked[at - 1] not in CLAUSE_MARKS:
        at -= 1
    return at


def clause_end(masked: str, at: int) -> int:
    while at < len(masked) and masked[at] not in CLAUSE_MARKS:
        at += 1
    return at
