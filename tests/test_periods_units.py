"""The period grammar and unit families: small pure functions, checked exhaustively where cheap."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reporter import units
from reporter.periods import PeriodError, parse_period


@pytest.mark.parametrize(("text", "canonical", "zh", "en"), [
    ("2019", "2019", "2019年", "2019"),
    ("2019年", "2019", "2019年", "2019"),
    ("2020-H1", "2020-H1", "2020年上半年", "H1 2020"),
    ("2020年上半年", "2020-H1", "2020年上半年", "H1 2020"),
    ("2020年一季度", "2020-Q1", "2020年一季度", "Q1 2020"),
    ("2020-05", "2020-05", "2020年5月", "May 2020"),
    ("2020年1-5月", "2020-01/05", "2020年1-5月", "Jan–May 2020"),
    ("2020-01/2020-05", "2020-01/05", "2020年1-5月", "Jan–May 2020"),
    ("2019-11/2020-02", "2019-11/2020-02", "2019年11月至2020年2月", "Nov 2019–Feb 2020"),
    ("2019/2020", "2019/2020", "2019-2020年", "2019–2020"),
    ("P2Y/2020-H1", "P2Y/2020-H1", "截至2020年上半年的近两年", "the two years to H1 2020"),
    ("P1Y/2020-H1", "P1Y/2020-H1", "截至2020年上半年的一年", "the year to H1 2020"),
    ("2020/P5Y", "2020/P5Y", "2020年起5年", "five years from 2020"),
    ("@2020-H1", "@2020-H1", "截至2020年上半年", "as of H1 2020"),
])
def test_periods_parse_to_canonical_and_words(text: str, canonical: str, zh: str, en: str) -> None:
    period = parse_period(text)
    assert (period.canonical, period.in_words("zh"), period.in_words("en")) == (canonical, zh, en)


@pytest.mark.parametrize("text", ["", "20", "2020-13", "2020-H3", "2020-Q5", "2020-05/03", "2020/2019",
                                  "P0Y/2020", "@", "2020-01-01", "1:20", "NO", "二〇二〇年"])
def test_bad_periods_are_refused(text: str) -> None:
    with pytest.raises(PeriodError):
        parse_period(text)


def test_year_over_year_shift() -> None:
    assert parse_period("2020-01/05").shifted(-1).canonical == "2019-01/05"
    assert parse_period("@2020-H1").shifted(-1).canonical == "@2019-H1"
    assert parse_period("P2Y/2020-H1").shifted(-1).canonical == "P2Y/2019-H1"
    assert parse_period("2020-Q1").shifted(1).canonical == "2021-Q1"


@given(st.integers(1900, 2100), st.integers(1, 12), st.integers(1, 12))
def test_month_ranges_round_trip(year: int, a: int, b: int) -> None:
    text = f"{year}-{a:02d}/{b:02d}"
    if b <= a:
        with pytest.raises(PeriodError):
            parse_period(text)
        return
    period = parse_period(text)
    assert parse_period(period.canonical) == period
    assert parse_period(period.in_words("zh")).canonical == period.canonical


def test_money_converts_exactly() -> None:
    assert units.convert(Decimal("2.06"), "亿元", "万元") == Decimal("20600")
    assert units.convert(Decimal("9100"), "万元", "亿元") == Decimal("0.91")
    assert units.to_base(Decimal("0.91"), "亿元") == units.to_base(Decimal("9100"), "万元")
    with pytest.raises(ValueError):
        units.convert(Decimal(3), "家", "个")


@given(st.decimals(min_value=0, max_value=10**9, places=4, allow_nan=False, allow_infinity=False))
def test_money_conversion_round_trips(value: Decimal) -> None:
    there = units.convert(value, "万元", "亿元")
    assert units.convert(there, "亿元", "万元") == value
