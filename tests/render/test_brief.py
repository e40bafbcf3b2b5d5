"""Briefs: golden prose per region and language; a user's template can neither crash nor escape."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import assert_golden, run


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("region", ["dongtou", "yueqing", "jiangshan"])
def test_golden_briefs(region: str, lang: str) -> None:
    result = run("brief", region, "--lang", lang)
    assert result.code == 0, result
    # --lang after the command is the global --lang: the note is in the brief's language too
    said = {"en": ("reporter: the headline facts, ", "; --full for every one\n"),
            "zh": ("reporter: 只写了要点数据（共", "；--full 写出全部\n")}[lang]
    assert result.stderr.startswith(said[0]) and result.stderr.endswith(said[1]), result.stderr
    assert_golden(f"brief-{region}.{lang}.txt", result.stdout)


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("region", ["dongtou", "yueqing", "jiangshan"])
def test_golden_full_briefs(region: str, lang: str) -> None:
    result = run("brief", region, "--lang", lang, "--full")
    assert (result.code, result.stderr) == (0, ""), result
    assert_golden(f"brief-{region}-full.{lang}.txt", result.stdout)


def test_golden_markdown_report() -> None:
    result = run("brief", "--all", "--full", "--template", "report.md")
    assert result.code == 0, result
    assert_golden("report.zh.md", result.stdout)


def test_golden_markdown_report_in_english_is_a_summary() -> None:
    result = run("brief", "--all", "--template", "report.md", "--lang", "en")
    assert result.code == 0, result
    assert_golden("report.en.md", result.stdout)
    assert "Kuamai Medical's investment" not in result.stdout  # a stock is no headline beside two changes
    assert "| R&D investment, enterprises above designated size | 206 million yuan | Jan–May 2020 | up 16% year on year |" \
        in result.stdout


def test_brief_words_qualifiers_and_changes() -> None:
    zh = run("brief", "洞头", "乐清", "江山", "--full").stdout
    for phrase in ("规上企业研发投入2.06亿元，同比增长16%", "9100多万元", "近600台套",
                   "科技进步变化综合评价居全省第22位，较上年提升34位", "同比下降14.7%", "资料来源："):
        assert phrase in zh
    en = run("brief", "江山", "--lang", "en").stdout
    assert "206 million yuan (up 16% year on year)" in en


def test_theme_filter() -> None:
    text = run("brief", "江山", "--theme", "rd", "--full").stdout
    assert "研发投入：" in text and "创新平台：" not in text
    assert "产品智能化专项受理申报项目27个" in text


def _template(tmp_path: Path, body: str, name: str = "t.j2") -> str:
    path = tmp_path / name
    path.write_text(body, encoding="utf-8")
    return str(path)


def test_user_template_by_path_and_by_name(tmp_path: Path) -> None:
    path = _template(tmp_path, "{% for r in regions %}{{ r.name }}:{{ r.fact_count }}\n{% endfor %}", "mine.j2")
    assert run("brief", "--all", "--template", path).stdout == "洞头区:24\n乐清市:9\n江山市:45\n"
    by_name = run("brief", "江山", "--template", "mine", env={"REPORTER_TEMPLATES": str(tmp_path)})
    assert by_name.stdout == "江山市:45\n"


@pytest.mark.parametrize(("body", "message"), [
    ("line one\n{{ regions[0].nonexistent }}\n", ":2: undefined in template: 'dict object' has no attribute"),
    ("{{ nothing_here }}", ":1: undefined in template: 'nothing_here' is undefined"),
    ("one\ntwo\n{% for r in regions %}\n", ":3: template syntax error: Unexpected end of template"),
    ("{{ ''.__class__.__mro__[1].__subclasses__() }}", "refused by the sandbox"),
    ("{{ regions[0].themes.append(1) }}", "refused by the sandbox"),
    ("{{ regions._data.sources }}", "refused by the sandbox"),  # no live object behind the plain data
    ("{{ sources._data }}", "refused by the sandbox"),
    ("{{ cycler.__init__.__globals__ }}", "refused by the sandbox"),
    ("{% include '../../../etc/passwd' %}", "template not found: ../../../etc/passwd"),
    ("{% include '/etc/passwd' %}", "template not found"),
    ("{{ 1 / 0 }}", ":1: template error: ZeroDivisionError"),
    ("{% macro f() %}{{ f() }}{% endmacro %}{{ f() }}", "template recursion too deep"),
])
def test_bad_templates_fail_cleanly(tmp_path: Path, body: str, message: str) -> None:
    result = run("brief", "江山", "--template", _template(tmp_path, body))
    assert result.code == 1, result
    assert result.stdout == ""
    assert message in result.stderr, result.stderr
    assert "Traceback" not in result.stderr and len(result.stderr.splitlines()) == 1


def test_missing_template() -> None:
    result = run("brief", "江山", "--template", "no-such-template")
    assert result.code == 1 and "template not found: no-such-template (looked for" in result.stderr
    result = run("brief", "江山", "--template", "/no/such/file.j2")
    assert result.code == 1 and "template not found: /no/such/file.j2" in result.stderr


def test_template_output_cannot_carry_control_characters(tmp_path: Path) -> None:
    path = _template(tmp_path, "a{{ '\\x1b[31m' }}b\x07c{{ '\\u202e' }}d\n")
    result = run("brief", "江山", "--template", path)
    assert result.code == 0
    assert result.stdout == "a\ufffd[31mb\ufffdc\ufffdd\n"
