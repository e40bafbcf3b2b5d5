"""A period the source does not state (unstated/…) is never ranked, compared or differenced as a
period, never "the latest" ahead of a dated figure, and reads naturally wherever it is shown."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from reporter.data.load import load_dataset
from reporter.errors import NoData, UsageProblem
from reporter.model.dataset import Dataset
from reporter.model.period_words import parse_period
from reporter.query import selection as select
from reporter.query.compare import compare_regions
from reporter.query.rank import rank_regions
from tests.conftest import run

# SYNTHETIC: hand-written for these tests. 甲 has a dated figure and an undated one of the same
# metric, 乙 only undated figures (one with a reported change), 丙 a dated one; `silent` has
# no dated figure anywhere.
SILENT = """\
sources:
  s1: {publication: Test Daily, title: A test page, date: "2020"}
themes:
  p: {zh: 平台, en: Platforms}
metrics:
  spaces: {zh: 创成众创空间, en: Maker spaces established, unit: 家, theme: p, kind: count}
  silent: {zh: 签订协议, en: Agreements signed, unit: 个, theme: p, kind: count}
  loans: {zh: 贴息贷款, en: Subsidised loans, unit: 亿元, theme: p, kind: flow}
regions:
  a:
    {zh: 甲县, short: 甲, en: Jia, level: county, prefecture: 某市, province: 浙江省, source: s1}
  b:
    {zh: 乙县, short: 乙, en: Yi, level: county, prefecture: 某市, province: 浙江省, source: s1}
  c:
    {zh: 丙县, short: 丙, en: Bing, level: county, prefecture: 某市, province: 浙江省, source: s1}
"""
FACTS = """\
  a:
    facts:
      - {metric: spaces, value: 3, period: "2019", quote: 2019年创成3家}
      - {metric: spaces, value: 9, period: unstated/2020-H1, quote: 创成9家}
      - {metric: silent, value: 4, period: unstated/2020-H1, quote: 签订4个协议}
  b:
    facts:
      - {metric: spaces, value: 5, period: unstated/2020-H1, quote: 创成5家}
      - {metric: silent, value: 2, period: unstated/2019-H1, quote: 签订2个协议}
      - {metric: loans, value: 2.6, period: unstated/2020-H1, yoy_pct: 10, quote: 贴息贷款2.6亿元，同比增长10%}
  c:
    facts:
      - {metric: spaces, value: 7, period: "2019", quote: 2019年创成7家}
      - {metric: spaces, value: 6, period: "2018", quote: 2018年创成6家}
      - {metric: silent, value: 1, period: unstated/2019-H1, quote: 签订1个协议}
"""


@pytest.fixture
def silent(write_yaml: Callable[..., Path]) -> Path:
    catalogue = write_yaml(SILENT, "catalogue.yaml")
    write_yaml("regions:\n" + FACTS, "facts.yaml")
    return catalogue.parent


@pytest.fixture
def data(silent: Path) -> Dataset:
    return load_dataset(silent)


def _run(silent: Path, *args: str) -> tuple[int, str, str]:
    result = run("--data", str(silent), "--lang", "zh", *args)
    return result.code, result.stdout, result.stderr


# --------------------------------------------------------------------------- rank


def test_rank_leaves_undated_figures_out_and_says_why_once(data: Dataset, silent: Path) -> None:
    ranking = rank_regions(data, data.metrics["spaces"])
    assert ranking.period.canonical == "2019"  # 甲's 9 and 乙's 5 have no period: never ranked
    assert [(r.region.id, r.position) for r in ranking.rows] == [("c", 1), ("a", 2)]
    assert [f.region for f in ranking.unstated] == ["b"] and ranking.left_out == ()
    code, out, err = _run(silent, "rank", "spaces", "--format", "plain")
    assert code == 0 and "乙县" not in out and "未注明" not in out
    assert err.splitlines()[0] == "reporter: 未参与排名（原文未注明时期，不可比）：乙县"  # no --period for it
    assert "unstated" not in err
    # 甲 has a dated figure of another year: not ranked in 2018, but not for want of a period
    earlier = rank_regions(data, data.metrics["spaces"], parse_period("2018"))
    assert [r.region.id for r in earlier.rows] == ["c"] and [f.region for f in earlier.unstated] == ["b"]
    code, out, err = _run(silent, "rank", "spaces", "--each-period", "--format", "plain")
    assert code == 0 and "2018年" in out and err == "reporter: 未参与排名（原文未注明时期，不可比）：乙县\n"


def test_a_metric_with_no_dated_figure_is_not_ranked(data: Dataset, silent: Path) -> None:
    with pytest.raises(NoData, match="no 'silent' figure has a stated period"):
        rank_regions(data, data.metrics["silent"])
    for mode in ([], ["--each-period"], ["--by", "period"], ["--region", "甲"]):
        code, out, err = _run(silent, "rank", "silent", *mode)
        assert (code, out) == (3, ""), mode  # a good question, no answer: not an error
        # names in the reader's language: the metric's and the regions' Chinese names to a Chinese reader
        named = "甲县" if "--region" in mode else "甲县、乙县、丙县"
        assert f"“签订协议”没有注明时期的数值，无法排名（{named}：" in err, (mode, err)
        code, out, err = _run(silent, "rank", "silent", *mode, "--format", "json")
        assert (code, out) == (3, "[]\n"), mode


@pytest.mark.parametrize("args", [["rank", "spaces", "--period", "unstated/2020-H1"],
                                  ["rank", "spaces", "--each-period", "--period", "未注明时期（见于2020年年中报道）"],
                                  ["rank", "spaces", "--region", "甲", "--period", "unstated/2020-H1"],
                                  ["rank", "spaces", "--by", "period", "--period", "unstated/2020-H1"],
                                  ["compare", "甲", "乙", "--period", "unstated/2020-H1"]])
def test_a_period_not_stated_cannot_be_asked_for(silent: Path, args: list[str]) -> None:
    code, out, err = _run(silent, *args)
    assert (code, out) == (2, ""), err
    assert "表示原文未注明时期" in err and "请指定一个注明的时期" in err
    with pytest.raises(UsageProblem):
        select.refuse_unstated(parse_period("unstated/2020"), "rank")


# --------------------------------------------------------------------------- compare


def test_compare_shows_an_undated_value_as_such_and_warns(data: Dataset, silent: Path) -> None:
    regions = [data.regions["a"], data.regions["b"]]
    (spaces,) = compare_regions(data, regions, [data.metrics["spaces"]])
    assert [f.period.canonical for f in spaces.cells] == ["2019", "unstated/2020-H1"]  # 甲: dated first
    assert spaces.mixed and spaces.unstated_beside
    (both,) = compare_regions(data, regions, [data.metrics["silent"]])
    assert both.mixed  # two undated values share no period, even with one anchor apart
    code, out, err = _run(silent, "compare", "甲", "乙", "--format", "plain")
    assert code == 0
    assert "5家（未注明时期，见于2020年年中报道）" in out and "））" not in out
    assert "2个（未注明时期，见于2019年年中报道）" in out
    assert "注意：2项指标把原文未注明时期的数值与其他数值并列（如创成众创空间：乙县），它们不可比" in err
    assert "））" not in err and "--period unstated" not in err


def test_compare_of_one_period_names_undated_regions_apart(data: Dataset, silent: Path) -> None:
    (row,) = compare_regions(data, [data.regions["b"], data.regions["c"]], [data.metrics["spaces"]],
                                   period=parse_period("2019"))
    assert row.cells[0] is None and row.left_out == () and [f.region for f in row.unstated] == ["b"]
    code, _, err = _run(silent, "compare", "乙", "丙", "--metric", "spaces", "--period", "2019")
    assert code == 0 and err == "reporter: 未列入（原文未注明时期，不可比）：乙县\n"


# --------------------------------------------------------------------------- the latest, trends, seasons


def test_a_dated_figure_is_the_latest_before_an_undated_one(data: Dataset, silent: Path) -> None:
    assert select.get_fact(data, data.regions["a"], data.metrics["spaces"]).fact.period.canonical == "2019"
    assert _run(silent, "get", "甲", "spaces")[1] == "3家\n"
    assert _run(silent, "get", "乙", "spaces")[1] == "5家\n"  # nothing dated: the undated one
    shown = [r["period"] for r in json.loads(_run(silent, "show", "甲", "--format", "json")[1])["facts"]]
    assert shown[:2] == ["2019", "unstated/2020-H1"]  # within a metric, the dated figure first
    assert json.loads(_run(silent, "regions", "--format", "json")[1])[1]["latest"] is None
    header = _run(silent, "show", "丙", "--by", "period", "--format", "plain")[1].splitlines()[0]
    assert header.split()[-3:] == ["2018年", "2019年", "未注明时期（见于2019年年中报道）"]  # no time: after the dated


def test_undated_periods_share_no_season() -> None:
    a, b = parse_period("unstated/2019-H1"), parse_period("unstated/2020-H1")
    assert not select.comparable(a, b) and not select.comparable(a, a)
    assert select.season(a) != select.season(b)
    assert not select.comparable(b, parse_period("@2020-H1"))


# --------------------------------------------------------------------------- year over year


def test_a_reported_change_of_an_undated_figure_has_no_previous_period(silent: Path) -> None:
    code, out, _ = _run(silent, "delta", "乙", "--format", "json")
    (record,) = json.loads(out)
    assert code == 0 and record["previous_period"] is None and record["pct"] == 10
    assert record["period"] == "unstated/2020-H1" and "(unstated" not in out
    assert _run(silent, "delta", "乙", "--format", "plain")[0] == 0


# --------------------------------------------------------------------------- briefs


def test_an_undated_figure_reads_naturally_in_a_brief(silent: Path) -> None:
    zh = _run(silent, "brief", "乙", "--full")[1]
    assert "平台：创成众创空间5家；签订协议2个；贴息贷款2.6亿元，同比增长10%（均未注明时期）。" in zh
    en = run("--data", str(silent), "brief", "乙", "--full", "--lang", "en").stdout
    assert ("Platforms: Maker spaces established: 5; agreements signed: 2; subsidised loans: "
            "260 million yuan (up 10% year on year) (periods not stated).") in en
    mixed = _run(silent, "brief", "甲", "--full")[1]  # a dated series, the undated figure after its value
    assert "创成众创空间，2019年3家，9家（未注明时期）" in mixed and "签订协议4个（未注明时期）。" in mixed


def test_bundled_briefs_put_no_sentence_on_a_missing_time() -> None:
    zh = run("brief", "洞头", "--full").stdout
    assert "科技贴息贷款2.6亿元（未注明时期）。" in zh
    assert "创成省级众创空间1家；创成省级星创天地1家；创成市级众创空间1家；建立院士专家工作站2家（均未注明时期）。" in zh
    assert "未注明时期（见于" not in zh and "未注明时期，" not in zh
    en = run("brief", "洞头", "--full", "--lang", "en").stdout
    assert "Interest-subsidised technology loans: 260 million yuan (period not stated)." in en
    assert "In period not stated" not in en and "Period not stated" not in en and "(reported" not in en


def test_bundled_rank_and_compare_keep_undated_figures_apart() -> None:
    result = run("rank", "provincial_maker_spaces")
    assert result.code == 3 and "no 'provincial_maker_spaces' figure has a stated period" in result.stderr
    zh = {"LANG": "zh_CN.UTF-8", "LC_ALL": "", "LC_MESSAGES": ""}  # notes are in the reader's language
    result = run("rank", "hightech_recertified", "--format", "plain", env=zh)
    assert "洞头" not in result.stdout and "洞头区" in result.stderr and "unstated" not in result.stderr
    result = run("compare", "洞头", "江山", "--format", "plain", env=zh)
    assert "2家（未注明时期，见于2020年年中报道）" in result.stdout and "））" not in result.stdout + result.stderr
    assert "把原文未注明时期的数值与其他数值并列" in result.stderr
