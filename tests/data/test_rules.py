"""The data format's value rules: each written once, and the shortcut on large series hides nothing."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from reporter.data.rules import FACT_RULES, VALUE_RULES, checks_for
from reporter.model.records import KINDS, QUALIFIERS, Metric

UNITS = ["万元", "亿元", "%", "位", "家", "个", "平方米", "台套"]
numbers = st.one_of(
    st.decimals(allow_nan=False, allow_infinity=False, min_value=-10**6, max_value=10**6, places=3),
    st.integers(min_value=-1000, max_value=10**6).map(Decimal),
).map(lambda d: format(d, "f"))


@settings(max_examples=400, deadline=None)
@given(kind=st.sampled_from(KINDS), unit=st.sampled_from(UNITS), written=numbers,
       qualifier=st.sampled_from(QUALIFIERS))
def test_the_screens_never_hide_a_broken_rule(kind: str, unit: str, written: str, qualifier: str) -> None:
    """A series value is checked with each rule's screen first (a test on the text as written);
    the answer must be the same as checking every rule on the value itself."""
    checks = checks_for(Metric("m", "m", "m", unit, "t", kind=kind), unit)
    assert checks.value_problems(written, qualifier) == checks.value_problems(written, qualifier, screened=False)


@settings(max_examples=200, deadline=None)
@given(kind=st.sampled_from(KINDS), unit=st.sampled_from(UNITS), written=numbers,
       qualifier=st.sampled_from(QUALIFIERS))
def test_a_series_value_and_the_same_fact_break_the_same_value_rules(kind: str, unit: str, written: str,
                                                                     qualifier: str) -> None:
    """What a series value is told is exactly what a single fact with that value is told (a single fact
    may be told more: it can carry a change, which a series value cannot)."""
    checks = checks_for(Metric("m", "m", "m", unit, "t", kind=kind), unit)
    assert checks.fact_problems(written, qualifier, None, None, None) == checks.value_problems(written, qualifier)


@settings(max_examples=300, deadline=None)
@given(kind=st.sampled_from(KINDS), unit=st.sampled_from(UNITS), values=st.lists(numbers, min_size=1, max_size=12),
       qualifier=st.sampled_from(QUALIFIERS))
def test_a_whole_series_screened_at_once_misses_no_broken_value(kind: str, unit: str, values: list[str],
                                                                 qualifier: str) -> None:
    checks = checks_for(Metric("m", "m", "m", unit, "t", kind=kind), unit)
    broken = [i for i, v in enumerate(values) if checks.value_problems(v, qualifier, screened=False)]
    suspects = checks.suspects(values)
    assert set(broken) <= set(range(len(values)) if suspects is None else suspects)


def test_every_rule_has_a_distinct_name_and_a_message() -> None:
    names = [r.name for r in (*VALUE_RULES, *FACT_RULES)]
    assert len(names) == len(set(names)) and all(r.message for r in (*VALUE_RULES, *FACT_RULES))
