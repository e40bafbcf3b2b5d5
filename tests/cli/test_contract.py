"""The contract scripts lean on: exit codes that separate outcomes, valid empty documents, one unit
per metric, --quiet, --no-header, --bom/--encoding, formats refused rather than ignored, one row
order, and docs/output.md listing every key each command really writes."""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import REPO, Result, run

SYNTHETIC_TEXT = REPO / "tests" / "fixtures" / "extract-synthetic-1.txt"
SYNTHETIC_120 = REPO / "tests" / "fixtures" / "synthetic-120.yaml"  # SYNTHETIC: 20 regions in six prefectures

# SYNTHETIC: two made-up counties, one figure in 亿元 and one in 万元 of the same 万元 metric, so
# that a value column mixes scales and only value_base ranks them right; a rank that fell.
UNITS = """\
sources:
  s1: {publication: SYNTHETIC test data, title: hand-written, date: "2020"}
themes:
  rd: {zh: 研发投入, en: R&D}
metrics:
  rd: {zh: 研发投入, en: R&D investment, unit: 万元, theme: rd, kind: flow}
  place: {zh: 全省位次, en: Provincial rank, unit: 位, theme: rd, kind: rank, polarity: lower}
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
      - {metric: rd, value: 1.2, unit: 亿元, period: "2019", quote: 2019年投入1.2亿元}
      - {metric: rd, value: 2.06, unit: 亿元, period: "2020", quote: 2020年投入2.06亿元}
      - {metric: place, value: 30, period: "2019", quote: 全省第30位}
      - {metric: place, value: 40, period: "2020", quote: 全省第40位}
  b:
    zh: 乙县
    short: 乙
    en: Yi
    level: county
    prefecture: 某市
    province: 浙江省
    source: s1
    facts:
      - {metric: rd, value: 9100, period: "2019", quote: 2019年投入9100万元}
      - {metric: rd, value: 1009.0, period: "2020", quote: 2020年投入1009.0万元}
      - {metric: place, value: 5, period: "@2020-H1", quote: 全省第5位}
"""


@pytest.fixture
def units(write_yaml: Callable[..., Path]) -> Path:
    return write_yaml(UNITS)


def records(result: Result) -> list[dict[str, Any]]:
    loaded = json.loads(result.stdout, parse_float=Decimal)
    assert isinstance(loaded, list), loaded
    return loaded


# --------------------------------------------------------------------------- exit codes

NOTHING = [  # a good question, valid data, an empty answer
    (["delta", "乐清"], "has no year-over-year change"),
    (["delta", "乐清", "研发投入"], "has no year-over-year change"),
    (["search", "zzzzzz"], "nothing matches 'zzzzzz'"),
    (["rank", "研发投入", "--period", "2018"], "periods with data: 2020-01/05"),
    (["rank", "研发投入", "--each-period", "--period", "2018"], "2018"),
    (["rank", "研发投入", "--by", "period", "--period", "2018"], "2018"),
    (["rank", "研发投入", "--region", "洞头"], "Dongtou has no"),
    (["rank", "provincial_maker_spaces"], "no 'provincial_maker_spaces' figure has a stated period"),
    (["get", "乐清", "研发投入"], "Yueqing has no 'rd_investment' fact"),
    (["compare", "洞头", "乐清", "--metric", "研发投入", "--period", "2018"], "no facts to compare"),
    (["show", "乐清", "--theme", "rd"], "Yueqing has no facts in theme rd"),
    (["show", "乐清", "--by", "period", "--from", "2030"], "in the periods asked for"),
    (["show", "洞头", "--from", "2021"], "Dongtou has no facts in the periods asked for (--from 2021)"),
]


@pytest.mark.parametrize(("args", "words"), NOTHING, ids=[" ".join(a) for a, _ in NOTHING])
def test_an_empty_answer_exits_3_with_a_valid_empty_document(args: list[str], words: str) -> None:
    plain = run(*args, "--format", "plain")
    assert (plain.code, plain.stdout) == (3, ""), plain
    assert words in plain.stderr and plain.stderr.count("\n") == 1
    as_json = run(*args, "--format", "json")
    assert as_json.code == 3
    loaded = json.loads(as_json.stdout)
    assert loaded in ([], {"facts": [], "highlights": []}, {"periods": [], "highlights": []}), loaded
    for fmt, sep in (("csv", ","), ("tsv", "\t")):
        table = run(*args, "--format", fmt)
        assert table.code == 3 and table.stdout.count("\n") == 1, table  # the header row, nothing else
        header = table.stdout.rstrip("\n").split(sep)
        assert header[0] in ("region", "metric", "position", "period", "type"), header
        assert run(*args, "--format", fmt, "--no-header").stdout == ""
    quiet = run("--quiet", *args)
    assert (quiet.code, quiet.stdout, quiet.stderr) == (3, "", "")


def test_errors_stay_1_and_speak_through_quiet() -> None:
    for args in (["get", "江山", "nonsense"], ["--data", "/nonexistent/x.yaml", "regions"], ["get", "东山", "研发投入"]):
        result = run("-q", *args, "--format", "json")
        assert result.code == 1 and result.stdout == "" and result.stderr.startswith("reporter: "), result
    usage = run("-q", "rank", "研发投入", "--top", "0")
    assert usage.code == 2 and "Invalid value for '--top'" in usage.stderr


def test_the_help_lists_every_exit_code_as_the_errors_module_numbers_them() -> None:
    from reporter.errors import ExitCode

    text = run("--help").stdout
    for name in ("OK", "ERROR", "USAGE", "NOTHING", "WORSE", "INTERRUPTED"):
        assert re.search(rf"^\s+{getattr(ExitCode, name)}\s+\S", text, re.M), name
    documented = (REPO / "docs" / "output.md").read_text(encoding="utf-8")
    assert all(f"| {code} |" in documented for code in (0, 1, 2, 3, 4, 130))


def test_fail_on_worse_prints_what_went_the_wrong_way_and_exits_4(units: Path) -> None:
    every = run("--data", str(units), "delta", "--all", "--format", "json")
    assert every.code == 0
    assert {(r["region"], r["metric"], r["good"]) for r in records(every)} == {
        ("a", "rd", True), ("a", "place", False), ("b", "rd", False)}
    worse = run("--data", str(units), "delta", "--all", "--latest", "--fail-on", "worse", "--format", "json")
    assert worse.code == 4
    assert [(r["region"], r["metric"]) for r in records(worse)] == [("a", "place"), ("b", "rd")]
    assert "2 of 3 changes went the wrong way" in run("--data", str(units), "--lang", "en", "delta", "--all",
                                                     "--fail-on", "worse").stderr
    quiet = run("--data", str(units), "-q", "delta", "--all", "--fail-on", "worse", "--format", "csv")
    assert quiet.code == 4 and quiet.stderr == "" and quiet.stdout.count("\n") == 3
    one = run("--data", str(units), "delta", "--all", "rd", "--fail-on", "worse", "--format", "json")
    assert one.code == 4 and [r["region"] for r in records(one)] == ["b"]
    fine = run("--data", str(units), "delta", "a", "rd", "--fail-on", "worse", "--format", "json")
    assert (fine.code, json.loads(fine.stdout)) == (0, [])  # the check ran and found nothing worse
    assert run("--data", str(units), "-q", "delta", "a", "rd", "--fail-on", "worse").stdout == ""


def test_fail_on_worse_with_no_change_at_all_is_an_empty_answer() -> None:
    result = run("delta", "乐清", "--fail-on", "worse", "--format", "json")
    assert (result.code, result.stdout) == (3, "[]\n")


def test_delta_all_keeps_its_old_form_and_reads_both_ways() -> None:
    old = run("delta", "--all", "研发投入", "--format", "json")
    assert old.code == 0 and [r["region"] for r in records(old)] == ["jiangshan"]
    assert run("delta", "研发投入", "--all", "--format", "json").stdout == old.stdout
    assert run("delta", "--all", "研发投入", "--latest", "--format", "json").stdout == old.stdout
    every = records(run("delta", "--all", "--format", "json"))
    assert [(r["region"], r["metric"]) for r in every] == [
        ("dongtou", "st_progress_rank_province"), ("jiangshan", "rd_investment"),
        ("jiangshan", "hightech_output"), ("jiangshan", "hightech_value_added")]


# --------------------------------------------------------------------------- one unit per metric


def test_value_base_is_the_metrics_unit_exactly_and_value_text_the_written_digits(units: Path) -> None:
    exported = records(run("--data", str(units), "export"))
    rd = {(r["region"], r["period"]): r for r in exported if r["metric"] == "rd"}
    assert (rd[("a", "2020")]["value"], rd[("a", "2020")]["unit"]) == (Decimal("2.06"), "亿元")
    assert (rd[("a", "2020")]["value_base"], rd[("a", "2020")]["unit_base"]) == (20600, "万元")
    assert rd[("b", "2020")]["value_text"] == "1009.0" and rd[("b", "2020")]["value_base"] == Decimal("1009.0")
    # what a script that reads floats (jq) loses, value_text keeps
    assert json.loads(run("--data", str(units), "export").stdout)[5]["value"] == 1009.0
    rows = list(csv.DictReader(io.StringIO(run("--data", str(units), "export", "--format", "csv").stdout)))
    assert [r["value_base"] for r in rows if r["metric"] == "rd"] == ["12000", "20600", "9100", "1009.0"]


def test_rank_compare_and_get_use_one_unit(units: Path) -> None:
    ranked = records(run("--data", str(units), "rank", "rd", "--period", "2020", "--format", "json"))
    assert [(r["region"], r["value"], r["unit"], r["value_base"]) for r in ranked] == [
        ("a", Decimal("2.06"), "亿元", 20600), ("b", Decimal("1009.0"), "万元", Decimal("1009.0"))]
    compared = records(run("--data", str(units), "compare", "甲", "乙", "--metric", "rd", "--format", "json"))
    (row,) = compared
    assert row["regions"]["a"]["value_base"] == 20600 and row["regions"]["b"]["value_base"] == Decimal("1009.0")
    assert row["unit_base"] == "万元" and "a.value_base" not in row  # each value once: nested, not flat too
    table = list(csv.DictReader(io.StringIO(run("--data", str(units), "compare", "甲", "乙", "--metric", "rd",
                                                "--format", "csv").stdout)))
    assert (table[0]["a.value_base"], table[0]["b.value_base"]) == ("20600", "1009.0") and "regions" not in table[0]
    assert run("--data", str(units), "get", "甲", "rd", "--unit", "万元", "--value-only").stdout == "20600\n"
    assert run("--data", str(units), "get", "乙", "rd", "--unit", "亿元").stdout == "0.1009亿元\n"
    # the qualifier's meaning stays: 多 belongs to 9100多万元 as written, a converted figure says "more than"
    assert run("get", "洞头", "R&D经费投入", "--unit", "亿元").stdout == "超过0.91亿元\n"
    assert run("get", "洞头", "R&D经费投入", "--unit", "亿元", "--lang", "en").stdout == "more than 0.91亿元\n"
    wrong = run("--data", str(units), "get", "甲", "rd", "--unit", "家")
    assert wrong.code == 2 and "does not convert" in wrong.stderr
    assert run("get", "江山", "研发投入", "--unit", "万元", "--format", "json").code == 2


def test_delta_carries_previous_and_change_in_the_metrics_unit() -> None:
    (rd, *_) = records(run("delta", "江山", "--format", "json"))
    assert (rd["previous"], rd["change"], rd["unit"]) == (Decimal("1.776"), Decimal("0.284"), "亿元")
    assert (rd["previous_base"], rd["change_base"], rd["unit_base"]) == (17760, 2840, "万元")


def test_the_streamed_export_says_what_each_facts_record_says(bundled: Any) -> None:
    """The fast path (blocks per store item) and the careful one (fact_record) are one contract."""
    from reporter.render.views import EXPORT_KEYS, export_view, fact_record

    streamed = [dict(zip(EXPORT_KEYS, row)) for row in export_view(bundled, "zh").machine_rows()]
    careful = [fact_record(bundled, fact) for fact in bundled.facts]
    assert len(streamed) == len(careful) == 78
    for fast, slow in zip(streamed, careful):
        assert {k: None if v is None else str(v) for k, v in fast.items()} == {
            k: None if slow[k] is None else str(slow[k]) for k in EXPORT_KEYS}


# --------------------------------------------------------------------------- options for scripts


def test_quiet_silences_every_note_and_no_error(write_yaml: Callable[..., Path], tmp_path: Path) -> None:
    from tests.conftest import MINI

    mini = str(write_yaml(MINI))
    noisy = [["--data", mini, "get", "甲", "rd_investment"], ["rank", "hightech_recertified"],
             ["rank", "hightech_recertified", "--by", "period"], ["compare", "洞头", "江山"],
             ["export", "-o", str(tmp_path / "facts.csv"), "--format", "csv"], ["show", "江山", "--format", "csv"],
             ["check"], ["delta", "乐清"], ["brief", "江山"]]
    for args in noisy:
        loud = run(*args)
        assert loud.stderr, args
        for quiet in (run("-q", *args), run("--quiet", *args), run(*args, "--quiet")):
            assert quiet.stderr == "" and quiet.stdout == loud.stdout and quiet.code == loud.code, (args, quiet)
    bad = write_yaml(MINI.replace("value: 100,", "value: x,"), "bad.yaml")
    checked = run("-q", "check", str(bad))
    assert checked.code == 1 and f"{bad}:" in checked.stderr


def test_no_header_for_csv_tsv_and_plain_only() -> None:
    for fmt in ("csv", "tsv", "plain"):
        whole = run("regions", "--format", fmt).stdout.splitlines()
        assert run("regions", "--format", fmt, "--no-header").stdout.splitlines() == whole[1:], fmt
        assert run("--no-header", "regions", "--format", fmt).stdout.splitlines() == whole[1:], fmt
    assert run("regions", "--no-header").stdout == run("regions", "--format", "plain", "--no-header").stdout
    on_a_terminal = run("show", "江山", "--no-header", "--format", "plain", env={"COLUMNS": "60"})
    assert on_a_terminal.stdout.splitlines()[0].startswith("研发投入")  # rows only, one per line
    two = run("show", "洞头", "--format", "plain", "--no-header").stdout
    assert "\n\n" in two and "主题" not in two  # both tables, neither header
    for fmt in ("json", "markdown", "table"):
        refused = run("regions", "--format", fmt, "--no-header")
        assert (refused.code, refused.stdout) == (2, ""), fmt
        assert "--no-header" in refused.stderr
    assert run("export", "--format", "csv", "--no-header").stdout.startswith("dongtou,")


def test_bom_and_gb18030_for_excel_read_back_in_pythons_csv(tmp_path: Path) -> None:
    with_bom = run("export", "--format", "csv", "--bom")
    assert with_bom.raw.startswith(b"\xef\xbb\xbfregion,") and with_bom.raw.count(b"\xef\xbb\xbf") == 1
    plain = run("export", "--format", "csv")
    assert with_bom.raw[3:] == plain.raw
    assert run("--encoding", "utf-8-sig", "export", "--format", "csv").raw == with_bom.raw
    target = tmp_path / "facts.csv"
    assert run("export", "--format", "csv", "--bom", "-o", str(target)).code == 0
    with open(target, encoding="utf-8-sig", newline="") as handle:
        read = list(csv.DictReader(handle))
    exported = json.loads(run("export").stdout)
    assert [r["period"] for r in read] == [r["period"] for r in exported]  # asof/2020-H1 reads back as itself
    assert not any(r["period"].startswith("'") for r in read) and "asof/2020-H1" in {r["period"] for r in read}
    chinese = run("--encoding", "gb18030", "rank", "研发投入", "--format", "csv")
    assert chinese.code == 0 and "江山市".encode("gb18030") in chinese.raw
    assert list(csv.DictReader(io.StringIO(chinese.raw.decode("gb18030"))))[0]["region_name"] == "江山市"
    gbk_file = tmp_path / "gbk.csv"
    run("export", "--format", "tsv", "--encoding", "gb18030", "-o", str(gbk_file))
    assert gbk_file.read_bytes().decode("gb18030") == run("export", "--format", "tsv").stdout
    for args in (["export", "--bom"], ["regions", "--format", "json", "--encoding", "gb18030"]):
        refused = run(*args)
        assert (refused.code, refused.stdout) == (2, "") and "always UTF-8" in refused.stderr, args


def test_a_format_a_command_cannot_write_is_refused() -> None:
    for args, words in ((["--format", "table", "export"], "export writes json, jsonl, csv, tsv, yaml, xlsx, sqlite"),
                        (["-f", "plain", "export"], "export writes json, jsonl, csv, tsv, yaml, xlsx, sqlite"),
                        (["-f", "json", "brief", "江山"], "brief writes plain, html"),
                        (["-f", "csv", "check"], "check writes text, json"),
                        (["-f", "table", "extract", str(SYNTHETIC_TEXT), "-r", "江山"], "extract writes yaml, json")):
        result = run(*args)
        assert (result.code, result.stdout) == (2, ""), args
        assert words in result.stderr, (args, result.stderr)
    assert run("-f", "csv", "export").stdout.startswith("region,")
    assert "json (csv for a spreadsheet" in run("export", "--help").stdout


# --------------------------------------------------------------------------- order and notes


def test_rows_run_oldest_first_everywhere(units: Path) -> None:
    every = records(run("--data", str(units), "delta", "甲", "--format", "json"))
    one = records(run("--data", str(units), "delta", "甲", "rd", "--format", "json"))
    assert [r["period"] for r in every if r["metric"] == "rd"] == [r["period"] for r in one] == ["2020"]
    synthetic = REPO / "tests" / "fixtures" / "synthetic-48.yaml"
    delta = records(run("--data", str(synthetic), "delta", "county-001", "--format", "json"))
    per_metric = records(run("--data", str(synthetic), "delta", "county-001", "metric-01", "--format", "json"))
    assert [r["period"] for r in delta if r["metric"] == "metric-01"] == [r["period"] for r in per_metric]
    assert [r["period"] for r in per_metric] == sorted(r["period"] for r in per_metric)
    shown = json.loads(run("--data", str(synthetic), "show", "county-001", "--format", "json").stdout)["facts"]
    first = [r["period"] for r in shown if r["metric"] == shown[0]["metric"]]
    assert first == sorted(first) and len(first) > 2


def test_rank_by_period_names_the_regions_it_leaves_out() -> None:
    zh = {"LANG": "zh_CN.UTF-8", "LC_ALL": "", "LC_MESSAGES": ""}  # notes are in the reader's language
    result = run("rank", "hightech_recertified", "--by", "period", "--format", "plain", env=zh)
    assert result.code == 0 and "洞头" not in result.stdout
    assert result.stderr == "reporter: 未参与排名（原文未注明时期，不可比）：洞头区\n"
    assert result.stderr == run("rank", "hightech_recertified", env=zh).stderr


# --------------------------------------------------------------------------- the documented keys

OUTPUT_DOC = REPO / "docs" / "output.md"

DOCUMENTED: dict[str, list[tuple[list[str], str | None]]] = {  # heading -> command lines (and which table)
    "`export`, `get`, `show`": [(["export"], None), (["get", "江山", "研发投入"], None), (["show", "江山"], "facts")],
    "`show` (`highlights`)": [(["show", "江山"], "highlights")],
    "`show --by period`": [(["show", "江山", "--by", "period"], "periods")],
    "`regions`": [(["regions"], None)],
    "`metrics`": [(["metrics"], None)],
    "`compare`, `compare --period P`": [(["compare", "洞头", "江山"], None),
                                        (["compare", "江山", "洞头", "--period", "2020-H1"], None)],
    "`rank`, `rank --each-period`": [(["rank", "hightech_recertified"], None),
                                     (["rank", "研发投入", "--each-period"], None)],
    "`rank --region R`": [(["rank", "研发投入", "--region", "江山"], None)],
    "`rank --by period`": [(["rank", "研发投入", "--by", "period"], None)],
    "`delta`, `delta --latest`, `delta --all`": [(["delta", "江山"], None), (["delta", "洞头", "--latest"], None),
                                                 (["delta", "--all"], None), (["delta", "--all", "研发投入"], None)],
    "`search`": [(["search", "贷款"], None)],
    "`config`": [(["config"], None)],
    "`stats`": [(["stats", "研发投入", "--by", "prefecture"], None), (["stats", "hightech_recertified", "--by", "level"], None)],
    "`rank --within prefecture`": [(["rank", "hightech_recertified", "--within", "prefecture"], None)],
    "`compare --all` (many regions)": [(["compare", "--all", "--data", str(SYNTHETIC_120)], None)],
    "`compare --long`": [(["compare", "洞头", "江山", "--long"], None)],
    "`extract --format json`": [(["extract", str(SYNTHETIC_TEXT), "-r", "江山", "--as-of", "2020-10"], None)],
}


def _documented_keys() -> dict[str, tuple[list[str], dict[str, list[str]]]]:
    """heading -> (the keys listed after 'Keys:', {nested key: its keys}) in docs/output.md."""
    section = OUTPUT_DOC.read_text(encoding="utf-8").split("## Keys by command", 1)[1].split("\n## ", 1)[0]
    found = {}
    for part in section.split("\n### ")[1:]:
        heading, _, body = part.partition("\n")
        keys = re.search(r"^Keys: (.*)$", body, re.M)
        assert keys, heading
        nested = {m.group(1): re.findall(r"`([^`]+)`", m.group(2))
                  for m in re.finditer(r"^In `(\w+)`, per [^:]+: (.*)$", body, re.M)}
        found[heading.strip()] = (re.findall(r"`([^`]+)`", keys.group(1)), nested)
        columns = re.search(r"^Columns: (.*)$", body, re.MULTILINE)  # csv's and tsv's, where not JSON's flat keys
        if columns:
            COLUMNS[heading.strip()] = re.findall(r"`([^`]+)`", columns.group(1))
    return found


COLUMNS: dict[str, list[str]] = {}  # heading -> the csv columns docs/output.md lists apart from the keys


def _expanded(keys: list[str], record: dict[str, Any], nested: dict[str, list[str]]) -> list[str]:
    """The documented keys with each run of ``R.``/``P.`` keys spelled out for the record's own regions
    or periods (those its nested object holds), in order."""
    names = next((list(record[k]) for k in nested), [])
    if any(key.startswith("M.") for key in keys):  # regions down: a run of keys per metric, no nested object
        names = list(dict.fromkeys(k.split(".")[0] for k in record if "." in k))
    out: list[str] = []
    run_: list[str] = []
    for key in [*keys, ""]:
        if key[:2] in ("R.", "P.", "M."):
            run_.append(key[2:])
            continue
        out += [f"{name}.{cell}" for name in names for cell in run_]
        run_ = []
        if key:
            out.append(key)
    return out


def test_the_docs_list_every_key_of_every_command_as_it_writes_them() -> None:
    documented = _documented_keys()
    assert set(documented) == set(DOCUMENTED)
    for heading, runs in DOCUMENTED.items():
        keys, nested = documented[heading]
        for args, table in runs:
            result = run(*args, "--format", "json")
            assert result.code == 0, (args, result)
            loaded = json.loads(result.stdout)
            rows = loaded[table] if table else loaded
            assert rows, args
            for record in rows:
                assert list(record) == _expanded(keys, record, nested), (heading, args)
                for name, inner in nested.items():
                    assert all(list(cell) == inner for cell in record[name].values()), (heading, name)
            if args[0] == "extract" or (table and table != next(iter(loaded))):
                continue  # extract writes yaml or json; csv carries a command's first table only
            header = run(*args, "--format", "csv").stdout.splitlines()[0].split(",")
            flat = _expanded(COLUMNS.get(heading, keys), rows[0], nested)
            assert header == [k for k in flat if k not in nested], (heading, args)


def test_every_command_that_writes_json_is_documented() -> None:
    import click

    from reporter.cli.group import cli

    ctx = click.Context(cli)
    writers = {name for name in cli.list_commands(ctx)
               if "json" in getattr(cli.get_command(ctx, name), "format_choices", lambda: ())()}
    writers.discard("check")  # one document, not records: docs/scripting.md, tests/test_check_summary.py
    covered = {args[0] for runs in DOCUMENTED.values() for args, _ in runs}
    assert writers == covered


def test_the_data_format_doc_lists_the_export_keys_in_order() -> None:
    from reporter.render.views import EXPORT_KEYS

    text = (REPO / "docs" / "data-format.md").read_text(encoding="utf-8")
    section = text.split("## Export: the flat contract", 1)[1]
    table = [line for line in section.split("\n\n")[2].splitlines() if line.startswith("| `")]
    listed = [key for line in table for key in re.findall(r"`(\w+)`", line.split("|")[1])]
    assert listed == EXPORT_KEYS


def test_a_bom_is_not_written_into_the_middle_of_a_file(tmp_path: Path) -> None:
    """``>> log.csv``: stdout is a file that holds something already, so no second mark."""
    import os
    import subprocess
    import sys

    log = tmp_path / "log.csv"
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    for extra in ([], ["--no-header"]):
        with open(log, "ab") as handle:
            subprocess.run([sys.executable, "-m", "reporter", "rank", "研发投入", "-f", "csv", "--bom", *extra],
                           stdout=handle, env=env, check=True)
    data = log.read_bytes()
    assert data.startswith(b"\xef\xbb\xbfposition,") and data.count(b"\xef\xbb\xbf") == 1
    assert len(list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))) == 3


# --------------------------------------------------------------------------- what a new user met

ZH = {"LANG": "zh_CN.UTF-8", "LC_ALL": "", "LC_MESSAGES": ""}


@pytest.mark.parametrize("args", [["show", "洞头", "--from", "2021"], ["show", "江山", "--to", "2018"],
                                  ["show", "洞头", "--from", "2021", "--by", "period"],
                                  ["show", "江山", "--theme", "rd", "--from", "2030"]],
                         ids=" ".join)
def test_highlights_alone_do_not_answer_a_window_that_holds_no_fact(args: list[str]) -> None:
    """The region has highlights, but none of its facts is in the periods asked for: nothing found,
    the empty document (no highlights either), and the window named in the note."""
    assert json.loads(run("show", args[1], "--format", "json").stdout)["highlights"]  # it has some
    as_json = run(*args, "--format", "json")
    assert as_json.code == 3 and json.loads(as_json.stdout) in (
        {"facts": [], "highlights": []}, {"periods": [], "highlights": []}), as_json
    window = " ".join(a for a in args[2:] if a not in ("--by", "period", "--theme", "rd"))
    assert f"has no facts{' in theme rd' if 'rd' in args else ''} in the periods asked for ({window})\n" in \
        as_json.stderr and as_json.stderr.count("\n") == 1, as_json.stderr
    as_csv = run(*args, "--format", "csv")
    assert as_csv.code == 3 and as_csv.stdout.count("\n") == 1 and as_csv.stdout.startswith("region,")
    said = run(*args, env=ZH)
    assert (said.code, said.stdout) == (3, "") and f"在所问的时期内（{window}）没有数据" in said.stderr
    assert run("-q", *args).stderr == ""


def test_a_window_that_holds_facts_still_answers_with_them_and_the_highlights() -> None:
    shown = run("show", "江山", "--from", "2020", "--to", "2020-H1", "--format", "json")
    loaded = json.loads(shown.stdout)
    assert shown.code == 0 and loaded["facts"] and loaded["highlights"]
    periods = {r["period"] for r in loaded["facts"]}
    assert "2020-01/05" in periods and not any("2019" in p for p in periods), periods


def test_a_theme_without_metrics_is_nothing_found(write_yaml: Callable[..., Path]) -> None:
    from tests.conftest import MINI

    data = str(write_yaml(MINI.replace("  rd: {zh: 研发投入, en: R&D}\n",
                                       "  rd: {zh: 研发投入, en: R&D}\n  empty: {zh: 空主题, en: Empty}\n")))
    result = run("--data", data, "metrics", "--theme", "empty", "--format", "csv")
    assert (result.code, result.stdout) == (3, "metric,label,label_en,unit,theme,kind,polarity,aliases,regions\n")
    assert result.stderr == "reporter: no metric is in theme empty\n"
    assert run("--data", data, "metrics", "--theme", "rd").code == 0


@pytest.mark.parametrize("args", [["show", "洞头"], ["show", "洞头", "--by", "period"],
                                  ["rank", "研发投入", "--each-period"], ["rank", "研发投入", "--by", "period"],
                                  ["rank", "研发投入", "--region", "江山"]], ids=" ".join)
def test_a_reversed_range_is_refused_naming_both_options(args: list[str]) -> None:
    result = run(*args, "--from", "2021", "--to", "2019", "--format", "json")
    assert (result.code, result.stdout) == (2, ""), result
    assert result.stderr == "reporter: --from 2021 comes after --to 2019: the range is reversed\n"
    assert run(*args, "--from", "2021", "--to", "2019", env=ZH).stderr == \
        "reporter: --from 2021 晚于 --to 2019：时期范围颠倒了\n"
    assert run(*args, "--from", "2019", "--to", "2020-H1").code == 0  # a range that overlaps is fine


MALFORMED = ["2020-13", "2020H1", "2020.1-5", "last week"]
PERIOD_ARGS = [["get", "江山", "研发投入", "--period"], ["rank", "研发投入", "--period"],
               ["compare", "洞头", "江山", "--period"], ["show", "江山", "--from"], ["show", "江山", "--to"],
               ["rank", "研发投入", "--each-period", "--to"], ["brief", "江山", "--since"]]


@pytest.mark.parametrize("args", PERIOD_ARGS, ids=" ".join)
def test_text_that_is_no_period_is_a_usage_error_and_a_period_the_data_lack_is_nothing_found(
        args: list[str]) -> None:
    from reporter.model.period_words import parse_period
    from reporter.model.periods import PeriodError

    for text in MALFORMED:
        with pytest.raises(PeriodError) as refused:
            parse_period(text)
        result = run(*args, text)
        assert (result.code, result.stdout) == (2, ""), (text, result)
        # the words are the parser's, unchanged: only the exit code says "usage"
        assert result.stderr == f"reporter: bad period: {refused.value.message}\n", result.stderr
    if args[0] != "show":  # a window outside the data (show --from 2030) is covered above
        missing = run(*args, "2018", "--format", "json") if args[0] != "brief" else run(*args, "2030")
        assert missing.code == 3, missing


def test_a_usage_error_is_said_before_a_name_is_looked_up() -> None:
    """What the command line alone shows to be wrong is 2 whatever names it holds."""
    for args in (["get", "东山", "研发投入", "--period", "2020-13"], ["rank", "nosuch", "--period", "2020H1"],
                 ["show", "东山", "--from", "2021", "--to", "2019"], ["compare", "东山", "--period", "x"],
                 ["brief", "东山", "--since", "x"]):
        assert run(*args).code == 2, args


def test_full_width_periods_and_names_read_as_their_plain_forms() -> None:
    assert run("get", "江山", "研发投入", "--period", "２０２０－０１／０５").stdout == "2.06亿元\n"
    assert run("get", "江山", "研发投入", "--period", "２０２０年１－５月").stdout == "2.06亿元\n"


def test_an_empty_search_text_or_name_is_a_usage_error() -> None:
    for args in (["search", ""], ["search", "  "], ["show", ""], ["get", "江山", " "]):
        result = run(*args)
        assert (result.code, result.stdout) == (2, ""), (args, result)
        assert result.stderr.count("\n") == 1 and result.stderr.startswith("reporter: "), result
    assert "empty search text" in run("search", "").stderr


def test_a_file_to_read_that_is_not_there_is_1_as_a_directory_is(tmp_path: Path) -> None:
    """extract FILE as --data and check PATH: missing, a directory, or unreadable (an error, not usage)."""
    missing = tmp_path / "nofile.txt"
    for args, path in ((["extract", str(missing), "-r", "江山"], missing),
                       (["extract", str(tmp_path), "-r", "江山"], tmp_path),
                       (["--data", str(missing), "regions"], missing), (["check", str(missing)], missing)):
        result = run(*args)
        assert (result.code, result.stdout) == (1, ""), (args, result)
        assert result.stderr.startswith((f"reporter: {path}:", f"{path}:")), result
    assert "is a directory, expected a file" in run("extract", str(tmp_path), "-r", "江山").stderr
    documented = OUTPUT_DOC.read_text(encoding="utf-8")
    assert "a file to read that is missing, unreadable or a directory (`--data`, `check PATH`, `extract FILE`" \
        in documented


def test_q_is_quiet_in_add_too_and_the_qualifier_keeps_its_long_name(tmp_path: Path) -> None:
    source = 'sources:\n  q3: {publication: SYNTHETIC bulletin, title: 前三季度, date: "2020-10"}\n'
    args = ["add", "江山", "研发投入", "3.1", "--unit", "亿元", "--period", "2020年1-9月", "--qualifier", "约",
            "--quote", "1-9月全市规上企业研发投入约3.1亿元", "--source", "q3"]
    loud, quiet = tmp_path / "loud.yaml", tmp_path / "quiet.yaml"
    for path in (loud, quiet):
        path.write_text(source, encoding="utf-8")
    said = run(*args, "--file", str(loud))
    assert said.code == 0 and "added rd_investment" in said.stderr, said
    silent = run(*args, "--file", str(quiet), "-q")
    assert (silent.code, silent.stdout, silent.stderr) == (0, "", ""), silent
    assert quiet.read_text(encoding="utf-8") == loud.read_text(encoding="utf-8")
    assert "qualifier: approx" in quiet.read_text(encoding="utf-8")
    helped = run("add", "--help").stdout
    assert "-q, --quiet" in helped and re.search(r"^\s+--qualifier Q\s", helped, re.M), helped
    assert "requires an argument" not in run("add", "-q").stderr


@pytest.mark.parametrize(("args", "number", "en", "zh"), [
    (["乐清", "培养本土"], "1000", "目标1000人: a target of 1000, not a result", "目标1000人：目标值1000，并非实际完成数"),
    (["江山", "兑现科技政策资金"], "2000", "2000多万元: more than 2000", "2000多万元：多于2000"),
    (["江山", "兑现科技政策资金", "--unit", "亿元"], "0.2", "2000多万元: more than 0.2亿元", "2000多万元：多于0.2亿元"),
])
def test_value_only_keeps_the_number_alone_and_says_what_the_qualifier_meant(args: list[str], number: str,
                                                                            en: str, zh: str) -> None:
    english = run("--lang", "en", "get", *args, "--value-only")
    assert (english.code, english.stdout) == (0, f"{number}\n")
    assert english.stderr == f"reporter: {en} (--value-only prints the number alone)\n"
    chinese = run("get", *args, "--value-only", env=ZH)
    assert (chinese.stdout, chinese.stderr) == (f"{number}\n", f"reporter: {zh}（--value-only 只输出数字本身）\n")
    quiet = run("get", *args, "--value-only", "-q")
    assert (quiet.stdout, quiet.stderr) == (f"{number}\n", "")
    assert run("get", *args).stderr == ""  # the whole line says the qualifier itself
    assert run("get", "江山", "研发投入", "--value-only").stderr == ""  # an exact figure needs no note


def test_global_options_are_accepted_after_the_command(tmp_path: Path) -> None:
    import click

    from reporter.cli.group import cli

    assert run("show", "江山", "--lang", "en").stdout == run("--lang", "en", "show", "江山").stdout
    assert "R&D investment" in run("show", "江山", "--lang", "en").stdout
    assert run("get", "江山", "nosuch", "--lang", "zh").stderr.startswith("reporter: 未知的指标“nosuch”")
    assert run("show", "江山", "--by", "year", "--lang", "zh").stderr.splitlines()[-1].startswith("错误：")
    assert run("--lang", "zh", "get", "江山", "nosuch", "--lang", "en").stderr.startswith(
        "reporter: unknown metric")  # the later one wins, as for any option
    after = run("get", "甲", "rd_investment", "--data", str(REPO / "tests" / "fixtures" / "synthetic-48.yaml"))
    assert after.code == 1 and "unknown region '甲'" in after.stderr  # --data after the command is read
    assert run("get", "county-001", "metric-01", "--data", str(REPO / "tests" / "fixtures" / "synthetic-48.yaml"),
               "--no-cache", "--no-pager", "--color", "never").code == 0
    ctx = click.Context(cli)
    for name in cli.list_commands(ctx):
        helped = run(name, "--help").stdout
        for option in ("--quiet", "--lang", "--data", "--color", "--no-pager", "--no-cache"):
            assert re.search(rf"^\s+(-\w, )?{option}\b", helped, re.M), (name, option)
    listed = OUTPUT_DOC.read_text(encoding="utf-8").split("## Options for scripts", 1)[1].split("\n## ", 1)[0]
    assert all(f"`{option}" in listed for option in ("--lang", "--data", "--color", "--no-pager", "--no-cache"))


def test_a_full_width_name_is_found_and_a_suggestion_names_each_candidate_once() -> None:
    assert run("show", "ＪＩＡＮＧＳＨＡＮ").stdout == run("show", "jiangshan").stdout != ""
    assert run("get", "江山", "ｒｄ＿ｉｎｖｅｓｔｍｅｎｔ").stdout == "2.06亿元\n"
    assert run("show", "江山", "--theme", "ｒｄ").stdout == run("show", "江山", "--theme", "rd").stdout
    assert run("show", "江山市x", env=ZH).stderr == "reporter: 未知的地区“江山市x”（是否指 江山市？）\n"
    # a name typed in Chinese is answered with Chinese names, whatever the language of the message
    assert run("--lang", "en", "show", "江山市x").stderr == "reporter: unknown region '江山市x' (did you mean 江山市?)\n"
    assert run("--lang", "en", "show", "jiangshanx").stderr == "reporter: unknown region 'jiangshanx' (did you mean Jiangshan?)\n"
    by = run("show", "江山", "--by", "year")
    assert by.code == 2 and "'year' is not a value --by takes; it takes: 'period'." in by.stderr
    assert "--fail-on bettor: expected worse, better, any" in run(
        "delta", "--all", "--fail-on", "bettor", "--lang", "en").stderr
    zh = run("rank", "研发投入", "--by", "year", env=ZH).stderr
    assert "'year' 不是 --by 可取的值；可取：'period'。" in zh, zh
