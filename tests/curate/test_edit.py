"""reporter edit and reporter remove: a fact corrected or taken out of the user's own file, every
other byte kept; the planning pure (text in, text out), the commands through the real main."""

from __future__ import annotations

from pathlib import Path

import pytest

from reporter.curate.edit import apply_changes, plan_edit, plan_remove
from reporter.curate.insertion import Refused
from reporter.data.load import load_dataset
from reporter.data.paths import bundled_data_path
from tests.conftest import run

# SYNTHETIC: an invented bulletin and figures, for the tests only
MINE = """\
# my own data
sources:
  q3: {publication: 江山市统计局, title: 前三季度统计, date: "2020-10"}  # the bulletin

regions:
  jiangshan:
    facts:
      - metric: rd_investment  # 研发投入
        value: 3.1
        unit: 亿元
        period: 2020-01/09
        source: q3
        quote: "1-9月全市规上企业研发投入3.1亿元"

      # the next one was typed on one line
      - {metric: national_hightech_enterprises, value: 9, period: 2020-01/09, source: q3, quote: 1-9月新增9家}
  dongtou:
    facts:
      - metric: rd_investment
        value: 0.8
        unit: 亿元
        period: 2020-01/09
        source: q3
        quote: 1-9月全区规上企业研发投入0.8亿元
# the end
"""


def lines_of(text: str) -> list[str]:
    return text.splitlines(keepends=True)


def test_an_edit_replaces_values_at_their_marks_and_keeps_every_other_byte() -> None:
    changes = plan_edit(MINE, "mine.yaml", 8, 9, {"value": "3.2", "quote": "1-9月全市规上企业研发投入3.2亿元"})
    after = apply_changes(MINE, changes)
    assert after == MINE.replace("value: 3.1", "value: 3.2").replace("投入3.1亿元\"", "投入3.2亿元\"")


def test_an_edit_adds_a_field_as_a_line_and_removes_one() -> None:
    added = apply_changes(MINE, plan_edit(MINE, "mine.yaml", 8, 9, {"yoy_pct": "12.5", "qualifier": "approx"}))
    assert "        quote: \"1-9月全市规上企业研发投入3.1亿元\"\n        qualifier: approx\n        yoy_pct: 12.5\n\n" \
        in added
    removed = apply_changes(added, plan_edit(added, "mine.yaml", 8, 9, {"qualifier": None, "yoy_pct": None}))
    assert removed == MINE


def test_an_edit_of_a_flow_mapping_stays_on_its_line() -> None:
    after = apply_changes(MINE, plan_edit(MINE, "mine.yaml", 16, 9, {"value": "10", "yoy_pct": "5"}))
    assert "      - {metric: national_hightech_enterprises, value: 10, period: 2020-01/09, source: q3, " \
           "quote: 1-9月新增9家, yoy_pct: 5}\n" in after
    assert len(lines_of(after)) == len(lines_of(MINE))


def test_a_removal_takes_out_the_item_and_only_it() -> None:
    after = apply_changes(MINE, plan_remove(MINE, "mine.yaml", 8, 9))
    kept = lines_of(MINE)
    assert lines_of(after) == kept[:7] + kept[13:]  # the blank line and the comment after it stay


def test_removing_a_regions_only_fact_takes_its_emptied_entry_too() -> None:
    after = apply_changes(MINE, plan_remove(MINE, "mine.yaml", 19, 9))
    assert "dongtou" not in after and after.endswith("quote: 1-9月新增9家}\n# the end\n")
    alone = MINE.split("  dongtou:")[0]
    alone = apply_changes(alone, plan_remove(alone, "mine.yaml", 16, 9))  # the one-line fact
    assert alone.count("- ") == 1 and "facts:" in alone
    alone = apply_changes(alone, plan_remove(alone, "mine.yaml", 8, 9))  # the last: regions: goes too
    assert "regions:" not in alone and alone.startswith("# my own data\nsources:") and "jiangshan" not in alone


def test_what_cannot_be_found_is_refused_with_its_line() -> None:
    with pytest.raises(Refused) as refused:
        plan_edit(MINE, "mine.yaml", 9, 9, {"value": "1"})
    assert refused.value.line == 9


# --------------------------------------------------------------------------- the commands


@pytest.fixture
def mine(tmp_path: Path) -> Path:
    path = tmp_path / "mine.yaml"
    path.write_text(MINE, encoding="utf-8")
    return path


def data(mine: Path) -> tuple[str, ...]:
    return ("--data", "bundled", "--data", str(mine))


def test_edit_corrects_a_typo_in_a_value(mine: Path) -> None:
    result = run("--lang", "zh", *data(mine), "edit", "江山", "研发投入", "--period", "2020年1-9月", "--value", "3.2",
                 "--quote", "1-9月全市规上企业研发投入3.2亿元")
    assert result.code == 0, result
    assert f"已更正江山市“规上企业研发投入”2020年1-9月，见 {mine}（第8行）" in result.stderr
    assert mine.read_text(encoding="utf-8") == MINE.replace("value: 3.1", "value: 3.2").replace("3.1亿元\"", "3.2亿元\"")
    shown = run(*data(mine), "get", "江山", "研发投入", "--period", "2020-01/09")
    assert shown.stdout == "3.2亿元\n"


def test_edit_refuses_what_check_would_refuse_and_writes_nothing(mine: Path) -> None:
    result = run("--lang", "en", *data(mine), "edit", "江山", "研发投入", "--period", "2020-01/09", "--value", "3.3")
    assert result.code == 1, result
    assert "the quote states 3.1亿元, not 3.3亿元" in result.stderr and f"nothing was written to {mine}" in result.stderr
    wrong_unit = run("--lang", "en", *data(mine), "edit", "江山", "研发投入", "--period", "2020-01/09", "--unit", "家")
    assert wrong_unit.code == 2 and "unit '家' does not fit" in wrong_unit.stderr
    assert mine.read_text(encoding="utf-8") == MINE


def test_remove_takes_a_fact_out(mine: Path) -> None:
    result = run("--lang", "en", *data(mine), "remove", "洞头", "rd_investment", "--period", "2020年前三季度")
    assert result.code == 0, result
    assert f"removed Dongtou's 'rd_investment' for Jan–Sep 2020 from {mine} (it was at line 19)" in result.stderr
    assert "dongtou" not in mine.read_text(encoding="utf-8")
    assert len(load_dataset([bundled_data_path(), str(mine)]).facts) == len(load_dataset(bundled_data_path()).facts) + 2


@pytest.mark.parametrize("command", [["edit", "--value", "2.1"], ["remove"]])
def test_the_bundled_data_are_read_only(mine: Path, command: list[str]) -> None:
    before = Path(bundled_data_path()).read_bytes()
    for lang, words in (("en", "is in the bundled data ("), ("zh", "自带数据只读")):
        result = run("--lang", lang, *data(mine), command[0], "江山", "研发投入", "--period", "2020-01/05",
                     *command[1:])
        assert result.code == 1 and words in result.stderr, result
    result = run("--lang", "en", "edit", "江山", "研发投入", "--period", "2020-01/05", "--value", "2.1",
                 "--file", bundled_data_path())
    assert result.code == 1 and "read-only" in result.stderr, result
    assert Path(bundled_data_path()).read_bytes() == before


def test_a_fact_elsewhere_or_nowhere_is_said(mine: Path, tmp_path: Path) -> None:
    other = tmp_path / "other.yaml"
    other.write_text("about: another file of mine\n", encoding="utf-8")
    elsewhere = run("--lang", "en", *data(mine), "remove", "江山", "研发投入", "--period", "2020-01/09",
                    "--file", str(other))
    assert elsewhere.code == 1 and f"is written in {mine}:8, not in {other}" in elsewhere.stderr, elsewhere
    nowhere = run("--lang", "en", *data(mine), "remove", "江山", "研发投入", "--period", "2018")
    assert nowhere.code == 1 and "no fact of Jiangshan's 'rd_investment' for 2018; its periods: " in nowhere.stderr
    nothing = run("--lang", "en", *data(mine), "edit", "江山", "研发投入", "--period", "2020-01/09")
    assert nothing.code == 2 and "give what to change" in nothing.stderr
    assert mine.read_text(encoding="utf-8") == MINE


def test_a_value_of_a_series_is_left_to_the_editor(tmp_path: Path) -> None:
    mine = tmp_path / "series.yaml"
    text = ('sources:\n  q3: {publication: 江山市统计局, title: 统计, date: "2020-10"}\nregions:\n  jiangshan:\n'
            '    series:\n      rd_investment:\n        unit: 亿元\n        source: q3\n        quote: 统计表\n'
            '        values: {"2018": 1.0, "2019": 1.5}\n')  # SYNTHETIC
    mine.write_text(text, encoding="utf-8")
    result = run("--lang", "en", "--data", "bundled", "--data", str(mine), "edit", "江山", "研发投入", "--period",
                 "2018", "--value", "1.1")
    assert result.code == 1 and f"{mine}:10: the figure is not an item of a facts: list" in result.stderr, result
    assert mine.read_text(encoding="utf-8") == text
