"""The wording of issue 11, the rendering side: 近 is not ≈; English that reads as English
(names, plurals, counters, money); Chinese an editor would sign; the jq example keeps 多."""

from __future__ import annotations

import json
import re
import shlex
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from reporter.data.load import load_dataset
from reporter.data.paths import bundled_data_path
from reporter.model.records import Metric, Quantity, Source
from reporter.render import figures
from reporter.render import wording as prose
from reporter.render.brief import brief_context
from reporter.render.template import render_brief
from tests.conftest import run

REPO = Path(__file__).resolve().parents[2]
CJK = re.compile(r"[\u2e80-\u9fff\u3000-\u303f\uff00-\uffef]")

# --------------------------------------------------------------------------- 近 is not ≈


def test_nearly_is_written_as_the_source_wrote_it_in_rank() -> None:
    zh = run("rank", "enterprise_visits", "--format", "plain").stdout
    assert "近300家次" in zh and "≈" not in zh
    en = run("--lang", "en", "rank", "kuamai_investment", "--format", "plain").stdout
    assert "nearly 3 million yuan" in en and "≈" not in en


def test_the_approx_mark_is_left_to_values_reporter_derived() -> None:
    text = run("delta", "江山", "研发投入", "--format", "plain").stdout
    assert "≈1.776亿元" in text and "≈+0.284亿元" in text


@pytest.mark.parametrize(("q", "lang", "cell"), [
    (Quantity("300", "家次", "nearly"), "zh", "近300家次"),
    (Quantity("300", "家次", "nearly"), "en", "nearly 300"),
    (Quantity("3", "亿元", "approx"), "zh", "约3亿元"),
    (Quantity("9100", "万元", "more_than"), "zh", ">9,100万元"),
    (Quantity("1000", "人", "target"), "zh", "→1,000人"),
])
def test_table_cells_keep_symbols_only_for_bounds(q: Quantity, lang: str, cell: str) -> None:
    assert figures.quantity(q, lang, True, symbols=True) == cell


# --------------------------------------------------------------------------- English


def test_a_proper_noun_keeps_its_capital_inside_a_sentence() -> None:
    text = run("brief", "江山", "--full", "--lang", "en").stdout
    assert "As of H1 2020, Kuamai Medical's investment in clean rooms and labs: nearly 3 million yuan." in text
    assert "kuamai" not in text
    assert "In H1 2020, technology-supply (outbound transfer) contracts registered" in text  # a plain word: lower


@pytest.mark.parametrize(("label", "inline"), [
    ("Enterprises on the R&D project information system", "enterprises on the R&D project information system"),
    ("Kuamai Medical's investment in clean rooms and labs", "Kuamai Medical's investment in clean rooms and labs"),
    ("R&D investment, above-scale enterprises", "R&D investment, above-scale enterprises"),
    ("ZJU–Yueqing institute area", "ZJU–Yueqing institute area"),
    ("Hikvision's operations headquarters", "Hikvision's operations headquarters"),
    ("Zhejiang University enclave enterprises", "Zhejiang University enclave enterprises"),
    ("Hangzhou R&D enclaves", "Hangzhou R&D enclaves"),  # a name the data writes mid-sentence
    ("Enterprise–university matchmaking events", "enterprise–university matchmaking events"),
    ("High-tech industry output", "high-tech industry output"),
    ("Technology trade value", "technology trade value"),  # "University of Technology" is no evidence
])
def test_english_labels_inside_a_sentence(label: str, inline: str) -> None:
    names = prose.names_in(["Enterprise R&D enclaves set up in Hangzhou",
                            "Co-built institutes with Hebei University of Technology and a technology incubator"])
    assert prose.inline_label(label, names) == inline


def test_counters_say_no_times_and_agree_in_number() -> None:
    text = run("--lang", "en", "show", "江山", "--format", "plain").stdout
    assert not re.search(r"\b1 (items|sets|times)\b", text)
    assert " times" not in text and " items" not in text
    assert re.search(r"Enterprise–university matchmaking events\s+12\s", text)
    assert figures.quantity(Quantity("1", "台套"), "en") == "1 set"
    assert figures.quantity(Quantity("600", "台套", "nearly"), "en") == "nearly 600 sets"


def test_money_in_english_is_said_in_words_an_english_reader_expects() -> None:
    text = run("--lang", "en", "show", "江山", "--theme", "rd", "--format", "plain").stdout
    assert "206 million yuan" in text and "19.865 million yuan" in text
    assert "×" not in text and "10k" not in text and "100m" not in text
    assert figures.unit_name("万元", "en") == "10,000 yuan"
    assert figures.unit_name("亿元", "en") == "100 million yuan"


def test_billions_and_the_written_precision() -> None:
    text = run("brief", "江山", "--full", "--lang", "en").stdout
    assert "sales from commercialised invention patents: 1.27 billion yuan" in text
    assert "1,270 million" not in text
    assert "value of technology-supply (outbound transfer) contracts: 10.090 million yuan" in text  # 1009.0万元
    assert run("--lang", "en", "get", "江山", "技术输出合同金额").stdout == "10.090 million yuan\n"


@pytest.mark.parametrize("region", ["dongtou", "yueqing", "jiangshan"])
def test_english_briefs_carry_no_untranslated_text(region: str) -> None:
    summary = run("brief", region, "--lang", "en").stdout
    assert not CJK.search(summary), CJK.findall(summary)
    source = run("brief", region, "--lang", "en", "--full").stdout.splitlines()[-1]
    assert source == ('Source: "An S&T innovation island in the making", "Platforms power a new S&T ecosystem", '
                      '"Five focuses for S&T innovation", column "Important Window · S&T Responsibility" (2020).')


@pytest.mark.parametrize("args", [["brief", "--all", "--full", "--template", "report.md"],
                                  ["show", "洞头"], ["compare", "洞头", "乐清", "江山"], ["metrics"],
                                  ["rank", "hightech_recertified"], ["delta", "江山"], ["show", "江山", "--by", "period"]])
def test_english_output_carries_no_chinese(args: list[str]) -> None:
    result = run("--lang", "en", *args, "--format", "plain") if args[0] != "brief" else run("--lang", "en", *args)
    shown = result.stdout + result.stderr
    assert result.code == 0 and not CJK.search(shown), sorted(set(CJK.findall(shown)))


def _data(**replace: Any) -> Any:
    """The bundled data with records replaced (optional fields added or taken away)."""
    data = load_dataset(bundled_data_path())
    for ident, record in replace.items():
        if isinstance(record, Metric):
            data.metrics = {**data.metrics, ident: record}
        else:
            data.sources = {**data.sources, ident: record}
    return data


def _render(data: Any, region: str, lang: str, template: str | None = None) -> str:
    context = brief_context(data, [data.regions[region]], lang, full=True)
    return render_brief(context, template or f"brief.{lang}", lang)


def test_without_english_in_the_data_a_source_says_what_it_is() -> None:
    source: Source = load_dataset(bundled_data_path()).sources["page-2020-kjdd"]
    data = _data(**{"page-2020-kjdd": source._replace(title_en="", column_en="", date_note_zh="")})
    assert _render(data, "jiangshan", "en").splitlines()[-1] == "Source: three articles in Chinese (2020)."
    report = _render(data, "jiangshan", "zh", "report.md")
    assert report.rstrip().endswith("《五个聚焦做好科技创新》（2020年）。")  # no English note in zh


def test_the_markdown_reports_carry_the_note_in_their_own_language() -> None:
    report = run("brief", "--all", "--full", "--template", "report.md").stdout
    assert "No date is printed" not in report
    assert ("资料来源：“重要窗口·科技担当”专栏，《科技创新岛呼之欲出》《平台赋能科技新生态》《五个聚焦做好科技创新》（2020年）。"
            "原文未印日期。江山部分报告2020年上半年的工作并部署下半年工作，可见刊于2020年年中、上半年结束之后。文中" in report)
    assert "## 洞头区（温州市）" in report
    english = run("brief", "--all", "--template", "report.md", "--lang", "en").stdout
    assert "No date is printed. The page reports Jiangshan's results for the first half of 2020" in english


# --------------------------------------------------------------------------- Chinese


def test_a_rank_reads_as_the_page_says_it() -> None:
    zh = run("brief", "洞头").stdout
    # the page prints no time for the evaluation (位次跃升至全省第22位): its period is not stated
    assert "科技进步变化综合评价居全省第22位，较上年提升34位；科技进步变化综合评价居全市第4位（均未注明时期）。" in zh
    assert "截至2020年上半年，科技进步变化综合评价" not in zh
    assert "位次第22位" not in zh


def test_highlights_are_listed_in_theme_order() -> None:
    rows = json.loads(run("show", "洞头", "--format", "json").stdout)["highlights"]
    themes = [r["theme"] for r in rows]
    order = ["evaluation", "rd", "platforms", "enterprises", "finance", "transfer", "industry", "talent", "services"]
    assert themes == sorted(themes, key=order.index) and themes[0] == "evaluation"


def test_the_label_reads_as_the_page_does() -> None:
    zh = run("brief", "江山", "--full").stdout
    assert "截至2020年上半年，规上企业研发机构构建率35.6%；按进度实施中的产品智能化项目15个；" in zh
    assert "产品智能化项目实施中15个" not in zh
    assert run("get", "江山", "产品智能化项目实施中").stdout == "15个\n"  # the old label still names it


OPTIONAL = """\
sources:
  s1:
    publication: Test Daily
    title: 甲文 / 乙文
    title_en: Article A / Article B
    column: 专栏
    column_en: The column
    date: "2020"
    date_note: Dated by its contents.
    date_note_zh: 按内容推定日期。
themes:
  t: {zh: 人才, en: Talent}
metrics:
  events:
    zh: 对接交流
    en: Matchmaking
    unit: 次
    theme: t
    kind: flow
    phrase: 组织对接交流{value}
    phrase_en: "{value} matchmaking sessions held"
  talks: {zh: 讲座, en: Lectures, unit: 场, theme: t, kind: count, noun_en: [talk, talks]}
regions:
  a:
    {zh: 甲县, short: 甲, en: Jia, level: county, prefecture: 某市, province: 浙江省, source: s1,
     facts: [{metric: events, value: 12, period: 2020-H1, period_basis: stated, quote: 对接交流12次},
             {metric: talks, value: 1, period: 2020-H1, period_basis: stated, quote: 讲座1场}]}
"""


def test_the_optional_wording_fields_load_and_are_used(write_yaml: Callable[..., Path]) -> None:
    path = write_yaml(OPTIONAL)
    assert run("check", str(path)).code == 0
    data = load_dataset(path)
    metric, source = data.metrics["events"], data.sources["s1"]
    assert (metric.phrase, metric.phrase_en, data.metrics["talks"].noun_en) == (
        "组织对接交流{value}", "{value} matchmaking sessions held", ("talk", "talks"))
    assert (source.title_en, source.column_en, source.date_note_zh) == ("Article A / Article B", "The column",
                                                                        "按内容推定日期。")
    assert "人才：2020年上半年，组织对接交流12次；讲座1场。" in _render(data, "a", "zh")
    en = _render(data, "a", "en")
    assert "In H1 2020, 12 matchmaking sessions held; lectures: 1 talk." in en
    assert en.splitlines()[-1] == 'Source: "Article A", "Article B", column "The column" (2020).'
    assert _render(data, "a", "zh", "report.md").rstrip().endswith("（2020年）。按内容推定日期。")
    plain = _data(academia_matchmaking=load_dataset(bundled_data_path()).metrics["academia_matchmaking"]._replace(
        noun_en=("event", "events")))
    assert "enterprise–university matchmaking events: 12 events;" in _render(plain, "jiangshan", "en")


def test_a_target_reads_as_an_aim() -> None:
    zh = run("brief", "乐清", "--full").stdout
    # 通过5年努力: five years whose start the page does not give, so no start year is printed
    assert "人才与合作：力争培养本土创新工程师1000人（未注明时期）。" in zh
    assert "目标1000人" not in zh and "2020年起" not in zh
    en = run("brief", "乐清", "--full", "--lang", "en").stdout
    assert "Local innovation engineers to train: a target of 1,000 (period not stated)." in en
    assert "from 2020" not in en


def test_a_span_of_years_reads_as_a_span() -> None:
    zh = run("brief", "乐清", "--full").stdout
    # the page's 一年 (一年为…企业提供) names no year: not 近一年, not the year to mid-2020
    assert "科技加速器服务企业100多家；科技加速器提供自动化设备近600台套；" in zh
    assert "近一年" not in zh
    report = run("brief", "--all", "--full", "--template", "report.md").stdout
    assert "| 兑现科技政策资金 | 1,200多万元 | 近两年（截至2020年上半年末） |  |" in report
    for text in (zh, report):
        assert "截至2020年上半年的一年" not in text and "截至2020年上半年的近两年" not in text


# --------------------------------------------------------------------------- the jq example in docs/data-format.md


def _jq_example() -> tuple[str, list[str]]:
    doc = (REPO / "docs" / "data-format.md").read_text(encoding="utf-8")
    block = next(b for b in re.findall(r"```console\n(.*?)```", doc, re.DOTALL) if "| jq" in b)
    command, *output = block.strip("\n").split("\n")
    return command.split("| jq", 1)[1], output


def test_the_jq_example_shows_each_qualifier_as_reporter_says_it() -> None:
    program, output = _jq_example()
    metric = re.search(r'select\(\.metric == "(\w+)"\)', program).group(1)  # type: ignore[union-attr]
    assert output
    for line in output:
        region, *_, value = line.split("\t")
        assert value == run("get", region, metric).stdout.strip()  # 1200多万元, never 1200万元


@pytest.mark.skipif(shutil.which("jq") is None, reason="jq is not installed")
def test_the_jq_example_prints_what_the_doc_says() -> None:
    program, output = _jq_example()
    exported = run("export", "--format", "json").stdout
    json.loads(exported)
    args = shlex.split(program)
    printed = subprocess.run(["jq", *args], input=exported, capture_output=True, text=True, check=True).stdout
    assert printed.splitlines() == output


# --------------------------------------------------------------------------- changes, as delta shows them

# SYNTHETIC: hand-written figures a year apart: a fall too small for one decimal of a percent, a
# rise of over ten thousand percent, a share that moved by points, a counter.
CHANGES = """\
sources:
  s1: {publication: Test Daily, title: A test page, date: "2020"}
themes:
  t: {zh: 投入, en: Investment}
metrics:
  spend: {zh: 研发投入, en: R&D spending, unit: 万元, theme: t, kind: flow}
  grant: {zh: 补助资金, en: Grants, unit: 万元, theme: t, kind: flow}
  share: {zh: 研发强度, en: R&D intensity, unit: "%", theme: t, kind: rate}
  firms: {zh: 高新技术企业, en: High-tech enterprises, unit: 家, theme: t, kind: stock}
regions:
  a:
    zh: 甲县
    short: 甲
    en: Jia
    level: county
    prefecture: 某市
    province: 浙江省
    source: s1
    series:
      spend: {quote: q, values: "2019=9101 2020=9100"}
      grant: {quote: q, values: "2019=1 2020=123.1"}
      share: {quote: q, values: "2019=2.1 2020=2.4"}
      firms: {quote: q, values: "2019=10 2020=12"}
"""


def _delta_rows(path: Path, lang: str) -> dict[str, str]:
    text = run("--data", str(path), "--lang", lang, "delta", "甲", "--format", "plain").stdout
    return {line.split()[0]: line for line in text.splitlines()[1:]}


def test_a_change_that_rounds_to_zero_keeps_the_sign_its_arrow_shows(write_yaml: Callable[..., Path]) -> None:
    rows = _delta_rows(write_yaml(CHANGES), "zh")
    assert "−1万元" in rows["研发投入"] and "−0.0%" in rows["研发投入"] and "↓ 变差" in rows["研发投入"]
    assert "±0.0%" not in "".join(rows.values())
    zh = run("--data", str(write_yaml(CHANGES)), "brief", "甲", "--full").stdout
    assert "研发投入，2019年9101万元，2020年9100万元（比上年下降不到0.1%）" in zh and "下降0%" not in zh


def test_percentages_are_grouped_where_numbers_are(write_yaml: Callable[..., Path]) -> None:
    path = write_yaml(CHANGES)
    assert "+12,210.0%" in _delta_rows(path, "zh")["补助资金"]
    assert "同比+12,210.0%" in run("--data", str(path), "show", "甲", "--format", "plain").stdout
    assert '"pct": 12210.0' in run("--data", str(path), "delta", "甲", "--format", "json").stdout


def test_a_shares_change_is_in_points(write_yaml: Callable[..., Path]) -> None:
    path = write_yaml(CHANGES)
    assert "+0.3个百分点" in _delta_rows(path, "zh")["研发强度"]
    assert "+0.3 percentage points" in _delta_rows(path, "en")["R&D"]
    assert "同比+0.3个百分点" in run("--data", str(path), "show", "甲", "--format", "plain").stdout
    assert "研发强度，2019年2.1%，2020年2.4%（比上年提高0.3个百分点）" in run(
        "--data", str(path), "brief", "甲", "--full").stdout


def test_english_changes_use_the_money_words_of_the_values() -> None:
    text = run("--lang", "en", "delta", "江山", "--format", "plain").stdout
    assert "≈+28.4 million yuan" in text and "≈−643.8 million yuan" in text and "≈177.6 million yuan" in text
    assert "×" not in text and "100 million yuan" not in text


def test_english_unit_columns_name_units_in_english_and_counters_not_at_all(write_yaml: Callable[..., Path]) -> None:
    path = write_yaml(CHANGES)
    rows = run("--data", str(path), "--lang", "en", "show", "甲", "--by", "period", "--format", "json").stdout
    units = {r["metric"]: r["unit"] for r in json.loads(rows)["periods"]}
    assert units["spend"] == "万元"  # machine records keep the data's unit
    plain = run("--data", str(path), "--lang", "en", "show", "甲", "--by", "period", "--format", "plain").stdout
    assert re.search(r"R&D spending\s+10,000 yuan\s+9,101\s+9,100\n", plain)
    assert re.search(r"High-tech enterprises\s+10\s+12\n", plain)  # a counter: no unit word, as in show
    assert "×" not in plain and not CJK.search(plain)
    metrics = run("--lang", "en", "metrics", "--format", "plain").stdout
    assert re.search(r"rd_investment\s+R&D investment, enterprises above designated size\s+10,000 yuan\s+flow", metrics)
    assert re.search(r"national_hightech_enterprises\s+National high-tech enterprises\s+stock", metrics)
    assert not CJK.search(metrics)


def test_a_phrase_en_names_what_it_counts_once(write_yaml: Any) -> None:
    """A counter with both ``noun_en`` and ``phrase_en`` (SYNTHETIC data): the phrase says the noun."""
    from reporter.data.load import load_dataset
    from reporter.render.brief import fact_context

    path = write_yaml(_SYNTHETIC_COUNTER)
    data = load_dataset(str(path))
    context = fact_context(data, data.facts[0])
    assert context["phrase_en"] == "12 matchmaking sessions held"
    assert "events" not in context["phrase_en"]


_SYNTHETIC_COUNTER = """\
# SYNTHETIC: a hand-written counter for the wording of phrases
sources:
  s: {publication: SYNTHETIC, title: hand-written, date: "2021-01-10"}
themes:
  t: {zh: 主题, en: Theme}
metrics:
  talks: {zh: 对接交流, en: Matchmaking sessions, unit: 场, theme: t, kind: count,
          noun_en: [event, events], phrase_en: "{value} matchmaking sessions held"}
regions:
  r:
    zh: 合成县
    short: 合成
    en: Synthetic County
    level: county
    prefecture: 合成市
    prefecture_en: Synthetic City
    province: 浙江省
    facts:
      - {metric: talks, value: 12, unit: 场, period: 2020, source: s, quote: "对接交流12场"}
"""


def test_a_reported_change_of_an_undated_figure_has_no_previous_period(write_yaml: Any) -> None:
    """As delta's machine records say (null): the year before an unstated period is no period."""
    from reporter.data.load import load_dataset
    from reporter.render.brief import region_context

    data = load_dataset(str(write_yaml(_SYNTHETIC_COUNTER.replace(
        "period: 2020, source: s, quote: \"对接交流12场\"}",
        "period: 2020, source: s, quote: \"对接交流12场\"}\n"
        "      - {metric: talks, value: 30, unit: 场, period: unstated/2020-H1, yoy_pct: 50, source: s,\n"
        "         quote: \"对接交流30场，同比增长50%\"}"))))
    facts = {f["value"]: f for t in region_context(data, data.regions["r"], full=True)["themes"] for f in t["facts"]}
    undated, dated = facts["30"], facts["12"]
    assert undated["period_kind"] == "unstated" and undated["delta"]["pct"] == "50"
    assert undated["delta"]["previous_period"] is None
    assert undated["delta"]["previous_period_zh"] is None and undated["delta"]["previous_period_en"] is None
    assert dated["delta"] is None  # nothing to compare 2020 with
