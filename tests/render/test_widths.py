"""Tables that fit: golden output at 60, 80, 120 and 200 columns, on SYNTHETIC data and the bundled data.

The synthetic file is generated (benchmarks/make_synthetic.py: 20 regions x 4 metrics x 5 years),
never written by hand and never part of regions.yaml. Every golden file was looked at; see
docs/output.md (*Fitting the terminal*) for how the same output was checked in tmux.
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from pathlib import Path

import pytest

from reporter.data.load import load_dataset
from reporter.model.dataset import Dataset
from tests.conftest import REPO, assert_golden, run

WIDTHS = [60, 80, 120, 200]
REGIONS = [f"county-{i:03d}" for i in range(1, 21)]

CASES = {
    "show": ["show", "county-001"],
    "compare-3": ["compare", *REGIONS[:3]],
    "compare-6": ["compare", *REGIONS[:6]],
    "compare-20": ["compare", *REGIONS],
    "rank": ["rank", "metric-01", "--top", "5"],
    "delta": ["delta", "county-001"],
}
BUNDLED = {
    "show-jiangshan": ["show", "江山", "--theme", "rd"],
    "compare-bundled": ["compare", "洞头", "江山", "乐清", "--theme", "rd"],
    # one period far longer than the others (未注明时期（见于2020年年中报道）): it breaks at its aside
    "show-jiangshan-platform": ["show", "江山", "--theme", "platform"],
}
# the time-series views, at the width the issue asks them to be readable at
SERIES = {
    "show-by-period": ["show", "county-001", "--by", "period"],
    "rank-each-period": ["rank", "metric-01", "--each-period", "--top", "3", "--last", "3"],
    "rank-region": ["rank", "metric-01", "--region", "county-007"],
    "rank-by-period": ["rank", "metric-02", "--by", "period", "--top", "5"],
    "delta-latest": ["delta", "county-001", "--latest"],
    "delta-all": ["delta", "--all", "metric-02"],
    "compare-period": ["compare", *REGIONS[:4], "--period", "2013", "--metric", "metric-01", "--metric", "metric-02"],
}


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory: pytest.TempPathFactory) -> Path:
    sys.path.insert(0, str(REPO))
    from benchmarks.make_synthetic import synthetic_yaml

    path = tmp_path_factory.mktemp("widths") / "synthetic.yaml"
    path.write_text(synthetic_yaml(20, 4, 5), encoding="utf-8")  # SYNTHETIC: 400 generated values
    return path


def _table(args: list[str], width: int, *more: str) -> str:
    result = run("--color", "never", *more, *args, "--format", "table", env={"COLUMNS": str(width)})
    assert result.code == 0, result
    return result.stdout


def _fits(text: str, width: int) -> None:
    from rich.cells import cell_len

    too_wide = [line for line in text.splitlines() if cell_len(line) > width]
    assert not too_wide, too_wide


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("name", list(CASES))
def test_synthetic_tables_fit_every_width(synthetic: Path, name: str, width: int) -> None:
    text = _table(CASES[name], width, "--data", str(synthetic))
    _fits(text, width)
    assert_golden(f"widths/{name}.{width}.txt", text)


@pytest.mark.parametrize("width", [60, 80])
@pytest.mark.parametrize("name", list(BUNDLED))
def test_bundled_tables_fit(name: str, width: int) -> None:
    text = _table(BUNDLED[name], width)
    _fits(text, width)
    assert_golden(f"widths/{name}.{width}.txt", text)


@pytest.mark.parametrize("name", list(SERIES))
def test_time_series_views_at_80_columns(synthetic: Path, name: str) -> None:
    text = _table(SERIES[name], 80, "--data", str(synthetic))
    _fits(text, 80)
    assert_golden(f"widths/{name}.80.txt", text)


def test_english_headers_and_periods_fit(synthetic: Path) -> None:
    text = _table(CASES["compare-6"], 80, "--data", str(synthetic), "--lang", "en")
    _fits(text, 80)
    assert_golden("widths/compare-6.en.80.txt", text)


def _characters(text: str) -> Counter[str]:
    return Counter(ch for ch in text if not ch.isspace() and ch not in "─-")


@pytest.mark.parametrize("width", [20, 30, 60])
def test_a_narrow_terminal_never_loses_a_character(bundled: Dataset, width: int) -> None:
    """COLUMNS=30 once dropped double-width text from a column squeezed to one cell."""
    from reporter.render.views import highlights_view, show_view

    region = bundled.regions["jiangshan"]
    views = [show_view(bundled, region, "zh"), highlights_view(bundled, bundled.highlights_of(region.id), "zh")]
    cells = Counter[str]()
    for view in views:
        for row in view.rows():
            cells += _characters("".join(v for k, v in row.cells.items() if k != "trend"))
    missing = cells - _characters(_table(["show", "江山"], width))
    assert not missing, missing


def test_a_number_a_unit_and_a_period_are_never_split(synthetic: Path) -> None:
    """Every value (number and unit) and every period of the plain output stands whole in narrow tables."""
    plain = run("--data", str(synthetic), *CASES["compare-20"], "--format", "plain").stdout
    values = set(re.findall(r"[\d,]+(?:\.\d+)?(?:万元|家)", plain))
    assert len(values) > 60
    for width in (60, 80):
        text = _table(CASES["compare-20"], width, "--data", str(synthetic))
        assert [v for v in values if v not in text] == []
    plain = run(*BUNDLED["compare-bundled"], "--format", "plain").stdout
    periods = set(re.findall(r"（[^（）]*）", plain))
    assert "（截至2020年上半年）" in periods
    for width in (60, 80):
        text = _table(BUNDLED["compare-bundled"], width)
        assert [p for p in periods if p not in text] == []


@pytest.mark.parametrize(("name", "width"), [("compare-6", 80), ("delta", 60)])
def test_plain_on_a_terminal_is_fitted_as_the_table_is(synthetic: Path, name: str, width: int) -> None:
    """--format plain on a terminal (forced here) fits the width; in a pipe it keeps one row per line."""
    from reporter.query.compare import compare_regions
    from reporter.query.delta import yoy_deltas
    from reporter.render.formats import render
    from reporter.render.terminal import Environment
    from reporter.render.views import compare_view, delta_view

    data = load_dataset(synthetic)
    regions = [data.regions[r] for r in REGIONS]
    views = ([compare_view(data, regions[:6], compare_regions(data, regions[:6]), "zh")] if name == "compare-6"
             else [delta_view(data, regions[0], yoy_deltas(data, regions[0]), "zh")])
    text = render(views, "plain", Environment(stdout_isatty=True, width=width))
    _fits(text, width)
    assert_golden(f"widths/plain-{name}.{width}.txt", text)
    piped = render(views, "plain", Environment(stdout_isatty=False, width=width))
    assert len(piped.splitlines()) == 1 + len(list(views[0].rows()))


def test_one_long_period_breaks_at_its_aside_not_every_label() -> None:
    """At 80 columns every label of 江山 once wrapped at 14 cells (orphans like 入 on a line of their
    own) to keep one period, 未注明时期（见于2020年年中报道）, whole; now that period breaks before its
    aside and the labels keep a readable width."""
    text = _table(["show", "江山"], 80)
    _fits(text, 80)
    lines = text.splitlines()
    at = next(i for i, line in enumerate(lines) if "上海科创飞地征集" in line)
    assert lines[at].rstrip().endswith("未注明时期") and lines[at + 1].strip().endswith("（见于2020年年中报道）")
    assert "规上企业研发投入占营" in text  # the label column holds 20 cells at least (10 Chinese characters)
