"""What extract reads: an HTML page saved from a browser, a .docx, a new region by its Chinese
name; and how a draft says its period is known. Texts are our own."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest

from reporter.curate.extract import drafts_as_json, drafts_as_yaml, extract, read_source
from reporter.curate.new_region import is_chinese_name, known_fields
from reporter.errors import DataError
from tests.conftest import run

PAGE = """<!DOCTYPE html><html><head><title>简讯</title><style>p{color:red}</style>
<script>var n = 12345;</script></head><body><div class="nav">首页 &gt; 统计</div>
<p>上半年，全县新增企业<b>30</b>家，同比增长12%。</p><p>研发投入2.5亿元。</p></body></html>"""

BODY = ('<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/'
        'wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>上半年，全县新增企业</w:t></w:r><w:r><w:t>30家'
        '</w:t></w:r><w:r><w:t>。</w:t></w:r></w:p><w:p><w:r><w:t>研发投入2.5亿元。</w:t></w:r></w:p></w:body>'
        '</w:document>')


def test_an_html_page_is_read_as_its_text(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_text(PAGE, encoding="utf-8")
    text = read_source(page).text
    assert "上半年，全县新增企业30家，同比增长12%。\n\n研发投入2.5亿元。" in text and "首页 > 统计" in text
    assert "12345" not in text and "color" not in text
    drafts = extract(text, "x", None, "2020-07")
    assert [(d.value, d.unit, d.yoy_pct, d.period) for d in drafts] == [("30", "家", "12", "2020-H1"),
                                                                       ("2.5", "亿元", None, "2020-H1")]


def test_a_docx_is_read_as_its_paragraphs(tmp_path: Path) -> None:
    doc = tmp_path / "report.docx"
    with zipfile.ZipFile(doc, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", BODY)
    read = read_source(doc)
    assert read.encoding == "docx" and read.text == "上半年，全县新增企业30家。\n研发投入2.5亿元。\n"


def test_a_zip_that_is_no_docx_is_a_data_problem(tmp_path: Path) -> None:
    doc = tmp_path / "other.docx"
    with zipfile.ZipFile(doc, "w") as archive:
        archive.writestr("readme.txt", "hello")
    with pytest.raises(DataError):
        read_source(doc)
    result = run("--lang", "en", "extract", str(doc), "--region", "x")
    assert result.code == 1 and "Word document" in result.stderr and "Traceback" not in result.stderr


@pytest.mark.parametrize("name, new", [("柳林县", True), ("余杭区", True), ("龙游", False), ("江山县城", False)])
def test_a_new_region_is_named_by_its_full_chinese_name(name: str, new: bool) -> None:
    assert is_chinese_name(name) is new


def test_the_command_drafts_for_a_region_named_in_chinese(tmp_path: Path) -> None:
    text = tmp_path / "a.txt"
    text.write_text("2021年，全县新增企业30家。\n", encoding="utf-8")
    result = run("--lang", "en", "extract", str(text), "--region", "青石县", "--as-of", "2022-03")
    assert result.code == 0, result
    assert "青石县 is not in the data" in result.stderr
    assert "    zh: 青石县\n    short: 青石\n" in result.stdout and "    level: county\n" in result.stdout
    assert known_fields("青石县")["level"] == "county"


def test_the_period_basis_is_in_every_draft() -> None:
    drafts = extract("前三季度，全区生产总值100亿元。其中，工业50亿元。\n新增企业3家。", "x", None, "2025-11")
    assert [d.period_basis for d in drafts] == ["stated", "carried", "carried"]
    records = json.loads(drafts_as_json(drafts))
    assert [r["period_basis"] for r in records] == ["stated", "carried", "carried"]
    yaml_text = drafts_as_yaml(drafts, "x", None)
    assert yaml_text.count("period_basis: carried") == 2 and yaml_text.count("period_basis: stated") == 1


def test_where_the_format_holds_period_basis_drafts_and_appended_facts_write_it_as_a_field(
        monkeypatch: pytest.MonkeyPatch) -> None:
    from reporter.curate import yaml_text
    from reporter.data import rules

    fact = dict(rules.FIELDS["fact"])
    fact["period_basis"] = rules.Field("period_basis", False, "choice", ("stated", "carried", "assumed"))
    monkeypatch.setitem(rules.FIELDS, "fact", fact)
    drafts = extract("前三季度，全区生产总值100亿元。其中，工业50亿元。", "x", None, "2025-11")
    printed = drafts_as_yaml(drafts, "x", None)
    assert "        period_basis: carried\n" in printed and "# period_basis" not in printed
    lines = yaml_text.fact_lines({"metric": "m", "value": "50", "unit": "亿元", "period": "2025-01/09",
                                  "period_basis": "carried", "quote": "其中，工业50亿元"}, 6)
    assert "        period_basis: carried" in lines
