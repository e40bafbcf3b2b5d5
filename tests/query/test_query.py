"""The query layer: lookup, ranking, year over year, search, on the bundled data and small fixtures."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

import pytest

from reporter.data.load import load_dataset
from reporter.errors import LookupFailed, NoData
from reporter.model import names
from reporter.model.dataset import Dataset
from reporter.model.period_words import parse_period
from reporter.query import selection as select
from reporter.query.compare import compare_regions
from reporter.query.delta import is_good, pct_change, yoy_deltas
from reporter.query.rank import rank_each_period, rank_regions
from reporter.query.search import search
from tests.conftest import MINI


@pytest.mark.parametrize("name", ["jiangshan", "江山市", "江山", "Jiangshan", "JIANGSHAN", "jiangshan city", "jiangs"])
def test_region_lookup_by_any_name(bundled: Dataset, name: str) -> None:
    assert names.find_region(bundled, name).id == "jiangshan"


def test_unknown_and_ambiguous_names_suggest(bundled: Dataset) -> None:
    assert names.find_region(bundled, "洞").id == "dongtou"  # a unique prefix is enough
    with pytest.raises(LookupFailed) as unknown:
        names.find_region(bundled, "洞尾")
    assert unknown.value.text("zh") == "未知的地区“洞尾”（是否指 洞头区？）"  # its name in the reader's language
    # typed in Chinese: the candidates by their Chinese names whatever the language (洞投 suggests 洞头区)
    assert unknown.value.text("en") == "unknown region '洞尾' (did you mean 洞头区?)"
    with pytest.raises(LookupFailed, match="unknown region 'dongtuo' \\(did you mean Dongtou"):
        names.find_region(bundled, "dongtuo")
    with pytest.raises(LookupFailed, match="ambiguous"):
        names.find_metric(bundled, "accelerator")


def test_metric_lookup_by_label_alias_and_prefix(bundled: Dataset) -> None:
    assert names.find_metric(bundled, "研发投入").id == "rd_investment"
    assert names.find_metric(bundled, "R&D investment").id == "rd_investment"
    assert names.find_metric(bundled, "rd_inv").id == "rd_investment"
    assert names.find_metric(bundled, "高企").id == "national_hightech_enterprises"


def test_get_latest_and_asked_period(write_yaml: Callable[..., Path]) -> None:
    data = load_dataset(write_yaml(MINI))
    region, metric = names.find_region(data, "甲"), names.find_metric(data, "rd_investment")
    latest = select.get_fact(data, region, metric)
    assert latest.fact.period.canonical == "2020" and [f.period.canonical for f in latest.others] == ["2019"]
    assert select.get_fact(data, region, metric, parse_period("2019")).fact.quantity.value == 100
    with pytest.raises(NoData, match="it has: 2019, 2020"):
        select.get_fact(data, region, metric, parse_period("2018"))


def _two_regions(write_yaml: Callable[..., Path], b_value: str, b_unit: str = "万元") -> Dataset:
    extra = f"""\
  b:
    zh: 乙县
    short: 乙
    en: Yi
    level: county
    prefecture: 某市
    province: 浙江省
    source: s1
    facts:
      - {{metric: rd_investment, value: {b_value}, unit: {b_unit}, period: "2020", quote: q}}
      - {{metric: prov_rank, value: 5, period: "2020", quote: q}}
  c:
    zh: 丙县
    short: 丙
    en: Bing
    level: county
    prefecture: 某市
    province: 浙江省
    source: s1
    facts:
      - {{metric: rd_investment, value: 15000, period: "2020", quote: q, qualifier: more_than}}
      - {{metric: prov_rank, value: 3, period: "2020", quote: q}}
"""
    return load_dataset(write_yaml(MINI + extra))


def test_rank_compares_money_exactly_across_units_and_ties_share_a_place(write_yaml: Callable[..., Path]) -> None:
    data = _two_regions(write_yaml, "1.5", "亿元")  # a: 1.5亿元, b: 1.5亿元, c: >15000万元 (= 1.5亿元)
    ranking = rank_regions(data, data.metrics["rd_investment"])
    assert ranking.period.canonical == "2020"
    assert [(r.position, r.total) for r in ranking.rows] == [(1, 3), (1, 3), (1, 3)]
    # a's 2019 is another year, comparable with 2020: nothing was left out, there are other periods
    assert ranking.left_out == () and [p.canonical for p in ranking.other_periods] == ["2019"]
    data = _two_regions(write_yaml, "9100")
    ranking = rank_regions(data, data.metrics["rd_investment"])
    assert [(r.region.id, r.position) for r in ranking.rows] == [("a", 1), ("c", 1), ("b", 3)]
    assert ranking.rows[1].fact.quantity.qualifier == "more_than"  # kept, to be shown as >15,000万元


def test_rank_polarity_smaller_rank_is_better(write_yaml: Callable[..., Path]) -> None:
    data = _two_regions(write_yaml, "100")
    ranking = rank_regions(data, data.metrics["prov_rank"])
    assert [(r.region.id, r.position, str(r.fact.quantity.value)) for r in ranking.rows] == [
        ("c", 1, "3"), ("b", 2, "5")]
    reverse = rank_regions(data, data.metrics["prov_rank"], reverse=True, top=1)
    assert [r.region.id for r in reverse.rows] == ["b"]


def test_rank_of_a_period_nobody_has(bundled: Dataset) -> None:
    with pytest.raises(NoData, match="periods with data"):
        rank_regions(bundled, bundled.metrics["rd_investment"], parse_period("2018"))


def test_rank_leaves_out_other_periods(bundled: Dataset) -> None:
    ranking = rank_regions(bundled, bundled.metrics["policy_incentives_paid"], parse_period("2020-H1"))
    assert [r.region.id for r in ranking.rows] == ["jiangshan"]
    assert [(f.region, f.period.canonical) for f in ranking.left_out] == [("dongtou", "P2Y/2020-H1")]


def test_delta_derived_from_a_reported_growth_rate(bundled: Dataset) -> None:
    (delta,) = yoy_deltas(bundled, bundled.regions["jiangshan"], bundled.metrics["rd_investment"])
    assert delta.basis == "reported_pct" and delta.derived and delta.qualifier == "approx"
    assert round(delta.previous, 3) == Decimal("1.776")  # 2.06 / 1.16
    assert delta.pct == 16 and delta.direction == "up"
    assert is_good(delta, bundled.metrics["rd_investment"]) is True


def test_delta_of_a_rank_move_is_good_news_when_the_number_falls(bundled: Dataset) -> None:
    (delta,) = yoy_deltas(bundled, bundled.regions["dongtou"], bundled.metrics["st_progress_rank_province"])
    # places gained: change +34, direction up (the number fell from 56 to 22), in every format
    assert (delta.previous, delta.change, delta.direction, delta.good) == (56, 34, "up", True)
    assert not delta.previous_period.comparable  # the page gives the evaluation no period, nor the one before
    assert is_good(delta, bundled.metrics["st_progress_rank_province"]) is True


def test_delta_computed_from_two_periods_a_year_apart(write_yaml: Callable[..., Path]) -> None:
    data = load_dataset(write_yaml(MINI))
    (delta,) = yoy_deltas(data, data.regions["a"], data.metrics["rd_investment"])
    assert delta.basis == "computed" and not delta.derived
    assert (delta.previous, delta.change, delta.pct) == (Decimal("0.01"), Decimal("1.49"), Decimal("14900"))


def test_percent_change_on_a_zero_base_is_empty() -> None:
    assert pct_change(Decimal(5), Decimal(0)) is None
    assert pct_change(Decimal(0), Decimal(0)) is None


def test_delta_without_any_change_is_no_data(bundled: Dataset) -> None:
    with pytest.raises(NoData, match="no year-over-year change"):
        yoy_deltas(bundled, bundled.regions["yueqing"], bundled.metrics["talent_loan_amount"])


def test_search_matches_labels_quotes_and_regions(bundled: Dataset) -> None:
    hits = search(bundled, "飞地")
    assert {f.metric for f in hits.facts} >= {"enclave_enterprises", "jianggan_enclave_enterprises", "rd_enclaves"}
    assert any("飞地" in h.text for h in hits.highlights)
    assert len(search(bundled, "yueqing").facts) == 9
    assert search(bundled, "LOAN").facts  # English labels, case-insensitive


def test_compare_uses_each_regions_latest_fact(bundled: Dataset) -> None:
    rows = compare_regions(bundled, [bundled.regions["dongtou"], bundled.regions["jiangshan"]],
                                 [bundled.metrics["policy_incentives_paid"]])
    (row,) = rows
    assert [f.period.canonical if f else None for f in row.cells] == ["P2Y/2020-H1", "2020-H1"]


@pytest.mark.parametrize("asked", [None, "2020-H1", "2020-01/05", "asof/2020-H1"])
def test_a_comparison_of_many_regions_says_what_one_of_few_says(bundled: Dataset, asked: str | None,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    """Over MANY regions a row is made in one pass over the metric's facts, keeping a few per region;
    its cells and notes are those of the per-region reading (forced here on the bundled data, whose
    unlike and unstated periods exercise both)."""
    from reporter.model.names import find_period
    from reporter.query.compare import Comparison, compare_regions

    period = find_period(asked) if asked else None
    regions = list(bundled.regions.values())

    def rows(many: int) -> list[tuple[object, ...]]:
        monkeypatch.setattr(Comparison, "MANY", many)
        return [(r.metric.id, r.cells, r.left_out, r.unstated) for r in compare_regions(bundled, regions, [], None,
                                                                                          period)]

    few, many = rows(10_000), rows(0)
    assert few and few == many
    if asked in (None, "2020-H1"):  # rows that set unlike or unstated periods apart are among them
        assert any(r[2] or r[3] for r in few) or any(c is not None and not c.period.comparable
                                                     for r in few for c in r[1])


@pytest.mark.parametrize("asked", [None, "2013", "2013-H1"])
def test_many_regions_with_long_series_agree_too(tmp_path: Path, asked: str | None,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    """As above on SYNTHETIC yearly series (20 regions, 5 years): asked for a half year, every region
    is left out with its latest year, which the one-pass reading must pick among five."""
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
    from benchmarks.make_synthetic import synthetic_yaml
    from reporter.model.names import find_period
    from reporter.query.compare import Comparison, compare_regions

    path = tmp_path / "synthetic.yaml"
    path.write_text(synthetic_yaml(20, 4, 5), encoding="utf-8")
    data = load_dataset(path)
    period = find_period(asked) if asked else None

    def rows(many: int) -> list[tuple[object, ...]]:
        monkeypatch.setattr(Comparison, "MANY", many)
        return [(r.metric.id, r.cells, r.left_out, r.unstated)
                for r in compare_regions(data, list(data.regions.values()), [], None, period)]

    if asked == "2013-H1":
        with pytest.raises(NoData):
            rows(0)
        monkeypatch.setattr(Comparison, "MANY", 0)
        comparison = Comparison(data, list(data.regions.values()), list(data.metrics), period, True)
        many = [(r.metric.id, r.cells, r.left_out) for r in comparison]
        monkeypatch.setattr(Comparison, "MANY", 10_000)
        few = [(r.metric.id, r.cells, r.left_out) for r in comparison]
        assert few == many and all(len(r[2]) == 20 for r in few)
        assert {f.period.canonical for r in few for f in r[2]} == {"2015"}  # the latest of 2011-2015
        return
    few, many = rows(10_000), rows(0)
    assert few and few == many


def test_a_top_n_is_the_first_n_rows_of_the_whole_ranking(bundled: Dataset) -> None:
    """--top N works out the places of the rows it keeps alone: the same rows and places (ties share
    one) as the first N of the whole ranking, worst first too."""
    for metric in bundled.metrics.values():
        for reverse in (False, True):
            try:
                whole = rank_regions(bundled, metric, reverse=reverse)
            except NoData:
                continue
            for top in (1, 2, 3, 5):
                assert rank_regions(bundled, metric, top=top, reverse=reverse).rows == whole.rows[:top]


EACH = """
sources:
  s1: {publication: 县统计局, title: 公报, date: "2021"}
themes:
  rd: {zh: 研发投入, en: R&D}
metrics:
  rd: {zh: 研发投入, en: R&D investment, unit: 万元, theme: rd, kind: flow}
  growth: {zh: 增加值增速, en: Value-added growth, unit: "%", theme: rd, kind: rate}
regions:
  a: {zh: 甲县, short: 甲, en: Jia, level: county, prefecture: 某市, province: 浙江省, source: s1,
      series: {rd: {values: {"2018": 120, "2019": 1.5, "2020": 300}, unit: 万元, quote: 表}},
      facts: [{metric: growth, period: "2020", yoy_pct: 5.2, quote: 2020年增长5.2%}]}
  b: {zh: 乙县, short: 乙, en: Yi, level: county, prefecture: 某市, province: 浙江省, source: s1,
      facts: [{metric: rd, value: 1.2, unit: 亿元, period: "2019", quote: 2019年1.2亿元},
              {metric: rd, value: 300, period: "2020", quote: 2020年300万元},
              {metric: growth, period: "2020", yoy_pct: -1.5, quote: 2020年下降1.5%}]}
  c: {zh: 丙县, short: 丙, en: Bing, level: district, prefecture: 某市, province: 浙江省, source: s1,
      series: {rd: {values: "2018=90 2019=80.5 2020=310", quote: 表}},
      facts: [{metric: growth, period: "2020", yoy_pct: 5.2, quote: 2020年增长5.2%}]}
"""


@pytest.mark.parametrize("top", [None, 1, 2])
@pytest.mark.parametrize("reverse", [False, True])
@pytest.mark.parametrize("metric", ["rd", "growth"])
def test_each_periods_ranking_is_that_periods_own(write_yaml: Callable[..., Path], top: int | None, reverse: bool,
                                                  metric: str) -> None:
    # ranked from the figures as stored (a series' facts are not all made), row for row as a ranking of
    # one period of facts: units converted (1.2亿元 over 300万元), ties sharing a place, changes alone
    data = load_dataset(write_yaml(EACH))
    chosen = data.metrics[metric]
    rankings = rank_each_period(data, chosen, top=top, reverse=reverse)
    assert [r.period.canonical for r in rankings] == (["2018", "2019", "2020"] if metric == "rd" else ["2020"])
    for ranking in rankings:
        alone = rank_regions(data, chosen, ranking.period, top=top, reverse=reverse)
        assert ranking.rows == alone.rows and ranking.by_change == alone.by_change
        assert ranking.rows
    last = rankings[-1].rows
    if metric == "growth" and top is None and not reverse:  # 5.2 and 5.2 share the first place
        assert [(row.position, row.region.id) for row in last] == [(1, "a"), (1, "c"), (3, "b")]
