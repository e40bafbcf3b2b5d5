"""What add's --file, extract's --append and export's -o may write to, and what a failed write leaves.

Each test stands for a promise in docs/security.md. Runs that could hang or eat memory before the
fix run the real command in a subprocess, with a timeout and an address-space limit
(``reporter_bounded``). All data are SYNTHETIC.
"""

from __future__ import annotations

import os
import resource
import shlex
import stat
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

import pytest

from tests.cli.test_faults import MIB, one_clean_line, reporter_bounded
from tests.conftest import MINI, run

REPO = Path(__file__).resolve().parents[2]
SOURCE = "page-2020-kjdd"
ADD = ["add", "江山", "研发投入", "3.5", "--unit", "亿元", "--period", "2001", "--source", SOURCE,
       "--quote", "2001年研发投入3.5亿元"]


@pytest.fixture
def text(tmp_path: Path) -> Path:
    path = tmp_path / "t.txt"
    path.write_text("2015年，江山市高新技术产业增加值48.3亿元，同比增长9.1%。\n", encoding="utf-8")
    return path


def _special(name: str, tmp_path: Path) -> str:
    if name == "fifo":
        os.mkfifo(tmp_path / "p.yaml")
        return str(tmp_path / "p.yaml")
    if name == "huge":
        huge = tmp_path / "huge.yaml"
        with open(huge, "wb") as handle:
            handle.truncate(65 * MIB)  # sparse: over the 64 MiB bound without filling a disk
        return str(huge)
    return name


@pytest.mark.parametrize("target", ["fifo", "/dev/zero", "/dev/urandom", "/dev/stdout", "huge"])
@pytest.mark.parametrize("command", ["add", "extract"])
def test_special_and_huge_targets_are_refused_at_once(tmp_path: Path, text: Path, target: str,
                                                      command: str) -> None:
    where = _special(target, tmp_path)
    args = [*ADD, "--file", where] if command == "add" else \
        ["extract", str(text), "--region", "江山", "--source", SOURCE, "--yes", "--append", where]
    done = reporter_bounded("--lang", "en", "--no-cache", *args, memory=600 * MIB, timeout=30, stdin=b"")
    assert done.code == 1 and "Traceback" not in done.stderr, done
    said = done.stderr.splitlines()[-1]
    assert where in said and any(w in said for w in ("named pipe", "character device", "open stream", "limit is")), done
    assert done.stdout == b""
    if target == "fifo":
        assert stat.S_ISFIFO(os.lstat(where).st_mode)
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(["t.txt", *([Path(where).name]
                                                                           if target in ("fifo", "huge") else [])])


def test_export_into_a_named_pipe_nobody_reads_is_refused_not_waited_on(tmp_path: Path) -> None:
    fifo = tmp_path / "out.pipe"
    os.mkfifo(fifo)
    done = reporter_bounded("--lang", "en", "--data", "bundled", "export", "-o", str(fifo), timeout=30)
    assert done.code == 1 and one_clean_line(done.stderr) and "no program opened the named pipe" in done.stderr, done
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)


def test_the_new_text_is_checked_in_memory_not_in_the_temp_dir(tmp_path: Path) -> None:
    """A temporary directory that does not exist (or is full) does not stop add: the copy that is
    checked before writing never goes there."""
    mine = tmp_path / "mine.yaml"
    env = {**os.environ, "PYTHONPATH": str(REPO), "TMPDIR": str(tmp_path / "no-such-dir")}
    out = subprocess.run([sys.executable, "-m", "reporter", "--no-cache", *ADD, "--file", str(mine)],
                         capture_output=True, env=env, timeout=60, check=False)
    assert out.returncode == 0, out.stderr
    assert "2001年研发投入3.5亿元" in mine.read_text(encoding="utf-8")


def test_edit_and_remove_check_their_new_text_in_memory_too(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    mine = tmp_path / "mine.yaml"
    assert run(*ADD, "--file", str(mine)).code == 0

    def beside_the_file_only(make: Any) -> Any:  # the temp file beside the user's file is how it is replaced
        def made(*args: Any, **kwargs: Any) -> Any:
            assert kwargs.get("dir"), "a copy of the user's data went to the temporary directory"
            return make(*args, **kwargs)
        return made

    for name in ("TemporaryDirectory", "mkdtemp", "mkstemp", "NamedTemporaryFile"):
        monkeypatch.setattr(tempfile, name, beside_the_file_only(getattr(tempfile, name)))
    stack = ["--no-cache", "--data", "bundled", "--data", str(mine)]
    edited = run(*stack, "edit", "江山", "研发投入", "--period", "2001", "--value", "3.6",
                 "--quote", "2001年研发投入3.6亿元")
    assert edited.code == 0, edited.stderr
    assert "2001年研发投入3.6亿元" in mine.read_text(encoding="utf-8")
    removed = run(*stack, "remove", "江山", "研发投入", "--period", "2001")
    assert removed.code == 0, removed.stderr
    assert "2001年研发投入" not in mine.read_text(encoding="utf-8")


def _limited(limit: int) -> None:
    resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))


@pytest.mark.parametrize("command", ["add", "export"])
def test_a_size_limited_write_is_one_clean_error_and_the_file_stays(tmp_path: Path, command: str) -> None:
    """``ulimit -f``: the copy checked before writing, or the temp file beside the target, cannot be
    written whole; one line names the file, which keeps its bytes, and nothing is left beside it."""
    mine = tmp_path / "mine.yaml"
    assert run(*ADD, "--file", str(mine)).code == 0
    before = mine.read_bytes()
    more = ["add", "江山", "研发投入", "4.5", "--unit", "亿元", "--period", "2002", "--source", SOURCE,
            "--quote", "2002年研发投入4.5亿元", "--file", str(mine)]
    args = more if command == "add" else ["--data", "bundled", "export", "-o", str(mine)]
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    out = subprocess.run([sys.executable, "-m", "reporter", "--lang", "en", "--no-cache", *args],
                         capture_output=True, env=env, timeout=60, check=False,
                         preexec_fn=lambda: _limited(len(before) + 10))
    err = out.stderr.decode()
    assert out.returncode == 1 and one_clean_line(err), err
    assert str(mine) in err and "File too large" in err and "as it was" in err
    assert mine.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["mine.yaml"]


def test_the_header_of_a_new_file_gives_commands_a_shell_runs(tmp_path: Path) -> None:
    """A path with a space (and a quote) stays one word in the commands the header suggests."""
    folder = tmp_path / "my data 'q'"
    folder.mkdir()
    mine = folder / "mine.yaml"
    assert run(*ADD, "--file", str(mine)).code == 0
    line = next(x for x in mine.read_text(encoding="utf-8").splitlines() if x.startswith("#   reporter "))
    words = shlex.split(line.removeprefix("#   "))
    assert words[-1] == "check" and words[words.index(str(mine)) - 1] == "--data"
    export = next(x for x in mine.read_text(encoding="utf-8").splitlines() if "export REPORTER_DATA=" in x)
    assert shlex.split(export.split("export ", 1)[1]) == [f"REPORTER_DATA=bundled:{mine}"]
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    out = subprocess.run([sys.executable, "-m", "reporter", "--no-cache", *words[1:]], capture_output=True,
                         env=env, timeout=60, check=False)
    assert out.returncode == 0, out.stderr


@pytest.mark.parametrize("ident", ["null", "yes", "no", "on", "1e3", "010", "2020-01-01", "true"])
@pytest.mark.parametrize("kind", ["source", "region"])
def test_an_id_yaml_reads_otherwise_is_quoted_when_written(tmp_path: Path, ident: str, kind: str) -> None:
    import yaml

    mine = tmp_path / "mine.yaml"
    result = run("add", f"--new-{kind}", ident, "--file", str(mine))
    assert result.code == 0, result
    written = mine.read_text(encoding="utf-8")
    assert f'"{ident}":' in written
    section = yaml.safe_load(written)[f"{kind}s"]  # any YAML 1.1 reader: the key is the id's text
    assert list(section) == [ident]


def test_a_plain_id_stays_plain(tmp_path: Path) -> None:
    mine = tmp_path / "mine.yaml"
    assert run("add", "--new-source", "jiangshan-2021", "--file", str(mine)).code == 0
    assert "\n  jiangshan-2021:\n" in mine.read_text(encoding="utf-8")


def test_tsv_cells_get_the_formula_guard_numbers_stay_numbers(tmp_path: Path) -> None:
    evil = MINI.replace("unit: 万元, theme: rd, kind: flow}",
                        "unit: 万元, theme: rd, kind: flow, aliases: [\"=cmd|' /C calc'!A0\", \"x\"]}")
    evil = evil.replace("en: R&D investment", "en: \"@SUM(1+1)\"").replace(
        "quote: 2019年投入100万元}", "yoy_pct: -5.5, quote: 2019年投入100万元，下降5.5%}")
    path = tmp_path / "evil.yaml"
    path.write_text(evil, encoding="utf-8")
    metrics = run("--data", str(path), "metrics", "--format", "tsv")
    assert metrics.code == 0, metrics
    rows = [line.split("\t") for line in metrics.stdout.splitlines()]
    assert rows[1][rows[0].index("aliases")] == "'=cmd|' /C calc'!A0,x"
    export = run("--data", str(path), "export", "--format", "tsv")
    assert export.code == 0, export
    rows = [line.split("\t") for line in export.stdout.splitlines()]
    cells = {cell for row in rows[1:] for cell in row}
    assert "'@SUM(1+1)" in cells and "@SUM(1+1)" not in cells
    assert "-5.5" in cells  # a negative number is still a number


def test_an_argument_that_is_not_utf8_is_a_usage_error() -> None:
    env = {**os.environ, "PYTHONPATH": str(REPO), "LC_ALL": "C.UTF-8"}
    out = subprocess.run([sys.executable.encode(), b"-m", b"reporter", b"--lang", b"en", b"search", b"\xc3("],
                         capture_output=True, env=env, timeout=60, check=False)
    err = out.stderr.decode()
    assert out.returncode == 2 and one_clean_line(err), err
    assert "not valid UTF-8 (byte 0xc3)" in err and "\\xc3(" in err and out.stdout == b""
    zh = run("--lang", "zh", "search", "\udcc3(")
    assert zh.code == 2 and "不是有效的 UTF-8" in zh.stderr, zh


def test_without_memory_files_a_missing_temp_dir_is_one_clean_error(tmp_path: Path,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    """Where the system has no anonymous memory files, the copy goes to a private temporary
    directory: one that cannot be made is one line naming the file, which stays as it was."""
    import tempfile

    mine = tmp_path / "mine.yaml"
    assert run(*ADD, "--file", str(mine)).code == 0
    before = mine.read_bytes()
    monkeypatch.delattr(os, "memfd_create")
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path / "no-such-dir"))
    more = ["add", "江山", "研发投入", "4.5", "--unit", "亿元", "--period", "2002", "--source", SOURCE,
            "--quote", "2002年研发投入4.5亿元", "--file", str(mine)]
    result = run("--lang", "en", *more)
    assert result.code == 1 and one_clean_line(result.stderr), result
    assert "cannot make the copy to check before writing" in result.stderr and str(mine) in result.stderr
    assert mine.read_bytes() == before and sorted(p.name for p in tmp_path.iterdir()) == ["mine.yaml"]
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    assert run(*more).code == 0 and "2002年研发投入4.5亿元" in mine.read_text(encoding="utf-8")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["mine.yaml"]  # the private directory removed


@pytest.mark.parametrize("ident", ["~", "Null", "YES", "-1", ".inf"])
def test_an_id_that_is_no_id_is_refused_when_given(tmp_path: Path, ident: str) -> None:
    mine = tmp_path / "mine.yaml"
    result = run("--lang", "en", "add", "--new-source", ident, "--file", str(mine))
    assert result.code == 2 and "should be lower-case letters, digits" in result.stderr, result
    assert not mine.exists()
