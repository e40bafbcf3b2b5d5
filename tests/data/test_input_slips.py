"""Input-method slips named as such: a full-width colon (：), a full-width space (U+3000) or
full-width indentation anywhere in a user's file is said at its line, in both languages, and
not as what YAML made of it ("found a scalar")."""

from __future__ import annotations

from pathlib import Path

import pytest

from reporter.data.input_slips import mended
from tests.conftest import run

# SYNTHETIC: an invented bulletin
HEAD = 'sources:\n  q3: {publication: 江山市统计局, title: 前三季度统计, date: "2020-10"}\nregions:\n  jiangshan:\n    facts:\n'
FACT = ["      - metric: rd_investment\n", "        value: 3.1\n", "        unit: 亿元\n",
        "        period: 2020-01/09\n", "        source: q3\n",
        "        quote: \"1-9月研发投入3.1亿元\"\n"]
COLON = ("a full-width '：' where YAML needs ':'", "全角冒号")
SPACE = ("a full-width space (U+3000), typed with a Chinese input method", "全角空格")
INDENT = ("a full-width space (U+3000) indents this line", "全角空格")


def written(tmp_path: Path, lines: list[str]) -> Path:
    mine = tmp_path / "mine.yaml"
    mine.write_text(HEAD + "".join(lines), encoding="utf-8")
    return mine


@pytest.mark.parametrize(("line", "slip", "words"), [
    (0, "      - metric： rd_investment\n", COLON),  # the issue's own line: not "found a scalar"
    (0, "      - metric：rd_investment\n", COLON),
    (1, "        value：3.1\n", COLON),
    (3, "        period： 2020-01/09\n", COLON),
    (1, "        value:\u30003.1\n", SPACE),
    (1, "        value: 3.1\u3000\n", SPACE),
    (2, "        unit:\u3000亿元\n", SPACE),
    (1, "      \u3000value: 3.1\n", INDENT),
])
def test_a_slip_is_named_at_its_line_in_both_languages(tmp_path: Path, line: int, slip: str,
                                                       words: tuple[str, str]) -> None:
    lines = list(FACT)
    lines[line] = slip
    mine = written(tmp_path, lines)
    number = 6 + line
    for lang, said in zip(("en", "zh"), words):
        result = run("--lang", lang, "--data", "bundled", "--data", str(mine), "check")
        assert result.code == 1, result
        mine_lines = [x for x in result.stderr.splitlines() if x.startswith(f"{mine}:")]
        assert mine_lines and mine_lines[0].startswith(f"{mine}:{number}:") and said in mine_lines[0], result.stderr
        assert "found a scalar" not in result.stderr and "这里是文字" not in result.stderr, result.stderr


def test_a_slip_inside_a_flow_mapping_is_named_at_its_column(tmp_path: Path) -> None:
    mine = written(tmp_path, ["      - {metric： rd_investment, value：3.1, unit: 亿元, period: 2020-01/09, source: q3, "
                              "quote: 1-9月研发投入3.1亿元}\n"])
    result = run("--lang", "en", "--data", "bundled", "--data", str(mine), "check")
    named = [x for x in result.stderr.splitlines() if COLON[0] in x]
    assert [x.split(":")[1:3] for x in named] == [["6", "16"], ["6", "38"]], result.stderr
    assert "unknown field" not in result.stderr


def test_every_key_of_a_fact_typed_with_full_width_colons_is_named(tmp_path: Path) -> None:
    mine = written(tmp_path, [line.replace(": ", "： ", 1) for line in FACT])
    result = run("--lang", "en", "--data", "bundled", "--data", str(mine), "check")
    named = [x for x in result.stderr.splitlines() if COLON[0] in x]
    assert [x.split(":")[1] for x in named] == [str(n) for n in range(6, 12)], result.stderr
    assert "found a scalar" not in result.stderr


def test_full_width_marks_inside_a_value_are_the_values_own(tmp_path: Path) -> None:
    lines = list(FACT)
    lines[5] = "        quote: \"研发投入, rd：1-9月\u30003.1亿元\u3000 {x：1}\"\n"
    mine = written(tmp_path, lines + ["        note: 说明：见原文\n"])
    result = run("--lang", "en", "--data", "bundled", "--data", str(mine), "check")
    assert "full-width" not in result.stderr, result.stderr


def test_mending_keeps_a_clean_text_as_it_is() -> None:
    text = HEAD + "".join(FACT)
    assert mended(text, "x.yaml") == (text, [])
    fixed, problems = mended(text.replace("value: ", "value： "), "x.yaml")
    assert fixed == text and [(p.line, p.column) for p in problems] == [(7, 14)]
