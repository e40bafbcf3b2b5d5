"""Data that grows: layers of data files, additions to regions defined elsewhere, and the words
the tool prints accepted back as input."""

from __future__ import annotations

import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest

from reporter.data.load import load_dataset
from reporter.data.paths import bundled_data_path, resolve_data_paths
from reporter.errors import DataError
from tests.conftest import MINI, run

QUARTER = """\
    # 江山's figures for Jan-Sep 2020: an official's own file, on top of the bundled data
    sources:
      jiangshan-q3:
        publication: 江山市科技局
        title: 2020年前三季度工作总结
        date: "2020-10"
    regions:
      jiangshan:
        source: jiangshan-q3
        facts:
          - metric: rd_investment
            value: 3.1
            unit: 亿元
            period: 2020年1-9月
            quote: 1-9月全市规上企业研发投入3.1亿元
"""


def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def test_a_file_of_additions_layers_on_the_bundled_data(tmp_path: Path) -> None:
    mine = _write(tmp_path, "mine.yaml", QUARTER)
    shown = run("--data", "bundled", "--data", str(mine), "get", "江山", "研发投入", "--period", "2020-01/09")
    assert (shown.code, shown.stdout) == (0, "3.1亿元\n")
    assert run("--data", "bundled", "--data", str(mine), "get", "江山", "研发投入").stdout == "3.1亿元\n"
    assert run("--data", "bundled", "--data", str(mine), "get", "江山", "研发投入",
               "--period", "2020-01/05").stdout == "2.06亿元\n"
    data = load_dataset([bundled_data_path(), mine])
    (added,) = [f for f in data.facts if f.source == "jiangshan-q3"]
    assert (added.region, added.metric, added.origin and added.origin.path) == ("jiangshan", "rd_investment",
                                                                                 str(mine))


def test_reporter_data_holds_layers_separated_by_colons(tmp_path: Path) -> None:
    mine = _write(tmp_path, "mine.yaml", QUARTER)
    result = run("get", "江山", "研发投入", env={"REPORTER_DATA": f"bundled:{mine}"})
    assert (result.code, result.stdout) == (0, "3.1亿元\n")


def test_layers_resolve_the_word_bundled_and_read_a_path_once(tmp_path: Path) -> None:
    assert resolve_data_paths((), {}) == (bundled_data_path(),)
    assert resolve_data_paths(("bundled", bundled_data_path(), "x.yaml"), {}) == (bundled_data_path(), "x.yaml")
    assert resolve_data_paths((), {"REPORTER_DATA": "a.yaml::b"}) == ("a.yaml", "b")
    assert resolve_data_paths(("~/d",), {})[0].endswith("/d") and "~" not in resolve_data_paths(("~/d",), {})[0]


def test_an_addition_may_take_its_regions_default_source(tmp_path: Path) -> None:
    addition = """\
        regions:
          a:
            facts:
              - {metric: rd_investment, value: 2, unit: 亿元, period: 2020-H1, quote: 2020年上半年投入2亿元}
    """
    base = _write(tmp_path, "a-base.yaml", MINI)
    more = _write(tmp_path, "b-more.yaml", addition)
    data = load_dataset([base, more])
    assert [f.source for f in data.facts_of("a", "rd_investment")] == ["s1", "s1", "s1"]


def test_an_addition_to_a_region_defined_nowhere_says_how_to_fix_it(tmp_path: Path) -> None:
    mine = _write(tmp_path, "mine.yaml", QUARTER)
    result = run("check", str(mine))
    assert result.code == 1
    assert f"{mine}:8:3: region 'jiangshan' is added to but defined nowhere" in result.stderr
    assert f"reporter --data bundled --data {mine} check" in result.stderr


def test_defining_a_region_twice_names_both_places(tmp_path: Path) -> None:
    again = _write(tmp_path, "again.yaml", """\
        regions:
          jiangshan: {zh: 江山市, short: 江山, en: Jiangshan, level: 县级市, prefecture: 衢州市, province: 浙江省}
    """)
    with pytest.raises(DataError) as caught:
        load_dataset([bundled_data_path(), again])
    (problem,) = caught.value.problems
    assert str(problem).startswith(f"{again}:2:3: region 'jiangshan' is defined twice (first at {bundled_data_path()}:")


def test_the_same_fact_twice_across_layers_names_both_places(tmp_path: Path) -> None:
    twice = _write(tmp_path, "twice.yaml", """\
        regions:
          jiangshan:
            facts:
              - {metric: rd_investment, value: 2.06, unit: 亿元, period: 2020-01/05, quote: 研发投入2.06亿元}
    """)
    with pytest.raises(DataError) as caught:
        load_dataset([bundled_data_path(), twice])
    (problem,) = caught.value.problems
    assert f"{twice}:4:9: a second 'rd_investment' fact of Jiangshan for Jan–May 2020 (first at {bundled_data_path()}:" \
        in str(problem)


def test_a_data_file_may_name_a_metric_by_label_or_alias(write_yaml: Callable[..., Path]) -> None:
    text = MINI.replace("{metric: rd_investment, value: 100,", "{metric: 研发投入, value: 100,")
    data = load_dataset(write_yaml(text.replace("{metric: rd_investment, value: 1.5,",
                                                "{metric: R&D investment, value: 1.5,")))
    assert [f.metric for f in data.facts] == ["rd_investment", "rd_investment"]


@pytest.mark.parametrize(("written", "read"), [("县", "county"), ("区", "district"), ("县级市", "county-level city"),
                                               ("County", "county"), ("地级市", "prefecture")])
def test_level_accepts_the_words_regions_prints(write_yaml: Callable[..., Path], written: str, read: str) -> None:
    data = load_dataset(write_yaml(MINI.replace("level: county", f"level: {written}")))
    assert data.regions["a"].level == read


@pytest.mark.parametrize(("written", "read"), [("多", "more_than"), ("近", "nearly"), ("约", "approx"),
                                               ("Nearly", "nearly")])
def test_qualifier_accepts_the_words_of_the_page(write_yaml: Callable[..., Path], written: str, read: str) -> None:
    data = load_dataset(write_yaml(MINI.replace("value: 100,", f"value: 100, qualifier: {written},")))
    assert data.facts[0].quantity.qualifier == read


def test_a_refused_choice_shows_the_canonical_words(write_yaml: Callable[..., Path]) -> None:
    with pytest.raises(DataError) as caught:
        load_dataset(write_yaml(MINI.replace("level: county", "level: 乡")))
    assert "level '乡' should be one of: district (区, 市辖区), county-level city (县级市), county (县)" \
        in str(caught.value.problems[0])


def test_layers_are_cached_together_and_an_edit_of_any_layer_is_seen(tmp_path: Path) -> None:
    mine = _write(tmp_path, "mine.yaml", QUARTER)
    args = ["--data", "bundled", "--data", str(mine), "get", "江山", "研发投入"]
    assert run(*args).stdout == "3.1亿元\n"
    assert run(*args).stdout == "3.1亿元\n"  # from the cache
    mine.write_text(textwrap.dedent(QUARTER).replace("value: 3.1", "value: 3.2"), encoding="utf-8")
    assert run(*args).stdout == "3.2亿元\n"
