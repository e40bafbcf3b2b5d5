"""Read Chinese statistical prose: which numbers a page states, and what each one means.

A *reading* is one number mention with everything the page says about it: the number as
written (``1009.0``; Chinese numerals and mixed forms such as 三家, 一点五亿元 or 1.2万家 in
digits), its unit (亿元, 家, %, 位 …), its qualifier (多/余/超过/以上 → ``more_than``, 约/左右 →
``approx``, 近 → ``nearly``, 不少于 → ``at_least``, 目标/力争/通过N年努力 → ``target``; 近百家
is nearly 100, 百余家 more than 100), the year-over-year change that describes it (同比增长16%
→ ``16``; 同比分别下降14.7%、9.4% goes to the two numbers before it), a rank's move (提升了34个
位次 → ``+34``), and the period word that governs it (found, chosen and resolved by
:mod:`reporter.prose.time_words`). A count for each item of a list (创成省级A和B各1家) is one
reading per item. Years, dates, phone numbers, e-mail addresses, numbers inside names (CCTV-2,
5G, “…”, 《…》), ordinals, headings and vague counts (数百家, 几十人, 上百家: no number a data
file can hold; they are skipped, and the curator reads the text) are not facts.

The vocabularies are the tables below, one place each; everything else is mechanism.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from decimal import Decimal
from functools import lru_cache
from typing import NamedTuple

from reporter.model import units
from reporter.prose.numerals import POINT, ZH_DIGITS, chinese_decimal
from reporter.prose.time_words import (
    PeriodWord,
    governing,
    opening_period,
    period_words,
)

# --------------------------------------------------------------------------- vocabularies

QUALIFIER_BEFORE = {"不少于": "at_least", "不低于": "at_least", "至少": "at_least", "超过": "more_than",
                    "多于": "more_than", "突破": "more_than", "超": "more_than", "逾": "more_than",
                    "大约": "approx", "约": "approx", "将近": "nearly", "接近": "nearly", "近": "nearly"}
QUALIFIER_INSIDE = {"多": "more_than", "余": "more_than"}  # 9100多万元, 300余万元
QUALIFIER_AFTER = {"以上": "more_than", "左右": "approx", "上下": "approx"}  # 50家以上, 600台套左右
TARGET_WORDS = ("目标", "力争", "争取", "预计")  # not 计划: mostly a noun (人才计划)
UP = ("增长", "增加", "提高", "上升", "提升", "上涨")
DOWN = ("下降", "减少", "降低", "下滑", "回落", "下跌")
RANK_UP = ("提升", "上升", "前移", "前进", "跃升", "进位", "提高")
RANK_DOWN = ("下降", "下滑", "后移", "后退", "退后", "回落")
RANK_STEPS = ("个位次", "个名次", "位次", "名次", "位", "名")
YOY_MARKERS = ("同比", "比上年同期", "比去年同期", "较上年同期", "较去年同期", "比上年", "比去年",
               "较上年", "较去年", "比上一年度")
SCOPES = ("全国", "全省", "全市", "全区", "全县")
POINT_WORDS = ("总数", "累计达")  # a total reached (总数达22家) is a level at the period's end, like a rank
EXTRA_UNITS = ("人次", "平方公里", "篇", "座", "台", "套", "支", "辆", "吨", "万吨", "户", "天", "批", "种", "株")
UNITS = tuple(sorted(set(units.KNOWN_UNITS + EXTRA_UNITS), key=len, reverse=True))
MULTIPLIERS = {"千": 1000, "万": 10_000, "亿": 100_000_000}
TERMINAL = "。！？"
CLAUSE_MARKS = "，；：。！？\n"
LABEL_TRIM_START = ("其中", "共有", "共", "累计", "已", "、", "和", "及", "与", "并")
LABEL_TRIM_END = ("分别达到", "分别达", "分别为", "达到", "达", "为", "是", "有", "共", "了", "的", "各")
EACH = "各"  # A和B各1家: one figure for each item of the list before it
LIST_MARKS = "、和及与"
LEVELS = ("国家级", "省级", "市级", "县级", "区级")  # 新建省级A和B各1家: the level is B's too
VAGUE_BEFORE = "数几"  # 数百家, 几十人: no number a data file can hold; not drafted
BARE = ("百", "千", "万")  # 近百家, 百余家, 超千人: a number only beside a qualifier

# What is masked before reading: none of it states a fact, and digits inside it are not numbers.
MASKS = (
    r"“[^”\n]{0,25}”", r"《[^》\n]*》", r"「[^」\n]{0,25}」", r'"[^"\n]{0,25}"',  # names and titles
    r"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}", r"(?:https?://|www\.)[^\s，。；]+",  # e-mail, URL
    r"(?:电话|热线|传真|手机|联系方式)[：:]?\s*[\d\-－ ]{3,}", r"\d{3,4}[-－]\d{7,8}", r"(?<!\d)1[3-9]\d{9}(?!\d)",
    r"[A-Za-z]+[-－]?\d[\w.-]*|\d+[A-Za-z]\w*",  # CCTV-2, 5G, 3D
    r"(?:\d{4}年)?\d{1,2}月\d{1,2}[日号]|\d{4}[-/.]\d{1,2}[-/.]\d{1,2}",  # dates
)

# --------------------------------------------------------------------------- values


class Reading(NamedTuple):
    """One number mention and what the page says about it (offsets index the text read)."""

    value: str  # digits as written (1009.0); numerals and 万 multiples in digits
    unit: str
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


class _Change(NamedTuple):
    start: int
    end: int
    values: tuple[str, ...]  # signed
    word: str
    rank: bool
    attach: bool  # False for absolute changes (比上年增加7家, 提高0.21个百分点): consumed, not kept


# --------------------------------------------------------------------------- numbers


def number_text(written: str, multiplier: str = "") -> str:
    """Digits for a number as printed: ``1,200`` → ``1200``, ``三`` → ``3``, ``1.2`` + 万 → ``12000``."""
    digits = written.replace(",", "") if written[0].isdigit() else str(chinese_decimal(written))
    if not multiplier:
        return digits
    return str(units.normalise(Decimal(digits) * MULTIPLIERS[multiplier]))


_WIDE = str.maketrans("０１２３４５６７８９．％－", "0123456789.%-")
_BEFORE_LONGEST_FIRST = sorted(QUALIFIER_BEFORE, key=len, reverse=True)
_QUALIFIERS = {**QUALIFIER_BEFORE, **QUALIFIER_INSIDE, **QUALIFIER_AFTER}
_ZH_INT = r"[一二两三四五六七八九十][〇零一二两三四五六七八九十百千万]*?"
_ZH_FRACTION = rf"{POINT}[〇零一二三四五六七八九]+"  # 一点五, 三点二万
_ZH_NUM = rf"{_ZH_INT}(?:{_ZH_FRACTION})?|[零〇]{_ZH_FRACTION}|[{''.join(BARE)}]"
_NUM = rf"\d+(?:,\d{{3}})+(?:\.\d+)?|\d+(?:\.\d+)?|{_ZH_NUM}"


def _alt(words: tuple[str, ...]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@lru_cache(maxsize=1)
def _patterns() -> dict[str, re.Pattern[str]]:
    """Compiled on first use: importing the module costs no regex compilation."""
    unit = _alt(UNITS)
    vals = rf"-?(?:{_NUM})%(?:[、和,]-?(?:{_NUM})%)*"
    return {
        "mask": re.compile("|".join(f"(?:{m})" for m in MASKS)),
        "mention": re.compile(rf"(?P<ord>第)?(?P<num>{_NUM})(?P<mid>多|余)?(?:(?P<unit>{unit})|"
                              rf"(?P<mul>[千万亿])(?P<mid2>多|余)?(?P<unit2>{unit}))(?P<post>以上|左右|上下)?"),
        "move": re.compile(rf"(?P<dir>{_alt(RANK_UP + RANK_DOWN)})了?(?P<num>\d+|{_ZH_INT})(?:{_alt(RANK_STEPS)})"),
        "yoy": re.compile(rf"(?P<marker>{_alt(YOY_MARKERS)})?(?:分别)?(?P<dir>{_alt(UP + DOWN)})了?"
                          rf"(?:分别为?|分别是)?(?P<vals>{vals})|(?:增幅|增速)(?:分别)?(?:为|达到|达|是)?(?P<vals2>{vals})"),
        "absolute": re.compile(rf"(?:{_alt(YOY_MARKERS)})(?:分别)?(?:{_alt(UP + DOWN)})了?(?:{_NUM})"
                               rf"(?:个?百分点|{unit})|(?:{_alt(UP + DOWN)})了?(?:{_NUM})个?百分点"),
        "para": re.compile(r"[^\n]*"),
        "sentence": re.compile(rf"[^{TERMINAL}]+[{TERMINAL}]?|[{TERMINAL}]"),
    }


# --------------------------------------------------------------------------- the reader


def read(text: str, headings: bool = True) -> list[Reading]:
    """Every number mention of ``text`` that states a fact, in text order. ``headings`` False reads
    short unpunctuated lines too (a quote such as 省科技型中小企业6家 is not a heading)."""
    pats = _patterns()
    wide = re.search("[０-９．％－]", text) is not None  # translate is slow on long Chinese text
    masked = _mask(text.translate(_WIDE) if wide else text, pats["mask"], headings)
    words = period_words(masked)
    changes = _changes(masked)
    word_at, change_at = [w.start for w in words], [c.start for c in changes]
    out: list[Reading] = []
    for start, end in _paragraphs(masked):
        ws = words[bisect_left(word_at, start):bisect_left(word_at, end)]
        cs = changes[bisect_left(change_at, start):bisect_left(change_at, end)]
        out.extend(_read_paragraph(text, masked, start, end, ws, cs))
    return out


def _clause_start(masked: str, at: int) -> int:
    """Where the clause holding ``at`` begins (clauses are short: a walk back is cheapest)."""
    while at > 0 and masked[at - 1] not in CLAUSE_MARKS:
        at -= 1
    return at


def _mask(text: str, mask: re.Pattern[str], headings: bool) -> str:
    """``text`` with names, addresses, dates and headings blanked out (same length, same offsets)."""
    out = mask.sub(lambda m: "□" * len(m.group()), text)
    if not headings:
        return out
    lines = out.split("\n")
    for i, line in enumerate(lines):
        # a heading or page furniture: short, and no sentence punctuation
        if len(line.strip()) <= 30 and not any(ch in line for ch in "，。；！？,;"):
            lines[i] = "□" * len(line)
    return "\n".join(lines)


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


def _changes(masked: str) -> list[_Change]:
    """Rank moves, year-over-year changes, and absolute changes (consumed, not facts), in text order.
    Where two readings cover the same words, the one tried first (in that order) wins."""
    pats = _patterns()
    kept: list[_Change] = []
    spans: list[tuple[int, int]] = []  # sorted, never overlapping: only a new span's neighbours can overlap it

    def keep(change: _Change) -> None:
        i = bisect_left(spans, (change.start, change.start))
        if not ((i and spans[i - 1][1] > change.start) or (i < len(spans) and spans[i][0] < change.end)):
            spans.insert(i, (change.start, change.end))
            kept.append(change)

    for m in pats["move"].finditer(masked):
        sign = "" if m.group("dir") in RANK_UP else "-"
        keep(_Change(m.start(), m.end(), (sign + number_text(m.group("num")),), m.group("dir"), True, True))
    for m in pats["yoy"].finditer(masked):
        direction = m.group("dir") or ""
        sign = "-" if direction in DOWN else ""
        written = m.group("vals") or m.group("vals2")
        values = tuple(_signed(sign, v.rstrip("%")) for v in re.split(r"[、和,]", written))
        keep(_Change(m.start(), m.end(), values, (m.group("marker") or "") + direction, False, True))
    for m in pats["absolute"].finditer(masked):
        keep(_Change(m.start(), m.end(), (), m.group(), False, False))
    return sorted(kept)


def _signed(sign: str, written: str) -> str:
    if written.startswith("-"):
        return written[1:] if sign else written
    digits = number_text(written)
    return sign + digits if Decimal(digits) != 0 else digits


def _overlaps(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    return any(s < end and start < e for s, e in spans)


def _read_paragraph(text: str, masked: str, start: int, end: int, words: list[PeriodWord],
                    changes: list[_Change]) -> list[Reading]:
    sentences = _split(masked, start, end)
    taken = [(w.start, w.end) for w in words] + [(c.start, c.end) for c in changes]
    opening = opening_period(masked, start, end, words)
    found: list[tuple[Reading, str]] = []
    for m in _patterns()["mention"].finditer(masked, start, end):
        if not _overlaps(m.start("num"), m.end(), taken) and _is_quantity(masked, m):
            sentence = next(((s, e) for s, e in sentences if s <= m.start() < e), (start, end))
            found.append(_reading(text, masked, m, sentence, words, opening))
    return _attach(text, masked, _labels(text, masked, found), changes, sentences)


def _split(masked: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sentence spans (。！？) of a paragraph."""
    return [(m.start(), m.end()) for m in _patterns()["sentence"].finditer(masked, start, end)]


def _is_quantity(masked: str, m: re.Match[str]) -> bool:
    """Ordinals (第三届), the article 一 (一家企业, 唯一一家) and vague counts (数百家, 几十人, 千家万户)
    are not quantities; a bare 百/千/万 is one beside a qualifier (近百家, 百余家, 超千人)."""
    unit = m.group("unit") or m.group("unit2")
    if m.group("ord"):
        return unit in ("位", "名") and not m.group("mul")
    num = m.group("num")
    before = masked[m.start() - 1] if m.start() > 0 else ""
    if before and (before.isdigit() or before in ".-"
                   or (not num[0].isdigit() and (before in ZH_DIGITS or before in VAGUE_BEFORE))):
        return False
    if re.search("[一二两三四五六七八九]{2}", num.partition(POINT)[0]):  # 一一, 三四: not a numeral
        return False
    if num in BARE:
        said = masked[max(0, m.start() - 3):m.start()]
        return bool(m.group("mid") or m.group("mid2")) or any(said.endswith(w) for w in QUALIFIER_BEFORE)
    if num == "一":
        after = masked[m.end():m.end() + 1]
        return m.start() > 0 and masked[m.start() - 1] != "唯" and (not after or after in CLAUSE_MARKS + "、")
    return True


def _reading(text: str, masked: str, m: re.Match[str], sentence: tuple[int, int], para_words: list[PeriodWord],
             opening: PeriodWord | None) -> tuple[Reading, str]:
    """A mention read on its own, with the raw words before it (named by :func:`_labels`)."""
    num_start = m.start("num")
    is_rank = bool(m.group("ord"))
    unit = "位" if is_rank else (m.group("unit") or m.group("unit2"))
    value = number_text(m.group("num"), m.group("mul") or "")
    clause_start = _clause_start(masked, m.start())
    before = masked[clause_start:m.start()]
    prefix = next((w for w in _BEFORE_LONGEST_FIRST if before.endswith(w) or before.endswith(w + "了")), "")
    if prefix and before.endswith(prefix + "了"):
        prefix += "了"
    qualifier_word = prefix.rstrip("了") or m.group("mid") or m.group("mid2") or m.group("post") or ""
    qualifier = _QUALIFIERS.get(qualifier_word, "exact")
    period = governing(masked, num_start, clause_start, sentence, para_words, opening)
    target = next((w for w in TARGET_WORDS if w in masked[sentence[0]:m.start()]), "")
    if target or (period is not None and period.kind in ("forward", "by_year")):
        qualifier, qualifier_word = "target", target or (period.text if period else "")
    label_start = max([clause_start, *(w.end for w in para_words if clause_start <= w.end <= m.start())])
    raw_label = text[label_start:m.start() - len(prefix)]
    places = {s: masked.rfind(s, clause_start, m.start()) for s in SCOPES} if is_rank else {}
    scope = max(places, key=lambda s: places[s]) if places and max(places.values()) >= 0 else ""
    quote_start = clause_start
    if period is not None and sentence[0] <= period.start and "\n" not in masked[period.start:m.start()]:
        period_clause = _clause_start(masked, period.start)
        if masked.count("，", period_clause, m.start()) + masked.count("；", period_clause, m.start()) <= 1:
            quote_start = period_clause  # the period word's clause, when it is this one or the one before
    return (Reading(value, unit, qualifier, qualifier_word, text[m.start() - len(prefix):m.end()], num_start,
                    m.end(), is_rank, scope, None, "", None, period, is_rank, "", quote_start,
                    _clause_end(masked, m.end())), raw_label)


def _clause_end(masked: str, at: int) -> int:
    while at < len(masked) and masked[at] not in CLAUSE_MARKS:
        at += 1
    return at


def _trim(label: str) -> str:
    label = label.strip(" 　□\t\r")
    changed = True
    while changed and label:
        changed = False
        for word in LABEL_TRIM_START:
            if label.startswith(word) and len(label) > len(word):
                label, changed = label[len(word):], True
        for word in LABEL_TRIM_END:
            if label.endswith(word) and len(label) > len(word):
                label, changed = label[: -len(word)], True
    return label.strip(" 　")


def _labels(text: str, masked: str, found: list[tuple[Reading, str]]) -> list[Reading]:
    """Each number's name: the words since its clause began or since the number before it; in
    产值、增加值分别为37.36亿元、9.07亿元 each number takes its own name from the list."""
    out: list[Reading] = []
    names: list[str] = []
    for r, raw in found:
        prev = out[-1] if out else None
        if prev is not None and not any(ch in masked[prev.end:r.start] for ch in CLAUSE_MARKS):
            raw = text[prev.end:r.end - len(r.written)]
        if "分别" in raw:
            names = [n for n in (_trim(x) for x in re.split(r"[、和及]", raw.split("分别")[0])) if n]
            label = names.pop(0) if names else _trim(raw)
        elif names and raw.strip() in ("、", "和", "及"):
            label = names.pop(0)
        else:
            names, label = [], _trim(raw)
        point = r.rank or any(w in raw for w in POINT_WORDS) or label.endswith("率")
        for item in _each(text, masked, r.end - len(r.written), raw) or [label]:
            if len(item) <= 2:  # 有14个项目入驻, 2家企业通过…: the noun follows the number
                after = _trim(text[r.end:_clause_end(masked, r.end)])[:20]
                item = f"{item} {after}".strip() if after else item
            out.append(r._replace(label=item, point=point))
    return out


def _each(text: str, masked: str, end: int, raw: str) -> list[str] | None:
    """The items of 创成省级A和B各1家, one figure each: their names, the first one's level
    (省级) given to the others that name none; None when the words before the number are no list
    followed by 各."""
    body = raw.rstrip(" 　")
    if not body.endswith(EACH):
        return None
    start = end - len(raw)
    cut = start + len(body) - len(EACH)
    marks = [i for i in range(start, cut) if masked[i] in LIST_MARKS]  # masked: not a 和 inside “…”
    if not marks:
        return None
    items = [_trim(text[a:b]) for a, b in zip([start] + [i + 1 for i in marks], marks + [cut], strict=True)]
    if not all(items):
        return None
    levels = [(items[0].rfind(level), level) for level in LEVELS if level in items[0]]
    if levels:
        at, level = max(levels)
        shared = items[0][:at + len(level)]
        items[1:] = [item if any(lv in item for lv in LEVELS) else shared + item for item in items[1:]]
    return items


def _attach(text: str, masked: str, readings: list[Reading], changes: list[_Change],
            sentences: list[tuple[int, int]]) -> list[Reading]:
    """A change goes to the numbers before it in its sentence; a rank move to its rank."""
    for change in changes:
        if not change.attach:
            continue
        s_start = next((s for s, e in sentences if s <= change.start < e), 0)
        before = [i for i, r in enumerate(readings) if s_start <= r.start < change.start]
        if change.rank:
            ranks = [i for i in before if readings[i].rank and readings[i].rank_change is None]
            clause = masked[_clause_start(masked, change.start):change.start]
            scoped = [i for i in ranks if readings[i].scope and readings[i].scope in clause]
            for i in (scoped or ranks)[-1:]:
                moved = readings[i]._replace(rank_change=int(change.values[0]), change_word=change.word)
                readings[i] = _extend(moved, change, text)
            continue
        free = [i for i in before if not readings[i].rank and readings[i].yoy is None][-len(change.values):]
        for i, value in zip(free, change.values[-len(free):] if free else (), strict=False):
            readings[i] = _extend(readings[i]._replace(yoy=value, change_word=change.word), change, text)
    return readings


def _extend(r: Reading, change: _Change, text: str) -> Reading:
    """Stretch the quote to the change's clause when it is on the same line."""
    if "\n" in text[r.quote_end:change.start]:
        return r
    return r._replace(quote_end=max(r.quote_end, _clause_end(text, change.end)))
