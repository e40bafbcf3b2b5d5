"""Read Chinese statistical prose: which numbers a page states, and what each one means.

A *reading* is one number mention with everything the page says about it: the number and its
unit as written (``1009.0`` 万元, 20.98 万人, 56.7 亿; Chinese numerals in digits: 三家 → 3 家,
一点五亿元 → 1.5 亿元), its kind (a level, a rank: 第2, 全省第一, 10强; a rate of its own:
同比下降15.4%; a change in points of its own), its qualifier (多/余/超过 → ``more_than``,
以上/不少于 → ``at_least``, 约/左右 → ``approx``, 近 → ``nearly``, 目标/力争/计划招引/通过N年努力 →
``target``; 近百家 is nearly 100, 百余家 more than 100), the change that describes it (同比增长16%
→ ``16``; 比上年末增加0.14万人 → ``+0.14万人``; the rules: :mod:`reporter.prose.changes`), a rank's
move (提升了34个位次 → ``+34``), the period word that governs it and how the period is known
(:mod:`reporter.prose.time_words`, :mod:`reporter.prose.frames`). A count for each item of a list
(创成省级A和B各1家) is one reading per item. Years, dates, phone numbers, e-mail addresses,
ratios, numbers inside names (CCTV-2, PM2.5, “…”, 《…》, 三次产业, 5000万元以上项目), ordinals,
headings and vague counts (数百家, 几十人: no number a data file can hold) are not facts
(:mod:`reporter.prose.mentions`). Half-width punctuation reads as full-width, traditional characters
as simplified (:mod:`reporter.prose.script`; units stay as printed).

The vocabularies are the tables below and in the modules named, one place each; everything else
is mechanism.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from functools import lru_cache
from typing import NamedTuple

from reporter.model import units
from reporter.prose import changes as said_changes
from reporter.prose.changes import clause_start
from reporter.prose.figure_names import clause_end, is_stock, labels, trim
from reporter.prose.frames import (
    CONTINUING,
    first_lead,
    heading_frames,
    introduction,
    respective_periods,
    sentence_leads,
    title_frame,
)
from reporter.prose.mentions import (
    BARE,
    CJK,
    ESTIMATE_WORDS,
    QUALIFIER_BEFORE,
    base_value,
    compared_with,
    is_quantity,
    number_text,
    plan_word,
    value_and_unit,
)
from reporter.prose.numerals import POINT
from reporter.prose.script import simplified, unglossed
from reporter.prose.time_words import (
    CALENDAR,
    LOOK_BACK,
    PeriodWord,
    governing,
    opening_period,
    period_words,
)

__all__ = ["ESTIMATE_WORDS", "UNITS", "Reading", "number_text", "read"]

# --------------------------------------------------------------------------- vocabularies

QUALIFIER_INSIDE = {"多": "more_than", "余": "more_than"}  # 9100多万元, 300余万元
QUALIFIER_AFTER = {"以上": "at_least", "左右": "approx", "上下": "approx", "多": "more_than"}  # 50家以上, 4倍多
SCOPES = ("全国", "全省", "全市", "全区", "全县")
EXTRA_UNITS = ("人次", "平方公里", "篇", "座", "台", "套", "支", "辆", "吨", "户", "天", "批", "种", "株", "‰",
               "头", "只", "千瓦时", "千伏安", "千瓦", "千米", "公里", "米", "毫米", "小时", "张", "册", "场次",
               "件/套", "件/万人", "微克/立方米", "米/秒", "℃", "镇", "乡", "席", "强", "倍", "公顷", "立方米",
               "部", "床", "间", "千克", "公斤", "个百分点", "个千分点", "元/人", "盒", "箱", "瓶", "羽", "匹", "棵",
               "本", "艘", "架", "双", "根", "块", "处", "宗", "笔", "票", "例", "车次", "架次", "班次", "课时",
               "标准箱", "千公顷", "美元", "元/平方米", "元/吨", "兆瓦", "立方米/秒", "毫克/升", "人年", "㎡")
UNITS = tuple(sorted(set(units.KNOWN_UNITS + EXTRA_UNITS), key=len, reverse=True))
TERMINAL = "。！？"

# What is masked before reading: none of it states a fact, and digits inside it are not numbers.
MASKS = (
    r"“[^”\n]{0,25}”", r"《[^》\n]*》", r"「[^」\n]{0,25}」", r'"[^"\n]{0,25}"',  # names and titles
    r"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}", r"(?:https?://|www\.)[^\s，。；]+",  # e-mail, URL
    r"(?:电话|热线|传真|手机|联系方式)[：:]?\s*[\d\-－ ]{3,}", r"\d{3,4}[-－]\d{7,8}", r"(?<!\d)1[3-9]\d{9}(?!\d)",
    r"[A-Za-z]+[-－]?\d[A-Za-z0-9.-]*|\d+[A-Za-z][A-Za-z0-9]*",  # CCTV-2, 5G, 3D, PM2.5
    r"(?:\d{4}年)?\d{1,2}月\d{1,2}[日号]|\d{4}[-/.]\d{1,2}[-/.]\d{1,2}",  # dates
    r"\d+(?:\.\d+)?(?:[∶:：]\d+(?:\.\d+)?)+",  # ratios (6.7∶74.1∶19.2) and times of day
    r"(?<=[\d%‰])（(?:全国|全省|全市|全州)[^（）\n\d]{0,6}-?\d+(?:\.\d+)?[%‰]?）",  # 增长7.5%（全市11.1%）: the benchmark
    r"\d+(?:\.\d+)?[‰%](?=(?:人口)?(?:变动)?抽样)",  # 5‰人口变动抽样调查: the survey's sample, its name
    r"届[^，。；\n\d]{0,8}?[一二三四五六七八九十\d]{1,3}次(?:全体)?(?:会议|全会)",  # 十六届人大三次会议: a session's name
)
SECTION = re.compile(r"(?:[一二三四五六七八九十]{1,3}、|（[一二三四五六七八九十]{1,3}）|\d{1,2}[.、．](?!\d))")  # a numbered heading
HALF_WIDTH = {",": "，", ";": "；", ":": "：", "(": "（", ")": "）", "!": "！", "?": "？"}  # read alike


# --------------------------------------------------------------------------- values


class Reading(NamedTuple):
    """One number mention and what the page says about it (offsets index the text read)."""

    value: str  # digits as written (1009.0, 20.98 of 20.98万人); Chinese numerals in digits
    unit: str  # as written: 亿元, 万人, 头, ‰, 位 (a rank), % (a rate)
    qualifier: str  # exact more_than approx nearly at_least target
    qualifier_word: str  # the word that made it so: 多, 近, 目标 … ('' when exact)
    written: str  # the mention as printed: 近600台套, 第22位, 三家
    start: int  # where the number begins
    end: int  # where the mention ends
    rank: bool
    scope: str  # 全省, 全市 … for a rank
    yoy: str | None  # signed, as written: 16, -14.7
    change_word: str  # the words stating the change or move: 同比增长, 下降, 前移 …
    rank_change: int | None
    period: PeriodWord | None
    point: bool  # a level at a moment (rank, total, …率): a span is read as its end
    label: str  # the words before the number that say what it counts
    quote_start: int
    quote_end: int
    kind: str = "level"  # level, growth (a rate of its own), points (a change in points of its own), rank
    change: str | None = None  # an absolute or points change, signed, with its unit: +0.14万人, +0.34个百分点
    basis: str = "assumed"  # how the period is known: stated, carried, assumed (reporter.prose.frames)


# --------------------------------------------------------------------------- numbers


_WIDE = str.maketrans("０１２３４５６７８９．％－", "0123456789.%-")
_BEFORE_LONGEST_FIRST = sorted(QUALIFIER_BEFORE, key=len, reverse=True)
_QUALIFIERS = {**QUALIFIER_BEFORE, **QUALIFIER_INSIDE, **QUALIFIER_AFTER}
_ZH_INT = r"[一二两三四五六七八九十][〇零一二两三四五六七八九十百千万]*?"
_ZH_FRACTION = rf"{POINT}[〇零一二三四五六七八九]+"  # 一点五, 三点二万
_ZH_NUM = rf"{_ZH_INT}(?:{_ZH_FRACTION})?|[零〇]{_ZH_FRACTION}|[{''.join(BARE)}]"
_NUM = rf"\d+(?:,\d{{3}})+(?:\.\d+)?|\d+(?:\.\d+)?|{_ZH_NUM}"
_STOP = r"(?=[，。；、（）\s]|$)"


def _alt(words: tuple[str, ...]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@lru_cache(maxsize=1)
def _patterns() -> dict[str, re.Pattern[str]]:
    """Compiled on first use: importing the module costs no regex compilation."""
    unit = _alt(UNITS)
    return {
        "mask": re.compile("|".join(f"(?:{m})" for m in MASKS)),
        "mention": re.compile(rf"(?P<sign>(?<![\d.])-)?(?P<ord>第|(?<=全国|全省|全市|全区|全县)前)?(?P<num>{_NUM})(?P<mid>多|余)?"
                              rf"[ 　]?(?:(?:(?P<unit>{unit})|(?P<mul>[千万亿])(?P<mid2>多|余)?(?P<unit2>{unit}))"
                              rf"(?P<per>/(?:年|日|天|小时))?"  # 2 万吨/年: a capacity, per year
                              rf"|(?P<bare>[万亿])(?![多余])|(?P<nounit>)(?:{_STOP}|(?=水平)))"  # 全市前3水平
                              rf"(?P<post>以上|左右|上下|多(?!{CJK}))?"),
        "half": re.compile("[" + re.escape("".join(HALF_WIDTH)) + "]"),
        "para": re.compile(r"[^\n]*"),
        "sentence": re.compile(rf"[^{TERMINAL}\n]+[{TERMINAL}]?|[{TERMINAL}]"),
    }


# --------------------------------------------------------------------------- the reader


def read(text: str, headings: bool = True) -> list[Reading]:
    """Every number mention of ``text`` that states a fact, in text order. ``headings`` False reads
    short unpunctuated lines too (a quote such as 省科技型中小企业6家 is not a heading), and no
    document frame (a quote is read on its own)."""
    glossed = unglossed(text)
    if glossed is not None:  # read without a mirror's pinyin glosses; offsets index the page
        bare, at = glossed
        return [_placed(r, at) for r in read(bare, headings)]
    pats = _patterns()
    wide = re.search("[０-９．％－]", text) is not None  # translate is slow on long Chinese text
    plain = text.translate(_WIDE) if wide else text
    source = simplified(plain)  # a page in traditional characters reads as simplified, offsets kept
    named, heads = _mask(_full_width(source), pats["mask"], headings)
    masked = _blank(named, heads)
    words = period_words(masked)
    changes = said_changes.find_changes(masked)
    frame, framing = None, []
    if headings:
        all_words = period_words(named)
        frame, framing = title_frame(named, all_words), heading_frames(named, all_words, heads)
    word_at, change_at = [w.start for w in words], [c.start for c in changes]
    out: list[Reading] = []
    lead = None  # the first paragraph's lead: it frames the paragraphs that print no time word
    last: PeriodWord | None = None  # the previous paragraph's last calendar word
    for n, (start, end) in enumerate(_paragraphs(masked)):
        while framing and framing[0][0] < start:
            frame = framing.pop(0)[1]
        ws = words[bisect_left(word_at, start):bisect_left(word_at, end)]
        cs = changes[bisect_left(change_at, start):bisect_left(change_at, end)]
        if n == 0 and headings:
            lead = first_lead(masked, _split(masked, start, end)[:1], ws) or introduction(masked, (start, end), ws)
        opening = frame or (None if ws else lead)
        if last is not None and masked[start:end].lstrip(" 　□").startswith(CONTINUING):
            opening = last  # a paragraph opening 其中… goes on from the sentence before it, and its period
        out.extend(_read_paragraph(text, masked, (start, end), ws, cs, (opening, frame or lead)))
        last = next((w for w in reversed(ws) if w.kind in CALENDAR), None)
    return [_as_written(text, masked, r) for r in out] if source is not plain else out


def _placed(r: Reading, at: list[int]) -> Reading:
    """A reading of a text read without its glosses, with offsets into the glossed page."""
    def end(i: int) -> int:
        return at[i - 1] + 1 if i > 0 else 0

    period = r.period._replace(start=at[r.period.start], end=end(r.period.end)) if r.period is not None else None
    return r._replace(start=at[r.start], end=end(r.end), quote_start=at[r.quote_start], quote_end=end(r.quote_end),
                      period=period)


def _as_written(text: str, masked: str, r: Reading) -> Reading:
    """A reading of a page in traditional characters with its unit as the page prints it (億元),
    and the unit of its change too (比上年末增加0.3萬人 → +0.3萬人, 提高1.3個百分點)."""
    at = masked.rfind(r.unit, r.start, r.end) if r.unit and not r.rank else -1
    if at >= 0:
        r = r._replace(unit=text[at:at + len(r.unit)])
    change = r.change or ""
    unit = change.lstrip("+-0123456789.")
    said = masked.rfind(unit, r.end, r.quote_end) if unit else -1
    return r._replace(change=change[:-len(unit)] + text[said:said + len(unit)]) if said >= 0 else r


def _full_width(text: str) -> str:
    """Half-width , ; : ( ) ! ? as their full-width forms (same length), except , and : between
    digits (1,200; 10:42): text copied from web pages reads like the rest."""
    def swap(m: re.Match[str]) -> str:
        at, mark = m.start(), m.group()
        if mark in ",:" and 0 < at < len(text) - 1 and text[at - 1].isdigit() and text[at + 1].isdigit():
            return mark
        return HALF_WIDTH[mark]

    return _patterns()["half"].sub(swap, text) if any(ch in text for ch in HALF_WIDTH) else text


def _mask(text: str, mask: re.Pattern[str], headings: bool) -> tuple[str, list[tuple[int, int]]]:
    """``text`` with names, addresses and dates blanked out (same length, same offsets), and the
    spans of its heading lines (short, and no sentence punctuation)."""
    out = mask.sub(lambda m: "□" * len(m.group()), text)
    heads: list[tuple[int, int]] = []
    if headings:
        at = 0
        for line in out.split("\n"):
            body = line.strip()
            numbered = SECTION.match(body) is not None and body[-1:] == "。"  # 一、1-3月份主要经济指标完成情况。
            if len(body) <= 30 and not any(ch in (body[:-1] if numbered else line) for ch in "，。；！？,;"):
                heads.append((at, at + len(line)))
            at += len(line) + 1
    return out, heads


def _blank(named: str, heads: list[tuple[int, int]]) -> str:
    if not heads:
        return named
    parts, at = [], 0
    for start, end in heads:
        parts += [named[at:start], "□" * (end - start)]
        at = end
    return "".join(parts) + named[at:]


def _paragraphs(masked: str) -> list[tuple[int, int]]:
    """Paragraph spans; one that breaks off without sentence punctuation (a page break in the
    middle of a sentence) continues in the next one."""
    spans: list[tuple[int, int]] = []
    open_ = False
    for m in _patterns()["para"].finditer(masked):
        body = m.group().strip().strip("□")
        if not body:
            continue
        if open_ and spans:
            spans[-1] = (spans[-1][0], m.end())
        else:
            spans.append((m.start(), m.end()))
        open_ = body[-1] not in TERMINAL + "；”」）).!?;"
    return spans


def _overlaps(start: int, end: int, spans: list[tuple[int, int]], ends: list[int]) -> bool:
    """Whether [start, end) overlaps one of ``spans`` (sorted, not overlapping each other; ``ends``
    their ends): the first span ending after ``start`` is the only one that can."""
    i = bisect_right(ends, start)
    return i < len(spans) and spans[i][0] < end


def _disjoint(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Spans sorted and merged where they overlap."""
    out: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if out and start < out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], end))
        else:
            out.append((start, end))
    return out


def _split(masked: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sentence spans (。！？) of a paragraph."""
    return [(m.start(), m.end()) for m in _patterns()["sentence"].finditer(masked, start, end)]


def _read_paragraph(text: str, masked: str, span: tuple[int, int], words: list[PeriodWord],
                    changes: list[said_changes.Change], frames: tuple[PeriodWord | None, PeriodWord | None],
                    ) -> list[Reading]:
    """The readings of one paragraph; ``frames``: the frame that dates what no time word dates, and
    the document's (a title's, a heading's, the first lead's), which 全年 and 二季度 are read in."""
    start, end = span
    frame, document = frames
    sentences = _split(masked, start, end)
    taken = _disjoint([(w.start, w.end) for w in words] + [(c.start, c.end) for c in changes
                       if c.marked or c.kind != "absolute"])  # 减少1.7万户 alone may be a figure
    ends = [e for _s, e in taken]
    s_starts, word_at = [s for s, _e in sentences], [w.start for w in words]
    leads = sentence_leads(masked, sentences, words, opening_period(masked, start, end, words) or frame)
    found: list[tuple[Reading, str]] = []
    for m in _patterns()["mention"].finditer(masked, start, end):
        if not _overlaps(m.start("num"), m.end(), taken, ends) and is_quantity(masked, m):
            at = max(0, bisect_left(s_starts, m.start() + 1) - 1)
            sentence = sentences[at] if sentences else (start, end)
            own = words[max(bisect_left(word_at, sentence[0]), bisect_left(word_at, m.start()) - LOOK_BACK):
                        bisect_left(word_at, m.start())]
            found.append(_reading(text, masked, m, sentence, own, (leads[at] if leads else frame, document)))
    readings, loose = said_changes.attach(masked, labels(text, masked, found), changes, sentences)
    earlier = {c.earlier for c in changes if c.earlier >= 0}  # 由第一位下滑到第六位: the first place's time
    if earlier:  # is not the second's, and the page does not say it
        readings = [r._replace(period=None, basis="assumed") if r.rank and r.start in earlier else r for r in readings]
    if loose:
        rates = [_rate(text, masked, rate, (sentences, s_starts, word_at), words, leads, frames) for rate in loose]
        readings = sorted(readings + rates, key=lambda r: r.start)
    return respective_periods(masked, span, words, readings) if "分别" in masked[start:end] else readings


def _reading(text: str, masked: str, m: re.Match[str], sentence: tuple[int, int], para_words: list[PeriodWord],
             leads: tuple[PeriodWord | None, PeriodWord | None]) -> tuple[Reading, str]:
    """A mention read on its own, with the raw words before it (named by :func:`labels`)."""
    num_start = m.start("num")
    value, unit = value_and_unit(m)
    is_rank = bool(m.group("ord")) or unit == "强"
    clause_begin = clause_start(masked, m.start())
    before = masked[clause_begin:m.start()]
    prefix = next((w for w in _BEFORE_LONGEST_FIRST if before.endswith(w) or before.endswith(w + "了")), "")
    if prefix and before.endswith(prefix + "了"):
        prefix += "了"
    qualifier_word = prefix.rstrip("了") or m.group("mid") or m.group("mid2") or m.group("post") or ""
    qualifier = _QUALIFIERS.get(qualifier_word, "exact")
    period = base_value(masked, clause_begin, m.start()) or governing(masked, num_start, clause_begin, sentence,
                                                                      para_words, *leads)
    target = plan_word(masked, sentence[0], m.start())
    if target or (period is not None and period.kind in ("forward", "by_year")):
        qualifier, qualifier_word = "target", target or (period.text if period else "")
    label_start = max([clause_begin, *(w.end for w in para_words if clause_begin <= w.end <= m.start())])
    places = {s: masked.rfind(s, clause_begin, m.start()) for s in SCOPES} if is_rank else {}
    scope = max(places, key=lambda s: places[s]) if places and max(places.values()) >= 0 else ""
    quote_start = clause_begin
    if period is not None and sentence[0] <= period.start < m.start() and "\n" not in masked[period.start:m.start()]:
        period_clause = clause_start(masked, period.start)
        if masked.count("，", period_clause, m.start()) + masked.count("；", period_clause, m.start()) <= 1:
            quote_start = period_clause  # the period word's clause, when it is this one or the one before
    kind = "rank" if is_rank else "points" if unit in ("个百分点", "个千分点") else "level"
    if unit == "倍" and before.rstrip("了").endswith(said_changes.UP + said_changes.DOWN):
        kind = "growth"  # 增长1倍: a rate of change, in times
    base = compared_with(masked, m.start(), period) if unit == "%" else None
    if base is not None:  # 较一季度（-10.8%）: the rate it is compared with, of that period
        kind, period = "growth", base
    written_start = m.start() - len(prefix) if not m.group("sign") else min(m.start() - len(prefix), m.start())
    return (Reading(value, unit, qualifier, qualifier_word, text[written_start:m.end()], num_start, m.end(),
                    is_rank, scope, None, "", None, period, is_rank, "", quote_start, clause_end(masked, m.end()),
                    kind=kind, basis=_basis(period, sentence)), text[label_start:m.start() - len(prefix)])


def _basis(period: PeriodWord | None, sentence: tuple[int, int]) -> str:
    if period is None:
        return "assumed"
    return "stated" if sentence[0] <= period.start < sentence[1] else "carried"


def _rate(text: str, masked: str, loose: said_changes.Loose, split: tuple[list[tuple[int, int]], list[int], list[int]],
          words: list[PeriodWord], leads: list[PeriodWord | None],
          frames: tuple[PeriodWord | None, PeriodWord | None]) -> Reading:
    """A rate (同比下降15.4%) or a change in points no figure takes: a fact of its own."""
    change = loose.change
    sentences, s_starts, word_at = split
    at = max(0, bisect_left(s_starts, change.start + 1) - 1)
    sentence = sentences[at] if sentences else (change.start, change.end)
    words = words[max(bisect_left(word_at, sentence[0]), bisect_left(word_at, change.start) - LOOK_BACK):
                  bisect_left(word_at, change.start)]
    begin = clause_start(masked, change.start)
    period = governing(masked, change.start, begin, sentence, words, leads[at] if leads else frames[0], frames[1])
    target = plan_word(masked, sentence[0], change.start)
    start = loose.at + (1 if masked[loose.at] == "-" else 0)
    label_start = max([begin, *(w.end for w in words if begin <= w.end <= change.start)])
    label = trim(text[label_start:change.start])
    if period is not None and period.kind == "asof" and change.kind == "yoy" and not is_stock(label):
        period = period._replace(kind="months", a=1)  # 截止9月末，生猪出栏下降4.6%: a flow's rate over 1-9月
    return Reading(loose.value.lstrip("+"), change.unit or "%", "target" if target else "exact", target,
                   text[change.start:change.end], start, change.end, False, "", None, change.word, None, period,
                   False, label, begin, clause_end(masked, change.end),
                   kind="growth" if change.kind == "yoy" else "points", basis=_basis(period, sentence))

