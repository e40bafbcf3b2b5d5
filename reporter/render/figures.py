"""How numbers, quantities, changes and ranks are written, in zh and en.

Numbers are shown as written: no exponent, no lost trailing zero; thousands separators
only where asked (table and plain formats).

Chinese keeps the unit as written (``1009.0万元``). English has no 万 or 亿: money is said
in yuan, million yuan or billion yuan, converted exactly and keeping the precision it was
written with (``1009.0万元`` is ``10.090 million yuan``, ``12.7亿元`` is ``1.27 billion
yuan``). A counter (家, 个, 次, 项 …) has no English noun of its own: the metric's label
names what is counted (``Enterprise visits by bureau staff: nearly 300``), unless the caller
passes the metric's own noun. Qualifiers the source wrote (近, 约) stay words in every format;
the symbols ``>``, ``≥``, ``→`` are only for compact table cells, and ``≈`` is left to values
reporter itself derived (see ``delta``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from reporter.model.records import Quantity, to_decimal
from reporter.render.safe import clean

if TYPE_CHECKING:
    from decimal import Decimal

_MONEY = {"元": 0, "万元": 4, "亿元": 8}  # powers of ten of one yuan
_AREA = {"平方米": 0, "万平方米": 4}  # powers of ten of one square metre
_EN_MEASURES: dict[str, tuple[str, str]] = {  # a unit that needs its word in English: (one, many)
    "%": ("%", "%"), "台套": (" set", " sets"), "亩": (" mu", " mu"),
}
_EN_UNIT_NAMES = {"元": "yuan", "万元": "10,000 yuan", "亿元": "100 million yuan", "平方米": "m²",
                  "万平方米": "10,000 m²", "%": "%", "台套": "sets", "亩": "mu"}
_ZH_QUALIFIER = {"more_than": ("", "多"), "approx": ("约", ""), "nearly": ("近", ""),
                 "at_least": ("不少于", ""), "target": ("目标", "")}
_EN_QUALIFIER = {"more_than": "more than ", "approx": "about ", "nearly": "nearly ",
                 "at_least": "at least ", "target": "target "}
# Compact marks for table cells. 近 and 约 have none: "≈" is what reporter writes before a value
# it derived itself, and a source's "nearly" must not read as one of those.
_SYMBOL = {"more_than": ">", "at_least": "≥", "target": "→"}


def number(value: Decimal | str, grouping: bool = False) -> str:
    """A number as written: ``1009.0`` stays ``1009.0``; never scientific notation.

    A ``str`` is a number as the loader checked it (``-?digits[.digits]``), already in this form.
    """
    if isinstance(value, str):
        text = format(to_decimal(value), ",f") if grouping else value
    else:
        text = format(value, ",f" if grouping else "f")
    return "0" if text in ("-0", "-0.0") else text


def unit_name(unit: str, lang: str) -> str:
    """A unit on its own, as a column header or a ``unit`` cell says it: ``万元`` / ``10,000 yuan``,
    ``100 million yuan``, ``sets``.

    Empty in English for a counter (家, 个 …) and a rank (位): the label names what is counted,
    and every English view writes such a figure as a bare number (``76``, ``No. 22``), so a
    ``unit`` column says nothing rather than a Chinese word.
    """
    return unit if lang == "zh" else _EN_UNIT_NAMES.get(unit, "")


def _scaled(value: Decimal, shift: int) -> Decimal:
    """``value × 10**shift``, keeping the decimals it was written with (1009.0 -> 10.090, not 10.09);
    a whole number as written keeps no trailing zeros (9100 -> 91)."""
    exponent = value.as_tuple().exponent
    scaled = value.scaleb(shift)
    written_whole = isinstance(exponent, int) and exponent >= 0
    return scaled.normalize() if written_whole else scaled


def _english_money(value: Decimal, unit: str, grouping: bool) -> str:
    """``206 million yuan``, ``1.27 billion yuan``, ``5,000 yuan``: exact, in the written precision."""
    yuan = abs(value.scaleb(_MONEY[unit]))
    scale, word = (9, " billion yuan") if yuan >= 10**9 else (6, " million yuan") if yuan >= 10**6 else (0, " yuan")
    return number(_scaled(value, _MONEY[unit] - scale), grouping) + word


def _sign(value: Decimal, direction: str | None) -> str:
    """``+``, ``−`` or ``±``: by ``direction`` (up, down, flat) when given, so a move that rounds to
    zero keeps the sign its arrow shows (``−0.0%`` beside ``↓``); else by the value, a zero that
    kept its sign when rounded (``-0.0``) included."""
    if direction in ("up", "down", "flat"):
        return {"up": "+", "down": "−", "flat": "±"}[direction]
    if value == 0:
        return "−" if value.is_signed() else "±"
    return "+" if value > 0 else "−"


def amount(value: Decimal | str, unit: str, lang: str, grouping: bool = False, sign: bool = False,
           noun: tuple[str, str] | None = None, direction: str | None = None) -> str:
    """A number and its unit as a reader says them: ``2.06亿元`` / ``206 million yuan``.

    ``sign`` writes ``+``, ``−`` or ``±`` first (a change; ``direction`` decides it when given);
    ``noun`` is an English (one, many) pair for a counter, when the metric names one
    (``("event", "events")``).
    """
    written = value if isinstance(value, str) else number(value)
    if sign:
        decimal = to_decimal(written)
        return _sign(decimal, direction) + amount(abs(decimal), unit, lang, grouping, noun=noun)
    if lang == "zh":  # as written: no Decimal on ``get``'s path
        return number(written, grouping) + unit
    if unit in _MONEY:
        return _english_money(to_decimal(written), unit, grouping)
    if unit in _AREA:
        return number(_scaled(to_decimal(written), _AREA[unit]), grouping) + " m²"
    one, many = _EN_MEASURES.get(unit) or ((f" {noun[0]}", f" {noun[1]}") if noun else ("", ""))
    return number(written, grouping) + (one if written.lstrip("-") == "1" else many)


NO_LEVEL = "—"  # where a level is shown and a growth-only fact gives none


def quantity(q: Quantity, lang: str, grouping: bool = False, value: Decimal | None = None,
             symbols: bool = False, noun: tuple[str, str] | None = None) -> str:
    """``9100多万元`` / ``more than 91 million yuan``; with ``symbols``, ``>9,100万元`` (but ``近300万元``).

    ``value`` replaces the written number (a derived previous value, in the same unit).
    """
    shown = q.written if value is None else value
    if shown == "":  # growth-only: no level, the change alone is given
        return NO_LEVEL
    if q.unit == "位":
        digits = number(shown, grouping)
        text = f"第{digits}位" if lang == "zh" else f"No. {digits}"
    else:
        text = amount(shown, q.unit, lang, grouping, noun=noun)
    if q.qualifier == "exact":
        return text
    if symbols and q.qualifier in _SYMBOL:
        return _SYMBOL[q.qualifier] + text
    if lang == "zh":
        before, after = _ZH_QUALIFIER[q.qualifier]
        if after and q.unit != "位":  # 9100多万元: the 多 goes between number and unit
            return before + number(shown, grouping) + after + q.unit
        return before + text
    return _EN_QUALIFIER[q.qualifier] + text


def prose_quantity(q: Quantity, lang: str, noun: tuple[str, str] | None = None) -> str:
    """A quantity for running text: zh as written (9100多万元); en with separators, money in words."""
    return quantity(q, lang, grouping=lang == "en", noun=noun)


def converted(q: Quantity, lang: str) -> str:
    """A figure converted to a unit the reader asked for (``get --unit``), in that unit in either language,
    its qualifier's meaning said before it: ``超过0.12亿元`` / ``more than 0.12亿元``.

    The one rule for a converted qualified figure: 多 and 余 belong to the figure as written (1200多万元 is
    1200 and some 万元, not 0.12 and some 亿元), so a converted figure says "more than" instead."""
    text = number(q.written) + q.unit
    if q.qualifier == "exact":
        return text
    if lang == "zh":
        return _ZH_CONVERTED.get(q.qualifier, _ZH_QUALIFIER[q.qualifier][0]) + text
    return _EN_QUALIFIER[q.qualifier] + text


_ZH_CONVERTED = {"more_than": "超过"}  # a qualifier written after the number, said before a converted one


def fact_line(q: Quantity, lang: str, value_only: bool = False, is_converted: bool = False) -> str:
    """``get``'s one line: ``2.06亿元``, ``9100多万元``, or with ``value_only`` the bare ``2.06``;
    ``is_converted``: ``q`` is in a unit asked for (:func:`converted`)."""

    if value_only:
        return clean(number(q.written)) + "\n"
    return clean(converted(q, lang) if is_converted else quantity(q, lang)) + "\n"


def signed_pct(pct: Decimal | None, grouping: bool = False, direction: str | None = None) -> str:
    """``+16%``, ``−14.7%``, ``+12,210.0%`` with ``grouping``; empty when there is no percentage
    (a zero or missing base). ``direction`` (up, down, flat) gives the sign when known, so a
    change that rounds to zero reads ``−0.0%`` beside a falling arrow, never ``±0.0%``."""
    if pct is None:
        return ""
    return f"{_sign(pct, direction)}{number(abs(pct), grouping)}%"


def signed(value: Decimal, grouping: bool = False, direction: str | None = None) -> str:
    """``+12``, ``−0.5``: a change without its unit (the sign as in :func:`signed_pct`)."""
    return f"{_sign(value, direction)}{number(abs(value), grouping)}"


def change_amount(change: Decimal, unit: str, lang: str, grouping: bool = False,
                  direction: str | None = None) -> str:
    """A change in a figure as people say it: ``+0.284亿元`` / ``+28.4 million yuan`` (money in the
    words :func:`amount` uses), ``+12`` for a counter in English; a share's change in points,
    ``+0.3个百分点`` / ``+0.3 percentage points`` (a percent change of a share is another thing)."""
    if unit == "%":
        points = "个百分点" if lang == "zh" else (" percentage point" if abs(change) == 1 else " percentage points")
        return signed(change, grouping, direction) + points
    return amount(change, unit, lang, grouping, sign=True, direction=direction)


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
