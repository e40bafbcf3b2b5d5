"""The ``reporter`` command group: global options, and subcommands imported only when invoked."""

from __future__ import annotations

from importlib import import_module
from typing import Any

import click

from reporter import __version__
from reporter.cli.options import (
    COLORS,
    LANGS,
    Command,
    output_options,
    quiet_flag,
)
from reporter.cli.session import Session
from reporter.render import FORMATS

EXIT_CODES = """\b
Exit codes:
  0    an answer was printed (also when a reader such as head stops early)
  1    error: unknown name, a file to read that is missing, invalid data file
       or template, unwritable output
  2    usage error: bad option or argument (a period that is no period,
       --from after --to), a --format the command cannot write
  3    nothing found: an empty answer (json still prints [], csv its header)
  4    delta --fail-on worse: a change went the wrong way (it is printed)
  130  interrupted (Ctrl-C)"""

COMMANDS = {  # name -> module.object, one module per command (listed alphabetically by --help)
    **{name: f"reporter.commands.{name}.{name}"
       for name in ("regions", "metrics", "show", "compare", "rank", "stats", "search", "delta", "get", "brief",
                    "export", "check", "add", "edit", "remove", "extract", "config")},
    "import": "reporter.commands.import_.import_table",  # import is a Python keyword
}


class LazyGroup(Command, click.Group):
    """A group whose subcommands are imported only when invoked (click's documented pattern), so
    ``reporter get`` does not pay for building every other command."""

    def __init__(self, *args: Any, lazy_subcommands: dict[str, str] | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.lazy_subcommands = lazy_subcommands or {}

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted([*super().list_commands(ctx), *self.lazy_subcommands])

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name in self.lazy_subcommands:

            module, name = self.lazy_subcommands[cmd_name].rsplit(".", 1)
            command: click.Command = getattr(import_module(module), name)
            return command
        return super().get_command(ctx, cmd_name)


def _show_version(ctx: click.Context, _param: click.Parameter, value: bool) -> None:
    if value and not ctx.resilient_parsing:
        click.echo(f"reporter, version {__version__}", color=ctx.color)
        ctx.exit()


@click.group(cls=LazyGroup, lazy_subcommands=COMMANDS, epilog=EXIT_CODES,
             context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.option("--data", "data_options", metavar="PATH", multiple=True)  # checked by the loader, which names it
@click.option("--format", "-f", "fmt", type=click.Choice(FORMATS), default=None)
@click.option("--lang", type=click.Choice(LANGS), default="zh", show_default=True)
@click.option("--color", type=click.Choice(COLORS), default="auto", show_default=True)
@quiet_flag
@output_options
@click.option("--no-cache", is_flag=True)
@click.option("--no-pager", is_flag=True)
@click.option("--version", "-V", is_flag=True, expose_value=False, is_eager=True, callback=_show_version)
@click.pass_context
def cli(ctx: click.Context, data_options: tuple[str, ...], fmt: str | None, lang: str, color: str,
        no_cache: bool, no_pager: bool) -> None:
    """Science-and-technology indicators of Zhejiang's counties, from curated, quoted facts.

    \b
    Examples:
      reporter show 江山 --sources
      reporter get 江山 研发投入            → 2.06亿元
      reporter rank 研发投入 --period 2020-01/05
      reporter brief 洞头 >> weekly.txt
    """
    session = ctx.ensure_object(Session)
    given = ctx.get_parameter_source("lang") is click.core.ParameterSource.COMMANDLINE
    if given or not session.lang_given:  # a --lang after the command was read before click parsed (main)
        session.lang = lang
    session.data_options, session.fmt, session.color = data_options, fmt, color
    session.use_cache = not no_cache
    session.lang_given = session.lang_given or given or (
        ctx.get_parameter_source("lang") is click.core.ParameterSource.DEFAULT_MAP)  # a config file's lang
    session.paging = not no_pager
