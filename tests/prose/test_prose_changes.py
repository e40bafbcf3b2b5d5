"""A change belongs to its own clause's figure; a rate or points change with no figure is a fact
of its own. Sentences are our own."""

from __future__ import annotations

import pytest

from reporter.prose import readings as prose


def said(text: str) -> list[tuple[str, str, str, str | None, str | None]]:
    return [(r.value, r.unit, r.kind, r.yoy, r.change) for r in prose.read(text)]


def test_a_rate_with_no_figure_is_a_growth_fact() -> None:
    assert said("全县规模以上工业增加值同比下降15.4%。") == [("-15.4", "%", "growth", None, None)]


def test_a_rate_leading_into_its_figure_is_that_figures() -> None:
    text = "地区生产总值增长12.6%达92.9亿元，第一产业增长9.1%达21.2亿元，固定资产投资增长18.3%，税收增长6%达4.2亿元。"
    assert said(text) == [("92.9", "亿元", "level", "12.6", None), ("21.2", "亿元", "level", "9.1", None),
                          ("18.3", "%", "growth", None, None), ("4.2", "亿元", "level", "6", None)]


def test_rates_said_respectively_before_their_figures() -> None:
    text = "城乡居民人均可支配收入分别增长12%和13%，分别达43000元和13800元。"
    assert [(r.value, r.yoy) for r in prose.read(text)] == [("43000", "12"), ("13800", "13")]


def test_a_rate_never_crosses_a_semicolon_nor_goes_to_the_next_figure() -> None:
    assert said("工业产值10亿元；利润增长5%，税收3亿元。") == [("10", "亿元", "level", None, None),
                                                    ("5", "%", "growth", None, None),
                                                    ("3", "亿元", "level", None, None)]


def test_a_rate_is_not_a_shares_change() -> None:
    assert said("采矿业增加值占比达96.1%，同比下降15.6%。") == [("96.1", "%", "level", None, None),
                                                    ("-15.6", "%", "growth", None, None)]


def test_a_growth_rate_of_zeng_su_reaches_back_over_a_semicolon_in_its_sentence() -> None:
    assert said("研发费用16.02亿元，完成率107%；累计增速25%。")[0] == ("16.02", "亿元", "level", "25", None)


@pytest.mark.parametrize("text, change", [
    ("年末常住人口20.98万人，比上年末增加0.14万人。", "+0.14万人"),
    ("户籍人口170000人，比上年末减少3010人。", "-3010人"),
    ("数字电视用户10.8万户，减少1.7万户。", "-1.7万户"),
    ("城镇化率为69.2%，比上年提高0.34个百分点。", "+0.34个百分点"),
    ("自然增长率为2.5‰，比上年下降1.2个千分点。", "-1.2个千分点"),
])
def test_absolute_and_points_changes_go_to_their_figure(text: str, change: str) -> None:
    readings = prose.read(text)
    assert len(readings) == 1 and readings[0].change == change and readings[0].yoy is None


def test_an_increase_with_nothing_of_its_unit_before_it_is_a_figure() -> None:
    assert said("全年增加就业岗位500个。") == [("500", "个", "level", None, None)]


def test_a_points_change_with_no_figure_is_a_points_fact() -> None:
    readings = prose.read("生产总值比上年同期增长-8.7%，较一季度回升2.1个百分点。")
    assert [(r.value, r.unit, r.kind) for r in readings] == [("-8.7", "%", "growth"), ("2.1", "个百分点", "points")]


def test_growth_written_as_negative_and_lists_of_rates() -> None:
    assert said("蔬菜、瓜果产量分别增长39.3%、-97.7%。") == [("39.3", "%", "growth", None, None),
                                                    ("-97.7", "%", "growth", None, None)]


def test_a_rank_move_from_one_place_to_another() -> None:
    readings = prose.read("全县综合排名由上期的第12位上升到第6位。")
    assert [(r.value, r.unit, r.rank_change) for r in readings] == [("12", "位", None), ("6", "位", 6)]


def test_half_width_punctuation_reads_as_full_width() -> None:
    half = "工业产值10亿元,增长5%;利润2亿元,下降3%(初步)。"
    full = "工业产值10亿元，增长5%；利润2亿元，下降3%（初步）。"
    assert said(half) == said(full) == [("10", "亿元", "level", "5", None), ("2", "亿元", "level", "-3", None)]


def test_a_rate_compared_with_is_a_growth_fact_of_its_own_period() -> None:
    from reporter.curate.extract import extract

    drafts = extract("上半年，生产总值增长-8.7%，较一季度（-10.8%）回升2.1个百分点；农业增长11.6%，较上年同期（3.2%）加快。",
                     "x", None, "2024-09")
    assert [(d.value, d.unit, d.kind, d.period) for d in drafts] == [
        ("-8.7", "%", "growth", "2024-H1"), ("-10.8", "%", "growth", "2024-Q1"),
        ("2.1", "个百分点", "points", "2024-H1"), ("11.6", "%", "growth", "2024-H1"),
        ("3.2", "%", "growth", "2023-H1")]


def test_a_long_paragraph_is_read_in_time_linear_in_its_length() -> None:
    """One sentence of 400 clauses (40,000 characters): every look-back is bounded, none quadratic."""
    import time

    from reporter.curate.extract import extract

    clause = "地区生产总值530.8亿元，比上年增长18.3%；规模以上工业增加值同比下降15.4%，全市排名第2，常住人口20.98万人，比上年末增加0.14万人，"
    started = time.perf_counter()
    drafts = extract("2021年统计公报\n" + clause * 400 + "。", "x", None, "2022-04")
    assert drafts and time.perf_counter() - started < 5
