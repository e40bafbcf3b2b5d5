"""Loader: valid files load exactly; every kind of mistake is named with file:line."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

import pytest

from reporter.data.load import load_dataset
from reporter.errors import DataError
from reporter.model.records import Fact, Origin, Quantity, SeriesChunk
from tests.conftest import MINI


def problems_of(path: Path) -> list[str]:
    with pytest.raises(DataError) as info:
        load_dataset(path)
    return [str(p) for p in info.value.problems]


def test_mini_file_loads_with_written_precision(write_yaml: Callable[..., Path]) -> None:
    data = load_dataset(write_yaml(MINI))
    facts = data.facts_of("a", "rd_investment")
    assert [(str(f.quantity.value), f.quantity.unit, f.period.canonical) for f in facts] == [
        ("100", "万元", "2019"), ("1.5", "亿元", "2020")]
    assert facts[0].origin is not None and facts[0].origin.line == 18


def test_yaml_typing_traps_are_read_as_written(write_yaml: Callable[..., Path]) -> None:
    text = MINI.replace("value: 100,", "value: 1009.0,").replace('period: "2019"', "period: 2019")
    data = load_dataset(write_yaml(text))
    fact = data.facts_of("a", "rd_investment")[0]
    assert fact.quantity.value.as_tuple() == Decimal("1009.0").as_tuple()
    assert fact.period.canonical == "2019"


BAD = [
    ("value: 100,", "value: 010,", 18, "drop the leading zero"),
    ("value: 100,", "value: 1:20,", 18, "is not a number"),
    ("value: 100,", "value: 1e5,", 18, "write the number in full"),
    ("value: 100,", "value: '1,000',", 18, "without thousands separators"),
    ("value: 100,", "value: NO,", 18, "is not a number"),
    ('period: "2019"', "period: 2019-13", 18, "month 13 is not 01-12"),
    ('period: "2019"', "period: 2019-01-01", 18, "is not a period"),
    ("metric: rd_investment, value: 100", "metric: rd_invest, value: 100", 18,
     "unknown metric 'rd_invest' (did you mean rd_investment?)"),
    ("value: 1.5, unit: 亿元", "value: 1.5, unit: 家", 19, "unit '家' does not fit metric 'rd_investment'"),
    ("value: 100,", "value: -100,", 18, "is negative"),
    ("{metric: rd_investment, value: 100,", "{metric: rd_investment, value: 100, colour: red,", 18,
     "unknown field 'colour' in fact"),
    (", quote: 2019年投入100万元}", "}", 18, "fact lacks required field 'quote'"),
    ("kind: flow}", "kind: flows}", 6, "kind 'flows' should be one of"),
    ("source: s1\n", "source: s2\n", 16, "unknown source 's2'"),  # at the region's own source: line
    ("level: county", "level: town", 13, "level 'town' should be one of"),
    ('period: "2020"', 'period: "2019"', 19, "a second 'rd_investment' fact of Jia for 2019 (first at"),
    ("    source: s1\n", "", 18, "fact has no source: give 'source' here or on its region"),
]


@pytest.mark.parametrize(("old", "new", "line", "message"), BAD, ids=[b[3][:30] for b in BAD])
def test_mistakes_are_named_with_their_line(write_yaml: Callable[..., Path], old: str, new: str, line: int,
                                            message: str) -> None:
    assert old in MINI
    path = write_yaml(MINI.replace(old, new, 1))
    problems = problems_of(path)
    assert any(p.startswith(f"{path}:{line}:") and message in p for p in problems), problems


def test_all_problems_of_a_file_are_reported_at_once(write_yaml: Callable[..., Path]) -> None:
    text = MINI.replace("value: 100,", "value: x,").replace("kind: flow}", "kind: flows}")
    problems = problems_of(write_yaml(text))
    assert len(problems) == 2
    assert ":6:" in problems[0] and ":18:" in problems[1]


def test_duplicate_keys_name_both_lines(write_yaml: Callable[..., Path]) -> None:
    text = MINI.replace("    short: 甲\n", "    short: 甲\n    short: 乙\n")
    (problem,) = problems_of(write_yaml(text))
    assert ":12:5: duplicate key 'short' (first at line 11)" in problem


def test_duplicate_keys_deep_inside_flow_mappings(write_yaml: Callable[..., Path]) -> None:
    text = MINI.replace("{metric: rd_investment, value: 100,", "{metric: rd_investment, value: 100, value: 7,")
    (problem,) = problems_of(write_yaml(text))
    assert "duplicate key 'value' (first at line 18)" in problem


def test_a_rate_over_100_percent_is_impossible(write_yaml: Callable[..., Path]) -> None:
    text = MINI.replace("metrics:\n", "metrics:\n  share: {zh: 比重, en: share, unit: '%', theme: rd, kind: rate}\n")
    text += "      - {metric: share, value: 100.5, period: '2020', quote: q}\n"
    (problem,) = problems_of(write_yaml(text))
    assert "share 100.5% is outside 0-100%" in problem


def test_a_count_must_be_whole(write_yaml: Callable[..., Path]) -> None:
    text = MINI.replace("metrics:\n", "metrics:\n  firms: {zh: 企业, en: firms, unit: 家, theme: rd, kind: count}\n")
    text += "      - {metric: firms, value: 2.5, period: '2020', quote: q}\n"
    (problem,) = problems_of(write_yaml(text))
    assert "2.5家 should be a whole number" in problem


@pytest.mark.parametrize(("text", "message"), [
    ("", "empty file"),
    ("- a\n- b\n", "the file should be a mapping (key: value), found a sequence"),
    ("just text\n", "the file should be a mapping (key: value), found a scalar"),
    ("a: 1\n---\nb: 2\n", "several YAML documents"),
    ("a: [1, 2\n", "YAML syntax"),
    ("sources: !!python/object:os.system {}\n", "tag 'tag:yaml.org,2002:python/object:os.system' is not allowed"),
    ("x: &a [1]\ny: *a\n", "anchors and aliases"),
    ("x: {<<: {a: 1}}\n", "keys must be plain text"),
    ("[[[[" * 300 + "\n", "YAML syntax"),
])
def test_broken_files_give_one_clear_problem(write_yaml: Callable[..., Path], text: str, message: str) -> None:
    problems = problems_of(write_yaml(text))
    assert any(message in p for p in problems), problems


def test_alias_bomb_is_refused_quickly(write_yaml: Callable[..., Path]) -> None:
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{i}: &a{i} [*a{i-1}, *a{i-1}, *a{i-1}, *a{i-1}, *a{i-1}, *a{i-1}, *a{i-1}, *a{i-1}, *a{i-1}]"
              for i in range(1, 9)]
    problems = problems_of(write_yaml("\n".join(lines) + "\n"))
    assert any("anchors and aliases" in p for p in problems)


@pytest.mark.parametrize(("raw", "message"), [
    ("sources: 中文\n".encode("gbk"), "not UTF-8 (byte 0xd6); it looks like GB18030"),
    ("sources: café\n".encode("latin-1"), "not UTF-8 (byte 0xe9)"),
    (b"\x00\x01binary", "binary data (NUL byte)"),
    ("x: 1\n".encode("utf-16"), "binary data (NUL byte) (UTF-16?)"),
])
def test_encodings_other_than_utf8_are_refused_clearly(tmp_path: Path, raw: bytes, message: str) -> None:
    path = tmp_path / "bad.yaml"
    path.write_bytes(raw)
    (problem,) = problems_of(path)
    assert message in problem and problem.startswith(f"{path}:1")


def test_a_utf8_bom_is_accepted(tmp_path: Path) -> None:
    path = tmp_path / "bom.yaml"
    path.write_bytes(b"\xef\xbb\xbf" + MINI.encode("utf-8"))
    assert len(load_dataset(path).facts) == 2


def test_missing_path_and_empty_directory(tmp_path: Path) -> None:
    assert "no such file or directory" in problems_of(tmp_path / "nope.yaml")[0]
    assert "directory holds no .yaml or .yml files" in problems_of(tmp_path)[0]


def test_too_large_a_file_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import reporter.data.yaml_file

    monkeypatch.setattr(reporter.data.yaml_file, "MAX_BYTES", 1024)
    path = tmp_path / "big.yaml"
    path.write_text("a: " + "x" * 4096, encoding="utf-8")
    assert "the limit is" in problems_of(path)[0]


def test_a_directory_merges_and_names_both_places_of_a_double(tmp_path: Path) -> None:
    head, regions = MINI.split("regions:\n")
    (tmp_path / "1-catalogue.yaml").write_text(head, encoding="utf-8")
    (tmp_path / "2-a.yaml").write_text("regions:\n" + regions, encoding="utf-8")
    data = load_dataset(tmp_path)
    assert len(data.facts) == 2 and len(data.paths) == 2
    (tmp_path / "3-again.yaml").write_text("regions:\n" + regions, encoding="utf-8")
    (problem,) = problems_of(tmp_path)
    assert "3-again.yaml:2:3: region 'a' is defined twice (first at" in problem
    assert "2-a.yaml:2" in problem


SERIES = MINI.replace('''    facts:
      - {metric: rd_investment, value: 100, period: "2019", quote: 2019年投入100万元}
      - {metric: rd_investment, value: 1.5, unit: 亿元, period: "2020", quote: 2020年投入1.5亿元}
''', '''    series:
      rd_investment: {quote: 年鉴, values: {"2018": 80, "2019": 100.0, "2020年": 150}}
      prov_rank:
        quote: 年鉴
        values: "2018=9 2019=7 2020=3"
''')


def test_series_load_lazily_and_equal_the_same_facts_written_out(write_yaml: Callable[..., Path]) -> None:
    data = load_dataset(write_yaml(SERIES))
    rd = data.facts_of("a", "rd_investment")
    assert [(f.period.canonical, str(f.quantity.value), f.quantity.unit) for f in rd] == [
        ("2018", "80", "万元"), ("2019", "100.0", "万元"), ("2020", "150", "万元")]
    assert rd[0].origin is not None and (rd[0].origin.line, rd[0].origin.column) == (18, 51)
    ranks = data.facts_of(metric="prov_rank")
    assert [(f.period.canonical, str(f.quantity.value)) for f in ranks] == [("2018", "9"), ("2019", "7"),
                                                                           ("2020", "3")]
    assert ranks[1].origin is not None and (ranks[1].origin.line, ranks[1].origin.column) == (21, 25)
    assert len(data.facts) == 6 and data.facts[:3] == tuple(rd)


def test_a_series_builds_the_facts_its_records_constructors_build(write_yaml: Callable[..., Path]) -> None:
    """SeriesChunk.expand makes its facts from their fields in order (fast): the same records, of the
    same types, as Fact(...), Quantity(...) and Origin(...) make, field by field."""
    data = load_dataset(write_yaml(SERIES))
    chunks = [item for item in data.store.items() if isinstance(item, SeriesChunk)]
    assert chunks
    for chunk in chunks:
        made = [Fact(chunk.region, chunk.metric, Quantity(value, chunk.unit, chunk.qualifier), period, chunk.source,
                     chunk.quote, None, None, None, chunk.note, Origin(chunk.path, line, column), chunk.period_basis)
                for period, value, line, column in chunk.entries]
        expanded = chunk.expand()
        assert expanded == made and chunk.first() == made[0]
        some = {made[0].period.canonical, made[-1].period.canonical}
        assert chunk.expand_periods(some) == [f for f in made if f.period.canonical in some]
        assert chunk.expand_periods(()) == [] and chunk.periods() == [f.period for f in made]
        for fact in expanded:
            assert (type(fact), type(fact.quantity), type(fact.origin)) == (Fact, Quantity, Origin)
            assert len(fact) == len(Fact._fields) and len(fact.quantity) == len(Quantity._fields)


@pytest.mark.parametrize(("old", "new", "message"), [
    ('"2019": 100.0', '"2019": -5', ":18:63: value -5 is negative"),
    ('"2019": 100.0', '"2019": x', ":18:63: value 'x' is not a number"),
    ('"2019": 100.0', '"2019-13": 1', "month 13 is not 01-12"),
    ('"2020年": 150', '"2019年": 150', ":18:79: a second 'rd_investment' fact of Jia for 2019 (first at"),
    ("2018=9 2019=7", "2018=9 2019=0", ":21:25: rank 0 should be 1 or more"),
    ("2018=9 2019=7", "2018=9 2019=7.5", ":21:25: 7.5位 should be a whole number"),
    ("2018=9 2019=7", "2018=9 2019:7", ":21:25: series pair '2019:7'"),
    ("rd_investment: {quote", "rd_invest: {quote", "unknown metric 'rd_invest'"),
])
def test_series_mistakes_are_named_with_line_and_column(write_yaml: Callable[..., Path], old: str, new: str,
                                                        message: str) -> None:
    assert old in SERIES
    problems = problems_of(write_yaml(SERIES.replace(old, new)))
    assert any(message in p for p in problems), problems
