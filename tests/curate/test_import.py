"""reporter import: a bureau's table (long or wide, Chinese or English headers) as checked facts."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from reporter.curate.cells import read_figure
from reporter.curate.sheets import cell_text, number_text
from reporter.render import terminal
from tests.conftest import REPO, run

openpyxl = pytest.importorskip("openpyxl")

# SYNTHETIC: two made-up counties and two metrics, for tables that are not real figures.
CATALOGUE = """\
sources:
  s1: {publication: SYNTHETIC test data, title: hand-written, date: "2020"}
themes:
  rd: {zh: 研发投入, en: R&D}
metrics:
  rd: {zh: 研发投入, en: R&D investment, unit: 万元, theme: rd, kind: flow}
  firms: {zh: 高新技术企业, en: High-tech enterprises, unit: 家, theme: rd, kind: stock}
  place: {zh: 全省位次, en: Provincial rank, unit: 位, theme: rd, kind: rank, polarity: lower}
regions:
  a: {zh: 甲县, short: 甲, en: Jia, level: county, prefecture: 某市, province: 浙江省, source: s1}
  b: {zh: 乙县, short: 乙, en: Yi, level: county, prefecture: 某市, province: 浙江省, source: s1}
"""


@pytest.fixture
def catalogue(tmp_path: Path) -> Path:
    path = tmp_path / "catalogue.yaml"
    path.write_text(CATALOGUE, encoding="utf-8")
    return path


def _facts(*layers: Path) -> dict[tuple[str, str, str], dict[str, object]]:
    args = [a for layer in layers for a in ("--data", str(layer))]
    result = run(*args, "export", "--format", "json")
    assert result.code == 0, result
    return {(r["region"], r["metric"], r["period"]): r for r in json.loads(result.stdout)}


def _workbook(path: Path, rows: list[list[object]], title: str = "Sheet1") -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = title
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


def test_a_long_table_with_chinese_headers_becomes_quoted_facts(tmp_path: Path, catalogue: Path) -> None:
    table = tmp_path / "long.csv"
    table.write_text("地区,指标,数值,单位,时期,同比\n甲县,研发投入,2000多,万元,2020年1-9月,12.5\n"
                     "乙县,高新技术企业,约31,家,2020年,\n乙县,研发投入,—,万元,2020年1-9月,\n", encoding="utf-8")
    mine = tmp_path / "mine.yaml"
    result = run("--data", str(catalogue), "import", str(table), "--file", str(mine), "--yes")
    assert result.code == 0, result
    facts = _facts(catalogue, mine)
    rd = facts[("a", "rd", "2020-01/09")]
    assert (rd["value"], rd["unit"], rd["qualifier"], rd["yoy_pct"]) == (2000, "万元", "more_than", 12.5)
    assert rd["quote"] == "地区：甲县；指标：研发投入；单位：万元；时期：2020年1-9月；数值：2000多；同比：12.5"
    firms = facts[("b", "firms", "2020")]
    assert (firms["value"], firms["qualifier"]) == (31, "approx")
    assert ("b", "rd", "2020-01/09") not in facts  # "—" is no figure, never a zero
    source = yaml.safe_load(mine.read_text(encoding="utf-8"))["sources"][str(rd["source"])]
    assert source["title"] == "long.csv" and source["date"] == "not stated"
    assert "added 2 fact(s)" in result.stderr
    again = run("--data", str(catalogue), "import", str(table), "--file", str(mine), "--yes")
    assert again.code == 0 and "nothing new" in again.stderr  # idempotent
    assert _facts(catalogue, mine) == facts


def test_a_wide_workbook_of_periods_across_takes_the_metric_from_the_option(tmp_path: Path, catalogue: Path) -> None:
    table = _workbook(tmp_path / "wide.xlsx", [["2020年各县研发投入"], ["地区", "2019年", "2020年1-9月", "同比增长%"],
                                               ["甲县", 1800, "2000多", 11], ["乙县", "-", "约3.1", None],
                                               ["合计", 4000, 5100, None]], title="研发")
    mine = tmp_path / "mine.yaml"
    result = run("--data", str(catalogue), "import", str(table), "--file", str(mine), "--metric", "研发投入", "--yes")
    assert result.code == 0, result
    facts = _facts(catalogue, mine)
    assert sorted(facts) == [("a", "rd", "2019"), ("a", "rd", "2020-01/09"), ("b", "rd", "2020-01/09")]
    assert facts[("a", "rd", "2020-01/09")]["yoy_pct"] == 11  # the change column after its value column
    assert facts[("a", "rd", "2019")]["yoy_pct"] is None
    assert (facts[("b", "rd", "2020-01/09")]["value"], facts[("b", "rd", "2020-01/09")]["qualifier"]) == (3.1, "approx")
    assert facts[("a", "rd", "2019")]["quote"] == "地区：甲县；2019年：1800"
    title = yaml.safe_load(mine.read_text(encoding="utf-8"))["sources"]
    assert [s["title"] for s in title.values()] == ["wide.xlsx · 研发"]


def test_metrics_across_take_their_period_from_the_title_and_units_from_the_headers(
        tmp_path: Path, catalogue: Path) -> None:
    table = _workbook(tmp_path / "m.xlsx", [["2020年上半年各县主要科技指标"], [],
                                            ["县（市、区）", "研发投入（亿元）", "高新技术企业（家）", "序号"],
                                            ["甲", 0.25, "50家以上", 1]])
    mine = tmp_path / "mine.yaml"
    result = run("--data", str(catalogue), "import", str(table), "--file", str(mine), "--yes")
    assert result.code == 0, result
    facts = _facts(catalogue, mine)
    assert (facts[("a", "rd", "2020-H1")]["value"], facts[("a", "rd", "2020-H1")]["unit"]) == (0.25, "亿元")
    assert facts[("a", "firms", "2020-H1")]["qualifier"] == "at_least"  # 以上: at least
    assert facts[("a", "rd", "2020-H1")]["quote"].startswith("2020年上半年各县主要科技指标；")  # the period's words


def test_english_headers_and_columns_named_by_option(tmp_path: Path, catalogue: Path) -> None:
    table = tmp_path / "t.tsv"
    table.write_text("County\tIndicator\tAmount\tperiod\nJia\tR&D investment\t1009.0\t2021\n", encoding="utf-8")
    mine = tmp_path / "mine.yaml"
    refused = run("--data", str(catalogue), "import", str(table), "--file", str(mine), "--yes")
    assert refused.code == 2 and "no value column" in refused.stderr  # County is known, Amount is not
    headless = tmp_path / "h.csv"
    headless.write_text("Place,Amount\nJia,3\n", encoding="utf-8")
    refused = run("--data", str(catalogue), "import", str(headless), "--file", str(mine), "--yes")
    assert refused.code == 2 and "region column" in refused.stderr
    result = run("--data", str(catalogue), "import", str(table), "--file", str(mine), "--yes",
                 "--column", "region=County", "--column", "metric=Indicator", "--column", "value=Amount")
    assert result.code == 0, result
    assert _facts(catalogue, mine)[("a", "rd", "2021")]["value_text"] == "1009.0"
    wrong = run("--data", str(catalogue), "import", str(table), "--file", str(mine), "--column", "colour=County",
                "--yes")
    assert wrong.code == 2 and "FIELD=HEADER" in wrong.stderr


def test_a_bad_cell_is_named_by_sheet_row_and_column_and_skip_bad_imports_the_rest(
        tmp_path: Path, catalogue: Path) -> None:
    table = _workbook(tmp_path / "bad.xlsx", [["地区", "2019年", "2020年"], ["甲县", "很多", 10], ["丙县", 5, 6],
                                              ["乙县", 7, "8万元"]], title="表1")
    mine = tmp_path / "mine.yaml"
    stopped = run("--data", str(catalogue), "import", str(table), "--file", str(mine), "-m", "rd", "--yes")
    assert stopped.code == 1 and not mine.exists()
    assert "表1, row 2, column B (2019年): '很多' is not a number" in stopped.stderr
    assert "表1, row 3, column A (地区)" in stopped.stderr  # a region the data do not know
    skipped = run("--data", str(catalogue), "import", str(table), "--file", str(mine), "-m", "rd", "--yes",
                  "--skip-bad")
    assert skipped.code == 0, skipped
    assert sorted(_facts(catalogue, mine)) == [("a", "rd", "2020"), ("b", "rd", "2019"), ("b", "rd", "2020")]


def test_a_figure_the_data_hold_otherwise_is_a_conflict_not_a_second_fact(tmp_path: Path, catalogue: Path) -> None:
    table = tmp_path / "t.csv"
    table.write_text("地区,2020年\n甲县,100\n", encoding="utf-8")
    mine = tmp_path / "mine.yaml"
    assert run("--data", str(catalogue), "import", str(table), "--file", str(mine), "-m", "rd", "--yes").code == 0
    table.write_text("地区,2020年\n甲县,120\n", encoding="utf-8")
    again = run("--data", str(catalogue), "import", str(table), "--file", str(mine), "-m", "rd", "--yes")
    assert again.code == 1 and "the data hold 100万元" in again.stderr
    assert _facts(catalogue, mine)[("a", "rd", "2020")]["value"] == 100


def test_it_asks_on_a_terminal_only_and_scripts_give_yes(tmp_path: Path, catalogue: Path) -> None:
    table = tmp_path / "t.csv"
    table.write_text("地区,2020年\n甲县,100\n", encoding="utf-8")
    mine = tmp_path / "mine.yaml"
    result = run("--data", str(catalogue), "import", str(table), "--file", str(mine), "-m", "rd")
    assert result.code == 2 and "--yes" in result.stderr and not mine.exists()
    unknown = run("--data", str(catalogue), "import", str(table), "--file", str(mine), "-m", "rd", "--yes",
                  "--source", "s2")
    assert unknown.code == 2 and "s2" in unknown.stderr and not mine.exists()
    given = run("--data", str(catalogue), "import", str(table), "--file", str(mine), "-m", "rd", "--yes", "-s", "s1")
    assert given.code == 0 and _facts(catalogue, mine)[("a", "rd", "2020")]["source"] == "s1"
    assert "sources" not in yaml.safe_load(mine.read_text(encoding="utf-8"))  # no table source needed


def test_nothing_check_would_refuse_is_written(tmp_path: Path, catalogue: Path) -> None:
    table = tmp_path / "t.csv"
    table.write_text("地区,指标,数值,单位,时期\n甲县,研发投入,5,家,2020\n", encoding="utf-8")  # 家 is no money
    mine = tmp_path / "mine.yaml"
    result = run("--data", str(catalogue), "import", str(table), "--file", str(mine), "--yes")
    assert result.code == 1 and not mine.exists()
    assert "row 2" in result.stderr


@pytest.mark.parametrize(("cell", "expected"), [
    ("2000多", ("2000", "more_than", None)), ("约3.1", ("3.1", "approx", None)),
    ("近600台套", ("600", "nearly", "台套")), ("50家以上", ("50", "at_least", "家")),
    ("1,234.5", ("1234.5", "exact", None)), ("第22位", ("22", "exact", "位")), ("－3.2", ("-3.2", "exact", None)),
    ("２０２０", ("2020", "exact", None))])
def test_cells_read_with_their_qualifier(cell: str, expected: tuple[str, str, str | None]) -> None:
    assert tuple(read_figure(cell)) == expected  # type: ignore[arg-type]


@pytest.mark.parametrize("cell", ["", "—", "-", "——", "/", " – "])
def test_dashes_and_empty_cells_are_no_figure(cell: str) -> None:
    assert read_figure(cell) is None


def test_number_cells_read_as_their_format_shows_them() -> None:
    assert number_text(2.06, "0.00") == "2.06" and number_text(1009, "0.0") == "1009.0"
    assert number_text(0.1 + 0.2) == "0.30000000000000004" and number_text(2.06) == "2.06"
    assert number_text(2020) == "2020" and number_text(3.0) == "3"
    assert cell_text(None) == "" and cell_text("  江山 ") == "江山"


def test_every_bundled_fact_round_trips_through_xlsx(tmp_path: Path) -> None:
    """export --format xlsx, then import into a file of the bundled catalogue without its facts."""
    bundled = yaml.safe_load((REPO / "reporter" / "regions.yaml").read_text(encoding="utf-8"))
    for region in bundled["regions"].values():
        region.pop("facts", None)
        region.pop("series", None)
    empty = tmp_path / "catalogue.yaml"
    empty.write_text(yaml.safe_dump(bundled, allow_unicode=True, sort_keys=False), encoding="utf-8")
    workbook = tmp_path / "all.xlsx"
    assert run("export", "--format", "xlsx", "-o", str(workbook)).code == 0
    mine = tmp_path / "mine.yaml"
    result = run("--data", str(empty), "import", str(workbook), "--file", str(mine), "--yes")
    assert result.code == 0, result
    original = _facts(REPO / "reporter" / "regions.yaml")
    assert _facts(empty, mine) == original and len(original) == 78


def test_a_synthetic_wide_table_of_90_counties_and_5_periods(tmp_path: Path) -> None:
    """SYNTHETIC: 90 generated counties (benchmarks/make_synthetic.py), a generated table; the time it
    takes is measured by benchmarks/import_wide.py, not here."""
    from benchmarks.import_wide import synthetic_table

    data, table = synthetic_table(tmp_path, counties=90, periods=5)
    mine = tmp_path / "mine.yaml"
    result = run("--data", str(data), "import", str(table), "--file", str(mine), "--metric", "metric-01", "--yes")
    assert result.code == 0, result
    assert "added 450 fact(s) for 90 region(s)" in result.stderr


def test_on_a_terminal_it_previews_then_asks(tmp_path: Path, catalogue: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from click.testing import CliRunner

    from reporter.cli import main

    monkeypatch.setattr(terminal, "is_terminal", lambda stream: True)  # the input taken for a terminal
    table = tmp_path / "t.csv"
    table.write_text("地区,2020年\n甲县,100\n", encoding="utf-8")
    mine = tmp_path / "mine.yaml"

    def answered(reply: str) -> tuple[int, str]:
        runner = CliRunner()
        with runner.isolation(input=reply, env={"LANG": "C.UTF-8"}) as streams:
            try:
                main(["--data", str(catalogue), "-q", "import", str(table), "--file", str(mine), "-m", "rd"])
                code = 0
            except SystemExit as exc:
                code = int(exc.code or 0)
            return code, streams[1].getvalue().decode() if streams[1] is not None else ""

    code, said = answered("n\n")
    assert code == 0 and not mine.exists()
    assert "1 new fact(s)" in said and "100万元" in said and "Add them to" in said  # the preview, even with -q
    code, said = answered("y\n")
    assert code == 0 and _facts(catalogue, mine)[("a", "rd", "2020")]["value"] == 100
