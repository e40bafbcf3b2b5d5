"""The bundled data: every number of the source page is a fact, every quote is verbatim."""

from __future__ import annotations

import re

from reporter.dataset import Dataset
from reporter.provenance import normalise_space, unverified_quotes

from .conftest import SOURCE_DIR

PAGE = SOURCE_DIR / "000_050705cab98f9860.txt"

# Digits on the page that are not quantities, each with its reason.
NOT_QUANTITIES = [
    (r"“投统并进”抓研发。1-5月，全市规上企业研发投入2\.06亿元，同比增长16%，占营业收入的2\.1%",
     "repeats the R&D sentence of 江山's opening paragraph word for word"),
    (r"\d{4}年", "a year: the period of a fact, or a name (2019年省重点研发计划)"),
    (r"\d{1,2}-\d{1,2}月|\d{1,2}月", "a month or month range: a period (1-5月, 2020年5月, 2月底)"),
    (r"\d+年努力", "5年: the span of the 1000-engineer target, kept as its period 2020/P5Y"),
    (r"CCTV-2", "a television channel's name"),
    (r"0571-28978924|81008407@qq\.com", "the editor's telephone and e-mail"),
]


def _page() -> str:
    """The source page; its absence fails the test (provenance must never go silently unchecked)."""
    assert PAGE.is_file(), f"SOURCE PAGE NOT FOUND at {PAGE}: set REPORTER_SOURCES to the directory holding it"
    return normalise_space(PAGE.read_text(encoding="utf-8"))


def _number_spans(text: str, number: str) -> list[tuple[int, int]]:
    pattern = rf"(?<![\d.]){re.escape(number)}(?![\d]|\.\d)"
    return [m.span() for m in re.finditer(pattern, text)]


def test_every_quote_is_verbatim_and_holds_its_numbers(bundled: Dataset) -> None:
    _page()
    problems, checked, missing = unverified_quotes(bundled, [SOURCE_DIR])
    assert missing == []
    assert problems == []
    assert checked == len(bundled.facts) + len(bundled.highlights)


def test_every_number_on_the_page_is_a_fact(bundled: Dataset) -> None:
    page = _page()
    blanked = page
    for pattern, _reason in NOT_QUANTITIES:
        blanked = re.sub(pattern, lambda m: "#" * len(m.group()), blanked)
    covered: set[int] = set()
    for fact in bundled.facts:
        quote = normalise_space(fact.quote)
        written = [str(fact.quantity.value)] + [str(abs(n)) for n in (fact.yoy_pct, fact.rank_change)
                                                 if n is not None]
        for start in [m.start() for m in re.finditer(re.escape(quote), page)]:
            for number in written:
                for a, b in _number_spans(quote, number):
                    covered.update(range(start + a, start + b))
    uncovered = [(m.group(), page[max(0, m.start() - 12):m.end() + 6])
                 for m in re.finditer(r"\d+(?:\.\d+)?", blanked)
                 if not set(range(m.start(), m.end())) <= covered]
    assert uncovered == [], "numbers on the page with no fact behind them"


def test_counts_and_changes(bundled: Dataset) -> None:
    assert len(bundled.facts) == 78
    assert {f.region for f in bundled.facts} == {"dongtou", "yueqing", "jiangshan"}
    changes = sorted(str(f.yoy_pct) for f in bundled.facts if f.yoy_pct is not None)
    assert changes == ["-14.7", "-9.4", "16"]
    assert [f.rank_change for f in bundled.facts if f.rank_change is not None] == [34]


def test_written_precision_is_kept(bundled: Dataset) -> None:
    values = {(f.region, f.metric): str(f.quantity.value) for f in bundled.facts}
    assert values[("jiangshan", "tech_export_contract_value")] == "1009.0"
    assert values[("jiangshan", "rd_investment")] == "2.06"
    assert values[("jiangshan", "smart_projects_rd_spent")] == "1986.5"


def test_qualifiers_follow_the_wording(bundled: Dataset) -> None:
    quals = {(f.region, f.metric): f.quantity.qualifier for f in bundled.facts}
    assert quals[("dongtou", "rd_investment")] == "more_than"  # 9100多万元
    assert quals[("yueqing", "accelerator_equipment")] == "nearly"  # 近600台套
    assert quals[("yueqing", "innovation_engineers_target")] == "target"
    for fact in bundled.facts:
        quote = fact.quote
        written = str(fact.quantity.value)
        if f"{written}多" in quote or f"{written}余" in quote:
            assert fact.quantity.qualifier == "more_than", fact
        if f"近{written}" in quote:
            assert fact.quantity.qualifier == "nearly", fact


def test_every_metric_is_used_and_shared_ids_are_shared(bundled: Dataset) -> None:
    used = {f.metric for f in bundled.facts}
    assert used == set(bundled.metrics)
    shared = {m for m in used if len({f.region for f in bundled.facts if f.metric == m}) > 1}
    assert {"rd_investment", "hightech_recertified", "policy_incentives_paid",
            "provincial_tech_smes_recognised"} <= shared
