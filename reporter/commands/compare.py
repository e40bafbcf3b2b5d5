"""``reporter compare``: regions side by side, one row per metric."""

from __future__ import annotations

import click

from reporter.cli.completion import complete_metrics, complete_regions
from reporter.cli.options import command, filter_options, format_option, pass_session, theme_option
from reporter.cli.output import answer
from reporter.cli.session import Session


@command()
@click.argument("regions_", metavar="[REGION]...", nargs=-1, shell_complete=complete_regions)
@click.option("--all", "all_regions", is_flag=True, help="Every region in the data.")
@click.option("--metric", "-m", "metric_names", multiple=True, metavar="METRIC",
              shell_complete=complete_metrics, help="Only these metrics (repeatable).")
@theme_option
@click.option("--period", "-p", metavar="PERIOD",
              help="Compare this period only [default: each region's latest, with a note when they differ].")
@format_option()
@filter_options
@pass_session
def compare(session: Session, regions_: tuple[str, ...], all_regions: bool, metric_names: tuple[str, ...],
            theme: str | None, period: str | None, fmt: str | None) -> None:
    """Regions side by side, one row per metric.

    Each cell is the region's latest figure with its period, and a note on stderr says when a
    row puts different periods side by side. --period compares one period only; a region that
    has the metric only for unlike periods (1-9月 against a year) is named in a note, as rank does.
    Rows are made as they are written: --all compares every county of the country in little memory.

    \b
    Examples:
      reporter compare 洞头 江山 --metric 研发投入 --metric 高新技术企业
      reporter compare 洞头 江山 乐清 --period 2020-H1
      reporter compare --all --metric 研发投入 --format csv > rd.csv
    """
    from reporter.errors import UsageProblem
    from reporter.messages import Message
    from reporter.model.names import find_period
    from reporter.query.compare import compare_regions
    from reporter.render.views import compare_view

    if all_regions == bool(regions_):
        raise UsageProblem(Message("compare.regions_or_all"))
    asked = find_period(period) if period else None  # text that is no period: exit 2, before any name
    found = (list(session.data.regions.values()) if all_regions
             else list(dict.fromkeys(session.region(r) for r in regions_)))
    chosen = [session.metric(m) for m in metric_names]
    data, lang, of_theme = session.data, session.lang, session.theme(theme)
    answer(session, fmt, lambda: [compare_view(data, found, compare_regions(data, found, chosen, of_theme, asked),
                                               lang, asked, notes_lang=session.message_lang)],
           lambda: [compare_view(data, found, [], lang, asked)])
