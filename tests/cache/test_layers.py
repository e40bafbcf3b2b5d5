"""Layers cached apart: a small layer over a large one is read from its file over the large one's cache,
so editing it never reads the large layer again, and the answer is always the whole stack's.

The bundled file stands for the large base (the thresholds are lowered so that 78 facts count as
large); each small layer's dataset is compared with :func:`load_dataset` of the whole stack.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest

import reporter.cache.building
import reporter.cache.reading
import reporter.data.load
from reporter.cache import open_dataset
from reporter.data.load import load_dataset
from reporter.errors import DataError
from reporter.model.dataset import Dataset
from tests.conftest import run

REPO = Path(__file__).resolve().parents[2]

TOPS = {  # small layers a user keeps over the base, each valid over it
    "a fact with its region's default source": """
regions:
  dongtou:
    facts:
      - {metric: policy_incentives_paid, value: 900, period: "2019", quote: 2019年兑现900万元}
""",
    "a metric named by its label, a series, a highlight": """
regions:
  jiangshan:
    facts:
      - {metric: 研发投入, value: 1.5, unit: 亿元, period: "2019", quote: 2019年研发投入1.5亿元}
    series:
      innovation_vouchers: {values: {"2017": 100, "2018": 120}, quote: 创新券}
    highlights:
      - {theme: platforms, text: 新平台, quote: 新平台}
""",
    "a new source, theme, metric and county": """
sources:
  mine-2021: {publication: 县统计公报, title: 2021年国民经济和社会发展统计公报, date: "2022"}
themes:
  water: {zh: 水利, en: Water}
metrics:
  reservoirs:
    zh: 新建水库
    en: New reservoirs
    unit: 座
    theme: water
    kind: flow
regions:
  kaihua:
    zh: 开化县
    short: 开化
    en: Kaihua
    level: county
    prefecture: 衢州市
    province: 浙江省
    source: mine-2021
    facts:
      - {metric: reservoirs, value: 3, period: "2021", quote: 2021年新建水库3座}
  jiangshan:
    facts:
      - {metric: reservoirs, value: 2, period: "2021", source: mine-2021, quote: 2021年新建水库2座}
""",
}


@pytest.fixture
def big(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """A base counted as large (so its cache is SQLite and kept apart), with its cache built."""
    monkeypatch.setattr(reporter.cache.building, "SMALL_FACTS", 10)
    monkeypatch.delenv("REPORTER_CACHE_LAYOUT", raising=False)
    base = tmp_path / "base.yaml"
    base.write_bytes((REPO / "regions.yaml").read_bytes())
    os.utime(base, (1_600_000_000, 1_600_000_000))
    opened = open_dataset(str(base))
    assert opened.build is not None
    opened.build()
    return base


def top_layer(tmp_path: Path, text: str, name: str = "mine.yaml") -> Path:
    top = tmp_path / name
    top.write_text(text, encoding="utf-8")
    return top


def never_read_whole(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(path: object, progress: object) -> Dataset:
        raise AssertionError(f"the whole stack was read: {path}")

    monkeypatch.setattr(reporter.cache.reading, "load", refuse)


def never_loaded_whole(monkeypatch: pytest.MonkeyPatch) -> None:
    """The writers' check of a new text never loads the whole stack (load_dataset) either."""
    def refuse(paths: object) -> Dataset:
        raise AssertionError(f"the whole stack was read: {paths}")

    monkeypatch.setattr(reporter.data.load, "load_dataset", refuse)


def assert_nothing_written_for_the_stack(build: Callable[[], None] | None, base: Path, top: Path) -> None:
    """The base's cache is kept as it is (at most its stamp renewed); the stack gets no cache of its own."""
    directory = Path(os.environ["REPORTER_CACHE_DIR"])
    before = sorted(p.name for p in directory.iterdir())
    if build is not None:
        build()
    assert sorted(p.name for p in directory.iterdir()) == before == [reporter.cache.reading.cache_name(str(base)) + ".sqlite"]


def assert_same(layered: Dataset, whole: Dataset) -> None:
    for part in ("facts", "highlights", "regions", "metrics", "themes", "sources", "paths"):
        assert getattr(layered, part) == getattr(whole, part), part
    counts, reporters = layered.coverage()
    whole_counts, whole_reporters = whole.coverage()
    assert counts == whole_counts
    assert dict(reporters) == dict(whole_reporters)
    for region in whole.regions:
        assert layered.facts_of(region) == whole.facts_of(region)
        assert layered.highlights_of(region) == whole.highlights_of(region)
    for metric in whole.metrics:
        assert layered.facts_of(metric=metric) == whole.facts_of(metric=metric)
    found = layered.facts_where(lambda region, metric, note, quote: "万元" in quote or region == "jiangshan")
    assert list(found) == list(whole.facts_where(lambda r, m, n, q: "万元" in q or r == "jiangshan"))


@pytest.mark.parametrize("text", list(TOPS.values()), ids=list(TOPS))
def test_a_small_layer_is_read_over_the_bases_cache(big: Path, tmp_path: Path, text: str,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    top = top_layer(tmp_path, text)
    whole = load_dataset((big, top))
    never_read_whole(monkeypatch)
    opened = open_dataset((str(big), str(top)))
    assert opened.from_cache
    assert_same(opened.data, whole)
    assert_nothing_written_for_the_stack(opened.build, big, top)


def test_editing_the_small_layer_never_reads_the_base_again(big: Path, tmp_path: Path,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    top = top_layer(tmp_path, TOPS["a fact with its region's default source"])
    never_read_whole(monkeypatch)
    for value in ("900", "950", "1000"):
        top.write_text(TOPS["a fact with its region's default source"].replace("900", value), encoding="utf-8")
        data = open_dataset((str(big), str(top))).data
        (fact,) = [f for f in data.facts_of("dongtou", "policy_incentives_paid") if f.period.canonical == "2019"]
        assert fact.quantity.written == value


BAD = {  # layers with problems: (the layer, whether they are said from the layer alone)
    "the base's period again, written another way": (
        "regions:\n  jiangshan:\n    facts:\n      - {metric: rd_investment, value: 3, period: 2020-01/05, "
        "quote: 研发}\n", True),
    "unknown names and a region nobody defined": (
        "regions:\n  jiangshan:\n    facts:\n      - {metric: rd_investmnt, value: 3, period: '2019', "
        "source: nowhere, quote: 研发}\n      - {metric: rd_investmnt, value: 4, period: '2018', quote: 研发}\n"
        "  atlantis:\n    facts:\n      - {metric: rd_investment, value: 3, period: '2019', quote: 研发}\n", True),
    "a value and a field wrong": (
        "regions:\n  dongtou:\n    facts:\n      - {metric: rd_intensity, value: 300, period: '2019', quote: x}\n"
        "      - {metric: rd_investment, value: 3, period: 2019年, quote: x, colour: red}\n", True),
    "a source with problems": ("sources:\n  mine: {publication: x, date: soon}\n", True),
    "not YAML": ("regions: [\n", True),
    "a field not read, repeating a base period, with an unknown metric beside it": (
        "regions:\n  jiangshan:\n    facts:\n      - {metric: rd_investment, value: abc, period: 2020年1-5月, "
        "quote: x}\n      - {metric: nosuch, value: abc, period: '2019', quote: x}\n", True),
    "a metric defined with problems and a fact of it": (
        "metrics:\n  mm: {zh: 某, en: M, unit: 万元, theme: rd, kind: nonsense}\nregions:\n  jiangshan:\n"
        "    facts:\n      - {metric: mm, value: 3, period: '2019', quote: x}\n", True),
    "a county defined with problems holding a fact of an unknown metric": (
        "regions:\n  kaihua:\n    zh: 开化县\n    short: 开化\n    en: Kaihua\n    level: county\n"
        "    prefecture: 衢州市\n    facts:\n      - {metric: nosuch, value: 3, period: '2019', quote: x}\n",
        True),
    "a metric of the base defined again": (
        "metrics:\n  rd_investment: {zh: 研发, en: R&D, unit: 万元, theme: rd, kind: flow}\n", False),
    "a county of the base defined again, with problems": (
        "regions:\n  dongtou: {zh: 洞头区, level: town}\n", False),
}


@pytest.mark.parametrize(("text", "alone"), list(BAD.values()), ids=list(BAD))
def test_a_layer_with_problems_says_each_as_the_whole_stack_does(big: Path, tmp_path: Path, text: str, alone: bool,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    top = top_layer(tmp_path, text)
    with pytest.raises(DataError) as whole:
        load_dataset((big, top))
    if alone:  # at once, from the layer over the base's cache
        never_read_whole(monkeypatch)
    with pytest.raises(DataError) as layered:
        open_dataset((str(big), str(top)))
    assert [(p.path, p.line, p.column, p.text("en"), p.text("zh")) for p in layered.value.problems] == [
        (p.path, p.line, p.column, p.text("en"), p.text("zh")) for p in whole.value.problems]
    assert whole.value.problems


def test_a_metric_whose_name_is_a_base_metrics_name_reads_the_stack_whole(big: Path, tmp_path: Path) -> None:
    # 研发投入 is an alias of rd_investment: a base fact naming it would now be ambiguous, so only the
    # whole stack can tell; it is read whole and gives what load_dataset gives
    top = top_layer(tmp_path, "metrics:\n  rd_other: {zh: 研发投入, en: Other R&D, unit: 万元, theme: rd, "
                              "kind: flow}\n")
    whole = load_dataset((big, top))
    opened = open_dataset((str(big), str(top)))
    assert not opened.from_cache
    assert_same(opened.data, whole)


def test_the_first_build_of_a_stack_caches_its_base_alone(big: Path, tmp_path: Path,
                                                          isolated_cache: Path) -> None:
    for entry in isolated_cache.iterdir():
        entry.unlink()
    top = top_layer(tmp_path, TOPS["a fact with its region's default source"])
    first = open_dataset((str(big), str(top)))
    assert not first.from_cache and first.build is not None
    first.build()
    assert [p.name for p in isolated_cache.iterdir()] == [reporter.cache.reading.cache_name(str(big)) + ".sqlite"]
    again = open_dataset((str(big), str(top)))
    assert again.from_cache
    assert_nothing_written_for_the_stack(again.build, big, top)
    assert_same(again.data, load_dataset((big, top)))


def test_layers_that_grow_large_are_cached_with_their_base(big: Path, tmp_path: Path, isolated_cache: Path,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(reporter.cache.building, "OVERLAY_FACTS", 2)
    top = top_layer(tmp_path, TOPS["a metric named by its label, a series, a highlight"])  # 3 facts
    opened = open_dataset((str(big), str(top)))
    assert opened.from_cache and opened.build is not None  # answered from the base's cache, then ...
    opened.build()  # ... the stack is cached whole, as one
    stack = reporter.cache.reading.cache_name((str(big), str(top)))
    assert (isolated_cache / (stack + ".sqlite")).is_file()
    monkeypatch.setattr(reporter.cache.reading, "load", None)  # the next read needs no YAML at all
    assert_same(open_dataset((str(big), str(top))).data, load_dataset((big, top)))


def test_a_small_base_keeps_the_stack_cached_whole(tmp_path: Path, isolated_cache: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("REPORTER_CACHE_LAYOUT", raising=False)
    base = tmp_path / "base.yaml"
    base.write_bytes((REPO / "regions.yaml").read_bytes())
    open_dataset(str(base)).build()  # type: ignore[misc]
    top = top_layer(tmp_path, TOPS["a fact with its region's default source"])
    opened = open_dataset((str(base), str(top)))  # read over the base's cache, then the stack cached whole
    assert opened.build is not None
    opened.build()
    assert (isolated_cache / (reporter.cache.reading.cache_name((str(base), str(top))) + ".marshal")).is_file()


def test_the_command_line_answers_from_the_edited_layer(big: Path, tmp_path: Path) -> None:
    top = top_layer(tmp_path, TOPS["a fact with its region's default source"])
    args = ("--data", str(big), "--data", str(top), "get", "洞头", "policy_incentives_paid", "--period", "2019")
    assert run(*args).stdout.strip() == "900万元"
    top.write_text(TOPS["a fact with its region's default source"].replace("900", "1000"), encoding="utf-8")
    assert run(*args).stdout.strip() == "1000万元"


def test_writers_check_a_new_text_over_the_bases_cache(big: Path, tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    top = top_layer(tmp_path, TOPS["a fact with its region's default source"])
    stack = ("--data", str(big), "--data", str(top))
    refused = ("add", "洞头", "rd_intensity", "300", "--period", "2019", "--source", "page-2020-kjdd",
               "--quote", "2019年研发强度300%", "--file", str(top))  # a share over 100%: the load refuses it
    whole = run("--no-cache", *stack, *refused)  # read whole, as before any cache
    assert whole.code == 1 and "300%" in whole.stderr
    never_loaded_whole(monkeypatch)
    before = top.read_bytes()
    again = run(*stack, *refused)
    assert (again.code, again.stdout, again.stderr) == (whole.code, whole.stdout, whole.stderr)
    assert top.read_bytes() == before
    added = run(*stack, "add", "洞头", "policy_incentives_paid", "950", "--period", "2018", "--source",
                "page-2020-kjdd", "--quote", "2018年兑现950万元", "--file", str(top))
    assert added.code == 0, added.stderr
    assert "value: 950" in top.read_text(encoding="utf-8")
    edited = run(*stack, "edit", "洞头", "policy_incentives_paid", "--period", "2018", "--value", "960",
                 "--quote", "2018年兑现960万元")
    assert edited.code == 0, edited.stderr
    assert "value: 960" in top.read_text(encoding="utf-8")
    removed = run(*stack, "remove", "洞头", "policy_incentives_paid", "--period", "2018")
    assert removed.code == 0, removed.stderr
    assert "960" not in top.read_text(encoding="utf-8")



UNFINISHED_METRIC = 'metrics:\n  todo_metric:\n    zh: 待定指标\n    en: To do\n    unit: ""  # TODO\n' \
                    '    theme: rd\n    kind: flow\n'


@pytest.mark.parametrize("text", [
    "regions:\n  jiangshan:\n    facts:\n      - {metric: todo_metric, value: 3, period: '2019', quote: x}\n",
    "metrics:\n  todo_metric: {zh: 待定, en: To do, unit: 家, theme: rd, kind: flow}\n",
], ids=["a fact of a metric the base left to fill", "that metric defined in the layer"])
def test_a_base_with_entries_left_to_fill_is_read_with_its_layers(tmp_path: Path, text: str,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    # the base's cache keeps that it had such entries (not which): the stack is read whole, so the
    # answer and its problems are the whole stack's
    monkeypatch.setattr(reporter.cache.building, "SMALL_FACTS", 10)
    base = tmp_path / "base.yaml"
    base.write_text((REPO / "regions.yaml").read_text(encoding="utf-8").replace("metrics:\n", UNFINISHED_METRIC, 1),
                    encoding="utf-8")
    open_dataset(str(base)).build()  # type: ignore[misc]
    assert open_dataset(str(base)).from_cache
    top = top_layer(tmp_path, text)
    try:
        whole: Dataset | str = load_dataset((base, top))
    except DataError as exc:
        whole = "; ".join(p.text("en") for p in exc.problems)
    try:
        layered: Dataset | str = open_dataset((str(base), str(top))).data
    except DataError as exc:
        layered = "; ".join(p.text("en") for p in exc.problems)
    if isinstance(whole, str):
        assert layered == whole and "defined twice" in whole
    else:
        assert isinstance(layered, Dataset)
        assert_same(layered, whole)
        assert layered.unfinished == whole.unfinished != ()


@pytest.mark.parametrize("text", [
    TOPS["a fact with its region's default source"] + "sources:\n  mine: {publication: 县统计局, title: \"\"  # TODO\n"
    "    , date: '2021'}\n",
    "metrics:\n  rd_other: {zh: 研发投入, en: Other R&D, unit: 万元, theme: rd, kind: flow}\n",
], ids=["an entry left to fill", "a metric named as a base metric is"])
def test_a_stack_the_base_cannot_be_read_apart_from_is_cached_whole(big: Path, tmp_path: Path, text: str,
                                                                    isolated_cache: Path,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    top = top_layer(tmp_path, text)
    first = open_dataset((str(big), str(top)))
    assert not first.from_cache and first.build is not None
    first.build()
    never_read_whole(monkeypatch)
    again = open_dataset((str(big), str(top)))  # from the whole stack's cache, every run after the first
    assert again.from_cache
    monkeypatch.undo()
    assert_same(again.data, load_dataset((big, top)))


def test_a_whole_stack_cache_of_no_more_use_is_removed(big: Path, tmp_path: Path, isolated_cache: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(reporter.cache.building, "OVERLAY_FACTS", 2)
    top = top_layer(tmp_path, TOPS["a metric named by its label, a series, a highlight"])  # 3 facts: cached whole
    open_dataset((str(big), str(top))).build()  # type: ignore[misc]
    whole = isolated_cache / (reporter.cache.reading.cache_name((str(big), str(top))) + ".sqlite")
    assert whole.is_file()
    top.write_text(TOPS["a fact with its region's default source"], encoding="utf-8")  # small again
    monkeypatch.setattr(reporter.cache.building, "OVERLAY_FACTS", 5000)
    opened = open_dataset((str(big), str(top)))
    assert opened.from_cache and opened.build is not None
    opened.build()
    assert not whole.exists()
    assert_same(opened.data, load_dataset((big, top)))


def test_a_writer_over_a_folder_of_data_reads_the_folders_cache(big: Path, tmp_path: Path,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "national"
    folder.mkdir()
    big.rename(folder / "base.yaml")
    open_dataset(str(folder)).build()  # type: ignore[misc]
    top = top_layer(tmp_path, TOPS["a fact with its region's default source"])
    never_loaded_whole(monkeypatch)
    added = run("--data", str(folder), "--data", str(top), "add", "洞头", "policy_incentives_paid", "950",
                "--period", "2018", "--source", "page-2020-kjdd", "--quote", "2018年兑现950万元", "--file", str(top))
    assert added.code == 0, added.stderr
    assert "value: 950" in top.read_text(encoding="utf-8")
