"""Readings learnt from a blind round of real county pages (keyed before the extractor read
them): a survey's sample rate, a change's unit on a page in traditional characters, 当年, a
deadline year printed with spaces. Sentences are short excerpts, verbatim, of public pages
(half-width commas as stored)."""

from __future__ import annotations

from reporter.curate.extract import extract
from reporter.prose import readings as prose


def drafted(text: str, as_of: str) -> list[tuple[str, str, str, str | None]]:
    return [(d.value, d.unit, d.qualifier, d.period) for d in extract(text, "x", None, as_of)]


def test_a_surveys_sample_rate_is_its_name_and_year_end_holds_past_it() -> None:
    text = "根據2023年5‰人口變動抽樣調查推算,年末全縣常住人口40.8萬人,比上年末增加0.3萬人;城鎮化率為60.4%,比上年提高1.3個百分點。"
    assert drafted(text, "2024-04") == [("40.8", "萬人", "exact", "asof/2023"), ("60.4", "%", "exact", "asof/2023")]
    simple = "据2023年5‰人口变动抽样调查推算,年末全县常住人口26.94万人。"
    assert [(r.value, r.unit) for r in prose.read(simple)] == [("26.94", "万人")]


def test_a_change_keeps_its_unit_as_the_page_prints_it() -> None:
    text = "年末全縣常住人口40.8萬人,比上年末增加0.3萬人;城鎮化率為60.4%,比上年提高1.3個百分點。"
    assert [(r.unit, r.change) for r in prose.read(text)] == [("萬人", "+0.3萬人"), ("%", "+1.3個百分點")]
    [people] = prose.read("年末全县常住人口40.8万人,比上年末增加0.3万人。")
    assert people.change == "+0.3万人"


def test_dang_nian_is_the_year_under_review() -> None:
    text = "年末全縣戶籍總人口36.53萬人。全縣當年出生人口2115人,出生率為5.77‰。"
    assert drafted(text, "2024-04") == [("36.53", "萬人", "exact", "asof/2023"), ("2115", "人", "exact", "2023"),
                                        ("5.77", "‰", "exact", "2023")]
    assert drafted("2023年全县当年出生人口2115人。", "2024-04") == [("2115", "人", "exact", "2023")]


def test_current_prices_are_no_year() -> None:
    [output] = drafted("2023年,按当年价格计算,全县生产总值157.6亿元。", "2024-04")
    assert output == ("157.6", "亿元", "exact", "2023")


def test_a_deadline_year_printed_with_spaces_makes_a_plan() -> None:
    text = "《规划》明确,到 2025 年,全社会R&D 经费支出占GDP的比重达到2.8%,国家高新技术企业达到80家。"
    assert drafted(text, "2021-07") == [("2.8", "%", "target", "asof/2025"), ("80", "家", "target", "asof/2025")]


def test_a_headline_about_an_honour_does_not_date_the_figures() -> None:
    text = ("海州區科技局榮獲2017年度全省科技管理工作先進集體\n\n"
            "組織企業實施各級各類科技計劃項目610項,獲上級科技扶持資金達2.7億元。"
            "2017年,高新技術產業產值占規模以上工業產值比重達62%。")
    assert drafted(text, "2018-02") == [("610", "項", "exact", "unstated/2018-02"),
                                        ("2.7", "億元", "exact", "unstated/2018-02"), ("62", "%", "exact", "2017")]
    report = "2023年泰顺县国民经济和社会发展统计公报\n\n全县常住人口26.94万人。"
    assert drafted(report, "2024-04") == [("26.94", "万人", "exact", "2023")]  # a report's title still frames


def test_a_sessions_number_is_its_name() -> None:
    text = "较好完成了县十六届人大三次会议确定的目标任务,全县经济运行保持总体平稳。2018年,全县地区生产总值完成46.1亿元,同比下降4.3%。"
    assert drafted(text, "2019-03") == [("46.1", "亿元", "exact", "2018")]
    assert drafted("党的十九届四中全会以来,全县新增企业120家。", "2020-06") == [("120", "家", "exact", "asof/2020-H1")]


def test_a_count_of_the_things_just_named_is_no_figure() -> None:
    text = "全县围绕扶贫攻坚和到2018年全面建成小康社会目标,牢牢守住发展和生态两条底线。2015年全县地区生产总值244394万元。"
    assert drafted(text, "2016-04") == [("244394", "万元", "exact", "2015")]
    assert drafted("全县新建道路两条。", "2016-04") == [("2", "条", "exact", "unstated/2016-04")]


def test_time_words_listed_after_a_base_are_bases_too() -> None:
    text = "上半年,全县规上工业增加值同比增长1.3%,增速较一季度和1-5月分别提高15.5和2.2个百分点,增速居全市第6位,较1-5月上升1位。"
    assert drafted(text, "2023-07") == [("1.3", "%", "exact", "2023-H1"), ("15.5", "个百分点", "exact", "2023-H1"),
                                        ("2.2", "个百分点", "exact", "2023-H1"), ("6", "位", "exact", "asof/2023-H1")]
    listed = "一季度、上半年全县规上工业增加值分别增长8.1%和7.2%。"  # a list of periods, no base
    assert [p for *_rest, p in drafted(listed, "2023-07")] == ["2023-Q1", "2023-H1"]


def test_the_square_metre_sign_is_a_unit() -> None:
    [area] = drafted("1-5月,商品房销售面积4.23万㎡,同比下降12.1%。", "2019-06")
    assert area == ("4.23", "万㎡", "exact", "2019-01/05")


def test_a_rate_set_off_by_a_list_comma_is_its_figures() -> None:
    text = "2015年,全年实现生产总值83.91亿元、增长10.8%,城乡居民收入达到23292元和7750元、分别增长8.8%和10%。"
    assert [(r.value, r.unit, r.yoy) for r in prose.read(text)] == [
        ("83.91", "亿元", "10.8"), ("23292", "元", "8.8"), ("7750", "元", "10")]
    listed = "全县工业投资增长12%、农业投资增长5%。"  # each rate names its own subject
    assert [(r.value, r.kind) for r in prose.read(listed)] == [("12", "growth"), ("5", "growth")]


def test_the_same_period_of_a_base_and_what_is_listed_after_it_are_bases() -> None:
    text = ("1-8月,全市规模以上工业增加值累计增长11.5%,分别较去年同期和全年分别回落4.5、4.2个百分点。"
            "其中,城乡项目投资250.5亿元,增长23.2%。")
    assert [p for *_rest, p in drafted(text, "2015-09")] == ["2015-01/08"] * 4


def test_data_show_is_where_the_figures_come_from() -> None:
    text = "数据显示,一季度,全区实现地区生产总值482.17亿元,同比增长5.0%。全区数字经济核心产业增加值57.71亿元,同比增长49.6%。"
    assert [p for *_rest, p in drafted(text, "2022-04")] == ["2022-Q1", "2022-Q1"]


def test_a_mirrors_pinyin_glosses_are_read_through_and_quoted_as_printed() -> None:
    text = "數(shù)據(jù)顯示,一季度,全區(qū)實現(xiàn)地區(qū)生產(chǎn)總值482.17億元,同比增長5.0%。全區(qū)數(shù)字經(jīng)濟核心產(chǎn)業(yè)增加值57.71億元。"
    drafts = extract(text, "x", None, "2022-04")
    assert [(d.value, d.unit, d.period, d.yoy_pct) for d in drafts] == [
        ("482.17", "億元", "2022-Q1", "5.0"), ("57.71", "億元", "2022-Q1", None)]
    assert drafts[1].quote == "全區(qū)數(shù)字經(jīng)濟核心產(chǎn)業(yè)增加值57.71億元" and drafts[1].column == text.index("57.71") + 1
    assert prose.read("企业(a)共有12家。")[0].label == "企业(a)"  # brackets without a tone mark: no gloss


def test_a_paragraph_opening_with_qizhong_goes_on_from_the_one_before() -> None:
    text = "一季度全区完成固定资产投资255.31亿元,同比增长16.1%。\n其中工业投资持续向好,完成29.70亿元,同比增长74.1%。"
    assert [p for *_rest, p in drafted(text, "2022-04")] == ["2022-Q1", "2022-Q1"]


def test_how_many_digits_is_a_manner() -> None:
    text = "一季度全区完成固定资产投资255.31亿元,同比增长16.1%,实现两位数增长。"
    assert [(r.value, r.unit) for r in prose.read(text)] == [("255.31", "亿元")]


def test_an_estimate_of_a_period_the_page_hides_is_no_plan() -> None:
    text = "20XX年工作回顾\n20XX年,县政府较好地完成了目标任务。预计实现地区生产总值391亿元,增长8.6%。"
    [output] = extract(text, "x", None, "2020-01")
    assert (output.value, output.qualifier, output.period, output.yoy_pct) == ("391", "exact", "unstated/2020-01", "8.6")
    assert "estimate" in output.note
    [plan] = extract("预计到2025年全县高新技术企业达到80家。", "x", None, "2021-07")
    assert (plan.qualifier, plan.period) == ("target", "asof/2025")


def test_a_comparisons_base_figure_is_of_the_bases_period() -> None:
    text = "截止三季度,我区高新产业增加值9.7亿元,占规模工业增加值的41.9%,对比2014年所占比重29.5%增长了12.4%。"
    assert [p for *_rest, p in drafted(text, "2015-12")] == ["2015-Q3", "2015-Q3", "2014", "2015-Q3"]
    bracketed = "上半年,全县农林牧渔业增加值18100万元,增长11.6%,较上年同期(3.2%)大幅增长。"
    assert [p for *_rest, p in drafted(bracketed, "2024-09")] == ["2024-H1", "2023-H1"]
    moved = "全县常住人口40.8万人,比上年末多0.3万人。"  # how it moved, not the base's value
    assert "2023" not in [p for *_rest, p in drafted("2024年末" + moved, "2025-03")][1:]


def test_a_quota_to_complete_is_a_target() -> None:
    [quota] = drafted("截止到12月份,全年应完成指标数为147件。", "2015-12")
    assert quota[:3] == ("147", "件", "target")


def test_up_to_now_set_off_by_a_comma_holds_past_a_semicolon() -> None:
    text = "目前止,共组织申报国家级新产品1个、火炬计划项目3个;组织申报省重大科技攻关项目12项,星火计划项目6项。"
    assert [p for *_rest, p in drafted(text, "2009-07")] == ["asof/2009-07"] * 4
    assert [p for *_rest, p in drafted("到目前为止,全县共有孵化器3家;众创空间5家。", "2024-05")] == ["asof/2024-05"] * 2
