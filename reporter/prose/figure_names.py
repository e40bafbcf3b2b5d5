"""What a figure counts: the words before it, as a label (研发投入 for 研发投入2.06亿元).

A label runs from its clause's start, or from the figure before it, to the figure; in
产值、增加值分别为37.36亿元、9.07亿元 each figure takes its own name from the list, and in
创成省级A和B各1家 each item of the list is a figure of its own. Split from
:mod:`reporter.prose.readings`.
"""

from __future__ import annotations

import re
from typing import Any

LABEL_TRIM_START = ("其中", "共有", "共", "累计", "已", "、", "和", "及", "与", "并")
LABEL_TRIM_END = ("分别达到", "分别达", "分别为", "分别", "增长", "下降", "达到", "达", "为", "是", "有", "共", "了", "的", "各")
EACH = "各"  # A和B各1家: one figure for each item of the list before it
LIST_MARKS = "、和及与"
LEVELS = ("国家级", "省级", "市级", "县级", "区级")  # 新建省级A和B各1家: the level is B's too
POINT_WORDS = ("总数", "累计达", "余额", "存量", "存栏", "保有量")  # a total reached (总数达22家), a balance
# (存款余额440.39亿元), a stock (存栏): a level at the period's end, like a rank
FLOW_RATES = ("贡献率", "增长率", "出生率", "死亡率")  # over the period (工业对经济增长贡献率84.2%), not at its end
CLAUSE_MARKS = "，；：。！？\n"


def is_stock(label: str) -> bool:
    """Whether a figure so named is a level at a moment (a balance, a stock, a total reached)."""
    return any(w in label for w in POINT_WORDS) or (label.endswith("率") and not label.endswith(FLOW_RATES))


def clause_end(masked: str, at: int) -> int:
    while at < len(masked) and masked[at] not in CLAUSE_MARKS:
        at += 1
    return at


def trim(label: str) -> str:
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


def labels(text: str, masked: str, found: list[tuple[Any, str]]) -> list[Any]:
    """Each number's name (readings of :mod:`reporter.prose.readings` with the raw words before
    them): the words since its clause began or since the number before it; in
    产值、增加值分别为37.36亿元、9.07亿元 each number takes its own name from the list."""
    out: list[Any] = []
    names: list[str] = []
    for r, raw in found:
        prev = out[-1] if out else None
        if prev is not None and not any(ch in masked[prev.end:r.start] for ch in CLAUSE_MARKS):
            raw = text[prev.end:r.end - len(r.written)]
        if "分别" in raw:
            names = [n for n in (trim(x) for x in re.split(r"[、和及]", raw.split("分别")[0])) if n]
            label = names.pop(0) if names else trim(raw)
        elif names and raw.strip() in ("、", "和", "及"):
            label = names.pop(0)
        else:
            names, label = [], trim(raw)
        point = r.rank or any(w in raw for w in POINT_WORDS) or is_stock(label)
        for item in _each(text, masked, r.end - len(r.written), raw) or [label]:
            if len(item) <= 2:  # 有14个项目入驻, 2家企业通过…: the noun follows the number
                after = trim(text[r.end:clause_end(masked, r.end)])[:20]
                item = f"{item} {after}".strip() if after else item
            out.append(r._replace(label=item, point=point or r.point))
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
    items = [trim(text[a:b]) for a, b in zip([start] + [i + 1 for i in marks], marks + [cut], strict=True)]
    if not all(items):
        return None
    levels = [(items[0].rfind(level), level) for level in LEVELS if level in items[0]]
    if levels:
        at, level = max(levels)
        shared = items[0][:at + len(level)]
        items[1:] = [item if any(lv in item for lv in LEVELS) else shared + item for item in items[1:]]
    return items
