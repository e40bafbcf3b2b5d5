"""Pages in traditional characters (many mirrors convert them) read as the same words in
simplified ones: 增長3.6% is a rise of 3.6%, 億元 a unit of money, 上半年 a period.

The conversion is OpenCC's (its ``t2s`` table, phrases first), loaded when a text is first read
(``check`` and ``extract``, never a query). :func:`simplified` keeps the length, so every offset
into the text read is an offset into the page; what is quoted and what is written (the unit 億元)
stay as the page prints them.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

# A mirror's ruby: pinyin with a tone mark in brackets after a character (經(jīng)濟, 數(shù)據(jù)).
GLOSS = re.compile(r"(?<=[\u4e00-\u9fff])\((?=[a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ])[a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,7}\)")


@cache
def _converter() -> Any:
    import opencc  # a C++ library with its tables: loaded only when a text is read

    return opencc.OpenCC("t2s.json")


def simplified(text: str) -> str:
    """``text`` in simplified characters, one for one (same length). Where a phrase would convert to
    another length (rare), each character is converted on its own instead."""
    if text.isascii():
        return text
    convert = _converter().convert
    out: str = convert(text)
    if len(out) == len(text):
        return out
    return "".join(same if len(same := convert(char)) == 1 else char for char in text)


def unglossed(text: str) -> tuple[str, list[int]] | None:
    """``text`` without the pinyin glosses a mirror prints after characters (經(jīng)濟 → 經濟), and
    for each of its offsets (and its end) the offset in ``text``; None when it has none."""
    if "(" not in text or GLOSS.search(text) is None:
        return None
    kept: list[str] = []
    where: list[int] = []
    at = 0
    for m in GLOSS.finditer(text):
        kept.append(text[at:m.start()])
        where.extend(range(at, m.start()))
        at = m.end()
    kept.append(text[at:])
    where.extend(range(at, len(text) + 1))
    return "".join(kept), where
