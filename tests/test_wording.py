"""The wording of issue 11, the rendering side: 近 is not ≈; English that reads as English
(names, plurals, counters, money); Chinese an editor would sign; the jq example keeps 多."""

from __future__ import annotations

import json
import re
import shlex
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from reporter.load import load_dataset
from reporter.model import Metric, Quantity, Source
from reporter.paths import bundled_data_path
from reporter.render import numbers, prose
from reporter.render.brief import brief_context, render_brief

from .conftest import run

REPO = Path(__file__).resolve().parents[1]
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
    assert numbers.quantity(q, lang, True, symbols=True) == cell


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
    assert numbers.quantity(Quantity("1", "台套"), "en") == "1 set"
    assert numbers.quantity(Quantity("600", "台套", "nearly"), "en") == "nearly 600 sets"


def test_money_in_english_is_said_in_words_an_english_reader_expects() -> None:
    text = run("--lang", "en", "show", "江山", "--theme", "rd", "--format", "plain").stdout
    assert "206 million yuan" in text and "19.865 million yuan" in text
    assert "×" not in text and "10k" not in text and "100m" not in text
    assert numbers.unit_name("万元", "en") == "10,000 yuan"
    assert numbers.unit_name("亿元", "en") == "100 million yuan"


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
    assert source == "Source: three articles in Chinese (2020)."


def _data(**replace: Any) -> Any:
    """The bundled data with records replaced by stand-ins carrying optional fields."""
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


class _TranslatedSource(Source):
    """A source as a later data format may give it: with English title and a Chinese date note."""

    title_en = "Science innovation island in sight / Platforms for a new ecology / Five focuses"
    column_en = "Important window: science and technology"
    date_note_zh = "原文未印日期，据内容推定为2020年年中。"


def test_english_from_the_data_is_used_where_it_exists() -> None:
    source = load_dataset(bundled_data_path()).sources["page-2020-kjdd"]
    data = _data(**{"page-2020-kjdd": _TranslatedSource(*source)})
    assert _render(data, "jiangshan", "en").splitlines()[-1] == (
        'Source: "Science innovation island in sight / Platforms for a new ecology / Five focuses", '
        'column "Important window: science and technology" (2020).')
    report = _render(data, "jiangshan", "zh", "report.md")
    assert report.rstrip().endswith("（2020年）。原文未印日期，据内容推定为2020年年中。")


def test_the_zh_markdown_report_carries_no_english_note() -> None:
    report = run("brief", "--all", "--full", "--template", "report.md").stdout
    assert "No date is printed" not in report
    assert ("资料来源：“重要窗口·科技担当”专栏，《科技创新岛呼之欲出》《平台赋能科技新生态》《五个聚焦做好科技创新》（2020年）。"
            in report)
    assert "## 洞头区（温州市）" in report


# --------------------------------------------------------------------------- Chinese


class _PhrasedMetric(Metric):
    """A metric as a later data format may give it: its figure as a clause, its counted noun."""

    phrase = "按进度实施中的产品智能化项目{value}"
    phrase_en = "{value} product-intelligentisation projects under way"


class _CountedMetric(Metric):
    noun_en = ("event", "events")


def test_a_metrics_own_phrase_is_used_when_the_data_gives_one() -> None:
    metric = load_dataset(bundled_data_path()).metrics["smart_projects_in_progress"]
    data = _data(smart_projects_in_progress=_PhrasedMetric(*metric))
    assert "截至2020年上半年，规上企业研发机构构建率35.6%；按进度实施中的产品智能化项目15个；" in _render(data, "jiangshan", "zh")
    assert "; 15 product-intelligentisation projects under way;" in _render(data, "jiangshan", "en")


def test_a_counters_english_noun_is_used_when_the_data_gives_one() -> None:
    metric = load_dataset(bundled_data_path()).metrics["academia_matchmaking"]
    data = _data(academia_matchmaking=_CountedMetric(*metric))
    assert "enterprise–university matchmaking events: 12 events;" in _render(data, "jiangshan", "en")


def test_a_target_reads_as_an_aim() -> None:
    zh = run("brief", "乐清", "--full").stdout
    assert "人才与合作：2020年起5年内，力争培养本土创新工程师1000人。" in zh
    assert "目标1000人" not in zh and "2020年起5年，" not in zh
    en = run("brief", "乐清", "--full", "--lang", "en").stdout
    assert "In the five years from 2020, local innovation engineers to train: a target of 1,000." in en


def test_a_span_of_years_reads_as_a_span() -> None:
    zh = run("brief", "乐清", "--full").stdout
    assert "创新平台：近一年（截至2020年6月底），科技加速器服务企业100多家；科技加速器提供自动化设备近600台套。" in zh
    report = run("brief", "--all", "--full", "--template", "report.md").stdout
    assert "| 兑现科技政策资金 | 1,200多万元 | 近两年（截至2020年6月底） |  |" in report
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
