"""``delta --all`` honestly: the newest figure first; an older change shown only with a mark and a
note; ``--fail-on`` thresholds and ``--since``, so a nightly run flags only what is new.
SYNTHETIC data, made up here."""

from __future__ import annotations

import csv
import io
import json
from decimal import Decimal
from pathlib import Path

import pytest

from reporter.query.delta import FailOn, parse_fail_on
from tests.conftest import run

DATA = """\
sources:
  s1: {publication: Test Daily, title: A test page, date: "2022"}
themes:
  rd: {zh: 研发投入, en: R&D}
metrics:
  rd: {zh: 研发投入, en: R&D investment, unit: 万元, theme: rd, kind: flow}
  place: {zh: 全省位次, en: Provincial rank, unit: 位, theme: rd, kind: rank, polarity: lower}
regions:
  a:
    {zh: 甲县, short: 甲, en: Jia, level: county, prefecture: 某市, province: 浙江省, source: s1, facts: [
      {metric: rd, value: 1000, period: "2019", quote: 2019年投入1000万元},
      {metric: rd, value: 900, period: "2020", quote: 2020年投入900万元},
      {metric: rd, value: 1500, period: "2022", quote: 2022年投入1500万元}]}
  b:
    {zh: 乙县, short: 乙, en: Yi, level: county, prefecture: 某市, province: 浙江省, source: s1, facts: [
      {metric: rd, value: 1000, period: "2020", quote: 2020年投入1000万元},
      {metric: rd, value: 970, period: "2021", quote: 2021年投入970万元},
      {metric: place, value: 12, period: "2021", rank_change: -2, quote: 全省第12位，下降2位}]}
"""


@pytest.fixture
def data(tmp_path: Path) -> Path:
    path = tmp_path / "delta.yaml"
    path.write_text(DATA, encoding="utf-8")
    return path


def test_an_older_change_beside_a_newer_figure_is_marked(data: Path) -> None:
    records = json.loads(run("--data", str(data), "delta", "--all", "--format", "json").stdout)
    a = next(r for r in records if r["region"] == "a")
    assert (a["period"], a["pct"], a["newest_period"], a["newest_value"]) == ("2020", -10, "2022", 1500)
    b = next(r for r in records if (r["region"], r["metric"]) == ("b", "rd"))
    assert b["newest_period"] is None and b["period"] == "2021"
    table = run("--data", str(data), "delta", "--all", "rd", "--format", "table", "--lang", "en")
    assert "2020 *" in table.stdout
    assert "1 row with an older change: the newest figure's change is not known (marked *)" in table.stderr


@pytest.mark.parametrize("text, rule", [
    ("worse", FailOn("worse")), ("worse>5%", FailOn("worse", True, Decimal(5), True)),
    ("Better >= 10", FailOn("better", False, Decimal(10), False)), ("any>0.5%", FailOn("any", True, Decimal("0.5"), True))])
def test_fail_on_rules(text: str, rule: FailOn) -> None:
    assert parse_fail_on(text) == rule


@pytest.mark.parametrize("text", ["wors", "worse>", "worse<5", "worse>5%%", "worse>-1"])
def test_fail_on_refuses_anything_else(text: str) -> None:
    with pytest.raises(ValueError):
        parse_fail_on(text)


def flagged(data: Path, *args: str) -> tuple[int, list[tuple[str, str]]]:
    result = run("--data", str(data), "delta", "--all", *args, "--format", "csv")
    return result.code, [(r["region"], r["metric"]) for r in csv.DictReader(io.StringIO(result.stdout))]


def test_fail_on_a_threshold(data: Path) -> None:
    assert flagged(data, "--fail-on", "worse") == (4, [("a", "rd"), ("b", "rd"), ("b", "place")])
    assert flagged(data, "--fail-on", "worse>5%") == (4, [("a", "rd")])  # -10% is more than 5%, -3% is not
    assert flagged(data, "--fail-on", "worse>30") == (4, [("a", "rd")])  # in the metric's unit: 100万元, not 30万元
    assert flagged(data, "--fail-on", "worse>=1") == (4, [("a", "rd"), ("b", "rd"), ("b", "place")])  # places
    assert flagged(data, "--fail-on", "worse>20%") == (0, [])
    assert flagged(data, "--fail-on", "better") == (0, [])
    assert run("--data", str(data), "delta", "--all", "--fail-on", "worse>>1").code == 2


def test_since_flags_only_what_is_new(data: Path) -> None:
    # a's fall is of 2020 (its 2022 figure has no change): a nightly run since 2021 does not flag it again
    assert flagged(data, "--fail-on", "worse", "--since", "2021") == (4, [("b", "rd"), ("b", "place")])
    assert flagged(data, "--fail-on", "worse", "--since", "2022") == (0, [])
    assert flagged(data, "--since", "2021")[1] == [("b", "rd"), ("b", "place")]
    one = run("--data", str(data), "delta", "甲", "--since", "2020", "--format", "json")
    assert [r["period"] for r in json.loads(one.stdout)] == ["2020"]
