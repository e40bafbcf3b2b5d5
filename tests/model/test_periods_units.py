"""The period grammar and unit families: small pure functions, checked exhaustively where cheap."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from reporter.model import units
from reporter.model.period_words import parse_period
from reporter.model.periods import PeriodError


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
    ("P1Y/2020-H1", "P1Y/2020-H1", "截至2020年上半年的近一年", "the year to H1 2020"),
    ("2020/P5Y", "2020/P5Y", "2020年起5年", "five years from 2020"),
    ("@2020-H1", "asof/2020-H1", "截至2020年上半年", "as of H1 2020"),  # the spelling before asof/
        ("asof/2020-H1", "asof/2020-H1", "截至2020年上半年", "as of H1 2020"),
    ("unstated/2020-H1", "unstated/2020-H1", "未注明时期（见于2020年年中报道）", "period not stated (reported mid-2020)"),
    ("unstated/2020-H2", "unstated/2020-H2", "未注明时期（见于2020年年末报道）",
     "period not stated (reported at the end of 2020)"),
    ("unstated/2020", "unstated/2020", "未注明时期（见于2020年报道）", "period not stated (reported in 2020)"),
    ("unstated/2020-Q3", "unstated/2020-Q3", "未注明时期（见于2020年三季度末报道）",
     "period not stated (reported at the end of Q3 2020)"),
    ("unstated/2020-05", "unstated/2020-05", "未注明时期（见于2020年5月报道）", "period not stated (reported in May 2020)"),
])
def test_periods_parse_to_canonical_and_words(text: str, canonical: str, zh: str, en: str) -> None:
    period = parse_period(text)
    assert (period.canonical, period.in_words("zh"), period.in_words("en")) == (canonical, zh, en)
    assert parse_period(zh).canonical == canonical
    assert parse_period(en).canonical == canonical


@pytest.mark.parametrize(("text", "canonical"), [
    # what the tool prints, as a user copies it back (issue 12)
    ("截至2020年上半年", "asof/2020-H1"), ("Jan–May 2020", "2020-01/05"), ("H1 2020", "2020-H1"),
    ("Q1 2020", "2020-Q1"), ("May 2020", "2020-05"), ("2019–2020", "2019/2020"),
    ("the two years to H1 2020", "P2Y/2020-H1"), ("five years from 2020", "2020/P5Y"),
    ("as of H1 2020", "asof/2020-H1"), ("截至2020年上半年的近两年", "P2Y/2020-H1"), ("2020年起5年", "2020/P5Y"),
    # statistical bulletins
    ("2020年1-9月份", "2020-01/09"), ("2020年1至9月", "2020-01/09"), ("2020年1月-5月", "2020-01/05"),
    ("2020年1–5月", "2020-01/05"), ("2020年1—5月", "2020-01/05"), ("2020年1～5月", "2020-01/05"),
    ("2020年1〜5月", "2020-01/05"), ("2020年1~5月", "2020-01/05"), ("2020年1月份至5月份", "2020-01/05"),
    ("2020年1到5月", "2020-01/05"), ("2020年1－5月", "2020-01/05"),
    ("2020年前三季度", "2020-01/09"), ("2020年前两季度", "2020-H1"), ("2020年二至三季度", "2020-04/09"),
    ("2020年第一季度", "2020-Q1"), ("2020年一季度", "2020-Q1"), ("2020年第1季度", "2020-Q1"),
    ("2020年Q4", "2020-Q4"), ("2020年下半年", "2020-H2"), ("2020年9月份", "2020-09"),
    ("截至2020年9月末", "asof/2020-09"), ("截至2020年9月底", "asof/2020-09"), ("截止2020年9月末", "asof/2020-09"),
    ("截至2020年9月", "asof/2020-09"), ("2020年9月末", "asof/2020-09"), ("截至2020年6月30日", "asof/2020-06"),
    ("截至2020年2月29日", "asof/2020-02"), ("截至2020年底", "asof/2020"), ("2020年末", "asof/2020"), ("2020年年底", "asof/2020"),
    ("2020年全年", "2020"), ("2020年度", "2020"), ("2020全年", "2020"),
    ("2020年上半年末", "asof/2020-H1"), ("截至2020年一季度末", "asof/2020-Q1"),
    ("2019年-2020年", "2019/2020"), ("2019至2020年", "2019/2020"), ("2019——2020年", "2019/2020"),
    ("2019年11月-2020年2月", "2019-11/2020-02"), ("截至2020年上半年近两年", "P2Y/2020-H1"),
    ("截至2020年上半年的一年", "P1Y/2020-H1"), ("2020年起5年内", "2020/P5Y"), ("2020年起的五年", "2020/P5Y"),
    # English as written
    ("first half of 2020", "2020-H1"), ("2020 H2", "2020-H2"), ("third quarter of 2020", "2020-Q3"),
    ("Q1–Q3 2020", "2020-01/09"), ("the first three quarters of 2020", "2020-01/09"),
    ("January to May 2020", "2020-01/05"), ("Sept 2020", "2020-09"), ("Jan. 2020", "2020-01"),
    ("2019 to 2020", "2019/2020"), ("2019-2020", "2019/2020"), ("as at the end of Sep 2020", "asof/2020-09"),
    ("end of 2020", "asof/2020"), ("the past two years to 2020", "P2Y/2020"), ("5 years from 2020", "2020/P5Y"),
    # width, spaces, case
    ("２０２０年", "2020"), ("２０２０年１－５月", "2020-01/05"), ("２０２０－Ｈ１", "2020-H1"), ("  2020-H1 ", "2020-H1"),
    ("2020 年 1 - 5 月", "2020-01/05"), (" 截至 2020 年 9 月末 ", "asof/2020-09"), ("JAN–MAY 2020", "2020-01/05"),
    ("\u30002020年上半年\u3000", "2020-H1"), ("@ 2020-H1", "asof/2020-H1"), ("asof/2020-H1", "asof/2020-H1"), ("@2020-Q3", "asof/2020-Q3"),
    # the unstated period, every spelling
    ("?/2020-H1", "unstated/2020-H1"), ("未注明时期(见于2020年年中报道)", "unstated/2020-H1"),
    ("Period not stated (reported mid-2020)", "unstated/2020-H1"), ("未注明时期（见于2020年年底报道）", "unstated/2020-H2"),
])
def test_printed_and_statistical_phrasings_are_read(text: str, canonical: str) -> None:
    assert parse_period(text).canonical == canonical


@pytest.mark.parametrize("text", ["", "20", "2020-13", "2020-H3", "2020-Q5", "2020-05/03", "2020/2019",
                                  "P0Y/2020", "@", "2020-01-01", "1:20", "NO", "二〇二〇年", "0999",
                                  "1-9月份", "截至目前", "上半年", "Jan–May", "2020年13月", "2020年第五季度",
                                  "截至2020年6月15日", "@2020-01/05", "P2Y/2020-01/05", "unstated/2020-01/05",
                                  "未注明时期", "period not stated", "junk 2020", "2020年1-5月-6月", "2019-2020年度"])
def test_bad_periods_are_refused_naming_the_canonical_forms(text: str) -> None:
    with pytest.raises(PeriodError) as refused:
        parse_period(text)
    message = str(refused.value)
    assert "2020-H1" in message and ("expected" in message or "anchor is a year" in message), message


@pytest.mark.parametrize(("text", "suggestion"), [
    ("2020-1/5", "2020-01/05"), ("2020-5", "2020-05"), ("2020h1", "2020-H1"), ("2020-h1", "2020-H1"),
    ("H1-2020", "2020-H1"), ("202005", "2020-05"), ("2020.5", "2020-05"), ("p2y/2020-h1", "P2Y/2020-H1"),
    ("@2020-h1", "asof/2020-H1"), ("ASOF/2020-h1", "asof/2020-H1"), ("UNSTATED/2020-H1", "unstated/2020-H1"),
    ("2020-1/2020-5", "2020-01/05"), ("二〇二〇年", "2020年 (2020)"), ("2020年1-5", "2020年1-5月 (2020-01/05)"),
])
def test_near_misses_suggest_the_canonical_spelling(text: str, suggestion: str) -> None:
    with pytest.raises(PeriodError) as refused:
        parse_period(text)
    assert refused.value.suggestion == suggestion
    assert f"did you mean {suggestion}?" in str(refused.value)


def test_refusals_say_why_when_they_can() -> None:
    reasons = {"2020-13": "month 13 is not 01-12", "1-9月份": "names no year", "2020-H3": "a half is H1 or H2",
               "截至2020年6月15日": "a day inside a month", "未注明时期": "does not say when its source reported",
               "@2020-01/05": "did you mean asof/2020-05?", "asof/2020-01/05": "did you mean asof/2020-05?", "2020-05/03": "the last month must come after the first"}
    for text, reason in reasons.items():
        with pytest.raises(PeriodError, match=re.escape(reason)):
            parse_period(text)


def test_year_over_year_shift() -> None:
    assert parse_period("2020-01/05").shifted(-1).canonical == "2019-01/05"
    assert parse_period("@2020-H1").shifted(-1).canonical == "asof/2019-H1"
    assert parse_period("asof/2020-H1").shifted(-1).canonical == "asof/2019-H1"
    assert parse_period("P2Y/2020-H1").shifted(-1).canonical == "P2Y/2019-H1"
    assert parse_period("2020-Q1").shifted(1).canonical == "2021-Q1"


def test_an_unstated_period_has_no_year_before_it() -> None:
    unstated = parse_period("unstated/2020-H1")
    before = unstated.shifted(-1)
    assert not unstated.comparable and not before.comparable
    assert parse_period("@2020-H1").comparable and parse_period("2020-01/05").comparable
    assert before.canonical not in {unstated.canonical, "unstated/2019-H1", "asof/2019-H1", "2019-H1"}
    with pytest.raises(PeriodError):  # no data file can name it, so no fact's period equals it
        parse_period(before.canonical)
    assert before.shifted(1) == unstated and unstated.shifted(0) == unstated
    assert before.in_words("zh") == "未注明时期的上一年（见于2020年年中报道）"
    assert before.in_words("en") == "the year before a period not stated (reported mid-2020)"
    assert unstated.shifted(-3).in_words("en").startswith("three years before")


def test_periods_sort_by_their_end_an_unstated_one_before_the_dated() -> None:
    texts = ["@2020-H1", "2020-H1", "unstated/2020-H1", "2020-01/05", "2019", "P2Y/2020-H1", "unstated/2019"]
    ordered = [p.canonical for p in sorted(map(parse_period, texts), key=lambda p: p.sort_key)]
    assert ordered == ["unstated/2019", "2019", "2020-01/05", "unstated/2020-H1", "P2Y/2020-H1", "2020-H1",
                       "asof/2020-H1"]


@pytest.mark.parametrize("text", ["unstated/2020-H1", "unstated/2019", "unstated/2020-05"])
def test_the_unstated_spelling_is_safe_in_yaml_csv_and_series(text: str) -> None:
    import yaml

    assert yaml.safe_load(f"period: {text}") == {"period": text}
    assert yaml.safe_load(f"{{period: {text}, value: 1}}") == {"period": text, "value": 1}
    assert yaml.safe_load(f"[{text}]") == [text]
    assert text[0] not in "=+-@" and " " not in text and "=" not in text
    assert parse_period(f"{text}=12".partition("=")[0]).canonical == text


# --------------------------------------------------------------------------- round trips

_YEARS = st.integers(1000, 9999)
_ANCHORS = st.one_of(
    _YEARS.map(str),
    st.tuples(_YEARS, st.integers(1, 2)).map(lambda t: f"{t[0]}-H{t[1]}"),
    st.tuples(_YEARS, st.integers(1, 4)).map(lambda t: f"{t[0]}-Q{t[1]}"),
    st.tuples(_YEARS, st.integers(1, 12)).map(lambda t: f"{t[0]}-{t[1]:02d}"),
)
_SPANS = st.integers(1, 99)


@st.composite
def _month_runs(draw: st.DrawFn) -> str:
    first = draw(st.integers(1000 * 12, 9999 * 12 + 10))
    last = draw(st.integers(first + 1, min(first + 60, 9999 * 12 + 11)))
    (y1, m1), (y2, m2) = divmod(first, 12), divmod(last, 12)
    # a run that is a quarter, a half or the year is that period (1-6月 = 上半年): not a canonical run
    length = m2 - m1 + 1
    assume(not (y1 == y2 and ((length == 3 and m1 % 3 == 0) or (length == 6 and m1 in (0, 6)) or length == 12)))
    return f"{y1}-{m1 + 1:02d}/{m2 + 1:02d}" if y1 == y2 else f"{y1}-{m1 + 1:02d}/{y2}-{m2 + 1:02d}"


CANONICAL_PERIODS = st.one_of(
    _ANCHORS,
    _month_runs(),
    st.tuples(st.integers(1000, 9998), st.integers(1, 30)).map(lambda t: f"{t[0]}/{min(t[0] + t[1], 9999)}"),
    st.tuples(_SPANS, _ANCHORS).map(lambda t: f"P{t[0]}Y/{t[1]}"),
    st.tuples(_ANCHORS, _SPANS).map(lambda t: f"{t[0]}/P{t[1]}Y"),
    _ANCHORS.map(lambda a: f"asof/{a}"),
    _ANCHORS.map(lambda a: f"unstated/{a}"),
)


@given(CANONICAL_PERIODS, st.sampled_from(["zh", "en"]))
def test_every_kind_round_trips_through_its_words(canonical: str, lang: str) -> None:
    period = parse_period(canonical)
    assert period.canonical == canonical
    words = period.in_words(lang)
    assert parse_period(words) == period, words


@given(CANONICAL_PERIODS)
def test_words_in_full_width_digits_and_spaces_read_the_same(canonical: str) -> None:
    words = parse_period(canonical).in_words("zh")
    wide = words.translate(str.maketrans("0123456789", "０１２３４５６７８９"))
    assert parse_period(f" {wide}\u3000").canonical == canonical


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


@given(st.text(max_size=24))
def test_any_text_parses_or_is_refused_with_a_period_error(text: str) -> None:
    try:
        period = parse_period(text)
    except PeriodError as exc:
        assert "2020-H1" in str(exc)
    else:
        assert parse_period(period.canonical) == period


def test_the_grammar_compiles_nothing_at_import_and_keeps_its_cache() -> None:
    code = ("import re, json; before = len(re._cache); import reporter.model.periods, reporter.model.period_words; "
            "print(json.dumps([len(re._cache) - before, hasattr(reporter.model.period_words.parse_period, 'cache_info')]))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         cwd=Path(__file__).resolve().parents[2])
    assert json.loads(out.stdout) == [0, True]


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


@given(_ANCHORS)
def test_the_old_as_of_spelling_reads_as_the_new_one(anchor: str) -> None:
    """``@2020-H1`` was the canonical spelling of ``asof/2020-H1``: files written so still load."""
    old, new = parse_period(f"@{anchor}"), parse_period(f"asof/{anchor}")
    assert old == new and new.canonical == f"asof/{anchor}" and new.kind == "asof"


@given(st.decimals(allow_nan=False, allow_infinity=False, places=4, min_value=-10**12, max_value=10**12),
       st.sampled_from([*units.KNOWN_UNITS, "吨", "km"]))
def test_a_units_base_factor_makes_what_to_base_makes(value: Decimal, unit: str) -> None:
    """base_factor, looked up once for many values of a unit (a ranking of every county), gives each
    value to_base's result exactly: the same number with the same digits."""
    factor = units.base_factor(unit)
    made = value if factor is None else value * factor
    assert str(made) == str(units.to_base(value, unit))
    assert (factor is None) == (units.family_of(unit).startswith("count:"))
