"""Words for running text: how a period opens a sentence, a source's date, a label inside a
sentence, a figure as a phrase, and a change in words.

Tables say a period in its short form (``2020年1-5月``, ``as of H1 2020``); a sentence needs
more care. ``截至2020年上半年的一年`` reads wrongly to a Chinese editor (截至 wants a point in
time) and ``2020年起5年`` leaves the reader waiting; a sentence says ``近一年（截至2020年上半年末）``
and ``2020年起5年内``. A period the source does not state is no time a sentence can open on:
it follows the figure, ``科技贴息贷款2.6亿元（未注明时期）``, and the source's date is said
where the source is. An English label is a title (``Enterprises on the R&D project …``) and
is lower-cased inside a sentence, but only when its first word is a plain word: see
:func:`inline_label`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from decimal import Decimal
from functools import lru_cache
from typing import Any

from reporter.model.period_words import parse_period
from reporter.model.periods import Period
from reporter.model.units import normalise
from reporter.render import figures
from reporter.render.limits import template_number

_ZH_COUNTS = {1: "一", 2: "两", 3: "三", 4: "四", 5: "五", 6: "六", 7: "七", 8: "八", 9: "九", 10: "十"}
_EN_COUNTS = {1: "one", 2: "two", 3: "three", 4: "four", 5: "five", 6: "six", 7: "seven", 8: "eight",
              9: "nine", 10: "ten"}
_EN_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
              "November", "December")
_SIMPLE_KINDS = ("year", "half", "quarter", "month", "months", "years")

# --------------------------------------------------------------------------- periods


def _end_zh(anchor: Period) -> str:
    """The end of an anchor in words: ``2019年底``, ``2020年上半年末``, ``2020年三季度末``, ``2020年6月底``.

    The anchor itself, not only its last month: the words read back to the same period
    (``近两年（截至2020年上半年末）`` is P2Y/2020-H1, ``近两年（截至2020年6月底）`` P2Y/2020-06)."""
    return anchor.in_words("zh") + ("底" if anchor.kind in ("year", "month") else "末")


@lru_cache(maxsize=4096)  # a brief says a few periods thousands of times; a Period is immutable
def period_words(period: Period, lang: str) -> str:
    """A period as a sentence or a report says it.

    Only the forms that read wrongly in a sentence differ from :meth:`Period.in_words`:
    zh ``近两年（截至2020年上半年末）`` for a trailing span (not ``截至2020年上半年的近两年``) and
    ``2020年起5年内`` for a forward span; ``未注明时期`` / ``period not stated`` for a period
    the source does not state (its date, in brackets in ``in_words``, is the source's: a brief
    says it where it names the source). Any other kind, including kinds added later, is
    ``in_words`` unchanged.
    """
    if not period.comparable:
        return _INNER.sub("", period.in_words(lang))
    if lang == "zh" and period.kind == "trailing":
        count = _ZH_COUNTS.get(period.years, str(period.years))
        assert period.anchor is not None  # a trailing span ends with its anchor
        return f"近{count}年（截至{_end_zh(period.anchor)}）"
    if lang == "zh" and period.kind == "forward":
        return period.in_words("zh") + "内"
    return period.in_words(lang)


@lru_cache(maxsize=4096)
def lead(period: Period, lang: str) -> str:
    """How a sentence opens on a period: ``2019年`` / ``In 2019``, ``As of H1 2020``,
    ``Over the two years to H1 2020``, ``In the five years from 2020``; empty for a period the
    source does not state (no sentence opens on it: :func:`period_words` follows the figure)."""
    if not period.comparable:
        return ""
    if lang == "zh":
        return period_words(period, "zh")
    text = period.in_words("en")
    if period.kind in _SIMPLE_KINDS:
        return f"In {text}"
    if period.kind == "trailing":
        return f"Over {text}"
    if period.kind == "forward":
        return f"In the {text}"
    return text[:1].upper() + text[1:]  # as of H1 2020, and any kind that says itself


_INNER = re.compile(r"\s*[（(]([^（）()]*)[）)]")  # a bracket inside a period's words


def aside(period: Period, lang: str) -> str:
    """A period as it stands in brackets after a figure (a compared value, a note): its words,
    any bracket of their own made a clause, so brackets never nest:
    ``1家（未注明时期，见于2020年年中报道）`` / ``1 (period not stated, reported mid-2020)``."""
    comma = "，" if lang == "zh" else ", "
    return _INNER.sub(lambda m: comma + m.group(1), period.in_words(lang))


# --------------------------------------------------------------------------- dates

_DATE = re.compile(r"(\d{4})(?:[-/.](\d{1,2})(?:[-/.](\d{1,2}))?)?|(\d{4})年(?:(\d{1,2})月(?:(\d{1,2})日)?)?")


def date_words(date: str, lang: str) -> str:
    """A source's date in words: ``2020-10`` -> ``2020年10月`` / ``October 2020``.

    ``YYYY``, ``YYYY-MM``, ``YYYY-MM-DD`` (or ``/``, ``.``) and the zh forms are understood;
    anything else is shown as written, with 年 added in zh only after a bare year.
    """
    match = _DATE.fullmatch(date.strip())
    if not match:
        return date
    year, month, day = (match.group(1), match.group(2), match.group(3)) if match.group(1) else match.groups()[3:]
    if month and not 1 <= int(month) <= 12 or day and not 1 <= int(day) <= 31:
        return date
    if lang == "zh":
        return f"{year}年" + (f"{int(month)}月" if month else "") + (f"{int(day)}日" if day else "")
    if not month:
        return year
    words = f"{_EN_MONTHS[int(month) - 1]} {year}"
    return f"{int(day)} {words}" if day else words


def english_or_empty(text: str) -> str:
    """``text`` when it is already English (no CJK character), else empty: the caller says what it is."""
    return "" if any(ch >= "\u2e80" for ch in text) else text


def articles_en(count: int) -> str:
    """What a Chinese title stands for in English when the data gives no translation."""
    return "an article in Chinese" if count <= 1 else f"{_EN_COUNTS.get(count, str(count))} articles in Chinese"


def date_period(date: str) -> Period | None:
    """A source's date as the period it names (``2020-10`` -> October 2020), or None."""

    match = _DATE.fullmatch(date.strip())
    if not match:
        return None
    year, month = (match.group(1), match.group(2)) if match.group(1) else (match.group(4), match.group(5))
    if month and not 1 <= int(month) <= 12:
        return None
    return parse_period(f"{year}-{int(month):02d}" if month else year)


# --------------------------------------------------------------------------- English labels inside a sentence

_PLAIN = re.compile(r"[A-Z][a-z]+(?:[-–][a-z]+)*(?:['’]s)?")  # Enterprises, High-tech, Kuamai's
_WORD = re.compile(r"[A-Za-z][\w'’&]*(?:[-–][\w'’&]+)*")
_SENTENCE_END = re.compile(r"[.!?]\s*$")


def names_in(texts: Iterable[str], names: Iterable[str] = ()) -> frozenset[str]:
    """Names in the data's English: words it writes capitalised in the middle of a sentence and
    never in lower case (Hangzhou, Jianggan; not Technology, which "University of Technology"
    capitalises but "technology incubator" does not), plus each of ``names`` whole (a region's
    name, ``Synthetic County 001``, is a name; its word ``Synthetic`` alone need not be)."""
    texts = list(texts)
    lower = {part for text in texts for word in _WORD.findall(text) for part in re.split(r"[-–]", word)
             if part[:1].islower()}
    found = {name for name in names if name}
    for text in texts:
        for match in _WORD.finditer(text):
            before = text[:match.start()]
            if not before.strip() or _SENTENCE_END.search(before):
                continue  # a sentence's first word is capitalised whatever it is
            word = re.sub(r"['’]s$", "", match.group())
            if _PLAIN.fullmatch(word) and word.lower() not in lower:
                found.add(word)
    return frozenset(found)


def inline_label(label: str, names: frozenset[str] = frozenset()) -> str:
    """An English label as it reads inside a sentence.

    The first word is lower-cased only when it is a plain capitalised word (``Enterprises``,
    ``High-tech``) and nothing says it is a name: it keeps its capital when it is an acronym or
    mixed case (``R&D``, ``ZJU``), a possessive (``Hikvision's``), the first of two capitalised
    words (``Kuamai Medical``, ``Zhejiang University``), or a word the data writes capitalised
    mid-sentence elsewhere (``names``, from :func:`names_in`).
    """
    first, space, rest = label.partition(" ")
    if not _PLAIN.fullmatch(first) or re.search(r"['’]s$", first) or first in names:
        return label
    if any(" " in name and label.startswith(name) and not label[len(name):len(name) + 1].isalnum()
           for name in names):
        return label  # starts with a name of several words
    following = rest.split(" ", 1)[0]
    if _PLAIN.fullmatch(following.strip(",;:()")):
        return label
    return first[0].lower() + first[1:] + space + rest


# --------------------------------------------------------------------------- a figure as a phrase


def phrase(label: str, quantity: str, lang: str, template: str = "", aim: bool = False) -> str:
    """A figure as a clause: ``规上企业研发投入2.06亿元`` / ``R&D investment, …: 206 million yuan``.

    ``template`` is the metric's own sentence form from the data (``按进度实施中的产品智能化项目{value}``),
    used when given. Otherwise zh writes label and quantity together, with 为 between when
    both sides are Latin letters or digits (``合成指标01为64987.0万元``, not ``合成指标0164987.0万元``),
    and 力争 before a target (``aim``); en writes ``label: quantity``.
    """
    if template and "{value}" in template:
        return template.replace("{value}", quantity)
    if lang == "zh":
        joint = "为" if label[-1:].isascii() and label[-1:].isalnum() and quantity[:1].isascii() else ""
        return ("力争" if aim else "") + label + joint + quantity
    return f"{label}: {'a target of ' if aim else ''}{quantity}"


# --------------------------------------------------------------------------- changes in words


def _decimal(value: Any) -> Decimal | None:
    """A number from the template context (a template may hand in anything: bounded first)."""

    return None if value is None else template_number(value)


def _reported(fact: Mapping[str, Any], lang: str) -> list[str]:
    """The change the source itself reports: 同比增长16%, 较上年提升34位, 上年同期1.5亿元."""
    parts = []
    if fact.get("yoy_pct") is not None:
        parts.append(figures.yoy_words(_decimal(fact["yoy_pct"]) or Decimal(0), lang))
    if fact.get("rank_change") is not None:
        move = figures.rank_move(int(fact["rank_change"]), lang)
        parts.append(("较上年" + move) if lang == "zh" else f"{move} on the year before")
    if fact.get("previous") is not None:
        before = figures.amount(str(fact["previous"]), str(fact.get("unit", "")), lang, grouping=lang == "en")
        parts.append(f"上年同期{before}" if lang == "zh" else f"{before} a year earlier")
    return parts


def _computed(fact: Mapping[str, Any], delta: Mapping[str, Any], lang: str) -> str:
    """A change reporter computed from two periods of the data, a year apart."""
    zh = lang == "zh"
    since = ("比上年" if fact.get("period_kind") == "year" else "比上年同期") if zh else "on a year earlier"
    about = ("约" if zh else "about ") if delta.get("qualifier", "exact") != "exact" else ""
    if delta.get("direction") == "flat":
        return "与上年持平" if zh else "unchanged on a year earlier"
    change, pct = _decimal(delta.get("change")), _decimal(delta.get("pct"))
    if change is None:
        return ""
    if fact.get("unit") == "位":  # a rank's change is places gained (a smaller number is a better place)
        move = figures.rank_move(int(change), lang)
        return since + move if zh else f"{move} on a year earlier"
    up = change > 0
    if fact.get("unit") == "%":  # a share moves by points: 提高0.3个百分点, not 增长14.3%
        points = f"{about}{figures.number(normalise(abs(change)))}"
        return (f"{since}{'提高' if up else '降低'}{points}个百分点" if zh
                else f"{'up' if up else 'down'} {points} percentage point{'' if abs(change) == 1 else 's'} {since}")
    if pct is not None and pct == 0:  # a move too small for the one decimal computed: say so, not "0%"
        size = "不到0.1%" if zh else "less than 0.1%"
        return f"{since}{'增长' if up else '下降'}{size}" if zh else f"{'up' if up else 'down'} {size} {since}"
    if pct is not None:
        size = f"{about}{figures.number(normalise(abs(pct)), grouping=not zh)}%"  # 50%, not the computed 50.0%
        return f"{since}{'增长' if up else '下降'}{size}" if zh else f"{'up' if up else 'down'} {size} {since}"
    size = about + figures.amount(abs(change), str(fact.get("unit", "")), lang, grouping=not zh)
    return f"{since}{'增加' if up else '减少'}{size}" if zh else f"{'up' if up else 'down'} {size} {since}"


def change_words(fact: Mapping[str, Any], lang: str) -> str:
    """A fact's change in words: what the source reports, else what reporter computed from a
    figure a year earlier (``比上年增长12.3%`` / ``up 12.3% on a year earlier``), else empty."""
    parts = _reported(fact, lang)
    delta = fact.get("delta")
    if not parts and isinstance(delta, Mapping) and delta.get("basis") == "computed":
        parts = [w for w in (_computed(fact, delta, lang),) if w]
    return ("，" if lang == "zh" else ", ").join(parts)
