"""One time span, one period: 1-6月 is 上半年, 1-3月 一季度, 1-9月 前三季度, 1-12月 the year.

The file keeps the words it was written with; the model reads one period from them, so a second
fact for the same span is refused (check and add alike, exit 1, said in words), and the tables,
rank, compare, delta and the cache see one period.
"""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from reporter.cache.codec import period_table, periods_from, periods_in
from reporter.data.load import load_dataset
from reporter.data.paths import bundled_data_path
from reporter.model.period_words import parse_period
from tests.conftest import run

# SYNTHETIC: an invented bulletin and invented figures, for the tests only
SOURCE = 'sources:\n  js-2019: {publication: 江山市统计局, title: 2020年上半年统计, date: "2020-07"}\n'


def fact(region: str, metric: str, value: str, period: str, quote: str, unit: str = "") -> str:
    unit_line = f"\n  unit: {unit}" if unit else ""
    return textwrap.indent(f"- metric: {metric}\n  value: {value}{unit_line}\n  period: {period}\n"
                           f"  source: js-2019\n  quote: \"{quote}\"\n", "      ")


def data_file(tmp_path: Path, regions: dict[str, list[str]]) -> Path:
    mine = tmp_path / "mine.yaml"
    text = SOURCE + "regions:\n" + "".join(f"  {r}:\n    facts:\n" + "".join(facts) for r, facts in regions.items())
    mine.write_text(text, encoding="utf-8")
    return mine


@pytest.mark.parametrize(("written", "said"), [
    ("2019年1-6月", "2019年上半年"), ("2019-01/06", "2019-H1"), ("2019年7-12月", "2019年下半年"),
    ("2019年1-3月", "2019年一季度"), ("2019年4-6月", "2019年第二季度"), ("2019年10-12月", "Q4 2019"),
    ("2019年1-9月", "2019年前三季度"), ("Jan–Sep 2019", "the first three quarters of 2019"),
    ("2019年1-12月", "2019年全年"), ("2019-01/12", "2019"), ("2019年1-12月份", "2019年度"),
])
def test_one_time_span_written_two_ways_is_one_period(written: str, said: str) -> None:
    assert parse_period(written) == parse_period(said)
    again = parse_period(parse_period(written).canonical)  # printed and read back: the same period
    assert again == parse_period(written)


@pytest.mark.parametrize("written", ["2019年1-5月", "2019年2-7月", "2019年3-5月", "2019年11月-2020年4月",
                                     "2019-01/11", "2019年1-9月"])
def test_a_run_of_months_that_is_no_calendar_period_stays_a_run(written: str) -> None:
    assert parse_period(written).kind == "months"


def test_the_cache_stores_the_one_period() -> None:
    periods = periods_in([parse_period("2019年1-6月"), parse_period("2019年上半年"), parse_period("2020年1-5月")])
    assert sorted(periods) == ["2019-H1", "2020-01/05"]
    assert periods_from(period_table(periods)) == periods


def test_check_refuses_a_second_fact_of_one_span_naming_both_in_words(tmp_path: Path) -> None:
    mine = data_file(tmp_path, {"jiangshan": [
        fact("jiangshan", "rd_investment", "1.1", "2019年1-6月", "1-6月研发投入1.1亿元", "亿元"),
        fact("jiangshan", "rd_investment", "1.1", "2019年上半年", "上半年研发投入1.1亿元", "亿元")]})
    for lang, words in (("en", "a second 'rd_investment' fact of Jiangshan for H1 2019 (first at {mine}:6)"),
                        ("zh", "江山市的“规上企业研发投入”在2019年上半年已有一项数据（首次出现于 {mine}:6）")):
        result = run("--lang", lang, "--data", "bundled", "--data", str(mine), "check")
        assert result.code == 1, result
        assert f"{mine}:12:" in result.stderr and words.format(mine=mine) in result.stderr, result.stderr


def test_add_refuses_the_span_written_another_way_as_a_data_problem(tmp_path: Path) -> None:
    mine = data_file(tmp_path, {"jiangshan": [
        fact("jiangshan", "rd_investment", "1.1", "2019年1-6月", "1-6月研发投入1.1亿元", "亿元")]})
    before = mine.read_bytes()
    for period in ("2019年上半年", "2019-H1", "H1 2019"):
        result = run("--lang", "zh", "add", "江山", "研发投入", "1.2", "--unit", "亿元", "--period", period,
                     "--quote", "上半年研发投入1.2亿元", "--source", "js-2019", "--file", str(mine))
        assert result.code == 1, result
        assert f"江山市已有2019年上半年的“规上企业研发投入”（见 {mine}:6）" in result.stderr  # in words
    assert mine.read_bytes() == before


def test_tables_rank_compare_and_delta_see_one_period(tmp_path: Path) -> None:
    mine = data_file(tmp_path, {
        "jiangshan": [fact("jiangshan", "rd_investment", "1.1", "2019年1-6月", "1-6月研发投入1.1亿元", "亿元"),
                      fact("jiangshan", "national_hightech_enterprises", "5", "2019年上半年", "上半年5家"),
                      fact("jiangshan", "rd_investment", "2.2", "2020-01/06", "1-6月研发投入2.2亿元", "亿元")],
        "dongtou": [fact("dongtou", "rd_investment", "0.5", "2019年上半年", "上半年研发投入0.5亿元", "亿元")]})
    data = ("--data", "bundled", "--data", str(mine))
    shown = run("--lang", "zh", *data, "show", "江山", "--by", "period", env={"COLUMNS": "300"})
    header = shown.stdout.splitlines()[0]
    assert shown.code == 0 and header.count("2019年上半年") == 1 and "2019年1-6月" not in header, shown
    ranked = run("--lang", "en", *data, "rank", "rd_investment", "--period", "2019年1-6月", "--format", "csv")
    assert ranked.code == 0 and "1,2,jiangshan," in ranked.stdout and "2,2,dongtou," in ranked.stdout, ranked
    compared = run("--lang", "en", *data, "compare", "江山", "洞头", "--period", "2019-H1", "--format", "csv")
    assert compared.code == 0 and "1.1" in compared.stdout and "0.5" in compared.stdout, compared
    delta = run("--lang", "en", *data, "delta", "江山", "rd_investment", "--format", "csv")
    assert delta.code == 0 and ",2020-H1,2.2,亿元,exact,1.1,2019-H1,1.1,100.0," in delta.stdout, delta  # 1-6月 both


def test_the_bundled_data_hold_each_span_once() -> None:
    data = load_dataset(bundled_data_path())
    seen = [(f.region, f.metric, f.period) for f in data.facts]
    assert len(seen) == len(set(seen))
