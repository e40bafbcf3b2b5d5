"""``reporter edit``: correct a fact in your own data file, every other byte kept."""

from __future__ import annotations

import click

from reporter.cli.completion import complete_metrics, complete_regions
from reporter.cli.options import command, pass_session
from reporter.cli.revising import not_written, own_fact, revised
from reporter.cli.session import Session
from reporter.curate import answers
from reporter.curate.insertion import Refused
from reporter.curate.revise import edit_fact
from reporter.errors import DataError, UsageProblem
from reporter.messages import Message


@command()
@click.argument("region", shell_complete=complete_regions)
@click.argument("metric", shell_complete=complete_metrics)
@click.option("--period", "-p", metavar="P", required=True, help="The fact's period, in any form (2020年1-9月).")
@click.option("--value", metavar="V", help="The value as printed.")
@click.option("--unit", "-u", metavar="U", help="Unit as printed, e.g. 亿元 ('' for the metric's own).")
@click.option("--quote", metavar="TEXT", help="The sentence the number comes from, verbatim.")
@click.option("--yoy", metavar="PCT", help="Year-over-year change in %; for a rank, places gained (+) or lost "
                                           "(-) ('' for none).")
@click.option("--qualifier", metavar="Q", help="exact, more_than (多), approx (约), nearly (近), at_least "
                                               "(不少于) or target (目标).")
@click.option("--file", "file", metavar="FILE", type=click.Path(dir_okay=False),
              help="Your data file [default: the file the fact is written in].")
@pass_session
def edit(session: Session, region: str, metric: str, period: str, value: str | None, unit: str | None,
         quote: str | None, yoy: str | None, qualifier: str | None, file: str | None) -> None:
    """Correct a fact in your own data file: only the fields given change.

    Comments and layout stay; the result is checked as add checks it, and nothing check would
    refuse is written. The bundled data are read-only.

    \b
    Example:
      reporter edit 江山 研发投入 --period 2020年1-9月 --value 3.2 --file mine.yaml
    """

    if all(v is None for v in (value, unit, quote, yoy, qualifier)):
        raise UsageProblem(Message("revise.nothing"))
    own = own_fact(session, region, metric, period, file)
    try:
        fields = answers.edited_fields(own.metric, value, unit, quote, yoy, qualifier)
    except answers.Wrong as wrong:
        raise UsageProblem(wrong.said) from None
    try:
        done = edit_fact(own.target, own.fact, fields, own.layers, cached=session.use_cache)
    except (Refused, DataError) as exc:
        not_written(session, exc, own.target)
    revised(session, "revise.edited", own.what, done)
