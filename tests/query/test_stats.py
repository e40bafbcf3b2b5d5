"""``stats`` per prefecture, province and level, and ``rank --within``: exact sums in the metric's
unit, qualifiers that survive, no sum where a metric does not add up."""

from __future__ import annotations

import csv
import io
import json
from decimal import Decimal
from pathlib import Path

import pytest

from reporter.data.load import load_dataset
from reporter.model.names import find_period
from reporter.query.stats import combined, metric_stats, summable
from tests.conftest import run
from tests.province import PROVINCE


@pytest.fixture
def province(tmp_path: Path) -> Path:
    path = tmp_path / "province.yaml"
    path.write_text(PROVINCE, encoding="utf-8")
    return path


def test_combined_qualifiers() -> None:
    assert combined(["exact", "exact"]) == "exact"
    assert combined(["exact", "more_than"]) == "more_than"
    assert combined(["at_least", "exact"]) == "at_least"
    assert combined(["nearly", "exact", "nearly"]) == "nearly"
    assert combined(["nearly", "more_than"]) == "approx"


def test_sums_convert_money_exactly_and_keep_more_than(province: Path) -> None:
    data = load_dataset(str(province))
    stats = metric_stats(data, data.metrics["rd"], "prefecture")
    assert stats.period.canonical == "2020"
    wenzhou = stats.groups[0]
    assert wenzhou.group == "温州市" and wenzhou.size == 2
    assert wenzhou.sum == (Decimal("24100"), "more_than")  # 1.5亿元 = 15000万元, plus 9100多万元
    assert wenzhou.least == (Decimal("9100"), "more_than") and wenzhou.greatest == (Decimal("15000"), "exact")
    assert stats.whole.sum == (Decimal("27000"), "more_than") and stats.whole.size == 4
    assert [g.group for g in stats.groups] == ["温州市", "衢州市", "南平市"]  # the largest sum first
    assert sum(g.share.value for g in stats.groups if g.share) == pytest.approx(100, abs=Decimal("0.02"))
    assert stats.groups[2].share == (Decimal("2.59"), "approx")  # of a whole that is "more than"


def test_median_mean_of_an_exact_metric(province: Path) -> None:
    data = load_dataset(str(province))
    stats = metric_stats(data, data.metrics["firms"], "province", find_period("2020"))
    zhejiang = next(g for g in stats.groups if g.group == "浙江省")
    assert (zhejiang.size, zhejiang.sum, zhejiang.median) == (3, (Decimal(35), "exact"), (Decimal(10), "exact"))
    assert zhejiang.mean.value == Decimal("11.67")
    assert stats.whole.median == (Decimal("7.5"), "exact")


@pytest.mark.parametrize("metric, adds", [("rd", True), ("firms", True), ("share", False), ("place", False)])
def test_what_adds_up(province: Path, metric: str, adds: bool) -> None:
    data = load_dataset(str(province))
    assert summable(data.metrics[metric]) is adds
    stats = metric_stats(data, data.metrics[metric], "level")
    assert all((g.sum is not None, g.share is not None) == (adds, adds) for g in stats.groups)


def test_stats_command_csv_and_the_note_instead_of_a_sum(province: Path) -> None:
    result = run("--data", str(province), "stats", "firms", "--by", "level", "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert result.code == 0
    assert [(r["group"], r["count"], r["sum"]) for r in rows] == [("district", "1", "20"), ("county", "2", "11"),
                                                                   ("county-level city", "1", "5"), ("", "4", "36")]
    rate = run("--data", str(province), "stats", "share", "--lang", "en", "--format", "json")
    records = json.loads(rate.stdout)
    assert rate.code == 0 and all(r["sum"] is None and r["share_pct"] is None for r in records)
    assert "do not add up" in rate.stderr
    zh = run("--data", str(province), "stats", "rd", "--lang", "zh", "--format", "table")
    assert "合计" in zh.stdout and "占比" in zh.stdout and ">24,100万元" in zh.stdout and "限定" in zh.stderr


def test_stats_with_filters_and_an_absent_period(province: Path) -> None:
    result = run("--data", str(province), "stats", "rd", "--province", "浙江", "--level", "county",
                 "--format", "json")
    assert [(r["group"], r["sum"]) for r in json.loads(result.stdout)] == [("温州市", 15000), ("", 15000)]
    none = run("--data", str(province), "stats", "rd", "--period", "2011", "--format", "json")
    assert none.code == 3 and json.loads(none.stdout) == []


def test_rank_within_prefecture(province: Path) -> None:
    result = run("--data", str(province), "rank", "rd", "--within", "prefecture", "--format", "json")
    records = json.loads(result.stdout)
    assert [(r["region"], r["position"], r["prefecture"], r["within_position"], r["within_of"]) for r in records] == [
        ("a", 1, "温州市", 1, 2), ("b", 2, "温州市", 2, 2), ("c", 3, "衢州市", 1, 1), ("d", 4, "南平市", 1, 1)]
    top = run("--data", str(province), "rank", "rd", "--within", "prefecture", "--top", "1", "--reverse",
              "--format", "json")
    assert [(r["region"], r["within_position"]) for r in json.loads(top.stdout)] == [("d", 1)]
    clash = run("--data", str(province), "rank", "rd", "--within", "prefecture", "--each-period")
    assert clash.code == 2
