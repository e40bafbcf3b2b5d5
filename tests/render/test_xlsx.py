"""--format xlsx: numbers as numbers with their written digits, periods as text, a frozen header,
CJK-fitted widths, one sheet per view; refused on a terminal without -o; BOM and encoding rules."""

from __future__ import annotations

import io
import json
from decimal import Decimal
from pathlib import Path

import pytest

from reporter.render.terminal import Environment
from reporter.render.views import View
from reporter.render.views.base import Column, Row
from tests.conftest import run

openpyxl = pytest.importorskip("openpyxl")


def _book(raw: bytes):  # type: ignore[no-untyped-def]
    return openpyxl.load_workbook(io.BytesIO(raw))


def test_export_writes_every_fact_with_numbers_as_numbers_and_periods_as_text(tmp_path: Path) -> None:
    out = tmp_path / "facts.xlsx"
    result = run("export", "--format", "xlsx", "-o", str(out))
    assert result.code == 0, result
    sheet = _book(out.read_bytes())["facts"]
    header = [c.value for c in sheet[1]]
    records = json.loads(run("export").stdout)
    assert sheet.max_row == len(records) + 1 and sheet.freeze_panes == "A2"
    col = {k: i for i, k in enumerate(header)}
    for row, record in zip(sheet.iter_rows(min_row=2), records):
        value = row[col["value"]]
        assert isinstance(value.value, int | float) and value.value == pytest.approx(record["value"])
        shown_places = value.number_format.partition(".")[2].count("0")
        written_places = len(record["value_text"].partition(".")[2])
        assert shown_places == written_places  # 2.06 shows 2.06, 1009.0 shows 1009.0
        assert value.number_format.endswith(f'"{record["unit"]}"')  # and its unit: 2.06亿元
        assert row[col["value_base"]].number_format.endswith(f'"{record["unit_base"]}"')
        assert isinstance(row[col["period"]].value, str) and row[col["period"]].value == record["period"]
        assert row[col["value_text"]].data_type == "s"


def test_a_year_stays_text_and_a_formula_stays_text() -> None:
    from reporter.render.xlsx import views_as_xlsx

    view = View("t", "t", [Column("period", "时期"), Column("text", "原文")], ["period", "value", "text"],
                [{"period": "2011", "value": Decimal("1009.0"), "text": "=HYPERLINK(\"x\")"}],
                lambda r: r, lambda r: Row({}))
    sheet = _book(views_as_xlsx([view], Environment()))["t"]
    assert [c.value for c in sheet[2]] == ["2011", 1009, "=HYPERLINK(\"x\")"]
    assert [c.data_type for c in sheet[2]] == ["s", "n", "s"] and sheet["B2"].number_format == "0.0"


def test_widths_count_a_chinese_character_as_two(tmp_path: Path) -> None:
    out = tmp_path / "r.xlsx"
    assert run("regions", "--format", "xlsx", "-o", str(out)).code == 0
    sheet = _book(out.read_bytes())["regions"]
    header = [c.value for c in sheet[1]]
    name = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"[header.index("name")]
    assert sheet.column_dimensions[name].width >= 2 * len("洞头区")  # 洞头区 is six columns wide


def test_one_sheet_per_view_and_the_table_commands_write_xlsx(tmp_path: Path) -> None:
    for args, sheets in ((["show", "江山"], ["facts", "highlights"]), (["compare", "江山", "洞头"], ["compare"]),
                         (["rank", "研发投入"], ["rank"]), (["delta", "江山"], ["delta"])):
        out = tmp_path / f"{args[0]}.xlsx"
        result = run(*args, "--format", "xlsx", "-o", str(out))
        assert result.code == 0, (args, result)
        book = _book(out.read_bytes())
        assert book.sheetnames == sheets
        csv_header = run(*args, "--format", "csv").stdout.splitlines()[0].split(",")
        assert [c.value for c in book[sheets[0]][1]] == csv_header  # the same stable keys as csv


def test_xlsx_to_a_terminal_is_a_usage_error_and_a_pipe_gets_the_bytes(monkeypatch: pytest.MonkeyPatch) -> None:
    piped = run("rank", "研发投入", "--format", "xlsx")
    assert piped.code == 0 and piped.raw.startswith(b"PK")  # a zip: the workbook itself
    monkeypatch.setattr(Environment, "detect", classmethod(lambda cls, *a, **k: Environment(stdout_isatty=True)))
    for args in (["rank", "研发投入", "--format", "xlsx"], ["export", "--format", "xlsx"]):
        result = run(*args)
        assert result.code == 2 and "-o" in result.stderr and result.stdout == ""


def test_a_bom_before_another_encoding_is_refused() -> None:
    result = run("--bom", "--encoding", "gb18030", "export", "--format", "csv")
    assert result.code == 2 and "gb18030" in result.stderr and result.stdout == ""
    assert run("--encoding", "gb18030", "export", "--format", "csv").code == 0
    assert run("--bom", "export", "--format", "csv").raw.startswith(b"\xef\xbb\xbf")


def test_o_file_takes_any_format_and_is_written_atomically(tmp_path: Path) -> None:
    out = tmp_path / "rank.csv"
    out.write_text("old", encoding="utf-8")
    result = run("rank", "研发投入", "--format", "csv", "-o", str(out))
    assert result.code == 0 and result.stdout == "" and "wrote" in result.stderr
    assert out.read_text(encoding="utf-8") == run("rank", "研发投入", "--format", "csv").stdout
    line = tmp_path / "value.txt"
    assert run("get", "江山", "研发投入", "-o", str(line)).stdout == ""
    assert line.read_text(encoding="utf-8") == "2.06亿元\n"
    data = tmp_path / "d.yaml"
    data.write_text((Path(__file__).resolve().parents[2] / "regions.yaml").read_text(encoding="utf-8"),
                    encoding="utf-8")
    before = data.read_bytes()
    refused = run("--data", str(data), "regions", "-o", str(data))
    assert refused.code == 1 and "data file" in refused.stderr and data.read_bytes() == before


def test_a_table_wider_than_a_sheet_is_refused_in_one_line() -> None:
    from reporter.errors import ReporterError
    from reporter.render.xlsx import MAX_COLUMNS, views_as_xlsx

    keys = [f"k{i}" for i in range(MAX_COLUMNS + 1)]
    view = View("compare", "t", [], keys, [dict.fromkeys(keys, "x")], lambda r: r, lambda r: Row({}))
    with pytest.raises(ReporterError) as caught:
        views_as_xlsx([view], Environment())
    assert "16384" in caught.value.text("en") and "csv" in caught.value.text("en")
