"""``reporter remove``: take a fact out of your own data file, every other byte kept."""

from __future__ import annotations

import click

from reporter.cli.completion import complete_metrics, complete_regions
from reporter.cli.options import command, pass_session
from reporter.cli.revising import not_written, own_fact, revised
from reporter.cli.session import Session
from reporter.curate.insertion import Refused
from reporter.curate.revise import remove_fact
from reporter.errors import DataError


@command()
@click.argument("region", shell_complete=complete_regions)
@click.argument("metric", shell_complete=complete_metrics)
@click.option("--period", "-p", metavar="P", required=True, help="The fact's period, in any form (2020年1-9月).")
@click.option("--file", "file", metavar="FILE", type=click.Path(dir_okay=False),
              help="Your data file [default: the file the fact is written in].")
@pass_session
def remove(session: Session, region: str, metric: str, period: str, file: str | None) -> None:
    """Remove a fact from your own data file; the rest stays as it is.

    The rest must still load as check reads it. The bundled data are read-only.

    \b
    Example:
      reporter remove 江山 研发投入 --period 2020年1-9月 --file mine.yaml
    """

    own = own_fact(session, region, metric, period, file)
    try:
        done = remove_fact(own.target, own.fact, own.layers, cached=session.use_cache)
    except (Refused, DataError) as exc:
        not_written(session, exc, own.target)
    revised(session, "revise.removed", own.what, done)
