"""``reporter delta``: year-over-year changes, of a region, of every region, and the nightly check."""

from __future__ import annotations

from typing import TYPE_CHECKING

import click

from reporter.cli.completion import complete_metrics, complete_regions
from reporter.cli.options import command, filter_options, format_option, pass_session
from reporter.cli.printing import emit
from reporter.cli.session import Session
from reporter.errors import ExitCode, LookupFailed, NoData, UsageProblem
from reporter.messages import Message
from reporter.model.names import find_period
from reporter.query.delta import EveryNewestChange, latest_deltas, parse_fail_on, since, yoy_deltas
from reporter.render.labels import Labels
from reporter.render.views import DELTA_KEYS, delta_view, empty_view, oldest_first

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator

    from reporter.model.periods import Period
    from reporter.model.records import Metric, Region
    from reporter.query.delta import Delta, FailOn


@command()
@click.argument("region", required=False, shell_complete=complete_regions)
@click.argument("metric", required=False, shell_complete=complete_metrics)
@click.option("--latest", is_flag=True, help="Only each metric's newest change (what --all always shows).")
@click.option("--all", "every", is_flag=True,
              help="Every region's newest change: of METRIC when one is named (delta --all METRIC), "
                   "else of every metric.")
@click.option("--fail-on", metavar="RULE",
              help="A check for cron: print only the changes that went the wrong way by each metric's "
                   "polarity (a rank that fell, a sum that shrank), and exit 4 when there is one, 0 when none. "
                   "RULE is worse, better or any, with a threshold if wanted: 'worse>5%' (by more than 5%), "
                   "'worse>=100' (in the metric's unit; places for a rank).")
@click.option("--since", "since_period", metavar="PERIOD",
              help="Only changes of figures of PERIOD or later: a nightly run flags only what is new.")
@format_option()
@filter_options
@pass_session
def delta(session: Session, region: str | None, metric: str | None, latest: bool, every: bool,
          fail_on: str | None, since_period: str | None, fmt: str | None) -> None:
    """Year-over-year changes: current, previous, absolute and % change, direction.

    Computed when a period a year earlier exists; otherwise derived from what the source
    reports (a growth rate, a previous value, a rank move) and marked so. A rank's change is
    in places gained or lost (↑34位: up 34 places, from 第56位 to 第22位). Rows run oldest first.
    "Newest" is the newest figure: where its change is not known, the older change shown is
    marked * and a note says so.

    \b
    Examples:
      reporter delta 江山            → 2.06亿元, +16%: previous ≈1.776亿元
      reporter delta 洞头 全省位次    → 第22位, ↑34位 (up 34 places) from 第56位
      reporter delta county-001 --latest
      reporter delta --all 研发投入          every region's newest change of one metric
      reporter -q delta --all --fail-on worse || echo "something got worse"
      reporter -q delta --all --fail-on 'worse>5%' --since 2020   only new falls of more than 5%
    """

    rule, after = _rule(fail_on), find_period(since_period) if since_period else None  # exit 2 before the data
    found, chosen = _asked(session, region, metric, every)
    try:
        deltas = _changes(session, found, chosen, latest, after)
    except NoData as exc:
        emit(session, [empty_view("delta", DELTA_KEYS)], fmt, nothing=exc)
        raise
    if rule is None:
        emit(session, [delta_view(session.data, found, deltas, session.lang, metric=chosen, latest=latest,
                                  notes_lang=session.message_lang)], fmt)
        return
    worse, total = [], 0
    for d in deltas:
        total += 1
        if rule.flags(d):
            worse.append(d)
    say = Labels(session.message_lang)  # notes are messages: in the reader's language
    notes = [say("delta.worse", count=len(worse), total=total) if worse else say("delta.none_worse", total=total)]
    emit(session, [delta_view(session.data, found, worse, session.lang, metric=chosen, latest=latest, notes=notes,
                              notes_lang=session.message_lang)], fmt, empty_is_an_answer=True)
    if worse:
        raise click.exceptions.Exit(ExitCode.WORSE)


def _rule(text: str | None) -> FailOn | None:
    """``--fail-on``, read (a usage error, exit 2, for anything but a rule)."""
    if text is None:
        return None

    try:
        return parse_fail_on(text)
    except ValueError:
        raise UsageProblem(Message("delta.bad_fail_on", text=text)) from None


def _asked(session: Session, region: str | None, metric: str | None,
           every: bool) -> tuple[Region | None, Metric | None]:
    """The region (None: every region) and metric (None: every metric) the arguments name.

    ``delta --all METRIC`` names a metric where ``delta REGION`` names a region."""

    if not every:
        if not region:
            raise UsageProblem(Message("delta.region_or_all"))
        return session.region(region), session.metric(metric) if metric else None
    if metric:
        raise UsageProblem(Message("delta.all_one_metric"))
    if not region:
        return None, None
    try:
        return None, session.metric(region)
    except LookupFailed:
        try:
            named = session.region(region)
        except LookupFailed:
            raise
        raise UsageProblem(Message("delta.all_not_region", region=named.zh, name=region)) from None


def _changes(session: Session, region: Region | None, metric: Metric | None,
             latest: bool, after: Period | None = None) -> Iterable[Delta]:
    """The changes asked for, oldest first within each region and metric; NoData when there is none."""

    data = session.data
    if region is not None:
        deltas = yoy_deltas(data, region, metric, latest)
        if after is not None:
            deltas = list(since(deltas, after))
        if not deltas:
            raise NoData(Message("delta.none_for_region", region=region.said()))
        return oldest_first(data, deltas, lambda d: d.fact)
    if metric is not None:
        return latest_deltas(data, metric) if after is None else list(since(latest_deltas(data, metric), after))
    every = EveryNewestChange(data)  # made as they are written: every county's, in little memory
    if not every:
        raise NoData(Message("delta.none"))
    return every if after is None else _Since(every, after)


class _Since:
    """Every newest change of figures since a period, made as they are read (iterable again)."""

    def __init__(self, every: Iterable[Delta], after: Period) -> None:
        self.every, self.after = every, after

    def __iter__(self) -> Iterator[Delta]:

        return since(self.every, self.after)

    def __bool__(self) -> bool:
        return next(iter(self), None) is not None
