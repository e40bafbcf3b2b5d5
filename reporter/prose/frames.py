"""The document's frame: the period that dates a figure with no time word in its own sentence.

A bulletin says its period once and means it throughout: in its title (岱山县2021年国民经济和社会
发展统计公报), in a section heading (一、2022年工作回顾), or in the lead of its first paragraph
(上半年，县委、县政府…). Inside a paragraph a lead time word (one opening a sentence, or set off
by a comma: 前三季度，全区实现…。其中，第一产业…) dates the sentences after it until another one.
A page that frames nothing (a newspaper page mixing years) keeps "not stated" for a figure with no
time word of its own.

How each period is known is kept with the figure (:data:`BASES`): ``stated`` (a time word in its
own sentence), ``carried`` (from the paragraph's lead or the document's title or heading), or
``assumed`` (no time word: the publication date, ``--as-of``, bounds it).
"""

from __future__ import annotations

import re
from bisect import bisect_left

from reporter.prose.time_words import CALENDAR, PeriodWord

BASES = ("stated", "carried", "assumed")
FRAMING = ("year", "half", "quarter", "months")  # a title's 2021年 or 上半年 frames; 截至目前 does not
TERMINAL = "。！？"
TITLE_LENGTH = 60  # a title's characters at most
LIST_JOINS = ("、", "和", "及", "与", "，")  # what joins the items of a list of time words
ATTRIBUTION = ("根据", "据", "经", "按", "初步", "数据显示", "统计显示")  # 根据…核算结果，初步核算，数据显示: whence the figures
HONOURS = ("荣获", "获评", "被评为", "荣膺", "授予")  # a headline about an honour names the honour's year
CONTINUING = ("其中",)  # a sentence that goes on from the one before (其中，…): its period too


def title_frame(masked: str, words: list[PeriodWord]) -> PeriodWord | None:
    """The period word of the document's first line when it is a title (short, no sentence
    punctuation at its end): 岱山县2021年国民经济和社会发展统计公报 → 2021年."""
    first = len(masked) - len(masked.lstrip())
    if first == len(masked):
        return None
    end = masked.find("\n", first)
    end = len(masked) if end < 0 else end
    line = masked[first:end].rstrip(" 　□\t\r")
    if line[-1:] in TERMINAL or len(line) > TITLE_LENGTH:  # a sentence, or a paragraph cut short: no title
        return None
    if any(word in line for word in HONOURS):  # …荣获2017年度全省…先进集体: the award's year, not the figures'
        return None
    return next((w for w in words[:bisect_left([x.start for x in words], end)]
                 if w.start >= first and w.kind in FRAMING), None)


def heading_frames(masked: str, words: list[PeriodWord], headings: list[tuple[int, int]]) -> list[tuple[int, PeriodWord]]:
    """(offset, word) for each heading line that names a period (一、2022年工作回顾), but one
    about an honour (…荣获2017年度…先进集体: the award's year, not the figures')."""
    at = [w.start for w in words]
    out = []
    for start, end in headings:
        if any(word in masked[start:end] for word in HONOURS):
            continue
        inside = words[bisect_left(at, start):bisect_left(at, end)]
        framing = [w for w in inside if w.kind in FRAMING]
        if framing:
            out.append((start, framing[0]))
    return out


def first_lead(masked: str, first: list[tuple[int, int]], words: list[PeriodWord]) -> PeriodWord | None:
    """The lead of a document's first paragraph (上半年，县委、县政府…: a calendar word opening its
    first sentence, ``first``, set off by a comma): it frames the paragraphs that print no time word."""
    if not first:
        return None
    word = words[0] if words else None
    if word is None or word.kind not in ("year", "half", "quarter", "months") or word.start >= first[0][1]:
        return None
    opens = not masked[first[0][0]:word.start].strip(" 　□\t\r")
    return word if opens and masked[word.end:word.end + 1] == "，" else None


def introduction(masked: str, span: tuple[int, int], words: list[PeriodWord]) -> PeriodWord | None:
    """The period an opening paragraph that states no figure names last (今年以来，…，前三季度经济
    运行总体呈平稳增长态势。): an introduction says what the report is about, like a title."""
    start, end = span
    body = list(masked[start:end])
    for w in words:
        body[w.start - start:w.end - start] = "□" * (w.end - w.start)
    if any(ch.isdigit() for ch in body):
        return None
    return next((w for w in reversed(words) if w.kind in FRAMING), None)


def sentence_leads(masked: str, sentences: list[tuple[int, int]], words: list[PeriodWord],
                   opening: PeriodWord | None) -> list[PeriodWord | None]:
    """For each sentence, the lead in force from the sentences before it: the last time word that
    opened one (前三季度全区…。其中，…), else the paragraph's opening word or the document's frame."""
    out: list[PeriodWord | None] = []
    lead = opening
    at = 0
    last: PeriodWord | None = None  # the last word of the sentence before: 其中，… continues it
    for s, e in sentences:
        continues = masked[s:e].lstrip(" 　□\t\r").startswith(CONTINUING)
        out.append(last or lead if continues else lead)
        last = None
        while at < len(words) and words[at].start < e:
            if words[at].start >= s and words[at].kind in CALENDAR and _opens(masked[s:words[at].start]):
                lead = words[at]
            last = words[at] if words[at].start >= s else last
            at += 1
    return out


def _opens(before: str) -> bool:
    """Whether a time word with ``before`` ahead of it in its sentence opens it: nothing before it,
    only a clause saying where the figures come from (根据…核算结果，2023年，…; 初步核算，一季度…), or
    a section's heading run into the sentence (三、建筑产业有所回落上半年，…; 人口 年末全县…)."""
    label = before.lstrip(" 　□\t\r")
    before = label.rstrip(" 　□\t\r")
    return (not before or re.fullmatch(rf"(?:{'|'.join(ATTRIBUTION)})[^，。；\n]{{0,30}}，", before) is not None
            or re.fullmatch(r"[一二三四五六七八九十]{1,3}、[^，。；、\n]{2,15}", before) is not None
            or re.fullmatch(r"[\u4e00-\u9fff]{2,8}[ 　]+", label) is not None)


def respective_periods(masked: str, span: tuple[int, int], words: list[PeriodWord], readings: list) -> list:
    """一季度、上半年、前三季度和全年…分别为18.8%、9.6%、8.7%和6.2%: each figure after 分别 takes its
    own period from a list of time words before it in its sentence (``readings``: those of the
    paragraph ``span``, in order, as :class:`reporter.prose.readings.Reading`)."""
    starts, word_at = [r.start for r in readings], [w.start for w in words]
    for m in re.finditer("分别", masked[span[0]:span[1]]):
        at = span[0] + m.start()
        before = words[bisect_left(word_at, _sentence_start(masked, at)):bisect_left(word_at, at)]
        listed = _listed(masked, [w for w in before[-12:] if w.end <= at])
        if len(listed) < 2:
            continue
        stop = min((i for i in (masked.find(mark, at, span[1]) for mark in "；。") if i >= 0), default=span[1])
        after = [i for i in range(bisect_left(starts, at), bisect_left(starts, stop))][:len(listed)]
        if len(after) == len(listed):
            for i, word in zip(after, listed, strict=True):
                readings[i] = readings[i]._replace(period=word, basis="stated")
    return readings


def _listed(masked: str, words: list[PeriodWord]) -> list[PeriodWord]:
    """The last run of time words joined only by list marks (一季度、上半年、前三季度和全年)."""
    run: list[PeriodWord] = []
    for w in words:
        if run and masked[run[-1].end:w.start] in LIST_JOINS:
            run.append(w)
        else:
            run = [w]
    return run


def _sentence_start(masked: str, at: int) -> int:
    return max(masked.rfind(mark, max(0, at - 200), at) for mark in "。！？\n") + 1
