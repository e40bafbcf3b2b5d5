"""Pictures that carry information: rank bars from a stated baseline, sparklines per row for
``rank --region`` and ``show --by period``. SYNTHETIC data, made up here."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from reporter.render.views.rank import bar_baseline
from tests.conftest import run

NEAR = """\
sources:
  s1: {publication: Test Daily, title: A test page, date: "2021"}
themes:
  rd: {zh: 研发投入, en: R&D}
metrics:
  rd: {zh: 研发投入, en: R&D investment, unit: 万元, theme: rd, kind: flow}
regions:
"""
ROW = ("  {id}: {{zh: {zh}县, short: {zh}, en: {en}, level: county, prefecture: 某市, province: 浙江省, source: s1, "
       "series: {{rd: {{quote: synthetic, values: {{\"2018\": {a}, \"2019\": {b}, \"2020\": {c}}}}}}}}}\n")


@pytest.fixture
def near(tmp_path: Path) -> Path:
    path = tmp_path / "near.yaml"
    rows = [("a", "甲", "Jia", 9100, 9300, 9800), ("b", "乙", "Yi", 9500, 9400, 9650),
            ("c", "丙", "Bing", 9000, 9700, 9500)]
    path.write_text(NEAR + "".join(ROW.format(id=i, zh=z, en=e, a=a, b=b, c=c) for i, z, e, a, b, c in rows),
                    encoding="utf-8")
    return path


@pytest.mark.parametrize("values, base", [
    (["9800", "9650", "9500"], "9400"), (["100", "10"], "0"), (["5", "5"], "0"), (["-3", "4"], "0"),
    (["95540.7", "87597.1"], "85000"), ([], "0")])
def test_bar_baseline(values: list[str], base: str) -> None:
    found = bar_baseline([Decimal(v) for v in values])
    assert found == Decimal(base)
    assert all(found < Decimal(v) for v in values) or found == 0


def bars(text: str) -> list[int]:
    return [line.count("█") for line in text.splitlines() if "█" in line]


def test_near_equal_values_show_their_differences(near: Path) -> None:
    result = run("--data", str(near), "rank", "rd", "--format", "table", "--color", "never", "--lang", "en")
    lengths = bars(result.stdout)
    assert "bars start at 94 million yuan" in result.stdout
    assert lengths[0] == 20 and lengths[0] - lengths[-1] >= 10  # from zero all three would be 19-20 cells
    zh = run("--data", str(near), "rank", "rd", "--format", "table", "--color", "never", "--lang", "zh")
    assert "条形起点：9,400万元" in zh.stdout
    plain = run("--data", str(near), "rank", "rd", "--format", "plain")
    assert "█" not in plain.stdout and "9,400" not in plain.stdout  # pictures only on a terminal table


def test_rank_region_and_show_by_period_draw_a_trend(near: Path) -> None:
    history = run("--data", str(near), "rank", "rd", "--region", "甲", "--format", "table", "--color", "never")
    lines = history.stdout.splitlines()
    assert "走势" in lines[1] and lines[-1].rstrip().endswith("▁▃█")  # 9100, 9300, 9800
    shown = run("--data", str(near), "show", "丙", "--by", "period", "--format", "table", "--color", "never")
    assert shown.stdout.splitlines()[-1].rstrip().endswith("▁█▆")  # 9000, 9700, 9500
    csv = run("--data", str(near), "show", "丙", "--by", "period", "--format", "csv")
    assert "▁" not in csv.stdout and "trend" not in csv.stdout.splitlines()[0]
