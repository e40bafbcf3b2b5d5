"""The document's frame dates figures: a title, a heading, a lead time word, 其中; how each period
is known (period_basis: stated, carried, assumed). Sentences are our own."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reporter.curate.extract import extract
from reporter.model.period_words import parse_period


def periods(text: str, as_of: str) -> list[tuple[str, str | None, str]]:
    return [(f"{d.value}{d.unit}", d.period, d.period_basis) for d in extract(text, "x", None, as_of)]


def test_a_title_year_dates_what_prints_no_time_word_and_the_year_under_review() -> None:
    text = "青石县2021年国民经济和社会发展统计公报\n\n全县户籍人口30万人。全年新增就业500人。年末常住人口28.5万人。\n"
    assert periods(text, "2022-04") == [("30万人", "2021", "carried"), ("500人", "2021", "stated"),
                                        ("28.5万人", "asof/2021", "stated")]


def test_a_heading_frames_its_section() -> None:
    text = "政府工作报告\n\n一、2022年工作回顾\n\n全县地区生产总值增长5%，新增企业30家。\n"
    assert periods(text, "2023-02") == [("5%", "2022", "carried"), ("30家", "2022", "carried")]


def test_a_lead_time_word_is_carried_through_qizhong() -> None:
    text = "据核算，前三季度，全区实现地区生产总值100亿元。其中，第一产业增加值10亿元。\n"
    assert periods(text, "2025-11") == [("100亿元", "2025-01/09", "stated"), ("10亿元", "2025-01/09", "carried")]


def test_a_sentence_opening_time_word_dates_the_sentences_after_it() -> None:
    text = "前三季度全区工业增加值12亿元；蔬菜产量2万吨。一般公共预算支出8亿元。\n"
    assert periods(text, "2025-11") == [("12亿元", "2025-01/09", "stated"), ("2万吨", "2025-01/09", "stated"),
                                        ("8亿元", "2025-01/09", "carried")]


def test_the_first_paragraphs_lead_frames_paragraphs_without_a_time_word() -> None:
    text = "上半年，全县经济平稳回升。\n全县生猪出栏5000头，增长6%。\n"
    assert periods(text, "2024-09") == [("5000头", "2024-H1", "carried")]


def test_a_page_that_frames_nothing_keeps_not_stated() -> None:
    text = "科技简讯\n\n新增企业3家。\n2019年新增企业5家。\n"
    assert periods(text, "2020-06") == [("3家", "unstated/2020-H1", "assumed"), ("5家", "2019", "stated")]


def test_whole_year_in_a_spring_release_is_the_year_before_and_assumed() -> None:
    assert periods("全年认定科技型中小企业86家。", "2024-05") == [("86家", "2023", "assumed")]


def test_the_second_quarter_in_a_first_half_report_is_the_half() -> None:
    text = "上半年，全县经济运行平稳。\n二季度全县地区生产总值为143亿元。\n"
    assert periods(text, "2024-09")[0][:2] == ("143亿元", "2024-H1")


def test_consecutive_years_is_how_long_not_when() -> None:
    assert periods("连续两年获评先进，研发投入占比达到4.5%。", "2023-02") == [("4.5%", "unstated/2023-02", "assumed")]


@pytest.mark.parametrize("text, want", [
    ("达标天数320天，1-8月平均浓度9微克/立方米；拥有耕地21万亩。",  # after a figure: to its ；
     ["unstated/2023-Q3", "2023-01/08", "unstated/2023-Q3"]),
    ("1-8月全县工业产值9亿元；耕地21万亩。", ["2023-01/08", "2023-01/08"]),  # opening its sentence: past ；
])
def test_a_time_word_inside_a_sentence_holds_to_its_semicolon(text: str, want: list[str]) -> None:
    assert [p for _v, p, _b in periods(text, "2023-09")] == want


def test_each_value_of_a_respective_list_takes_its_own_period() -> None:
    text = "一季度、上半年、前三季度和全年，全县地区生产总值增速分别为18.8%、9.6%、8.7%和6.2%。"
    assert [p for _v, p, _b in periods(text, "2022-02")] == ["2021-Q1", "2021-H1", "2021-01/09", "2021"]


def test_a_respective_list_of_names_keeps_the_sentences_period() -> None:
    assert [p for _v, p, _b in periods("上半年，工业产值、利润分别为10亿元、2亿元。", "2022-07")] == ["2022-H1", "2022-H1"]


def test_a_span_of_years_inside_a_clause_dates_only_its_clause() -> None:
    text = "截至目前，全县高新技术企业47户，近5年增长4倍多，完成年度任务的134%。"
    assert [p for _v, p, _b in periods(text, "2024-05")] == ["asof/2024-05", "P5Y/2024-05", "asof/2024-05"]


def test_the_same_figure_twice_on_a_line_is_two_facts_and_a_summary_repeating_it_one() -> None:
    text = "省级足球场1个、健身房2个；市级足球场1个、健身房3个。\n小结：省级足球场1个、健身房2个。\n"
    assert [(d.value, d.line) for d in extract(text, "x", None, "2022-04")] == [("1", 1), ("2", 1), ("1", 1),
                                                                              ("3", 1)]


def test_a_time_word_before_the_sentences_first_figure_frames_the_whole_sentence() -> None:
    text = "经初步预计，全县2012年全年实现生产总值163亿元；农民人均纯收入9807元。"
    assert [(p, q) for (_v, p, _b), q in zip(periods(text, "2013-01"), ["exact", "exact"], strict=True)] == [
        ("2012", "exact"), ("2012", "exact")]
    assert [d.qualifier for d in extract(text, "x", None, "2013-01")] == ["exact", "exact"]  # estimates, no plans


PIECES = ["第", "2", "第一", "位", "全市排名", "，", "；", "。", "\n", "(", ")", ",", ";", ":", "增长", "下降", "12.5%", "-3%",
          "个百分点", "比上年末增加", "0.14万人", "万", "亿", "20.98", "其中", "分别", "分别为", "、", "和", "上半年", "全年",
          "年末", "2021年", "一季度", "较", "较上年同期", "（3.2%）", "由第12位上升到第6位", "10强", "以上", "计划", "预计",
          "目标", "三次产业", "之一", "‰", "头", "件/套", "1-8月", "元至九月", "连续两年", "近5年", "4倍多", "同比", "增速",
          "“", "”", "PM2.5", "5000万元以上项目", "14.71 亿元", "8.8万农村", "—"]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(PIECES), min_size=1, max_size=40), st.sampled_from(["2022-04", None]))
def test_any_mix_of_bulletin_words_drafts_verbatim_quotes_and_periods_in_our_grammar(pieces: list[str],
                                                                                     as_of: str | None) -> None:
    text = "".join(pieces)
    lines = text.split("\n")
    for d in extract(text, "x", None, as_of):
        assert d.period_basis in ("stated", "carried", "assumed")
        assert d.period is None or parse_period(d.period).canonical == d.period
        assert d.quote and d.quote in lines[d.line - 1]
