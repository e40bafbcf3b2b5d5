"""extract on a page about several regions, and --append against facts the data already hold.

The short texts here are SYNTHETIC (hand-written, invented places 甲县/乙县/丙县); the page is the
bundled source page, whose three parts (洞头区, 乐清市, 江山市) regions.yaml quotes verbatim.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from reporter.curate.extract import Draft, extract, extract_for, held_fact
from reporter.data.load import load_dataset
from reporter.data.paths import bundled_data_path
from reporter.model.dataset import Dataset
from reporter.model.records import Fact, Region
from reporter.prose.places import RegionMap, sentence_at
from tests.conftest import SOURCE_DIR, run

PAGE_SOURCE = "page-2020-kjdd"


def region(ident: str, zh: str, short: str, en: str, *aliases: str) -> Region:
    return Region(ident, zh, short, en, "county", "某市", "浙江省", aliases=aliases)


# SYNTHETIC regions: 甲县 (jia), 乙县 (yi), 丙县 (bing)
REGIONS = {r.id: r for r in (region("jia", "甲县", "甲", "Jiaxian"), region("yi", "乙县", "乙", "Yixian", "乙县城关"),
                             region("bing", "丙县", "丙", "Bingxian"))}


def kept(text: str, who: str = "jia") -> list[str]:
    return [d.written for d in extract(text, who, None, "2020-06", None, REGIONS)]


def left(text: str, who: str = "jia") -> list[tuple[str, str, str]]:
    """(written, region, reason key) of each number left out as another region's."""
    found = extract_for(text, who, None, "2020-06", None, REGIONS)
    return [(d.written, d.region, why.key) for d, why in found.elsewhere]


# --------------------------------------------------------------------------- the rules, on SYNTHETIC text


def test_a_heading_begins_a_regions_part_until_one_naming_another() -> None:
    text = "甲县\n\n新增企业3家。\n\n认定企业4家。\n\n乙县\n\n新增企业5家。\n\n认定企业6家。\n"
    assert kept(text) == ["3家", "4家"]
    assert left(text) == [("5家", "yi", "extract.belongs_part"), ("6家", "yi", "extract.belongs_part")]
    assert kept(text, "yi") == ["5家", "6家"]
    (_d, why), _ = extract_for(text, "jia", None, "2020-06", None, REGIONS).elsewhere
    assert why.values["line"] == 7 and why.text("en") == ("belongs to Yixian (yi): it stands in Yixian's part of the text "
                                                          "(from line 7, which names it)")
    assert why.text("zh") == "属于乙县（yi）：位于原文中乙县的部分（自提到它的第7行起）"


def test_a_sentence_naming_another_region_is_its_own_and_one_naming_the_region_asked_for_is_kept() -> None:
    text = "甲县今年新增企业3家。乙县新增企业5家，认定企业6家。两县合计认定企业8家。\n甲县与乙县共建平台2个。\n"
    # 8家: its sentence names no region, and no part has begun (each line names two): the asked-for region's;
    # 2个: its sentence names both
    assert kept(text) == ["3家", "8家", "2个"]
    assert left(text) == [("5家", "yi", "extract.belongs_sentence"), ("6家", "yi", "extract.belongs_sentence")]
    assert kept(text, "yi") == ["5家", "6家", "8家", "2个"]
    assert left(text, "yi") == [("3家", "jia", "extract.belongs_sentence")]


def test_a_line_naming_several_regions_begins_no_part() -> None:
    text = "甲县\n新增企业3家。\n甲县、乙县和丙县共同举办活动。\n认定企业4家。\n"
    assert kept(text) == ["3家", "4家"]
    assert kept(text, "bing") == []


def test_a_text_naming_no_known_region_is_the_region_asked_fors_throughout() -> None:
    text = "某县\n新增企业3家。\n认定企业4家。\n"
    assert kept(text) == ["3家", "4家"] and left(text) == []
    assert extract(text, "newcounty", None, "2020-06", None, REGIONS) == extract(text, "newcounty", None, "2020-06")


def test_the_lines_before_the_first_part_are_the_region_asked_fors() -> None:
    assert kept("新增企业3家。\n乙县\n认定企业4家。\n") == ["3家"]


def test_names_latin_whole_words_longest_first_and_never_one_character_or_shared() -> None:
    names = {"jia": ("jia", "甲县", "甲", "Jiaxian"), "yi": ("yi", "乙县", "乙", "Yixian", "乙县城关"),
             "wz": ("温州", "温州市"), "dt": ("洞头", "温州洞头"), "x1": ("同名县",), "x2": ("同名县",)}
    text = "JIAXIAN and Jiaxianese yield; 乙县城关镇；温州洞头；甲方；同名县；yi"
    found = [(m.region, text[m.start:m.end]) for m in RegionMap(text, names).mentions]
    assert found == [("jia", "JIAXIAN"), ("yi", "乙县城关"), ("dt", "温州洞头"), ("yi", "yi")]


def test_the_sentence_of_a_number_ends_at_its_punctuation_or_line() -> None:
    text = "甲。乙新增3家，丙4家！\n丁5家"
    at = text.index("3")
    assert text[slice(*sentence_at(text, at))] == "乙新增3家，丙4家！"
    assert text[slice(*sentence_at(text, text.index("5")))] == "丁5家"


# --------------------------------------------------------------------------- the bundled page


@pytest.fixture(scope="module")
def page(bundled: Dataset) -> str:
    path = SOURCE_DIR / bundled.sources[PAGE_SOURCE].file
    if not path.is_file():
        pytest.fail(f"the source page {path} is missing (it ships with the package, reporter/sources)")
    return path.read_text(encoding="utf-8")


def quote_spans(page: str, facts: list[Fact]) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for f in facts for m in re.finditer(re.escape(f.quote), page)]


def offset(page: str, d: Draft) -> int:
    starts = [0] + [m.end() for m in re.finditer("\n", page)]
    return starts[d.line - 1] + d.column - 1


def test_for_jiangshan_the_page_yields_no_draft_from_a_dongtou_or_yueqing_sentence(page: str,
                                                                                  bundled: Dataset) -> None:
    """The user's case: every draft for 江山 comes after the last line any 洞头/乐清 fact is quoted
    from, quotes none of their sentences, and each of their curated facts is left out as theirs."""
    found = extract_for(page, "jiangshan", bundled.metrics, "2020-07", PAGE_SOURCE, bundled.regions)
    others = [f for f in bundled.facts if f.region != "jiangshan"]
    spans = quote_spans(page, others)
    last_other_line = max(page.count("\n", 0, end) + 1 for _start, end in spans)
    assert found.drafts and all(d.line > last_other_line for d in found.drafts)
    for d in found.drafts:
        start = page.index(d.sentence)
        assert not any(s < start + len(d.sentence) and start < e for s, e in spans), d
    left_out = {(offset(page, d), d.value, d.region) for d, _why in found.elsewhere}
    for fact in others:
        at = page.index(fact.quote)
        assert any(at <= o < at + len(fact.quote) and v == fact.quantity.written and r == fact.region
                   for o, v, r in left_out), fact
    names = {bundled.regions[f.region].zh for f in others}
    assert {why.values["name"].text("zh") for _d, why in found.elsewhere} == names == {"洞头区", "乐清市"}


def test_each_region_of_the_page_gets_its_own_numbers_and_no_number_two_regions(page: str, bundled: Dataset) -> None:
    per_region = {r: extract(page, r, bundled.metrics, "2020-06", PAGE_SOURCE, bundled.regions)
                  for r in bundled.regions}
    places = [(d.line, d.column, d.label) for ds in per_region.values() for d in ds]
    assert len(places) == len(set(places))
    everything = extract(page, "any", bundled.metrics, "2020-06", PAGE_SOURCE)  # no regions: every number
    assert len(places) == len(everything)


PAGE_ARGS = ("extract", str(SOURCE_DIR / "000_050705cab98f9860.txt"), "--region", "江山", "--as-of", "2020-07",
             "--source", PAGE_SOURCE)


def test_the_command_counts_and_names_what_it_leaves_out_in_both_languages(bundled: Dataset) -> None:
    en = run("--lang", "en", *PAGE_ARGS, "--format", "json")
    assert en.code == 0, en
    records = json.loads(en.stdout)
    page = (SOURCE_DIR / "000_050705cab98f9860.txt").read_text(encoding="utf-8")
    count = {r: len(extract(page, r, bundled.metrics, "2020-07", PAGE_SOURCE, bundled.regions))
             for r in ("dongtou", "yueqing")}
    assert count["dongtou"] >= len(bundled.facts_of("dongtou")) and count["yueqing"] >= len(bundled.facts_of("yueqing"))
    assert en.stderr.startswith(f"reporter: {len(records)} draft facts from ")
    assert (f"reporter: {sum(count.values())} numbers of the text left out as other regions' "
            f"(Dongtou {count['dongtou']}, Yueqing {count['yueqing']}), not Jiangshan's:") in en.stderr
    assert "  line 11, 第22位: belongs to Dongtou (dongtou): its sentence names it" in en.stderr
    assert not any("洞头" in r["quote"] or "乐清" in r["quote"] for r in records)
    zh = run("--lang", "zh", *PAGE_ARGS, "--format", "json")
    assert zh.stdout == en.stdout
    assert f"原文中{sum(count.values())}个数字属于其他地区（洞头区{count['dongtou']}个、乐清市{count['yueqing']}个）" in zh.stderr
    assert "  第11行的 第22位：属于洞头区（dongtou）：所在句子提到了它" in zh.stderr


MINE = ("# my data (SYNTHETIC source)\nsources:\n  q3:\n    publication: 江山市科技局\n    title: SYNTHETIC\n"
        "    date: \"2020-10\"\n")


def test_append_of_the_page_for_jiangshan_adds_none_of_the_other_regions_facts_nor_the_bundled_ones_again(
        tmp_path: Path, bundled: Dataset) -> None:
    """The user's two reports: 洞头's facts appended under jiangshan, and 35.6% appended a second time
    as of 2020-07 beside the bundled one as of 2020-H1."""
    mine = tmp_path / "mine.yaml"
    mine.write_text(MINE, encoding="utf-8")
    result = run("--lang", "en", "--data", "bundled", "--data", str(mine), *PAGE_ARGS, "--append", str(mine), "--yes")
    assert mine.read_text(encoding="utf-8") == MINE
    assert result.code == 3 and "nothing to add" in result.stderr, result
    (rate,) = bundled.facts_of("jiangshan", "rd_institution_rate")
    assert rate.origin is not None
    assert (f"left out line 70, 35.6%: already in the data (line {rate.origin.line} of {rate.origin.path}: "
            "'rd_institution_rate' for asof/2020-H1, the same value from the same words)") in result.stderr
    shown = run("--data", "bundled", "--data", str(mine), "show", "江山", "--format", "json")
    assert [f["value"] for f in json.loads(shown.stdout)["facts"] if f["metric"] == "rd_institution_rate"] == [35.6]
    zh = run("--lang", "zh", "--data", "bundled", "--data", str(mine), *PAGE_ARGS, "--append", str(mine), "--yes")
    assert f"未添加第70行的 35.6%：数据中已有（{rate.origin.path} 第{rate.origin.line}行：" in zh.stderr


# --------------------------------------------------------------------------- what the data already hold


def draft(value: str, unit: str, metric: str | None, quote: str, sentence: str, who: str = "jiangshan") -> Draft:
    return Draft(value, unit, "exact", "asof/2020-07", None, None, metric, "", quote, 1, 1, value + unit, "", who,
                 "s", None, sentence)


def test_held_fact_is_the_same_metric_and_value_from_the_same_words_whatever_the_period(bundled: Dataset) -> None:
    facts = bundled.facts_of("jiangshan")
    (rate,) = bundled.facts_of("jiangshan", "rd_institution_rate")
    sentence = "开展规上企业研发机构清零行动，目前全市规上企业研发机构构建率达到35.6%。"
    assert held_fact(draft("35.6", "%", "rd_institution_rate", "目前全市规上企业研发机构构建率达到35.6%", sentence),
                     facts) == rate  # the draft's quote is shorter; its sentence holds the fact's
    assert held_fact(draft("35.6", "%", "rd_institution_rate", rate.quote, rate.quote), facts) == rate
    assert held_fact(draft("35.6", "%", "rd_institution_rate", "全市规上企业研发机构构建率达到35.6%",
                           "9月底，全市规上企业研发机构构建率达到35.6%。"), facts) is None  # other words
    assert held_fact(draft("36.6", "%", "rd_institution_rate", rate.quote, sentence), facts) is None
    assert held_fact(draft("35.6", "%", None, rate.quote, sentence), facts) is None
    assert held_fact(draft("35.6", "%", "rd_institution_rate", rate.quote, sentence, "dongtou"),
                     bundled.facts) is None
    (rd,) = [f for f in facts if f.metric == "rd_investment"]
    assert held_fact(draft("20600", "万元", "rd_investment", rd.quote, rd.quote), facts) == rd  # 2.06亿元
    both = "高新技术产业产值、增加值分别为37.36亿元、9.07亿元"
    assert held_fact(draft("9.07", "亿元", "hightech_output", both, both), facts) is None  # the quote's other number


def test_a_quarter_added_before_is_not_added_again_as_of_another_month(tmp_path: Path) -> None:
    """SYNTHETIC: the same article appended as of 2020-10, then again as of 2020-11: the second run
    adds nothing, and says where each fact already is."""
    article = Path(__file__).resolve().parents[1] / "fixtures" / "extract-synthetic-1.txt"
    mine = tmp_path / "mine.yaml"
    mine.write_text(MINE, encoding="utf-8")
    args = ["--data", "bundled", "--data", str(mine), "extract", str(article), "--region", "江山", "--source", "q3",
            "--append", str(mine), "--yes"]
    first = run("--lang", "en", *args, "--as-of", "2020-10")
    assert first.code == 0, first
    added = [f for f in load_dataset([bundled_data_path(), mine]).facts if f.source == "q3"]
    again = run("--lang", "en", *args, "--as-of", "2020-11")
    assert again.code == 3 and mine.read_text(encoding="utf-8").count("- metric:") == len(added), again
    lines = {int(n) for n in re.findall(rf"already in the data \(line (\d+) of {re.escape(str(mine))}:", again.stderr)}
    assert lines == {f.origin.line for f in added if f.origin}


def test_printed_drafts_the_data_hold_already_are_commented_out() -> None:
    """Without --append the drafts go to stdout for a curator to copy: those the data already hold
    from the same words are written commented out, with where they are, so a copy adds none twice."""
    result = run("--data", "bundled", *PAGE_ARGS)  # the source page: missing, the run fails (as the others)
    assert result.code == 0, result
    text = result.stdout
    assert text.count("      # already in the data (") >= 10
    held = re.search(r"# already in the data \((.*):(\d+)\):\n(?:      # line .*\n)?      # - metric: rd_investment\n",
                     text)
    assert held and Path(held.group(1)) == Path(bundled_data_path()), text[:2000]
    live = [line for line in text.splitlines() if line.startswith("      - metric: ")]
    assert "      - metric: rd_investment" not in live  # 2.06亿元 of 1-5月 is in the bundled data


def test_another_region_named_in_traditional_characters_is_still_named() -> None:
    # SYNTHETIC: 乙縣 is 乙县 in traditional characters
    text = "甲縣今年新增企業3家。乙縣新增企業5家,認定企業6家。\n"
    assert kept(text) == ["3家"]
    assert left(text) == [("5家", "yi", "extract.belongs_sentence"), ("6家", "yi", "extract.belongs_sentence")]
