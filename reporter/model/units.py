"""Units as written on the page, grouped into families that convert exactly.

Money keeps its family (元, 万元, 亿元) and converts with :class:`~decimal.Decimal`, so
9100万元 and 0.91亿元 compare equal to the last digit. Counters (家, 个, 项, …) are
families of their own: 3家 and 3个 are different things and never compared.
"""

from __future__ import annotations

from decimal import Decimal, localcontext

__all__ = ["COUNTERS", "family_of", "to_base", "base_factor", "convert", "KNOWN_UNITS"]

_FACTORS: dict[str, tuple[str, int]] = {
    "元": ("money", 1),
    "万元": ("money", 10_000),
    "亿元": ("money", 100_000_000),
    "平方米": ("area", 1),
    "万平方米": ("area", 10_000),
    "%": ("percent", 1),
    "位": ("rank", 1),
}

# Counters: each one its own family. Users may add more in a metric's ``unit``.
COUNTERS = ("家", "个", "项", "份", "名", "人", "次", "家次", "场", "台套", "所", "条", "件", "亩")

KNOWN_UNITS = tuple(_FACTORS) + COUNTERS


def family_of(unit: str) -> str:
    """The family a unit belongs to; an unknown unit is a family of its own."""
    known = _FACTORS.get(unit)
    return known[0] if known else f"count:{unit}"


def to_base(value: Decimal, unit: str) -> Decimal:
    """The value in its family's base unit (元, 平方米, …), exactly."""
    known = _FACTORS.get(unit)
    return value * known[1] if known else value


def base_factor(unit: str) -> int | None:
    """What :func:`to_base` multiplies a value in ``unit`` by; None where it leaves the value as it is
    (a counter, a unit of a family of its own). For many values of a few units: looked up once a unit."""
    known = _FACTORS.get(unit)
    return known[1] if known else None


def convert(value: Decimal, unit: str, target: str) -> Decimal:
    """Convert ``value`` from ``unit`` to ``target`` of the same family, exactly.

    >>> convert(Decimal("2.06"), "亿元", "万元")
    Decimal('20600')
    """
    if family_of(unit) != family_of(target):
        raise ValueError(f"cannot convert {unit} to {target}")
    if unit == target:
        return value
    base = to_base(value, unit)
    result = base / _FACTORS[target][1] if target in _FACTORS else base
    return normalise(result)


def normalise(value: Decimal) -> Decimal:
    """Drop trailing zeros a computation added, without ever using an exponent (at any size: a
    whole number of more digits than Decimal's default precision is kept whole)."""
    if value == value.to_integral_value():

        with localcontext() as context:
            context.prec = max(context.prec, value.adjusted() + 2)
            return value.quantize(Decimal(1))
    return value.normalize()
