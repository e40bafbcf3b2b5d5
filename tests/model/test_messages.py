"""Messages in the reader's language: Chinese under --lang zh or a zh_* locale, else English."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest

from reporter.messages import MESSAGES
from tests.conftest import MINI, run


def test_every_message_has_both_languages_with_the_same_placeholders() -> None:
    for key, (en, zh) in MESSAGES.items():
        # {s}, the English plural ending, is the one placeholder Chinese never needs
        assert set(re.findall(r"{(\w+)}", en)) - {"s"} == set(re.findall(r"{(\w+)}", zh)), key
        assert en and zh, key


@pytest.mark.parametrize(("args", "env", "expected"), [
    (["check"], {"LANG": "zh_CN.UTF-8"}, "字段 value “x”不是数字"),
    (["check"], {"LC_ALL": "zh_TW.UTF-8", "LANG": "en_US.UTF-8"}, "字段 value “x”不是数字"),
    (["--lang", "zh", "check"], {"LANG": "C.UTF-8"}, "字段 value “x”不是数字"),
    (["--lang", "en", "check"], {"LANG": "zh_CN.UTF-8"}, "value 'x' is not a number"),
    (["check"], {"LANG": "C.UTF-8"}, "value 'x' is not a number"),
])
def test_check_speaks_the_readers_language(write_yaml: Callable[..., Path], args: list[str], env: dict[str, str],
                                          expected: str) -> None:
    path = write_yaml(MINI.replace("value: 100,", "value: x,"))
    result = run(*args[:-1], args[-1], str(path), env={"LC_ALL": "", "LC_MESSAGES": "", **env})
    assert result.code == 1 and expected in result.stderr, result


def test_a_lookup_error_in_chinese(write_yaml: Callable[..., Path]) -> None:
    result = run("--lang", "zh", "get", "江山", "研究")
    assert result.code == 1
    assert result.stderr.startswith("reporter: 指标“研究”有歧义：可指 ")


@pytest.mark.parametrize(("written", "hint_en", "hint_zh"), [
    ("１.２", "write it with half-width digits (1.2)", "请用半角数字（1.2）"),
    ("1。5", "write it with half-width digits (1.5)", "请用半角数字（1.5）"),
    ('"1,200"', "without thousands separators", "不要写千位分隔符"),
    ("16%", "without '%'", "去掉“%”"),
])
def test_a_mistyped_number_gets_a_named_hint(write_yaml: Callable[..., Path], written: str, hint_en: str,
                                            hint_zh: str) -> None:
    path = write_yaml(MINI.replace("value: 100,", f"value: {written},"))
    assert hint_en in run("--lang", "en", "check", str(path)).stderr
    assert hint_zh in run("--lang", "zh", "check", str(path)).stderr


@pytest.mark.parametrize(("text", "where", "en", "zh"), [
    ("about： 合成数据\n", ":1:6:", "a full-width '：' where YAML needs ':'", "全角冒号“：”"),
    ("regions:\n  a:\n\tzh: 甲县\n", ":3:1:", "a tab indents this line", "制表符（Tab）缩进"),
    ('regions:\n  a:\n    zh: "甲县\n    short: 甲\n    en: Jia\n', ':3:9:', 'the quote " opened here is never closed',
     "引号 \" 没有闭合"),
    ("regions:\n  a:\n    facts:\n      - {metric: x, period: @2020-H1, value: 1}\n", ":4:29:",
     'a value starting with @ must be quoted, as in "@2020-H1"', '以 @ 开头的值要加引号'),
    ("regions:\n  a:\n    facts:\n      - {metric: x， value: 1}\n", ":4:19:", "a full-width '，' parts the items",
     "全角逗号“，”"),
    ("regions:\n  a:\n    zh: 甲县\n    quote: 原文：见报道\n    short 甲\n    en: Jia\n", ":5:5:",
     "this line has no ':' after its key", "缺少“:”"),
])
def test_yaml_mistakes_are_named_at_their_own_line(write_yaml: Callable[..., Path], text: str, where: str, en: str,
                                                   zh: str) -> None:
    path = write_yaml(text)
    english, chinese = run("--lang", "en", "check", str(path)), run("--lang", "zh", "check", str(path))
    assert english.code == chinese.code == 1
    assert english.stderr.startswith(f"{path}{where} {en}"), english.stderr
    assert chinese.stderr.startswith(f"{path}{where} ") and zh in chinese.stderr, chinese.stderr
