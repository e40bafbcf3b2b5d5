"""Readings learnt from real county pages the extractor had not seen: spaces a PDF copy prints,
estimates of a year nearly over, net increases, rates that name what grew, leads after a
clause saying whence the figures, rank moves in Chinese numerals. Sentences are short excerpts,
verbatim, of public pages of county governments and local papers (half-width commas as stored)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from reporter.curate.extract import extract
from reporter.prose import readings as prose
from reporter.prose.script import simplified


def drafted(text: str, as_of: str) -> list[tuple[str, str, str, str | None]]:
    return [(d.value, d.unit, d.qualifier, d.period) for d in extract(text, "x", None, as_of)]


def test_spaces_around_numbers_and_years_are_no_words() -> None:
    [share] = extract("2022 年全区 R&D 经费占 GDP 比重达 3.02%。", "x", None, "2024-07")
    assert (share.value, share.period) == ("3.02", "2022")
    [investment] = prose.read("区本级完成高新技术产业投资 65.35 亿元,同比增长 42.3%。")
    assert (investment.value, investment.unit, investment.yoy) == ("65.35", "亿元", "42.3")
    [patents] = prose.read("1-6月全县申请专利200 件。")
    assert (patents.value, patents.unit) == ("200", "件")


def test_an_estimate_of_a_year_nearly_over_is_no_plan() -> None:
    [firms] = extract("预计到2020年底全县高新技术企业可达18家。", "x", None, "2020-11")
    assert (firms.qualifier, firms.period) == ("exact", "asof/2020") and "estimate" in firms.note
    [share] = extract("2020年高新技术产业增加值占地区生产总值(GDP)比重预计达到10 %。", "x", None, "2020-11")
    assert (share.value, share.unit, share.qualifier) == ("10", "%", "exact")
    [plan] = extract("预计到2020年底全县高新技术企业可达18家。", "x", None, "2020-03")
    assert plan.qualifier == "target"  # most of the year still ahead: a plan


def test_rising_to_a_years_figure_names_that_year_and_sets_no_deadline() -> None:
    assert drafted("技术合同交易额从2017年的0.28亿元,上升到2020年的1.77亿元。", "2020-11") == [
        ("0.28", "亿元", "exact", "2017"), ("1.77", "亿元", "exact", "2020")]


def test_a_target_reached_is_no_plan() -> None:
    text = ("一产增加值、规上工业增加值、固投、出口、财政总收入和地方财政收入6个指标达到市确保目标序时进度,"
            "规上工业增加值、三产增加值较一季度回落较大,GDP增长较一季度回落2.9个百分点。")
    assert [(r.value, r.unit, r.qualifier) for r in prose.read(text)] == [
        ("6", "个", "exact"), ("-2.9", "个百分点", "exact")]


def test_a_net_increase_since_a_years_end_is_the_figures_change() -> None:
    [stock] = extract("截至9月,高新区市场主体存量为36581户,较2023年末净增11152户。", "x", None, "2024-10")
    assert (stock.value, stock.unit, stock.change, stock.period) == ("36581", "户", "+11152户", "asof/2024-Q3")


def test_what_a_span_of_years_added_is_a_fact_of_its_own() -> None:
    assert drafted("预计到2020年底全县高新技术企业可达18家,三年净增13家。", "2020-11") == [
        ("18", "家", "exact", "asof/2020"), ("13", "家", "exact", "P3Y/2020-11")]
    assert drafted("三年新增国家级创新平台3个。", "2020-11") == [("3", "个", "exact", "P3Y/2020-11")]


def test_a_rate_whose_clause_names_what_grew_is_that_things() -> None:
    text = "1至9月,高新区园区实现规上工业总产值405.97亿元,园区规模以上工业增加值增长1.8%。"
    assert [(r.value, r.unit, r.kind, r.yoy) for r in prose.read(text)] == [
        ("405.97", "亿元", "level", None), ("1.8", "%", "growth", None)]
    # a comparison or manner word names nothing: the rate stays the figure's
    [gdp] = prose.read("全县实现GDP总量400.61亿元,按可比价计算同比增长6.1%。")
    assert gdp.yoy == "6.1"
    # a part named after 其中 is named (a sentence of our own, guarding the rule)
    assert [(r.value, r.kind, r.yoy) for r in prose.read("规上工业增加值12亿元,其中制造业增长10%。")] == [
        ("12", "level", None), ("10", "growth", None)]


def test_a_time_word_after_a_clause_saying_whence_the_figures_leads_the_paragraph() -> None:
    text = ("根据地区生产总值统一核算初步反馈结果,2023年,全县实现地区生产总值(GDP)98.38亿元,较上年增长3.1%。"
            "三次产业结构比为21.9∶38.7∶39.4。非公有制经济增加值完成45.46亿元,占生产总值的比重为46.2%。")
    assert [d.period for d in extract(text, "x", None, "2024-04")] == ["2023", "2023", "2023"]
    text = "初步核算,一季度全县生产总值完成59.6亿元,增长7.6%。三次产业对经济增长贡献率分别为3.3%、75.2%和21.5%。"
    assert [d.period for d in extract(text, "x", None, "2017-07")] == ["2017-Q1"] * 4


def test_a_contribution_rate_is_over_the_period_not_at_its_end() -> None:
    text = "上半年全县规上工业增加值同比增长8.4%,工业对经济增长贡献率为84.2%。"
    assert [(d.value, d.period) for d in extract(text, "x", None, "2025-08")] == [
        ("8.4", "2025-H1"), ("84.2", "2025-H1")]


def test_a_rank_moving_between_places_in_chinese_numerals() -> None:
    text = "上半年,全县规上工业增加值27.3亿元,增长9%。位次由第一位下滑到第六位。"
    ranks = [d for d in extract(text, "x", None, "2017-07") if d.kind == "rank"]
    assert [(d.value, d.rank_change, d.period) for d in ranks] == [
        ("1", None, "unstated/2017-07"),  # the page does not say when it was first
        ("6", -5, "asof/2017-H1")]


def test_a_total_to_date_under_a_sentences_span_is_as_of_the_spans_end() -> None:
    text = "1-6月全县申请专利200 件,授权专利79件;全县累计申请量2233件,授权量1353件。"
    assert [(d.value, d.period) for d in extract(text, "x", None, "2016-08")][:3] == [
        ("200", "2016-H1"), ("79", "2016-H1"), ("2233", "asof/2016-H1")]


def test_points_said_respectively_for_two_rates_share_one_unit() -> None:
    text = "上半年,全县规模以上工业总产值同比增长33.0%,工业增加值同比增长30.2%,分别较上年同期回升69.7和68.0个百分点。"
    assert [(r.value, r.unit, r.kind) for r in prose.read(text)] == [
        ("33.0", "%", "growth"), ("30.2", "%", "growth"), ("69.7", "个百分点", "points"), ("68.0", "个百分点", "points")]


def test_the_bar_counted_items_clear_is_no_figure() -> None:
    text = "全县涉及16个行业大类中有10个行业产值同比增速超过30%。"
    assert [(r.value, r.unit) for r in prose.read(text)] == [("16", "个"), ("10", "个")]


def test_a_time_word_after_a_run_in_section_heading_leads_its_sentence_and_the_next() -> None:
    text = "三、建筑产业有所回落上半年,全县建筑业增加值3.38亿元,增长2.9%。资质建筑业总产值3.89亿元,下降5.9%。"
    assert [(d.value, d.period, d.yoy_pct) for d in extract(text, "x", None, "2021-07")] == [
        ("3.38", "2021-H1", "2.9"), ("3.89", "2021-H1", "-5.9")]


def test_a_time_word_after_a_run_in_label_leads_its_paragraph() -> None:
    text = ("人口 年末全县常住人口94.5万人,比上年末减少0.4万人,其中:城镇人口42.1万人,乡村人口52.4万人。"
            "常住人口城镇化率44.5%,比上年末提高0.9个百分点。")
    assert [(d.value, d.period, d.change) for d in extract(text, "x", None, "2024-04")] == [
        ("94.5", "asof/2023", "-0.4万人"), ("42.1", "asof/2023", None), ("52.4", "asof/2023", None),
        ("44.5", "asof/2023", "+0.9个百分点")]


def test_a_balance_under_a_span_is_as_of_its_end() -> None:
    text = "上半年,全县金融机构本外币存款余额440.39亿元,同比增长6.5%;本外币贷款余额487.77亿元,同比增长30.4%。"
    assert [(d.value, d.period, d.yoy_pct) for d in extract(text, "x", None, "2022-07")] == [
        ("440.39", "asof/2022-H1", "6.5"), ("487.77", "asof/2022-H1", "30.4")]


def test_the_group_a_county_is_one_of_is_no_count_of_its_own() -> None:
    text = "首次荣获国务院督查激励,获得土地计划指标奖励1000亩,为全国15个县市区之一。"
    assert [(r.value, r.unit) for r in prose.read(text)] == [("1000", "亩")]


def test_a_numbered_heading_ending_in_a_full_stop_frames_what_follows() -> None:
    text = ("一、1-3月份主要经济指标完成情况。\n"
            "根据地区生产总值统一核算结果,全县地区生产总值总量为52.22亿元,同比增长4.0%,比去年同期加快2.2个百分点,六县市排名第三。")
    assert [(d.value, d.unit, d.period) for d in extract(text, "x", None, "2025-04")] == [
        ("52.22", "亿元", "2025-Q1"), ("2.2", "个百分点", "2025-Q1"), ("3", "位", "asof/2025-Q1")]


def test_a_benchmark_in_brackets_is_another_places_and_this_month_is_the_spans_last() -> None:
    text = ("1-3月,全县规模以上工业增加值同比增长7.5%(全市11.1%),较去年同期回落0.9个百分点,六县市排名第五;"
            "其中,当月规模以上工业增加值同比增长9.9%。")
    assert [(d.value, d.unit, d.kind, d.period) for d in extract(text, "x", None, "2025-04")] == [
        ("7.5", "%", "growth", "2025-Q1"), ("-0.9", "个百分点", "points", "2025-Q1"),
        ("5", "位", "rank", "asof/2025-Q1"), ("9.9", "%", "growth", "2025-03")]


def test_a_small_count_of_the_items_just_listed_is_no_figure() -> None:
    text = "汽车制造业、食品制造业、燃气生产和供应业三个行业增加值增势较好,分别增长89.2%、11.4%、159.4%。"
    assert [(r.value, r.unit, r.kind) for r in prose.read(text)] == [
        ("89.2", "%", "growth"), ("11.4", "%", "growth"), ("159.4", "%", "growth")]
    text = "在广兴镇浩志村和潼射镇马皇寺村两个“科技扶贫示范村”新栽核桃面积150余亩,种植核桃苗8000株。"
    assert [(r.value, r.unit) for r in prose.read(text)] == [("150", "亩"), ("8000", "株")]


def test_an_introduction_stating_no_figure_frames_the_report_like_a_title() -> None:
    text = ("今年以来,平利县坚持稳中求进工作总基调,认真贯彻落实省、市、县经济工作决策部署,紧盯各项任务目标,"
            "全县上下统一思想,抓首要、稳增长、促发展,前三季度经济运行总体呈平稳增长态势。\n"
            "蔬菜及食用菌产量增长4.5%;中草药材产量增长2.9%;茶叶产量增长15.5%。")
    assert [(d.value, d.period) for d in extract(text, "x", None, "2024-10")] == [
        ("4.5", "2024-01/09"), ("2.9", "2024-01/09"), ("15.5", "2024-01/09")]


def test_a_flows_rate_to_a_months_end_is_over_the_year_so_far() -> None:
    text = "截止9月末,生猪出栏下降4.6%,羊出栏下降8.8%。"
    assert [(d.value, d.period) for d in extract(text, "x", None, "2024-10")] == [
        ("-4.6", "2024-01/09"), ("-8.8", "2024-01/09")]
    [deposits] = extract("3月末,全县本外币存贷余额440.95亿元,增长6.4%。", "x", None, "2025-05")
    assert deposits.period == "asof/2025-Q1"  # a balance stays a level at the month's end


def test_a_part_of_the_lead_year_in_the_first_clause_holds_to_the_sentences_end() -> None:
    text = ("2023年,松阳县前三季度地区生产总值(GDP)同比增长9.4%,连续三个季度位列全市首位;"
            "规模以上工业同比增长16.0%,增速居全市第一。")
    assert [(d.value, d.unit, d.period) for d in extract(text, "x", None, "2023-12")] == [
        ("9.4", "%", "2023-01/09"), ("16.0", "%", "2023-01/09"), ("1", "位", "asof/2023-Q3")]


def test_last_years_figure_a_change_starts_from_dates_nothing() -> None:
    text = ("一季度,全县实现地区生产总值56.82亿元,增长4.6%。\n"
            "全县全体居民人均可支配收入7256元,增长5.8%。城乡收入比持续缩小,由上年同期的2.05:1下降为2.02:1。")
    assert [(d.value, d.period) for d in extract(text, "x", None, "2025-05")] == [
        ("56.82", "2025-Q1"), ("7256", "2025-Q1")]


def test_a_top_band_after_a_scope_is_a_rank_and_person_years_a_unit() -> None:
    text = ("争取建成省级重点企业研究院1家,市级重点实验室1家,新型研发机构1家,"
            "每万名就业人员中研发人员达到209人年以上,达到全市前3水平。")
    assert [(r.value, r.unit, r.kind) for r in prose.read(text)] == [
        ("1", "家", "level"), ("1", "家", "level"), ("1", "家", "level"), ("209", "人年", "level"), ("3", "位", "rank")]
    [band] = prose.read("科技进步综合评价位次实现“进等升位”,跃居全省前40位。")
    assert (band.value, band.unit, band.kind) == ("40", "位", "rank")


def test_nowadays_is_as_of_the_month_written() -> None:
    text = "如今,这里的高企总数达到46家,科技型中小企业入库49家。"
    assert [(d.value, d.period) for d in extract(text, "x", None, "2021-03")] == [
        ("46", "asof/2021-Q1"), ("49", "asof/2021-Q1")]


def test_a_page_in_traditional_characters_reads_as_simplified_and_keeps_its_units() -> None:
    text = ("三季度,全縣實現地區生產總值125.95億元,同比增長3.6%,比上半年高1.5個百分點。"
            "其中,第一產業完成增加值18.33億元,同比增長2.2 %。")
    assert [(d.value, d.unit, d.yoy_pct, d.period) for d in extract(text, "x", None, "2020-11")] == [
        ("125.95", "億元", "3.6", "2020-Q3"), ("1.5", "個百分點", None, "2020-Q3"), ("18.33", "億元", "2.2", "2020-Q3")]
    [draft] = extract("全縣生豬出欄17.93萬頭,同比增長4.9%。", "x", None, "2020-11")
    assert (draft.value, draft.unit, draft.yoy_pct, draft.quote) == ("17.93", "萬頭", "4.9", "全縣生豬出欄17.93萬頭,同比增長4.9%")


def test_a_figure_in_brackets_is_an_aside_the_rate_after_them_passes_over() -> None:
    text = "人均GDP為78655元(按年平均匯率折算為11162美元),比上年增長7.8%。"
    assert [(r.value, r.unit, r.yoy) for r in prose.read(text)] == [("78655", "元", "7.8"), ("11162", "美元", None)]


def test_points_a_clause_names_its_own_are_no_change_of_the_share_before() -> None:
    text = "三季度,第一產業對全縣地區生產總值的貢獻率為6.6%,拉動GDP增長0.2個百分點。"
    assert [(r.value, r.unit, r.kind, r.change) for r in prose.read(text)] == [
        ("6.6", "%", "level", None), ("0.2", "個百分點", "points", None)]
    [share] = prose.read("城镇化率为69.2%,比上年提高0.34个百分点。")  # no subject of its own: the share's
    assert share.change == "+0.34个百分点"


def test_a_capacity_per_year_keeps_its_per() -> None:
    [capacity] = prose.read("对接浙大方仕江教授项目组与奋飞橡胶联合投资的项目名称2 万吨/年高值再生输送橡胶带胶粉项目。")
    assert (capacity.value, capacity.unit) == ("2", "万吨/年")


def test_an_average_annual_rate_is_no_change_on_the_year_before() -> None:
    # a sentence of our own: 年均增长 after a figure with no rate yet
    assert [(r.value, r.kind, r.yoy) for r in prose.read("财政总收入38亿元，年均增长8.6%。")] == [
        ("38", "level", None), ("8.6", "growth", None)]


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF) | st.sampled_from(list("，。1%年")),
               max_size=40))
def test_simplified_text_keeps_every_offset(text: str) -> None:
    # a phrase OpenCC would convert to another length is converted character by character instead
    assert len(simplified(text)) == len(text)


def test_simplified_reads_phrases_and_leaves_simplified_text_as_it_is() -> None:
    assert simplified("規上工業增加值增長3.6%，乾燥") == "规上工业增加值增长3.6%，干燥"
    assert simplified("规上工业增加值增长3.6%") == "规上工业增加值增长3.6%"
