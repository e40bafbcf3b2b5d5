"""What every subcommand shares: the command class, the session, and options defined once.

The global options (``--quiet``, ``--lang``, ``--data``, ``--color``, ``--no-pager``,
``--no-cache``, and where a command prints data ``--no-header``, ``--bom``, ``--encoding``) may
also follow the command, as ``--format`` may; either way they are kept on the
:class:`~reporter.cli.session.Session` by a callback, so no command spells them out. Only
``--version`` is the group's alone.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

import click

from reporter.cli.completion import complete_themes
from reporter.cli.config import COLORS, ENCODINGS, LANGS
from reporter.cli.session import Session
from reporter.render import FORMATS

F = TypeVar("F", bound=Callable[..., Any])

pass_session = click.make_pass_decorator(Session, ensure=True)

def _show_help(ctx: click.Context, _param: click.Parameter, value: bool) -> None:
    if value and not ctx.resilient_parsing:
        click.echo(ctx.get_help(), color=ctx.color)
        ctx.exit()


def _set_quiet(ctx: click.Context, _param: click.Parameter, value: bool) -> None:
    if value:
        ctx.ensure_object(Session).quiet = True


def _set_no_header(ctx: click.Context, _param: click.Parameter, value: bool) -> None:
    if value:
        ctx.ensure_object(Session).header = False


def _set_bom(ctx: click.Context, _param: click.Parameter, value: bool) -> None:
    if value:
        ctx.ensure_object(Session).bom = True


def _set_encoding(ctx: click.Context, _param: click.Parameter, value: str | None) -> None:
    if value and not ctx.resilient_parsing:
        ctx.ensure_object(Session).set_encoding(value.lower())




def _set_lang(ctx: click.Context, _param: click.Parameter, value: str | None) -> None:
    if value:
        session = ctx.ensure_object(Session)
        session.lang, session.lang_given = value, True


def _add_data(ctx: click.Context, _param: click.Parameter, value: tuple[str, ...]) -> None:
    if value:  # after the global ones: layered on top of them, in the order given
        session = ctx.ensure_object(Session)
        session.data_options = (*session.data_options, *value)


def _set_color(ctx: click.Context, _param: click.Parameter, value: str | None) -> None:
    if value:
        ctx.ensure_object(Session).set_terminal(color=value)


def _set_no_pager(ctx: click.Context, _param: click.Parameter, value: bool) -> None:
    if value:
        ctx.ensure_object(Session).set_terminal(paging=False)


def _set_no_cache(ctx: click.Context, _param: click.Parameter, value: bool) -> None:
    if value:
        ctx.ensure_object(Session).use_cache = False


def after_options() -> list[click.Option]:
    """The global options a command also takes after its name (``reporter show 江山 --lang en``),
    each meaning what it means before the command; one given twice, the later one wins (``--data``
    adds a layer on top)."""
    return [
        click.Option(["--lang"], type=click.Choice(LANGS), expose_value=False, callback=_set_lang),
        click.Option(["--data"], metavar="PATH", multiple=True, expose_value=False, callback=_add_data),
        click.Option(["--color"], type=click.Choice(COLORS), expose_value=False, callback=_set_color),
        click.Option(["--no-pager"], is_flag=True, expose_value=False, callback=_set_no_pager),
        click.Option(["--no-cache"], is_flag=True, expose_value=False, callback=_set_no_cache),
    ]


def quiet_option(names: tuple[str, ...] = ("--quiet", "-q")) -> click.Option:
    return click.Option(list(names), is_flag=True, expose_value=False, callback=_set_quiet)


def quiet_flag(f: F) -> F:
    """The global ``--quiet``/``-q``."""
    return click.option("--quiet", "-q", is_flag=True, expose_value=False, callback=_set_quiet)(f)  # type: ignore[no-any-return]


def _set_fields(ctx: click.Context, _param: click.Parameter, value: str | None) -> None:
    if value is not None and not ctx.resilient_parsing:
        ctx.ensure_object(Session).fields = tuple(f.strip() for f in value.split(",") if f.strip())


def _set_output(ctx: click.Context, _param: click.Parameter, value: str | None) -> None:
    if value is not None and not ctx.resilient_parsing:
        ctx.ensure_object(Session).output = value


FIELDS_HELP = ("Only these record fields, in this order (json, jsonl, csv, tsv), e.g. "
               "--fields region,period,value; an unknown one is refused with the list of known ones.")


def output_file_option(f: F) -> F:
    """``-o FILE``: a command's output to a file (atomically) rather than stdout; what xlsx needs."""
    # a plain text value, not click.Path, whose names load gettext (and locale) on every run
    return click.option("--output", "-o", metavar="FILE",  # type: ignore[no-any-return]
                        expose_value=False, callback=_set_output,
                        help="Write to FILE (atomically), not stdout; needed for --format xlsx on a terminal.")(f)


def output_options(f: F) -> F:
    """``--no-header``, ``--bom``, ``--encoding`` and ``--fields``, defined once (global, and on each
    command that prints data)."""
    f = click.option("--fields", metavar="A,B,C", expose_value=False, callback=_set_fields, help=FIELDS_HELP)(f)
    f = click.option("--encoding", type=click.Choice(ENCODINGS, case_sensitive=False), expose_value=False,
                     callback=_set_encoding)(f)
    f = click.option("--bom", is_flag=True, expose_value=False, callback=_set_bom)(f)
    return click.option("--no-header", is_flag=True, expose_value=False, callback=_set_no_header)(f)  # type: ignore[no-any-return]


class Command(click.Command):
    """A click command whose help option carries its text: click's own looks the text up in gettext
    on every run, and gettext imports locale, which ``reporter get``'s start-up does not need. Its
    ``--help`` speaks the reader's language, its words from one table (:mod:`reporter.cli.help_format`,
    loaded only when help is shown; the shared options here carry no ``help=`` of their own).

    Every subcommand also takes ``--quiet``/``-q`` and the other global options of
    :func:`after_options` (each unless the command has an option of that name), and refuses a
    global ``--format`` it cannot write (exit 2) rather than ignoring it."""

    _given_help: click.Option | None = None
    _given_globals: list[click.Option] | None = None

    def get_help_option(self, ctx: click.Context) -> click.Option | None:
        names = self.get_help_option_names(ctx)
        if not names or not self.add_help_option:
            return None
        if self._given_help is None:  # one object per command: click orders eager options by identity
            self._given_help = click.Option(sorted(names, key=ctx.help_option_names.index), is_flag=True,
                                            expose_value=False, is_eager=True, callback=_show_help)
        return self._given_help

    def get_help(self, ctx: click.Context) -> str:
        from reporter.cli import help_format

        return help_format.get_help(self, ctx)

    def get_short_help_str(self, limit: int = 45) -> str:
        from reporter.cli import help_format

        return help_format.short_help(self, limit)

    def get_params(self, ctx: click.Context) -> list[click.Parameter]:
        params = super().get_params(ctx)
        if isinstance(self, click.Group):  # the group declares its own global --quiet
            return params
        if self._given_globals is None:  # one object per option and command, as for --help
            taken = {name for p in self.params for name in getattr(p, "opts", [])}
            quiet = quiet_option(tuple(n for n in ("--quiet", "-q") if n not in taken))
            self._given_globals = [quiet, *(o for o in after_options() if not taken & set(o.opts))]
        help_option = params[-1:] if params and params[-1] is self._given_help else []
        return [*params[:len(params) - len(help_option)], *self._given_globals, *help_option]

    def invoke(self, ctx: click.Context) -> Any:
        if isinstance(self, click.Group):
            return super().invoke(ctx)
        _refuse_global_format(self, ctx)
        _configured_format(self, ctx)
        meter = _meter(ctx)
        try:
            return super().invoke(ctx)
        finally:
            if meter is not None:
                meter.stop()

    def format_choices(self) -> tuple[str, ...]:
        """The formats this command writes (its ``--format`` choices; none: it writes text of its own)."""
        for param in self.params:
            if param.name == "fmt" and isinstance(param.type, click.Choice):
                return tuple(param.type.choices)
        return ()


ASKING = ("add", "extract")  # commands that may ask questions on the terminal: no progress display over them


def _meter(ctx: click.Context) -> Any:
    """The run's progress display, started for a command that may take a while (see
    reporter.cli.progress): only with stderr on a terminal, never with --quiet."""
    session = ctx.find_object(Session)
    if session is None or session.quiet or not session.env.stderr_isatty or ctx.info_name in ASKING:
        return None
    from reporter.cli import progress
    from reporter.messages import Message

    return progress.start(Message("progress.working").text(session.message_lang), session.env.stdout_isatty)


def _configured_format(command: Command, ctx: click.Context) -> None:
    """The config files' ``format``, as the global --format, for a command that writes it (and none
    was given); a command that does not write it ignores it."""
    session = ctx.find_object(Session)
    if session is None or session.fmt not in (None, "auto") or session.settings is None:
        return
    wanted = session.settings.get("format")
    if wanted and wanted in command.format_choices():
        session.fmt = wanted


def _refuse_global_format(command: Command, ctx: click.Context) -> None:
    from reporter.errors import UsageProblem
    from reporter.messages import Message

    session = ctx.find_object(Session)
    chosen = session.fmt if session is not None else None
    if chosen in (None, "auto"):
        return
    choices = [c for c in command.format_choices() if c != "auto"]
    if chosen in choices:
        return
    name = ctx.info_name or command.name
    if not choices:
        raise UsageProblem(Message("format.none", format=chosen, command=name))
    raise UsageProblem(Message("format.only", format=chosen, command=name, formats=", ".join(choices)))


def command(**attrs: Any) -> Callable[[Callable[..., Any]], Command]:
    """``click.command`` for reporter's subcommands."""
    return click.command(cls=Command, **attrs)


def format_option(*choices: str, output: bool = True) -> Callable[[F], F]:
    """``--format``, defined once (each command may narrow the choices), with ``--no-header``,
    ``--bom``, ``--encoding``, ``--fields`` and (unless the command has its own) ``-o FILE``; its help
    (and a command's own default) is in the help table."""
    def decorate(f: F) -> F:
        f = output_options(f)
        if output:
            f = output_file_option(f)
        return click.option("--format", "-f", "fmt", type=click.Choice(choices or FORMATS),  # type: ignore[no-any-return]
                            default=None)(f)
    return decorate


class Values(click.Choice):  # type: ignore[type-arg]
    """click's Choice, refusing a wrong value by naming the option and every value it takes: click
    says "'year' is not 'period'" when there is one choice, which reads as a comparison."""

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        try:
            return super().convert(value, param, ctx)
        except click.BadParameter:
            from reporter.messages import Message

            name = max(param.opts, key=len) if param is not None and param.opts else "it"
            choices = ", ".join(repr(c) for c in self.choices)
            session = ctx.find_object(Session) if ctx is not None else None
            said = Message("usage.not_a_value_of", value=repr(value), name=name, choices=choices)
            self.fail(said.text(session.message_lang if session is not None else "en"), param, ctx)


def theme_option(f: F) -> F:
    return click.option("--theme", "-t", metavar="THEME", shell_complete=complete_themes)(f)


def _filter(name: str) -> Callable[[click.Context, click.Parameter, Any], None]:
    def record(ctx: click.Context, _param: click.Parameter, value: Any) -> None:
        if value and not ctx.resilient_parsing:
            ctx.ensure_object(Session).filter(**{name: value})
    return record


def _regions_from(ctx: click.Context, _param: click.Parameter, value: str | None) -> None:
    if not value or ctx.resilient_parsing:
        return
    from reporter.errors import UsageProblem
    from reporter.messages import Message, os_reason
    from reporter.query.filters import names_listed

    try:
        if value == "-":
            import sys

            lines = sys.stdin.read().splitlines()
        else:
            with open(value, encoding="utf-8-sig") as file:
                lines = file.read().splitlines()
    except OSError as exc:
        raise UsageProblem(Message("filter.unreadable", file=value, reason=os_reason(exc))) from None
    except UnicodeDecodeError:
        raise UsageProblem(Message("filter.unreadable", file=value, reason="not UTF-8")) from None
    ctx.ensure_object(Session).filter(names=names_listed(lines), names_file=value)


def _where(ctx: click.Context, _param: click.Parameter, value: str | None) -> None:
    if value is not None and not ctx.resilient_parsing:  # read when the data are opened, after --lang
        ctx.ensure_object(Session).where_text = value


def filter_options(f: F) -> F:
    """``--prefecture``, ``--province``, ``--level``, ``--regions-from`` and ``--where``, defined once:
    every data command reads only the regions and facts they keep (reporter.query.filters)."""
    f = click.option("--where", "-w", metavar="EXPR", expose_value=False, callback=_where,
                     help="Only facts whose export fields satisfy EXPR: comparisons joined by and, or, not "
                          "and parentheses, e.g. 'value_base > 1e4 and period >= \"2019\"'.")(f)
    f = click.option("--regions-from", metavar="FILE", expose_value=False, callback=_regions_from,
                     help="Only the regions named in FILE, one a line (- is stdin; # starts a comment).")(f)
    f = click.option("--level", metavar="LEVEL", expose_value=False, callback=_filter("level"),
                     help="Only regions of this level: county, district or city (县, 区, 县级市).")(f)
    f = click.option("--province", metavar="NAME", expose_value=False, callback=_filter("province"),
                     help="Only regions of this province, e.g. 浙江省.")(f)
    return click.option("--prefecture", metavar="NAME", expose_value=False,  # type: ignore[no-any-return]
                        callback=_filter("prefecture"), help="Only regions of this prefecture, e.g. 温州市.")(f)
