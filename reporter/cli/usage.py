"""click's usage errors, said in Chinese when the reader's language is Chinese.

click words its errors in English (``Error: Missing argument 'REGION'.``) through gettext, for
which reporter ships no catalogue. Each error is rebuilt here from the exception's own
attributes (its class, the parameter and its type, the option name, the possibilities click
found) and the wording in :mod:`reporter.messages`; the usage line and the pointer to
``--help`` are kept, as click shows them. The few messages click passes as plain text (an
invalid choice, a number out of range, a missing option value) are matched against click's own
English wording; one not recognised is shown as click words it, inside the Chinese frame.
English is left to click itself, unchanged.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import click

from reporter.messages import Message

__all__ = ["usage_error_text", "usage_lang"]


def usage_lang(exc: click.ClickException, argv: Sequence[str] | None, fallback: str) -> str:
    """The language to say a usage error in: ``--lang`` of the command line when it was given (the
    run may have stopped before the option was read, so it is looked for among the arguments, before
    the command or after it; the last one given wins, as it would have), else ``fallback`` (the
    locale's)."""
    args = list(argv) if argv is not None else []
    if "--" in args:
        args = args[:args.index("--")]
    said = None
    for at, arg in enumerate(args):
        if arg == "--lang" and at + 1 < len(args) and args[at + 1] in ("zh", "en"):
            said = args[at + 1]
        elif arg in ("--lang=zh", "--lang=en"):
            said = arg.partition("=")[2]
    if said is not None:
        return said
    ctx = getattr(exc, "ctx", None)
    root = ctx.find_root() if ctx is not None else None
    if root is not None and "lang" in root.params and \
            root.get_parameter_source("lang") is click.core.ParameterSource.COMMANDLINE:
        return str(root.params["lang"])
    return fallback


def usage_error_text(exc: click.ClickException, lang: str) -> str:
    """What click shows for ``exc`` (usage line, pointer to --help, the error), in ``lang``."""
    import io

    if lang != "zh" or type(exc).__name__ == "NoArgsIsHelpError":  # English, or the help itself
        shown = io.StringIO()
        exc.show(file=shown)
        return shown.getvalue().rstrip("\n")
    lines = []
    ctx = getattr(exc, "ctx", None)
    if isinstance(exc, click.UsageError) and ctx is not None:
        lines.append(Message("usage.usage", usage=ctx.get_usage().removeprefix("Usage:").strip()).text(lang))
        if ctx.command.get_help_option(ctx) is not None:
            option = max(ctx.command.get_help_option_names(ctx), key=len)
            lines.append(Message("usage.try_help", command=ctx.command_path, option=option).text(lang))
        lines.append("")
    lines.append(Message("usage.error", message=_reason(exc, lang)).text(lang))
    return "\n".join(lines)


def _reason(exc: click.ClickException, lang: str) -> str:
    """The error itself, from the exception's attributes."""
    said = _said(exc)
    return said.text(lang) if said is not None else exc.format_message()


def _said(exc: click.ClickException) -> Message | None:
    no_such_command = getattr(click.exceptions, "NoSuchCommand", None)  # click 8.4 and later
    if isinstance(exc, click.MissingParameter):
        return _missing(exc)
    if isinstance(exc, click.BadParameter):
        hint = _hint(exc)
        reason = _type_reason(exc.message) or exc.message
        return Message("usage.invalid_value", name=hint, reason=reason) if hint else \
            Message("usage.invalid_value_plain", reason=reason)
    if isinstance(exc, click.NoSuchOption):
        return Message("usage.no_such_option", name=_quoted(exc.option_name), near=_near(exc.possibilities))
    if no_such_command is not None and isinstance(exc, no_such_command):
        return Message("usage.no_such_command", name=_quoted(exc.command_name), near=_near(exc.possibilities))
    if isinstance(exc, click.UsageError):
        return _plain_usage(exc.message)
    return None


def _missing(exc: click.MissingParameter) -> Message:
    kind = exc.param_type or (exc.param.param_type_name if exc.param is not None else "parameter")
    key = {"argument": "usage.missing_argument", "option": "usage.missing_option"}.get(kind,
                                                                                          "usage.missing_parameter")
    param = exc.param
    choices: Message | str = ""
    if param is not None and isinstance(param.type, click.Choice):
        choices = Message("usage.choose_from", choices="、".join(str(c) for c in param.type.choices))
    return Message(key, name=_hint(exc) or "", choices=choices)


def _hint(exc: click.BadParameter) -> str | None:
    """The parameter as click names it in an error: 'REGION', '--format' / '-f'."""
    if exc.param_hint is not None:
        hint = exc.param_hint
    elif exc.param is not None:
        hint = exc.param.get_error_hint(exc.ctx)
    else:
        return None
    return hint if isinstance(hint, str) else " / ".join(repr(h) for h in hint)


def _quoted(name: str) -> str:
    return repr(name)


def _near(possibilities: Sequence[str] | None) -> Message | str:
    if not possibilities:
        return ""
    return Message("usage.did_you_mean", names=", ".join(repr(p) for p in sorted(possibilities)))


# click's English for what it passes as plain text (click/types.py, parser.py, core.py): a pattern,
# and the message its groups fill
_TYPE_REASONS = (
    (r"(?P<value>.+) is not a value (?P<name>\S+) takes; it takes: (?P<choices>.+)\.", "usage.not_a_value_of"),
    (r"(?P<value>.+) is not (?:one of )?(?P<choices>'.*')\.", "usage.not_a_choice"),
    (r"(?P<value>.+) is not in the range (?P<range>.+)\.", "usage.not_in_range"),
    (r"(?P<value>.+) is not a valid integer\.", "usage.not_an_integer"),
    (r"(?P<value>.+) is not a valid float\.", "usage.not_a_number"),
    (r"(?:File|Directory|Path) (?P<name>'.*') does not exist\.", "usage.path_missing"),
    (r"(?:File|Directory|Path) (?P<name>'.*') is a directory\.", "usage.path_is_directory"),
    (r"(?:File|Directory|Path) (?P<name>'.*') is a file\.", "usage.path_is_file"),
)
_USAGE_REASONS = (
    (r"Option (?P<name>'.*') requires an argument\.", "usage.needs_value"),
    (r"Option (?P<name>'.*') requires (?P<count>\d+) arguments\.", "usage.needs_values"),
    (r"Option (?P<name>'.*') does not take a value\.", "usage.takes_no_value"),
    (r"Argument (?P<name>'.*') takes (?P<count>\d+) values\.", "usage.argument_values"),
    (r"Got unexpected extra arguments? \((?P<args>.*)\)", "usage.extra_arguments"),
    (r"Missing command\.", "usage.missing_command"),
)


def _matched(text: str, table: tuple[tuple[str, str], ...]) -> Message | None:
    for pattern, key in table:
        found = re.fullmatch(pattern, text, re.S)
        if found:
            return Message(key, **found.groupdict())
    return None


def _type_reason(text: str) -> Message | None:
    return _matched(text, _TYPE_REASONS)


def _plain_usage(text: str) -> Message | None:
    return _matched(text, _USAGE_REASONS)
