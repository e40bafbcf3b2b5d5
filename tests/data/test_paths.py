"""Paths: a relative --data or REPORTER_DATA entry is read where it was given, a suggestion names
layers by absolute paths (or ~), and a layer that cannot be read names the option or variable it
came from."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from reporter.data.paths import absolute, data_options, data_variable
from tests.conftest import run

# SYNTHETIC: an invented bulletin
SOURCE = 'sources:\n  q3: {publication: 江山市统计局, title: 前三季度统计, date: "2020-10"}\n'


def test_suggestions_name_absolute_paths_and_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    (tmp_path / "home").mkdir()
    assert absolute("mine.yaml") == str(tmp_path / "mine.yaml")
    assert absolute(str(tmp_path / "home" / "a" / "b.yaml")) == "~/a/b.yaml"
    assert data_options(["bundled", "mine.yaml", "~/x y.yaml"]) == \
        f"--data bundled --data {tmp_path}/mine.yaml --data ~/'x y.yaml'"
    assert data_variable(["bundled", "mine.yaml", str(tmp_path / "home" / "c.yaml")]) == \
        f"REPORTER_DATA=bundled:{tmp_path}/mine.yaml:~/c.yaml"


def test_a_new_files_header_and_the_hint_name_layers_from_anywhere(tmp_path: Path,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "mine.yaml").write_text(SOURCE, encoding="utf-8")
    result = run("--lang", "en", "--data", "bundled", "--data", "mine.yaml", "add", "江山", "研发投入", "3.1",
                 "--unit", "亿元", "--period", "2020年1-9月", "--quote", "1-9月研发投入3.1亿元", "--source", "q3",
                 "--file", "more.yaml")
    assert result.code == 0, result
    header = (tmp_path / "more.yaml").read_text(encoding="utf-8").splitlines()[:3]
    assert header[1] == f"#   reporter --data bundled --data {tmp_path}/mine.yaml --data {tmp_path}/more.yaml check"
    assert header[2] == f"# Make it the default: export REPORTER_DATA=bundled:{tmp_path}/mine.yaml:{tmp_path}/more.yaml"
    assert f"see it with reporter --data bundled --data {tmp_path}/mine.yaml --data {tmp_path}/more.yaml show" \
        in result.stderr
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)  # the suggested variable works from another directory
    shown = run("get", "江山", "研发投入", "--period", "2020-01/09",
                env={"REPORTER_DATA": header[2].split("REPORTER_DATA=", 1)[1]})
    assert (shown.code, shown.stdout) == (0, "3.1亿元\n"), shown


@pytest.mark.parametrize(("lang", "words"), [
    ("en", "nope.yaml: no such file or directory (the layer nope.yaml of REPORTER_DATA, read in {cwd}; "
           "{cwd}/nope.yaml names it from any directory)"),
    ("zh", "nope.yaml: 文件或目录不存在（环境变量 REPORTER_DATA 中的数据层 nope.yaml，按当前目录 {cwd} 读取；"
           "写成 {cwd}/nope.yaml 则在任何目录都有效）"),
])
def test_a_layer_of_the_variable_that_cannot_be_read_names_the_variable(tmp_path: Path, lang: str, words: str,
                                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    for command in (["regions"], ["check"], ["add", "江山", "研发投入", "1", "--period", "2020", "--quote", "x",
                                             "--file", "mine.yaml"]):
        result = run("--lang", lang, *command, env={"REPORTER_DATA": "bundled:nope.yaml"})
        assert result.code == 1, result
        assert words.format(cwd=os.getcwd()) in result.stderr, (command, result.stderr)
    assert not (tmp_path / "mine.yaml").exists()


def test_a_layer_of_an_option_that_cannot_be_read_names_the_option(tmp_path: Path) -> None:
    missing = tmp_path / "gone.yaml"
    result = run("--lang", "en", "--data", "bundled", "--data", str(missing), "regions")
    assert result.code == 1
    assert f"{missing}: no such file or directory (the layer --data {missing})" in result.stderr, result.stderr
    empty = tmp_path / "empty"
    empty.mkdir()
    result = run("--lang", "en", "--data", str(empty), "regions")
    assert f"(the layer --data {empty})" in result.stderr, result.stderr
