"""``reporter get``: one value, one line, for scripts; kept alone in its module so it starts fast."""

from __future__ import annotations

import click

from reporter.cli.completion import complete_metrics, complete_regions
from reporter.cli.options import command, format_option, pass_session
from reporter.cli.output import emit, note, print_text
from reporter.cli.session import Session


@command()
@click.argument("region", shell_complete=complete_regions)
@click.argument("metric", shell_complete=complete_metrics)
@click.option("--period", "-p", metavar="PERIOD", help="e.g. 2019, 2020-H1, 2020-01/05 or 2020年1-5月.")
@click.option("--value-only", is_flag=True, help="Print the bare number (as written, in the fact's unit).")
@format_option()
@pass_session
def get(session: Session, region: str, metric: str, period: str | None, value_only: bool,
        fmt: str | None) -> None:
    """Exactly one line for scripts: one region's value of one metric.

    \b
    Example:
      reporter get 江山 研发投入                 → 2.06亿元
      reporter get jiangshan rd_investment --value-only   → 2.06
    """
    from reporter.names import find_period
    from reporter.render import numbers
    from reporter.select import get_fact

    data = session.data
    found = get_fact(data, session.region(region), session.metric(metric),
                     find_period(period) if period else None)
    fact = found.fact
    if found.others and period is None:
        from reporter.messages import Message

        others = ", ".join(f.period.canonical for f in found.others)
        note("reporter: " + Message("several_periods", count=len(found.others) + 1, period=fact.period,
                                    others=others).text(session.message_lang))
    chosen = fmt or session.fmt or "auto"
    if chosen not in ("auto", "plain"):  # one line is for scripts; other formats get the record
        from reporter.render.views import export_view

        view = export_view(data, session.lang, [fact])
        emit(session, [view], chosen)
        return
    print_text(session, numbers.fact_line(fact.quantity, session.lang, value_only))
