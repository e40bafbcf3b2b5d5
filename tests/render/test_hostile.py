"""Hostile and broken input: nothing crashes, nothing leaks to the terminal, nothing is lost.

Data strings carrying terminal escapes, bidi overrides and rich markup go through every
command in every format; arbitrary text and bytes go into the loader; pipes close early,
Ctrl-C arrives, stdout cannot encode Chinese. See docs/security.md for the guarantees.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reporter.data.load import load_dataset
from reporter.errors import DataError
from reporter.model.dataset import Dataset, MemoryStore
from reporter.model.period_words import parse_period
from reporter.model.records import (
    Fact,
    Highlight,
    Metric,
    Origin,
    Quantity,
    Region,
    Source,
    Theme,
)
from reporter.render.formats import render
from reporter.render.safe import clean, spreadsheet_safe
from reporter.render.terminal import Environment
from reporter.render.views import (
    compare_view,
    delta_view,
    export_view,
    highlights_view,
    metrics_view,
    rank_view,
    regions_view,
    search_view,
    show_view,
)
from tests.conftest import MINI, run

REPO = Path(__file__).resolve().parents[2]
FORBIDDEN = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
SGR = re.compile("\x1b\\[[0-9;]*m")  # the only escapes rich may add, with colour on

EVIL = {
    "esc": "\\e[31mRED\\e[0m",
    "osc": "\\e]8;;http://evil.example\\e\\\\link\\e]8;;\\e\\\\ \\e]0;pwned\\a",
    "c1": "\\x85nel \\x9b31m csi \\x90dcs",
    "bidi": "abc\\u202edcba\\u2066x\\u2069",
    "markup": "[red]red[/red] [/x] [link=file:///etc/passwd]click[/link] :smile: [bold",
    "controls": "a\\x07b\\x08c\\x00d\\x1fe\\x7ff",
}
LEGIT = "江山\u3000市 😀"


def hostile_yaml() -> str:
    evil = " ".join(EVIL.values())
    return f"""\
sources:
  s1: {{publication: "{evil}", title: "{evil}", date: "2020"}}
themes:
  rd: {{zh: "研发{EVIL['markup']}", en: "R&D {EVIL['esc']}"}}
metrics:
  m1: {{zh: "指标{EVIL['esc']}", en: "metric {EVIL['bidi']}", unit: 万元, theme: rd, kind: flow}}
  m2: {{zh: "=HYPERLINK(\\"http://evil\\")", en: "+cmd|' /C calc'!A0", unit: "%", theme: rd, kind: rate}}
regions:
  evil:
    zh: "恶意{EVIL['osc']}"
    short: "恶{EVIL['c1']}"
    en: "Evil {EVIL['controls']}"
    level: county
    prefecture: "{EVIL['markup']}"
    prefecture_en: "{EVIL['bidi']}"
    province: 浙江省
    source: s1
    facts:
      - {{metric: m1, value: 100, period: "2019", note: "{evil}", quote: "{evil} {LEGIT}"}}
      - {{metric: m1, value: 150, period: "2020", yoy_pct: 50, note: "@SUM(A1)", quote: "-2+3"}}
      - {{metric: m2, value: 3.5, period: "2020", yoy_pct: -14.7, quote: "{EVIL['markup']}"}}
    highlights:
      - {{theme: rd, text: "{evil} {LEGIT}", text_en: "{evil}", quote: "{evil}"}}
"""


@pytest.fixture
def evil_data(tmp_path: Path) -> Path:
    path = tmp_path / "evil.yaml"
    path.write_text(hostile_yaml(), encoding="utf-8")
    return path


COMMANDS = [["regions"], ["metrics"], ["show", "evil", "--sources"], ["compare", "evil"], ["rank", "m1"],
            ["delta", "evil"], ["search", "恶"], ["get", "evil", "m1"]]
FORMATS = ["table", "plain", "tsv", "csv", "json", "markdown"]


def test_the_hostile_file_loads(evil_data: Path) -> None:
    data = load_dataset(evil_data)
    assert "\x1b" in data.regions["evil"].zh and "\u202e" in data.metrics["m1"].en  # stored as written


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("args", COMMANDS, ids=lambda a: a[0])
@pytest.mark.parametrize("color", ["never", "always"])
def test_no_control_sequence_from_data_reaches_the_output(evil_data: Path, args: list[str], fmt: str,
                                                           color: str) -> None:
    result = run("--color", color, "--data", str(evil_data), *args, "--format", fmt)
    assert result.code == 0, result
    out = SGR.sub("", result.stdout) if color == "always" and fmt == "table" else result.stdout
    assert not FORBIDDEN.search(out.replace("\n", "").replace("\t", "")), repr(out[:500])
    assert not FORBIDDEN.search(result.stderr.replace("\n", ""))


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_briefs_and_export_stay_clean(evil_data: Path, lang: str) -> None:
    for args in (["brief", "evil", "--lang", lang], ["brief", "--all", "--template", "report.md", "--lang", lang],
                 ["export", "--format", "yaml"], ["export", "--format", "json"]):
        result = run("--data", str(evil_data), *args)
        assert result.code == 0, result
        assert not FORBIDDEN.search(result.stdout.replace("\n", "").replace("\t", "")), args


def test_legitimate_text_and_markup_survive_literally(evil_data: Path) -> None:
    result = run("--data", str(evil_data), "show", "evil", "--sources", "--format", "table")
    # ideographic space and emoji intact (a label may wrap at the ASCII space between them)
    assert all(word in result.stdout for word in LEGIT.split(" "))
    assert "[red]red[/red]" in run("--data", str(evil_data), "search", "恶", "--format", "plain").stdout
    assert ":smile:" in run("--data", str(evil_data), "show", "evil", "--sources", "--format", "table").stdout
    assert "😄" not in result.stdout  # no emoji substitution from data


def test_csv_neutralises_formulas_and_keeps_negative_numbers(evil_data: Path) -> None:
    text = run("--data", str(evil_data), "export", "--format", "csv").stdout
    rows = list(csv.DictReader(io.StringIO(text)))
    labels = {r["label"] for r in rows}
    assert "'=HYPERLINK(\"http://evil\")" in labels
    assert {r["label_en"] for r in rows} >= {"'+cmd|' /C calc'!A0"}
    notes = {r["note"] for r in rows}
    assert "'@SUM(A1)" in notes
    quotes = {r["quote"] for r in rows}
    assert "'-2+3" in quotes
    assert any(r["yoy_pct"] == "-14.7" for r in rows)  # a negative number stays a number
    assert spreadsheet_safe("-3.5") == "-3.5" and spreadsheet_safe("-x") == "'-x"


# --------------------------------------------------------------------------- properties


@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
          deadline=None)
@given(st.text(max_size=400))
def test_arbitrary_text_into_the_loader_raises_only_our_error(tmp_path: Path, text: str) -> None:
    path = tmp_path / "fuzz.yaml"
    path.write_bytes(text.encode("utf-8", "surrogatepass"))
    try:
        load_dataset(path)
    except DataError as exc:
        assert exc.problems and all(str(p).startswith(str(path)) for p in exc.problems)


@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
          deadline=None)
@given(st.binary(max_size=400))
def test_arbitrary_bytes_into_the_loader_raise_only_our_error(tmp_path: Path, raw: bytes) -> None:
    path = tmp_path / "fuzz.yaml"
    path.write_bytes(raw)
    try:
        load_dataset(path)
    except DataError as exc:
        assert exc.problems


@settings(max_examples=60, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
          deadline=None)
@given(st.from_regex(r"(\w| |:|\[|\]|/|=|-)*", fullmatch=True) | st.text(max_size=60))
def test_mutated_real_data_raises_only_our_error(tmp_path: Path, insert: str) -> None:
    text = MINI.replace("甲县", insert, 1).replace("100", insert or "x", 1)
    path = tmp_path / "mutated.yaml"
    path.write_bytes(text.encode("utf-8", "surrogatepass"))
    try:
        load_dataset(path)
    except DataError:
        pass


def _dataset(s: str) -> Dataset:
    origin = Origin("x.yaml", 1, 1)
    p19, p20 = parse_period("2019"), parse_period("2020")
    return Dataset(
        {"s": Source("s", s, s, "2020", s, s)},
        {"t": Theme("t", s, s)},
        {"m": Metric("m", s, s, "万元", "t", aliases=(s,), note=s, kind="flow")},
        {"r": Region("r", s, s, s, "county", s, s, s, (s,), origin, s)},
        MemoryStore([Fact("r", "m", Quantity("1.5", "万元"), p19, "s", s, note=s, origin=origin),
                     Fact("r", "m", Quantity("3", "万元", "more_than"), p20, "s", s, yoy_written="-2", note=s,
                          origin=origin)],
                    [Highlight("r", "t", s, "s", s, s, None, origin)]))


@settings(max_examples=80, deadline=None)
@given(st.text(max_size=40))
def test_arbitrary_strings_through_every_renderer_never_emit_controls(s: str) -> None:
    from reporter.query.compare import compare_regions
    from reporter.query.delta import yoy_deltas
    from reporter.query.rank import rank_regions
    from reporter.query.search import SearchHits

    data = _dataset(s)
    region = data.regions["r"]
    views = [regions_view(data, "zh"), metrics_view(data, "en"), show_view(data, region, "zh", sources=True),
             highlights_view(data, data.highlights, "en", True), export_view(data, "zh"),
             compare_view(data, [region], compare_regions(data, [region]), "zh"),
             rank_view(data, rank_regions(data, data.metrics["m"]), "en"),
             delta_view(data, region, yoy_deltas(data, region), "zh"),
             search_view(data, SearchHits(data.facts, data.highlights), "en")]
    env = Environment(width=60)
    for fmt in FORMATS:
        for view in views:
            out = render([view], fmt, env)
            assert not FORBIDDEN.search(out.replace("\n", "").replace("\t", "")), (fmt, view.name, repr(out))
            for note in view.said_notes():
                assert not FORBIDDEN.search(note)


@given(st.text())
def test_clean_removes_exactly_the_dangerous_characters(s: str) -> None:
    out = clean(s)
    assert not FORBIDDEN.search(out) and "\n" not in out and "\t" not in out
    assert len(out) == len(s)
    assert all(a == b or b in ("\ufffd", " ") for a, b in zip(s, out))
    kept = clean(s, keep_layout=True)
    assert not FORBIDDEN.search(kept.replace("\n", "").replace("\t", ""))


# --------------------------------------------------------------------------- terminals and pipes


def _reporter(*args: str, env: dict[str, str] | None = None, **kwargs: object) -> subprocess.Popen[bytes]:
    full_env = {**os.environ, "PYTHONPATH": str(REPO), **(env or {})}
    return subprocess.Popen([sys.executable, "-m", "reporter", *args], env=full_env,  # type: ignore[call-overload]
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, **kwargs)


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory: pytest.TempPathFactory) -> Path:
    sys.path.insert(0, str(REPO))
    from benchmarks.make_synthetic import synthetic_yaml

    path = tmp_path_factory.mktemp("synthetic") / "synthetic.yaml"
    path.write_text(synthetic_yaml(30, 10, 10), encoding="utf-8")  # 3,000 values
    return path


def test_a_closed_pipe_ends_quietly(synthetic: Path, isolated_cache: Path) -> None:
    proc = _reporter("--data", str(synthetic), "export", "--format", "csv")
    assert len(run("--data", str(synthetic), "export", "--format", "csv").stdout) > 4 * 65536  # > a pipe's buffer
    assert proc.stdout is not None and proc.stderr is not None
    first = proc.stdout.readline()
    proc.stdout.close()
    err = proc.stderr.read()
    assert proc.wait(timeout=60) == 0
    assert first.startswith(b"region,") and err == b""


def test_head_in_a_shell_pipeline(isolated_cache: Path) -> None:
    out = subprocess.run(f"{sys.executable} -m reporter -q show 江山 --sources | head -1; echo \"rc=${{PIPESTATUS[0]}}\"",
                         shell=True, executable="/bin/bash", capture_output=True, text=True,
                         env={**os.environ, "PYTHONPATH": str(REPO)})
    assert out.stderr == "" and out.stdout.endswith("rc=0\n") and out.stdout.count("\n") == 2


def test_ctrl_c_exits_130_without_a_traceback() -> None:
    """Ctrl-C in the middle of reading the data: the data file is a pipe this test writes (as in
    --data <(…)), so it knows (no sleeping, no race) when the run is inside the load: when the
    pipe has been read dry and the run waits for the rest."""
    import fcntl
    import termios

    read_end, write_end = os.pipe()
    try:
        proc = _reporter("--no-cache", "--data", f"/dev/fd/{read_end}", "get", "甲", "rd_investment",
                         pass_fds=(read_end,))
        os.write(write_end, MINI[:200].encode())
        unread = bytearray(4)
        deadline = time.monotonic() + 30
        while True:  # the run has read all there is and waits inside the loader
            fcntl.ioctl(read_end, termios.FIONREAD, unread)
            if int.from_bytes(unread, sys.byteorder) == 0 or time.monotonic() > deadline:
                break
            time.sleep(0.01)
        proc.send_signal(signal.SIGINT)
        out, err = proc.communicate(timeout=60)
    finally:
        os.close(read_end)
        os.close(write_end)
    assert proc.returncode == 130, (out, err)
    assert out == b"" and b"Traceback" not in err and err.strip().endswith(b"reporter: interrupted")


@pytest.mark.parametrize("args", [["show", "江山"], ["get", "江山", "研发投入"], ["brief", "江山"], ["regions"]])
def test_stdout_that_cannot_encode_chinese_gets_one_clear_message(args: list[str]) -> None:
    result = run(*args)  # in-process first, to check the message itself
    proc = _reporter(*args, env={"PYTHONIOENCODING": "ascii"})
    out, err = proc.communicate(timeout=60)
    assert result.code == 0
    assert proc.returncode == 1 and out == b""  # nothing half-written
    assert err.decode().count("\n") == 1 and "cannot show this text" in err.decode()


def test_json_on_an_ascii_stdout_is_escaped_not_refused() -> None:
    proc = _reporter("export", "--format", "json", env={"PYTHONIOENCODING": "ascii"})
    out, err = proc.communicate(timeout=60)
    assert proc.returncode == 0 and err == b""
    records = json.loads(out.decode("ascii"))
    assert records[0]["region_name"] == "洞头区"


def test_gbk_stdout_shows_chinese() -> None:
    proc = _reporter("get", "江山", "研发投入", env={"PYTHONIOENCODING": "gbk"})
    out, err = proc.communicate(timeout=60)
    assert (proc.returncode, out.decode("gbk"), err) == (0, "2.06亿元\n", b"")


def test_term_dumb_narrow_columns_and_colour_switches() -> None:
    from wcwidth import wcswidth

    dumb = run("show", "江山", "--theme", "rd", "--format", "table", env={"TERM": "dumb"})
    assert dumb.code == 0 and "\x1b" not in dumb.stdout and "─" not in dumb.stdout
    narrow = run("show", "江山", "--theme", "rd", "--format", "table", env={"COLUMNS": "40"})
    assert narrow.code == 0 and max(wcswidth(line) for line in narrow.stdout.splitlines()) <= 40
    assert "\x1b[" in run("delta", "江山", "--format", "table", env={"FORCE_COLOR": "1"}).stdout
    assert "\x1b" not in run("delta", "江山", "--format", "table", env={"FORCE_COLOR": "1", "NO_COLOR": "1"}).stdout


# --------------------------------------------------------------------------- files


def test_deep_nesting_is_a_clear_problem(tmp_path: Path) -> None:
    path = tmp_path / "deep.yaml"
    path.write_text("a: " + "[" * 5000 + "]" * 5000 + "\n", encoding="utf-8")
    result = run("check", str(path))
    assert result.code == 1 and "YAML syntax" in result.stderr and "Traceback" not in result.stderr


def test_unreadable_file_is_named(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "locked.yaml"
    path.write_text(MINI, encoding="utf-8")

    def refuse(*args: object, **kwargs: object) -> int:
        raise PermissionError(13, "Permission denied")

    from reporter.data import yaml_file as yamlfile

    monkeypatch.setattr(yamlfile.os, "open", refuse)  # the reader opens with os.open (non-blocking)
    with pytest.raises(DataError, match="cannot read: Permission denied"):
        load_dataset(path)


def test_a_failed_export_write_leaves_the_original_intact(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "facts.json"
    target.write_bytes(b"precious")

    def fail(*args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", fail)
    result = run("export", "-o", str(target))
    assert result.code == 1 and "No space left on device" in result.stderr
    assert target.read_bytes() == b"precious"
    assert [p.name for p in tmp_path.iterdir()] == ["facts.json"]


def test_an_interrupted_export_write_leaves_the_original_intact(tmp_path: Path,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    from reporter.data import files

    target = tmp_path / "facts.json"
    target.write_bytes(b"precious")
    original_fsync = os.fsync

    def interrupt(fd: int) -> None:
        original_fsync(fd)
        raise KeyboardInterrupt

    monkeypatch.setattr(files.os, "fsync", interrupt)
    result = run("export", "-o", str(target))
    assert result.code == 130
    assert target.read_bytes() == b"precious"
    assert [p.name for p in tmp_path.iterdir()] == ["facts.json"]
