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

from bisect import bisect_left

from reporter.prose.time_words import PeriodWord

BASES = ("stated", "carried", "assumed")
FRAMING = ("year", "half", "quarter", "months")  # a title's 2021年 or 上半年 frames; 截至目前 does not
TERMINAL = "。！？"


def is_lead(masked: str, word: PeriodWord, sentence_start: int) -> bool:
    """A lead: a time word that opens its sentence, or is set off by a comma (前三季度，…)."""
    opens = not masked[sentence_start:word.start].strip(" 　□\t\r")
    return opens or masked[word.end:word.end + 1] == "，"


def title_frame(masked: str, words: list[PeriodWord]) -> PeriodWord | None:
    """The period word of the document's first line when it is a title (no sentence punctuation at
    its end): 岱山县2021年国民经济和社会发展统计公报 → 2021年."""
    body = masked.lstrip()
    first = masked.find(body[:1]) if body else -1
    if first < 0:
        return None
    end = masked.find("\n", first)
    end = len(masked) if end < 0 else end
    if masked[first:end].rstrip(" 　□\t\r")[-1:] in TERMINAL:
        return None
    return next((w for w in words[:bisect_left([x.start for x in words], end)]
                 if w.start >= first and w.kind in FRAMING), None)


def heading_frames(words: list[PeriodWord], headings: list[tuple[int, int]]) -> list[tuple[int, PeriodWord]]:
    """(offset, word) for each heading line that names a period (一、2022年工作回顾)."""
    at = [w.start for w in words]
    out = []
    for start, end in headings:
        inside = words[bisect_left(at, start):bisect_left(at, end)]
        framing = [w for w in inside if w.kind in FRAMING]
        if framing:
            out.append((start, framing[0]))
    return out
