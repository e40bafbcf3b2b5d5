"""``reporter get``: one value, one line, for scripts; kept alone in its module so it starts fast."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import click

from reporter.cli.completion import complete_metrics, complete_regions
from reporter.cli.options import command, format_option, pass_session
from reporter.cli.output import note
from reporter.cli.printing import emit, print_text
from reporter.cli.session import Session

if TYPE_CHECKING:
    from reporter.model.records import Fact, Quantity


@command()
@click.argument("region", shell_complete=complete_regions)
@click.argument("metric", shell_complete=complete_metrics)
@click.option("--period", "-p", metavar="PERIOD", help="e.g. 2019, 2020-H1, 2020-01/05 or 2020年1-5月.")
@click.option("--value-only", is_flag=True,
              help="Print the bare number (as written, in the fact's unit, or in --unit); a note on stderr says "
                   "what a qualifier such as 多 or 目标 meant (--quiet silences it).")
@click.option("--unit", "-u", metavar="UNIT",
              help="Convert the value to UNIT exactly (万元, 亿元, 元; a unit of the same family), so a "
                   "threshold in a script keeps its scale whatever unit a figure was entered in.")
@format_option()
@pass_session
def get(session: Session, region: str, metric: str, period: str | None, value_only: bool, unit: str | None,
        fmt: str | None) -> None:
    """Exactly one line for scripts: one region's value of one metric.

    Other formats (json, csv …) print the fact's record, whose value_base is in the metric's
    own unit. A region without the fact prints nothing (json: []) and exits 3. --value-only
    prints the number alone even when the source qualified it (2000多万元 is more than 2000,
    目标1000人 a target): a note on stderr says so.

    \b
    Example:
      reporter get 江山 研发投入                 → 2.06亿元
      reporter get jiangshan rd_investment --value-only   → 2.06
      reporter get 江山 研发投入 --unit 万元 --value-only   → 20600
    """
    from reporter.errors import NoData, UsageProblem
    from reporter.model.names import find_period
    from reporter.query.selection import get_fact
    from reporter.render import figures

    data = session.data
    chosen = fmt or session.fmt or "auto"
    line = chosen in ("auto", "plain")  # one line is for scripts; other formats get the record
    if unit and not line:
        from reporter.messages import Message

        raise UsageProblem(Message("get.unit_one_line", format=chosen))
    asked = find_period(period) if period else None  # text that is no period: exit 2, before any name
    asked_region, asked_metric = session.region(region), session.metric(metric)
    try:
        found = get_fact(data, asked_region, asked_metric, asked)
    except NoData as exc:
        if not line:  # views (and dataclasses) only here: a warm one-line get never needs them
            from reporter.render.views import EXPORT_KEYS, empty_view

            emit(session, [empty_view("facts", EXPORT_KEYS)], chosen, nothing=exc)
        raise
    fact = found.fact
    if found.others and period is None:
        _other_periods(session, found)
    if not line:
        from reporter.render.views import export_view

        emit(session, [export_view(data, session.lang, [fact])], chosen)
        return
    if fact.growth_only:  # a change with no level: the change is the answer, there is no number to print
        _growth_only(session, fact, value_only or unit is not None)
        return
    quantity = fact.quantity if unit is None else _converted(fact.quantity, unit)
    is_converted = unit is not None and (session.lang == "en" or unit != fact.quantity.unit)  # en: the unit asked
    print_text(session, figures.fact_line(quantity, session.lang, value_only, is_converted))
    if value_only and not quantity.is_exact:  # the number stays alone on stdout; what it leaves out is said
        from reporter.messages import Message

        printed = figures.number(quantity.written) + (quantity.unit if unit else "")  # --unit: the unit asked for
        meaning = Message(f"value_only.{quantity.qualifier}", value=printed)
        said = Message("get.value_only_note", written=figures.quantity(fact.quantity, "zh"), meaning=meaning)
        note("reporter: " + said.text(session.message_lang))


def _growth_only(session: Session, fact: Fact, number_asked: bool) -> None:
    """A growth-only fact's answer: its change in words; a bare number or a unit asked for has none (exit 3)."""
    from reporter.errors import NoData
    from reporter.messages import Message, Named
    from reporter.render import figures

    if fact.yoy_pct is None:  # pragma: no cover - the loader wants a value or a change
        raise NoData(Message("get.no_level", change=""))
    if number_asked:
        raise NoData(Message("get.no_level", change=Named(figures.yoy_words(fact.yoy_pct, "en"),
                                                          figures.yoy_words(fact.yoy_pct, "zh"))))
    print_text(session, figures.yoy_words(fact.yoy_pct, session.lang) + "\n")


def _converted(quantity: Quantity, unit: str) -> Quantity:
    """``quantity`` in ``unit``, exactly (2.06亿元 in 万元: 20600万元), its qualifier kept."""
    from reporter.errors import UsageProblem
    from reporter.model import units

    try:
        value = units.convert(quantity.value, quantity.unit, unit)
    except ValueError:
        from reporter.messages import Message

        raise UsageProblem(Message("get.unit_converts", unit=unit, from_unit=quantity.unit)) from None
    return quantity._replace(written=format(value, "f"), unit=unit)


def _other_periods(session: Session, found: Any) -> None:
    """Without --period, the newest figure is the answer; a note names the other periods there are."""
    from reporter.messages import Message, Named

    others = Named(", ".join(f.period.canonical for f in found.others),  # what --period takes; in words
                   "、".join(f.period.in_words("zh") for f in found.others))
    note("reporter: " + Message("several_periods", count=len(found.others) + 1, period=found.fact.period.said(),
                                others=others).text(session.message_lang))
