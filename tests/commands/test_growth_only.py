"""Growth-only facts: a reported change with no level (同比增长5.2%, no 亿元 figure). Stored (a fact
with ``yoy_pct:`` and no ``value:``), added (``--yoy`` alone), shown (a level column says —), worked
on by delta, brief, export and rank (by the change, when the period's facts give no level)."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from reporter.data.load import load_dataset
from reporter.data.paths import bundled_data_path
from reporter.errors import DataError
from tests.conftest import run

# SYNTHETIC: an invented bulletin and figures, for the tests only
SOURCE = 'sources:\n  q3: {publication: 江山市统计局, title: 前三季度统计, date: "2020-10"}\n'
GROWTH = SOURCE + """\
regions:
  jiangshan:
    facts:
      - metric: hightech_value_added
        yoy_pct: 5.2
        period: 2020-01/09
        source: q3
        quote: "1-9月规上高新技术产业增加值同比增长5.2%"
  dongtou:
    facts:
      - metric: hightech_value_added
        yoy_pct: -1.5
        period: 2020年1-9月
        source: q3
        quote: "1-9月规上高新技术产业增加值同比下降1.5%"
"""


@pytest.fixture
def mine(tmp_path: Path) -> Path:
    path = tmp_path / "mine.yaml"
    path.write_text(GROWTH, encoding="utf-8")
    return path


def data(mine: Path) -> tuple[str, ...]:
    return ("--data", "bundled", "--data", str(mine))


def test_a_fact_with_a_change_and_no_value_loads(mine: Path) -> None:
    loaded = load_dataset([bundled_data_path(), str(mine)])
    (fact,) = [f for f in loaded.facts_of("jiangshan", "hightech_value_added") if f.growth_only]
    assert (fact.quantity.written, fact.quantity.level, str(fact.yoy_pct)) == ("", None, "5.2")
    assert fact.quantity.unit == "亿元"  # the metric's: the level it would be in


def test_a_fact_with_neither_value_nor_change_is_refused(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text(GROWTH.replace("        yoy_pct: 5.2\n", ""), encoding="utf-8")
    with pytest.raises(DataError) as refused:
        load_dataset([bundled_data_path(), str(bad)])
    assert any(p.line == 6 and "lacks required field 'value'" in p.text() for p in refused.value.problems)


def test_check_reads_the_change_against_its_quote(tmp_path: Path) -> None:
    wrong = tmp_path / "wrong.yaml"
    wrong.write_text(GROWTH.replace("yoy_pct: 5.2", "yoy_pct: 6.2"), encoding="utf-8")
    result = run("--lang", "zh", *data(wrong), "check")
    assert result.code == 1 and f"{wrong}:6:" in result.stderr and "引文中没有写明增减6.2%" in result.stderr, result


def test_show_says_no_level_and_the_change(mine: Path) -> None:
    shown = run("--lang", "en", *data(mine), "show", "江山", env={"COLUMNS": "200"})
    row = next(line for line in shown.stdout.splitlines() if "value added" in line and "Jan–Sep" in line)
    assert " — " in row and "up 5.2% year on year" in row, shown.stdout
    by_period = run("--lang", "zh", *data(mine), "show", "江山", "--by", "period", "--format", "csv")
    table = list(csv.DictReader(io.StringIO(by_period.stdout)))
    row = next(r for r in table if r["metric"] == "hightech_value_added")
    assert row["2020-01/09.value"] == "" and row["2020-01/05.value"] == "9.07", row


def test_export_writes_an_empty_value_and_the_change(mine: Path) -> None:
    exported = run(*data(mine), "export", "--format", "csv")
    rows = [r for r in csv.DictReader(io.StringIO(exported.stdout)) if r["period"] == "2020-01/09"]
    assert {(r["region"], r["value"], r["yoy_pct"], r["value_base"]) for r in rows} == \
        {("jiangshan", "", "5.2", ""), ("dongtou", "", "-1.5", "")}
    records = json.loads(run(*data(mine), "export", "--format", "json").stdout)
    growth = [r for r in records if r.get("period") == "2020-01/09"]
    assert all(r["value"] is None and r["yoy_pct"] in (5.2, -1.5) for r in growth), growth


def test_delta_gives_the_reported_change_with_no_previous_level(mine: Path) -> None:
    result = run("--lang", "en", *data(mine), "delta", "江山", "hightech_value_added", "--format", "json")
    records = json.loads(result.stdout)
    growth = next(r for r in records if r["period"] == "2020-01/09")
    assert (growth["value"], growth["previous"], growth["pct"], growth["direction"]) == (None, None, 5.2, "up")


def test_rank_ranks_by_the_change_and_says_so(mine: Path) -> None:
    for lang, note in (("en", "ranked by the reported change"), ("zh", "按同比增减排名")):
        result = run("--lang", lang, *data(mine), "rank", "hightech_value_added", "--period", "2020-01/09")
        assert result.code == 0 and note in result.stderr, result
        rows = [line for line in result.stdout.splitlines() if "5.2%" in line or "1.5%" in line]
        assert len(rows) == 2 and "+5.2%" in rows[0] and "−1.5%" in rows[1], result.stdout


def test_brief_says_the_change_without_a_level(mine: Path) -> None:
    zh = run("--lang", "zh", *data(mine), "brief", "江山", "--full").stdout
    assert "2020年1-9月，高新技术产业增加值，同比增长5.2%" in zh, zh
    en = run("--lang", "en", *data(mine), "brief", "洞头", "--full").stdout
    assert "high-tech industry value added (down 1.5% year on year)" in en, en


def test_add_stores_a_change_alone(tmp_path: Path) -> None:
    mine = tmp_path / "mine.yaml"
    mine.write_text(SOURCE, encoding="utf-8")
    result = run("--lang", "zh", "--data", "bundled", "--data", str(mine), "add", "江山", "高新技术产业增加值",
                 "--yoy", "5.2", "--period", "2020年1-9月", "--quote", "1-9月规上高新技术产业增加值同比增长5.2%",
                 "--source", "q3")
    assert result.code == 0, result
    assert "已将江山市“高新技术产业增加值”2020年1-9月 同比增长5.2%添加到" in result.stderr
    assert mine.read_text(encoding="utf-8") == SOURCE + (
        "regions:\n  jiangshan:\n    facts:\n      - metric: hightech_value_added\n        period: 2020-01/09\n"
        "        yoy_pct: 5.2\n        source: q3\n        quote: \"1-9月规上高新技术产业增加值同比增长5.2%\"\n")
    wrong = run("--lang", "en", "--data", "bundled", "--data", str(mine), "add", "洞头", "高新技术产业增加值",
                "--yoy", "3", "--period", "2020年1-9月", "--quote", "1-9月规上高新技术产业增加值同比增长5%",
                "--source", "q3")
    assert wrong.code == 1 and "the quote does not state the change 3%" in wrong.stderr, wrong


@pytest.mark.parametrize("layout", ["small", "large"])
def test_the_cache_keeps_growth_only_facts_and_one_period_per_span(tmp_path: Path, layout: str,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    import os

    from reporter.cache import open_dataset

    monkeypatch.setenv("REPORTER_CACHE_LAYOUT", layout)
    path = tmp_path / "mine.yaml"
    path.write_text(GROWTH.replace("period: 2020-01/09", "period: 2020年1-6月").replace("period: 2020年1-9月",
                                                                                       "period: 2020年1-6月"),
                    encoding="utf-8")
    os.utime(path, (1_600_000_000, 1_600_000_000))  # not edited just now: the cache may answer
    loaded = load_dataset([bundled_data_path(), str(path)])
    opened = open_dataset([bundled_data_path(), str(path)])
    assert opened.build is not None
    opened.build()
    cached = open_dataset([bundled_data_path(), str(path)])
    assert cached.from_cache
    assert cached.data.facts_of(metric="hightech_value_added") == loaded.facts_of(metric="hightech_value_added")
    growth = [f for f in cached.data.facts_of("jiangshan", "hightech_value_added") if f.growth_only]
    assert [(f.period.canonical, f.period.kind, f.quantity.written) for f in growth] == [("2020-H1", "half", "")]


def test_get_answers_with_the_change_and_has_no_number_to_print(mine: Path) -> None:
    asked = ("get", "江山", "hightech_value_added", "--period", "2020-01/09")
    result = run("--lang", "zh", *data(mine), *asked)
    assert (result.code, result.stdout) == (0, "同比增长5.2%\n"), result
    for more in (["--value-only"], ["--unit", "万元"]):
        bare = run("--lang", "en", *data(mine), *asked, *more)
        assert bare.code == 3 and bare.stdout == "" and "only as a change (up 5.2% year on year)" in bare.stderr


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("command", [["show", "江山"], ["show", "洞头", "--by", "period"], ["compare", "江山", "洞头"],
                                     ["rank", "hightech_value_added"], ["rank", "hightech_value_added", "--each-period"],
                                     ["delta", "--all"], ["brief", "--all", "--full"], ["search", "增加值"],
                                     ["get", "洞头", "hightech_value_added"], ["export", "--format", "yaml"]])
def test_every_command_takes_growth_only_facts(mine: Path, lang: str, command: list[str]) -> None:
    result = run("--lang", lang, *data(mine), *command)
    assert result.code in (0, 3) and "Traceback" not in result.stderr + result.stdout, result
