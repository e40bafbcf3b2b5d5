"""Accept what we print (issue 12): every way the tool words a period parses back to that period.

The wordings are every function that prints a period: :meth:`Period.in_words` (tables, titles,
the periods table's columns), :func:`reporter.render.wording.period_words` (briefs, the Markdown
report), :func:`~reporter.render.wording.lead` (a sentence opening on its period) and
:func:`~reporter.render.wording.aside` (a period in brackets after a figure, as ``compare`` notes
print it), in Chinese and English; and the canonical string of machine formats. The periods
are those of the bundled data, of the SYNTHETIC fixture data, and any period of the grammar
(hypothesis).

One wording cannot carry its period: a brief's "未注明时期" / "period not stated" leaves the
source's date to the sentence that names the source. It is refused with the reason and the
form that would be read (``unstated/2020-H1``), as every form without a year is.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given

from reporter.data.load import load_dataset
from reporter.model.dataset import Dataset
from reporter.model.period_words import parse_period
from reporter.model.periods import Period, PeriodError
from reporter.render import wording as prose
from tests.model.test_periods_units import CANONICAL_PERIODS

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


def wordings(period: Period) -> Iterator[tuple[str, str]]:
    """(how, text) for every way the tool prints ``period``, except a brief's dateless unstated words."""
    yield "canonical", period.canonical
    for lang in ("zh", "en"):
        yield f"in_words/{lang}", period.in_words(lang)
        yield f"aside/{lang}", prose.aside(period, lang)
        if period.comparable:  # see the module's docstring
            yield f"period_words/{lang}", prose.period_words(period, lang)
        if prose.lead(period, lang):  # a period no sentence opens on has no lead
            yield f"lead/{lang}", prose.lead(period, lang)


def assert_reads_back(period: Period) -> None:
    for how, text in wordings(period):
        try:
            again = parse_period(text)
        except PeriodError as exc:
            raise AssertionError(f"{period.canonical}: {how} {text!r} is refused: {exc}") from None
        assert again == period, f"{period.canonical}: {how} {text!r} reads as {again.canonical}"


def data_periods(data: Dataset) -> set[Period]:
    periods = {f.period for f in data.facts} | {h.period for h in data.highlights if h.period}
    periods |= {parse_period(p) for s in data.sources.values() for _w, p in s.readings}
    return periods


def test_every_period_of_the_bundled_data_reads_back_from_every_wording(bundled: Dataset) -> None:
    periods = data_periods(bundled)
    # no forward span: the page's 通过5年努力 gives no start year, so that target's period is not stated
    assert {p.kind for p in periods} >= {"year", "months", "half", "quarter", "asof", "trailing", "unstated"}
    for period in periods:
        assert_reads_back(period)


def test_every_period_of_the_synthetic_data_reads_back_from_every_wording() -> None:
    periods = data_periods(load_dataset(FIXTURES / "synthetic-48.yaml"))
    assert periods
    for period in periods:
        assert_reads_back(period)


@given(CANONICAL_PERIODS)
def test_any_period_reads_back_from_every_wording(canonical: str) -> None:
    assert_reads_back(parse_period(canonical))


@pytest.mark.parametrize(("text", "canonical"), [
    # what brief printed and the parser refused before
    ("近两年（截至2020年6月底）", "P2Y/2020-06"), ("Over the two years to H1 2020", "P2Y/2020-H1"),
    ("In H1 2020", "2020-H1"), ("In 2019", "2019"), ("In Jan–May 2020", "2020-01/05"),
    ("In the five years from 2020", "2020/P5Y"), ("As of H1 2020", "asof/2020-H1"),
    ("近两年（截至2020年上半年末）", "P2Y/2020-H1"), ("近一年（截至2019年底）", "P1Y/2019"),
    ("未注明时期，见于2020年年中报道", "unstated/2020-H1"), ("period not stated, reported mid-2020", "unstated/2020-H1"),
    # a running total of a run of months is that run
    ("2020年1-9月累计", "2020-01/09"), ("2020年前三季度累计", "2020-01/09"), ("2020年上半年累计", "2020-H1"),
])
def test_forms_once_refused_are_read(text: str, canonical: str) -> None:
    assert parse_period(text).canonical == canonical


def test_a_brief_sentence_says_the_anchor_it_ends_at() -> None:
    assert prose.period_words(parse_period("P2Y/2020-H1"), "zh") == "近两年（截至2020年上半年末）"
    assert prose.period_words(parse_period("P2Y/2020-06"), "zh") == "近两年（截至2020年6月底）"
    assert prose.period_words(parse_period("P1Y/2019"), "zh") == "近一年（截至2019年底）"
    assert prose.period_words(parse_period("P3Y/2020-Q3"), "zh") == "近三年（截至2020年三季度末）"


@pytest.mark.parametrize(("text", "example"), [
    ("1-9月份", "2020年1-9月 (2020-01/09)"), ("1至9月", "2020年1-9月 (2020-01/09)"),
    ("前三季度", "2020年1-9月 (2020-01/09)"), ("截至9月末", "截至2020年9月 (asof/2020-09)"),
    ("上半年", "2020年上半年 (2020-H1)"), ("一季度", "2020年一季度 (2020-Q1)"), ("Jan–May", "Jan–May 2020 (2020-01/05)"),
    ("H1", "H1 2020 (2020-H1)"), ("近两年", "截至2020年上半年的近两年 (P2Y/2020-H1)"),
])
def test_a_form_without_a_year_is_refused_with_its_form_for_a_year(text: str, example: str) -> None:
    with pytest.raises(PeriodError) as refused:
        parse_period(text)
    for lang in ("en", "zh"):
        said = refused.value.message.text(lang)
        assert example in said and "2020-H1" in said, said
    assert "names no year" in str(refused.value) and example in str(refused.value)


@pytest.mark.parametrize("text", ["近两年（截至2020年6月15日）", "2020年1-9月累计累计", "2020年9月累计",
                                  "Over 2020 junk", "In the 2020", "junk 2020年"])
def test_a_form_with_a_year_is_never_said_to_have_none(text: str) -> None:
    with pytest.raises(PeriodError) as refused:
        parse_period(text)
    for lang in ("en", "zh"):
        said = refused.value.message.text(lang)
        assert "names no year" not in said and "没有年份" not in said, said
        assert "2020-H1" in said, said


def test_a_running_total_of_a_month_or_to_a_date_is_asked_which_it_is() -> None:
    with pytest.raises(PeriodError) as refused:
        parse_period("2020年9月累计")
    assert "2020年1-9月 (2020-01/09)" in str(refused.value) and "2020年9月 (2020-09)" in str(refused.value)
    for text in ("截至2020年9月底累计", "截至2020年9月累计"):
        with pytest.raises(PeriodError) as refused:
            parse_period(text)
        assert "2020年1-9月 (2020-01/09)" in str(refused.value) and "截至2020年9月 (asof/2020-09)" in str(refused.value)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_dateless_words_of_a_brief_are_refused_with_the_form_that_reads(lang: str) -> None:
    period = parse_period("unstated/2020-H1")
    words = prose.period_words(period, lang)
    assert words in ("未注明时期", "period not stated")
    with pytest.raises(PeriodError) as refused:
        parse_period(words)
    said = refused.value.message.text(lang)
    assert "unstated/2020-H1" in said and (period.in_words(lang) in said or period.in_words("zh") in said), said


def test_canonical_strings_are_unchanged_by_the_words() -> None:
    """Every canonical period still reads as itself (the words are tried only when it is not canonical)."""
    for text in ("2020", "2020-H1", "2020-Q1", "2020-05", "2020-01/05", "2019/2020", "P2Y/2020-H1",
                 "2020/P5Y", "asof/2020-H1", "unstated/2020-H1"):
        assert parse_period(text).canonical == text
        assert not re.search(r"[年月]", text)
