"""Chinese numerals as statistical prose writes them: 三 → 3, 二十二 → 22, 两千 → 2000, 三万零五百 → 30500,
一点五 → 1.5, 百 (in 近百, 百余) → 100.

Shared by the prose reader (三家, 九十余人, 一点五亿元) and its period words (近两年, 前三季度).
"""

from __future__ import annotations

ZH_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7,
             "八": 8, "九": 9}
ZH_TENS = {"十": 10, "百": 100, "千": 1000}
POINT = "点"  # 一点五: the decimal point, followed by digits read one by one


def chinese_number(text: str) -> int | None:
    """The integer a Chinese numeral spells (三 → 3, 二十二 → 22, 两千 → 2000), else None.

    A unit with nothing before it counts one of itself (百 → 100, 万 → 10000), as in 近百家.

    >>> chinese_number("一百零五"), chinese_number("三万零五百"), chinese_number("三家"), chinese_number("万")
    (105, 30500, None, 10000)
    """
    if not text:
        return None
    total = section = digit = 0
    for ch in text:
        if ch in ZH_DIGITS:
            digit = ZH_DIGITS[ch]
        elif ch in ZH_TENS:
            section += (digit or 1) * ZH_TENS[ch]
            digit = 0
        elif ch == "万":
            total += ((section + digit) or 1) * 10_000
            section = digit = 0
        elif ch == "亿":
            total = ((total + section + digit) or 1) * 100_000_000
            section = digit = 0
        else:
            return None
    return total + section + digit


def chinese_decimal(text: str) -> str | None:
    """Digits for a Chinese numeral that may hold a decimal point: 一点五 → ``1.5``, 三点二五 → ``3.25``,
    零点八 → ``0.8``, 二十二 → ``22``; None when ``text`` is no such numeral.

    The fraction is read digit by digit (一点二五 is 1.25, not 1.25 spelt 一点二十五), as it is said.

    >>> chinese_decimal("一点五"), chinese_decimal("十二点零五"), chinese_decimal("重点")
    ('1.5', '12.05', None)
    """
    whole, point, fraction = text.partition(POINT)
    number = 0 if whole in ("零", "〇") else chinese_number(whole)
    if number is None:
        return None
    if not point:
        return str(number)
    if not fraction or any(ch not in ZH_DIGITS for ch in fraction):
        return None
    return f"{number}." + "".join(str(ZH_DIGITS[ch]) for ch in fraction)
