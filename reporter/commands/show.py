"""``reporter show``: every fact of one region by theme, or its periods side by side."""

from __future__ import annotations

import click

from reporter.cli.completion import complete_regions
from reporter.cli.options import (
    Values,
    command,
    filter_options,
    format_option,
    pass_session,
    theme_option,
)
from reporter.cli.printing import answer
from reporter.cli.session import Session
from reporter.cli.windows import only_with, periods_window, window_options, window_words
from reporter.errors import NoData
from reporter.messages import Message
from reporter.query.selection import region_by_period, region_facts, region_highlights
from reporter.render import views as v
from reporter.render.labels import Labels


@command()
@click.argument("region", shell_complete=complete_regions)
@theme_option
@click.option("--sources", "-s", is_flag=True, help="Show the verbatim quote under each fact.")
@click.option("--by", type=Values(["period"]), help="Periods as columns, one row per metric.")
@window_options
@format_option()
@filter_options
@pass_session
def show(session: Session, region: str, theme: str | None, sources: bool, by: str | None, from_period: str | None,
         to_period: str | None, last: int | None, with_undated: bool, fmt: str | None) -> None:
    """All facts of a region by theme, with period, qualifier and change; then its highlights.

    The change is the one the source reports, else the one computed from the same period a
    year earlier. --by period puts the periods side by side as columns (like hledger's
    balance -Y); --from, --to and --last choose the periods in either layout. When no fact
    is in the theme or periods asked for, nothing is found: exit 3 (json an empty document).

    \b
    Examples:
      reporter show 江山 --theme rd --sources
      reporter show 江山 --by period --last 5
      reporter show 江山 --from 2019 --to 2020-H1
    """

    window = periods_window(from_period, to_period, last, with_undated)  # a malformed or reversed range first: exit 2
    if by == "period":
        only_with({"--sources": sources}, "the list layout (no --by)", "列表形式（不用 --by）")
    data, found, chosen = session.data, session.region(region), session.theme(theme)

    def nothing() -> NoData:
        """No fact in the theme and periods asked for: the highlights alone answer no question."""
        in_theme = Message("in_theme", theme=chosen.id) if chosen else ""
        if window:
            return NoData(Message("show.no_facts_window", region=found.said(), theme=in_theme,
                                  window=window_words(from_period, to_period, last)))
        return NoData(Message("show.no_facts", region=found.said(), theme=in_theme))

    def make() -> list[v.View]:
        if by == "period":
            try:
                table = region_by_period(data, found, chosen, window)
            except NoData:
                raise nothing() from None
            first = v.region_by_period_view(data, found, table, session.lang)
            say = Labels(session.message_lang)
            shown = [fact for row in table.rows for fact in row.cells if fact is not None]
            first.notes = [*first.said_notes(), *v.window_notes(region_facts(data, found, chosen), window, say),
                           *v.period_notes(shown, say)]
        else:
            first = v.show_view(data, found, session.lang, chosen, sources, window, session.message_lang)
        if not first.items:
            raise nothing()
        return [first, v.highlights_view(data, region_highlights(data, found, chosen), session.lang, sources)]

    def empty() -> list[v.View]:
        first = (v.empty_view("periods", v.period_keys(v.REGION_LEAD, []), ["periods"]) if by == "period"
                 else v.empty_view("facts", v.EXPORT_KEYS))
        return [first, v.empty_view("highlights", v.HIGHLIGHT_KEYS)]

    answer(session, fmt, make, empty)
