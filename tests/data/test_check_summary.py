"""``check`` at scale: warnings grouped by kind, the first few of each and a count, ``--all`` for every
one, ``--format json`` for scripts. SYNTHETIC data: made up here to draw one kind of warning per region."""

from __future__ import annotations

import json
from pathlib import Path

from tests.conftest import run

HEAD = """\
sources:
  s1: {publication: Test Daily, title: A test page, date: "2021"}
themes:
  rd: {zh: 研发投入, en: R&D}
metrics:
  rd: {zh: 研发投入, en: R&D investment, unit: 万元, theme: rd, kind: flow}
regions:
"""
REGION = """\
  r{n}:
    {{zh: 测试{n}县, short: 测试{n}, en: Test {n}, level: county, prefecture: 某市, province: 浙江省, source: s1,
     facts: [{{metric: rd, value: 100, period: "2019", quote: 2019年投入100万元}},
             {{metric: rd, value: 200, period: "2020", yoy_pct: 5, quote: 2020年投入200万元，增长5%}}]}}
"""


def many_warnings(tmp_path: Path, count: int) -> Path:
    path = tmp_path / "warned.yaml"
    path.write_text(HEAD + "".join(REGION.format(n=n) for n in range(1, count + 1)), encoding="utf-8")
    return path


def test_warnings_grouped_by_kind_with_a_count(tmp_path: Path) -> None:
    path = many_warnings(tmp_path, 9)
    result = run("--data", str(path), "check", "--lang", "en")
    lines = result.stderr.splitlines()
    assert result.code == 0
    assert lines[0] == "reporter: 9 warnings of one kind; the first 5:"
    assert sum(line.startswith("warning: ") for line in lines) == 5
    assert "… and 4 more (--all lists every one)" in result.stderr
    every = run("--data", str(path), "check", "--all", "--lang", "en")
    assert sum(line.startswith("warning: ") for line in every.stderr.splitlines()) == 9
    assert "more" not in every.stderr


def test_few_warnings_are_listed_as_they_are(tmp_path: Path) -> None:
    result = run("--data", str(many_warnings(tmp_path, 2)), "check", "--lang", "en")
    assert result.stderr.startswith("warning: ") and result.stderr.count("warning: ") == 2


def test_check_json_for_scripts(tmp_path: Path) -> None:
    path = many_warnings(tmp_path, 7)
    result = run("--data", str(path), "check", "--format", "json", "--lang", "en")
    document = json.loads(result.stdout)
    assert result.code == 0 and document["ok"] is True and document["counts"] == {"yoy": 7}
    assert len(document["warnings"]) == 7 and document["facts"] == 14
    first = document["warnings"][0]
    assert (first["path"], first["line"], first["kind"]) == (str(path), 11, "yoy") and "+5%" in first["message"]
    strict = run("--data", str(path), "check", "--format", "json", "--strict")
    assert strict.code == 1 and json.loads(strict.stdout)["ok"] is False
    assert len(json.loads(strict.stdout)["errors"]) == 7


def test_check_json_of_a_broken_file(tmp_path: Path) -> None:
    path = tmp_path / "broken.yaml"
    path.write_text(HEAD + "  r1: {zh: 甲}\n", encoding="utf-8")
    result = run("check", str(path), "--format", "json")
    document = json.loads(result.stdout)
    assert result.code == 1 and document["ok"] is False and document["errors"][0]["kind"] == "format"
    assert document["errors"][0]["path"] == str(path) and "regions" not in document
