"""reporter check: the format, and each fact against its own quote; warnings, --strict, languages."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from reporter.data.paths import bundled_data_path
from tests.conftest import MINI, run


def _bundled_with(tmp_path: Path, old: str, new: str) -> Path:
    text = Path(bundled_data_path()).read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    path = tmp_path / "regions.yaml"
    path.write_text(text.replace(old, new), encoding="utf-8")
    return path


def test_a_dropped_unit_line_is_caught_by_the_quote(tmp_path: Path) -> None:
    """Deleting `unit: 亿元` turns 2.06亿元 into 2.06万元: the format allows it, the quote does not."""
    path = _bundled_with(tmp_path, "        value: 2.06\n        unit: 亿元\n", "        value: 2.06\n")
    result = run("check", str(path))
    assert result.code == 1
    assert "the unit is 亿元, not 万元" in result.stderr
    assert result.stderr.splitlines()[-1] == f"reporter: {path}: 1 problem"
    zh = run("--lang", "zh", "check", str(path))
    assert zh.code == 1 and "单位是亿元，不是万元" in zh.stderr and zh.stderr.splitlines()[-1].endswith("：1个问题")


def test_the_bundled_data_checks_clean_in_both_languages() -> None:
    en, zh = run("check"), run("--lang", "zh", "check")
    assert (en.code, zh.code) == (0, 0)
    assert "warning" not in en.stderr and en.stderr.count("\n") == 1 and ": ok, 3 regions" in en.stderr
    assert "：通过，3个地区" in zh.stderr


def test_warnings_are_shown_and_strict_makes_them_errors(write_yaml: Callable[..., Path]) -> None:
    """MINI holds 100万元 for 2019 and 1.5亿元 for 2020: a 150x jump, a unit slip to look at."""
    path = write_yaml(MINI)
    shown = run("check", str(path))
    assert shown.code == 0
    assert shown.stderr.startswith(f"warning: {path}:19:") and "(--strict makes them errors)" in shown.stderr
    strict = run("check", "--strict", str(path))
    assert strict.code == 1 and strict.stderr.startswith(f"{path}:19:")
    assert strict.stderr.splitlines()[-1] == f"reporter: {path}: 1 problem"


def test_check_without_a_path_checks_the_layers_in_effect(tmp_path: Path) -> None:
    mine = tmp_path / "mine.yaml"
    mine.write_text("regions:\n  jiangshan:\n    facts:\n      - {metric: rd_investment, value: 3.1, unit: 亿元, "
                    "period: 2020年1-9月, quote: 1-9月全市规上企业研发投入3.1亿元}\n", encoding="utf-8")
    result = run("--data", "bundled", "--data", str(mine), "check")
    assert result.code == 0, result
    assert f"{bundled_data_path()} + {mine}: ok, 3 regions" in result.stderr


# --------------------------------------------------------------------------- every problem in one run

# SYNTHETIC: a county official's own file with three slips, layered on the bundled data
SLIPS = """\
sources:
  q3: {publication: 江山市科技局, title: 前三季度工作总结, date: "2020-10"}
regions:
  jiangshan:
    source: q3
    facts:
      - metric: 研发投人
        value: 3.4
        unit: 亿元
        period: 2020-1/10
        quote: 1-10月全市规上企业研发投入3.4亿元
      - {metric: hightech_output, value: 60.2, unit: 万元, period: 2020-01/09, quote: 1-9月高新技术产业产值60.2亿元}
"""


def _check(tmp_path: Path, text: str, *args: str, strict: bool = False) -> tuple[int, list[str]]:
    mine = tmp_path / "mine.yaml"
    mine.write_text(text, encoding="utf-8")
    result = run(*args, "--data", "bundled", "--data", str(mine), "check", *(["--strict"] if strict else []))
    return result.code, [line.replace(str(mine), "mine.yaml") for line in result.stderr.splitlines()]


def test_every_slip_of_a_file_is_named_in_one_run(tmp_path: Path) -> None:
    """A mistyped period no longer hides the mistyped metric of the same fact, and the problems of
    the format no longer hide what the quotes of the facts that loaded say."""
    code, lines = _check(tmp_path, SLIPS, "--lang", "en")
    assert code == 1
    assert lines[0] == "mine.yaml:7:9: unknown metric '研发投人' (did you mean 研发投入?)"
    assert lines[1].startswith("mine.yaml:10:17: period: '2020-1/10' is not a period (did you mean 2020-01/10?)")
    assert lines[2] == "mine.yaml:12:9: the quote says 60.2亿元: the unit is 亿元, not 万元"
    assert lines[3].endswith(": 3 problems") and len(lines) == 4


def test_a_chinese_reader_gets_the_same_suggestions(tmp_path: Path) -> None:
    code, lines = _check(tmp_path, SLIPS.replace("研发投人", "rd_investmnt"), "--lang", "zh")
    english = _check(tmp_path, SLIPS.replace("研发投人", "rd_investmnt"), "--lang", "en")[1]
    near = re.fullmatch(r"mine.yaml:7:9: unknown metric 'rd_investmnt' \(did you mean (rd_investment.*)\?\)", english[0])
    assert near, english
    assert code == 1 and lines[0] == f"mine.yaml:7:9: 未知的指标“rd_investmnt”（是否指 {near.group(1)}？）"


def test_each_field_of_a_fact_is_checked_on_its_own(tmp_path: Path) -> None:
    """A negative value and an unknown source are said beside a mistyped period; a qualifier word that
    cannot be read is said once, not also as the target's missing qualifier."""
    text = SLIPS.replace("研发投人", "研发投入").replace("value: 3.4", "value: -3.4").replace(
        "period: 2020-1/10", "period: 2020-1/10\n        source: q4")
    text += ("      - {metric: innovation_engineers_target, value: 100, qualifier: 大约, period: 2020, "
             "quote: 培养本土创新工程师100人}\n")
    code, lines = _check(tmp_path, text, "--lang", "en")
    said = "\n".join(lines)
    assert code == 1
    assert "mine.yaml:7:9: value -3.4 is negative" in said
    assert "mine.yaml:11:9: unknown source 'q4' (did you mean q3?)" in said  # at its source: line
    assert "qualifier '大约' should be one of" in said
    assert "should be 'target'" not in said, said


def test_an_unknown_source_is_said_at_the_regions_source_line(tmp_path: Path) -> None:
    code, lines = _check(tmp_path, SLIPS.replace("    source: q3\n", "    source: q4\n"), "--lang", "en")
    assert code == 1
    assert "mine.yaml:5:13: unknown source 'q4' (did you mean q3?); used 3 times, this is the first" in lines


def test_the_facts_of_a_region_defined_with_a_problem_are_still_checked(tmp_path: Path) -> None:
    text = SLIPS.replace("  jiangshan:\n    source: q3\n", "  xinxian:\n    zh: \"\"\n    short: 新县\n    en: Xinxian\n"
                         "    level: 县\n    prefecture: 衢州市\n    province: 浙江省\n    source: q3\n")
    code, lines = _check(tmp_path, text, "--lang", "en")
    said = "\n".join(lines)
    assert code == 1 and "mine.yaml:5:9: zh is empty" in said
    assert "unknown metric '研发投人' (did you mean 研发投入?)" in said and "is not a period" in said


def test_periods_are_compared_only_when_all_of_a_metrics_figures_load(tmp_path: Path) -> None:
    """Neighbours are the periods that loaded: with the middle one of 3, 30 and 300 left out (its
    period mistyped), 3 and 300 would look a 100-fold unit slip. No such warning is given until the
    period is fixed; then 3, 30 and 300 are neighbours 10-fold apart, and none is due."""
    facts = [("2018", "3"), ("2019x", "30"), ("2020", "300")]
    text = "regions:\n  jiangshan:\n    facts:\n" + "".join(
        f"      - {{metric: academician_workstations, value: {v}, period: \"{p}\", source: page-2020-kjdd, "
        f"quote: 共建成院士工作站{v}家}}\n" for p, v in facts)
    code, lines = _check(tmp_path, text, "--lang", "en", strict=True)
    assert code == 1 and len(lines) == 2 and "is not a period" in lines[0], lines
    code, lines = _check(tmp_path, text.replace("2019x", "2019"), "--lang", "en", strict=True)
    assert code == 0 and "slip" not in "\n".join(lines), lines
    code, lines = _check(tmp_path, text.replace("2019x", "2019").replace("value: 300,", "value: 300000,")
                         .replace("工作站300家", "工作站300000家"), "--lang", "en")
    assert "unit slip?" in "\n".join(lines), lines  # once all load, a 1,000-fold jump is seen


def test_a_wrong_field_is_named_at_its_own_line(tmp_path: Path) -> None:
    """An unknown source or a unit that does not fit is said where it is written, not at the fact's
    first key; in a flow mapping (one line) the fact's line is the field's."""
    text = SLIPS.replace("研发投人", "研发投入").replace("unit: 亿元\n", "unit: 家\n").replace(
        "period: 2020-1/10", "period: 2020-01/10\n        source: q4")
    code, lines = _check(tmp_path, text, "--lang", "en")
    assert code == 1
    assert any(line.startswith("mine.yaml:9:9: unit '家' does not fit metric") for line in lines), lines
    assert "mine.yaml:11:9: unknown source 'q4' (did you mean q3?)" in lines, lines
    flow = SLIPS.replace("研发投人", "研发投入").replace("2020-1/10", "2020-01/10").replace(
        "metric: hightech_output", "metric: hightech_outptu")
    code, lines = _check(tmp_path, flow, "--lang", "en")
    assert any(line.startswith("mine.yaml:12:9: unknown metric 'hightech_outptu'") for line in lines), lines


def test_the_hint_to_see_every_problem_names_the_same_data(tmp_path: Path) -> None:
    """A command stopped by a file with several problems says which check shows them all: bare
    `reporter check` would read only the bundled data and pass."""
    mine = tmp_path / "mine.yaml"
    mine.write_text(SLIPS, encoding="utf-8")
    result = run("--lang", "en", "--data", "bundled", "--data", str(mine), "show", "江山")
    assert result.code == 1
    assert result.stderr.splitlines()[-1] == (f"reporter: … and 1 more problem; run 'reporter --data bundled "
                                              f"--data {mine} check' to see all"), result.stderr
