"""``compare`` at scale: regions down when they outnumber the metrics, ``--long``, ``--top N --by``,
and never more columns than a spreadsheet takes."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from reporter.query.compare import DOWN_KEYS_PER_METRIC, SHEET_COLUMNS, WIDE_KEYS_PER_REGION, layout
from tests.conftest import run
from tests.province import PROVINCE


@pytest.fixture
def province(tmp_path: Path) -> Path:
    path = tmp_path / "province.yaml"
    path.write_text(PROVINCE, encoding="utf-8")
    return path


@pytest.mark.parametrize("regions, metrics, long, expected", [
    (2, 20, False, "metrics"), (4, 4, False, "metrics"), (5, 4, False, "metrics"), (17, 4, False, "regions"),
    (17, 17, False, "metrics"), (2850, 50, False, "regions"),
    (2850, 3000, False, "regions"), (4000, 4000, False, "long"), (3, 2, True, "long")])
def test_layout_by_size(regions: int, metrics: int, long: bool, expected: str) -> None:
    shape = layout(regions, metrics, long)
    assert shape == expected
    width = {"metrics": 5 + WIDE_KEYS_PER_REGION * regions, "regions": 3 + DOWN_KEYS_PER_METRIC * metrics,
             "long": 13}[shape]
    assert width <= SHEET_COLUMNS


def csv_rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


def test_many_regions_go_down(tmp_path: Path) -> None:
    from benchmarks.make_synthetic import synthetic_yaml

    path = tmp_path / "synthetic.yaml"
    path.write_text(synthetic_yaml(20, 2, 3), encoding="utf-8")  # SYNTHETIC: 120 generated values
    result = run("--data", str(path), "compare", "--all", "--format", "csv")
    rows = csv_rows(result.stdout)
    assert result.code == 0 and len(rows) == 20
    assert list(rows[0])[:4] == ["region", "region_name", "prefecture", "metric-01.value"]
    assert rows[0]["region"] == "county-001" and rows[0]["metric-01.period"] == "2013"
    exported = {(r["region"], r["metric"]): r["value_text"] for r in json.loads(run("--data", str(path), "export",
                                                                                      "--where", 'period = "2013"').stdout)}
    assert all(exported[(r["region"], "metric-02")] == r["metric-02.value"] for r in rows)


def test_few_regions_keep_metrics_down(province: Path) -> None:
    few = csv_rows(run("--data", str(province), "compare", "--all", "-m", "rd", "--format", "csv").stdout)
    assert [r["metric"] for r in few] == ["rd"]  # four regions: metrics down, as scripts have read it
    assert (few[0]["b.value"], few[0]["b.qualifier"], few[0]["a.value_base"]) == ("9100", "more_than", "15000")


def test_long_is_one_row_per_region_and_metric(province: Path) -> None:
    result = run("--data", str(province), "compare", "--all", "--long", "--format", "json")
    records = json.loads(result.stdout)
    assert result.code == 0 and len(records) == 13  # every region's latest figure of each metric it has
    assert {(r["region"], r["metric"]) for r in records} >= {("a", "rd"), ("d", "firms"), ("c", "place")}
    assert next(r for r in records if (r["region"], r["metric"]) == ("a", "rd"))["value_base"] == 15000


def test_top_by_metric_keeps_the_first_n(province: Path) -> None:
    result = run("--data", str(province), "compare", "--all", "--top", "2", "--by", "firms", "-m", "rd",
                 "--format", "json")
    assert list(json.loads(result.stdout)[0]["regions"]) == ["b", "a"]
    lower = run("--data", str(province), "compare", "--all", "--top", "1", "--by", "place", "--format", "json")
    regions = {ident for r in json.loads(lower.stdout) for ident in r["regions"]}
    assert regions == {"b"}  # rank 1 is the best of a metric whose lower is better
    assert run("--data", str(province), "compare", "--all", "--top", "2").code == 2


def test_a_filtered_comparison_in_a_table(province: Path) -> None:
    result = run("--data", str(province), "compare", "--all", "--prefecture", "温州", "-m", "rd", "--format",
                 "table")
    assert result.code == 0 and "甲县" in result.stdout and "丙市" not in result.stdout
