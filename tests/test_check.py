"""reporter check: the format, and each fact against its own quote; warnings, --strict, languages."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from reporter.paths import bundled_data_path

from .conftest import MINI, run


def _bundled_with(tmp_path: Path, old: str, new: str) -> Path:
    text = Path(bundled_data_path()).read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    path = tmp_path / "regions.yaml"
    path.write_text(text.replace(old, new), encoding="utf-8")
    return path


def test_a_dropped_unit_line_is_caught_by_the_quote(tmp_path: Path) -> None:
    """Deleting `unit: 亿元` turns 2.06亿元 into 2.06万元: the format allows it, the quote does not."""
    path = _bundled_with(tmp_path, "        value: 2.06\n        unit: 亿元\n", "        value: 2.06\n")
    result = run("check", str(path))
    assert result.code == 1
    assert "the unit is 亿元, not 万元" in result.stderr
    assert result.stderr.splitlines()[-1] == f"reporter: {path}: 1 problem"
    zh = run("--lang", "zh", "check", str(path))
    assert zh.code == 1 and "单位是亿元，不是万元" in zh.stderr and zh.stderr.splitlines()[-1].endswith("：1个问题")


def test_the_bundled_data_checks_clean_in_both_languages() -> None:
    en, zh = run("check"), run("--lang", "zh", "check")
    assert (en.code, zh.code) == (0, 0)
    assert "warning" not in en.stderr and en.stderr.count("\n") == 1 and ": ok, 3 regions" in en.stderr
    assert "：通过，3个地区" in zh.stderr


def test_warnings_are_shown_and_strict_makes_them_errors(write_yaml: Callable[..., Path]) -> None:
    """MINI holds 100万元 for 2019 and 1.5亿元 for 2020: a 150x jump, a unit slip to look at."""
    path = write_yaml(MINI)
    shown = run("check", str(path))
    assert shown.code == 0
    assert shown.stderr.startswith(f"warning: {path}:19:") and "(--strict makes them errors)" in shown.stderr
    strict = run("check", "--strict", str(path))
    assert strict.code == 1 and strict.stderr.startswith(f"{path}:19:")
    assert strict.stderr.splitlines()[-1] == f"reporter: {path}: 1 problem"


def test_check_without_a_path_checks_the_layers_in_effect(tmp_path: Path) -> None:
    mine = tmp_path / "mine.yaml"
    mine.write_text("regions:\n  jiangshan:\n    facts:\n      - {metric: rd_investment, value: 3.1, unit: 亿元, "
                    "period: 2020年1-9月, quote: 1-9月全市规上企业研发投入3.1亿元}\n", encoding="utf-8")
    result = run("--data", "bundled", "--data", str(mine), "check")
    assert result.code == 0, result
    assert f"{bundled_data_path()} + {mine}: ok, 3 regions" in result.stderr
