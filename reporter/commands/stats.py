"""``reporter stats``: one metric's figures per prefecture, province or level."""

from __future__ import annotations

import click

from reporter.cli.completion import complete_metrics
from reporter.cli.options import Values, command, filter_options, format_option, pass_session
from reporter.cli.printing import answer
from reporter.cli.session import Session
from reporter.model.names import find_period
from reporter.query.stats import metric_stats
from reporter.render.views import empty_view
from reporter.render.views.stats import STATS_KEYS, stats_view


@command()
@click.argument("metric", shell_complete=complete_metrics)
@click.option("--by", type=Values(["prefecture", "province", "level"]), default="prefecture", show_default=True,
              help="Group regions by prefecture, province or level.")
@click.option("--period", "-p", metavar="PERIOD", help="This period [default: the one most regions have].")
@format_option()
@filter_options
@pass_session
def stats(session: Session, metric: str, by: str, period: str | None, fmt: str | None) -> None:
    """Per group: regions, sum, mean, median, least, greatest and share of the whole (占比).

    Money is converted exactly into the metric's unit. Flows, stocks and counts add up; a rate, a
    rank, a percentage or a target does not, and a note says so instead of a sum. A figure qualified
    "more than" (多) makes every sum that includes it "more than".

    \b
    Examples:
      reporter stats 研发投入 --by prefecture
      reporter stats 研发投入 --by level --province 浙江省 --period 2020
      reporter stats 研发投入 --by prefecture --format csv > by-prefecture.csv
    """

    asked = find_period(period) if period else None
    chosen = session.metric(metric)
    data, lang = session.data, session.lang
    answer(session, fmt, lambda: [stats_view(data, metric_stats(data, chosen, by, asked), lang, session.message_lang)],
           lambda: [empty_view("stats", STATS_KEYS)])
