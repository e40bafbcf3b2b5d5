"""``--help`` in the reader's language: the words from :mod:`reporter.cli.help_words`, the layout click's.

:func:`get_help` is the help of reporter's command class (this module is loaded only when help is
shown). Laid out as click lays it out (usage, text, options, the group's list of commands, epilog),
each text is looked up
in the help table under the command's name and the option's longest name, in the language of
the run's messages (``--lang``, else the locale); click's own headings (``Usage:``, ``Options``)
come through gettext (:mod:`reporter.cli.language`). What the table lacks is shown as click has it.
"""

from __future__ import annotations

import copy
import inspect
import unicodedata
from collections.abc import Iterable
from gettext import gettext

import click

from reporter.cli.help_words import HELP, help_text
from reporter.cli.session import Session


def help_lang(ctx: click.Context | None) -> str:
    """The language help is written in: the run's messages' (English without a session)."""
    session = ctx.find_object(Session) if ctx is not None else None
    return session.message_lang if session is not None else "en"


def command_key(command: click.Command) -> str:
    """A command's key in the help table: its name, ``reporter`` for the group itself."""
    return "reporter" if isinstance(command, click.Group) else str(command.name)


def option_help(command: click.Command, param: click.Parameter, lang: str) -> str | None:
    """An option's help from the table: the command's own entry, else the shared one."""
    names = getattr(param, "opts", None)
    if not names:
        return None
    longest = max(names, key=len)
    own = f"{command_key(command)} {longest}"
    return help_text(own, lang) if own in HELP else help_text(longest, lang)


def width_of(text: str) -> int:
    """Columns ``text`` takes on a terminal: East Asian wide and full-width characters take two."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


_NO_LINE_START = "，。、；：！？）》」』】”’,.;:!?)]"
_NO_LINE_END = "（《「『【“‘"


def _tokens(text: str) -> list[str]:
    """Pieces a line may break between: a run of other characters (a word, an option, a number),
    a single wide character, a space; punctuation stays with what it follows."""
    pieces: list[str] = []
    for char in text:
        wide = width_of(char) == 2
        if pieces and (char in _NO_LINE_START or pieces[-1][-1] in _NO_LINE_END) and pieces[-1] != " ":
            pieces[-1] += char
        elif char == " ":
            pieces.append(" ")
        elif not wide and pieces and pieces[-1] != " " and width_of(pieces[-1][-1]) == 1:
            pieces[-1] += char
        else:
            pieces.append(char)
    return pieces


def wrap(text: str, width: int) -> list[str]:
    """``text`` (one paragraph) in lines of at most ``width`` columns, broken at spaces and between
    wide characters, never inside a word (one wider than the line stands alone)."""
    lines: list[str] = []
    line = ""
    for piece in _tokens(" ".join(text.split())):
        if piece == " ":
            if line:
                line += " "
            continue
        if line and width_of(line.rstrip()) + width_of(piece) + (1 if line.endswith(" ") else 0) > width:
            lines.append(line.rstrip())
            line = ""
        line += piece
    if line.strip():
        lines.append(line.rstrip())
    return lines


def _joined(lines: list[str]) -> str:
    """A paragraph's lines as one: no space where two wide characters meet."""
    text = ""
    for line in (each.strip() for each in lines):
        if text and not (width_of(text[-1]) == 2 and width_of(line[:1]) == 2):
            text += " "
        text += line
    return text


class WideHelpFormatter(click.HelpFormatter):
    """click's help layout, its lines measured in terminal columns (Chinese takes two) and broken
    between Chinese characters as well as at spaces."""

    def write_heading(self, heading: str) -> None:
        colon = "：" if width_of(heading[-1:]) == 2 else ":"  # 选项：, Options:
        self.write(f"{'':>{self.current_indent}}{heading}{colon}\n")

    def write_text(self, text: str) -> None:
        indent = " " * self.current_indent
        for at, block in enumerate(text.split("\n\n")):
            if at:
                self.write("\n")
            lines = block.split("\n")
            if lines and lines[0].strip() == "\b":  # kept as written
                self.write("".join(f"{indent}{line}\n" for line in lines[1:]))
            else:
                width = max(self.width - self.current_indent, 11)
                self.write("".join(f"{indent}{line}\n" for line in wrap(_joined(lines), width)))

    def write_dl(self, rows: Iterable[tuple[str, str]], col_max: int = 30, col_spacing: int = 2) -> None:
        rows = list(rows)
        first_col = min(max((width_of(first) for first, _ in rows), default=0), col_max) + col_spacing
        for first, second in rows:
            self.write(f"{'':>{self.current_indent}}{first}")
            if not second:
                self.write("\n")
                continue
            if width_of(first) <= first_col - col_spacing:
                self.write(" " * (first_col - width_of(first)))
            else:
                self.write("\n" + " " * (first_col + self.current_indent))
            lines = wrap(second, max(self.width - first_col - self.current_indent - 2, 10)) or [""]
            self.write(f"{lines[0]}\n")
            self.write("".join(f"{'':>{first_col + self.current_indent}}{line}\n" for line in lines[1:]))


def get_help(command: click.Command, ctx: click.Context) -> str:
    """``command``'s help as click lays it out (usage, text, options, the group's commands, epilog),
    in the reader's words, its lines measured in terminal columns."""
    formatter = WideHelpFormatter(width=ctx.terminal_width, max_width=ctx.max_content_width)
    command.format_usage(ctx, formatter)
    _help_text(command, ctx, formatter)
    _options(command, ctx, formatter)
    _epilog(command, ctx, formatter)
    return formatter.getvalue().rstrip("\n")


def _help_text(command: click.Command, ctx: click.Context, formatter: click.HelpFormatter) -> None:
    text = help_text(command_key(command), help_lang(ctx))
    if text is None:
        command.format_help_text(ctx, formatter)
        return
    formatter.write_paragraph()
    with formatter.indentation():
        formatter.write_text(inspect.cleandoc(text).partition("\f")[0])


def _options(command: click.Command, ctx: click.Context, formatter: click.HelpFormatter) -> None:
    lang = help_lang(ctx)
    records = []
    for param in command.get_params(ctx):
        if isinstance(param, click.Argument):  # named in the usage line
            continue
        said = option_help(command, param, lang)
        if said is not None:  # a copy, its help in the reader's words: the option itself is untouched
            param = copy.copy(param)
            param.help = said  # type: ignore[attr-defined]
        record = param.get_help_record(ctx)
        if record is not None:
            records.append(record)
    if records:
        with formatter.section(gettext("Options")):
            formatter.write_dl(records)
    if isinstance(command, click.Group):
        command.format_commands(ctx, formatter)


def _epilog(command: click.Command, ctx: click.Context, formatter: click.HelpFormatter) -> None:
    text = help_text(f"{command_key(command)} epilog", help_lang(ctx))
    if text is None:
        command.format_epilog(ctx, formatter)
        return
    formatter.write_paragraph()
    with formatter.indentation():
        formatter.write_text(inspect.cleandoc(text))


def short_help(command: click.Command, limit: int = 45) -> str:
    """The first sentence of a command's help, for the group's list of commands."""
    text = help_text(command_key(command), help_lang(click.get_current_context(silent=True)))
    if text is None:
        return click.Command.get_short_help_str(command, limit)
    first = inspect.cleandoc(text).split("\n\n")[0].replace("\n", " ")
    for end in ("。", "：", ". "):
        if end in first:
            first = first.partition(end)[0]
            break
    first = first.rstrip(".")
    if width_of(first) <= limit:
        return first
    while first and width_of(first) > limit - 3:
        first = first[:-1]
    return first.rstrip() + "..."
