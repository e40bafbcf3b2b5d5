"""append.py: adding to a user's data file inserts text and never re-writes what is there.

The property test appends generated facts to real-looking files (tests/fixtures/append, SYNTHETIC,
and a copy of the bundled regions.yaml), in several encodings of their layout (CRLF, a BOM, no
final newline), and checks that every original byte is still there, in order, and that the
result loads with the new fact in its region and every old fact unchanged.
"""

from __future__ import annotations

import os
import re
import shutil
import stat
import tempfile
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reporter.curate import append
from reporter.curate import yaml_text as yamlwrite
from reporter.curate.append import Refused, add_facts
from reporter.curate.skeletons import add_region
from reporter.data.load import load_dataset
from reporter.data.paths import bundled_data_path
from reporter.errors import DataError
from reporter.model.period_words import parse_period
from tests.conftest import run

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "append"
TARGETS = sorted(p.name for p in FIXTURES.glob("*.yaml")) + ["bundled-copy.yaml"]
BUNDLED = bundled_data_path()
FACT = {"metric": "rd_investment", "value": "3.1", "unit": "亿元", "period": "2020-01/09",
        "quote": "1-9月全市规上企业研发投入3.1亿元"}
OCT = dict(FACT, period="2020-01/10", value="3.4", quote="1-10月全市规上企业研发投入3.4亿元")  # not yet in quarter.yaml


# --------------------------------------------------------------------------- the property


def layout(text: str, crlf: bool, bom: bool, final_newline: bool) -> bytes:
    if not final_newline:
        text = text.rstrip("\n")
    if crlf:
        text = text.replace("\n", "\r\n")
    return (b"\xef\xbb\xbf" if bom else b"") + text.encode("utf-8")


def is_one_insertion(before: bytes, after: bytes) -> bool:
    """``after`` is ``before`` with one run of bytes inserted somewhere: every original byte kept, in order."""
    if len(after) <= len(before):
        return False
    prefix = next((i for i, (a, b) in enumerate(zip(before, after, strict=False)) if a != b), len(before))
    suffix = next((i for i, (a, b) in enumerate(zip(reversed(before), reversed(after), strict=False)) if a != b),
                  len(before))
    return prefix + suffix >= len(before)


QUALIFIER_WORDS = {"exact": "", "more_than": "超过", "approx": "约", "nearly": "近", "at_least": "不少于",
                   "target": "目标"}
DECORATIONS = ["", "“科技贷”", "#1: ", "（含「@本级」）", "{a}[b]", "'单引号' ", '"双引号"', "&a *b ", "R&D "]
METRICS = {  # metric -> (units, how its values are drawn)
    "rd_investment": (("万元", "亿元"), st.decimals(min_value=Decimal("0.1"), max_value=Decimal("99999"), places=1)),
    "rd_intensity": (("%",), st.decimals(min_value=Decimal("0.1"), max_value=Decimal("99.9"), places=2)),
    "academician_workstations": (("家",), st.integers(min_value=1, max_value=999)),
}
PERIODS = st.one_of(  # years before any fact of the fixtures, in each form of the grammar
    st.integers(2001, 2015).map(str),
    st.tuples(st.integers(2001, 2015), st.integers(1, 2)).map(lambda t: f"{t[0]}-H{t[1]}"),
    st.tuples(st.integers(2001, 2015), st.integers(1, 4)).map(lambda t: f"{t[0]}-Q{t[1]}"),
    st.tuples(st.integers(2001, 2015), st.integers(2, 12)).map(lambda t: f"{t[0]}-01/{t[1]:02d}"),
    st.integers(2001, 2015).map(lambda y: f"asof/{y}-H1"), st.integers(2001, 2015).map(lambda y: f"unstated/{y}"))


@st.composite
def facts(draw: st.DrawFn) -> dict[str, str]:
    """A fact any check accepts: its quote states its value, unit, qualifier and change."""
    metric = draw(st.sampled_from(sorted(METRICS)))
    units, values = METRICS[metric]
    unit = draw(st.sampled_from(units))
    value = str(draw(values))
    qualifier = draw(st.sampled_from(sorted(QUALIFIER_WORDS)))
    yoy = draw(st.none() | st.decimals(min_value=Decimal("-99.9"), max_value=Decimal("500"), places=1).map(str))
    label = draw(st.sampled_from(DECORATIONS)) + {"rd_investment": "全县规上企业研发投入", "rd_intensity": "研发投入占比",
                                                  "academician_workstations": "院士专家工作站"}[metric]
    change = "" if yoy is None else (f"，同比下降{yoy.lstrip('-')}%" if yoy.startswith("-") else f"，同比增长{yoy}%")
    fact = {"metric": metric, "value": value, "unit": unit, "period": draw(PERIODS),
            "quote": f"{label}{QUALIFIER_WORDS[qualifier]}{value}{unit}{change}"}
    if qualifier != "exact":
        fact["qualifier"] = qualifier
    if yoy is not None:
        fact["yoy_pct"] = yoy
    return fact


def plain_facts(paths: list[Path]) -> list[tuple[Any, ...]]:
    return sorted((f.region, f.metric, f.quantity, f.period.canonical, f.source, f.quote, f.yoy_written)
                  for f in load_dataset(paths).facts)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data(), st.sampled_from(TARGETS), st.booleans(), st.booleans(), st.booleans(), facts())
def test_appending_a_valid_fact_keeps_every_byte_and_loads(data: st.DataObject, target: str, crlf: bool, bom: bool,
                                                            final_newline: bool, fact: dict[str, str]) -> None:
    regions = ["jiangshan", "dongtou", "yueqing"] + (["xinxian"] if target == "county.yaml" else [])
    region = data.draw(st.sampled_from(regions))
    with tempfile.TemporaryDirectory() as directory:
        path = Path(directory) / target
        source = Path(BUNDLED) if target == "bundled-copy.yaml" else FIXTURES / target
        before = layout(source.read_text(encoding="utf-8"), crlf, bom, final_newline)
        path.write_bytes(before)
        layers = [path] if target == "bundled-copy.yaml" else [Path(BUNDLED), path]
        old = plain_facts(layers) if target != "comments-only.yaml" else plain_facts([Path(BUNDLED)])

        added = add_facts(path, region, [fact], layers)

        after = path.read_bytes()
        assert is_one_insertion(before, after), after.decode("utf-8")
        assert after.startswith(b"\xef\xbb\xbf") == bom
        inserted = after.decode("utf-8").splitlines()[added.first_line - 1:added.last_line]
        assert all(line.startswith(" ") for line in inserted) or added.first_line == 1 or "regions:" in inserted
        new = plain_facts(layers)
        for row in old:
            new.remove(row)
        (row,) = new
        assert (row[0], row[1], row[2].written, row[2].unit, row[2].qualifier, row[3]) == (
            region, fact["metric"], fact["value"], fact["unit"], fact.get("qualifier", "exact"),
            parse_period(fact["period"]).canonical)  # one span, one period: 2001-01/03 is 2001-Q1
        assert (row[5], row[6]) == (" ".join(fact["quote"].split()), fact.get("yoy_pct"))
        if crlf:
            assert b"\n" not in after.replace(b"\r\n", b"")  # the new lines end as the old ones do


# --------------------------------------------------------------------------- where the text goes


def test_a_fact_goes_at_the_end_of_its_region_list_with_the_same_indentation(tmp_path: Path) -> None:
    path = tmp_path / "quarter.yaml"
    shutil.copy(FIXTURES / "quarter.yaml", path)
    text = path.read_text(encoding="utf-8")
    added = add_facts(path, "jiangshan", [dict(FACT, period="2020-01/10", value="3.4",
                                               quote="1-10月全市规上企业研发投入3.4亿元")], [BUNDLED, path])
    lines = path.read_text(encoding="utf-8").split("\n")
    old = text.split("\n")
    at = old.index("        quote: 前三季度，12家企业通过高新技术企业重新认定") + 1
    assert lines[:at] == old[:at] and lines[at + 5:] == old[at:]  # before the blank line and commented-out fact
    assert lines[at:at + 5] == ["      - metric: rd_investment", "        value: 3.4", "        unit: 亿元",
                                "        period: 2020-01/10", '        quote: "1-10月全市规上企业研发投入3.4亿元"']
    assert (added.first_line, added.last_line, added.created) == (at + 1, at + 5, False)


def test_an_indentless_list_and_a_kept_block_scalar(tmp_path: Path) -> None:
    path = tmp_path / "county.yaml"
    shutil.copy(FIXTURES / "county.yaml", path)
    add_facts(path, "xinxian", [dict(FACT, period="2020-01/09", value="0.5", quote="1-9月研发投入0.5亿元")],
              [BUNDLED, path])
    text = path.read_text(encoding="utf-8")
    assert "        kept trailing blank line\n\n    - metric: rd_investment\n      value: 0.5\n" in text
    from reporter.data.yaml_file import compose

    root, _ = compose(text, str(path))
    region = dict((k.value, v) for k, v in dict((k.value, v) for k, v in root.value)["regions"].value)["xinxian"]
    facts = dict((k.value, v) for k, v in region.value)["facts"].value
    note = dict((k.value, v) for k, v in facts[0].value)["note"]
    assert note.value == "kept trailing blank line\n\n"  # the block scalar kept its blank line
    assert len(facts) == 2


def test_a_region_the_file_lacks_gets_an_addition_block_at_the_end_of_regions(tmp_path: Path) -> None:
    path = tmp_path / "flow-items.yaml"
    shutil.copy(FIXTURES / "flow-items.yaml", path)
    add_facts(path, "jiangshan", [FACT], [BUNDLED, path])
    text = path.read_text(encoding="utf-8")
    assert text.endswith("        quote: 1-9月研发投入20亿元\n  jiangshan:\n    facts:\n      - metric: rd_investment\n"
                         "        value: 3.1\n        unit: 亿元\n        period: 2020-01/09\n"
                         '        quote: "1-9月全市规上企业研发投入3.1亿元"\nabout: a file whose last key is not regions\n')


def test_a_new_file_gets_a_header_that_says_how_to_use_it(tmp_path: Path) -> None:
    path = tmp_path / "mine.yaml"
    added = add_facts(path, "jiangshan", [FACT], [BUNDLED])
    assert added.created
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# Your own reporter data")
    command = re.search(r"#   (reporter .* check)", text)
    assert command is not None and command.group(1) == f"reporter --data bundled --data {path} check"
    result = run(*command.group(1).split()[1:])
    assert result.code == 0 and "79 facts" in result.stderr, result


def test_a_file_of_comments_only_keeps_them(tmp_path: Path) -> None:
    path = tmp_path / "started.yaml"
    shutil.copy(FIXTURES / "comments-only.yaml", path)
    before = path.read_text(encoding="utf-8")
    add_facts(path, "dongtou", [FACT], [BUNDLED, path])
    after = path.read_text(encoding="utf-8")
    assert after.startswith(before + "regions:\n  dongtou:\n    facts:\n      - metric: rd_investment\n")


# --------------------------------------------------------------------------- what is refused, and nothing written


@pytest.mark.parametrize(("text", "line", "words"), [
    ("regions:\n  jiangshan:\n    facts: [{metric: rd_investment, value: 1, period: '2019', quote: x1万元}]\n", 3,
     "facts: of region 'jiangshan' is written in flow style"),
    ("regions:\n  jiangshan:\n    facts: []\n", 3, "flow style"),
    ("regions:\n  jiangshan: {facts: []}\n", 2, "region 'jiangshan' is written in flow style"),
    ("regions: {jiangshan: {facts: []}}\n", 1, "regions: is written in flow style"),
    ("regions:\n  jiangshan:\n\tfacts:\n", 3, "a tab in the indentation"),
    ("regions:\n  jiangshan:\n    facts：\n      - metric: x\n", 3, "does not read as YAML"),  # where the '：' is
    ("- a list\n- of things\n", 1, "the file should be a mapping"),
    ("regions:\n  jiangshan: 江山\n", 2, "region 'jiangshan' should be a mapping"),
])
def test_what_cannot_be_edited_safely_is_refused_at_its_line(tmp_path: Path, text: str, line: int,
                                                              words: str) -> None:
    path = tmp_path / "mine.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(Refused) as refused:
        add_facts(path, "jiangshan", [FACT], [BUNDLED, path])
    assert str(refused.value).startswith(f"{path}:{line}: ") and words in str(refused.value)
    assert "\n" not in str(refused.value)
    assert refused.value.text("zh") != str(refused.value) and re.search("[\u4e00-\u9fff]", refused.value.text("zh"))
    assert path.read_text(encoding="utf-8") == text


@pytest.mark.parametrize(("fact", "words"), [
    (dict(OCT, unit="万元"), "the quote says 3.4亿元: the unit is 亿元, not 万元"),  # the dropped 亿
    (dict(OCT, metric="no_such_metric"), "unknown metric 'no_such_metric'"),
    (dict(OCT, unit="家"), "unit '家' does not fit metric 'rd_investment'"),
    (dict(FACT, period="2020-01/05", value="2.06", quote="1-5月全市规上企业研发投入2.06亿元"),
     "a second 'rd_investment' fact of Jiangshan for Jan–May 2020 (first at"),
    (dict(OCT, yoy_pct="-16", quote="1-10月全市规上企业研发投入3.4亿元，同比增长16%"), "the quote says 同比增长 16%"),
    (dict(OCT, period="2020-01/11"), "Jan–Nov 2020 ends after its source 'jiangshan-q3' (dated 2020-10)"),
    (dict(OCT, period="2020-01/08"), "the quote names 1-10月, but the fact's period is Jan–Aug 2020"),
])
def test_nothing_check_would_reject_is_written(tmp_path: Path, fact: dict[str, str], words: str) -> None:
    path = tmp_path / "quarter.yaml"
    shutil.copy(FIXTURES / "quarter.yaml", path)
    before = path.read_bytes()
    with pytest.raises(DataError) as refused:
        add_facts(path, "jiangshan", [fact], [BUNDLED, path])
    problems = refused.value.problems
    assert any(words in str(p.message) for p in problems), problems
    # said at the fact's first line (23), or at the line of the field that is wrong
    assert all(p.path == str(path) and re.match(r"in what is being added, at line 2[3-9]: ", str(p.message))
               for p in problems), problems
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["quarter.yaml"]  # no temp file left behind


def test_problems_already_in_the_file_are_named_at_their_own_lines(tmp_path: Path) -> None:
    path = tmp_path / "broken.yaml"
    text = (FIXTURES / "quarter.yaml").read_text(encoding="utf-8").replace("        value: 12\n", "        value: 12x\n")
    path.write_text(text, encoding="utf-8")
    with pytest.raises(DataError) as refused:
        add_facts(path, "jiangshan", [OCT], [BUNDLED, path])
    line = text.split("\n").index("        value: 12x") + 1
    assert [(p.path, p.line) for p in refused.value.problems] == [(str(path), line)]
    assert path.read_text(encoding="utf-8") == text


def test_a_file_changed_meanwhile_is_not_overwritten(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "quarter.yaml"
    shutil.copy(FIXTURES / "quarter.yaml", path)
    load = append._load

    def load_then_edit(*args: Any) -> Any:
        result = load(*args)
        with path.open("a", encoding="utf-8") as handle:
            handle.write("# typed in an editor meanwhile\n")
        return result

    monkeypatch.setattr(append, "_load", load_then_edit)
    with pytest.raises(Refused, match="changed while reporter was adding"):
        add_facts(path, "jiangshan", [OCT], [BUNDLED, path])
    assert path.read_text(encoding="utf-8").endswith("#   value: 2.3\n# typed in an editor meanwhile\n")


def test_the_mode_is_kept_and_a_symlink_still_points_at_the_file(tmp_path: Path) -> None:
    real = tmp_path / "real.yaml"
    shutil.copy(FIXTURES / "quarter.yaml", real)
    real.chmod(0o640)
    link = tmp_path / "link.yaml"
    link.symlink_to(real)
    add_facts(link, "jiangshan", [OCT], [BUNDLED, link])
    assert link.is_symlink() and stat.S_IMODE(real.stat().st_mode) == 0o640
    assert "period: 2020-01/10" in real.read_text(encoding="utf-8")


def test_a_file_inside_a_data_directory_is_checked_in_its_place(tmp_path: Path) -> None:
    directory = tmp_path / "county-data"
    directory.mkdir()
    shutil.copy(FIXTURES / "quarter.yaml", directory / "a-quarter.yaml")
    shutil.copy(FIXTURES / "flow-items.yaml", directory / "b-flow.yaml")
    add_facts(directory / "a-quarter.yaml", "jiangshan", [OCT], [BUNDLED, directory])
    assert len(load_dataset([BUNDLED, directory]).facts) == 78 + 2 + 3 + 1


# --------------------------------------------------------------------------- a new region


def test_a_new_region_is_a_skeleton_check_warns_of_until_filled(tmp_path: Path) -> None:
    path = tmp_path / "new.yaml"
    added = add_region(path, "xinxian", [BUNDLED], {"zh": "新县", "level": "county"}, source="xinxian-2020")
    text = path.read_text(encoding="utf-8")
    todo = [i + 1 for i, line in enumerate(text.split("\n")) if '""  # TODO' in line]
    assert len(todo) == 3 + 4  # the source's publication, title, date; the region's short, en, prefecture, province
    for name in yamlwrite.required("region"):
        assert re.search(rf"^    {name}: ", text, re.M), name
    unfinished = load_dataset([BUNDLED, path])  # every other entry loads: the unfinished ones are warned of
    assert sorted(p.line for p in unfinished.unfinished) == todo
    assert "xinxian" not in unfinished.regions and "xinxian-2020" not in unfinished.sources
    assert len(unfinished.facts) == len(load_dataset([BUNDLED]).facts)
    with pytest.raises(Refused, match=r"new.yaml:\d+: source 'xinxian-2020' is unfinished .*: fill them"):
        add_facts(path, "xinxian", [FACT], [BUNDLED, path])  # facts wait for the entries they need
    filled = re.sub(r'(\w+): ""  # TODO[^\n]*', lambda m: f"{m.group(1)}: x", text)
    path.write_text(filled, encoding="utf-8")
    add_facts(path, "xinxian", [FACT], [BUNDLED, path])  # now facts may be added to it
    assert load_dataset([BUNDLED, path]).regions["xinxian"].zh == "新县" and added.created


def test_a_region_that_exists_is_not_written_again(tmp_path: Path) -> None:
    with pytest.raises(Refused, match=r"region 'jiangshan' already exists \(defined at .*regions.yaml:\d+\)"):
        add_region(tmp_path / "new.yaml", "jiangshan", [BUNDLED])
    assert not (tmp_path / "new.yaml").exists()


def test_a_new_region_of_a_known_source_names_only_the_region(tmp_path: Path) -> None:
    path = tmp_path / "quarter.yaml"
    shutil.copy(FIXTURES / "quarter.yaml", path)
    before = path.read_bytes()
    add_region(path, "xinxian", [BUNDLED, path], source="jiangshan-q3")
    after = path.read_bytes()
    assert is_one_insertion(before, after) and b"sources:" not in after[len(before):]
    assert b"    source: jiangshan-q3\n" in after


# --------------------------------------------------------------------------- writing scalars


@settings(max_examples=300, deadline=None)
@given(st.text(min_size=1, max_size=30), st.sampled_from([yamlwrite.text, yamlwrite.quoted, yamlwrite.key]))
def test_every_value_written_reads_back_as_written(value: str, write: Callable[[str], str]) -> None:
    from reporter.data.yaml_file import compose

    root, problems = compose(f"key: {write(value)}\n", "t")
    assert not problems, (value, write(value))
    assert root.value[0][1].value == value


def test_periods_are_plain_where_yaml_keeps_them_strings() -> None:
    assert [yamlwrite.period(p) for p in ("2019", "@2020-H1", "2020-01/05", "unstated/2020-H1", "asof/2020-H1")] == [
        '"2019"', '"@2020-H1"', "2020-01/05", "unstated/2020-H1", "asof/2020-H1"]


def test_refusals_and_skeleton_hints_are_one_line(tmp_path: Path) -> None:
    lines = yamlwrite.region_skeleton("x\ny", 2, 2, {"zh": "a\nb"})
    assert all("\n" not in line for line in lines)
    assert os.linesep not in str(Refused("f.yaml", 3, append.Message("append.tab")))
