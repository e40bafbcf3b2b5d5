"""One language per message: errors and notes follow the reader's language (--lang when given, else
the locale: zh_* is Chinese, else English); words that are part of the output (titles, labels)
follow the output language. Each case here was once said half in one language, half in the other."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest

from reporter.model.dataset import Dataset
from tests.conftest import MINI, run

ZH = {"LANG": "zh_CN.UTF-8", "LC_ALL": "", "LC_MESSAGES": ""}
C = {"LANG": "C.UTF-8", "LC_ALL": "", "LC_MESSAGES": ""}
DECEMBER = ["江山", "研发投入", "4.0", "--period", "2020年1-12月", "--source", "page-2020-kjdd", "--quote",
            "1-12月全市规上企业研发投入4.0亿元"]  # SYNTHETIC figure; 亿元 in the quote, no --unit: a slip


def _english_sentence(text: str) -> list[str]:
    """Runs of three or more English words: a sentence left untranslated (ids and paths are single words)."""
    return re.findall(r"\b[a-z]{2,}(?: [a-z]{2,}){2,}\b", text)


@pytest.mark.parametrize(("args", "env"), [(["--lang", "zh"], C), ([], ZH)])
def test_a_refused_add_is_said_all_in_chinese(tmp_path: Path, args: list[str], env: dict[str, str]) -> None:
    mine = tmp_path / "new.yaml"
    result = run(*args, "add", *DECEMBER, "--file", str(mine), env=env)
    assert result.code == 1, result
    assert f"reporter: {mine}: 在要添加的内容中（第7行）：引文写的是4.0亿元：单位是亿元，不是万元" in result.stderr
    assert f"reporter: 未写入 {mine}" in result.stderr
    assert not _english_sentence(result.stderr), result.stderr
    assert not mine.exists()


def test_add_speaks_the_locale_not_the_output_language(tmp_path: Path) -> None:
    """No --lang: the output language is Chinese, the messages follow the locale (here English)."""
    mine = tmp_path / "mine.yaml"
    mine.write_text('sources:\n  q3: {publication: 江山市科技局, title: 前三季度总结, date: "2020-10"}\n',
                    encoding="utf-8")
    result = run("add", "江山", "研发投入", "3.1", "--unit", "亿元", "--period", "2020年1-9月", "--source", "q3",
                 "--quote", "1-9月全市规上企业研发投入3.1亿元", "--file", str(mine), env=C)
    assert result.code == 0, result
    assert f"added rd_investment 3.1亿元 (2020-01/09) to jiangshan in {mine}" in result.stderr
    assert "is not among the data in effect" in result.stderr
    assert not re.search("[\u4e00-\u9fff]", result.stderr.replace("亿元", "").replace("研发投入", ""))


@pytest.mark.parametrize(("args", "en", "zh"), [
    (["abc", "--period", "2020"], "reporter: value 'abc' is not a number: expected a number written in digits",
     "reporter: 数值“abc”不是数字：应为阿拉伯数字"),
    (["3", "--period", "xx"], "reporter: bad period: 'xx' is not a period; expected 2019",
     "reporter: 时期有误：“xx”不是时期；应为 2019"),
])
def test_an_add_argument_refused_is_said_once_in_one_language(tmp_path: Path, args: list[str], en: str,
                                                              zh: str) -> None:
    base = ["add", "江山", "研发投入", *args, "--quote", "q", "--file", str(tmp_path / "m.yaml")]
    english, chinese = run("--lang", "en", *base, env=ZH), run("--lang", "zh", *base, env=C)
    assert (english.code, chinese.code) == (2, 2)
    assert english.stderr.startswith(en), english.stderr
    assert chinese.stderr.startswith(zh) and not _english_sentence(chinese.stderr), chinese.stderr


@pytest.mark.parametrize(("env", "note"), [
    (C, "reporter: other periods: use --period, or --each-period for each"),
    (ZH, "reporter: 其他时期：用 --period 指定，或用 --each-period 逐期排名"),
])
def test_notes_follow_the_readers_language_and_titles_the_outputs(write_yaml: Callable[..., Path],
                                                                  env: dict[str, str], note: str) -> None:
    """rank's notes are messages, as get's are; the table itself stays in the output language (zh)."""
    path = write_yaml(MINI)
    ranked = run("--data", str(path), "rank", "研发投入", "--format", "plain", env=env)
    assert ranked.code == 0 and note in ranked.stderr, ranked
    assert ranked.stdout.startswith("名次"), ranked.stdout  # the output's own words: Chinese by default
    got = run("--data", str(path), "get", "甲", "研发投入", env=env)
    assert ("2 periods" if env is C else "共2个时期") in got.stderr, got
    english = run("--lang", "en", "--data", str(path), "rank", "研发投入", "--format", "plain", env=ZH)
    assert "reporter: other periods" in english.stderr and english.stdout.startswith("rank")


@pytest.mark.parametrize(("args", "zh"), [
    (["show"], "错误：缺少参数 'REGION'"),
    (["show", "江山", "--nosuch"], "错误：没有选项 '--nosuch'。"),
    (["--format", "nope", "show", "江山"], "错误：'--format' / '-f' 的值无效：'nope' 不是可选值（'auto', "),
    (["rank", "研发投入", "--top", "0"], "错误：'--top' / '-n' 的值无效：0 不在范围 x>=1 内。"),
    (["get", "江山", "研发投入", "--period"], "错误：选项 '--period' 后面需要一个值。"),
    (["show", "江山", "extra"], "错误：多余的参数（extra）"),
    (["nosuchcommand"], "错误：没有命令 'nosuchcommand'。"),
])
def test_clicks_usage_errors_are_chinese_for_a_chinese_reader(args: list[str], zh: str) -> None:
    by_locale, by_option = run(*args, env=ZH), run("--lang", "zh", *args, env=C)
    english = run(*args, env=C)
    for result in (by_locale, by_option):
        assert result.code == english.code == 2, result
        assert zh in result.stderr, result.stderr
        assert "Error:" not in result.stderr and "Usage:" not in result.stderr
    usage = re.search(r"^Usage: (.*)$", english.stderr, re.M)
    if usage:  # the usage line and the pointer to --help are kept
        assert f"用法： {usage.group(1)}" in by_locale.stderr and "--help”查看帮助" in by_locale.stderr
    assert "Error: " in english.stderr  # click's own English otherwise


def test_lang_given_after_a_bad_option_still_chooses_the_language() -> None:
    result = run("--format", "nope", "--lang", "zh", "show", "江山", env=C)
    assert result.code == 2 and "的值无效" in result.stderr, result


@pytest.mark.parametrize(("args", "en", "zh"), [
    (["brief", "江山", "--template", "/nonexist.j2"], "reporter: template not found: /nonexist.j2",
     "reporter: 找不到模板：/nonexist.j2"),
    (["extract", "{text}", "--region", "龙游"],
     "reporter: unknown region '龙游'; a new region is named by a new id, like xinxian",
     "reporter: 未知的地区“龙游”；新地区请用新的代码，如 xinxian"),
    (["get", "江山", "研发投入", "--unit", "家"], "reporter: --unit 家: a value in 亿元 does not convert to 家",
     "reporter: --unit 家：以亿元计的数值不能换算为家"),
    (["brief"], "reporter: name one or more regions, or give --all (not both)",
     "reporter: 请指定一个或多个地区，或用 --all（二者不能同用）"),
    (["delta"], "reporter: name a REGION, or give --all [METRIC]", "reporter: 请指定地区（REGION），或用 --all [METRIC]"),
    (["show", "江山", "--theme", "rd", "--from", "2030"],
     "reporter: Jiangshan has no facts in theme rd in the periods asked for (--from 2030)",
     "reporter: 江山市在所问的时期内（--from 2030）没有数据（主题 rd）"),
    (["show", "江山", "--from", "2021", "--to", "2019"], "reporter: --from 2021 comes after --to 2019",
     "reporter: --from 2021 晚于 --to 2019"),
    (["rank", "研发投入", "--period", "2018"], "reporter: no 'rd_investment' fact for 2018; periods with data",
     "reporter: 没有2018年的“规上企业研发投入”数据；有数据的时期："),
    (["delta", "洞头", "研发投入"], "reporter: Dongtou has no year-over-year change for 'rd_investment'",
     "reporter: 洞头区的“规上企业研发投入”没有同比变化"),
    (["show", "江山", "--sources", "--by", "period"], "reporter: --sources needs the list layout (no --by)",
     "reporter: --sources 只能与 列表形式（不用 --by） 同用"),
    (["export", "-f", "json", "--bom"], "reporter: --bom/--encoding: json is always UTF-8",
     "reporter: --bom/--encoding：json 总是不带字节顺序标记的 UTF-8"),
])
def test_errors_a_county_official_meets_are_in_one_language(tmp_path: Path, args: list[str], en: str,
                                                            zh: str) -> None:
    text = tmp_path / "article.txt"
    text.write_text("1-9月全县规上企业研发投入3.1亿元。\n", encoding="utf-8")
    args = [str(text) if a == "{text}" else a for a in args]
    english, chinese = run(*args, env=C), run(*args, env=ZH)
    assert english.code == chinese.code != 0
    assert english.stderr.startswith(en), english.stderr
    assert chinese.stderr.startswith(zh), chinese.stderr


def test_a_file_kind_is_named_in_the_readers_language(tmp_path: Path) -> None:
    import os

    fifo = tmp_path / "data.yaml"
    os.mkfifo(fifo)
    result = run("--lang", "zh", "check", str(fifo))
    assert result.code == 1 and "是命名管道（FIFO），不是普通文件" in result.stderr, result


@pytest.mark.parametrize("indent", ["\u3000" * 8, "\u3000" * 4, "  \u3000    "])
def test_full_width_spaces_in_an_indentation_get_one_hint_at_their_line(write_yaml: Callable[..., Path],
                                                                       indent: str) -> None:
    """Eight full-width spaces typed for eight, four that look as wide as eight, or one among others:
    one problem, at the line, in either language, and nothing said of the lines after it."""
    text = ("regions:\n  jiangshan:\n    facts:\n      - metric: rd_investment\n        value: 3.4\n"
            f"{indent}unit: 亿元\n        period: 2020-01/10\n        quote: 1-10月全市规上企业研发投入3.4亿元\n")
    path = write_yaml(text)
    column = indent.index("\u3000") + 1
    english = run("--lang", "en", "--data", "bundled", "--data", str(path), "check")
    chinese = run("--lang", "zh", "--data", "bundled", "--data", str(path), "check")
    assert english.stderr.splitlines()[0] == (f"{path}:6:{column}: a full-width space (U+3000) indents this line: "
                                             "YAML indents with half-width spaces"), english.stderr
    assert chinese.stderr.splitlines()[0] == f"{path}:6:{column}: 这一行用了全角空格（U+3000）缩进：YAML 只能用半角空格缩进"
    assert english.code == chinese.code == 1
    assert english.stderr.count("\n") == chinese.stderr.count("\n") == 2  # the hint and the count


def test_a_full_width_space_inside_a_quoted_text_is_kept(write_yaml: Callable[..., Path]) -> None:
    """Chinese paragraphs start with two full-width spaces: in a quote's text they are words, not indentation."""
    text = (MINI.replace("quote: 2019年投入100万元}", 'quote: "2019年\n        \u3000\u3000投入100万元"}'))
    path = write_yaml(text)
    result = run("--lang", "en", "check", str(path))
    assert result.code == 0 and "full-width" not in result.stderr, result


@pytest.mark.parametrize(("text", "en", "zh"), [
    ("regions:\n  a:\n    facts:\n      - metric: x\n       value: 1\n", ":5:8: YAML syntax: this line is not indented",
     ":5:8: YAML 语法错误：这一行的缩进与上面的行不一致"),
    ("regions:\n  a:\n    zh: `甲县`\n", ":3:9: YAML syntax: a value cannot start with '`': quote it",
     ":3:9: YAML 语法错误：值不能以“`”开头：请给它加引号"),
])
def test_the_parsers_words_are_said_in_the_readers_language(write_yaml: Callable[..., Path], text: str, en: str,
                                                            zh: str) -> None:
    path = write_yaml(text)
    assert run("--lang", "en", "check", str(path)).stderr.startswith(f"{path}{en}")
    assert run("--lang", "zh", "check", str(path)).stderr.startswith(f"{path}{zh}")


def test_a_chinese_field_name_keeps_no_space_before_chinese_punctuation(write_yaml: Callable[..., Path]) -> None:
    path = write_yaml(MINI.replace('period: "2020"', 'period: "2020-13"'))
    result = run("--lang", "zh", "check", str(path))
    assert "字段 period：" in result.stderr and "字段 period ：" not in result.stderr, result.stderr


@pytest.mark.parametrize("name", ["rd_investmnt", "研发投人", "nosuch"])
def test_an_unknown_name_gets_the_same_suggestions_in_both_languages(bundled: Dataset, name: str) -> None:
    """The same candidates, each once, each by its name in the reader's language: a metric's id in
    English (its English label is a phrase with commas), its Chinese label in Chinese; a name typed in
    Chinese gets the Chinese labels in either language."""
    english, chinese = run("--lang", "en", "get", "江山", name), run("--lang", "zh", "get", "江山", name)
    near = re.search(r"\(did you mean (.*)\?\)", english.stderr)
    assert english.code == chinese.code == 1
    assert (near is None) == ("是否指" not in chinese.stderr), (english.stderr, chinese.stderr)
    if near:
        typed_zh = any(ch >= "\u2e80" for ch in name)
        shown = near.group(1).split(", ")
        labels = {m.zh: m.id for m in bundled.metrics.values()}
        ids = [labels[s] for s in shown] if typed_zh else shown
        assert len(set(ids)) == len(ids) and all(i in bundled.metrics for i in ids), ids
        assert f"（是否指 {'、'.join(bundled.metrics[i].zh for i in ids)}？）" in chinese.stderr


def test_the_systems_reason_is_said_in_chinese_too(tmp_path: Path) -> None:
    """'No such file or directory' is the system's English: a Chinese reader gets 文件或目录不存在."""
    target = tmp_path / "no-such-dir" / "x.csv"
    zh = run("--lang", "zh", "export", "-o", str(target))
    en = run("--lang", "en", "export", "-o", str(target))
    assert zh.code == en.code == 1
    assert zh.stderr == f"reporter: {target}：无法写入：文件或目录不存在\n", zh.stderr
    assert en.stderr == f"reporter: {target}: cannot write: No such file or directory\n", en.stderr
