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
from reporter.terminal import Environment

if TYPE_CHECKING:
    from reporter.model import Dataset, Metric, Region, Theme
    from reporter.render.views import View

F = TypeVar("F", bound=Callable[..., Any])

FORMATS = ("auto", "table", "plain", "tsv", "csv", "json", "markdown")  # = render.formats.FORMATS
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
        self._data: Dataset | None = None
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
    def data(self) -> Dataset:
        if self._data is None:
            from reporter.store import open_dataset

            self._data = open_dataset(self.data_path, use_cache=self.use_cache,
                                      progress=self.env.stderr_isatty)
        return self._data


pass_session = click.make_pass_decorator(Session, ensure=True)


# --------------------------------------------------------------------------- shared options


def format_option(*choices: str) -> Callable[[F], F]:
    """``--format``, defined once; each command may narrow the choices."""
    return click.option("--format", "-f", "fmt", type=click.Choice(choices or FORMATS), default=None,
                        help="Output format (default: the global --format, else auto: "
                             "a table on a terminal, plain text in a pipe).")


def theme_option(f: F) -> F:
    return click.option("--theme", "-t", metavar="THEME", shell_complete=_complete_themes,
                        help="Only this theme (id, zh or en name), e.g. rd, 研发投入.")(f)


def _session_for_completion(ctx: click.Context) -> Session:
    root = ctx.find_root()
    return Session(data_option=root.params.get("data_option"))


def _complete(names: Callable[[Dataset], list[str]]) -> Callable[..., list[Any]]:
    def complete(ctx: click.Context, param: click.Parameter, incomplete: str) -> list[Any]:
        try:
            data = _session_for_completion(ctx).data
        except ReporterError:
            return []
        return sorted({n for n in names(data) if n.casefold().startswith(incomplete.casefold())})
    return complete


_complete_regions = _complete(lambda d: [n for r in d.regions.values() for n in (r.id, r.short, r.zh)])
_complete_metrics = _complete(lambda d: [n for m in d.metrics.values() for n in (m.id, m.zh)])
_complete_themes = _complete(lambda d: [n for t in d.themes.values() for n in (t.id, t.zh)])


# --------------------------------------------------------------------------- output


def _write(stream: Any, text: str) -> None:
    stream.write(text)
    stream.flush()


def note(message: str) -> None:
    """A diagnostic on stderr, safe for any encoding and free of control characters."""
    from reporter.render.safe import clean

    encoding = getattr(sys.stderr, "encoding", None) or "utf-8"
    line = clean(message, keep_layout=True)
    _write(sys.stderr, line.encode(encoding, "backslashreplace").decode(encoding, "replace") + "\n")


def emit(session: Session, views: Sequence[View], fmt: str | None) -> None:
    """Render views in the chosen format and write them whole, or fail before writing anything."""
    from reporter.render.formats import render, resolve_format

    env = session.env
    chosen = resolve_format(fmt or session.fmt or "auto", env)
    text = render(views, chosen, env)
    text = _encodable(text, chosen, views, env)
    _write(sys.stdout, text)
    for view in views:
        for line in view.notes:
            note(f"reporter: {line}")
    if chosen in ("csv", "tsv") and sum(1 for v in views if v.records) > 1:
        note(f"reporter: {chosen} holds one table; the {', '.join(v.name for v in views[1:])} are in json")


def _encodable(text: str, fmt: str, views: Sequence[View], env: Environment) -> str:
    try:
        text.encode(env.encoding)
        return text
    except (UnicodeEncodeError, LookupError):
        pass
    if fmt == "json":
        from reporter.render.formats import render

        return render(views, "json", env._replace(encoding="ascii"))
    raise ReporterError(f"standard output's encoding ({env.encoding}) cannot show this text; "
                        "use a UTF-8 locale or PYTHONIOENCODING=utf-8, or --format json")


# --------------------------------------------------------------------------- the group


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100},
             epilog=EXIT_CODES)
@click.option("--data", "data_option", metavar="PATH", type=click.Path(dir_okay=True),
              help="Data file or directory of YAML files [default: $REPORTER_DATA, else the bundled data].")
@click.option("--format", "-f", "fmt", type=click.Choice(FORMATS), default=None,
              help="Default output format for every command [default: auto].")
@click.option("--lang", type=click.Choice(["zh", "en"]), default="zh", show_default=True,
              help="Language of labels and headers.")
@click.option("--color", type=click.Choice(["auto", "always", "never"]), default="auto", show_default=True,
              help="Colour in tables (NO_COLOR and FORCE_COLOR are honoured with auto).")
@click.option("--no-cache", is_flag=True, help="Read the data file itself, not the compiled cache.")
@click.version_option(__version__, "--version", "-V", prog_name="reporter")
@click.pass_context
def cli(ctx: click.Context, data_option: str | None, fmt: str | None, lang: str, color: str,
        no_cache: bool) -> None:
    """Science-and-technology indicators of Zhejiang's counties, from curated, quoted facts.

    \b
    Examples:
      reporter show 江山                  all facts of a region, by theme
      reporter get 江山 研发投入           one value, for scripts: 2.06亿元
      reporter rank 研发投入 --period 2019
      reporter brief 洞头 >> weekly.txt   a paragraph for a report
    """
    ctx.obj = Session(data_option, fmt, lang, color, not no_cache)


# --------------------------------------------------------------------------- commands


def _region(session: Session, name: str) -> Region:
    from reporter.query import find_region

    return find_region(session.data, name)


def _metric(session: Session, name: str) -> Metric:
    from reporter.query import find_metric

    return find_metric(session.data, name)


def _theme(session: Session, name: str | None) -> Theme | None:
    from reporter.query import find_theme

    return find_theme(session.data, name) if name else None


@cli.command()
@click.argument("path", required=False, type=click.Path())
@click.option("--sources", "source_dirs", multiple=True, type=click.Path(file_okay=False), metavar="DIR",
              help="Directory holding the sources' text files: every quote must be verbatim in them.")
@pass_session
def check(session: Session, path: str | None, source_dirs: tuple[str, ...]) -> None:
    """Validate a data file or directory; list every problem as file:line:column.

    \b
    Example:
      reporter check counties/           # exit 0: valid, 1: problems
      reporter check --sources ../shared/source regions.yaml
    """
    from pathlib import Path

    from reporter.load import load_dataset
    from reporter.provenance import unverified_quotes

    target = Path(path) if path else Path(session.data_path)
    try:
        data = load_dataset(target)
    except DataError as exc:
        for problem in exc.problems:
            note(str(problem))
        note(f"reporter: {target}: {len(exc.problems)} problem{'s' if len(exc.problems) != 1 else ''}")
        raise click.exceptions.Exit(ExitCode.ERROR) from None
    summary = (f"{len(data.regions)} regions, {len(data.metrics)} metrics, {len(data.facts)} facts, "
               f"{len(data.highlights)} highlights")
    if source_dirs:
        problems, checked, missing = unverified_quotes(data, [Path(d) for d in source_dirs])
        for problem in problems:
            note(str(problem))
        if missing:
            note(f"reporter: text not found for source{'s' if len(missing) > 1 else ''} {', '.join(missing)}")
        if problems or missing:
            note(f"reporter: {target}: {len(problems)} unverified quote(s)")
            raise click.exceptions.Exit(ExitCode.ERROR)
        summary += f"; {checked} quotes verbatim in their sources"
    note(f"reporter: {target}: ok, {summary}")


@cli.command()
@format_option("json", "csv", "tsv", "yaml")
@click.option("--output", "-o", type=click.Path(dir_okay=False), metavar="FILE",
              help="Write to FILE (atomically: an interrupted write leaves the old file intact).")
@pass_session
def export(session: Session, fmt: str | None, output: str | None) -> None:
    """Every fact as one flat record (the stable contract, docs/data-format.md).

    \b
    Example:
      reporter export --format csv -o facts.csv
      reporter export | jq '.[] | select(.region == "jiangshan")'
    """
    from reporter.render.views import export_view

    view = export_view(session.data, session.lang)
    fmt = fmt or (session.fmt if session.fmt in ("json", "csv", "tsv") else "json")
    if fmt == "yaml":
        from reporter.render.data import views_as_yaml

        text = views_as_yaml([view], session.env)
    else:
        from reporter.render.formats import render

        text = render([view], fmt, session.env)
    if output:
        from pathlib import Path

        from reporter.files import write_atomic

        write_atomic(Path(output), text)
        note(f"reporter: wrote {len(view.records)} facts to {output}")
    else:
        _write(sys.stdout, _encodable(text, fmt, [view], session.env))


@cli.command()
@format_option()
@pass_session
def regions(session: Session, fmt: str | None) -> None:
    """List the regions: id, names, level, prefecture, number of facts, latest period.

    \b
    Example:
      reporter regions --format tsv | cut -f1
    """
    from reporter.render.views import regions_view

    emit(session, [regions_view(session.data, session.lang)], fmt)


@cli.command()
@theme_option
@format_option()
@pass_session
def metrics(session: Session, theme: str | None, fmt: str | None) -> None:
    """The metric catalogue: id, label, unit, kind, polarity, which regions report it.

    \b
    Example:
      reporter metrics --theme finance
    """
    from reporter.render.views import metrics_view

    emit(session, [metrics_view(session.data, session.lang, _theme(session, theme))], fmt)


@cli.command()
@click.argument("region", shell_complete=_complete_regions)
@theme_option
@click.option("--sources", "-s", is_flag=True, help="Show the verbatim quote under each fact.")
@format_option()
@pass_session
def show(session: Session, region: str, theme: str | None, sources: bool, fmt: str | None) -> None:
    """All facts of a region by theme, with period, qualifier and change; then its highlights.

    \b
    Example:
      reporter show 江山 --theme rd --sources
    """
    from reporter.query import region_highlights
    from reporter.render.views import highlights_view, show_view

    data, found, chosen = session.data, _region(session, region), _theme(session, theme)
    views = [show_view(data, found, session.lang, chosen, sources),
             highlights_view(data, region_highlights(data, found, chosen), session.lang, sources)]
    if not views[0].records and not views[1].records:
        from reporter.errors import NoData

        raise NoData(f"{found.zh} has no facts{' in theme ' + chosen.id if chosen else ''}")
    emit(session, views, fmt)


@cli.command()
@click.argument("region", shell_complete=_complete_regions)
@click.argument("metric", shell_complete=_complete_metrics)
@click.option("--period", "-p", metavar="PERIOD", help="e.g. 2019, 2020-H1, 2020-01/05 or 2020年1-5月.")
@click.option("--value-only", is_flag=True, help="Print the bare number (as written, in the fact's unit).")
@format_option("auto", "plain", "json", "tsv", "csv")
@pass_session
def get(session: Session, region: str, metric: str, period: str | None, value_only: bool,
        fmt: str | None) -> None:
    """Exactly one line for scripts: one region's value of one metric.

    \b
    Example:
      reporter get 江山 研发投入                 → 2.06亿元
      reporter get jiangshan rd_investment --value-only   → 2.06
    """
    from reporter.query import find_period, get_fact
    from reporter.render import words

    data = session.data
    found = get_fact(data, _region(session, region), _metric(session, metric),
                     find_period(period) if period else None)
    fact = found.fact
    if found.others and period is None:
        note(f"reporter: {len(found.others) + 1} periods; showing the latest, {fact.period} "
             f"(others: {', '.join(f.period.canonical for f in found.others)}; use --period)")
    chosen = fmt or session.fmt or "auto"
    if chosen in ("json", "csv", "tsv"):
        from reporter.render.views import View, export_view

        full = export_view(data, session.lang)
        view = View("facts", "", full.columns, full.record_keys)
        view.records = [r for r in full.records
                        if (r["region"], r["metric"], r["period"]) == (fact.region, fact.metric,
                                                                        fact.period.canonical)]
        emit(session, [view], chosen)
        return
    from reporter.render.safe import clean

    text = words.number(fact.quantity.value) if value_only else words.quantity(fact.quantity, session.lang)
    _write(sys.stdout, _encodable(clean(text) + "\n", "plain", [], session.env))


@cli.command()
@click.argument("regions_", metavar="REGION...", nargs=-1, required=True, shell_complete=_complete_regions)
@click.option("--metric", "-m", "metric_names", multiple=True, metavar="METRIC",
              shell_complete=_complete_metrics, help="Only these metrics (repeatable).")
@theme_option
@format_option()
@pass_session
def compare(session: Session, regions_: tuple[str, ...], metric_names: tuple[str, ...], theme: str | None,
            fmt: str | None) -> None:
    """Regions side by side, one row per metric.

    \b
    Example:
      reporter compare 洞头 江山 --metric 研发投入 --metric 高新技术企业
    """
    from reporter.query import compare_regions
    from reporter.render.views import compare_view

    found = list(dict.fromkeys(_region(session, r) for r in regions_))
    chosen = [_metric(session, m) for m in metric_names]
    rows = compare_regions(session.data, found, chosen, _theme(session, theme))
    emit(session, [compare_view(session.data, found, rows, session.lang)], fmt)


@cli.command()
@click.argument("metric", shell_complete=_complete_metrics)
@click.option("--period", "-p", metavar="PERIOD", help="Rank this period [default: the one most regions have].")
@click.option("--top", "-n", type=click.IntRange(min=1), metavar="N", help="Only the first N rows.")
@click.option("--reverse", "-r", is_flag=True, help="Worst first.")
@format_option()
@pass_session
def rank(session: Session, metric: str, period: str | None, top: int | None, reverse: bool,
         fmt: str | None) -> None:
    """Regions ranked on one metric, within one period (better first, by the metric's polarity).

    \b
    Example:
      reporter rank 研发投入 --period 2020-01/05
      reporter rank hightech_recertified --top 3
    """
    from reporter.query import find_period, rank_regions
    from reporter.render.views import rank_view

    ranking = rank_regions(session.data, _metric(session, metric), find_period(period) if period else None,
                           top, reverse)
    emit(session, [rank_view(session.data, ranking, session.lang)], fmt)


@cli.command()
@click.argument("region", shell_complete=_complete_regions)
@click.argument("metric", required=False, shell_complete=_complete_metrics)
@format_option()
@pass_session
def delta(session: Session, region: str, metric: str | None, fmt: str | None) -> None:
    """Year-over-year changes: current, previous, absolute and % change, direction.

    Computed when a period a year earlier exists; otherwise derived from what the source
    reports (a growth rate, a previous value, a rank move) and marked so.

    \b
    Example:
      reporter delta 江山            → 2.06亿元, +16%: previous ≈1.776亿元
      reporter delta 洞头 全省位次    → 第22位, up 34 places from 第56位
    """
    from reporter.errors import NoData
    from reporter.query import yoy_deltas
    from reporter.render.views import delta_view

    found = _region(session, region)
    deltas = yoy_deltas(session.data, found, _metric(session, metric) if metric else None)
    if not deltas:
        raise NoData(f"{found.zh} has no year-over-year change: no two periods a year apart, none reported")
    emit(session, [delta_view(session.data, found, deltas, session.lang)], fmt)


@cli.command()
@click.argument("text")
@format_option()
@pass_session
def search(session: Session, text: str, fmt: str | None) -> None:
    """Facts and highlights whose label, note, quote or region match TEXT.

    \b
    Example:
      reporter search 飞地
      reporter search loan --lang en
    """
    from reporter.errors import NoData
    from reporter.query import search as search_facts
    from reporter.render.views import search_view

    hits = search_facts(session.data, text)
    if not hits.facts and not hits.highlights:
        raise NoData(f"nothing matches '{text}'")
    emit(session, [search_view(session.data, hits, session.lang)], fmt)


@cli.command()
@click.argument("regions_", metavar="[REGION]...", nargs=-1, shell_complete=_complete_regions)
@click.option("--all", "all_regions", is_flag=True, help="Every region in the data.")
@click.option("--lang", type=click.Choice(["zh", "en"]), default=None,
              help="Language of the brief [default: the global --lang].")
@click.option("--template", "-T", metavar="NAME|PATH",
              help="A template file, or a name looked up in $REPORTER_TEMPLATES, then the bundled "
                   "templates (brief, report.md) [default: brief.LANG.j2].")
@theme_option
@pass_session
def brief(session: Session, regions_: tuple[str, ...], all_regions: bool, lang: str | None,
          template: str | None, theme: str | None) -> None:
    """A text brief of regions, worded by a Jinja2 template: prose, not a table.

    \b
    Example:
      reporter brief 江山 >> weekly.txt
      reporter brief --all --lang en
      reporter brief --all --template report.md > report.md
    """
    from reporter.render.brief import brief_context, render_brief

    if all_regions == bool(regions_):
        raise UsageProblem("name one or more regions, or give --all (not both)")
    lang = lang or session.lang
    data = session.data
    chosen = list(data.regions.values()) if all_regions else list(
        dict.fromkeys(_region(session, r) for r in regions_))
    context = brief_context(data, chosen, lang, _theme(session, theme))
    text = render_brief(context, template or f"brief.{lang}", lang)
    _write(sys.stdout, _encodable(text, "plain", [], session.env))


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
        exc.show()
        code = exc.exit_code
    except KeyboardInterrupt:
        note("reporter: interrupted")
        code = ExitCode.INTERRUPTED
    except BrokenPipeError:
        # The reader went away (| head -1): end quietly, and keep Python from complaining at exit.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        code = ExitCode.OK
    sys.exit(int(code))
