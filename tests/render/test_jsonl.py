"""--format jsonl for every data command (streamed), and --fields for json, jsonl, csv and tsv."""

from __future__ import annotations

import csv
import io
import json

import pytest

from tests.conftest import run

COMMANDS = (["export"], ["regions"], ["metrics"], ["show", "江山"], ["get", "江山", "研发投入", "--format", "jsonl"],
            ["compare", "江山", "洞头"], ["rank", "研发投入"], ["delta", "江山"], ["search", "贷款"])


@pytest.mark.parametrize("args", COMMANDS, ids=lambda a: a[0])
def test_jsonl_holds_the_json_records_one_a_line(args: list[str]) -> None:
    lines = run(*args, "--format", "jsonl").stdout.splitlines()
    loaded = json.loads(run(*args, "--format", "json").stdout)
    records = next(iter(loaded.values())) if isinstance(loaded, dict) else loaded
    assert [json.loads(line) for line in lines] == records and lines


def test_an_empty_answer_is_an_empty_document_exit_3() -> None:
    result = run("show", "洞头", "--from", "2021", "--format", "jsonl")
    assert (result.code, result.stdout) == (3, "")


def test_fields_choose_and_order_the_record_fields() -> None:
    lines = run("export", "--format", "jsonl", "--fields", "period,region,value").stdout.splitlines()
    first = json.loads(lines[0])
    assert list(first) == ["period", "region", "value"] and len(lines) == 78
    table = list(csv.reader(io.StringIO(run("--fields", "region,value", "rank", "研发投入", "-f", "csv").stdout)))
    assert table[0] == ["region", "value"] and table[1] == ["jiangshan", "2.06"]
    tsv = run("delta", "江山", "-f", "tsv", "--fields", "metric,pct").stdout.splitlines()
    assert tsv[0] == "metric\tpct"
    nested = json.loads(run("compare", "江山", "洞头", "-f", "json", "--fields", "metric,regions").stdout)
    assert list(nested[0]) == ["metric", "regions"] and "jiangshan" in nested[0]["regions"]


def test_an_unknown_field_is_refused_naming_the_known_ones() -> None:
    result = run("export", "--format", "csv", "--fields", "region,colour")
    assert result.code == 2 and result.stdout == ""
    assert "colour" in result.stderr and "region_name" in result.stderr
    assert run("rank", "研发投入", "--fields", "region", "--format", "table").code == 2
    assert run("compare", "江山", "洞头", "-f", "csv", "--fields", "regions").code == 2  # json's only


def test_compare_json_holds_each_value_once_nested_per_region() -> None:
    (row, *_) = json.loads(run("compare", "江山", "洞头", "--format", "json").stdout)
    assert not [k for k in row if "." in k]
    assert list(row) == ["metric", "label", "label_en", "unit", "unit_base", "regions"]
    header = run("compare", "江山", "洞头", "--format", "csv").stdout.splitlines()[0].split(",")
    assert "jiangshan.value" in header and "regions" not in header  # the flat form is csv's
