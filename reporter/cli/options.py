"""What every subcommand shares: the command class, the session, and options defined once."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

import click

from reporter.cli.completion import complete_themes
from reporter.cli.session import Session
from reporter.render import FORMATS

F = TypeVar("F", bound=Callable[..., Any])

pass_session = click.make_pass_decorator(Session, ensure=True)


def _show_help(ctx: click.Context, _param: click.Parameter, value: bool) -> None:
    if value and not ctx.resilient_parsing:
        click.echo(ctx.get_help(), color=ctx.color)
        ctx.exit()


class Command(click.Command):
    """A click command whose help option carries its text: click's own looks the text up in gettext
    on every run, and gettext imports locale, which ``reporter get``'s start-up does not need."""

    _given_help: click.Option | None = None

    def get_help_option(self, ctx: click.Context) -> click.Option | None:
        names = self.get_help_option_names(ctx)
        if not names or not self.add_help_option:
            return None
        if self._given_help is None:  # one object per command: click orders eager options by identity
            self._given_help = click.Option(sorted(names, key=ctx.help_option_names.index), is_flag=True,
                                            expose_value=False, is_eager=True, callback=_show_help,
                                            help="Show this message and exit.")
        return self._given_help


def command(**attrs: Any) -> Callable[[Callable[..., Any]], Command]:
    """``click.command`` for reporter's subcommands."""
    return click.command(cls=Command, **attrs)


def format_option(*choices: str) -> Callable[[F], F]:
    """``--format``, defined once; each command may narrow the choices."""
    return click.option("--format", "-f", "fmt", type=click.Choice(choices or FORMATS), default=None,
                        help="Output format (default: the global --format, else auto: "
                             "a table on a terminal, plain text in a pipe).")


def theme_option(f: F) -> F:
    return click.option("--theme", "-t", metavar="THEME", shell_complete=complete_themes,
                        help="Only this theme (id, zh or en name), e.g. rd, 研发投入.")(f)
