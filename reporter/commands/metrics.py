"""``reporter metrics``: the metric catalogue."""

from __future__ import annotations

from reporter.cli.options import command, format_option, pass_session, theme_option
from reporter.cli.printing import emit
from reporter.cli.session import Session
from reporter.errors import NoData
from reporter.messages import Message
from reporter.render.views import metrics_view


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

    chosen = session.theme(theme)
    nothing = NoData(Message("metrics.none_in_theme", theme=chosen.id)) if chosen else None
    emit(session, [metrics_view(session.data, session.lang, chosen)], fmt, nothing=nothing)
