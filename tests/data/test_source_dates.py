"""Sources and periods agree: a fact whose period ends after its source's date is refused, by check
and by add, saying both; the bundled data stay valid."""

from __future__ import annotations

from pathlib import Path

import pytest

from reporter.data.load import load_dataset
from reporter.data.paths import bundled_data_path
from reporter.data.source_dates import bound_of
from reporter.model.period_words import parse_period
from reporter.model.records import Source
from tests.conftest import run

# SYNTHETIC: invented bulletins and figures, for the tests only
SOURCES = """\
sources:
  mid: {publication: 江山市统计局, title: 上半年统计, date: "2020-07"}
  year: {publication: 江山市统计局, title: 年度统计, date: "2020"}
  day: {publication: 江山市统计局, title: 统计快报, date: "2020-10-15"}
"""


def fact(period: str, source: str, qualifier: str = "") -> str:
    more = f"        qualifier: {qualifier}\n" if qualifier else ""
    aim = "力争" if qualifier == "target" else ""
    return (f"      - metric: rd_investment\n        value: 3.1\n        unit: 亿元\n        period: {period}\n{more}"
            f"        source: {source}\n        quote: \"{aim}研发投入3.1亿元\"\n")


def checked(tmp_path: Path, *facts: str, lang: str = "en") -> tuple[int, str, Path]:
    mine = tmp_path / "mine.yaml"
    mine.write_text(SOURCES + "regions:\n  jiangshan:\n    facts:\n" + "".join(facts), encoding="utf-8")
    result = run("--lang", lang, "--data", "bundled", "--data", str(mine), "check")
    return result.code, result.stderr, mine


@pytest.mark.parametrize(("period", "source"), [
    ("2020-01/09", "mid"), ("2020-08", "mid"), ("2020-H2", "mid"), ("asof/2020-09", "mid"),
    ("unstated/2020-Q3", "mid"), ("2021", "year"), ("2020-11", "day"),
    ("2021-01", "page-2020-kjdd"),  # the bundled page: dated 2020
])
def test_a_period_ending_after_its_source_is_refused_saying_both(tmp_path: Path, period: str, source: str) -> None:
    code, said, mine = checked(tmp_path, fact(period, source))
    assert code == 1, said
    words = parse_period(period).in_words("en")
    assert f"{mine}:11:9: {words} ends after its source '{source}' (dated " in said, said


@pytest.mark.parametrize(("period", "source"), [
    ("2020-01/07", "mid"), ("2020-07", "mid"), ("asof/2020-H1", "mid"), ("unstated/2020-07", "mid"),
    ("2020", "year"), ("2019", "mid"), ("2020-10", "day"), ("2020-01/10", "page-2020-kjdd"),
])
def test_a_period_ending_by_its_sources_date_is_kept(tmp_path: Path, period: str, source: str) -> None:
    code, said, _ = checked(tmp_path, fact(period, source))
    assert code == 0, said


def test_a_target_looks_ahead(tmp_path: Path) -> None:
    code, said, _ = checked(tmp_path, fact("2020/P5Y", "mid"), fact("2021", "year", "target"))
    assert code == 0, said


def test_both_dates_are_said_in_chinese(tmp_path: Path) -> None:
    code, said, _ = checked(tmp_path, fact("2020-01/08", "mid"), lang="zh")
    assert code == 1
    assert "2020年1-8月晚于其来源“mid”（日期2020-07）：来源不能报道它之后的事" in said, said


def test_add_refuses_a_figure_its_source_could_not_report(tmp_path: Path) -> None:
    mine = tmp_path / "mine.yaml"
    mine.write_text(SOURCES, encoding="utf-8")
    result = run("--lang", "en", "add", "江山", "研发投入", "3.1", "--unit", "亿元", "--period", "2020年1-9月",
                 "--quote", "1-9月研发投入3.1亿元", "--source", "mid", "--file", str(mine))
    assert result.code == 1, result
    assert "Jan–Sep 2020 ends after its source 'mid' (dated 2020-07)" in result.stderr
    assert mine.read_text(encoding="utf-8") == SOURCES


def test_a_date_in_words_bounds_too_and_free_words_do_not() -> None:
    def source(date: str) -> Source:
        return Source("s", "p", "t", date)

    assert bound_of(source("2020年10月")).last == parse_period("2020-10").last  # type: ignore[union-attr]
    assert bound_of(source("2020.10.15")).last == parse_period("2020-10").last  # type: ignore[union-attr]
    assert bound_of(source("undated, mid-year")) is None


def test_the_bundled_data_agree_with_their_source() -> None:
    data = load_dataset(bundled_data_path())
    bounds = {s.id: bound_of(s) for s in data.sources.values()}
    assert all(b is not None for b in bounds.values())
    for f in data.facts:
        bound = bounds[f.source]
        assert bound is not None
        assert f.period.last <= bound.last or f.period.kind == "forward", f
