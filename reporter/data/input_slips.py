"""The slips a Chinese input method makes in YAML, each named at its line and mended for reading on.

A full-width space (U+3000) in a key's indentation, a full-width colon after a key (``metric：
rd_investment``), a full-width space after a key's colon or ending a plain value: YAML would read
the key and value as one text (``found a scalar``), or a number as words. Each is said at its line
and column, in either language, and the text is read on as if typed half-width, so what follows is
checked too.
"""

from __future__ import annotations

import re

from reporter.errors import Problem
from reporter.messages import Message


def mended(text: str, where: str) -> tuple[str, list[Problem]]:
    """``text`` with its input-method slips made half-width, and a problem at each."""
    problems: list[Problem] = []
    if "\u3000" in text:
        text = _full_width_indents(text, where, problems)
    if "\u3000" in text or "：" in text:
        text = _input_method_slips(text, where, problems)
    return text, problems


def _full_width_indents(text: str, where: str, problems: list[Problem]) -> str:
    """The text with the full-width spaces (U+3000, typed with a Chinese input method) in the
    indentation of a key or list item made half-width, and one problem at each such line: YAML
    would read them as the start of a key, and every line after as misplaced. One looks as wide
    as two half-width spaces: it is read as two when that lines the line up with the line above
    or below it, else as one."""
    lines = text.split("\n")

    def indent_near(number: int, step: int) -> int | None:
        number += step
        while 0 <= number < len(lines):
            line = lines[number]
            if line.strip() and "\u3000" not in line[:len(line) - len(line.lstrip())]:
                return len(line) - len(line.lstrip(" "))
            number += step
        return None

    def said(m: re.Match[str]) -> str:
        number = text.count("\n", 0, m.start())
        indent = m.group(1)
        problems.append(Problem(where, number + 1, indent.index("\u3000") + 1, Message("yaml.full_width_space")))
        wide = indent.replace("\u3000", "  ")
        near = {indent_near(number, -1), indent_near(number, 1)}
        return wide if len(wide) in near and len(indent) not in near else indent.replace("\u3000", " ")

    return _FULL_WIDTH_INDENT.sub(said, text)


def _input_method_slips(text: str, where: str, problems: list[Problem]) -> str:
    """The text with a key's full-width colon (``metric： x``), a full-width space after a key's
    colon (``value:\u30003.1``) or ending a plain value made half-width, and one problem at each:
    typed with a Chinese input method, they turn a key and its value into one text (``found a
    scalar``), or a number into words. A value's own text (a quote, quoted) is left alone."""

    def said(offset: int, key: str) -> None:
        line_start = text.rfind("\n", 0, offset) + 1
        problems.append(Problem(where, text.count("\n", 0, offset) + 1, offset - line_start + 1, Message(key)))

    def colon(m: re.Match[str]) -> str:
        before = text[text.rfind("\n", 0, m.start()) + 1:m.start()]
        if m.group(1)[:1] in "{," and ("{" not in before + m.group(1)[:1] or before.count('"') % 2):
            return m.group(0)  # not a flow mapping's key, or inside a quoted text: the value's own words
        slip = m.group(2)
        wide_colon = slip.startswith("：")
        said(m.start(2) + (0 if wide_colon else 1), "yaml.full_width_colon" if wide_colon
             else "yaml.full_width_space_here")
        return m.group(1) + (": " if slip in ("：", ":\u3000") else ":" + slip[1:].replace("\u3000", " "))

    def trailing(m: re.Match[str]) -> str:
        said(m.start(2), "yaml.full_width_space_here")
        return m.group(1) + " " * len(m.group(2))

    return _TRAILING_WIDE.sub(trailing, _KEY_SLIP.sub(colon, text))


# indentation holding a full-width space, before a key (``key:``, ``key：``) or a list item (``- ``): never a
# line of a quoted or block text, whose words do not end in a colon and a space
_FULL_WIDTH_INDENT = re.compile(r"^([ \t]*\u3000[ \t\u3000]*)(?=-[ \t]|[^\s#'\"-][^\n:：]*[:：](?:[ \t]|$))",
                                re.MULTILINE)


# a key (a plain word, or quoted) at a line's start, after a list's dash, or first in a flow mapping's
# entry (``{metric：…, value：…}``), then a full-width colon or a colon and a full-width space: what a
# Chinese input method types for ': '
_KEY_SLIP = re.compile(r"((?:^[ \t]*(?:-[ \t]+)*|[{,][ \t]*)(?:[A-Za-z_][A-Za-z0-9_-]*|\"[^\"\n]*\"|'[^'\n]*')"
                       r"[ \t]*)(：[ \t\u3000]?|:\u3000)", re.MULTILINE)
# a plain (unquoted) value after ``key: ``, ended by full-width spaces
_TRAILING_WIDE = re.compile(r"^([ \t]*(?:-[ \t]+)*[A-Za-z_][A-Za-z0-9_-]*:[ \t]+[^\s\"'#|>&*!][^\n]*?)(\u3000+)[ \t]*$",
                            re.MULTILINE)
