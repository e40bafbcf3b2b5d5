"""``reporter search``: facts and highlights that mention a text."""

from __future__ import annotations

import click

from reporter.cli.options import command, filter_options, format_option, pass_session
from reporter.cli.printing import emit
from reporter.cli.session import Session
from reporter.errors import NoData
from reporter.query.search import search as search_facts
from reporter.render.views import search_view


@command()
@click.argument("text")
@format_option()
@filter_options
@pass_session
def search(session: Session, text: str, fmt: str | None) -> None:
    """Facts and highlights whose label, note, quote or region match TEXT.

    \b
    Example:
      reporter search 飞地
      reporter --lang en search loan
    """

    hits = search_facts(session.data, text)
    emit(session, [search_view(session.data, hits, session.lang)], fmt, nothing=NoData(f"nothing matches '{text}'"))
