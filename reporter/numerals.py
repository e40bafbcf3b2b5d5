"""Chinese numerals as statistical prose writes them: 三 → 3, 二十二 → 22, 两千 → 2000, 三万零五百 → 30500.

Shared by the prose reader (三家, 九十余人) and its period words (近两年, 前三季度).
"""

from __future__ import annotations

ZH_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7,
             "八": 8, "九": 9}
ZH_TENS = {"十": 10, "百": 100, "千": 1000}


def chinese_number(text: str) -> int | None:
    """The integer a Chinese numeral spells (三 → 3, 二十二 → 22, 两千 → 2000), else None.

    >>> chinese_number("一百零五"), chinese_number("三万零五百"), chinese_number("三家")
    (105, 30500, None)
    """
    total = section = digit = 0
    for ch in text:
        if ch in ZH_DIGITS:
            digit = ZH_DIGITS[ch]
        elif ch in ZH_TENS:
            section += (digit or 1) * ZH_TENS[ch]
            digit = 0
        elif ch == "万":
            total += (section + digit) * 10_000
            section = digit = 0
        elif ch == "亿":
            total = (total + section + digit) * 100_000_000
            section = digit = 0
        else:
            return None
    return total + section + digit
