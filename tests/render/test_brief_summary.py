"""Briefs as summaries: the headline rule, --full, --latest, --since, computed changes in the
template context, order, many periods, source dates in words."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest

from reporter.data.load import load_dataset
from reporter.data.paths import bundled_data_path
from reporter.model.dataset import Dataset
from reporter.model.records import Region
from reporter.query import headline
from reporter.query.delta import yoy_deltas
from tests.conftest import run

# SYNTHETIC test data, hand-written: not real figures. Two themes, one region, two years.
RULE_DATA = """\
# SYNTHETIC test data for the headline rule: hand-written, not real figures.
sources:
  s1: {publication: SYNTHETIC test page, title: 合成测试页, date: "2021-01", file: page.txt}
themes:
  money: {zh: 资金, en: Money}
  things: {zh: 事项, en: Things}
metrics:
  prov_rank: {zh: 全省位次, en: Provincial rank, unit: 位, theme: money, kind: rank, polarity: lower}
  grants: {zh: 补助资金, en: Grants paid, unit: 万元, theme: money, kind: flow}
  loans: {zh: 贷款, en: Loans issued, unit: 亿元, theme: money, kind: flow}
  fund: {zh: 基金规模, en: Fund size, unit: 亿元, theme: money, kind: stock}
  firms: {zh: 企业, en: Firms, unit: 家, theme: things, kind: stock}
  visits: {zh: 走访企业, en: Enterprise visits, unit: 次, theme: things, kind: flow}
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
      - {metric: prov_rank, value: 30, period: "2019", period_basis: stated, quote: q}
      - {metric: prov_rank, value: 20, period: "2020", period_basis: stated, quote: q}
      - {metric: grants, value: 500, period: "2020", period_basis: stated, quote: q}
      - {metric: loans, value: 2, period: "2020", period_basis: stated, quote: q}
      - {metric: fund, value: 9, period: "@2020-H1", period_basis: stated, quote: q}
      - {metric: firms, value: 10, period: "2019", period_basis: stated, quote: q}
      - {metric: firms, value: 15, period: "2020", period_basis: stated, quote: q}
      - {metric: visits, value: 40, period: "2020", period_basis: stated, quote: q}
    highlights:
      - {theme: things, text: 第一条亮点, text_en: The first highlight, quote: q}
      - {theme: things, text: 第二条亮点, text_en: The second highlight, quote: q}
"""


@pytest.fixture
def rule_data(write_yaml: Callable[[str, str], Path]) -> str:
    return str(write_yaml(RULE_DATA, "rule.yaml"))


def _brief(data: str, *args: str) -> str:
    result = run("--data", data, "brief", "a", *args)
    assert result.code == 0, result
    return result.stdout


# --------------------------------------------------------------------------- the headline rule


def test_a_summary_keeps_ranks_changes_and_the_largest_money(rule_data: str) -> None:
    text = _brief(rule_data)
    assert "资金：2020年，全省位次第20位，比上年提升10位；贷款2亿元。" in text
    assert "事项：2020年，企业15家，比上年增长50%。第一条亮点。" in text
    for left_out in ("补助资金", "基金规模", "走访企业", "第二条亮点", "2019年"):
        assert left_out not in text  # a smaller flow, a stock, a count with no change, a second highlight


def test_full_gives_every_fact_and_highlight(rule_data: str) -> None:
    result = run("--data", rule_data, "brief", "a", "--full")
    assert result.stderr == ""
    for said in ("补助资金500万元", "基金规模9亿元", "走访企业40次", "第二条亮点", "企业，2019年10家，2020年15家（比上年增长50%）"):
        assert said in result.stdout


def test_a_note_on_stderr_says_what_a_summary_left_out(rule_data: str) -> None:
    result = run("--data", rule_data, "brief", "a")
    assert result.stderr == "reporter: the headline facts, 3 of 8; --full for every one\n"


def test_the_rule_by_precedence_and_per_theme_cap(rule_data: str) -> None:
    data = load_dataset(Path(rule_data))
    region = data.regions["a"]
    facts = data.facts_of("a")
    deltas = {headline.key_of(d.fact): d for d in yoy_deltas(data, region)}
    assert headline.headlines(facts, data.metrics, deltas) == {
        ("prov_rank", "2020"), ("loans", "2020"), ("firms", "2020")}
    # with room for more: ranks, then changes, then money flows by size, then other money
    assert headline.headlines(facts, data.metrics, deltas, per_theme=4) == {
        ("prov_rank", "2020"), ("loans", "2020"), ("grants", "2020"), ("fund", "asof/2020-H1"), ("firms", "2020")}
    assert headline.headlines(facts, data.metrics, deltas, per_theme=1) == {("prov_rank", "2020"), ("firms", "2020")}


def test_a_change_outranks_a_larger_sum(write_yaml: Callable[[str, str], Path]) -> None:
    changed = RULE_DATA.replace('      - {metric: grants, value: 500, period: "2020", period_basis: stated, quote: q}\n',
                                '      - {metric: grants, value: 400, period: "2019", period_basis: stated, quote: q}\n'
                                '      - {metric: grants, value: 500, period: "2020", period_basis: stated, quote: q}\n')
    text = _brief(str(write_yaml(changed, "changed.yaml")))
    assert "全省位次第20位，比上年提升10位；补助资金500万元，比上年增长25%。" in text
    assert "贷款" not in text


# --------------------------------------------------------------------------- the window


def test_latest_keeps_each_metrics_newest_figure(rule_data: str) -> None:
    text = _brief(rule_data, "--full", "--latest")
    assert "企业15家，比上年增长50%" in text and "10家" not in text and "第30位" not in text


def test_since_keeps_later_periods_and_changes_still_reach_back(rule_data: str) -> None:
    text = _brief(rule_data, "--full", "--since", "2020")
    assert "2019年" not in text
    assert "全省位次第20位，比上年提升10位" in text  # the 2019 figure is outside, yet the change is known
    assert "截至2020年上半年，基金规模9亿元" in text


def test_since_a_bad_or_empty_period_is_one_clear_error(rule_data: str) -> None:
    bad = run("--data", rule_data, "brief", "a", "--since", "last week")
    assert bad.code == 2 and bad.stderr.startswith("reporter: bad period:") and bad.stdout == ""  # no period: usage
    empty = run("--data", rule_data, "brief", "a", "--since", "2030")
    assert empty.code == 3 and "no facts or highlights since 2030" in empty.stderr and empty.stdout == ""


def test_the_bundled_summary_fits_an_email_preview() -> None:
    for region in ("洞头", "乐清", "江山"):
        summary, full = (run("brief", region, *more).stdout for more in ((), ("--full",)))
        assert len(summary) < 600 and len(summary) < 0.6 * len(full), region
        for line in summary.splitlines()[1:]:
            if "：" in line and not line.startswith("资料来源"):
                figures = re.findall(r"(?<![\d.升降长])\d[\d.]*(?:多)?(?:亿元|万元|家|个|%|位)", line)  # not changes
                assert len(figures) <= 2, line  # two headline facts at most per theme


def test_jiangshan_summary_leads_with_its_changes() -> None:
    text = run("brief", "江山").stdout
    assert "研发投入：2020年1-5月，规上企业研发投入2.06亿元，同比增长16%" in text
    assert "高新技术产业产值37.36亿元，同比下降14.7%；高新技术产业增加值9.07亿元，同比下降9.4%" in text
    assert "新认定省科技型中小企业" not in text  # a count without a change


# --------------------------------------------------------------------------- the template context


def test_computed_and_derived_changes_are_in_the_context(rule_data: str, tmp_path: Path) -> None:
    template = tmp_path / "deltas.j2"
    template.write_text(
        "{% for r in regions %}{% for t in r.themes %}{% for f in t.facts if f.delta %}"
        "{{ f.metric }} {{ f.period }} {{ f.delta.basis }} {{ f.delta.previous }}@{{ f.delta.previous_period }} "
        "{{ f.delta.change }} {{ f.delta.pct }} {{ f.delta.direction }} {{ f.delta.good }} {{ f.headline }} "
        "[{{ f | change }}] [{{ f | change('en') }}]\n{% endfor %}{% endfor %}{% endfor %}", encoding="utf-8")
    text = run("--data", rule_data, "brief", "a", "--template", str(template)).stdout
    assert text == ("prov_rank 2020 computed 30@2019 10 None up True True [比上年提升10位] [up 10 places on a year earlier]\n"
                    "firms 2020 computed 10@2019 5 50.0 up True True [比上年增长50%] [up 50% on a year earlier]\n")
    derived = run("brief", "江山", "--template", str(template)).stdout.splitlines()[0]
    assert derived == ("rd_investment 2020-01/05 reported_pct 1.776@2019-01/05 0.284 16 up True True "
                       "[同比增长16%] [up 16% year on year]")


def test_the_documented_example_templates_render(tmp_path: Path) -> None:
    docs = (Path(__file__).resolve().parents[2] / "docs" / "templates.md").read_text(encoding="utf-8")
    examples = re.findall(r"```jinja\n(.*?)```", docs, re.DOTALL)
    assert len(examples) >= 2
    for i, body in enumerate(examples):
        path = tmp_path / f"example{i}.j2"
        path.write_text(body, encoding="utf-8")
        result = run("brief", "江山", "--template", str(path))
        assert result.code == 0 and result.stdout.startswith("江山市："), result
    assert "规上企业研发投入2.06亿元（2020年1-5月，同比增长16%）；" in result.stdout


# --------------------------------------------------------------------------- order and many periods


def test_a_new_figure_takes_its_metrics_place_not_the_end(tmp_path: Path) -> None:
    text = Path(bundled_data_path()).read_text(encoding="utf-8")
    anchor = "        quote: 1-5月全市规上企业研发投入2.06亿元，同比增长16%\n"
    added = anchor + ("      - metric: rd_investment\n        value: 2.5\n        unit: 亿元\n"
                      "        period: 2020-H2\n        period_basis: stated\n        quote: SYNTHETIC figure added for this test\n")
    data = tmp_path / "added.yaml"
    data.write_text(text.replace(anchor, added, 1), encoding="utf-8")
    full = run("--data", str(data), "brief", "江山", "--full", "--theme", "rd").stdout
    assert "研发投入：规上企业研发投入，2020年1-5月2.06亿元，2020年下半年2.5亿元。2020年1-5月，规上企业研发投入占营业收入比重2.1%。" \
        in full
    summary = run("--data", str(data), "brief", "江山", "--theme", "rd").stdout
    assert "研发投入：2020年下半年，规上企业研发投入2.5亿元。截至2020年上半年，产品智能化项目已投入研发经费1986.5万元。" \
        in summary


@pytest.fixture(scope="module")
def many_periods(tmp_path_factory: pytest.TempPathFactory) -> str:
    from benchmarks.make_synthetic import synthetic_yaml

    path = tmp_path_factory.mktemp("synthetic") / "many.yaml"
    path.write_text(synthetic_yaml(5, 10, 10), encoding="utf-8")
    return str(path)


def test_a_brief_over_many_periods_stays_readable(many_periods: str) -> None:
    summary = run("--data", many_periods, "brief", "county-001")
    assert summary.code == 0
    assert len(summary.stdout.encode()) < 500  # was 2.9 KB for 10 metrics x 10 years
    assert summary.stdout.count("合成指标") == 2 and "2020年，" in summary.stdout
    full = run("--data", many_periods, "brief", "county-001", "--full").stdout
    assert not re.search(r"合成指标\d\d\d", full)  # a label never runs into a number
    assert full.count("合成指标01") == 1  # one series clause per metric, every year in it
    assert re.search(r"合成指标01，2011年[\d.]+万元，2012年[\d.]+万元，.*，2020年[\d.]+万元（比上年(增长|下降)[\d.]+%）；", full)
    en = run("--data", many_periods, "brief", "county-001", "--lang", "en").stdout
    assert "In 2020, synthetic metric" in en and "合成" not in en


def test_labels_ending_in_digits_do_not_run_into_values(many_periods: str) -> None:
    latest = run("--data", many_periods, "brief", "county-001", "--full", "--latest").stdout
    assert re.search(r"合成指标01为[\d.]+万元，比上年", latest)


# --------------------------------------------------------------------------- sources


@pytest.mark.parametrize(("lang", "words"), [("zh", "（2021年1月）"), ("en", "(January 2021)")])
def test_source_dates_in_words(rule_data: str, lang: str, words: str) -> None:
    text = _brief(rule_data, "--lang", lang)
    assert words in text and "2021-01" not in text


# SYNTHETIC, hand-written: a series and single figures of one metric side by side, a figure whose
# period is not stated, a change with no level, two figures of one period, a stock as of a date.
MIXED = RULE_DATA.replace('''      - {metric: visits, value: 40, period: "2020", period_basis: stated, quote: q}
''', '''      - {metric: visits, value: 40, period: "2020", period_basis: stated, quote: q}
      - {metric: grants, value: 450, period: "2021", yoy_pct: 5.2, period_basis: stated, quote: q}
      - {metric: loans, value: 3, period: "unstated/2021-H2", quote: q}
      - {metric: visits, yoy_pct: -3, period: "2021", period_basis: stated, quote: q}
      - {metric: fund, value: 8, period: "@2019-H1", period_basis: stated, quote: q}
    series:
      grants: {quote: 年鉴, values: {"2017": 300, "2018": 350, "2019": 420}}
      firms: {quote: 年鉴, values: "2016=5 2017=7 2018=9"}
''').replace('date: "2021-01"', 'date: "2022-06"')


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("full", [False, True])
def test_a_brief_of_the_newest_reads_only_what_it_shows_and_says_the_same(
        write_yaml: Callable[[str, str], Path], monkeypatch: pytest.MonkeyPatch, lang: str, full: bool) -> None:
    """brief --latest builds of each metric the figures of its newest period and of the year before
    (region_facts_of_newest): word for word the brief made from every figure of the region."""
    from reporter.query import selection
    from reporter.render.brief import brief_context
    from reporter.render.template import render_brief_chunks

    for data in (load_dataset(write_yaml(MIXED, "mixed.yaml")), load_dataset(bundled_data_path())):
        regions = list(data.regions.values())

        def brief(data: Dataset = data, regions: list[Region] = regions) -> str:
            context = brief_context(data, regions, lang, full=full, latest=True)
            return "".join(render_brief_chunks(context, f"brief.{lang}", lang))

        fewer = brief()
        for region in regions:
            some, every = selection.region_facts_of_newest(data, region), selection.region_facts(data, region)
            assert len(some) <= len(every) and all(any(f is g or f == g for g in every) for f in some)
        with monkeypatch.context() as patch:
            patch.setattr(selection, "region_facts_of_newest", lambda d, r: selection.region_facts(d, r))
            assert brief() == fewer
        assert fewer.strip()
