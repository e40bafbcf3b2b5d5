"""``reporter regions``: the regions of the data, one row each."""

from __future__ import annotations

from reporter.cli.options import command, format_option, pass_session
from reporter.cli.printing import emit
from reporter.cli.session import Session
from reporter.render.views import regions_view


@command()
@format_option()
@pass_session
def regions(session: Session, fmt: str | None) -> None:
    """List the regions: id, names, level, prefecture, number of facts, latest period.

    \b
    Example:
      reporter regions --format tsv | cut -f1
    """

    emit(session, [regions_view(session.data, session.lang)], fmt)
