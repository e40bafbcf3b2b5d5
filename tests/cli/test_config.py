"""Config files: user and project TOML under the command line and the environment; reporter config."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from reporter.cli.config import load_settings, project_file
from tests.conftest import REPO, run


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A project folder (a git repository's top) to run in, with an empty user config folder."""
    folder = tmp_path / "project"
    (folder / ".git").mkdir(parents=True)
    monkeypatch.chdir(folder)
    yield folder


def _user(tmp_path: Path, text: str) -> Path:
    path = Path(os.environ["XDG_CONFIG_HOME"]) / "reporter" / "config.toml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def _settings(*args: str) -> dict[str, tuple[str, str]]:
    """reporter config's answer (in json or jsonl, as the format in effect says; json if none does)."""
    result = run("config", "--lang", "en", *args)
    assert result.code == 0, result
    text = result.stdout
    records = json.loads(text) if text.startswith("[") else [json.loads(line) for line in text.splitlines()]
    return {r["setting"]: (r["value"], r["origin"]) for r in records}


def test_option_beats_environment_beats_project_beats_user_beats_default(
        project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert _settings("-f", "json")["bom"] == ("false", "default")
    user = _user(tmp_path, 'format = "json"\nlang = "en"\ncolor = "never"\nbom = true\n')
    settings = _settings()
    assert settings["format"] == ("json", str(user)) and settings["bom"] == ("true", str(user))
    (project / "reporter.toml").write_text('format = "jsonl"\n', encoding="utf-8")
    settings = _settings()
    assert settings["format"] == ("jsonl", str(project / "reporter.toml")) and settings["lang"] == ("en", "command line")
    assert json.loads(run("config").stdout.splitlines()[1]) == {"setting": "lang", "value": "en", "origin": str(user)}
    assert _settings("--format", "json")["format"] == ("json", "command line")  # the option wins
    assert _settings()["color"] == ("never", str(user))
    monkeypatch.setenv("NO_COLOR", "1")
    assert _settings()["color"] == ("auto", "environment (NO_COLOR)")
    assert json.loads(run("regions").stdout.splitlines()[0])["region"] == "dongtou"  # jsonl from the project file


def test_a_setting_a_command_does_not_take_is_ignored_for_it(project: Path) -> None:
    (project / "reporter.toml").write_text('format = "csv"\nbom = true\nencoding = "gb18030"\n', encoding="utf-8")
    assert run("check").code == 0  # check has no --format
    brief = run("brief", "江山")
    assert brief.code == 0 and "江山" in brief.stdout  # neither does brief's prose
    exported = run("export", "--format", "json")
    assert exported.code == 0 and exported.raw.startswith(b"[")  # json takes neither bom nor gb18030
    csv = run("regions")
    assert csv.code == 0 and csv.raw.decode("gb18030").startswith("region,")


def test_data_layers_resolve_against_the_files_folder_and_the_environment_comes_first(
        project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (project / "data").mkdir()
    (project / "data" / "mine.yaml").write_text(
        "regions:\n  jiangshan:\n    facts:\n      - {metric: rd_investment, value: 3, unit: 亿元, period: \"2020\","
        " source: page-2020-kjdd, quote: 研发投入3亿元}\n", encoding="utf-8")
    (project / "reporter.toml").write_text('data = ["bundled", "data/mine.yaml"]\n', encoding="utf-8")
    sub = project / "deeper"
    sub.mkdir()
    monkeypatch.chdir(sub)  # found upward, and relative to its own folder
    assert run("get", "江山", "研发投入", "--period", "2020").stdout == "3亿元\n"
    monkeypatch.setenv("REPORTER_DATA", "bundled")
    assert run("get", "江山", "研发投入", "--period", "2020").code == 3
    assert _settings("-f", "json")["data"][1] == "environment (REPORTER_DATA)"


def test_a_bad_config_file_is_one_line_naming_file_and_line(project: Path) -> None:
    config = project / "reporter.toml"
    for text, line, words in (('lang = "en"\nformat = 3\n', 2, "expected one of"),
                              ('lang = "en\n', 1, "not valid TOML"),
                              ('\n\nnope = 1\n', 3, "unknown setting 'nope'"),
                              ('data = []\n', 1, "a list of paths"),
                              ('bom = "yes"\n', 1, "true or false")):
        config.write_text(text, encoding="utf-8")
        result = run("regions")
        assert result.code == 1 and result.stdout == "", text
        (said,) = result.stderr.splitlines()
        assert said.startswith(f"reporter: {config}:{line}") and words in said, said


def test_the_project_file_is_not_looked_for_above_a_repository(tmp_path: Path) -> None:
    (tmp_path / "reporter.toml").write_text('lang = "en"\n', encoding="utf-8")
    inner = tmp_path / "repo" / "src"
    inner.mkdir(parents=True)
    assert project_file(inner) == str(tmp_path / "reporter.toml")
    (tmp_path / "repo" / ".git").mkdir()
    assert project_file(inner) is None
    assert load_settings({"XDG_CONFIG_HOME": str(tmp_path / "none")}, inner).values == {}
    assert project_file(REPO) is None  # the tests never read a file above the repository
