"""Filters on every data command: --prefecture, --province, --level, --regions-from and --where
(a condition read by a parser of our own: nothing the user types is run)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reporter.data.load import load_dataset
from reporter.query.filters import Filters, chosen_regions, filtered, names_listed
from reporter.query.where import WhereError, parse_where, where_test
from tests.conftest import run
from tests.province import PROVINCE


@pytest.fixture
def province(tmp_path: Path) -> Path:
    path = tmp_path / "province.yaml"
    path.write_text(PROVINCE, encoding="utf-8")
    return path


def facts_kept(path: Path, condition: str) -> list[tuple[str, str, str]]:
    data = load_dataset(str(path))
    test = where_test(parse_where(condition), data)
    return sorted((f.region, f.metric, f.period.canonical) for f in data.iter_facts() if test(f))


def test_where_compares_numbers_exactly_across_units(province: Path) -> None:
    # 1.5亿元 is 15000万元 in the metric's unit: value_base compares what value alone cannot
    assert facts_kept(province, 'metric = "rd" and value_base > 1e4') == [("a", "rd", "2019"), ("a", "rd", "2020")]
    assert facts_kept(province, 'metric == "rd" and value > 1e4') == [("a", "rd", "2019")]


def test_where_and_or_not_and_parentheses(province: Path) -> None:
    kept = facts_kept(province, 'not (metric = "rd" or metric = "firms") and (region = "a" or region="c")')
    assert kept == [("a", "place", "2020"), ("a", "share", "2020"), ("c", "place", "2020")]
    assert facts_kept(province, 'metric="rd" and period >= "2020" and qualifier != "exact"') == [("b", "rd", "2020")]


def test_where_a_missing_value_is_never_true(province: Path) -> None:
    assert facts_kept(province, "yoy_pct > 0") == [("a", "rd", "2020")]
    assert facts_kept(province, "not yoy_pct > 0") != []  # not of false: every other fact


def test_where_a_number_beside_a_text_field_is_its_text(province: Path) -> None:
    assert facts_kept(province, "period < 2020") == facts_kept(province, 'period < "2020"') != []


@pytest.mark.parametrize("condition, column, key", [
    ("value_base >", 13, "where.incomplete"),
    ("valu > 3", 1, "where.field"),
    ('value_base > "x"', 14, "where.text_number"),
    ("(value > 3", 11, "where.incomplete"),
    ("value > 3 )", 11, "where.unexpected"),
    ("3 > 4", 1, "where.no_field"),
    ("value > 3 ; import os", 11, "where.unexpected"),
    ("__import__('os') > 1", 1, "where.field"),
    ("value and 3", 7, "where.expected"),
])
def test_where_a_bad_condition_names_its_column(condition: str, column: int, key: str) -> None:
    with pytest.raises(WhereError) as caught:
        parse_where(condition)
    assert (caught.value.key, caught.value.column) == (key, column)


def test_regions_by_prefecture_province_level_forgiving(province: Path) -> None:
    data = load_dataset(str(province))
    assert chosen_regions(data, Filters(prefecture="温州")) == {"a", "b"}
    assert chosen_regions(data, Filters(prefecture="wenzhou")) == {"a", "b"}
    assert chosen_regions(data, Filters(province="福建")) == {"d"}
    assert chosen_regions(data, Filters(level="county")) == {"a", "d"}
    assert chosen_regions(data, Filters(level="city")) == {"c"}
    assert chosen_regions(data, Filters(level="区", province="浙江省")) == {"b"}
    assert chosen_regions(data, Filters()) is None


def test_filtered_dataset_keeps_only_the_chosen_facts(province: Path) -> None:
    data = load_dataset(str(province))
    narrow = filtered(data, Filters(prefecture="温州市", where=parse_where('metric = "firms"')))
    assert set(narrow.regions) == {"a", "b"}
    assert [(f.region, f.quantity.written) for f in narrow.iter_facts()] == [("a", "10"), ("b", "20")]
    assert narrow.facts_of("c") == [] and narrow.facts_of("a", "rd") == []
    counts, reporters = narrow.coverage()
    assert counts["a"][0] == 1 and reporters == {"firms": frozenset({"a", "b"})}


def test_names_listed_skips_blanks_and_comments() -> None:
    assert names_listed(["\ufeff甲县", "", "# a comment", "  乙  "]) == ((1, "甲县"), (4, "乙"))


def test_every_data_command_takes_the_filters(province: Path) -> None:
    for args in (["show", "丙"], ["compare", "--all"], ["rank", "rd"], ["delta", "--all"], ["search", "投入"],
                 ["export"], ["brief", "--all"], ["stats", "rd", "--by", "prefecture"]):
        result = run("--data", str(province), *args, "--prefecture", "衢州", "--format", "json")
        if args[0] == "brief":
            result = run("--data", str(province), *args, "--prefecture", "衢州")
        assert result.code == 0, (args, result)
        assert "甲" not in result.stdout and "乙" not in result.stdout, args


def test_export_where_on_the_command_line(province: Path) -> None:
    result = run("--data", str(province), "export", "--where", 'value_base >= 2200 and period >= "2020"')
    records = json.loads(result.stdout)
    assert result.code == 0
    assert sorted((r["region"], r["metric"]) for r in records) == [("a", "rd"), ("b", "rd"), ("c", "rd")]


def test_bad_where_is_a_usage_error_pointing_at_the_column(province: Path) -> None:
    result = run("--data", str(province), "rank", "rd", "--where", "value_base >> 3", "--lang", "en")
    assert result.code == 2 and result.stdout == ""
    lines = result.stderr.splitlines()
    assert "column 13" in lines[0]
    assert lines[2].index("^") - 2 == 12  # under the second '>' of the condition on the line above


def test_regions_from_file_and_its_unknown_name_by_line(province: Path, tmp_path: Path) -> None:
    names = tmp_path / "names.txt"
    names.write_text("# my list\n甲县\nBing\n", encoding="utf-8")
    result = run("--data", str(province), "export", "--regions-from", str(names))
    assert {r["region"] for r in json.loads(result.stdout)} == {"a", "c"}
    names.write_text("甲县\n\n不存在县\n", encoding="utf-8")
    result = run("--data", str(province), "export", "--regions-from", str(names), "--lang", "en")
    assert result.code == 1 and f"{names}:3:" in result.stderr
    missing = run("--data", str(province), "export", "--regions-from", str(tmp_path / "none.txt"))
    assert missing.code == 2 and "none.txt" in missing.stderr


def test_a_region_outside_the_filter_and_no_region_left(province: Path) -> None:
    outside = run("--data", str(province), "show", "甲", "--province", "福建", "--lang", "en")
    assert outside.code == 3 and "Jia" in outside.stderr
    none = run("--data", str(province), "rank", "rd", "--prefecture", "温州", "--level", "city")
    assert none.code == 3 and none.stdout == ""


def test_a_bad_where_is_said_in_the_readers_language_whatever_the_option_order(province: Path) -> None:
    zh = run("--data", str(province), "export", "--where", "value_base >> 3", "--lang", "zh")
    assert zh.code == 2 and "第 13 列" in zh.stderr and "字段" in zh.stderr
    text = run("--data", str(province), "export", "--where", 'value_base > "where.x"', "--lang", "en")
    assert text.code == 2 and 'not "where.x"' in text.stderr  # the user's text is never taken for a key
