"""plausibility: each fact against its own quote (errors) and its neighbours (warnings).

The error cases mutate real bundled facts the way issue 12 found them slipping through
(a dropped ``unit: 亿元``, a dropped 多, a flipped sign, a re-dated period) in a copy of
regions.yaml, and expect the finding at that fact's file:line. The warning cases use small
SYNTHETIC data written here.
"""

from __future__ import annotations

import re
import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest

from reporter.data.load import load_dataset
from reporter.data.paths import bundled_data_path
from reporter.data.plausibility import Finding, check_fact, check_quotes
from reporter.messages import MESSAGES
from reporter.model.dataset import Dataset


def test_the_bundled_data_are_plausible(bundled: Dataset) -> None:
    assert check_quotes(bundled) == []
    assert [f for fact in bundled.facts for f in check_fact(fact)] == []


def test_one_fact_is_checked_against_its_quote(bundled: Dataset) -> None:
    (fact,) = [f for f in bundled.facts_of("jiangshan", "rd_investment") if f.period.canonical == "2020-01/05"]
    slipped = fact._replace(quantity=fact.quantity._replace(unit="万元"))
    (finding,) = check_fact(slipped)
    assert (finding.severity, finding.key) == ("error", "unit")
    assert finding.message("en") == "the quote says 2.06亿元: the unit is 亿元, not 万元"
    assert finding.message("zh") == "引文写的是2.06亿元：单位是亿元，不是万元"
    assert check_fact(fact._replace(quote="研发投入情况见附表")) == []  # a quote stating no number cannot contradict


BUNDLED = Path(bundled_data_path()).read_text(encoding="utf-8")


def mutated(tmp_path: Path, block: str, replacement: str) -> tuple[Path, int]:
    """A copy of regions.yaml with one fact's block rewritten; the line where that fact begins."""
    assert BUNDLED.count(block) == 1, block
    path = tmp_path / "regions.yaml"
    path.write_text(BUNDLED.replace(block, replacement), encoding="utf-8")
    return path, BUNDLED[:BUNDLED.index(block)].count("\n") + 1


def only_finding(path: Path) -> Finding:
    findings = check_quotes(load_dataset(path))
    assert len(findings) == 1, findings
    return findings[0]


RD_JIANGSHAN = """\
      - metric: rd_investment
        value: 2.06
        unit: 亿元
        period: 2020-01/05
"""


@pytest.mark.parametrize("block, replacement, key, english, chinese", [
    (RD_JIANGSHAN, RD_JIANGSHAN.replace("        unit: 亿元\n", ""), "unit",  # 2.06亿元 becomes 2.06万元
     "the quote says 2.06亿元: the unit is 亿元, not 万元", "单位是亿元，不是万元"),
    (RD_JIANGSHAN, RD_JIANGSHAN.replace("value: 2.06", "value: 2.6"), "number",
     "the quote states 2.06亿元, not 2.6亿元", "引文写的是2.06亿元，不是2.6亿元"),
    (RD_JIANGSHAN, RD_JIANGSHAN.replace("2020-01/05", "2020-H1"), "period",  # a 1-5月 figure re-dated
     "the quote names 1-5月, but the fact's period is H1 2020", "而数据的时期是2020年上半年"),
    ("        value: 9100\n        qualifier: more_than\n", "        value: 9100\n", "qualifier",  # 多 dropped
     "the quote says 9100多万元 (more than), the fact says exact", "（多于），数据为确数"),
    ("        yoy_pct: -14.7\n", "        yoy_pct: 14.7\n", "direction",  # −14.7 → +14.7
     "the quote says 同比下降 14.7%, but the fact's yoy_pct is 14.7", "引文写的是同比下降14.7%"),
    ("        yoy_pct: 16\n", "        yoy_pct: 61\n", "change",
     "the quote says 同比增长 16%, not the fact's yoy_pct 61", "不是数据的同比增幅 61"),
    ("        rank_change: 34\n", "        rank_change: -20\n", "direction",
     "the quote says 提升 34, but the fact's rank_change is -20", "位次变化为-20"),  # -34 is refused on load
    ("        value: 600\n        qualifier: nearly\n", "        value: 600\n        qualifier: approx\n", "qualifier",
     "the quote says 近600台套 (nearly), the fact says about", "（接近），数据为约数"),
    ("        value: 9100\n        qualifier: more_than\n        period: \"2019\"\n",
     "        value: 9100\n        qualifier: more_than\n        period: \"2018\"\n", "period",
     "the quote names 2019年, but the fact's period is 2018", "而数据的时期是2018年"),
    ("        value: 653.4\n        period: 2020-Q1", "        value: 653.4\n        period: 2020-Q2", "period",
     "the quote names 一季度, but the fact's period is Q2 2020", "2020年二季度"),
])
def test_a_mutated_bundled_fact_is_an_error_at_its_line(tmp_path: Path, block: str, replacement: str, key: str,
                                                         english: str, chinese: str) -> None:
    path, start = mutated(tmp_path, block, replacement)
    finding = only_finding(path)
    lines, line = path.read_text(encoding="utf-8").split("\n"), start
    while not lines[line - 1].lstrip().startswith("- metric"):  # up to the fact's first line
        line -= 1
    assert (finding.severity, finding.key) == ("error", key)
    assert (finding.problem.path, finding.problem.line) == (str(path), line)
    assert str(finding.problem).startswith(f"{path}:{line}:")
    assert english in finding.message("en") and str(finding.problem.message) == finding.message("en")
    assert chinese in finding.message("zh")
    assert str(finding.localised("zh")) == f"{path}:{line}:{finding.problem.column}: {finding.message('zh')}"


def test_every_message_has_both_languages_and_the_same_arguments() -> None:
    for key, (english, chinese) in MESSAGES.items():
        # {s}, the English plural ending, is the one placeholder Chinese never needs
        assert set(re.findall(r"{(\w+)}", english)) - {"s"} == set(re.findall(r"{(\w+)}", chinese)), key
        if english.strip("{}") != "name":  # said by Named: the data's own words
            assert re.search(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]", chinese), key  # Chinese words or marks


# --------------------------------------------------------------------------- warnings (SYNTHETIC data)

SYNTHETIC = """\
# SYNTHETIC test data for the plausibility warnings; not from any source.
sources:
  s1: {publication: Test Daily, title: A test page, date: "2020"}
themes:
  rd: {zh: 研发投入, en: R&D}
metrics:
  rd_investment: {zh: 研发投入, en: R&D investment, unit: 万元, theme: rd, kind: flow}
  enterprises: {zh: 高新技术企业, en: high-tech enterprises, unit: 家, theme: rd, kind: stock}
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
"""


@pytest.fixture
def facts_file(tmp_path: Path) -> Callable[[str], Path]:
    def write(facts: str) -> Path:
        path = tmp_path / "synthetic.yaml"
        path.write_text(SYNTHETIC + textwrap.indent(textwrap.dedent(facts), " " * 6), encoding="utf-8")
        return path
    return write


def lines_of(path: Path, *needles: str) -> list[int]:
    lines = path.read_text(encoding="utf-8").split("\n")
    return [next(i + 1 for i, line in enumerate(lines) if needle in line) for needle in needles]


def test_a_cumulative_flow_that_falls_within_a_year(facts_file: Callable[[str], Path]) -> None:
    path = facts_file("""\
        - {metric: rd_investment, value: 2.06, unit: 亿元, period: 2020-01/05, quote: 1-5月研发投入2.06亿元}
        - {metric: rd_investment, value: 15000, period: 2020-01/09, quote: 1-9月研发投入15000万元}
        - {metric: rd_investment, value: 3, unit: 亿元, period: "2020", quote: 2020年研发投入3亿元}
    """)
    findings = check_quotes(load_dataset(path))
    assert [(f.severity, f.key, f.problem.line) for f in findings] == [("warning", "cumulative",
                                                                        lines_of(path, "15000")[0])]
    assert findings[0].message("en") == ("15000万元 in 2020-01/09 is less than 2.06亿元 in 2020-01/05 "
                                         f"(line {lines_of(path, '2.06')[0]}): "
                                         "a flow summed from January cannot fall within a year").replace(
        "2020-01/09", "Jan–Sep 2020").replace("2020-01/05", "Jan–May 2020")
    assert "年内累计值不应减少" in findings[0].message("zh")


def test_cumulative_does_not_compare_other_years_or_stocks(facts_file: Callable[[str], Path]) -> None:
    path = facts_file("""\
        - {metric: rd_investment, value: 200, period: 2019-01/09, quote: 1-9月研发投入200万元}
        - {metric: rd_investment, value: 100, period: 2020-01/05, quote: 1-5月研发投入100万元}
        - {metric: enterprises, value: 30, period: 2020-01/05, quote: 1-5月高新技术企业30家}
        - {metric: enterprises, value: 20, period: 2020-01/09, quote: 1-9月高新技术企业20家}
    """)
    assert check_quotes(load_dataset(path)) == []


@pytest.mark.parametrize("facts, warned", [
    ("""\
        - {metric: rd_investment, value: 100, period: "2019", quote: 2019年研发投入100万元}
        - {metric: rd_investment, value: 120, period: "2020", yoy_pct: 16,
           quote: 2020年研发投入120万元，同比增长16%}
     """, True),
    ("""\
        - {metric: rd_investment, value: 100, period: "2019", quote: 2019年研发投入100万元}
        - {metric: rd_investment, value: 120, period: "2020", yoy_pct: 20,
           quote: 2020年研发投入120万元，同比增长20%}
     """, False),
    ("""\
        - {metric: rd_investment, value: 1.23, unit: 亿元, period: "2019", quote: 2019年研发投入1.23亿元}
        - {metric: rd_investment, value: 1.35, unit: 亿元, period: "2020", yoy_pct: 10.2,
           quote: 2020年研发投入1.35亿元，同比增长10.2%}
     """, False),  # 9.76% as computed, but 1.35 and 1.23 are rounded: up to 10.3% fits
    ("""\
        - {metric: rd_investment, value: 1.23, unit: 亿元, period: "2019", quote: 2019年研发投入1.23亿元}
        - {metric: rd_investment, value: 1.35, unit: 亿元, period: "2020", yoy_pct: 10.8,
           quote: 2020年研发投入1.35亿元，同比增长10.8%}
     """, True),
    ("""\
        - {metric: rd_investment, value: 120, period: "2020", yoy_pct: -16, previous: 100,
           quote: 2020年研发投入120万元，同比下降16%}
     """, True),
    ("""\
        - {metric: rd_investment, value: 9900, unit: 万元, period: "2019", quote: 2019年研发投入9900万元}
        - {metric: rd_investment, value: 1.2, unit: 亿元, period: "2020", yoy_pct: 21.2,
           quote: 2020年研发投入1.2亿元，同比增长21.2%}
     """, False),  # units of one family compare exactly
])
def test_a_reported_change_against_the_previous_value(facts_file: Callable[[str], Path], facts: str,
                                                      warned: bool) -> None:
    findings = check_quotes(load_dataset(facts_file(facts)))
    assert [(f.severity, f.key) for f in findings] == ([("warning", "yoy")] if warned else [])


def test_the_yoy_warning_names_both_numbers(facts_file: Callable[[str], Path]) -> None:
    path = facts_file("""\
        - {metric: rd_investment, value: 100, period: "2019", quote: 2019年研发投入100万元}
        - {metric: rd_investment, value: 120, period: "2020", yoy_pct: 16,
           quote: 2020年研发投入120万元，同比增长16%}
    """)
    finding = check_quotes(load_dataset(path))[0]
    assert finding.message("en") == "the reported change +16% disagrees with +20.0% computed from 100万元 in 2019"
    assert finding.message("zh") == "报道的同比+16%与按2019年的100万元算出的+20.0%不符"
    assert finding.problem.line == lines_of(path, "120")[0]


def test_a_fall_in_the_yoy_warning_has_a_minus_sign(facts_file: Callable[[str], Path]) -> None:
    path = facts_file("""\
        - {metric: rd_investment, value: 100, period: "2019", quote: 2019年研发投入100万元}
        - {metric: rd_investment, value: 80, period: "2020", yoy_pct: -14.7,
           quote: 2020年研发投入80万元，同比下降14.7%}
    """)
    finding = check_quotes(load_dataset(path))[0]
    assert finding.message("en") == "the reported change \u221214.7% disagrees with \u221220.0% computed from 100万元 in 2019"


def test_a_unit_slip(facts_file: Callable[[str], Path]) -> None:
    path = facts_file("""\
        - {metric: rd_investment, value: 9100, period: "2019", quote: 2019年研发投入9100万元}
        - {metric: rd_investment, value: 3.1, period: "2020", quote: 2020年研发投入3.1万元}
        - {metric: enterprises, value: 10, period: "2019", quote: 2019年高新技术企业10家}
        - {metric: enterprises, value: 63, period: "2020", quote: 2020年高新技术企业63家}
    """)
    findings = check_quotes(load_dataset(path))
    assert [(f.severity, f.key, f.problem.line) for f in findings] == [("warning", "unit_slip",
                                                                        lines_of(path, "3.1")[0])]
    assert findings[0].message("en").endswith("differ 2,935-fold: unit slip?")
    assert "单位写错了" in findings[0].message("zh")


def test_a_quote_stating_no_number_cannot_contradict_its_fact(tmp_path: Path) -> None:
    """A series quotes a table, not a sentence: its values are not read against the quote."""
    path = tmp_path / "series.yaml"
    series = ("    series:\n      rd_investment:\n        quote: 《某县统计年鉴》表3-2\n"
              '        values: "2016=120 2017=131 2018=150 2019=162"\n')
    path.write_text(SYNTHETIC.replace("    facts:\n", series), encoding="utf-8")
    data = load_dataset(path)
    assert len(data.facts) == 4
    assert check_quotes(data) == []


def test_a_quote_naming_a_level_inside_the_period_fits(facts_file: Callable[[str], Path]) -> None:
    path = facts_file("""\
        - {metric: enterprises, value: 22, period: "@2020-H1", quote: 上半年新招引服务机构3家，总数达22家}
        - {metric: rd_investment, value: 170, period: "@2020-H1", quote: 2020年首次开展绩效评价，共下达补助资金170万元}
        - {metric: rd_investment, value: 4.35, unit: 亿元, period: 2020-01/09,
           quote: 截至9月底，全县累计研发投入4.35亿元}
    """)
    assert check_quotes(load_dataset(path)) == []


def test_a_slip_in_ones_own_layer_is_said_in_ones_own_file(tmp_path: Path) -> None:
    """A figure typed in 亿元 instead of 万元 in a file layered on the bundled data: the warnings are
    said at the line the user can fix, and name the bundled figure with its file."""
    mine = tmp_path / "slip.yaml"
    mine.write_text(textwrap.dedent("""\
        regions:
          jiangshan:
            facts:
              - metric: rd_investment
                value: 1776
                unit: 亿元
                period: 2019-01/05
                quote: "1-5月全市规上企业研发投入1776亿元"
                source: page-2020-kjdd
        """), encoding="utf-8")
    findings = check_quotes(load_dataset([bundled_data_path(), str(mine)]))
    assert {f.problem.path for f in findings} == {str(mine)} and {f.problem.line for f in findings} == {4}
    said = sorted(f.message("en") for f in findings)
    at = f"({bundled_data_path()}:"
    assert said[0].startswith("1776亿元 and 2.06亿元 in Jan–May 2020 " + at) and "differ 862-fold" in said[0], said
    assert said[1].startswith("2.06亿元 in Jan–May 2020 " + at) and "+16%" in said[1] and "−99.9%" in said[1], said


def test_a_running_total_larger_than_a_later_one_is_said_in_ones_own_file(tmp_path: Path) -> None:
    mine = tmp_path / "q1.yaml"
    mine.write_text(textwrap.dedent("""\
        regions:
          jiangshan:
            facts:
              - metric: rd_investment
                value: 3
                unit: 亿元
                period: 2020-01/03
                quote: "1-3月全市规上企业研发投入3亿元"
                source: page-2020-kjdd
        """), encoding="utf-8")
    findings = [f for f in check_quotes(load_dataset([bundled_data_path(), str(mine)])) if f.key == "cumulative_before"]
    assert len(findings) == 1 and findings[0].problem.path == str(mine) and findings[0].problem.line == 4
    assert findings[0].message("en").startswith(f"3亿元 in Q1 2020 is more than 2.06亿元 in Jan–May 2020 "
                                                f"({bundled_data_path()}:")
