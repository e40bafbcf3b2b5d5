"""The bundled data: every number of the source page is a fact, every quote is verbatim."""

from __future__ import annotations

import re
from pathlib import Path

from reporter.data.provenance import normalise_space, unverified_quotes
from reporter.model.dataset import Dataset
from tests.conftest import SOURCE_DIR

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
    assert PAGE.is_file(), f"SOURCE PAGE NOT FOUND at {PAGE}: it ships with the package (reporter/sources)"
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
    assert quals[("dongtou", "industrial_rd_investment")] == "more_than"  # 9100多万元
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
    assert {"hightech_recertified", "policy_incentives_paid"} <= shared
    # the page keeps 省科技型企业 and 省科技型中小企业 apart: 江山's 认定8家 is not 洞头's 6家 of the other kind
    assert "provincial_tech_smes_recognised" not in shared
    assert {f.region for f in bundled.facts if f.metric == "provincial_tech_enterprises_recognised"} == {"jiangshan"}


# --------------------------------------------------------------------------- periods: only what the page says

# Words that date a figure; a clause with none of them gives the figure no time.
TIME_WORDS = r"\d{4}年|\d{1,2}(?:-\d{1,2})?月|季度|半年|两年|一年|\d+年|目前|截至|累计|已|以来|今年|去年|上年"
AS_OF_WORDS = r"截至|目前|累计|已|以来|总数|总额"
# Where each reading's word must stand: in the clause (up to ；or 。), the sentence, or the paragraph.
READING_SCOPES = {"2019": ("2019年", "clause"), "2020-01/05": ("1-5月", "sentence"), "2020-Q1": ("一季度", "clause"),
                  "2020-H1": ("上半年", "paragraph"), "P2Y/2020-H1": ("近两年", "clause"),
                  "2020": ("2020年", "sentence")}
# a length with no end or start printed (一年为…提供, 通过5年努力): no period of the page
SPAN_ONLY = r"一年|通过\d+年努力"
UNSTATED = {("dongtou", m) for m in (
    "provincial_maker_spaces", "provincial_star_bases", "city_maker_spaces", "academician_workstations",
    "provincial_high_growth_smes", "provincial_tech_smes_recognised", "city_enterprise_rd_centres_new",
    "hightech_recertified", "academicians_invited", "strategic_agreements", "academician_workstations_new",
    "subsidised_tech_loans",
    # 位次跃升至全省第22位、全市第4位; 8家大专院校入驻; 上线76家: no time word in their sentences
    "st_progress_rank_province", "st_progress_rank_city", "universities_in_joint_institute",
    "rd_project_system_users")} | {
    ("yueqing", "accelerator_enterprises_served"), ("yueqing", "accelerator_equipment"),  # 一年: which year?
    ("yueqing", "innovation_engineers_target"),  # 通过5年努力: five years from when?
    ("jiangshan", "online_lectures"), ("jiangshan", "commissioner_services"),  # 2月底 is the campaign's start only
} | {
    ("yueqing", "shanghai_base_area"),  # 在上海南翔智地总部园租赁3600平方米: 目前 is in the sentence after
    ("yueqing", "hangzhou_institute_area"),  # 此外，在杭州…租赁3200平方米: no time word
    ("yueqing", "loan_risk_pool"),  # 由市财政出资3000万元: 已 and 以来 are in the sentence after
    ("jiangshan", "shanghai_enclave_prospects"),  # 同时，…征集意向企业2家: 目前 is in the sentence before
}


def _scopes(quote: str, number: str = "") -> dict[str, str]:
    """The clause, sentence and paragraph of the page that hold ``quote`` (whitespace dropped), or
    that hold ``number`` within it: a quote may run past the clause its number stands in; and
    ``before``, the clause up to the number.

    A paragraph runs to a line ending in 。, so one the page's layout breaks (…与浙江大学 / 江山 /
    达成初步合作意向。) stays whole.
    """
    assert PAGE.is_file(), f"SOURCE PAGE NOT FOUND at {PAGE}: it ships with the package (reporter/sources)"
    raw = PAGE.read_text(encoding="utf-8")
    wanted = normalise_space(quote)
    for paragraph in map(normalise_space, re.split(r"(?<=。)\s*\n", raw)):
        at = paragraph.find(wanted)
        if at < 0:
            continue
        at, wanted = (at + wanted.find(number), number) if number and number in wanted else (at, wanted)
        clause = _around(paragraph, at, len(wanted), "；。")
        return {"clause": clause, "sentence": _around(paragraph, at, len(wanted), "。"), "paragraph": paragraph,
                "before": paragraph[max(paragraph.rfind(c, 0, at) for c in "；。") + 1:at]}
    raise AssertionError(f"quote not on the page: {quote}")


def _around(paragraph: str, at: int, length: int, stops: str) -> str:
    """The stretch of ``paragraph`` between the stop marks either side of ``[at, at + length)``."""
    start = max(paragraph.rfind(c, 0, at) for c in stops) + 1
    ends = [e for e in (paragraph.find(c, at + length) for c in stops) if e >= 0]
    return paragraph[start:min(ends, default=len(paragraph))]


def test_no_time_on_the_page_is_no_period(bundled: Dataset) -> None:
    (source,) = bundled.sources.values()
    assert dict(source.readings)["(no period printed)"] == "unstated/2020-H1"
    unstated = {(f.region, f.metric) for f in bundled.facts if f.period.kind == "unstated"}
    assert unstated == UNSTATED
    for fact in bundled.facts:
        if fact.period.kind == "unstated":
            clause = _scopes(fact.quote, str(fact.quantity.value))["clause"]
            assert not re.search(TIME_WORDS, re.sub(SPAN_ONLY, "", clause)), (fact.metric, clause)
            assert not fact.period.comparable


def test_every_period_stands_on_its_word_in_the_page(bundled: Dataset) -> None:
    for fact in bundled.facts:
        canonical = fact.period.canonical
        if canonical in READING_SCOPES:
            word, scope = READING_SCOPES[canonical]
            assert word in _scopes(fact.quote, str(fact.quantity.value))[scope], (fact.metric, canonical, scope)


def _entry(fact: object) -> str:
    """The YAML lines of one fact, comments included (the model keeps no comments)."""
    origin = fact.origin  # type: ignore[attr-defined]
    lines = Path(origin.path).read_text(encoding="utf-8").splitlines()
    return "\n".join(lines[origin.line - 1:origin.line + 7]).split("- metric:")[1]


def _period_comment(fact: object) -> str:
    """The comment on a fact's ``period:`` line ('' when there is none)."""
    line = next((line for line in _entry(fact).splitlines() if line.strip().startswith("period:")), "")
    return line.partition("#")[2].strip()


_WORD = re.compile(r"[0-9A-Za-z\u3400-\u9fff]*[\u3400-\u9fff][0-9A-Za-z\u3400-\u9fff]*")


def test_as_of_periods_stand_on_a_word_of_their_own_clause_or_say_what_they_assume(bundled: Dataset) -> None:
    """A figure is dated by a word of its own clause, before it: 目前 in the sentence before or after
    (a "borrowed" time word) dates nothing. Else the ``period:`` line says ``# assumed:`` and names the
    word of the clause the reading rests on, or the note names the start the page gives (since 2月底)."""
    borrowed = []
    for fact in bundled.facts:
        if fact.period.kind != "asof":
            continue
        assert fact.period.canonical == "asof/2020-H1"
        scopes = _scopes(fact.quote, str(fact.quantity.value))
        if re.search(AS_OF_WORDS, scopes["before"]) or fact.note.startswith("since"):
            continue
        comment = _period_comment(fact)
        named = [w for w in _WORD.findall(comment.partition("assumed:")[2]) if len(w) > 1 and w in scopes["clause"]]
        if not (comment.startswith("assumed:") and named):
            borrowed.append((fact.region, fact.metric, scopes["clause"]))
    assert borrowed == []


def test_a_time_word_in_another_sentence_is_not_the_figures(bundled: Dataset) -> None:
    """The four figures an audit found dated by a word their clause lacks: the page states no time."""
    for region, metric, word in (("yueqing", "shanghai_base_area", "目前"), ("yueqing", "hangzhou_institute_area", "目前"),
                                 ("yueqing", "loan_risk_pool", "已"), ("jiangshan", "shanghai_enclave_prospects", "目前")):
        (fact,) = bundled.facts_of(region, metric)
        scopes = _scopes(fact.quote, str(fact.quantity.value))
        assert word in scopes["paragraph"] and not re.search(TIME_WORDS, scopes["clause"])
        assert fact.period.canonical == "unstated/2020-H1", (region, metric)
        assert "no time" in _period_comment(fact), (region, metric)


def test_assumed_readings_say_so_in_the_table_and_beside_the_fact(bundled: Dataset) -> None:
    (source,) = bundled.sources.values()
    text = Path(bundled.facts[0].origin.path).read_text(encoding="utf-8")  # type: ignore[union-attr]
    table = text[text.index("    readings:"):text.index("\nthemes:")]
    for word, _period in source.readings:
        if word in ("一年", "通过5年努力", "一季度", "上半年", "近两年", "截至目前"):
            line = next(line for line in table.splitlines() if line.strip().startswith(f"{word}:"))
            assert "# " in line and ("assumed" in line or "2020年" in line or "not stated" in line), line
    for fact in bundled.facts:
        if fact.period.canonical in ("P1Y/2020-H1", "2020/P5Y", "2020-Q1"):
            assert "# assumed" in _entry(fact), fact.metric
    assert dict(source.readings)["一年"] == dict(source.readings)["通过5年努力"] == "unstated/2020-H1"
    assert dict(source.readings)["2020年"] == "2020"  # the year (so far), not a stock as of mid-2020


def test_every_period_basis_is_how_the_page_gives_the_period(bundled: Dataset) -> None:
    """stated: a time word of the figure's own clause (up to ；or 。), before it, printed in the quote;
    carried: none there, one leading the paragraph; assumed: exactly the periods the page does not state."""
    for fact in bundled.facts:
        scopes = _scopes(fact.quote, str(fact.quantity.value))
        basis = fact.period_basis
        assert (basis == "assumed") == (not fact.period.comparable), (fact.metric, basis)
        if basis == "stated":
            assert re.search(TIME_WORDS, scopes["before"]) and re.search(TIME_WORDS, fact.quote), fact.metric
        elif basis == "carried":
            assert not re.search(TIME_WORDS, scopes["before"]), fact.metric
            assert re.search(r"(上半年|1-5月)，", scopes["paragraph"]), fact.metric  # the lead: a word set off by ，


def test_the_two_point_six_yi_has_its_own_clause(bundled: Dataset) -> None:
    (loans,) = [f for f in bundled.facts if f.metric == "subsidised_tech_loans"]
    assert loans.quote == "支持企业获各类科技贴息贷款2.6亿元" and loans.period.canonical == "unstated/2020-H1"


def test_jiangshan_first_half_paragraph(bundled: Dataset) -> None:
    periods = {f.metric: f.period.canonical for f in bundled.facts if f.region == "jiangshan"}
    for metric in ("foreign_expert_projects", "academia_matchmaking", "tech_export_contracts",
                   "tech_export_contract_value", "st_achievements_registered"):
        assert periods[metric] == "2020-H1", metric
    assert periods["tech_trade_value"] == "2020-Q1"


# --------------------------------------------------------------------------- scopes and labels


def test_industrial_rd_has_its_own_metric(bundled: Dataset) -> None:
    metric = bundled.metrics["industrial_rd_investment"]
    assert (metric.zh, metric.en) == ("规上工业企业R&D经费投入", "R&D spending, industrial enterprises above designated size")
    for fact in bundled.facts:
        assert ("规上工业企业" in fact.quote) == (fact.metric == "industrial_rd_investment"), fact
    assert {f.region for f in bundled.facts if f.metric == "rd_investment"} == {"jiangshan"}


def test_the_wooden_door_complex_is_named(bundled: Dataset) -> None:
    for ident in ("complex_new_agencies", "complex_agencies"):
        metric = bundled.metrics[ident]
        assert "木门" in metric.zh and "wooden-door" in metric.en and "省级木门产业创新服务综合体" in metric.note


# zh term -> the English every label and highlight uses for it; English that must not appear
EN_TERMS = {"规上": "above designated size", "规模以上": "above designated size",
            "产业创新服务综合体": "industrial innovation service complex", "科技型": "s&t-based",
            "技术输出": "technology-supply (outbound transfer)", "技术交易": "technology transaction",
            "科技进步变化": "change", "获贷": "granted"}
EN_NEVER = ("above-scale", "above scale", "export", "trade value", "lent to", "星创天地")


def test_english_labels_keep_the_agreed_terms(bundled: Dataset) -> None:
    pairs = [(m.zh, m.en) for m in bundled.metrics.values()] + [(h.text, h.text_en) for h in bundled.highlights]
    for zh, en in pairs:
        for term, english in EN_TERMS.items():
            if term in zh:
                assert english in en.casefold(), (zh, en)
        assert not any(word in en.casefold() for word in EN_NEVER), en
    assert bundled.metrics["talent_loan_enterprises"].zh == "“人才科技贷”获贷企业"  # 已向198家科技企业发放贷款


def test_highlights_claim_only_what_their_quotes_hold(bundled: Dataset) -> None:
    island = next(h for h in bundled.highlights if "策源地" in h.text)
    assert "努力打造" in island.text and "努力打造" in island.quote and "strives" in island.text_en
    six = next(h for h in bundled.highlights if "河北工业大学" in h.text)
    for university in ("浙江大学", "河北工业大学", "华北电力大学", "温州大学", "西北工业大学", "杭州电子科技大学"):
        assert university in six.quote, university
