"""``reporter compare``: regions side by side, one row per metric."""

from __future__ import annotations

from typing import TYPE_CHECKING

import click

from reporter.cli.completion import complete_metrics, complete_regions
from reporter.cli.options import command, filter_options, format_option, pass_session, theme_option
from reporter.cli.output import note
from reporter.cli.printing import answer
from reporter.cli.session import Session
from reporter.errors import UsageProblem
from reporter.messages import Message
from reporter.model.names import find_period
from reporter.query.compare import SHEET_COLUMNS, WIDE_KEYS_PER_REGION, compare_regions, layout, top_regions
from reporter.render.views import compare_view
from reporter.render.views.compare_down import compare_down_view, compare_long_view

if TYPE_CHECKING:
    from reporter.model.periods import Period
    from reporter.model.records import Metric, Region, Theme
    from reporter.render.views import View


@command()
@click.argument("regions_", metavar="[REGION]...", nargs=-1, shell_complete=complete_regions)
@click.option("--all", "all_regions", is_flag=True, help="Every region in the data.")
@click.option("--metric", "-m", "metric_names", multiple=True, metavar="METRIC",
              shell_complete=complete_metrics, help="Only these metrics (repeatable).")
@theme_option
@click.option("--period", "-p", metavar="PERIOD",
              help="Compare this period only [default: each region's latest, with a note when they differ].")
@click.option("--long", "long_", is_flag=True, help="One row per region and metric (tidy data for scripts).")
@click.option("--top", "-n", type=click.IntRange(min=1), metavar="N", help="Only the first N regions by --by.")
@click.option("--by", "by_metric", metavar="METRIC", shell_complete=complete_metrics,
              help="With --top: the metric that orders the regions (better first, by its polarity).")
@format_option()
@filter_options
@pass_session
def compare(session: Session, regions_: tuple[str, ...], all_regions: bool, metric_names: tuple[str, ...],
            theme: str | None, period: str | None, long_: bool, top: int | None, by_metric: str | None,
            fmt: str | None) -> None:
    """Regions side by side: one row per metric, or per region when they outnumber the metrics.

    Each cell is the region's latest figure with its period, and a note on stderr says when a
    row puts different periods side by side. --period compares one period only; a region that
    has the metric only for unlike periods (1-9月 against a year) is named in a note, as rank does.
    Rows are made as they are written: --all compares every county of the country in little memory.
    More regions than metrics are written regions down (one row per region, metrics across);
    --long writes one row per region and metric; no output is wider than a spreadsheet takes.

    \b
    Examples:
      reporter compare 洞头 江山 --metric 研发投入 --metric 高新技术企业
      reporter compare 洞头 江山 乐清 --period 2020-H1
      reporter compare --all --metric 研发投入 --format csv > rd.csv
      reporter compare --all --prefecture 温州市 --top 5 --by 研发投入
      reporter compare --all --long --format csv > long.csv
    """

    if all_regions == bool(regions_):
        raise UsageProblem(Message("compare.regions_or_all"))
    if (top is None) != (by_metric is None):
        raise UsageProblem(Message("compare.top_needs_by"))
    asked = find_period(period) if period else None  # text that is no period: exit 2, before any name
    found = (list(session.data.regions.values()) if all_regions
             else list(dict.fromkeys(session.region(r) for r in regions_)))
    chosen = [session.metric(m) for m in metric_names]
    data, lang, of_theme = session.data, session.lang, session.theme(theme)
    answer(session, fmt, lambda: [_view(session, found, chosen, of_theme, asked, long_, top, by_metric)],
           lambda: [compare_view(data, found, [], lang, asked)])


def _view(session: Session, regions: list[Region], metrics: list[Metric], theme: Theme | None,
          asked: Period | None, long_: bool, top: int | None, by_metric: str | None) -> View:
    """The comparison, laid out as its size asks: metrics down, regions down, or long."""

    data, lang, notes_lang = session.data, session.lang, session.message_lang
    if top is not None and by_metric is not None:
        regions = top_regions(data, regions, session.metric(by_metric), asked, top)
    comparison = compare_regions(data, regions, metrics, theme, asked)
    shape = layout(len(regions), len(comparison.ids), long_)
    wide = 5 + WIDE_KEYS_PER_REGION * len(regions)
    if shape != "metrics" and len(regions) <= len(comparison.ids) and not long_ and not session.quiet:
        note("reporter: " + Message("compare.columns_capped", count=wide, most=SHEET_COLUMNS).text(notes_lang))
    if shape == "long":
        return compare_long_view(data, regions, comparison, lang, notes_lang)
    if shape == "regions":
        return compare_down_view(data, regions, comparison, lang, notes_lang, with_period=asked is None)
    return compare_view(data, regions, comparison, lang, asked, notes_lang=notes_lang)
