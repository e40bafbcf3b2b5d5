"""How numbers, quantities, changes and ranks are written, in zh and en.

Numbers are shown as written: no exponent, no lost trailing zero; thousands separators
only where asked (table and plain formats).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from reporter.model import Quantity, to_decimal

if TYPE_CHECKING:
    from decimal import Decimal

_EN_UNITS = {
    "元": " yuan", "万元": " ×10k yuan", "亿元": " ×100m yuan", "平方米": " m²", "万平方米": " ×10k m²",
    "%": "%", "台套": " sets", "人": " people", "名": " people", "次": " times", "家次": " visits",
    "场": " sessions", "份": " items", "项": " items", "件": " items", "条": " items", "亩": " mu",
}
_ZH_QUALIFIER = {"more_than": ("", "多"), "approx": ("约", ""), "nearly": ("近", ""),
                 "at_least": ("不少于", ""), "target": ("目标", "")}
_EN_QUALIFIER = {"more_than": "more than ", "approx": "about ", "nearly": "nearly ",
                 "at_least": "at least ", "target": "target "}
_SYMBOL = {"more_than": ">", "approx": "≈", "nearly": "≈", "at_least": "≥", "target": "→"}

def number(value: Decimal | str, grouping: bool = False) -> str:
    """A number as written: ``1009.0`` stays ``1009.0``; never scientific notation.

    A ``str`` is a number as the loader checked it (``-?digits[.digits]``), already in this form.
    """
    if isinstance(value, str):
        text = format(to_decimal(value), ",f") if grouping else value
    else:
        text = format(value, ",f" if grouping else "f")
    return "0" if text in ("-0", "-0.0") else text


def unit_text(unit: str, lang: str) -> str:
    if lang == "zh":
        return unit
    return _EN_UNITS.get(unit, "")


def quantity(q: Quantity, lang: str, grouping: bool = False, value: Decimal | None = None,
             symbols: bool = False) -> str:
    """``9100多万元`` / ``more than 9,100 ×10k yuan``; with ``symbols``, ``>9,100万元``."""
    text = number(q.written if value is None else value, grouping)
    if q.unit == "位":
        text = f"第{text}位" if lang == "zh" else f"No. {text}"
    else:
        text += unit_text(q.unit, lang)
    if q.qualifier == "exact":
        return text
    if symbols:
        return _SYMBOL[q.qualifier] + text
    if lang == "zh":
        before, after = _ZH_QUALIFIER[q.qualifier]
        if after and q.unit != "位":  # 9100多万元: the 多 goes between number and unit
            digits = number(q.written if value is None else value, grouping)
            return before + digits + after + unit_text(q.unit, lang)
        return before + text
    return _EN_QUALIFIER[q.qualifier] + text


_TO_MILLION = {"元": "0.000001", "万元": "0.01", "亿元": "100"}


def prose_quantity(q: Quantity, lang: str) -> str:
    """A quantity for running text: zh as written (9100多万元); en money in million yuan, exactly."""
    if lang == "zh" or q.unit not in _TO_MILLION:
        return quantity(q, lang, grouping=lang == "en")
    millions = q.value * to_decimal(_TO_MILLION[q.unit])
    millions = millions.quantize(to_decimal("1")) if millions == millions.to_integral_value() else millions.normalize()
    text = f"{number(millions, True)} million yuan"
    return text if q.qualifier == "exact" else _EN_QUALIFIER[q.qualifier] + text


def fact_line(q: Quantity, lang: str, value_only: bool = False) -> str:
    """``get``'s one line: ``2.06亿元``, ``9100多万元``, or with ``value_only`` the bare ``2.06``."""
    from reporter.render.safe import clean

    return clean(number(q.written) if value_only else quantity(q, lang)) + "\n"


def signed_pct(pct: Decimal | None) -> str:
    """``+16%``, ``−14.7%``; empty when there is no percentage (a zero or missing base)."""
    if pct is None:
        return ""
    sign = "+" if pct > 0 else "−" if pct < 0 else "±"
    return f"{sign}{number(abs(pct))}%"


def signed(value: Decimal, grouping: bool = False) -> str:
    sign = "+" if value > 0 else "−" if value < 0 else "±"
    return f"{sign}{number(abs(value), grouping)}"


def rank_move(places: int, lang: str) -> str:
    """A reported rank move: gained places are good news (the number went down)."""
    if lang == "zh":
        return f"提升{places}位" if places > 0 else f"下降{-places}位" if places < 0 else "持平"
    return f"up {places} places" if places > 0 else f"down {-places} places" if places < 0 else "unchanged"


def yoy_words(pct: Decimal, lang: str) -> str:
    """``同比增长16%`` / ``up 16% year on year``."""
    if lang == "zh":
        return f"同比增长{number(pct)}%" if pct > 0 else f"同比下降{number(-pct)}%" if pct < 0 else "同比持平"
    return (f"up {number(pct)}% year on year" if pct > 0 else f"down {number(-pct)}% year on year"
            if pct < 0 else "flat year on year")


SPARKS = "▁▂▃▄▅▆▇█"


def sparkline(values: list[Decimal]) -> str:
    """A tiny trend picture; empty for fewer than two points."""
    if len(values) < 2:
        return ""
    low, high = min(values), max(values)
    if high == low:
        return SPARKS[3] * len(values)
    return "".join(SPARKS[int((v - low) / (high - low) * (len(SPARKS) - 1))] for v in values)
