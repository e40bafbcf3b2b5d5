"""``reporter import``: a bureau's table (.xlsx, .csv, .tsv) as facts in your own data file."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from reporter.cache import load_stack
from reporter.cli.completion import complete_metrics
from reporter.cli.options import command, pass_session
from reporter.cli.output import note, speak
from reporter.cli.session import Session
from reporter.cli.writing import data_layers, refused, say_warnings
from reporter.curate import answers
from reporter.curate.append import Refused, add_facts_of_regions
from reporter.curate.importing import HEADERS, Options, plan_import
from reporter.curate.sheets import read_sheets
from reporter.errors import DataError, ExitCode, UsageProblem
from reporter.messages import Message
from reporter.model.period_words import parse_period
from reporter.render import terminal

if TYPE_CHECKING:
    from reporter.curate.importing import Plan
    from reporter.model.dataset import Dataset


@command(name="import")
@click.argument("table", metavar="TABLE")
@click.option("--file", "target", required=True, metavar="FILE",
              help="Your data file to add the facts to (created if missing), as add --file.")
@click.option("--sheet", metavar="NAME", help="Only this sheet of a workbook [default: every sheet].")
@click.option("--metric", "-m", metavar="METRIC", shell_complete=complete_metrics,
              help="The metric of a sheet with no metric column (periods across).")
@click.option("--period", "-p", metavar="PERIOD",
              help="The period of a sheet with no period column (metrics across), if its title does not say.")
@click.option("--column", "columns", multiple=True, metavar="FIELD=HEADER",
              help="Which column holds a field (region, metric, value, unit, period, qualifier, yoy_pct, "
                   "quote, source, note) when its header is not one reporter knows; repeatable.")
@click.option("--source", "-s", metavar="ID", help="A source of the data for every fact [default: the table "
                                                   "itself, added to FILE as a source if missing].")
@click.option("--skip-bad", is_flag=True, help="Import what can be read; list the cells that cannot.")
@click.option("--yes", "-y", is_flag=True, help="Write without asking (needed when the input is not a terminal).")
@pass_session
def import_table(session: Session, table: str, target: str, sheet: str | None, metric: str | None,
                 period: str | None, columns: tuple[str, ...], source: str | None, skip_bad: bool, yes: bool) -> None:
    """Add the figures of a table to your data file, checked as add checks them.

    Long tables (a row per fact: 地区/region, 指标/metric, 数值/value, 单位/unit, 时期/period, and
    限定/qualifier, 同比/yoy_pct, 原文/quote, 来源/source) and wide ones (regions down, periods or
    metrics across: 2020年1-9月, 研发投入（万元）, a 同比增长% column after a value column). Cells such
    as 2000多 and 约3.1 keep their qualifier; —, - or an empty cell is no figure. Each fact's quote is
    its row and headers as written. A preview comes first, then a question (--yes in scripts);
    figures the data already hold are left out, so importing a table twice adds nothing.

    \b
    Examples:
      reporter import 2020年1-9月.xlsx --file mine.yaml --metric 研发投入
      reporter import long.csv --file mine.yaml --column region=县市区 --yes
    """

    path = Path(os.path.expanduser(target))
    if not yes and not terminal.is_terminal(sys.stdin):
        raise UsageProblem(Message("import.needs_yes"))
    options = Options(metric, period, source, _mapped(columns))
    sheets = read_sheets(table, sheet)
    layers = data_layers(session, path)
    data = session.data if layers == list(session.data_paths) else load_stack(layers, session.use_cache)
    if source is not None:

        try:
            if answers.source(data, source, str(path)) is None:
                options = options._replace(source=None)
        except answers.Wrong as exc:  # an unknown id: where a new source is declared
            raise UsageProblem(exc.said) from None
    plan = plan_import(data, sheets, os.path.basename(table), options)
    for bad in plan.bad:
        note(f"reporter: {table}: {bad.message().text(session.message_lang)}", always=True)
    if plan.bad and not skip_bad:
        note(f"reporter: {speak(session, 'import.bad_stop', count=len(plan.bad))}", always=True)
        raise click.exceptions.Exit(ExitCode.ERROR)
    if plan.bad:
        note(f"reporter: {speak(session, 'import.bad_skipped', count=len(plan.bad))}")
    if not plan.new:
        note(f"reporter: {speak(session, 'import.nothing', file=target)}")
        return
    _preview(session, data, plan, table, sheet, asking=not yes)
    if not yes and not _confirmed(session, target):
        note(f"reporter: {speak(session, 'import.declined')}", always=True)
        return
    _write(session, path, layers, plan, target)


def _mapped(columns: tuple[str, ...]) -> dict[str, str]:

    out = {}
    for spec in columns:
        field, sep, header = spec.partition("=")
        if not sep or field.strip() not in HEADERS or not header.strip():
            raise UsageProblem(Message("import.mapped", spec=spec, fields=", ".join(HEADERS)))
        out[field.strip()] = header.strip()
    return out


def _preview(session: Session, data: Dataset, plan: Plan, table: str, sheet: str | None, asking: bool) -> None:
    """What would be added, a line per fact (on stderr: stdout stays for data); said whatever --quiet
    says when the user is asked about it."""

    lang = session.message_lang
    regions = {f.region for f in plan.new}
    sheets = sheet or ", ".join(dict.fromkeys(f.cell.sheet for f in plan.new))
    note(f"reporter: {speak(session, 'import.preview', count=len(plan.new), regions=len(regions), file=table, sheet=sheets, held=plan.held)}",
         always=asking)
    for f in plan.new[:40]:
        fields = f.fields
        qualifier = Message(f"value_only.{fields['qualifier']}", value="").text(lang) if fields["qualifier"] else ""
        note(f"  {data.regions[f.region].name(lang)}  {data.metrics[str(fields['metric'])].label(lang)}  "
             f"{parse_period(str(fields['period'])).in_words(lang)}  {qualifier}{fields['value']}{fields['unit']}",
             always=asking)
    if len(plan.new) > 40:
        note(f"  … (+{len(plan.new) - 40})", always=asking)


def _confirmed(session: Session, target: str) -> bool:

    sys.stderr.write(speak(session, "import.ask", file=target))
    sys.stderr.flush()
    return sys.stdin.readline().strip().lower()[:1] in ("y", "是")


def _write(session: Session, path: Path, layers: list[str], plan: Plan, target: str) -> None:

    groups: dict[str, list[dict[str, str | None]]] = {}
    for f in plan.new:
        groups.setdefault(f.region, []).append(f.fields)
    try:
        added = add_facts_of_regions(path, list(groups.items()), layers, list(plan.sources.items()),
                                     cached=session.use_cache)
    except Refused as exc:
        refused(session, exc)
    except DataError as exc:
        for problem in exc.problems:
            note(f"reporter: {problem.text(session.message_lang)}", always=True)
        note(f"reporter: {speak(session, 'add.not_written', file=target)}", always=True)
        raise click.exceptions.Exit(ExitCode.ERROR) from None
    note(f"reporter: {speak(session, 'import.added', count=len(plan.new), regions=len(groups), file=target, first=added.first_line, last=added.last_line)}")
    for ident, fields in plan.sources.items():
        note(f"reporter: {speak(session, 'import.source_added', id=ident, title=fields['title'], file=target)}")
    say_warnings(session, added)


