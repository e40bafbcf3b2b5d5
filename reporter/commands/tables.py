"""The commands that print tables: regions, metrics, show, compare, rank, delta, search."""

from __future__ import annotations

import click

from reporter.cli.completion import complete_metrics, complete_regions
from reporter.cli.options import command, format_option, pass_session, theme_option
from reporter.cli.output import emit
from reporter.cli.session import Session


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
@format_option()
@pass_session
def show(session: Session, region: str, theme: str | None, sources: bool, fmt: str | None) -> None:
    """All facts of a region by theme, with period, qualifier and change; then its highlights.

    \b
    Example:
      reporter show 江山 --theme rd --sources
    """
    from reporter.render.views import highlights_view, show_view
    from reporter.select import region_highlights

    data, found, chosen = session.data, session.region(region), session.theme(theme)
    views = [show_view(data, found, session.lang, chosen, sources),
             highlights_view(data, region_highlights(data, found, chosen), session.lang, sources)]
    if not views[0].items and not views[1].items:
        from reporter.errors import NoData

        raise NoData(f"{found.zh} has no facts{' in theme ' + chosen.id if chosen else ''}")
    emit(session, views, fmt)


@command()
@click.argument("regions_", metavar="REGION...", nargs=-1, required=True, shell_complete=complete_regions)
@click.option("--metric", "-m", "metric_names", multiple=True, metavar="METRIC",
              shell_complete=complete_metrics, help="Only these metrics (repeatable).")
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

    found = list(dict.fromkeys(session.region(r) for r in regions_))
    chosen = [session.metric(m) for m in metric_names]
    rows = compare_regions(session.data, found, chosen, session.theme(theme))
    emit(session, [compare_view(session.data, found, rows, session.lang)], fmt)


@command()
@click.argument("metric", shell_complete=complete_metrics)
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
    from reporter.names import find_period
    from reporter.query import rank_regions
    from reporter.render.views import rank_view

    ranking = rank_regions(session.data, session.metric(metric), find_period(period) if period else None,
                           top, reverse)
    emit(session, [rank_view(session.data, ranking, session.lang)], fmt)


@command()
@click.argument("region", shell_complete=complete_regions)
@click.argument("metric", required=False, shell_complete=complete_metrics)
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

    found = session.region(region)
    deltas = yoy_deltas(session.data, found, session.metric(metric) if metric else None)
    if not deltas:
        raise NoData(f"{found.zh} has no year-over-year change: no two periods a year apart, none reported")
    emit(session, [delta_view(session.data, found, deltas, session.lang)], fmt)


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


