"""Shared fixtures: the bundled data, small hand-written files, an isolated cache."""

from __future__ import annotations

import os
import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest

from reporter.load import load_dataset
from reporter.paths import bundled_data_path
from reporter.model import Dataset

REPO = Path(__file__).resolve().parents[1]
SOURCE_DIR = Path(os.environ.get("REPORTER_SOURCES", REPO.parent / "shared" / "source"))
GOLDEN = Path(__file__).resolve().parent / "golden"


@pytest.fixture(autouse=True)
def isolated_cache(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test gets its own cache directory and no stray REPORTER_* settings."""
    cache = tmp_path_factory.mktemp("cache")
    monkeypatch.setenv("REPORTER_CACHE_DIR", str(cache))
    for name in ("REPORTER_DATA", "REPORTER_TEMPLATES", "NO_COLOR", "FORCE_COLOR"):
        monkeypatch.delenv(name, raising=False)
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
