"""extract and prose: reading Chinese statistical prose into draft facts, measured honestly.

The recall figures (the source page against regions.yaml, and each SYNTHETIC article in
tests/fixtures against its hand-written answer key) are printed at the end of every run, in
pytest's terminal summary (tests/conftest.py), whatever the capture mode.
"""

from __future__ import annotations

import json
import re
import time
from decimal import Decimal
from pathlib import Path
from typing import Any, NamedTuple

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reporter.curate.extract import (
    JSON_KEYS,
    Draft,
    drafts_as_json,
    drafts_as_yaml,
    extract,
    guess_metric,
    match_metric,
    read_source,
    read_source_text,
    unresolved_periods,
)
from reporter.data.load import load_dataset
from reporter.data.paths import bundled_data_path
from reporter.errors import DataError, UsageProblem
from reporter.model.dataset import Dataset
from reporter.model.period_words import parse_period
from reporter.prose import readings as prose
from reporter.prose import time_words as prose_periods
from reporter.prose.numerals import chinese_number
from reporter.render import terminal
from tests.conftest import RECALL_REPORT, SOURCE_DIR, run

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
SYNTHETIC = sorted(FIXTURES.glob("extract-synthetic-*.txt"))
AS_OF = "2020-06"  # the bundled source's readings: relative words read against the end of 2020 H1
FLOORS = {"value+unit": 0.85, "qualifier": 0.8, "period": 0.6, "change": 0.8}  # well below what is measured
# Periods: where the page prints no time word, extract drafts "period not stated" (unstated/…), which is
# what the page says; the curated data reads some present-tense states and unprinted rank years as of
# mid-2020, each with an "# assumed" comment. Those judgement calls are the period misses listed.


# --------------------------------------------------------------------------- measuring


class Expected(NamedTuple):
    """One fact an extraction should find: where its number is, and what should be read there."""

    spans: list[tuple[int, int]]
    value: str
    unit: str
    qualifier: str
    period: str
    yoy: str | None
    rank_change: int | None
    group: str  # the region, or the fixture
    metric: str | None = None  # the curated metric id (reported, not a floor: the catalogue is the page's own)
    metric_keyed: bool = False  # whether ``metric`` is the answer (None then means: no metric may be guessed)


def denotation(period: str | None) -> tuple[bool, int, int] | None:
    """What a period means: @2020-H1 and @2020-06 are the same moment, 2020-01/06 and 2020-H1 the same months."""
    if period is None:
        return None
    parsed = parse_period(period)
    return (parsed.kind == "asof", parsed.first, parsed.last)


def offset(text: str, draft: Draft) -> int:
    starts = [0] + [m.end() for m in re.finditer("\n", text)]
    return starts[draft.line - 1] + draft.column - 1


def score(text: str, drafts: list[Draft], expected: list[Expected]) -> tuple[dict[str, dict[str, int]], list[str]]:
    """Per group: facts, found (value+unit at the right place), qualifier, period and change right.
    A fact not found counts as wrong in every column; a draft counts for one fact only (各1家 is two
    facts, and wants two drafts). Keyed metrics are counted too. Also the misses, for the report."""
    placed = [(offset(text, d), d) for d in drafts]
    used: set[int] = set()
    counts: dict[str, dict[str, int]] = {}
    misses: list[str] = []
    for e in expected:
        c = counts.setdefault(e.group, dict.fromkeys(("facts", "value+unit", "qualifier", "period", "change",
                                                       "metric", "metric_keyed"), 0))
        c["facts"] += 1
        c["metric_keyed"] += e.metric_keyed
        hits = [(i, d) for i, (at, d) in enumerate(placed) if i not in used
                and any(s <= at < t for s, t in e.spans) and (d.value, d.unit) == (e.value, e.unit)]
        if not hits:
            misses.append(f"{e.group}: {e.value}{e.unit} not found")
            continue
        i, d = hits[0]
        used.add(i)
        c["value+unit"] += 1
        c["metric"] += e.metric_keyed and d.metric == e.metric
        if e.metric_keyed and d.metric != e.metric:
            misses.append(f"{e.group}: {d.written} metric {d.metric}, expected {e.metric}")
        c["qualifier"] += d.qualifier == e.qualifier
        if d.qualifier != e.qualifier:
            misses.append(f"{e.group}: {d.written} qualifier {d.qualifier}, expected {e.qualifier}")
        c["period"] += denotation(d.period) == denotation(e.period)
        if denotation(d.period) != denotation(e.period):
            misses.append(f"{e.group}: {d.written} period {d.period} ({d.period_word or 'no word'}), "
                          f"expected {e.period}")
        yoy_right = (d.yoy_pct is None) == (e.yoy is None) and (e.yoy is None or Decimal(d.yoy_pct or 0)
                                                                == Decimal(e.yoy))
        c["change"] += yoy_right and d.rank_change == e.rank_change
        if not (yoy_right and d.rank_change == e.rank_change):
            misses.append(f"{e.group}: {d.written} change {d.yoy_pct}/{d.rank_change}, "
                          f"expected {e.yoy}/{e.rank_change}")
    return counts, misses


def total(counts: dict[str, dict[str, int]]) -> dict[str, int]:
    out: dict[str, int] = {}
    for c in counts.values():
        for k, v in c.items():
            out[k] = out.get(k, 0) + v
    return out


def figures(name: str, c: dict[str, int]) -> str:
    parts = [f"{k} {c[k]}/{c['facts']} ({c[k] / c['facts']:.0%})" for k in FLOORS]
    return f"{name:<24} " + ", ".join(parts)


def below_floor(c: dict[str, int]) -> list[str]:
    return [k for k, floor in FLOORS.items() if c[k] / c["facts"] < floor]


@pytest.fixture(scope="session")
def recall_report() -> list[str]:
    """Lines for the end of the run: tests/conftest.py prints them in pytest's terminal summary."""
    return RECALL_REPORT


@pytest.fixture(scope="module")
def page(bundled: Dataset) -> str:
    source = bundled.sources["page-2020-kjdd"]
    path = SOURCE_DIR / source.file
    if not path.is_file():
        pytest.fail(f"the source page {path} is missing: the extract recall test needs it "
                    "(it ships with the package, reporter/sources)")
    return read_source_text(path)


def page_expected(page: str, data: Dataset) -> list[Expected]:
    """The facts regions.yaml holds, each placed by its verbatim quote (every occurrence)."""
    out = []
    for fact in data.facts:
        spans = [(m.start(), m.end()) for m in re.finditer(re.escape(fact.quote), page)]
        assert spans, f"quote not in the page: {fact.quote}"
        out.append(Expected(spans, fact.quantity.written, fact.quantity.unit, fact.quantity.qualifier,
                            fact.period.canonical, fact.yoy_written, fact.rank_change, fact.region, fact.metric,
                            True))
    return out


# --------------------------------------------------------------------------- recall


def test_recall_on_the_source_page(page: str, bundled: Dataset, recall_report: list[str],
                                   record_property: Any) -> None:
    """The page read for each region in turn, as ``extract --region R`` reads it (the numbers of the
    other regions' parts and sentences left out); each region's facts matched by quote position,
    value and unit against that region's drafts. A draft that is another region's curated fact is
    a stray: there must be none."""
    expected = page_expected(page, bundled)
    counts: dict[str, dict[str, int]] = {}
    misses: list[str] = []
    drafted: dict[str, list[Draft]] = {}
    for region in bundled.regions:
        drafts = extract(page, region, bundled.metrics, AS_OF, "page-2020-kjdd", bundled.regions)
        drafted[region] = drafts
        found, missed = score(page, drafts, [e for e in expected if e.group == region])
        counts.update(found)
        misses += [m for m in missed if " metric " not in m]  # the page's catalogue is its own: a count
    overall = total(counts)

    def curated(d: Draft, facts: list[Expected]) -> bool:
        return any(any(s <= offset(page, d) < t for s, t in e.spans) and (d.value, d.unit) == (e.value, e.unit)
                   for e in facts)

    matched = sum(curated(d, [e for e in expected if e.group == r]) for r, ds in drafted.items() for d in ds)
    strays = [f"{r}: {d.written} (line {d.line})" for r, ds in drafted.items() for d in ds
              if curated(d, [e for e in expected if e.group != r])]
    lines = [figures(f"page: {region}", c) for region, c in counts.items()]
    lines.append(figures("page: all regions", overall))
    lines.append(f"{'':<24} {sum(map(len, drafted.values()))} drafts ("
                 + ", ".join(f"{r} {len(ds)}" for r, ds in drafted.items())
                 + f"), {matched} of them a curated fact of their region, {len(strays)} another region's; "
                 f"catalogue metric named for {overall['metric']}/{overall['facts']} facts")
    lines += [f"{'':<24} miss: {m}" for m in misses]
    lines += [f"{'':<24} stray: {m}" for m in strays]
    recall_report.extend(lines)
    record_property("extract_recall_page", overall)
    assert not below_floor(overall) and not any(below_floor(c) for c in counts.values()), "\n".join(lines)
    assert not strays, "\n".join(lines)


@pytest.mark.parametrize("article", SYNTHETIC, ids=[p.stem for p in SYNTHETIC])
def test_recall_on_synthetic_articles(article: Path, recall_report: list[str], bundled: Dataset) -> None:
    text = article.read_text(encoding="utf-8")
    assert text.startswith("SYNTHETIC"), "a fixture article says SYNTHETIC on its first line"
    key = json.loads(article.with_suffix(".expected.json").read_text(encoding="utf-8"))
    drafts = extract(text, "synthetic", bundled.metrics, key["as_of"])
    expected = []
    for fact in key["facts"]:
        start = text.index(fact["mention"])
        expected.append(Expected([(start, start + len(fact["mention"]))], fact["value"], fact["unit"],
                                 fact["qualifier"], fact["period"], fact["yoy_pct"], fact["rank_change"], article.stem,
                                 fact.get("metric"), "metric" in fact))
    counts, misses = score(text, drafts, expected)
    c = total(counts)
    wrongly = []
    for word in key["not_facts"]:
        start = text.index(word)
        wrongly += [d.written for d in drafts if start <= offset(text, d) < start + len(word)]
    keyed = f"; metric right {c['metric']}/{c['metric_keyed']} keyed" if c["metric_keyed"] else ""
    lines = [figures(article.stem.replace("extract-", ""), c),
             f"{'':<24} {len(drafts)} drafts for {c['facts']} facts; non-facts drafted: {wrongly or 'none'}{keyed}"]
    lines += [f"{'':<24} miss: {m}" for m in misses]
    recall_report.extend(lines)
    assert not below_floor(c) and not wrongly and c["metric"] == c["metric_keyed"], "\n".join(lines)


def test_extract_is_quick(page: str, bundled: Dataset, recall_report: list[str]) -> None:
    extract(page, "jiangshan", bundled.metrics, AS_OF, None, bundled.regions)  # the first run compiles the patterns
    runs = []
    for _ in range(5):
        start = time.perf_counter()
        extract(page, "jiangshan", bundled.metrics, AS_OF, None, bundled.regions)
        runs.append(time.perf_counter() - start)
    median = sorted(runs)[2]
    recall_report.append(f"{'speed':<24} the source page ({len(page)} characters) in {median * 1000:.0f} ms "
                         "(median of 5)")
    assert median < 0.5, f"extract took {median:.3f} s on the source page"


# --------------------------------------------------------------------------- what every draft holds


def test_every_quote_is_verbatim_on_its_line_and_the_column_is_the_number(page: str) -> None:
    for text in [page, *(p.read_text(encoding="utf-8") for p in SYNTHETIC)]:
        lines = text.split("\n")
        for d in extract(text, "any", None, AS_OF):
            assert d.quote and d.quote in lines[d.line - 1], d
            assert d.written in d.quote or d.written in lines[d.line - 1]
            assert re.match(r"[0-9零〇一二两三四五六七八九十百千万]", lines[d.line - 1][d.column - 1:]), d


def test_page_non_facts_are_not_drafted(page: str) -> None:
    drafts = extract(page, "any", None, AS_OF)
    written = {d.written for d in drafts}
    lines = {d.line for d in drafts}
    assert 35 not in lines and 36 not in lines  # the editor's phone number and e-mail address
    assert not any("CCTV" in d.quote and d.value == "2" for d in drafts)
    assert not any(d.unit in ("年", "月") for d in drafts)
    assert "一家" not in written and "一一家" not in written  # 唯一一家: "the only one", not a count
    assert not any(d.value in ("2019", "2020") for d in drafts)


# --------------------------------------------------------------------------- prose, piece by piece


def one(text: str) -> prose.Reading:
    readings = prose.read(text)
    assert len(readings) == 1, readings
    return readings[0]


@pytest.mark.parametrize("text, value, unit", [
    ("研发投入2.06亿元。", "2.06", "亿元"),
    ("金额达1009.0万元。", "1009.0", "万元"),
    ("租赁3600平方米。", "3600", "平方米"),
    ("孵化器面积达12万平方米。", "12", "万平方米"),
    ("培育科技型企业1.2万家。", "1.2", "万家"),  # as written: the data keep values and units as printed
    ("省级企业研究院三家。", "3", "家"),
    ("院士专家工作站六家。", "6", "家"),
    ("走访企业近300家次。", "300", "家次"),
    ("培训3500人次。", "3500", "人次"),
    ("提供近600台套的自动化设备。", "600", "台套"),
    ("引进硕士二十二人。", "22", "人"),
    ("贷款总额１２．５亿元。", "12.5", "亿元"),
    ("企业1,200家。", "1200", "家"),
    ("入驻率达87.5%。", "87.5", "%"),
])
def test_numbers_and_units(text: str, value: str, unit: str) -> None:
    r = one(text)
    assert (r.value, r.unit) == (value, unit)


@settings(max_examples=200, deadline=None)
@given(st.from_regex(r"[1-9][0-9]{0,6}(\.[0-9]{1,3})?", fullmatch=True), st.sampled_from(prose.UNITS))
def test_a_number_in_digits_with_a_unit_is_read_back_as_written(number: str, unit: str) -> None:
    r = one(f"全县科技企业研发投入{number}{unit}。")
    assert (r.value, r.unit, r.qualifier) == (number, unit, "exact")


def zh_numeral(n: int) -> str:
    """How a person writes 1 ≤ n < 10**8 in Chinese numerals (二十二, 一百零五, 三万零五百)."""
    digits = "零一二三四五六七八九"

    def below_10000(k: int) -> str:
        out, zero = "", False
        for value, name in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
            d = k // value % 10
            if d:
                out += ("零" if zero and out else "") + digits[d] + name
                zero = False
            else:
                zero = True
        return out

    high, low = divmod(n, 10_000)
    text = (below_10000(high) + "万" if high else "") + ("零" if high and 0 < low < 1000 else "") + below_10000(low)
    return text[1:] if text.startswith("一十") else text


@given(st.integers(min_value=1, max_value=99_999_999))
def test_chinese_numerals_read_back(n: int) -> None:
    assert chinese_number(zh_numeral(n)) == n


@pytest.mark.parametrize("text, qualifier, word", [
    ("研发经费投入9100多万元。", "more_than", "多"),
    ("发放创新券300余万元。", "more_than", "余"),
    ("入驻企业超过50家。", "more_than", "超过"),
    ("带动新增投资超10亿元。", "more_than", "超"),
    ("引进企业50家以上。", "at_least", "以上"),
    ("提供近600台套设备。", "nearly", "近"),
    ("兑现资金约3200万元。", "approx", "约"),
    ("培训3500人次左右。", "approx", "左右"),
    ("安排资金不少于1000万元。", "at_least", "不少于"),
    ("目标1000人。", "target", "目标"),
    ("力争全年研发投入突破6亿元。", "target", "力争"),
    ("研发投入2.06亿元。", "exact", ""),
])
def test_qualifiers(text: str, qualifier: str, word: str) -> None:
    r = one(text)
    assert (r.qualifier, r.qualifier_word) == (qualifier, word)


def test_near_two_years_is_a_period_not_a_qualifier() -> None:
    r = one("近两年兑现科技优惠政策金额1200多万元。")
    assert r.qualifier == "more_than"
    assert r.period is not None and r.period.kind == "trailing" and r.period.a == 2


@pytest.mark.parametrize("text, changes", [
    ("研发投入2.06亿元，同比增长16%，占营业收入的2.1%。", ["16", None]),
    ("产值37.36亿元，同比下降14.7%。", ["-14.7"]),
    ("产值、增加值分别为37.36亿元、9.07亿元，同比分别下降14.7%、9.4%。", ["-14.7", "-9.4"]),
    ("新增企业38家、省科技型中小企业112家，分别增长18.8%、9.8%。", ["18.8", "9.8"]),
    ("新产品产值29.4亿元，增速为-6.3%。", ["-6.3"]),
    ("技术交易总额1.05亿元，较去年同期减少12%。", ["-12"]),
    ("比重为3.05%，较上年提高0.21个百分点。", [None]),  # points, not a year-over-year %
    ("新认定企业42家，比上年同期增加7家。", [None]),  # the 7 is a change, not a fact
])
def test_changes_attach_to_the_numbers_they_describe(text: str, changes: list[str | None]) -> None:
    assert [r.yoy for r in prose.read(text)] == changes


@pytest.mark.parametrize("text, ranks", [
    ("综合评价位次跃升至全省第22位、全市第4位；全省排名比上一年度提升了34个位次。", [("22", 34), ("4", None)]),
    ("综合评价居全省第31位，比上年前移5位。", [("31", 5)]),
    ("在全市排名第8位，较上年下降3位。", [("8", -3)]),
    ("位居全市第三位，较上一年度上升两个位次。", [("3", 2)]),
    ("评价居全市第二十二名。", [("22", None)]),
])
def test_ranks_and_rank_moves(text: str, ranks: list[tuple[str, int | None]]) -> None:
    readings = prose.read(text)
    assert [(r.value, r.rank_change) for r in readings] == ranks
    assert all(r.rank and r.unit == "位" for r in readings)


@pytest.mark.parametrize("text, as_of, periods", [
    ("1-5月，全市企业研发投入2.06亿元；新增企业3家。", "2020-06", ["2020-01/05", "2020-01/05"]),
    ("上半年，新增企业47家。开展评价工作，共有80家企业通过评价。", "2020-06", ["2020-H1", "2020-H1"]),
    ("新增企业47家。上半年新增企业3家，总数达22家。", "2020-06", ["unstated/2020-H1", "2020-H1", "asof/2020-H1"]),
    ("一季度实现技术交易额653.4万元。", "2020-06", ["2020-Q1"]),
    ("2019年区规上工业企业R&D经费投入9100多万元。", "2020-06", ["2019"]),
    ("2020年首次开展绩效评价，共下达补助资金170万元。", "2020-06", ["2020"]),  # 2020, so far: not a stock
    ("截至目前，共拥有国家级高新技术企业10家。", "2020-06", ["asof/2020-H1"]),
    ("累计发放创新券290多万元。", "2020-06", ["asof/2020-H1"]),
    ("截至6月底，全县企业研究院3家。", "2020-07", ["asof/2020-H1"]),
    ("截至9月末，全县企业研究院3家。", "2020-10", ["asof/2020-Q3"]),
    ("近两年兑现资金1200多万元；支持企业获贷款2.6亿元。", "2020-06", ["P2Y/2020-H1", "unstated/2020-H1"]),
    ("近两年，兑现资金1200多万元；支持企业获贷款2.6亿元。", "2020-06", ["P2Y/2020-H1", "P2Y/2020-H1"]),
    ("开展评价，上半年，新增企业3家；认定企业4家。另有企业5家。", "2020-06", ["2020-H1", "2020-H1", "unstated/2020-H1"]),
    ("全县已建成省级企业研究院5家。", "2020-06", ["asof/2020-H1"]),
    ("上半年新增企业3家；累计培育企业20家。", "2020-06", ["2020-H1", "asof/2020-H1"]),
    ("2019年，新增企业3家；已有企业20家。", "2020-06", ["2019", "2019"]),  # a period in force wins over 已
    ("研发投入2.06亿元。", "2020-06", ["unstated/2020-H1"]),  # no time word: the page does not say
    ("一年为100多家企业提供设备。", "2020-06", ["unstated/2020-H1"]),  # 一年 names no year
    ("通过5年努力，在乐清培养1000人的队伍。", "2020-06", ["unstated/2020-H1"]),  # the text gives no start year
    ("1-9月份，全县研发费用4.35亿元。", "2020-10", ["2020-01/09"]),
    ("1至9月，全县研发费用4.35亿元。", "2020-10", ["2020-01/09"]),
    ("前三季度，全县研发费用4.35亿元。", "2020-10", ["2020-01/09"]),
    ("1-9月，全县研发费用4.35亿元。", "2020-06", ["2019-01/09"]),  # not over yet: last year's
    ("今年1至9月，全县研发费用4.35亿元。", "2020-10", ["2020-01/09"]),
    ("2020年上半年，洽谈引进4个项目。", "2021-03", ["2020-H1"]),
    ("2020年，全县新增企业38家；全年技术合同成交额5.6亿元。", "2021-03", ["2020", "2020"]),
    ("到2023年全区高新技术企业达到300家以上。", "2021-03", ["asof/2023"]),
    ("10月，发放资料5000余份。", "2020-11", ["2020-10"]),
])
def test_periods(text: str, as_of: str, periods: list[str]) -> None:
    month = prose_periods.month_index(as_of)
    got = [prose_periods.resolve_period(r.period, month, r.point, r.qualifier == "target") for r in prose.read(text)]
    assert got == periods


def test_a_period_opening_a_paragraph_governs_it_and_one_inside_a_sentence_ends_with_it() -> None:
    text = "上半年，新增企业3家。认定企业4家。\n开展评价，上半年新增企业5家。认定企业6家。"
    got = [prose_periods.resolve_period(r.period, prose_periods.month_index("2020-06")) for r in prose.read(text)]
    assert got == ["2020-H1", "2020-H1", "2020-H1", "unstated/2020-H1"]


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(["1-5月", "上半年", "下半年", "一季度", "前三季度", "2019年", "今年", "去年", "截至目前",
                        "截至9月底", "近两年", "两年来", "通过3年努力", "到2025年", "1至9月份", "今年1-6月", "10月"]),
       st.integers(min_value=2000 * 12, max_value=2030 * 12 + 11), st.booleans(), st.booleans())
def test_every_period_read_is_in_our_grammar(word: str, month: int, point: bool, target: bool) -> None:
    readings = prose.read(f"{word}，全县新增企业3家。")
    assert len(readings) == 1 and readings[0].period is not None
    period = prose_periods.resolve_period(readings[0].period, month, point, target)
    assert period is not None and parse_period(period).canonical == period


@pytest.mark.parametrize("text", [
    "责任编辑：王 殊 电话：0571-28978924，",
    "版式设计：俞秋生 E-mail:81008407@qq.com，",
    "被央视CCTV-2栏目报道，5G应用创新中心揭牌。",
    "中心于2020年7月15日揭牌，县科技局举办第三届“科技下乡”活动。",
    "围绕“四个年”活动，做实“三服务”，也是温州地区的唯一一家，建设一个平台。",
    "《科技创新三年行动计划（2021-2023年）》明确，咨询热线12345。",
])
def test_non_facts(text: str) -> None:
    assert prose.read(text) == []


def test_a_heading_is_not_read() -> None:
    assert prose.read("五个聚焦做好科技创新\n") == []


# --------------------------------------------------------------------------- extract


def test_without_as_of_relative_periods_stay_open_and_are_listed() -> None:
    drafts = extract("研发投入2.06亿元。2019年研发投入9100多万元。\n1-5月新增企业3家。", "x")
    assert [d.period for d in drafts] == [None, "2019", None]
    assert [m.text("en") for m in unresolved_periods(drafts)] == ["line 1: 2.06亿元: no period printed; give --as-of",
                                                                 "line 2: 3家: '1-5月' needs --as-of"]
    assert unresolved_periods(drafts)[1].text("zh") == "第2行：3家：“1-5月”需要 --as-of"


def test_a_bad_as_of_is_a_usage_problem() -> None:
    with pytest.raises(UsageProblem, match="YYYY-MM"):
        extract("研发投入2.06亿元。", "x", as_of="June")


def test_as_of_may_be_any_period_of_the_grammar() -> None:
    assert extract("截至目前，企业10家。", "x", as_of="2020-H1")[0].period == "asof/2020-H1"


def test_metric_by_label_or_alias(bundled: Dataset) -> None:
    metrics = bundled.metrics
    assert match_metric("全市规上企业研发投入", "亿元", metrics) == "rd_investment"
    assert match_metric("区规上工业企业R&D经费投入", "万元", metrics) == "industrial_rd_investment"  # its label
    assert match_metric("全区工业企业研发投入", "万元", metrics) == "industrial_rd_investment"  # the longer alias
    assert match_metric("研发投入", "万元", metrics) == "rd_investment"  # an alias
    assert match_metric("全市规上企业研发投入", "家", metrics) is None  # the unit must fit
    assert match_metric("新招引服务机构", "家", metrics) == "complex_new_agencies"  # held by one name
    assert match_metric("总数", "家", metrics) is None


def test_a_metric_is_named_from_a_page_in_traditional_characters(bundled: Dataset) -> None:
    [draft] = extract("全市規上企業研發投入12億元。", "x", bundled.metrics, "2024-03")  # as a mirror prints it
    assert (draft.unit, draft.metric) == ("億元", "rd_investment")


def test_a_figure_repeated_in_a_summary_is_drafted_once(page: str) -> None:
    drafts = extract(page, "x", None, AS_OF)
    assert [d.line for d in drafts if d.value == "2.06"] == [54]


# --------------------------------------------------------------------------- renderers


def test_json_records(page: str) -> None:
    drafts = extract(page, "x", None, AS_OF)
    records = json.loads(drafts_as_json(drafts))
    assert len(records) == len(drafts)
    assert all(list(r) == list(JSON_KEYS) for r in records)
    first = records[0]
    assert (first["value"], first["unit"], first["period"], first["rank_change"]) == ("22", "位", "unstated/2020-H1", 34)
    assert records[[d.value for d in drafts].index("2.06")]["yoy_pct"] == "16"


KINDS = {"%": "rate", "位": "rank"}


def fill(yaml_text: str, drafts: list[Draft], metric_ids: list[str] | None = None) -> str:
    """Do the curator's job mechanically: every TODO filled, metrics m0, m1 … for the open ones."""
    values = {"zh": "新县", "short": "新", "en": "Xinxian", "level": "county", "prefecture": "某市",
              "province": "浙江省", "publication": "test page", "title": "a test", "date": "2020",
              "period": "2020"}
    out, n = [], 0
    for line in yaml_text.split("\n"):
        m = re.match(r'(\s*-? ?)(\w+): ""  # TODO', line)
        if m and m.group(2) == "metric":
            line = f"{m.group(1)}metric: {metric_ids[n] if metric_ids else f'm{n}'}"
            n += 1
        elif m:
            line = f"{m.group(1)}{m.group(2)}: {json.dumps(values[m.group(2)], ensure_ascii=False)}"
        out.append(line)
    return "\n".join(out)


def catalogue(drafts: list[Draft]) -> str:
    lines = ["themes:", "  t: {zh: 测试, en: test}", "metrics:"]
    for i, d in enumerate(drafts):
        kind = "target" if d.qualifier == "target" else KINDS.get(d.unit, "count")
        polarity = ", polarity: lower" if kind == "rank" else ""
        lines.append(f'  m{i}: {{zh: 指标{i}, en: m{i}, unit: "{d.unit}", theme: t, kind: {kind}{polarity}}}')
    return "\n".join(lines) + "\n"


def test_yaml_for_a_new_region_loads_once_filled_and_is_refused_until_then(page: str, tmp_path: Path) -> None:
    drafts = extract(page, "newcounty", None, AS_OF, "page-new")
    text = drafts_as_yaml(drafts, "newcounty", "page-new", text_name="page.txt", as_of=AS_OF)
    (tmp_path / "catalogue.yaml").write_text(catalogue(drafts), encoding="utf-8")
    draft_file = tmp_path / "draft.yaml"
    draft_file.write_text(text, encoding="utf-8")
    with pytest.raises(DataError) as refused:  # as printed: the region's and source's empty fields
        load_dataset(tmp_path)
    todo_lines = {i + 1 for i, line in enumerate(text.split("\n")) if '""  # TODO' in line}
    assert refused.value.problems and {p.line for p in refused.value.problems} <= todo_lines
    assert all("is empty" in str(p.message) for p in refused.value.problems)

    filled = fill(text, drafts)
    draft_file.write_text(filled, encoding="utf-8")
    data = load_dataset(tmp_path)
    assert len(data.facts) == len(drafts)
    assert [f.quantity.written for f in data.facts] == [d.value for d in drafts]
    assert data.sources["page-new"].readings[:2] == (("(no period printed)", "unstated/2020-H1"),
                                                          ("近两年", "P2Y/2020-H1"))


def test_yaml_refuses_each_open_metric_and_period_at_its_line(tmp_path: Path) -> None:
    text_in = "1-5月，全市规上企业研发投入2.06亿元，同比增长16%。新招引服务机构3家。"
    drafts = extract(text_in, "newcounty", None, None, "page-new")
    text = drafts_as_yaml(drafts, "newcounty", "page-new")
    (tmp_path / "catalogue.yaml").write_text(catalogue(drafts), encoding="utf-8")
    lines = text.split("\n")
    region_filled = "\n".join(re.sub(r'^(    (?:zh|short|en|prefecture|province|publication|title|date)): ""',
                                     r"\1: x", re.sub(r'^    level: ""', "    level: county", line))
                              for line in lines)
    (tmp_path / "draft.yaml").write_text(region_filled, encoding="utf-8")
    with pytest.raises(DataError) as refused:
        load_dataset(tmp_path)
    open_lines = [i + 1 for i, line in enumerate(lines) if re.search(r'(metric|period): ""  # TODO', line)]
    assert len(open_lines) == 4
    assert sorted({p.line or 0 for p in refused.value.problems}) == open_lines


def test_yaml_for_an_existing_region_loads_on_top_of_the_data(bundled: Dataset, tmp_path: Path) -> None:
    article = FIXTURES / "extract-synthetic-1.txt"
    drafts = extract(article.read_text(encoding="utf-8"), "jiangshan", bundled.metrics, "2020-09", "page-2020-kjdd")
    chosen, seen = [], set()
    for d in drafts:  # what the curator keeps: the metric named, one fact per metric and period
        if d.metric and (d.metric, d.period) not in seen:
            seen.add((d.metric, d.period))
            chosen.append(d)
    assert chosen
    text = drafts_as_yaml(chosen, "jiangshan", "page-2020-kjdd", region_exists=True, source_exists=True,
                          metrics=bundled.metrics)
    assert '""  # TODO' not in text and "sources:" not in text
    assert "reporter --data bundled --data THIS-FILE check" in text
    drafts_file = tmp_path / "drafts.yaml"
    drafts_file.write_text(text, encoding="utf-8")
    data = load_dataset([bundled_data_path(), drafts_file])
    added = [f for f in data.facts if f.origin and f.origin.path == str(drafts_file)]
    assert [(f.region, f.metric, f.quantity.written, f.source) for f in added] == [
        ("jiangshan", d.metric, d.value, "page-2020-kjdd") for d in chosen]
    checked = run("--data", "bundled", "--data", str(drafts_file), "check")
    assert checked.code == 0 and f"{len(bundled.facts) + len(chosen)} facts" in checked.stderr, checked


def test_yaml_quotes_hostile_text_safely(tmp_path: Path) -> None:
    text = '新增企业3家："@x" # {y} \u202e&a *b。'
    drafts = extract(text, "newcounty", None, "2020-06", "s")
    out = drafts_as_yaml(drafts, "newcounty", "s")
    assert "\u202e" not in out
    (tmp_path / "c.yaml").write_text(catalogue(drafts), encoding="utf-8")
    (tmp_path / "d.yaml").write_text(fill(out, drafts), encoding="utf-8")
    assert load_dataset(tmp_path).facts[0].quote == "新增企业3家"


# --------------------------------------------------------------------------- reading the text


def test_read_source_text(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_bytes("\ufeff研发投入2.06亿元。".encode())
    assert read_source_text(good) == "研发投入2.06亿元。"
    gb = tmp_path / "gb.txt"
    gb.write_bytes("1-5月，全市规上企业研发投入2.06亿元，同比增长16%。".encode("gb18030"))
    assert read_source(gb) == ("1-5月，全市规上企业研发投入2.06亿元，同比增长16%。", "gb18030")
    big5 = tmp_path / "big5.txt"
    big5.write_bytes("1-5月，全市規上企業研發投入2.06億元，同比增長16%。".encode("big5"))
    with pytest.raises(DataError, match=r"big5\.txt:1:\d+: not UTF-8 .*BIG5: re-save it as UTF-8"):
        read_source(big5)
    latin = tmp_path / "latin.txt"
    latin.write_bytes("café 2.06 millions d'euros".encode("latin-1"))
    with pytest.raises(DataError, match="not UTF-8"):
        read_source(latin)
    binary = tmp_path / "binary.txt"
    binary.write_bytes(b"\x00\x01PK\x03\x04")
    with pytest.raises(DataError, match="binary data"):
        read_source(binary)
    with pytest.raises(DataError, match="no such file or directory"):
        read_source_text(tmp_path / "missing.txt")
    with pytest.raises(DataError, match="is a directory, expected a file"):
        read_source_text(tmp_path)


UNSTATED = "unstated/2020-H1"  # what a text with no (well-formed) time word says

PIECES = ["1", "5", "9", ".", "0", "22", "一", "两", "三", "十", "百", "万", "亿", "年", "月", "底", "日", "-", "至",
          "第", "位", "名", "家", "个", "万元", "亿元", "%", "多", "余", "近", "约", "超过", "以上", "左右", "不少于",
          "目标", "同比", "增长", "下降", "分别", "、", "，", "；", "。", "\n", "上半年", "一季度", "截至", "目前",
          "累计", "近两年", "通过", "努力", "前移", "提升了", "个位次", "比上年", "个百分点", "“", "”", "《", "》",
          "CCTV-", "@", "电话：", "2019", "2020", "全省", "企业", "研发投入", "总数达", "率达", " "]

@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=40), st.sampled_from([None, "2020-06", "2021-12", "2019-01"]))
def test_any_text_is_read_without_error_and_every_period_is_in_our_grammar(pieces: list[str],
                                                                             as_of: str | None) -> None:
    text = "".join(pieces)
    for d in extract(text, "x", None, as_of):
        assert d.quote in text.split("\n")[d.line - 1]
        Decimal(d.value)
        if d.period is not None:
            assert parse_period(d.period).canonical == d.period
        if d.yoy_pct is not None:
            Decimal(d.yoy_pct)


@pytest.mark.parametrize("text, expected", [
    ("居全省第5位，前移1.5位。", [("5", None, UNSTATED), ("1.5", None, UNSTATED)]),  # no move; a draft
    ("居全省第5位，前移五位。", [("5", 5, UNSTATED)]),
    ("截至0月底，企业3家。", [("3", None, UNSTATED)]),  # not a month: no period word
    ("2021-2019年，企业3家。", [("3", None, UNSTATED)]),
    ("13-15月，企业3家。", [("3", None, UNSTATED)]),
])
def test_malformed_words_are_not_read_as_periods_or_moves(text: str,
                                                           expected: list[tuple[str, int | None, str]]) -> None:
    assert [(d.value, d.rank_change, d.period) for d in extract(text, "x", None, "2020-06")] == expected


def test_yaml_of_no_drafts_is_still_a_data_file(tmp_path: Path) -> None:
    text = drafts_as_yaml([], "newcounty", "s1")
    (tmp_path / "d.yaml").write_text(fill(text, []), encoding="utf-8")
    data = load_dataset(tmp_path / "d.yaml")
    assert list(data.regions) == ["newcounty"] and data.facts == ()


# --------------------------------------------------------------------------- the command


def test_the_command_prints_yaml_that_check_refuses_only_where_a_guess_is_open(tmp_path: Path) -> None:
    article = FIXTURES / "extract-synthetic-1.txt"
    result = run("--lang", "en", "extract", str(article), "--region", "江山", "--as-of", "2020-10")
    assert result.code == 0, result
    assert result.stderr.startswith(f"reporter: 14 draft facts from {article}, 7 of them with a catalogue metric")
    assert "needs --as-of" not in result.stderr
    drafts = tmp_path / "drafts.yaml"
    drafts.write_text(result.stdout, encoding="utf-8")
    checked = run("--data", "bundled", "--data", str(drafts), "check")
    todo = {i + 1 for i, line in enumerate(result.stdout.split("\n")) if '""  # TODO' in line}
    assert checked.code == 1 and len(todo) == 7
    places = {int(m.group(1)) for m in re.finditer(rf"{re.escape(str(drafts))}:(\d+):", checked.stderr)}
    assert places == todo  # every refusal is at a line marked TODO, and every TODO is refused


def test_without_as_of_the_command_says_which_periods_are_open() -> None:
    article = FIXTURES / "extract-synthetic-1.txt"
    result = run("--lang", "en", "extract", str(article), "--region", "jiangshan", "--format", "json")
    assert result.code == 0
    assert "reporter: 14 drafts have a period that needs --as-of" in result.stderr
    assert "  line 5: 4.35亿元: '1-9月份' needs --as-of" in result.stderr
    records = json.loads(result.stdout)
    assert len(records) == 14 and all(list(r) == list(JSON_KEYS) for r in records)
    assert all(r["period"] is None for r in records)


MINE = "# my data\nsources:\n  jiangshan-q3:\n    publication: 江山市科技局\n    title: SYNTHETIC test\n    date: \"2020-10\"\n"


def _append_args(mine: Path, article: Path = FIXTURES / "extract-synthetic-1.txt") -> list[str]:
    return ["--lang", "en", "--data", "bundled", "--data", str(mine), "extract", str(article), "--region", "江山",
            "--as-of", "2020-10", "--source", "jiangshan-q3", "--append", str(mine)]


def run_asked(monkeypatch: pytest.MonkeyPatch, answers: str, *args: str, env: dict[str, str] | None = None) -> Any:
    """``reporter ARGS`` as on a terminal: the input is taken for one (the questions are asked) and
    holds ``answers``."""
    from click.testing import CliRunner

    from reporter.cli import main

    monkeypatch.setattr(terminal, "is_terminal", lambda stream: True)  # the input taken for a terminal
    try:
        runner = CliRunner(mix_stderr=False)
    except TypeError:
        runner = CliRunner()
    with runner.isolation(input=answers, env={"COLUMNS": "100", **(env or {})}) as streams:
        try:
            main(list(args))
            code = 0
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else 1
        return code, streams[0].getvalue().decode(), streams[1].getvalue().decode()


def test_append_with_yes_adds_every_complete_draft_and_says_what_it_left_out(tmp_path: Path) -> None:
    article = FIXTURES / "extract-synthetic-1.txt"
    mine = tmp_path / "mine.yaml"
    mine.write_text(MINE, encoding="utf-8")
    args = _append_args(mine)
    refused = run(*[a for a in args if a not in ("--source", "jiangshan-q3")], "--yes")
    assert refused.code == 2 and "--append needs --source ID" in refused.stderr
    result = run(*args, "--yes")
    assert result.code == 0, result
    assert result.stdout == ""
    assert "left out line 5, 4.35亿元: no catalogue metric is named by '全县规上工业企业研发费用' (亿元)" in result.stderr
    assert re.search(rf"added 7 facts to Jiangshan in {re.escape(str(mine))} \(lines 7-\d+\); 7 left out", result.stderr)
    data = load_dataset([bundled_data_path(), mine])
    added = [f for f in data.facts if f.source == "jiangshan-q3"]
    assert len(added) == 7 and all(f.region == "jiangshan" and f.quote in article.read_text(encoding="utf-8")
                                   for f in added)
    assert mine.read_text(encoding="utf-8").startswith("# my data\nsources:\n")
    again = run(*args, "--yes")
    assert again.code == 3 and "nothing to add" in again.stderr
    assert again.stderr.count("already in the data (line ") == 7 == again.stderr.count(f" of {mine}: ")


def test_append_without_a_terminal_wants_yes_and_writes_nothing(tmp_path: Path) -> None:
    mine = tmp_path / "mine.yaml"
    mine.write_text(MINE, encoding="utf-8")
    result = run(*_append_args(mine))
    assert result.code == 2 and "give --yes" in result.stderr and result.stdout == ""
    assert mine.read_text(encoding="utf-8") == MINE
    alone = run("--lang", "en", "extract", str(FIXTURES / "extract-synthetic-1.txt"), "--region", "江山", "--yes")
    assert alone.code == 2 and "--yes goes with --append" in alone.stderr


def test_append_on_a_terminal_asks_for_each_draft(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    mine = tmp_path / "mine.yaml"
    mine.write_text(MINE, encoding="utf-8")
    code, out, err = run_asked(monkeypatch, "y\nx\nn\ny\nq\n", *_append_args(mine))
    assert code == 0 and out == "", err
    asked = err.count("Add this fact [y,n,a,q,?]? ")
    assert asked == 5  # y, x (asked again, with the help), n, y, q
    assert "a - add this fact and all the others after it" in err  # the help, after 'x'
    assert "(1/7) line 5: 12.6%" not in err and "(1/7) line " in err and "    quote: " in err
    assert re.search(r"added 2 facts to Jiangshan .*; 12 left out", err)
    data = load_dataset([bundled_data_path(), mine])
    assert len([f for f in data.facts if f.source == "jiangshan-q3"]) == 2


def test_append_on_a_terminal_a_takes_the_rest_and_the_end_of_input_stops(tmp_path: Path,
                                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    mine = tmp_path / "mine.yaml"
    mine.write_text(MINE, encoding="utf-8")
    code, _out, err = run_asked(monkeypatch, "n\na\n", *_append_args(mine))
    assert code == 0 and re.search(r"added 6 facts to Jiangshan", err), err
    other = tmp_path / "other.yaml"
    other.write_text(MINE, encoding="utf-8")
    code, _out, err = run_asked(monkeypatch, "y\n", *_append_args(other))  # then the input ends: as q
    assert code == 0 and re.search(r"added 1 facts? to Jiangshan", err), err
    none = tmp_path / "none.yaml"
    none.write_text(MINE, encoding="utf-8")
    code, _out, err = run_asked(monkeypatch, "q\n", *_append_args(none))
    assert code == 0 and "nothing added" in err and none.read_text(encoding="utf-8") == MINE


def test_extract_speaks_the_message_language(tmp_path: Path) -> None:
    """Notes and errors follow the locale (or --lang), not the data's language."""
    article = FIXTURES / "extract-synthetic-1.txt"
    zh = run("extract", str(article), "--region", "江山", "--format", "json", env={"LANG": "zh_CN.UTF-8"})
    assert zh.stderr.startswith(f"reporter: 从 {article} 读出14项数据草稿") and "第5行：4.35亿元：“1-9月份”需要 --as-of" in zh.stderr
    en = run("extract", str(article), "--region", "江山", "--format", "json", env={"LANG": "en_GB.UTF-8"})
    assert en.stderr.startswith(f"reporter: 14 draft facts from {article}") and "line 5: 4.35亿元: '1-9月份'" in en.stderr
    bad = run("extract", str(article), "--region", "江山", "--as-of", "June", env={"LANG": "zh_CN.UTF-8"})
    assert bad.code == 2 and "--as-of “June”不是月份" in bad.stderr
    mine = tmp_path / "mine.yaml"
    mine.write_text(MINE, encoding="utf-8")
    wants = run(*_append_args(mine)[2:], env={"LANG": "zh_CN.UTF-8"})
    assert wants.code == 2 and "请加 --yes" in wants.stderr


def test_append_to_a_region_not_yet_defined_says_how_to_define_it(tmp_path: Path) -> None:
    article = FIXTURES / "extract-synthetic-2.txt"
    result = run("--lang", "en", "extract", str(article), "--region", "xinxian", "--as-of", "2020-06",
                 "--source", "s", "--append", str(tmp_path / "m.yaml"), "--yes")
    assert result.code == 2 and "reporter add --new-region xinxian --file" in result.stderr
    drafted = run("--lang", "en", "extract", str(article), "--region", "xinxian", "--as-of", "2020-06")
    assert drafted.code == 0 and '  xinxian:\n    zh: ""  # TODO' in drafted.stdout
    unknown = run("--lang", "en", "extract", str(article), "--region", "江山县城")
    assert unknown.code == 1 and "a new region is named by a new id" in unknown.stderr


def test_a_text_in_gb18030_is_read_and_said_so(tmp_path: Path) -> None:
    article = tmp_path / "gb.txt"
    article.write_bytes("1-5月，全市规上企业研发投入2.06亿元，同比增长16%。".encode("gb18030"))
    result = run("--lang", "en", "extract", str(article), "--region", "江山", "--as-of", "2020-06", "--format", "json")
    assert result.code == 0, result
    assert f"reporter: {article} is not UTF-8: read it as GB18030" in result.stderr
    (record,) = json.loads(result.stdout)
    assert (record["value"], record["metric"], record["period"], record["yoy_pct"]) == ("2.06", "rd_investment",
                                                                                      "2020-01/05", "16")
    assert record["quote"] == "1-5月，全市规上企业研发投入2.06亿元，同比增长16%"
    big5 = tmp_path / "big5.txt"
    big5.write_bytes("1-5月，全市規上企業研發投入2.06億元。".encode("big5"))
    refused = run("--lang", "en", "extract", str(big5), "--region", "江山")
    assert refused.code == 1 and "BIG5: re-save it as UTF-8" in refused.stderr and refused.stdout == ""


# --------------------------------------------------------------------------- numerals, vague counts, lists, scopes


@pytest.mark.parametrize("text, value, unit, qualifier", [
    ("研发投入一点五亿元。", "1.5", "亿元", "exact"),
    ("培训三点二万人次。", "32000", "人次", "exact"),
    ("投入零点八亿元。", "0.8", "亿元", "exact"),
    ("产值十二点零五亿元。", "12.05", "亿元", "exact"),
    ("走访企业近百家。", "100", "家", "nearly"),
    ("服务近百人次。", "100", "人次", "nearly"),
    ("对接高校百余家。", "100", "家", "more_than"),
    ("参加培训超千人。", "1000", "人", "more_than"),
    ("惠及企业近万家。", "10000", "家", "nearly"),
    ("发放创新券二百余万元。", "200", "万元", "more_than"),
])
def test_chinese_numerals_with_a_point_and_bare_hundreds(text: str, value: str, unit: str, qualifier: str) -> None:
    r = one(text)
    assert (r.value, r.unit, r.qualifier) == (value, unit, qualifier)


@pytest.mark.parametrize("text", ["惠及数百家企业。", "举办活动数十场。", "几十家企业参加。", "千家万户受益。",
                                  "上百家企业参加。", "百家企业参加。"])
def test_vague_counts_are_not_drafted(text: str) -> None:
    """数百家 says "several hundred": no number a data file can hold, so no draft (the curator reads the text)."""
    assert prose.read(text) == []


def test_a_count_for_each_of_a_list_is_one_draft_per_item(bundled: Dataset) -> None:
    drafts = extract("上半年新建省级重点实验室和工程技术研究中心各1家。", "x", bundled.metrics, "2020-07")
    assert [(d.value, d.label) for d in drafts] == [("1", "新建省级重点实验室"), ("1", "新建省级工程技术研究中心")]
    assert len({(d.line, d.column) for d in drafts}) == 1 and all(d.period == "2020-H1" for d in drafts)
    page = extract("创成省级“众创空间”和“星创天地”各1家、市级“众创空间”1家。", "x", bundled.metrics, "2020-06")
    assert [d.metric for d in page] == ["provincial_maker_spaces", "provincial_star_bases", "city_maker_spaces"]
    assert [d.label for d in extract("A、B和C各2家，分别增长10%、20%、30%。", "x")] == ["A", "B", "C"]
    assert [d.yoy_pct for d in extract("A、B和C各2家，分别增长10%、20%、30%。", "x")] == ["10", "20", "30"]


@pytest.mark.parametrize("label, unit, doubted", [
    ("新认定高新技术企业", "家", "national_hightech_enterprises"),  # a flow, against a stock
    ("全社会研发投入", "亿元", "rd_investment"),  # a wider population than 规上企业
    ("全区规上工业企业研发投入", "亿元", None),  # its own metric (industrial_rd_investment) is named
    ("省级高新技术企业", "家", "national_hightech_enterprises"),  # another level
    ("全县国家级高新技术企业总数", "家", None),
    ("全市规上企业研发投入", "亿元", None),
])
def test_a_guess_whose_scope_words_contradict_the_metric_is_none(bundled: Dataset, label: str, unit: str,
                                                                   doubted: str | None) -> None:
    metric, doubt = guess_metric(label, unit, bundled.metrics)
    if doubted is None:
        assert metric is not None and doubt is None
    else:
        assert metric is None and doubt is not None and doubted in doubt.text("en")
        assert doubted in doubt.text("zh")


def test_a_doubted_guess_says_why_in_the_draft(bundled: Dataset) -> None:
    drafts = extract("上半年新认定高新技术企业两家；全社会研发投入4.8亿元。", "jiangshan", bundled.metrics, "2020-07",
                     "page-2020-kjdd")
    text = drafts_as_yaml(drafts, "jiangshan", "page-2020-kjdd", region_exists=True, source_exists=True,
                          metrics=bundled.metrics)
    assert "# not national_hightech_enterprises (国家级高新技术企业): '新认定' counts new ones (a flow)" in text
    assert "# not rd_investment (规上企业研发投入): '全社会' is another scope than its '规上'" in text
    assert text.count('- metric: ""  # TODO') == 2


def test_append_twice_as_of_other_months_adds_nothing_the_file_holds(tmp_path: Path) -> None:
    """The facts of the file appended to count as held, even when it is not among the --data layers:
    the same article read as of another month adds nothing the second time."""
    mine = tmp_path / "mine.yaml"
    mine.write_text(MINE, encoding="utf-8")
    article = FIXTURES / "extract-synthetic-1.txt"
    common = ["--lang", "en", "--data", "bundled", "extract", str(article), "--region", "江山",
              "--source", "page-2020-kjdd", "--append", str(mine), "--yes"]
    first = run(*common, "--as-of", "2020-10")
    assert first.code == 0, first
    text = mine.read_text(encoding="utf-8")
    second = run(*common, "--as-of", "2021-10")
    assert second.code == 3 and "already in the data" in second.stderr, second
    assert mine.read_text(encoding="utf-8") == text


def test_printed_drafts_all_held_still_load() -> None:
    """When every draft is in the data already, the printed file says so with an empty list, which
    loads, rather than a facts: key holding only comments (null, refused)."""
    from reporter.curate.extract import drafts_as_yaml, extract

    drafts = extract("2020年1-9月全市规上企业研发投入3.1亿元。", "jiangshan", None, None, None)
    assert drafts
    text = drafts_as_yaml(drafts, "jiangshan", "page-2020-kjdd", region_exists=True, source_exists=True,
                          held=["regions.yaml:1"] * len(drafts))
    assert "    facts: []  # every draft below is in the data already" in text
    import yaml
    assert yaml.safe_load(text)["regions"]["jiangshan"]["facts"] == []
