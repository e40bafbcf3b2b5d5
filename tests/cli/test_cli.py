"""The command line, end to end in-process: golden output per command and format, exit codes,
stdout and stderr kept apart."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import MINI, assert_golden, run

COMMANDS = {
    "regions": ["regions"],
    "metrics-finance": ["metrics", "--theme", "finance"],
    "show-jiangshan-rd": ["show", "江山", "--theme", "rd"],
    "show-dongtou-sources": ["show", "洞头", "--theme", "evaluation", "--sources"],
    "compare": ["compare", "洞头", "江山", "--metric", "研发投入", "--metric", "hightech_recertified"],
    "rank-recertified": ["rank", "hightech_recertified", "--period", "2020-H1"],
    "rank-rd-2019": ["rank", "industrial_rd_investment", "--period", "2019"],
    "delta-jiangshan": ["delta", "江山"],
    "delta-dongtou": ["delta", "洞头"],
    "delta-all": ["delta", "--all"],
    "search-loan": ["search", "贷款"],
}
FORMATS = ["table", "plain", "tsv", "csv", "json", "markdown"]


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("name", list(COMMANDS))
def test_golden_output(name: str, fmt: str) -> None:
    result = run("--color", "never", *COMMANDS[name], "--format", fmt)
    assert result.code == 0, result
    assert_golden(f"{name}.{fmt}.txt", result.stdout)


@pytest.mark.parametrize("name", ["show-jiangshan-rd", "rank-recertified", "delta-dongtou"])
def test_golden_output_in_english(name: str) -> None:
    result = run("--lang", "en", "--color", "never", *COMMANDS[name], "--format", "table")
    assert result.code == 0, result
    assert_golden(f"{name}.en.table.txt", result.stdout)


def test_color_only_when_asked_and_never_in_plain() -> None:
    colored = run("--color", "always", "delta", "江山", "--format", "table")
    assert "\x1b[" in colored.stdout
    assert "\x1b" not in run("--color", "always", "delta", "江山", "--format", "plain").stdout
    assert "\x1b" not in run("delta", "江山", "--format", "table", env={"NO_COLOR": "1"}).stdout


def test_auto_format_in_a_pipe_is_plain() -> None:
    assert run("regions").stdout == run("regions", "--format", "plain").stdout


def test_global_format_applies_and_the_command_option_wins() -> None:
    assert run("--format", "tsv", "regions").stdout.startswith("region\tname\t")
    assert run("--format", "tsv", "regions", "--format", "csv").stdout.startswith("region,name,")


@pytest.mark.parametrize(("args", "stdout"), [
    (["get", "江山", "研发投入"], "2.06亿元\n"),
    (["get", "jiangshan", "rd_investment", "--value-only"], "2.06\n"),
    (["get", "江山", "技术输出合同金额"], "1009.0万元\n"),
    (["get", "洞头", "R&D经费投入"], "9100多万元\n"),
    (["get", "乐清", "accelerator_equipment"], "近600台套\n"),
    (["get", "洞头", "全省位次"], "第22位\n"),
    (["--lang", "en", "get", "洞头", "全省位次"], "No. 22\n"),
    (["get", "洞头", "industrial_rd_investment", "--period", "2019年"], "9100多万元\n"),
])
def test_get_prints_exactly_one_line(args: list[str], stdout: str) -> None:
    result = run(*args)
    assert (result.code, result.stdout, result.stderr) == (0, stdout, "")


def test_get_several_periods_notes_the_choice_on_stderr(write_yaml: Callable[..., Path]) -> None:
    result = run("--data", str(write_yaml(MINI)), "get", "甲", "rd_investment")
    assert result.stdout == "1.5亿元\n"
    assert "2 periods; showing the latest, 2020" in result.stderr


def test_get_json_is_the_export_record() -> None:
    result = run("get", "江山", "研发投入", "--format", "json")
    (record,) = json.loads(result.stdout)
    assert record["value"] == 2.06 and record["yoy_pct"] == 16 and record["period"] == "2020-01/05"


@pytest.mark.parametrize(("args", "code", "message"), [
    (["get", "江山", "nonsense"], 1, "reporter: unknown metric 'nonsense'"),
    (["get", "东山", "研发投入"], 1, "reporter: unknown region '东山' (did you mean"),
    (["get", "乐清", "accelerator"], 1, "is ambiguous: it matches"),
    (["get", "乐清", "研发投入"], 3, "reporter: Yueqing has no 'rd_investment' fact"),
    (["get", "江山", "研发投入", "--period", "2020-13"], 2, "bad period: month 13"),  # no period: usage
    (["rank", "研发投入", "--period", "2018"], 3, "periods with data: 2020-01/05"),
    (["get", "洞头", "研发投入"], 3, "Dongtou has no 'rd_investment' fact; on R&D investment it has: industrial_rd_investment"),
    (["rank", "研发投入", "--top", "0"], 2, "Invalid value for '--top'"),
    (["regions", "--format", "xml"], 2, "Invalid value for '--format'"),
    (["nonsense"], 2, "No such command 'nonsense'"),
    (["brief"], 2, "name one or more regions, or give --all"),
    (["--data", "/nonexistent/x.yaml", "regions"], 1, "/nonexistent/x.yaml: no such file or directory"),
    (["search", "zzzzzz"], 3, "nothing matches 'zzzzzz'"),
])
def test_errors_are_one_line_with_documented_exit_codes(args: list[str], code: int, message: str) -> None:
    result = run(*args)
    assert result.code == code, result
    assert result.stdout == ""
    assert message in result.stderr
    assert "Traceback" not in result.stderr


def test_invalid_data_names_the_first_problem_and_points_to_check(write_yaml: Callable[..., Path]) -> None:
    path = write_yaml(MINI.replace("value: 100,", "value: x,").replace("kind: flow}", "kind: flows}"))
    result = run("--data", str(path), "regions")
    assert result.code == 1
    lines = result.stderr.splitlines()
    assert lines[0].startswith(f"reporter: {path}:6:")
    assert "and 1 more problem; run 'reporter --data " in lines[1]


def test_check_ok_summary_on_stderr_and_problems_listed(write_yaml: Callable[..., Path]) -> None:
    ok = run("check")
    assert (ok.code, ok.stdout) == (0, "")
    assert "ok, 3 regions, 76 metrics, 78 facts, 25 highlights" in ok.stderr
    path = write_yaml(MINI.replace("value: 100,", "value: x,").replace("kind: flow}", "kind: flows}"))
    bad = run("check", str(path))
    assert bad.code == 1
    assert bad.stderr.splitlines()[:2] == [
        f"{path}:6:76: kind 'flows' should be one of: flow, stock, rate, rank, count, target",
        f"{path}:18:40: value 'x' is not a number: expected a number written in digits, like 2.06 or 1009.0"]
    assert bad.stderr.splitlines()[-1] == f"reporter: {path}: 2 problems"


def test_check_sources_proves_every_quote(tmp_path: Path) -> None:
    from tests.conftest import SOURCE_DIR

    assert SOURCE_DIR.is_dir(), f"SOURCE PAGE NOT FOUND at {SOURCE_DIR}: it ships with the package (reporter/sources)"
    result = run("check", "--sources", str(SOURCE_DIR))
    assert result.code == 0, result
    assert "103 quotes verbatim in their sources" in result.stderr
    missing = run("check", "--sources", str(tmp_path))
    assert missing.code == 1 and "text not found for source page-2020-kjdd" in missing.stderr


def test_every_command_has_help_with_an_example() -> None:
    import click

    from reporter.cli.group import cli

    ctx = click.Context(cli)
    assert cli.list_commands(ctx) == sorted(["regions", "metrics", "show", "get", "compare", "rank", "stats", "delta",
                                             "search", "brief", "export", "check", "add", "edit", "remove", "extract",
                                             "import", "config"])
    for name in cli.list_commands(ctx):
        command = cli.get_command(ctx, name)
        assert command is not None, name
        result = run(name, "--help")
        assert result.code == 0, name
        assert run(name, "-h").stdout == result.stdout, name
        assert "-h, --help  " in result.stdout and "Show this message and exit." in result.stdout, name
        bad = run(name, "--no-such-option")
        assert bad.code == 2 and re.search(f"Try 'reporter {name} (--help|-h)' for help.", bad.stderr), name
        assert command.help and "Example" in command.help, name
        assert command.get_short_help_str(), name
    top = run("--help")
    assert "Exit codes:" in top.stdout and "130" in top.stdout


def test_version() -> None:
    from reporter import __version__

    assert run("--version").stdout == f"reporter, version {__version__}\n"
    assert run("-V").stdout == f"reporter, version {__version__}\n"


def test_data_from_environment_and_directory(tmp_path: Path) -> None:
    head, regions = MINI.split("regions:\n")
    (tmp_path / "catalogue.yaml").write_text(head, encoding="utf-8")
    (tmp_path / "jia.yaml").write_text("regions:\n" + regions, encoding="utf-8")
    result = run("get", "甲", "rd_investment", "--period", "2019", env={"REPORTER_DATA": str(tmp_path)})
    assert result.stdout == "100万元\n"
    override = run("--data", "regions.yaml", "get", "江山", "研发投入", env={"REPORTER_DATA": str(tmp_path)})
    assert override.stdout == "2.06亿元\n"


def test_export_contract() -> None:
    result = run("export")
    records = json.loads(result.stdout)
    assert len(records) == 78
    required = {"region", "region_name", "metric", "label", "label_en", "value", "unit", "period", "qualifier",
                "quote", "source", "yoy_pct", "previous", "rank_change"}
    assert all(required <= set(r) for r in records)
    rd = next(r for r in records if r["region"] == "jiangshan" and r["metric"] == "rd_investment")
    assert rd == {**rd, "region_name": "江山市", "label": "规上企业研发投入", "value": 2.06, "unit": "亿元",
                  "period": "2020-01/05", "qualifier": "exact", "yoy_pct": 16,
                  "quote": "1-5月全市规上企业研发投入2.06亿元，同比增长16%"}
    assert '"value": 1009.0,' in result.stdout  # written precision survives into JSON


def test_export_csv_tsv_yaml_agree() -> None:
    import csv
    import io

    import yaml

    rows = list(csv.DictReader(io.StringIO(run("export", "--format", "csv").stdout)))
    tsv = run("export", "--format", "tsv").stdout.splitlines()
    loaded = yaml.safe_load(run("export", "--format", "yaml").stdout)
    assert len(rows) == len(tsv) - 1 == len(loaded) == 78
    assert rows[0]["value"] == tsv[1].split("\t")[6] == str(loaded[0]["value"])
    negative = next(r for r in rows if r["metric"] == "hightech_output")
    assert negative["yoy_pct"] == "-14.7"  # a negative number stays a number


def test_export_to_a_file_is_atomic_and_keeps_the_mode(tmp_path: Path) -> None:
    target = tmp_path / "facts.csv"
    target.write_text("old", encoding="utf-8")
    target.chmod(0o640)
    result = run("export", "--format", "csv", "-o", str(target))
    assert result.code == 0 and "wrote 78 facts" in result.stderr
    assert target.read_text(encoding="utf-8").startswith("region,region_name,")
    assert target.stat().st_mode & 0o777 == 0o640
    assert [p.name for p in tmp_path.iterdir()] == ["facts.csv"]


def test_brief_needs_regions_or_all_and_accepts_the_global_lang() -> None:
    result = run("--lang", "en", "brief", "江山")
    assert result.code == 0 and result.stdout.startswith("Jiangshan (Quzhou, Zhejiang)")


@pytest.mark.parametrize(("words", "cword", "expected"), [
    ("reporter get 江", "2", {"plain,江山", "plain,江山市"}),
    ("reporter get jiangshan rd_inv", "3", {"plain,rd_investment"}),
    ("reporter sh", "1", {"plain,show"}),
    ("reporter show 江山 --theme fin", "4", {"plain,finance"}),
])
def test_shell_completion_of_commands_regions_metrics_themes(words: str, cword: str, expected: set[str]) -> None:
    import os
    import subprocess
    import sys

    from tests.conftest import REPO

    env = {**os.environ, "_REPORTER_COMPLETE": "bash_complete", "COMP_WORDS": words, "COMP_CWORD": cword,
           "PYTHONPATH": str(REPO)}
    code = "import sys; sys.argv[0] = 'reporter'; from reporter.cli import main; main()"
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True)
    assert expected <= set(out.stdout.split()), out


@pytest.mark.parametrize("fmt", ["table", "markdown", "tsv"])
def test_get_in_table_formats_shows_the_record(fmt: str) -> None:
    result = run("get", "江山", "研发投入", "--format", fmt)
    assert result.code == 0 and "2.06" in result.stdout and "2020" in result.stdout


# --------------------------------------------------------------------------- time series, in every format

SERIES_COMMANDS = [
    ["show", "county-001", "--by", "period", "--last", "3"],
    ["show", "county-002", "--from", "2012", "--to", "2013"],
    ["rank", "metric-01", "--each-period", "--top", "2"],
    ["rank", "metric-01", "--region", "county-002"],
    ["rank", "metric-02", "--by", "period", "--top", "3"],
    ["delta", "county-001", "--latest"],
    ["delta", "--all", "metric-01"],
    ["compare", "county-001", "county-002", "county-003", "--period", "2012"],
]


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory: pytest.TempPathFactory) -> Path:
    import sys

    from tests.conftest import REPO

    sys.path.insert(0, str(REPO))
    from benchmarks.make_synthetic import synthetic_yaml

    path = tmp_path_factory.mktemp("series") / "synthetic.yaml"
    path.write_text(synthetic_yaml(6, 2, 4), encoding="utf-8")  # SYNTHETIC: 48 generated values
    return path


@pytest.mark.parametrize("args", SERIES_COMMANDS, ids=lambda a: "-".join(a[:3]))
def test_time_series_views_carry_the_same_rows_in_every_format(synthetic: Path, args: list[str]) -> None:
    import csv
    import io

    def out(fmt: str) -> str:
        result = run("--data", str(synthetic), *args, "--format", fmt)
        assert result.code == 0, result
        return result.stdout

    from decimal import Decimal

    loaded = json.loads(out("json"), parse_float=Decimal)
    records = next(iter(loaded.values())) if isinstance(loaded, dict) else loaded
    assert records
    plain = out("plain").split("\n\n")[0].splitlines()[1:]  # the first table, one row per line
    markdown = [line for line in out("markdown").split("\n\n###")[0].splitlines() if line.startswith("|")][2:]
    tsv = out("tsv").splitlines()[1:]
    table = list(csv.DictReader(io.StringIO(out("csv"))))
    assert len(plain) == len(markdown) == len(tsv) == len(table) == len(records)
    first = next(iter(records[0]))
    assert [r[first] for r in table] == [str(r[first]) for r in records]
    for record, line in zip(records, plain):  # the same figure, grouped for reading
        cells = [c for nested in ("regions", "periods") for c in record.get(nested, {}).values()]
        value = record["value"] if "value" in record else next(
            c["value"] for c in cells if c["value"] is not None)
        assert format(value, ",") in line, (value, line)
