"""Chinese for a Chinese reader: click's own words through gettext, help in the reader's language."""

from __future__ import annotations

import gettext
import re
from pathlib import Path

import click
import pytest

from reporter.cli.group import cli
from reporter.cli.help_format import option_help, width_of, wrap
from reporter.cli.help_words import HELP, help_text
from reporter.cli.language import DOMAIN, LOCALE_DIR, click_speaks, given_lang
from reporter.cli.po import catalogues, mo_bytes, read_po
from reporter.cli.session import Session
from tests.cli.test_cli import run

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


def _commands() -> list[tuple[str, click.Command, click.Context]]:
    root = click.Context(cli, info_name="reporter", obj=Session(), **cli.context_settings)  # -h as a real run has it
    found = [("reporter", cli, root)]
    for name in cli.list_commands(root):
        command = cli.get_command(root, name)
        assert command is not None
        found.append((name, command, click.Context(command, info_name=name, parent=root)))
    return found


def test_every_command_and_option_has_its_help_in_both_languages() -> None:
    missing = []
    for name, command, ctx in _commands():
        if help_text(name, "zh") is None or (help_text(name, "en") or command.help) is None:
            missing.append(name)
        for param in command.get_params(ctx):
            if isinstance(param, click.Option) and (
                    option_help(command, param, "zh") is None
                    or (option_help(command, param, "en") or getattr(param, "help", None)) is None):
                missing.append(f"{name} {max(param.opts, key=len)}")
    assert not missing, f"add these to reporter/cli/help_words.py: {missing}"
    assert all(zh and en != zh for en, zh in HELP.values())


def test_english_help_is_written_once() -> None:
    """A command's docstring and an option's help= are its English, written where it is declared; the
    table holds English only for what the code declares none for (the shared options), never a copy."""
    for name, command, ctx in _commands():
        if command.help:
            assert help_text(name, "en") is None, name
        for param in command.get_params(ctx):
            if isinstance(param, click.Option) and param.help:
                assert option_help(command, param, "en") is None, (name, param.opts)


# what a Chinese help may hold in Latin letters: option names, metavars, choices, ids, file and
# command names, formats and encodings (each a name to type, not a word to read)
_NAMES = re.compile(r"--?[\w-]+|\b[A-Z][A-Z_]*\b|\$\w+|[\w.-]+\.(?:yaml|j2|md|txt|csv|json)\b|\b\w+[_-][\w-]+\b")
_TYPED = {"reporter", "add", "check", "show", "get", "rank", "brief", "compare", "delta", "export", "extract",
          "regions", "metrics", "search", "bundled", "yaml", "json", "csv", "tsv", "plain", "table", "markdown",
          "auto", "always", "never", "zh", "en", "utf", "sig", "gb18030", "exact", "approx", "nearly", "target",
          "flow", "stock", "rate", "count", "higher", "lower", "source", "period", "worse", "rd",
          "economy", "finance", "loan", "xinxian", "jiangshan", "jq", "select", "region", "head", "cut", "f1",
          "less", "echo", "excel", "windows", "stdout", "stderr", "cron", "hledger", "balance", "docs", "mine",
          "weekly", "report", "drafts", "facts", "counties", "shared", "value_base", "jinja2", "bom", "ctrl",
          "todo", "asof", "gb", "jinja", "y", "n", "a", "q", "x", "h", "pager", "lang", "frx", "nul", "uuid", "data",
          # commands, formats, settings, fields, levels and --where's words added since: each typed as it is
          "config", "import", "stats", "html", "jsonl", "xlsx", "sqlite", "db", "toml", "docx", "format", "encoding",
          "color", "value", "metric", "unit", "qualifier", "quote", "note", "text", "texts", "counts", "sources",
          "county", "district", "city", "prefecture", "province", "level", "and", "or", "not", "e", "any", "better",
          "stated", "carried", "assumed", "edit", "remove"}


def _english_words(text: str) -> set[str]:
    rest = _NAMES.sub(" ", text)
    return {w for w in re.findall(r"[A-Za-z]+", rest) if w.casefold() not in _TYPED and not w.isdigit()}


@pytest.mark.parametrize("args", [["--lang", "zh", "add", "--help"], ["add", "--help", "--lang", "zh"]])
def test_adds_help_in_chinese_has_no_english_words(args: list[str]) -> None:
    shown = run(*args, env=C)
    assert shown.code == 0 and "用法：" in shown.stdout and "选项" in shown.stdout, shown
    assert not _english_words(shown.stdout), _english_words(shown.stdout)


def test_every_help_follows_the_locale_and_fits_80_columns() -> None:
    for name, _command, _ctx in _commands():
        args = ["--help"] if name == "reporter" else [name, "--help"]
        chinese = run(*args, env={**ZH, "COLUMNS": "80"})
        english = run("--lang", "en", *args, env={**ZH, "COLUMNS": "80"})
        assert chinese.code == english.code == 0
        assert not _english_words(chinese.stdout), (name, _english_words(chinese.stdout))
        assert english.stdout.startswith("Usage:") and "Show this message and exit." in english.stdout
        assert "显示此帮助并退出。" in chinese.stdout
        wide = [line for line in chinese.stdout.splitlines() if width_of(line) > 80 and " " not in line.strip()]
        assert not wide, wide  # a line may run over only where it is one unbreakable name or example


def test_chinese_wraps_between_characters_never_inside_a_word() -> None:
    lines = wrap("在终端上不给 REGION 时，逐项提问，边输入边检查（--new-metric、--new-source）。", 20)
    assert all(width_of(line) <= 20 for line in lines), lines
    assert "".join(lines).replace(" ", "") == "在终端上不给REGION时，逐项提问，边输入边检查（--new-metric、--new-source）。"
    assert not any(line.startswith(("，", "。", "）")) or line.endswith("（") for line in lines)


def test_the_catalogue_has_every_word_click_says_in_errors_and_help() -> None:
    """Each string click marks for gettext in the modules that word usage errors and help (read from
    the installed click's own source): a click that adds one fails here until it is translated."""
    import ast

    import click as click_module

    root = Path(click_module.__file__).parent
    [po] = [p for p in catalogues() if p.parent.parent.name == "zh"]
    have = {ident.partition("\0")[0] for ident in read_po(po.read_text(encoding="utf-8"))}
    missing = set()
    for name in ("core.py", "exceptions.py", "parser.py", "formatting.py", "types.py", "decorators.py"):
        for node in ast.walk(ast.parse((root / name).read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "id", None) in ("_", "ngettext") and node.args \
                    and isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str):
                if node.args[0].value not in have:
                    missing.add(node.args[0].value)
    assert not missing, f"add to {po.name}, then python -m reporter.cli.po: {sorted(missing)}"
