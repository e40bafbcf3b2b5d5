"""The commands that print tables: regions, metrics, show, compare, rank, delta, search."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

import click

from reporter.cli.completion import complete_metrics, complete_regions
from reporter.cli.options import command, format_option, pass_session, theme_option
from reporter.cli.output import emit
from reporter.cli.session import Session

if TYPE_CHECKING:
    from reporter.select import Window

F = TypeVar("F", bound=Callable[..., Any])


def window_options(f: F) -> F:
    """``--from``, ``--to`` and ``--last``: which periods a time series shows (defined once)."""
    f = click.option("--last", type=click.IntRange(min=1), metavar="N", help="Only the last N periods.")(f)
    f = click.option("--to", "to_period", metavar="PERIOD", help="Periods up to this one (e.g. 2020).")(f)
    return click.option("--from", "from_period", metavar="PERIOD",
                        help="Periods from this one on (e.g. 2016).")(f)  # type: ignore[no-any-return]


def _window(from_period: str | None, to_period: str | None, last: int | None) -> Window:
    from reporter.names import find_period
    from reporter.select import Window

    return Window(find_period(from_period) if from_period else None, find_period(to_period) if to_period else None,
                  last)


def _only_with(given: dict[str, object], mode: str) -> None:
    """Options that mean something only in a mode: refused, not ignored, outside it."""
    from reporter.errors import UsageProblem

    for name, value in given.items():
        if value not in (None, False, ()):
            raise UsageProblem(f"{name} needs {mode}")


@command()
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


@command()
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

    emit(session, [metrics_view(session.data, session.lang, session.theme(theme))], fmt)


@command()
@click.argument("region", shell_complete=complete_regions)
@theme_option
@click.option("--sources", "-s", is_flag=True, help="Show the verbatim quote under each fact.")
@click.option("--by", type=click.Choice(["period"]), help="Periods as columns, one row per metric.")
@window_options
@format_option()
@pass_session
def show(session: Session, region: str, theme: str | None, sources: bool, by: str | None, from_period: str | None,
         to_period: str | None, last: int | None, fmt: str | None) -> None:
    """All facts of a region by theme, with period, qualifier and change; then its highlights.

    The change is the one the source reports, else the one computed from the same period a
    year earlier. --by period puts the periods side by side as columns (like hledger's
    balance -Y); --from, --to and --last choose the periods in either layout.

    \b
    Examples:
      reporter show 江山 --theme rd --sources
      reporter show 江山 --by period --last 5
      reporter show 江山 --from 2019 --to 2020-H1
    """
    from reporter.render.views import highlights_view, region_by_period_view, show_view
    from reporter.select import region_by_period, region_highlights

    data, found, chosen = session.data, session.region(region), session.theme(theme)
    window = _window(from_period, to_period, last)
    if by == "period":
        _only_with({"--sources": sources}, "the list layout (no --by)")
        first = region_by_period_view(data, found, region_by_period(data, found, chosen, window), session.lang)
    else:
        first = show_view(data, found, session.lang, chosen, sources, window)
    views = [first, highlights_view(data, region_highlights(data, found, chosen), session.lang, sources)]
    if not views[0].items and not views[1].items:
        from reporter.errors import NoData

        raise NoData(f"{found.zh} has no facts{' in theme ' + chosen.id if chosen else ''}")
    emit(session, views, fmt)


@command()
@click.argument("regions_", metavar="REGION...", nargs=-1, required=True, shell_complete=complete_regions)
@click.option("--metric", "-m", "metric_names", multiple=True, metavar="METRIC",
              shell_complete=complete_metrics, help="Only these metrics (repeatable).")
@theme_option
@click.option("--period", "-p", metavar="PERIOD",
              help="Compare this period only [default: each region's latest, with a note when they differ].")
@format_option()
@pass_session
def compare(session: Session, regions_: tuple[str, ...], metric_names: tuple[str, ...], theme: str | None,
            period: str | None, fmt: str | None) -> None:
    """Regions side by side, one row per metric.

    Each cell is the region's latest figure with its period, and a note on stderr says when a
    row puts different periods side by side. --period compares one period only; a region that
    has the metric only for unlike periods (1-9月 against a year) is named in a note, as rank does.

    \b
    Examples:
      reporter compare 洞头 江山 --metric 研发投入 --metric 高新技术企业
      reporter compare 洞头 江山 乐清 --period 2020-H1
    """
    from reporter.names import find_period
    from reporter.query import compare_regions
    from reporter.render.views import compare_view

    found = list(dict.fromkeys(session.region(r) for r in regions_))
    chosen = [session.metric(m) for m in metric_names]
    asked = find_period(period) if period else None
    rows = compare_regions(session.data, found, chosen, session.theme(theme), asked)
    emit(session, [compare_view(session.data, found, rows, session.lang, asked)], fmt)


@command()
@click.argument("metric", shell_complete=complete_metrics)
@click.option("--period", "-p", metavar="PERIOD", help="Rank this period [default: the one most regions have].")
@click.option("--top", "-n", type=click.IntRange(min=1), metavar="N", help="Only the first N rows (per period).")
@click.option("--reverse", "-r", is_flag=True, help="Worst first.")
@click.option("--each-period", "-e", is_flag=True, help="A ranking (a top N with --top) for each period.")
@click.option("--region", "region_name", metavar="REGION", shell_complete=complete_regions,
              help="One region's place in each period, and the places it gained or lost.")
@click.option("--by", type=click.Choice(["period"]),
              help="Every region's figures with periods as columns, in the latest period's rank order.")
@window_options
@format_option()
@pass_session
def rank(session: Session, metric: str, period: str | None, top: int | None, reverse: bool, each_period: bool,
         region_name: str | None, by: str | None, from_period: str | None, to_period: str | None,
         last: int | None, fmt: str | None) -> None:
    """Regions ranked on one metric, within one period (better first, by the metric's polarity).

    Only like periods are ranked together: with --each-period, --region or --by period, the
    periods like --period (default: the one most regions have): years with years, 1-5月 with
    other years' 1-5月. --from, --to and --last choose among them.

    \b
    Examples:
      reporter rank 研发投入 --period 2020-01/05
      reporter rank hightech_recertified --top 3
      reporter rank 研发投入 --each-period --top 10     top 10 per year
      reporter rank 研发投入 --region 江山              how 江山's place moved
      reporter rank 研发投入 --by period --last 5       every county, five years as columns
    """
    from reporter import query
    from reporter.names import find_period
    from reporter.render import views

    data, lang = session.data, session.lang
    chosen, asked = session.metric(metric), find_period(period) if period else None
    window = _window(from_period, to_period, last)
    modes = [m for m, on in (("--each-period", each_period), ("--region", region_name), ("--by period", by)) if on]
    if len(modes) > 1:
        from reporter.errors import UsageProblem

        raise UsageProblem(f"choose one of {' and '.join(modes)}")
    if each_period:
        shown = views.rank_each_period_view(data, query.rank_each_period(data, chosen, asked, window, top, reverse),
                                            lang)
    elif region_name:
        _only_with({"--top": top, "--reverse": reverse}, "a ranking, not --region")
        history = query.rank_history(data, chosen, session.region(region_name), asked, window)
        shown = views.rank_history_view(data, history, lang)
    elif by == "period":
        ranking, table = query.rank_by_period(data, chosen, asked, window, top, reverse)
        positions = {row.region.id: row.position for row in ranking.rows}
        shown = views.metric_by_period_view(data, chosen, table, positions, lang)
    else:
        _only_with({"--from": from_period, "--to": to_period, "--last": last},
                   "--each-period, --region or --by period")
        shown = views.rank_view(data, query.rank_regions(data, chosen, asked, top, reverse), lang)
    emit(session, [shown], fmt)


@command()
@click.argument("region", required=False, shell_complete=complete_regions)
@click.argument("metric", required=False, shell_complete=complete_metrics)
@click.option("--latest", is_flag=True, help="Only each metric's newest change.")
@click.option("--all", "all_metric", metavar="METRIC", shell_complete=complete_metrics,
              help="Every region's newest change of METRIC, in one table.")
@format_option()
@pass_session
def delta(session: Session, region: str | None, metric: str | None, latest: bool, all_metric: str | None,
          fmt: str | None) -> None:
    """Year-over-year changes: current, previous, absolute and % change, direction.

    Computed when a period a year earlier exists; otherwise derived from what the source
    reports (a growth rate, a previous value, a rank move) and marked so. A rank's change is
    in places gained or lost (↑34位: up 34 places, from 第56位 to 第22位).

    \b
    Examples:
      reporter delta 江山            → 2.06亿元, +16%: previous ≈1.776亿元
      reporter delta 洞头 全省位次    → 第22位, ↑34位 (up 34 places) from 第56位
      reporter delta county-001 --latest
      reporter delta --all 研发投入
    """
    from reporter.errors import NoData, UsageProblem
    from reporter.query import latest_deltas, yoy_deltas
    from reporter.render.views import delta_view

    if all_metric:
        if region or metric or latest:
            raise UsageProblem("--all METRIC takes no REGION, METRIC or --latest")
        chosen = session.metric(all_metric)
        deltas = latest_deltas(session.data, chosen)
        emit(session, [delta_view(session.data, None, deltas, session.lang, metric=chosen)], fmt)
        return
    if not region:
        raise UsageProblem("name a REGION, or give --all METRIC")
    found = session.region(region)
    deltas = yoy_deltas(session.data, found, session.metric(metric) if metric else None, latest)
    if not deltas:
        raise NoData(f"{found.zh} has no year-over-year change: no two periods a year apart, none reported")
    emit(session, [delta_view(session.data, found, deltas, session.lang, latest=latest)], fmt)


@command()
@click.argument("text")
@format_option()
@pass_session
def search(session: Session, text: str, fmt: str | None) -> None:
    """Facts and highlights whose label, note, quote or region match TEXT.

    \b
    Example:
      reporter search 飞地
      reporter --lang en search loan
    """
    from reporter.errors import NoData
    from reporter.query import search as search_facts
    from reporter.render.views import search_view

    hits = search_facts(session.data, text)
    if not hits.facts and not hits.highlights:
        raise NoData(f"nothing matches '{text}'")
    emit(session, [search_view(session.data, hits, session.lang)], fmt)


