"""``reporter rank``: regions ranked on one metric, per period, or one region's place over time."""

from __future__ import annotations

from collections.abc import Callable

import click

from reporter.cli.completion import complete_metrics, complete_regions
from reporter.cli.options import Values, command, filter_options, format_option, pass_session
from reporter.cli.printing import answer
from reporter.cli.session import Session
from reporter.cli.windows import only_with, periods_window, window_options
from reporter.errors import UsageProblem
from reporter.messages import Message, Named
from reporter.model.names import find_period
from reporter.query.rank import rank_by_period, rank_each_period, rank_history, rank_regions, rank_within
from reporter.render import views


@command()
@click.argument("metric", shell_complete=complete_metrics)
@click.option("--period", "-p", metavar="PERIOD", help="Rank this period [default: the one most regions have].")
@click.option("--top", "-n", type=click.IntRange(min=1), metavar="N", help="Only the first N rows (per period).")
@click.option("--reverse", "-r", is_flag=True, help="Worst first.")
@click.option("--each-period", "-e", is_flag=True, help="A ranking (a top N with --top) for each period.")
@click.option("--region", "region_name", metavar="REGION", shell_complete=complete_regions,
              help="One region's place in each period, and the places it gained or lost.")
@click.option("--by", type=Values(["period"]),
              help="Every region's figures with periods as columns, in the latest period's rank order.")
@click.option("--within", type=Values(["prefecture", "province"]),
              help="Each region's place in its prefecture (or province) beside its place in the whole.")
@window_options
@format_option()
@filter_options
@pass_session
def rank(session: Session, metric: str, period: str | None, top: int | None, reverse: bool, each_period: bool,
         region_name: str | None, by: str | None, within: str | None, from_period: str | None, to_period: str | None,
         last: int | None, with_undated: bool, fmt: str | None) -> None:
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
      reporter rank 研发投入 --within prefecture        place in its prefecture and in the whole
    """

    asked, window = find_period(period) if period else None, periods_window(from_period, to_period, last,
                                                                                         with_undated)  # exit 2 first
    data, lang, notes_lang = session.data, session.lang, session.message_lang  # notes: the reader's language
    chosen = session.metric(metric)
    _one_mode(each_period=each_period, region=region_name, by=by, within=within)
    make: Callable[[], views.View]
    if each_period:
        def make() -> views.View:
            return views.rank_each_period_view(
                data, rank_each_period(data, chosen, asked, window, top, reverse), lang, notes_lang)
        empty = views.empty_view("rank", views.RANK_KEYS)
    elif region_name:
        only_with({"--top": top, "--reverse": reverse}, "a ranking, not --region", "排名（而不是 --region）")
        region = session.region(region_name)

        def make() -> views.View:
            return views.rank_history_view(data, rank_history(data, chosen, region, asked, window), lang, notes_lang)
        empty = views.empty_view("rank_history", views.RANK_HISTORY_KEYS)
    elif by == "period":
        def make() -> views.View:
            ranking, table = rank_by_period(data, chosen, asked, window, top, reverse)
            positions = {row.region.id: row.position for row in ranking.rows}
            notes = views.ranking_notes(data, ranking, {row.key.id for row in table.rows}, notes_lang,
                                        [f for row in table.rows for f in row.cells if f is not None])
            return views.metric_by_period_view(data, chosen, table, positions, lang, notes)
        empty = views.empty_view("periods", views.period_keys(views.METRIC_LEAD, []), ["periods"])
    else:
        only_with({"--from": from_period, "--to": to_period, "--last": last},
                   "--each-period, --region or --by period", "--each-period、--region 或 --by period")

        def make() -> views.View:
            if within:
                ranking, places = rank_within(data, chosen, within, asked, top, reverse)
                return views.rank_view(data, ranking, lang, notes_lang, (within, places))
            return views.rank_view(data, rank_regions(data, chosen, asked, top, reverse), lang, notes_lang)
        empty = views.empty_view("rank", views.RANK_KEYS)
    answer(session, fmt, lambda: [make()], lambda: [empty])


def _one_mode(**given: object) -> None:
    """--each-period, --region, --by period and --within ask different questions: one at a time."""
    names = {"each_period": "--each-period", "region": "--region", "by": "--by period", "within": "--within"}
    modes = [names[name] for name, value in given.items() if value]
    if len(modes) > 1:

        raise UsageProblem(Message("option.one_of", modes=Named(" and ".join(modes), "、".join(modes))))
