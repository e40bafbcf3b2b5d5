"""Honest to the letter, round 3: how a period is known, undated figures outside every window,
periods and scopes as the page gives them, machine formats as honest as tables, converted
qualifiers, notes in the reader's language. Every test runs the real command line.

The small data file here is SYNTHETIC (invented places 甲县/乙县, invented figures); the rest is
the bundled page, checked against its own words.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import run

# SYNTHETIC: 甲县 has a dated figure stated by its clause, one whose period the curator assumed,
# one carried from its paragraph's lead, one with no time at all (unstated), and a target.
SYNTHETIC = """\
sources:
  s1: {publication: Test Daily, title: A test page, date: "2021"}
themes:
  p: {zh: 平台, en: Platforms}
metrics:
  firms: {zh: 新增企业, en: New firms, unit: 家, theme: p, kind: flow}
  labs: {zh: 实验室, en: Laboratories, unit: 家, theme: p, kind: stock}
  visits: {zh: 走访企业, en: Firm visits, unit: 次, theme: p, kind: flow}
  money: {zh: 兑现资金, en: Funds paid, unit: 万元, theme: p, kind: flow}
  plan: {zh: 计划培养人才, en: Talent to train, unit: 人, theme: p, kind: target}
regions:
  a:
    zh: 甲县
    short: 甲
    en: Jia
    level: county
    prefecture: 某市
    province: 浙江省
    source: s1
    facts:
      - {metric: firms, value: 12, period: 2021-H1, quote: 上半年新增企业12家}
      - {metric: labs, value: 3, period: asof/2021-H1, period_basis: assumed, quote: 建成实验室3家}
      - {metric: visits, value: 40, period: 2021-H1, period_basis: carried, quote: 走访企业40次}
      - {metric: money, value: 1200, qualifier: more_than, period: unstated/2021-H1, quote: 兑现资金1200多万元}
      - {metric: plan, value: 500, qualifier: target, period: 2021/P3Y, quote: 到2023年培养人才500人}
"""


@pytest.fixture()
def synthetic(tmp_path: Path) -> Path:
    path = tmp_path / "synthetic.yaml"
    path.write_text(SYNTHETIC, encoding="utf-8")
    return path


def _json(*args: str) -> Any:
    result = run(*args, "--format", "json")
    assert result.code == 0, result
    return json.loads(result.stdout)  # type: ignore[no-any-return]


# --------------------------------------------------------------------------- A. how a period is known


def test_period_basis_is_read_defaulted_and_exported_in_every_machine_format(synthetic: Path) -> None:
    records = {r["metric"]: r for r in _json("--data", str(synthetic), "export")}
    # written, or decided: a quote printing a time word is stated, else assumed; not stated is assumed
    assert {m: r["period_basis"] for m, r in records.items()} == {
        "firms": "stated", "labs": "assumed", "visits": "carried", "money": "assumed", "plan": "stated"}
    assert list(records["firms"])[-1] == "period_basis"  # added at the end: no column of the contract moved
    for fmt, sep in (("csv", ","), ("tsv", "\t")):
        out = run("--data", str(synthetic), "export", "--format", fmt).stdout
        rows = list(csv.DictReader(io.StringIO(out), delimiter=sep))
        assert [r["period_basis"] for r in rows] == ["stated", "assumed", "carried", "assumed", "stated"]
    yaml_out = run("--data", str(synthetic), "export", "--format", "yaml").stdout
    assert yaml_out.count("period_basis: ") == 5
    assert _json("--data", str(synthetic), "get", "甲", "labs")[0]["period_basis"] == "assumed"


def test_show_sources_says_how_each_period_is_known_in_both_languages(synthetic: Path) -> None:
    zh = run("--data", str(synthetic), "show", "甲", "--sources", "--lang", "zh").stdout
    en = run("--data", str(synthetic), "show", "甲", "--sources", "--lang", "en").stdout
    for text, words in ((zh, ("（时期：原文注明）", "（时期：推定）", "（时期：沿用段首或标题）")),
                        (en, ("(period: stated)", "(period: assumed)", "(period: carried from the lead)"))):
        assert all(word in text for word in words), text


def test_an_assumed_period_is_marked_and_the_marks_are_explained(synthetic: Path) -> None:
    for lang, legend, target in (("zh", "* 表示时期为推定", "→ 表示目标值"), ("en", "* marks a period that is assumed",
                                                                     "→ marks a target")):
        result = run("--data", str(synthetic), "--lang", lang, "show", "甲")
        assert result.code == 0
        marked = [line for line in result.stdout.splitlines() if "*" in line]
        assert len(marked) == 1 and ("实验室" in marked[0] or "Laboratories" in marked[0]), result.stdout
        assert legend in result.stderr and target not in result.stderr  # the list writes 目标 in words
        by_period = run("--data", str(synthetic), "--lang", lang, "show", "甲", "--by", "period")
        assert "3*" in by_period.stdout and "→500" in by_period.stdout
        assert legend in by_period.stderr and target in by_period.stderr
        for args in (["delta", "甲"], ["rank", "labs", "--each-period"], ["search", "实验室" if lang == "zh" else "Lab"]):
            other = run("--data", str(synthetic), "--lang", lang, *args)
            assert other.code in (0, 3), (args, other)
            if "*" in other.stdout:
                assert legend in other.stderr, (args, other.stderr)
    compared = run("--data", str(synthetic), "--lang", "en", "brief", "甲", "--full").stdout
    assert "As of H1 2021 (period assumed)" in compared


def test_check_warns_of_a_period_marked_stated_that_nothing_states(tmp_path: Path) -> None:
    path = tmp_path / "stated.yaml"
    path.write_text(SYNTHETIC.replace("period_basis: assumed, quote: 建成实验室3家", "period_basis: stated, quote: 建成实验室3家")
                    .replace("period: unstated/2021-H1, quote", "period: unstated/2021-H1, period_basis: stated, quote"),
                    encoding="utf-8")
    for lang, words in (("en", ("period_basis is stated, but the quote prints no time word",
                                "period_basis is stated, but unstated/2021-H1 is a period the source does not state")),
                        ("zh", ("引文中没有说明", "表示原文未注明时期"))):
        result = run("--data", str(path), "--lang", lang, "check")
        assert result.code == 0, result  # warnings
        assert all(w in result.stderr for w in words), result.stderr
        assert f"{path}:" in result.stderr
    assert run("--data", str(path), "check", "--strict").code == 1  # --strict: warnings are problems


def test_every_bundled_fact_says_how_its_period_is_known(bundled: object) -> None:
    text = (Path(__file__).resolve().parents[2] / "reporter" / "regions.yaml").read_text(encoding="utf-8")
    assert text.count("      - metric:") == text.count("        period_basis: ") == 78
    check = run("check", "--strict")  # every stated period's quote prints its time word
    assert check.code == 0 and "warning" not in check.stderr


# --------------------------------------------------------------------------- B. undated figures and windows


@pytest.mark.parametrize("args", [["show", "洞头", "--from", "2020-06", "--to", "2020-06"],
                                  ["show", "洞头", "--by", "period", "--from", "2020-H1", "--to", "2020-H1"],
                                  ["show", "洞头", "--last", "3"],
                                  ["brief", "洞头", "--since", "2020-H1", "--full"]])
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_no_undated_figure_passes_a_period_window(args: list[str], lang: str) -> None:
    result = run("--lang", lang, *args)
    assert result.code == 0, result
    for undated in ("未注明时期", "not stated", "院士论坛邀请院士", "Academicians leading the forum", "2.6亿元",
                    "260 million yuan", "第22位", "No. 22"):
        assert undated not in result.stdout, (undated, result.stdout)
    note = "未注明时期的数值不属于所问时期" if lang == "zh" else "whose period the source does not state are not results"
    assert note in result.stderr and "--with-undated" in result.stderr


@pytest.mark.parametrize("args", [["show", "洞头", "--from", "2020-06", "--to", "2020-06", "--with-undated"],
                                  ["show", "洞头", "--by", "period", "--from", "2020-H1", "--to", "2020-H1",
                                   "--with-undated"],
                                  ["brief", "洞头", "--since", "2020-H1", "--full", "--with-undated"]])
def test_undated_figures_are_listed_apart_only_on_request(args: list[str]) -> None:
    result = run("--lang", "zh", *args)
    assert result.code == 0 and "未注明时期" in result.stdout
    assert "另列于有时期的数值之后" in result.stderr
    if "--by" in args:  # a column of their own, after the dated one
        header = result.stdout.splitlines()[0]
        assert header.index("截至2020年上半年") < header.index("未注明时期")


def test_machine_formats_keep_undated_figures_out_of_a_window_too() -> None:
    records = _json("show", "洞头", "--from", "2020-H1", "--to", "2020-H1")["facts"]
    assert records and all(not str(r["period"]).startswith("unstated/") for r in records)
    asked = _json("show", "洞头", "--from", "2020-H1", "--to", "2020-H1", "--with-undated")
    assert any(str(r["period"]).startswith("unstated/") for r in asked["facts"])


# --------------------------------------------------------------------------- C. periods the page gives


def test_figures_whose_sentence_has_no_time_word_are_not_as_of_mid_2020() -> None:
    periods = {(r["region"], r["metric"]): r["period"] for r in _json("export")}
    for key in (("dongtou", "st_progress_rank_province"), ("dongtou", "st_progress_rank_city"),
                ("dongtou", "universities_in_joint_institute"), ("dongtou", "rd_project_system_users"),
                ("jiangshan", "online_lectures"), ("jiangshan", "commissioner_services"),
                ("yueqing", "accelerator_enterprises_served"), ("yueqing", "innovation_engineers_target")):
        assert periods[key] == "unstated/2020-H1", key
    for metric in ("patent_industrialisation_subsidy", "patents_commercialised", "patent_products_sales"):
        assert periods[("jiangshan", metric)] == "2020", metric  # 2020年首次开展…: the year, not a stock
    shown = run("show", "乐清").stdout + run("show", "江山").stdout
    assert "近一年" not in shown and "2020年起" not in shown and "2020年起5年" not in run("brief", "乐清", "--full").stdout
    line = next(line for line in run("show", "江山").stdout.splitlines() if "发明专利产业化补助资金" in line)
    assert line.split()[-1] == "2020年"  # the year the page says, not 截至2020年上半年


# --------------------------------------------------------------------------- D. a scope kept


def test_the_page_keeps_provincial_tech_enterprises_and_smes_apart() -> None:
    records = {(r["region"], r["metric"]): r for r in _json("export")}
    assert records[("jiangshan", "provincial_tech_enterprises_recognised")]["label"] == "认定省科技型企业"
    assert ("jiangshan", "provincial_tech_smes_recognised") not in records
    ranked = run("rank", "provincial_tech_smes_recognised", "--lang", "zh")
    assert "江山" not in ranked.stdout + ranked.stderr
    compared = run("compare", "洞头", "江山", "--lang", "zh").stdout
    line = next(line for line in compared.splitlines() if "新认定省科技型中小企业" in line)
    assert "6家" in line and "8家" not in line and line.rstrip().endswith("—")
    assert "8家" in next(line for line in compared.splitlines() if "认定省科技型企业" in line)


# --------------------------------------------------------------------------- E. machine formats as tables


@pytest.mark.parametrize("fmt", ["json", "csv", "tsv"])
def test_a_rank_gain_is_up_and_good_in_every_format(fmt: str) -> None:
    out = run("delta", "洞头", "--format", fmt).stdout
    rows = json.loads(out) if fmt == "json" else list(csv.DictReader(io.StringIO(out),
                                                                     delimiter="," if fmt == "csv" else "\t"))
    (row,) = rows
    assert str(row["change"]) == "34" and str(row["places"]) == "34" and row["direction"] == "up"
    assert row["arrow"] == "↑" and str(row["good"]).lower() == "true"
    assert row["previous_period"] in (None, "")  # the page never gives the period before
    all_rows = run("delta", "--all", "全省位次", "--format", "json")
    assert all_rows.code == 0 and json.loads(all_rows.stdout)[0]["direction"] == "up"


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_rank_for_a_region_includes_the_reported_move(lang: str) -> None:
    table = run("--lang", lang, "rank", "全省位次", "--region", "洞头")
    assert table.code == 0, table
    assert ("↑34位" if lang == "zh" else "up 34 places") in table.stdout
    (record,) = _json("rank", "全省位次", "--region", "洞头")
    assert record["gained"] == 34 and record["position"] is None and record["value"] == 22


# --------------------------------------------------------------------------- F. conversions keep meaning


@pytest.mark.parametrize("lang, unit, expected", [("zh", "亿元", "超过0.12亿元"), ("zh", "元", "超过12000000元"),
                                                  ("en", "亿元", "more than 0.12亿元"), ("zh", "万元", "1200多万元"),
                                                  ("en", "万元", "more than 1200万元")])
def test_a_converted_more_than_figure_says_more_than(lang: str, unit: str, expected: str) -> None:
    result = run("--lang", lang, "get", "洞头", "policy_incentives_paid", "--unit", unit)
    assert result.stdout == expected + "\n"
    assert "多亿元" not in result.stdout and "多元" not in result.stdout


def test_unit_is_honoured_in_english_for_exact_figures_too() -> None:
    assert run("--lang", "en", "get", "江山", "研发投入", "--unit", "万元").stdout == "20600万元\n"
    assert run("--lang", "en", "get", "江山", "研发投入").stdout == "206 million yuan\n"


# --------------------------------------------------------------------------- G. the reader's language


def test_notes_name_regions_and_metrics_in_the_readers_language() -> None:
    en = run("--lang", "en", "rank", "academicians_invited")
    assert en.code == 3 and "Dongtou" in en.stderr and "洞头" not in en.stderr
    zh = run("--lang", "zh", "rank", "academicians_invited")
    assert zh.code == 3 and "洞头区" in zh.stderr and "院士论坛邀请院士" in zh.stderr


@pytest.mark.parametrize("args", [["show", "乐清", "--by", "period"], ["rank", "innovation_engineers_target",
                                                                        "--region", "乐清", "--with-undated"]])
def test_the_target_mark_is_explained(args: list[str]) -> None:
    for lang, legend in (("zh", "→ 表示目标值"), ("en", "→ marks a target")):
        result = run("--lang", lang, *args)
        if "→" in result.stdout:
            assert legend in result.stderr, (args, result.stderr)


# --------------------------------------------------------------------------- extract writes how it knows


def test_extract_drafts_say_how_each_period_is_known(tmp_path: Path) -> None:
    # SYNTHETIC text: a word leading the figure's own sentence, one carried from the sentence before, none
    text = tmp_path / "page.txt"
    text.write_text("开展评价，上半年，新增企业3家。其中，认定企业4家。另有企业5家。\n", encoding="utf-8")
    drafted = run("extract", str(text), "--region", "jiangshan", "--as-of", "2020-06", "--format", "json")
    assert drafted.code == 0, drafted
    got = [(d["written"], d["period"], d["period_basis"]) for d in json.loads(drafted.stdout)]
    assert got == [("3家", "2020-H1", "stated"), ("4家", "2020-H1", "carried"), ("5家", "unstated/2020-H1", "assumed")]
    yaml_drafts = run("extract", str(text), "--region", "jiangshan", "--as-of", "2020-06").stdout
    assert [line.strip() for line in yaml_drafts.splitlines() if "period_basis:" in line] == [
        "period_basis: stated", "period_basis: carried", "period_basis: assumed"]


def test_extract_append_writes_how_each_period_is_known(tmp_path: Path) -> None:
    text = tmp_path / "page.txt"  # SYNTHETIC
    text.write_text("开展评价，上半年，新增高新技术企业培育库入库企业3家。其中，筛选新申报高新技术企业4家。\n",
                    encoding="utf-8")
    mine = tmp_path / "mine.yaml"
    mine.write_text('sources:\n  s9: {publication: SYNTHETIC test text, title: t, date: "2021"}\n'
                    "regions:\n  jiangshan:\n    source: s9\n", encoding="utf-8")
    added = run("--data", "bundled", "--data", str(mine), "extract", str(text), "--region", "jiangshan",
                "--as-of", "2021-06", "--append", str(mine), "--source", "s9", "--yes")
    assert added.code == 0, added
    written = mine.read_text(encoding="utf-8")
    assert "period_basis: stated" in written and "period_basis: carried" in written
    checked = run("--data", "bundled", "--data", str(mine), "check", "--strict")
    assert checked.code == 0, checked  # what extract marks stated, its quote states
