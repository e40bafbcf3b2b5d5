"""Time series: comparable periods, windows, rankings per period and over time, compare by period,
latest changes; and how views draw them (sparklines, rank moves, notes), on a small SYNTHETIC file."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reporter.data.load import load_dataset
from reporter.errors import NoData
from reporter.model.dataset import Dataset
from reporter.model.period_words import parse_period
from reporter.query import selection as select
from reporter.query.compare import compare_regions
from reporter.query.delta import latest_deltas, yoy_deltas
from reporter.query.rank import rank_by_period, rank_each_period, rank_history, rank_regions
from reporter.query.selection import Window
from reporter.render import layout
from reporter.render.views import compare_view, delta_view, rank_view, show_view
from tests.conftest import run

# SYNTHETIC: hand-written figures for three made-up counties; not real data.
SERIES = """\
sources:
  s1: {publication: SYNTHETIC test data, title: hand-written, date: "2020"}
themes:
  rd: {zh: 研发投入, en: R&D}
metrics:
  rd: {zh: 研发投入, en: R&D investment, unit: 万元, theme: rd, kind: flow}
  firms: {zh: 企业数, en: Firms, unit: 家, theme: rd, kind: stock}
  place: {zh: 全省位次, en: Provincial rank, unit: 位, theme: rd, kind: rank, polarity: lower}
regions:
  a:
    zh: 甲县
    short: 甲
    en: Jia
    level: county
    prefecture: 某市
    province: 浙江省
    source: s1
    series:
      rd: {quote: q, values: {"2017": 100, "2018": 120, "2019": 90, "2020": 150}}
      firms: {quote: q, values: {"2017": 5, "2019": 7, "2020": 9}}
    facts:
      - {metric: rd, value: 40, period: 2020-01/05, period_basis: stated, quote: q}
      - {metric: rd, value: 30, period: 2019-01/05, period_basis: stated, quote: q}
      - {metric: place, value: 22, period: "@2020-H1", period_basis: stated, rank_change: 34, quote: q}
  b:
    zh: 乙县
    short: 乙
    en: Yi
    level: county
    prefecture: 某市
    province: 浙江省
    source: s1
    series:
      rd: {quote: q, values: {"2018": 200, "2019": 80, "2020": 110}}
      firms: {quote: q, values: {"2019": 3, "2020": 9}}
  c:
    zh: 丙县
    short: 丙
    en: Bing
    level: county
    prefecture: 某市
    province: 浙江省
    source: s1
    facts:
      - {metric: rd, value: 60, period: 2020-01/09, period_basis: stated, quote: q}
      - {metric: firms, value: 4, period: "2019", period_basis: stated, quote: q}
"""


@pytest.fixture
def data(write_yaml: Callable[..., Path]) -> Dataset:
    return load_dataset(write_yaml(SERIES))


def _p(text: str) -> object:
    return parse_period(text)


# --------------------------------------------------------------------------- periods


@pytest.mark.parametrize(("a", "b", "alike"), [
    ("2019", "2020", True), ("2019-01/05", "2020-01/05", True), ("2020-01/05", "2020-01/09", False),
    ("2020-01/05", "2020", False), ("@2019-H1", "@2020-H1", True), ("@2020-H1", "2020-H1", False),
    ("2019-Q1", "2020-Q1", True), ("2020-Q1", "2020-Q2", False), ("P2Y/2020-H1", "P2Y/2019-H1", True),
])
def test_comparable_periods_are_the_same_season_of_another_year(a: str, b: str, alike: bool) -> None:
    assert select.comparable(parse_period(a), parse_period(b)) is alike


def test_a_window_chooses_from_to_and_the_last_n() -> None:
    years = [parse_period(str(y)) for y in (2016, 2017, 2018, 2019, 2020, 2018)]
    assert [p.canonical for p in Window(last=2).choose(years)] == ["2019", "2020"]
    assert [p.canonical for p in Window(parse_period("2017"), parse_period("2019")).choose(years)] == [
        "2017", "2018", "2019"]
    assert not Window() and Window(last=1)


# --------------------------------------------------------------------------- ranking over time


def test_rank_names_only_unlike_periods_and_points_to_the_others(data: Dataset) -> None:
    ranking = rank_regions(data, data.metrics["rd"], parse_period("2020"))
    assert [r.region.id for r in ranking.rows] == ["a", "b"]
    assert [(f.region, f.period.canonical) for f in ranking.left_out] == [("c", "2020-01/09")]
    assert [p.canonical for p in ranking.other_periods] == ["2017", "2018", "2019"]
    assert ranking.asked
    firms = rank_regions(data, data.metrics["firms"])  # default: the period most regions have
    assert firms.period.canonical == "2019" and firms.left_out == () and not firms.asked
    assert rank_view(data, firms, "en").notes == ["other periods: use --period, or --each-period for each"]
    asked = rank_regions(data, data.metrics["firms"], parse_period("2020"))
    assert rank_view(data, asked, "zh").notes == []  # c's 2019 is simply another year


def test_rank_each_period_is_a_top_n_per_comparable_period(data: Dataset) -> None:
    rankings = rank_each_period(data, data.metrics["rd"], parse_period("2020"), top=1)
    assert [(r.period.canonical, [row.region.id for row in r.rows]) for r in rankings] == [
        ("2017", ["a"]), ("2018", ["b"]), ("2019", ["a"]), ("2020", ["a"])]
    months = rank_each_period(data, data.metrics["rd"], parse_period("2020-01/05"))
    assert [r.period.canonical for r in months] == ["2019-01/05", "2020-01/05"]  # never 1-9月
    assert [r.period.canonical for r in rank_each_period(data, data.metrics["rd"], parse_period("2020"),
                                                                Window(last=2))] == ["2019", "2020"]


def test_rank_history_gives_places_gained_a_year_apart(data: Dataset) -> None:
    history = rank_history(data, data.metrics["rd"], data.regions["b"])
    assert [(r.period.canonical, r.position, r.total, r.gained) for r in history.rows] == [
        ("2018", 1, 2, None), ("2019", 2, 2, -1), ("2020", 2, 2, 0)]
    last = rank_history(data, data.metrics["rd"], data.regions["b"], window=Window(last=1))
    assert [(r.period.canonical, r.gained) for r in last.rows] == [("2020", 0)]  # its move is still known
    with pytest.raises(NoData):
        rank_history(data, data.metrics["place"], data.regions["b"])


def test_rank_by_period_orders_regions_by_the_latest_period(data: Dataset) -> None:
    ranking, table = rank_by_period(data, data.metrics["rd"], parse_period("2019"))
    assert ranking.period.canonical == "2020"  # the latest of the periods like 2019
    assert [p.canonical for p in table.periods] == ["2017", "2018", "2019", "2020"]
    assert [(row.key.id, [f.quantity.written if f else None for f in row.cells]) for row in table.rows] == [
        ("a", ["100", "120", "90", "150"]), ("b", [None, "200", "80", "110"])]


# --------------------------------------------------------------------------- compare, delta, show by period


def test_compare_a_period_names_unlike_periods_left_out(data: Dataset) -> None:
    regions = [data.regions[r] for r in ("a", "b", "c")]
    rows = compare_regions(data, regions, [data.metrics["rd"]], period=parse_period("2020"))
    (row,) = rows
    assert [f.quantity.written if f else None for f in row.cells] == ["150", "110", None]
    assert [(f.region, f.period.canonical) for f in row.left_out] == [("c", "2020-01/09")]
    view = compare_view(data, regions, rows, "en", parse_period("2020"))
    assert view.said_notes() == ["left out (other periods, not comparable): Bing Jan–Sep 2020; "
                                 "use --period 2020-01/09 etc."]
    latest = compare_regions(data, regions, [data.metrics["rd"]])
    assert next(iter(latest)).mixed  # 2020, 2020, 2020-01/09 side by side
    assert compare_view(data, regions, latest, "zh").said_notes()[0].startswith("注意：1项指标把不同时期的数值并列")


def test_latest_deltas_of_one_region_and_of_every_region(data: Dataset) -> None:
    latest = yoy_deltas(data, data.regions["a"], latest=True)
    assert {(d.fact.metric, d.fact.period.canonical) for d in latest} == {
        ("rd", "2020"), ("firms", "2020"), ("place", "asof/2020-H1")}
    every = latest_deltas(data, data.metrics["rd"])
    assert [(d.fact.region, d.fact.period.canonical, d.change) for d in every] == [
        ("a", "2020", Decimal(60)), ("b", "2020", Decimal(30))]  # c has no year before its 1-9月


def test_a_region_by_period_puts_each_period_in_a_column(data: Dataset) -> None:
    table = select.region_by_period(data, data.regions["a"], window=Window(parse_period("2018")))
    assert [p.canonical for p in table.periods] == ["2018", "2019-01/05", "2019", "2020-01/05", "asof/2020-H1",
                                                    "2020"]
    rows = {row.key.id: [f.quantity.written if f else None for f in row.cells] for row in table.rows}
    assert rows["firms"] == [None, None, "7", None, None, "9"]
    assert rows["rd"] == ["120", "30", "90", "40", None, "150"]


# --------------------------------------------------------------------------- how views draw them


def _cells(view: object, key: str) -> list[str]:
    return [row.cells.get(key, "") for row in view.rows()]  # type: ignore[attr-defined]


def test_sparklines_only_over_like_periods_with_gaps_for_missing_years(data: Dataset) -> None:
    view = show_view(data, data.regions["a"], "zh")
    trends = dict(zip([(row.cells["label"], row.cells["period"]) for row in view.rows()], _cells(view, "trend")))
    assert trends[("研发投入", "2020年")] == "▂▄▁█"
    assert trends[("研发投入", "2020年1-5月")] == "▁█"  # with the other 1-5月 only
    assert trends[("研发投入", "2019年")] == ""  # one picture per metric and kind of period, on the latest
    assert trends[("企业数", "2020年")] == "▁ ▄█"  # 2018 missing: a gap, not a steady line


def test_show_computes_the_change_the_source_does_not_report(data: Dataset) -> None:
    view = show_view(data, data.regions["a"], "zh")
    changes = {(row.cells["label"], row.cells["period"]): row.cells["change"] for row in view.rows()}
    assert changes[("研发投入", "2020年")] == "同比+66.7%"
    assert changes[("研发投入", "2017年")] == ""
    assert changes[("全省位次", "截至2020年上半年")] == "提升34位"  # as reported


def test_delta_tells_a_rank_move_in_places_gained(data: Dataset) -> None:
    region = data.regions["a"]
    (move,) = [d for d in yoy_deltas(data, region) if d.fact.metric == "place"]
    for lang, change, direction in (("zh", "↑34位", "↑ 好转"), ("en", "up 34 places", "↑ better")):
        (row,) = [r for r in delta_view(data, region, [move], lang).rows()]
        assert (row.cells["delta"], row.cells["direction"]) == (change, direction)
    (record,) = delta_view(data, region, [move], "zh").records()
    # one rule in every format: places gained are up and better (the number fell from 56 to 22)
    assert (record["change"], record["direction"], record["places"], record["good"]) == (34, "up", 34, True)
    assert (record["arrow"], record["previous"]) == ("↑", 56)


def test_delta_draws_each_rows_own_sparkline(data: Dataset) -> None:
    every = delta_view(data, None, latest_deltas(data, data.metrics["rd"]), "zh", metric=data.metrics["rd"])
    assert _cells(every, "trend") == ["▂▄▁█", "█▁▂"]
    one = delta_view(data, data.regions["a"], yoy_deltas(data, data.regions["a"], data.metrics["rd"]), "zh")
    # oldest first (2018, 2019, 2020年1-5月, 2020): one picture per kind of period, on its latest row
    assert _cells(one, "trend") == ["", "", "▁█", "▂▄▁█"]


def test_a_picture_is_drawn_only_when_rows_differ() -> None:
    from reporter.render.views import Column, Row

    trend = Column("trend", "", visual=True)
    assert not layout.draws(trend, [Row({"trend": "▁█"}), Row({"trend": "▁█"})])
    assert layout.draws(trend, [Row({"trend": "▁█"}), Row({"trend": ""})])
    assert layout.draws(trend, [Row({"trend": "▁█"})])
    assert not layout.draws(trend, [Row({"trend": ""})])


# --------------------------------------------------------------------------- breaking text


def _width(text: str) -> int:
    from rich.cells import cell_len

    return cell_len(text)


def test_labels_break_between_words_or_wide_characters_never_before_closing_punctuation() -> None:
    assert layout.wrap_text("R&D investment, above-scale", 12, _width) == ["R&D", "investment,", "above-scale"]
    assert layout.wrap_text("产品智能化项目（已投入）", 14, _width) == ["产品智能化项目", "（已投入）"]
    assert layout.wrap_text("截至2020年上半年", 6, _width) == ["截至", "2020年", "上半年"]
    assert layout.join_parts(("9,100多万元", "（2019年）"), 12, _width) == ["9,100多万元", "（2019年）"]


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=st.sampled_from("ab 江山（）、,.1"), max_size=30), st.integers(min_value=2, max_value=12))
def test_wrapping_keeps_every_character_within_the_width(text: str, width: int) -> None:
    lines = layout.wrap_text(text, width, _width)
    assert "".join(lines).replace(" ", "") == text.replace(" ", "")
    assert all(_width(line) <= width for line in lines)


def test_new_options_refuse_what_they_cannot_honour() -> None:
    cases = [(["rank", "研发投入", "--last", "2"], "--last needs --each-period, --region or --by period"),
             (["rank", "研发投入", "--each-period", "--region", "江山"],
              "choose one of --each-period and --region"),
             (["rank", "研发投入", "--region", "江山", "--top", "2"], "--top needs a ranking, not --region"),
             (["delta"], "name a REGION, or give --all [METRIC]"),
             (["delta", "江山", "--all", "研发投入"], "--all takes one METRIC at most"),
             (["delta", "江山", "--all"], "--all shows every region: name a METRIC (or none), not the region 江山市"),
             (["show", "江山", "--by", "period", "--sources"], "--sources needs the list layout")]
    for args, message in cases:
        result = run(*args)
        assert (result.code, result.stdout) == (2, ""), args
        assert message in result.stderr, (args, result.stderr)
