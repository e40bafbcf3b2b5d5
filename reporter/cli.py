"""The command line: parse, ask the query layer, pick a renderer, write.

Only this module touches click. Heavy modules (rich, tabulate, yaml, jinja2) are imported
inside the functions that need them, so ``reporter get`` starts fast.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, TypeVar

import click

from reporter import __version__
from reporter.errors import DataError, ExitCode, ReporterError, UsageProblem
from reporter.render import FORMATS
from reporter.terminal import Environment

if TYPE_CHECKING:
    from reporter.model import Data, Metric, Region, Theme
    from reporter.render.views import View

F = TypeVar("F", bound=Callable[..., Any])

EXIT_CODES = """\b
Exit codes:
  0    success
  1    error: unknown name, no data, invalid data file or template
  2    usage error: bad option or argument
  130  interrupted (Ctrl-C)"""


class Session:
    """What the global options decided, and the dataset, loaded on first use."""

    def __init__(self, data_option: str | None = None, fmt: str | None = None, lang: str = "zh",
                 color: str = "auto", use_cache: bool = True) -> None:
        self.data_option = data_option
        self.fmt = fmt
        self.lang = lang
        self.color = color
        self.use_cache = use_cache
        self._data: Data | None = None
        self._env: Environment | None = None

    @property
    def env(self) -> Environment:
        if self._env is None:
            self._env = Environment.detect(self.color)
        return self._env

    @property
    def data_path(self) -> str:
        from reporter.paths import resolve_data_path

        return resolve_data_path(self.data_option, os.environ)

    @property
    def data(self) -> Data:
        if self._data is None:
            from reporter.store import open_dataset

            self._data = open_dataset(self.data_path, use_cache=self.use_cache,
                                      progress=self.env.stderr_isatty, defer_write=True)
        return self._data


pass_session = click.make_pass_decorator(Session, ensure=True)


# --------------------------------------------------------------------------- shared options


def format_option(*choices: str) -> Callable[[F], F]:
    """``--format``, defined once; each command may narrow the choices."""
    return click.option("--format", "-f", "fmt", type=click.Choice(choices or FORMATS), default=None,
                        help="Output format (default: the global --format, else auto: "
                             "a table on a terminal, plain text in a pipe).")


def theme_option(f: F) -> F:
    return click.option("--theme", "-t", metavar="THEME", shell_complete=complete_themes,
                        help="Only this theme (id, zh or en name), e.g. rd, 研发投入.")(f)


def _session_for_completion(ctx: click.Context) -> Session:
    root = ctx.find_root()
    return Session(data_option=root.params.get("data_option"))


def _complete(names: Callable[[Data], list[str]]) -> Callable[..., list[Any]]:
    def complete(ctx: click.Context, param: click.Parameter, incomplete: str) -> list[Any]:
        try:
            data = _session_for_completion(ctx).data
        except ReporterError:
            return []
        return sorted({n for n in names(data) if n.casefold().startswith(incomplete.casefold())})
    return complete


complete_regions = _complete(lambda d: [n for r in d.regions.values() for n in (r.id, r.short, r.zh)])
complete_metrics = _complete(lambda d: [n for m in d.metrics.values() for n in (m.id, m.zh)])
complete_themes = _complete(lambda d: [n for t in d.themes.values() for n in (t.id, t.zh)])


# --------------------------------------------------------------------------- output


def write_out(stream: Any, text: str) -> None:
    stream.write(text)
    stream.flush()


def note(message: str) -> None:
    """A diagnostic on stderr, safe for any encoding and free of control characters."""
    from reporter.render.safe import clean

    encoding = getattr(sys.stderr, "encoding", None) or "utf-8"
    line = clean(message, keep_layout=True)
    write_out(sys.stderr, line.encode(encoding, "backslashreplace").decode(encoding, "replace") + "\n")


def emit(session: Session, views: Sequence[View], fmt: str | None) -> None:
    """Render views in the chosen format and write them whole, or fail before writing anything."""
    from reporter.render.formats import left_out_tables, render_for_stream

    chosen = fmt or session.fmt or "auto"
    write_out(sys.stdout, render_for_stream(views, chosen, session.env))
    for view in views:
        for line in view.notes:
            note(f"reporter: {line}")
    left_out = left_out_tables(views, chosen, session.env)
    if left_out:
        note(f"reporter: {chosen} holds one table; the {', '.join(left_out)} are in json")


def print_text(session: Session, text: str) -> None:
    """Write text a command made (a value, a brief, an export) whole, if stdout can carry it."""
    from reporter.render import for_stream

    write_out(sys.stdout, for_stream(text, session.env.encoding))


# --------------------------------------------------------------------------- --help and --version
# click's own options look their help texts up in gettext on every run, and gettext imports
# locale to search for catalogues: about 1 ms of the 10 that `reporter get` adds to Python's
# start. These are the same options with their (English) texts given.


def _show_help(ctx: click.Context, _param: click.Parameter, value: bool) -> None:
    if value and not ctx.resilient_parsing:
        click.echo(ctx.get_help(), color=ctx.color)
        ctx.exit()


def _show_version(ctx: click.Context, _param: click.Parameter, value: bool) -> None:
    if value and not ctx.resilient_parsing:
        click.echo(f"reporter, version {__version__}", color=ctx.color)
        ctx.exit()


class Command(click.Command):
    """A click command whose help option carries its text (see above); use it via :func:`command`."""

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


# --------------------------------------------------------------------------- the group


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
            from importlib import import_module

            module, name = self.lazy_subcommands[cmd_name].rsplit(".", 1)
            command: click.Command = getattr(import_module(module), name)
            return command
        return super().get_command(ctx, cmd_name)


COMMANDS = {  # name -> module.object (listed alphabetically by --help)
    **{name: f"reporter.commands.tables.{name}"
       for name in ("regions", "metrics", "show", "compare", "rank", "delta", "search")},
    "get": "reporter.commands.lookup.get",
    "brief": "reporter.commands.brief.brief",
    "export": "reporter.commands.data.export",
    "check": "reporter.commands.data.check",
}


@click.group(cls=LazyGroup, lazy_subcommands=COMMANDS, epilog=EXIT_CODES,
             context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.option("--data", "data_option", metavar="PATH",  # checked by the loader, which names the problem
              help="Data file or directory of YAML files [default: $REPORTER_DATA, else the bundled data].")
@click.option("--format", "-f", "fmt", type=click.Choice(FORMATS), default=None,
              help="Default output format for every command [default: auto].")
@click.option("--lang", type=click.Choice(["zh", "en"]), default="zh", show_default=True,
              help="Language of labels and headers.")
@click.option("--color", type=click.Choice(["auto", "always", "never"]), default="auto", show_default=True,
              help="Colour in tables (NO_COLOR and FORCE_COLOR are honoured with auto).")
@click.option("--no-cache", is_flag=True, help="Read the data file itself, not the compiled cache.")
@click.option("--version", "-V", is_flag=True, expose_value=False, is_eager=True, callback=_show_version,
              help="Show the version and exit.")
@click.pass_context
def cli(ctx: click.Context, data_option: str | None, fmt: str | None, lang: str, color: str,
        no_cache: bool) -> None:
    """Science-and-technology indicators of Zhejiang's counties, from curated, quoted facts.

    \b
    Examples:
      reporter show 江山 --sources
      reporter get 江山 研发投入            → 2.06亿元
      reporter rank 研发投入 --period 2020-01/05
      reporter brief 洞头 >> weekly.txt
    """
    ctx.obj = Session(data_option, fmt, lang, color, not no_cache)


# --------------------------------------------------------------------------- helpers for the commands


def region_named(session: Session, name: str) -> Region:
    from reporter.lookup import find_region

    return find_region(session.data, name)


def metric_named(session: Session, name: str) -> Metric:
    from reporter.lookup import find_metric

    return find_metric(session.data, name)


def theme_named(session: Session, name: str | None) -> Theme | None:
    from reporter.lookup import find_theme

    return find_theme(session.data, name) if name else None


# --------------------------------------------------------------------------- entry point


def _report(exc: ReporterError) -> None:
    if isinstance(exc, DataError) and len(exc.problems) > 1:
        note(f"reporter: {exc.problems[0]}")
        note(f"reporter: … and {len(exc.problems) - 1} more problem(s); run 'reporter check' to see all")
    else:
        note(f"reporter: {exc}")


def main(argv: Sequence[str] | None = None) -> None:
    """Console entry point: every failure becomes one line on stderr and a documented exit code."""
    try:
        result = cli.main(args=list(argv) if argv is not None else None, prog_name="reporter",
                          standalone_mode=False)
        code = result if isinstance(result, int) else ExitCode.OK
    except ReporterError as exc:
        _report(exc)
        code = ExitCode.USAGE if isinstance(exc, UsageProblem) else exc.exit_code
    except click.exceptions.Abort:
        note("reporter: interrupted")
        code = ExitCode.INTERRUPTED
    except click.ClickException as exc:
        import io

        shown = io.StringIO()
        exc.show(file=shown)  # click's usage and message, then cleaned like every diagnostic
        note(shown.getvalue().rstrip("\n"))
        code = exc.exit_code
    except KeyboardInterrupt:
        note("reporter: interrupted")
        code = ExitCode.INTERRUPTED
    except BrokenPipeError:
        # The reader went away (| head -1): end quietly, and keep Python from complaining at exit.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        code = ExitCode.OK
    store = sys.modules.get("reporter.store")
    if store is not None and code != ExitCode.INTERRUPTED:
        # The answer is out: build the cache now, in a detached child when this is a real run
        # (argv from the command line), so the first query after an edit does not wait for it.
        store.write_pending(detach=argv is None)
    if argv is None:
        # A real run ends here. Python's shutdown then garbage-collects everything this run
        # imported and made: ~5 ms, more than a warm get's own work. Frozen objects are left to
        # the OS, which takes the memory back anyway; streams are flushed and atexit handlers
        # run as usual, and nothing reporter writes waits for a collector (files are closed).
        import gc

        gc.freeze()
    sys.exit(int(code))
