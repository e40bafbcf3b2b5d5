"""``reporter add``: add a fact (or a new county) to your own data file, safely.

Three ways in, one way to write (:mod:`reporter.curate.append`): on a terminal with no arguments it asks
for each answer, checked as it is typed (:mod:`reporter.curate.answers`), like ``hledger add``; a script
gives them as arguments; ``--new-region ID`` writes the skeleton of a new county. ``--new-region``
is a flag of ``add`` rather than a command of its own: both write into the same file of yours,
with the same default ``--file``, the same checks and the same refusal to touch what is there.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import click

from reporter.cli.completion import complete_metrics, complete_regions
from reporter.cli.defining import METRIC_FIELDS, SOURCE_FIELDS
from reporter.cli.defining import new_metric as new_metric_
from reporter.cli.defining import new_region as new_region_
from reporter.cli.defining import new_source as new_source_
from reporter.cli.dialog import Dialog
from reporter.cli.fact_questions import ask_facts
from reporter.cli.options import command, pass_session
from reporter.cli.session import Session
from reporter.cli.writing import data_layers, load_layers, on_terminal, target_file, write_fact
from reporter.curate import answers
from reporter.curate.insertion import own_default_source, source_needed
from reporter.errors import ReporterError, UsageProblem
from reporter.messages import Message

if TYPE_CHECKING:
    from reporter.model.dataset import Dataset


@command()
@click.argument("region", required=False, shell_complete=complete_regions)
@click.argument("metric", required=False, shell_complete=complete_metrics)
@click.argument("value", required=False)
@click.option("--unit", "-u", metavar="U", help="Unit as printed, e.g. 亿元 [default: the metric's unit].")
@click.option("--period", "-p", metavar="P", help="e.g. 2020-01/09, 2020年1-9月, 2020-H1, asof/2020-H1.")
@click.option("--qualifier", metavar="Q", help="exact, more_than (多), approx (约), nearly (近), at_least "
                                               "(不少于) or target (目标) [default: exact].")
@click.option("--yoy", metavar="PCT", help="Year-over-year change in % as the source reports it (下降: negative); "
                                           "for a rank, the places gained (+) or lost (-).")
@click.option("--quote", metavar="TEXT", help="The sentence the number comes from, verbatim.")
@click.option("--source", "-s", metavar="ID", help="Source id of the quote [default: the source: of the region's "
                                                   "entry in FILE; required when it has none].")
@click.option("--file", "file", metavar="FILE", type=click.Path(dir_okay=False),
              help="Your data file (created if new) [default: the last --data layer, if it is a file of yours].")
@click.option("--new-region", metavar="ID", help="Write the skeleton of a new county with this id instead "
                                                 "(with --source NEW, of its new source too).")
@click.option("--new-source", metavar="ID", help="Write the skeleton of a new source (publication, title, date) "
                                                 "with this id instead.")
@click.option("--new-metric", metavar="ID")
@click.option("--zh", metavar="NAME")
@click.option("--en", metavar="NAME")
@click.option("--theme", metavar="THEME")
@click.option("--kind", metavar="KIND")
@click.option("--polarity", metavar="P")
@click.option("--publication", metavar="TEXT")
@click.option("--title", metavar="TEXT")
@click.option("--date", metavar="YYYY-MM")
@pass_session
def add(session: Session, region: str | None, metric: str | None, value: str | None, unit: str | None,
        period: str | None, qualifier: str | None, yoy: str | None, quote: str | None, source: str | None,
        file: str | None, new_region: str | None, new_source: str | None, **defining: str | None) -> None:
    """Add a fact, or a new county, to your own data file without touching what is there.

    On a terminal with no REGION it asks for each answer and checks it as you type. Nothing is
    written that 'reporter check' would reject, and what it would warn of (a unit slip beside
    another period) is said at once; comments and layout stay as they are. A metric or a source
    the data lack is defined on the way (answered in the questions, or by --new-metric and
    --new-source).

    \b
    Example:
      reporter --data bundled --data mine.yaml add          # asks, on a terminal
      reporter add 江山 研发投入 3.1 --unit 亿元 --period 2020年1-9月 --source jiangshan-q3 \\
          --quote "1-9月全市规上企业研发投入3.1亿元" --file mine.yaml
      reporter add 江山 高新技术产业增加值 --yoy 5.2 --period 2020年1-9月 --source jiangshan-q3 \\
          --quote "1-9月规上高新技术产业增加值同比增长5.2%" --file mine.yaml   # a change alone, no level
      reporter add --new-region xinxian --file mine.yaml
      reporter add --new-source jiangshan-2021 --publication 江山市统计局 --title 统计月报 --date 2021-01
      reporter add --new-metric industry_value_added --zh 规上工业增加值 --unit 亿元 --theme economy --kind flow
    """
    new_metric = defining.pop("new_metric")
    creating = [(o, v) for o, v in (("--new-region", new_region), ("--new-source", new_source),
                                    ("--new-metric", new_metric)) if v is not None]
    if len(creating) > 1:
        raise UsageProblem(Message("add.new_one"))
    option, ident = creating[0] if creating else (None, None)
    if option is not None and (region or metric or value):
        raise UsageProblem(Message("add.new_alone", option=option))
    _refuse_strays(option, defining)
    asking = option is None and region is None and on_terminal()
    if option is None and not asking and not (region and metric and (value or yoy) and period and quote):
        raise UsageProblem(Message("add.usage"))
    target = target_file(session, file)
    layers = data_layers(session, target)
    if option is not None:
        assert ident is not None
        source_flags = {k: defining[k] for k in SOURCE_FIELDS}
        if option == "--new-region":
            new_region_(session, target, layers, ident, source, source_flags)
        elif option == "--new-source":
            new_source_(session, target, layers, ident, source_flags)
        else:
            new_metric_(session, target, layers, ident, {k: unit if k == "unit" else defining[k] for k in METRIC_FIELDS})
        return
    if asking:

        ask_facts(Dialog(session, target, layers, load_layers(layers, session, name=False)))
        return
    data = load_layers(layers, session)
    assert region and metric and period and quote  # checked above (and a value, or a change alone)
    fields = _script_fact(data, target, region, metric, value, unit, period, qualifier, yoy, quote, source)
    write_fact(session, target, layers, fields)


def _refuse_strays(option: str | None, defining: dict[str, str | None]) -> None:
    """The fields of a new metric go with --new-metric only, a new source's with --new-source or
    --new-region (its source)."""
    for fields, owners in ((METRIC_FIELDS, ("--new-metric",)), (SOURCE_FIELDS, ("--new-source", "--new-region"))):
        given = [f"--{name}" for name in fields if name in defining and defining[name] is not None]
        if given and option not in owners:
            raise UsageProblem(Message("add.only_with", options=", ".join(given), option=owners[0]))


def _script_fact(data: Dataset, target: Path, region: str, metric: str, value: str | None, unit: str | None,
                 period: str, qualifier: str | None, yoy: str | None, quote: str,
                 source: str | None) -> dict[str, str | None]:
    """The fact of the script form, each argument checked as the prompts check an answer; without
    --source, the region's entry in the file must name the source its facts are quoted from."""

    try:
        where = answers.region(data, region)
        of = answers.metric(data, metric)
        written = answers.value(value) if value else ""  # none: a growth-only figure (--yoy alone)
        fields = answers.fact_fields(where, of, written, answers.unit(of, unit or ""),
                                     answers.period(data, where, of, period), answers.qualifier(qualifier or ""),
                                     answers.change(of, yoy or ""), answers.quote(quote),
                                     answers.source(data, source or "", str(target)))
        if not written and not unit:
            fields["unit"] = None  # a change alone: no level, so no unit of one
    except answers.Duplicate as duplicate:  # the data would hold the span twice: a data problem
        raise ReporterError(duplicate.said) from None
    except answers.Wrong as wrong:
        raise UsageProblem(wrong.said) from None
    if fields["source"] is None and own_default_source(target, where.id) is None:
        raise UsageProblem(source_needed(target, where))
    fields["region"] = where.id
    return fields
