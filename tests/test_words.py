"""Chinese for a Chinese reader: click's own words through gettext, help in the reader's language."""

from __future__ import annotations

import gettext
import re

import pytest

from reporter.cli.language import DOMAIN, LOCALE_DIR, click_speaks, given_lang
from reporter.cli.po import catalogues, mo_bytes, read_po
from tests.test_cli import run

C = {"LANG": "C.UTF-8", "LC_ALL": "", "LC_MESSAGES": "", "LANGUAGE": ""}
ZH = {"LANG": "zh_CN.UTF-8", "LC_ALL": "", "LC_MESSAGES": "", "LANGUAGE": ""}


def test_each_catalogue_is_built_from_its_po() -> None:
    assert catalogues(), "no catalogue of click's words"
    for po in catalogues():
        entries = read_po(po.read_text(encoding="utf-8"))
        assert po.with_suffix(".mo").read_bytes() == mo_bytes(entries), f"run python -m reporter.cli.po ({po})"
        assert all(text for ident, text in entries.items() if ident), "an untranslated entry"


def test_the_catalogue_reads_back_as_gettext_reads_it() -> None:
    [po] = [p for p in catalogues() if p.parent.parent.name == "zh"]
    with po.with_suffix(".mo").open("rb") as mo:
        zh = gettext.GNUTranslations(mo)
    for ident, text in read_po(po.read_text(encoding="utf-8")).items():
        if not ident:
            continue
        singular, _, plural = ident.partition("\0")
        forms = text.split("\0")
        if plural:
            assert (zh.ngettext(singular, plural, 1), zh.ngettext(singular, plural, 2)) == (forms[0], forms[-1])
        else:
            assert zh.gettext(singular) == text
        # the translation keeps every placeholder click fills in
        for form in forms:
            assert set(re.findall(r"\{(\w+)", form)) <= set(re.findall(r"\{(\w+)", singular + plural)), form


def test_clicks_words_are_chinese_only_inside_the_block_and_only_for_chinese() -> None:
    before = gettext.textdomain()
    with click_speaks("zh"):
        assert gettext.gettext("Show this message and exit.") == "显示此帮助并退出。"
        assert gettext.ngettext("Option {name!r} requires an argument.",
                                "Option {name!r} requires {nargs} arguments.", 2).startswith("选项")
    assert gettext.textdomain() == before != DOMAIN
    with click_speaks("en"):
        assert gettext.gettext("Show this message and exit.") == "Show this message and exit."
    assert LOCALE_DIR.endswith("locale")


@pytest.mark.parametrize(("argv", "lang"), [
    (["--lang", "zh", "show"], "zh"), (["show", "--lang=en"], "en"), (["--lang", "en", "x", "--lang", "zh"], "zh"),
    (["show", "--", "--lang", "zh"], None), (["--lang", "fr"], None), ([], None),
])
def test_the_language_is_read_from_the_command_line_before_click_parses_it(argv: list[str],
                                                                           lang: str | None) -> None:
    assert given_lang(argv) == lang


@pytest.mark.parametrize("args", [["show"], ["show", "江山", "--nosuch"], ["rank", "研发投入", "--top", "x"],
                                  ["get", "江山", "研发投入", "--period"], ["nosuchcommand"]])
def test_a_usage_error_is_in_one_language_either_way(args: list[str]) -> None:
    english, chinese, by_option = run(*args, env=C), run(*args, env=ZH), run("--lang", "zh", *args, env=C)
    assert english.code == chinese.code == by_option.code == 2
    assert "Error:" in english.stderr
    for said in (chinese.stderr, by_option.stderr):
        assert "错误：" in said and "Error" not in said and "Usage" not in said, said
        assert ("Usage:" in english.stderr) == ("用法：" in said)
    assert "Error:" in run("--lang", "en", *args, env=ZH).stderr  # --lang en wins over the locale
