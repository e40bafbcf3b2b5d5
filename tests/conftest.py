"""Shared fixtures: the bundled data, small hand-written files, an isolated cache."""

from __future__ import annotations

import os
import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest

from reporter.data.load import load_dataset
from reporter.data.paths import bundled_data_path, bundled_sources_dir
from reporter.model.dataset import Dataset

REPO = Path(__file__).resolve().parents[1]
SOURCE_DIR = Path(bundled_sources_dir())  # the bundled data's source page, shipped with the package
GOLDEN = Path(__file__).resolve().parent / "golden"

RECALL_REPORT: list[str] = []  # lines the extract tests measure; printed once the run ends


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter, exitstatus: int,
                            config: pytest.Config) -> None:
    """Print the extract recall figures (tests/test_extract.py) in the run's summary, whatever the
    capture mode: pytest's public hook for a plugin's closing report."""
    if RECALL_REPORT:
        terminalreporter.write_sep("-", "extract recall (value+unit found, qualifier, period, change right)")
        for line in RECALL_REPORT:
            terminalreporter.write_line(line)


def pytest_sessionfinish(session: pytest.Session) -> None:
    """In a pytest-xdist worker: hand the recall lines to the controller, which prints the summary."""
    workeroutput = getattr(session.config, "workeroutput", None)
    if workeroutput is not None:
        workeroutput["recall_report"] = list(RECALL_REPORT)


@pytest.hookimpl(optionalhook=True)
def pytest_testnodedown(node: object, error: object) -> None:
    """pytest-xdist's hook: a worker finished; its recall lines join the summary."""
    RECALL_REPORT.extend(getattr(node, "workeroutput", {}).get("recall_report", []))


@pytest.fixture(autouse=True)
def isolated_cache(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test gets its own cache directory, no stray REPORTER_* settings and no user config file."""
    cache = tmp_path_factory.mktemp("cache")
    monkeypatch.setenv("REPORTER_CACHE_DIR", str(cache))
    for name in ("REPORTER_DATA", "REPORTER_TEMPLATES", "NO_COLOR", "FORCE_COLOR"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path_factory.mktemp("config")))  # no user config file
    return cache


@pytest.fixture(scope="session")
def bundled() -> Dataset:
    return load_dataset(bundled_data_path())


MINI = """\
sources:
  s1: {publication: Test Daily, title: A test page, date: "2020", file: page.txt}
themes:
  rd: {zh: 研发投入, en: R&D}
metrics:
  rd_investment: {zh: 研发投入, en: R&D investment, unit: 万元, theme: rd, kind: flow}
  prov_rank: {zh: 全省位次, en: Provincial rank, unit: 位, theme: rd, kind: rank}
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
      - {metric: rd_investment, value: 100, period: "2019", quote: 2019年投入100万元}
      - {metric: rd_investment, value: 1.5, unit: 亿元, period: "2020", quote: 2020年投入1.5亿元}
"""


@pytest.fixture
def write_yaml(tmp_path: Path) -> Callable[[str, str], Path]:
    """Write a YAML file (dedented) into a temp dir and return its path."""
    def write(text: str, name: str = "data.yaml") -> Path:
        path = tmp_path / name
        path.write_text(textwrap.dedent(text), encoding="utf-8")
        return path
    return write


class Result:
    """What one run of the command line did: exit code, stdout and stderr, separately."""

    def __init__(self, code: int, stdout: str, stderr: str, raw: bytes = b"") -> None:
        self.code, self.stdout, self.stderr = code, stdout, stderr
        self.raw = raw  # stdout's bytes, for what is not UTF-8 (--encoding gb18030) or must be exact (--bom)

    def __repr__(self) -> str:
        return f"Result(code={self.code}, stdout={self.stdout[:300]!r}, stderr={self.stderr[:300]!r})"


def run(*args: str, env: dict[str, str] | None = None) -> Result:
    """Run ``reporter ARGS`` in-process through the real entry point (error handling included)."""
    from click.testing import CliRunner

    from reporter.cli import main

    try:
        runner = CliRunner(mix_stderr=False)  # click 8.1 (setup.cfg allows it) mixes the streams by default
    except TypeError:
        runner = CliRunner()  # click 8.2+ keeps them apart and has no such argument
    with runner.isolation(env={"COLUMNS": "100", **(env or {})}) as streams:
        try:
            main(list(args))
            code = 0
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else 1
        stdout, stderr = streams[0].getvalue(), streams[1].getvalue()
    return Result(code, stdout.decode("utf-8", "replace"), stderr.decode("utf-8", "replace"), stdout)


def assert_golden(name: str, text: str) -> None:
    """Compare with tests/golden/NAME; REPORTER_UPDATE_GOLDEN=1 rewrites the file instead."""
    path = GOLDEN / name
    if os.environ.get("REPORTER_UPDATE_GOLDEN"):
        path.write_text(text, encoding="utf-8")
    assert path.is_file(), f"no golden file {path}; run with REPORTER_UPDATE_GOLDEN=1 and review it"
    assert text == path.read_text(encoding="utf-8")
