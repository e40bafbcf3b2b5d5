"""Every kind of figure a bulletin prints, values and units as written, ranks in all their forms,
qualifiers, and numbers that are names. Sentences are our own."""

from __future__ import annotations

import pytest

from reporter.curate.extract import extract
from reporter.prose import readings as prose


@pytest.mark.parametrize("text, value, unit", [
    ("年末常住人口20.98万人。", "20.98", "万人"),  # as written, not 209800人
    ("全县完成生产总值56.7亿，增长7.5%。", "56.7", "亿"),
    ("总人口26.2万，常住人口13.8万。", "26.2", "万"),
    ("人口自然增长率为-6.8‰。", "-6.8", "‰"),
    ("全县生猪出栏52670头。", "52670", "头"),
    ("家禽出栏700500只。", "700500", "只"),
    ("发电量40646万千瓦时。", "40646", "万千瓦时"),
    ("变压器产量2828.08万千伏安。", "2828.08", "万千伏安"),
    ("电力电缆42748千米。", "42748", "千米"),
    ("藏品总量12238件/套。", "12238", "件/套"),
    ("平均风速6.6米/秒。", "6.6", "米/秒"),
    ("核定床位2967张。", "2967", "张"),
    ("放映电影3011场次。", "3011", "场次"),
    ("拥有耕地211万亩。", "211", "万亩"),
    ("培训技术人员三点二万人次。", "32000", "人次"),  # a Chinese numeral is read into digits
])
def test_values_and_units_as_written(text: str, value: str, unit: str) -> None:
    readings = prose.read(text)
    assert (readings[0].value, readings[0].unit) == (value, unit)


@pytest.mark.parametrize("text, value, unit", [
    ("一般公共预算收入增长8%，全市排名第2。", "2", "位"),
    ("3项指标增速全市第一，", "1", "位"),
    ("科技进步指数位居全省第四。", "4", "位"),
    ("位居全国百强县投资潜力第3、绿色发展第5。", "3", "位"),
    ("跻身服务业全国10强。", "10", "强"),
    ("增速在全市排第14位。", "14", "位"),
])
def test_ranks_in_all_their_forms(text: str, value: str, unit: str) -> None:
    readings = [r for r in prose.read(text) if r.kind == "rank"]
    assert (readings[0].value, readings[0].unit) == (value, unit) and readings[0].rank


def test_each_rank_of_a_list_and_a_move_in_brackets() -> None:
    readings = prose.read("位居全国投资潜力第3、绿色发展第5。位次进步排全省第二（上升16位）。")
    assert [(r.value, r.rank_change) for r in readings] == [("3", None), ("5", None), ("2", 16)]


@pytest.mark.parametrize("text", [
    "第一产业增加值增长快，第十七届人民代表大会召开。",
    "三次产业结构比例为6.7∶74.1∶19.2。",
    "是全省十个深度贫困县之一。",
    "5000万元以上项目投资增速较快。",
    "PM2.5平均浓度下降，“十四五”开局良好。",
    "咨询电话：0562-3210968。",
    "地下水PH值为7.4-7.8。",
])
def test_numbers_that_are_names_codes_or_ranges_are_not_facts(text: str) -> None:
    assert [r for r in prose.read(text) if r.kind == "level"] == []


@pytest.mark.parametrize("text, qualifier", [
    ("达标天数保持在320天以上。", "at_least"),
    ("全年举办赛事100余场。", "more_than"),
    ("无霜期100天左右。", "approx"),
    ("近5年增长4倍多。", "more_than"),
    ("计划招引20个以上过亿项目。", "target"),
    ("入选省级领军人才计划2人。", "exact"),  # 计划 as a name, not a plan
    ("提前完成年度目标任务134%。", "exact"),  # a plan met, not a plan
    ("人口自然增长率控制在3‰以内。", "target"),
])
def test_qualifiers(text: str, qualifier: str) -> None:
    assert prose.read(text)[0].qualifier == qualifier


def test_an_estimate_of_an_ended_year_is_no_plan() -> None:
    [ended] = extract("经初步预计，2012年全县生产总值163亿元。", "x", None, "2013-01")
    assert (ended.qualifier, ended.period) == ("exact", "2012") and "estimate" in ended.note
    [running] = extract("预计2013年全县生产总值180亿元。", "x", None, "2013-01")
    assert running.qualifier == "target"


@pytest.mark.parametrize("text, value, unit", [
    ("固定资产投资完成14.71 亿元，同比增长4.1%。", "14.71", "亿元"),  # a space before the unit
    ("8.8万农村贫困人口全部脱贫。", "8.8", "万"),  # a bare 万 before what it counts
    ("1-8月PM2.5平均浓度9微克/立方米。", "9", "微克/立方米"),  # the name PM2.5 hides nothing after it
])
def test_figures_printed_loosely(text: str, value: str, unit: str) -> None:
    readings = prose.read(text)
    assert (readings[0].value, readings[0].unit) == (value, unit)


def test_the_same_rank_said_of_several_figures_is_drafted_for_each() -> None:
    drafts = extract("研发费用16亿元，全市排名第2；增速25%，全市排名第2；产值80亿元，全市排名第4。", "x", None, "2023-02")
    assert [(d.value, d.unit) for d in drafts if d.kind == "rank"] == [("2", "位"), ("2", "位"), ("4", "位")]


def test_a_chinese_count_before_its_noun_is_a_fact_unless_it_names_kinds() -> None:
    assert [(r.value, r.unit) for r in prose.read("两个项目总投资5亿元。")] == [("2", "个"), ("5", "亿元")]
    assert [(r.value, r.unit) for r in prose.read("猪牛羊禽四种肉产量5989.4吨。")] == [("5989.4", "吨")]


def test_a_foreign_currency_keeps_its_multiplier() -> None:
    assert [(r.value, r.unit) for r in prose.read("实际利用外资1.2亿美元。")] == [("1.2", "亿美元")]


def test_growth_in_times_is_a_rate() -> None:
    [r] = prose.read("外贸进出口总额增长1倍。")
    assert (r.value, r.unit, r.kind, r.label) == ("1", "倍", "growth", "外贸进出口总额")
