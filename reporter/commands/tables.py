"""The commands that print tables: regions, metrics, show, compare, rank, search (delta has its own module).

Each asks its question, then prints the views; a question the data answer with nothing prints the
same views empty (a valid document in json, csv and tsv) and exits 3 (:func:`~reporter.cli.output.answer`)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

import click

from reporter.cli.completion import complete_metrics, complete_regions
from reporter.cli.options import (
    Values,
    command,
    format_option,
    pass_session,
    theme_option,
)
from reporter.cli.output import answer, emit
from reporter.cli.session import Session

if TYPE_CHECKING:
    from reporter.query.selection import Window

F = TypeVar("F", bound=Callable[..., Any])


def window_options(f: F) -> F:
    """``--from``, ``--to`` and ``--last``: which periods a time series shows (defined once)."""
    f = click.option("--last", type=click.IntRange(min=1), metavar="N", help="Only the last N periods.")(f)
    f = click.option("--to", "to_period", metavar="PERIOD", help="Periods up to this one (e.g. 2020).")(f)
    return click.option("--from", "from_period", metavar="PERIOD",
                        help="Periods from this one on (e.g. 2016).")(f)  # type: ignore[no-any-return]


def _window(from_period: str | None, to_period: str | None, last: int | None) -> Window:
    """The periods asked for; a range that ends before it starts is refused (exit 2), not shown empty."""
    from reporter.model.names import find_period
    from reporter.query.selection import Window

    start, end = find_period(from_period) if from_period else None, find_period(to_period) if to_period else None
    if start is not None and end is not None and start.first > end.last:
        from reporter.errors import UsageProblem
        from reporter.messages import Message

        raise UsageProblem(Message("window.reversed", start=from_period, end=to_period))
    return Window(start, end, last)


def _window_words(from_period: str | None, to_period: str | None, last: int | None) -> str:
    """The window as it was asked for (``--from 2021 --to 2022``), for the note of an empty answer."""
    given = (("--from", from_period), ("--to", to_period), ("--last", last))
    return " ".join(f"{name} {value}" for name, value in given if value is not None)


def _only_with(given: dict[str, object], mode: str, mode_zh: str) -> None:
    """Options that mean something only in a mode: refused, not ignored, outside it."""
    from reporter.errors import UsageProblem
    from reporter.messages import Message, Named

    for name, value in given.items():
        if value not in (None, False, ()):
            raise UsageProblem(Message("option.needs_mode", name=name, mode=Named(mode, mode_zh)))


@command()
@format_option()
@pass_session
def regions(session: Session, fmt: str | None) -> None:
    """List the regions: id, names, level, prefecture, number of facts, latest period.

    \b
    Example:
      reporter regions --format tsv | cut -f1
    """
    from reporter.render.views import regions_view

    emit(session, [regions_view(session.data, session.lang)], fmt)


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
    from reporter.errors import NoData
    from reporter.messages import Message
    from reporter.render.views import metrics_view

    chosen = session.theme(theme)
    nothing = NoData(Message("metrics.none_in_theme", theme=chosen.id)) if chosen else None
    emit(session, [metrics_view(session.data, session.lang, chosen)], fmt, nothing=nothing)


@command()
@click.argument("region", shell_complete=complete_regions)
@theme_option
@click.option("--sources", "-s", is_flag=True, help="Show the verbatim quote under each fact.")
@click.option("--by", type=Values(["period"]), help="Periods as columns, one row per metric.")
@window_options
@format_option()
@pass_session
def show(session: Session, region: str, theme: str | None, sources: bool, by: str | None, from_period: str | None,
         to_period: str | None, last: int | None, fmt: str | None) -> None:
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
    from reporter.errors import NoData
    from reporter.messages import Message
    from reporter.query.selection import region_by_period, region_highlights
    from reporter.render import views as v

    window = _window(from_period, to_period, last)  # a malformed or reversed range first: exit 2
    if by == "period":
        _only_with({"--sources": sources}, "the list layout (no --by)", "列表形式（不用 --by）")
    data, found, chosen = session.data, session.region(region), session.theme(theme)

    def nothing() -> NoData:
        """No fact in the theme and periods asked for: the highlights alone answer no question."""
        in_theme = Message("in_theme", theme=chosen.id) if chosen else ""
        if window:
            return NoData(Message("show.no_facts_window", region=found.said(), theme=in_theme,
                                  window=_window_words(from_period, to_period, last)))
        return NoData(Message("show.no_facts", region=found.said(), theme=in_theme))

    def make() -> list[v.View]:
        if by == "period":
            try:
                table = region_by_period(data, found, chosen, window)
            except NoData:
                raise nothing() from None
            first = v.region_by_period_view(data, found, table, session.lang)
        else:
            first = v.show_view(data, found, session.lang, chosen, sources, window)
        if not first.items:
            raise nothing()
        return [first, v.highlights_view(data, region_highlights(data, found, chosen), session.lang, sources)]

    def empty() -> list[v.View]:
        first = (v.empty_view("periods", v.period_keys(v.REGION_LEAD, []), ["periods"]) if by == "period"
                 else v.empty_view("facts", v.EXPORT_KEYS))
        return [first, v.empty_view("highlights", v.HIGHLIGHT_KEYS)]

    answer(session, fmt, make, empty)


@command()
@click.argument("regions_", metavar="[REGION]...", nargs=-1, shell_complete=complete_regions)
@click.option("--all", "all_regions", is_flag=True, help="Every region in the data.")
@click.option("--metric", "-m", "metric_names", multiple=True, metavar="METRIC",
              shell_complete=complete_metrics, help="Only these metrics (repeatable).")
@theme_option
@click.option("--period", "-p", metavar="PERIOD",
              help="Compare this period only [default: each region's latest, with a note when they differ].")
@format_option()
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
    from reporter.query.questions import compare_regions
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
@window_options
@format_option()
@pass_session
def rank(session: Session, metric: str, period: str | None, top: int | None, reverse: bool, each_period: bool,
         region_name: str | None, by: str | None, from_period: str | None, to_period: str | None,
         last: int | None, fmt: str | None) -> None:
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
    """
    from reporter.model.names import find_period
    from reporter.query import questions as query
    from reporter.render import views

    asked, window = find_period(period) if period else None, _window(from_period, to_period, last)  # exit 2 first
    data, lang, notes_lang = session.data, session.lang, session.message_lang  # notes: the reader's language
    chosen = session.metric(metric)
    modes = [m for m, on in (("--each-period", each_period), ("--region", region_name), ("--by period", by)) if on]
    if len(modes) > 1:
        from reporter.errors import UsageProblem
        from reporter.messages import Message, Named

        raise UsageProblem(Message("option.one_of", modes=Named(" and ".join(modes), "、".join(modes))))
    make: Callable[[], views.View]
    if each_period:
        def make() -> views.View:
            return views.rank_each_period_view(
                data, query.rank_each_period(data, chosen, asked, window, top, reverse), lang, notes_lang)
        empty = views.empty_view("rank", views.RANK_KEYS)
    elif region_name:
        _only_with({"--top": top, "--reverse": reverse}, "a ranking, not --region", "排名（而不是 --region）")
        region = session.region(region_name)

        def make() -> views.View:
            return views.rank_history_view(data, query.rank_history(data, chosen, region, asked, window), lang)
        empty = views.empty_view("rank_history", views.RANK_HISTORY_KEYS)
    elif by == "period":
        def make() -> views.View:
            ranking, table = query.rank_by_period(data, chosen, asked, window, top, reverse)
            positions = {row.region.id: row.position for row in ranking.rows}
            notes = views.ranking_notes(data, ranking, {row.key.id for row in table.rows}, notes_lang)
            return views.metric_by_period_view(data, chosen, table, positions, lang, notes)
        empty = views.empty_view("periods", views.period_keys(views.METRIC_LEAD, []), ["periods"])
    else:
        _only_with({"--from": from_period, "--to": to_period, "--last": last},
                   "--each-period, --region or --by period", "--each-period、--region 或 --by period")

        def make() -> views.View:
            return views.rank_view(data, query.rank_regions(data, chosen, asked, top, reverse), lang, notes_lang)
        empty = views.empty_view("rank", views.RANK_KEYS)
    answer(session, fmt, lambda: [make()], lambda: [empty])


@command()
@click.argument("text")
@format_option()
@pass_session
def search(session: Session, text: str, fmt: str | None) -> None:
    """Facts and highlights whose label, note, quote or region match TEXT.

    \b
    Example:
      reporter search 飞地
      reporter --lang en search loan
    """
    from reporter.errors import NoData
    from reporter.query.questions import search as search_facts
    from reporter.render.views import search_view

    hits = search_facts(session.data, text)
    emit(session, [search_view(session.data, hits, session.lang)], fmt, nothing=NoData(f"nothing matches '{text}'"))


