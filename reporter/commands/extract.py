"""``reporter extract``: draft the facts of a new article, and add the accepted ones on request."""

from __future__ import annotations

import os
import sys
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING

import click

from reporter.cache import load_stack
from reporter.cli.completion import complete_regions
from reporter.cli.options import command, pass_session
from reporter.cli.output import note, speak
from reporter.cli.printing import print_text
from reporter.cli.session import Session
from reporter.cli.writing import data_layers, refused, say_warnings
from reporter.curate import answers
from reporter.curate.append import Refused, add_facts
from reporter.curate.bounds import check_text, time_bound
from reporter.curate.extract import (
    drafts_as_json,
    drafts_as_yaml,
    extract_for,
    held_fact,
    read_source,
    unresolved_periods,
)
from reporter.data.files import check_own_file
from reporter.data.paths import data_options
from reporter.errors import DataError, ExitCode, LookupFailed, UsageProblem
from reporter.messages import Message
from reporter.model.period_words import parse_period
from reporter.render import terminal
from reporter.render.figures import signed
from reporter.render.safe import clean

if TYPE_CHECKING:
    from reporter.curate.extract import Draft
    from reporter.model.dataset import Dataset
    from reporter.model.records import Fact

Fields = dict[str, str | None]


@command()
@click.argument("file", type=click.Path())  # missing, unreadable or a directory: exit 1, as --data and check PATH
@click.option("--region", "-r", "region", required=True, metavar="REGION", shell_complete=complete_regions,
              help="The region to draft for: a known one by any name, or a new one by a new id or its full Chinese "
                   "name (柳林县: an id is proposed). The numbers of another known region's sentences or part of the "
                   "text are left out.")
@click.option("--as-of", metavar="YYYY-MM", help="The month the text was published: 今年, 上半年, 1-9月, 截至目前 "
                                                 "are read against it.")
@click.option("--source", "-s", metavar="ID", help="Source id of the text (a new one is drafted in the YAML).")
@click.option("--format", "-f", "fmt", type=click.Choice(["yaml", "json"]), default=None,
              help="yaml: our data format, to check and complete [default]; json: records for programs.")
@click.option("--append", "append_to", metavar="FILE", type=click.Path(dir_okay=False),
              help="Add the complete drafts (a metric and a period, not in the data yet, agreeing with their "
                   "quotes) to FILE, your data file, instead of printing them: on a terminal it asks for each "
                   "one (y/n/a/q); elsewhere give --yes. The others are listed with the reason.")
@click.option("--yes", "-y", "yes", is_flag=True, help="With --append: add every complete draft without asking "
                                                      "(needed when the input is not a terminal).")
@pass_session
def extract(session: Session, file: str, region: str, as_of: str | None, source: str | None, fmt: str | None,
            append_to: str | None, yes: bool) -> None:
    """Draft the facts of a text (a bureau report, a newspaper page) for your data file.

    Prints the drafts as YAML in the data format (every guess left open marked TODO, which check
    refuses until filled) or as JSON; nothing is written unless --append FILE says so, and then
    only the drafts you accept (or all complete ones, with --yes). A text in UTF-8 or GB18030, an
    HTML page saved from a browser, or a .docx. Each draft says how its period is known
    (period_basis: stated, carried from the document's title, heading or lead, or assumed from
    --as-of): docs/extract.md.

    A page about several regions: a number whose sentence names another region of the data (by
    any of its names), or that stands in another's part of the text (from a heading or paragraph
    naming that region alone to the next one naming another), is that region's: it is left out
    and listed with the reason. A sentence naming REGION is REGION's; a text naming no region of
    the data is REGION's throughout. --append also leaves out what the data already hold: the
    same metric and value from the same words, whatever period it is read as now.

    \b
    Example:
      reporter extract report.txt --region 江山 --as-of 2020-10 \\
          --source jiangshan-q3 > drafts.yaml
      reporter --data bundled --data drafts.yaml check
      reporter --data bundled --data mine.yaml extract report.txt \\
          --region 江山 --as-of 2020-10 --source jiangshan-q3 --append mine.yaml
    """

    if yes and append_to is None:
        raise UsageProblem(speak(session, "extract.yes_alone"))
    data = session.data
    region_id, exists, given = _region(session, data, region)
    if append_to is not None:  # what --append needs, said before any work
        _append_ready(session, data, (region_id, exists), source, append_to, yes)
    read = read_source(file)
    check_text(read.text, file)  # too long a text, or a run no number has: refused before reading
    if read.encoding == "gb18030":
        note(f"reporter: {speak(session, 'extract.read_as', file=file, encoding=read.encoding.upper())}")
    with time_bound(file):  # the last resort: reading always ends
        drafts, elsewhere = extract_for(read.text, region_id, data.metrics, as_of, source, data.regions)
    _say_drafted(session, data, file, region_id, drafts, elsewhere, as_of)
    if append_to is not None:
        _append(session, data, append_to, region_id, str(source), drafts, yes)
        return
    if (fmt or (session.fmt if session.fmt in ("yaml", "json") else "yaml")) == "json":

        # the text's controls and bidi overrides never reach a terminal: cleaned as every output is
        print_text(session, clean(drafts_as_json(drafts), keep_layout=True))
    else:
        _print_yaml(session, data, file, (region_id, exists, given), source, as_of, drafts)
    if not drafts:  # the note above said so: a text without figures is an empty answer
        raise click.exceptions.Exit(ExitCode.NOTHING)


def _append_ready(session: Session, data: Dataset, region: tuple[str, bool], source: str | None, target: str,
                  yes: bool) -> None:
    """Refuse --append, before any work, where it cannot be done: a new region, an unknown source, no answers."""
    region_id, exists = region
    if not exists:
        raise UsageProblem(speak(session, "extract.append_new_region", id=region_id, file=target))
    if source is None or source not in data.sources:
        raise UsageProblem(speak(session, "extract.append_source", file=target))
    if not yes and not terminal.is_terminal(sys.stdin):
        raise UsageProblem(speak(session, "extract.needs_yes"))
    check_own_file(os.path.expanduser(target))  # a FIFO, device, /dev/stdout …: refused before any work


def _say_drafted(session: Session, data: Dataset, file: str, region: str, drafts: list[Draft],
                 elsewhere: list[tuple[Draft, Message]], as_of: str | None) -> None:
    """The notes on stderr: how many drafts, the numbers left out as others', the periods left open."""

    named = sum(d.metric is not None for d in drafts)
    note(f"reporter: {speak(session, 'extract.drafted', count=len(drafts), file=file, named=named)}")
    if elsewhere:
        _say_elsewhere(session, data, region, elsewhere)
    if as_of is None:
        open_ = unresolved_periods(drafts)
        if open_:
            note(f"reporter: {speak(session, 'extract.open_periods', count=len(open_))}")
            for line in open_:
                note(f"  {line.text(session.message_lang)}")


def _print_yaml(session: Session, data: Dataset, file: str, region: tuple[str, bool, dict[str, str]],
                source: str | None, as_of: str | None, drafts: list[Draft]) -> None:

    region_id, exists, given = region
    print_text(session, clean(drafts_as_yaml(drafts, region_id, source, region_exists=exists,
                                             source_exists=source in data.sources, text_name=os.path.basename(file),
                                             as_of=as_of, metrics=data.metrics,
                                             layers=data_options(session.data_paths),
                                             held=_held(data, region_id, drafts) if exists else None,
                                             region_given=given, lang=session.message_lang),
                              keep_layout=True))


def _held(data: Dataset, region: str, drafts: list[Draft]) -> list[str | None]:
    """For each draft, where the data already hold it (``file:line``), as --append would leave it out."""

    facts: dict[str, list[Fact]] = {}
    out: list[str | None] = []
    for d in drafts:
        if d.metric is None:
            out.append(None)
            continue
        if d.metric not in facts:
            facts[d.metric] = data.facts_of(region, d.metric)
        there = held_fact(d, facts[d.metric])
        out.append(str(there.origin) if there is not None and there.origin is not None else None)
    return out


def _region_named(data: Dataset, ident: str) -> Message | str:
    """A region of the data as a message names it; a new one (not in the data yet) by its id."""
    return data.regions[ident].said() if ident in data.regions else ident


def _say_elsewhere(session: Session, data: Dataset, region: str, elsewhere: list[tuple[Draft, Message]]) -> None:
    """The numbers left out as other regions': how many of each, then each one with its reason."""
    counts: dict[str, int] = {}
    for d, _why in elsewhere:
        counts[d.region] = counts.get(d.region, 0) + 1
    lang = session.message_lang
    each = [speak(session, "extract.elsewhere_count", name=_region_named(data, r), count=n) for r, n in counts.items()]
    name = _region_named(data, region)
    said = speak(session, "extract.elsewhere", count=len(elsewhere), region=name,
                regions=("、" if lang == "zh" else ", ").join(each))
    note(f"reporter: {said}")
    for d, why in elsewhere:
        note(f"  {speak(session, 'extract.other_number', line=d.line, written=d.written, why=why)}")




def _region(session: Session, data: Dataset, name: str) -> tuple[str, bool, dict[str, str]]:
    """The region's id, whether the data define it, and what its name says of a new one. A new
    region is named by a new id, or by its Chinese name (柳林县), for which an id is proposed."""
    try:
        return session.region(name).id, True, {}
    except LookupFailed as exc:
        from reporter.curate.new_region import (
            is_chinese_name,
            known_fields,
            proposed_id,
        )
        from reporter.data.fields import ID

        folded = name.casefold()
        ambiguous = any(n.casefold().startswith(folded) for r in data.regions.values() for n in r.names)
        if ID.fullmatch(name) and not ambiguous:
            return name, False, {}
        if is_chinese_name(name) and not ambiguous:
            ident = proposed_id(name)
            note(f"reporter: {speak(session, 'extract.new_region_named', name=name, id=ident)}")
            return ident, False, known_fields(name)
        raise LookupFailed(Message("joined", first=exc.message, second=Message("extract.new_region_id"))) from None


def _append(session: Session, data: Dataset, target: str, region: str, source: str, drafts: list[Draft],
            yes: bool) -> None:
    """Add the complete drafts (a metric, a period, not there already, agreeing with their quotes) to
    ``target``: those the user accepts, or all of them with ``yes``; say which were left out, and why."""

    path = Path(os.path.expanduser(target))
    layers = data_layers(session, path)
    if layers != list(session.data_paths):  # the target holds facts too: what is there already counts
        data = load_stack(layers, session.use_cache)
    candidates = _candidates(session, data, region, source, drafts)
    if not candidates:
        note(f"reporter: {speak(session, 'extract.none_to_add', file=target)}", always=True)
        raise click.exceptions.Exit(ExitCode.NOTHING)
    chosen = [fields for _d, fields in candidates] if yes else _ask(session, candidates)
    if not chosen:
        note(f"reporter: {speak(session, 'extract.none_chosen', file=target)}", always=True)
        return
    try:
        added = add_facts(path, region, chosen, layers, session.message_lang, cached=session.use_cache)
    except Refused as exc:
        refused(session, exc)
    except DataError as exc:
        for problem in exc.problems:
            note(f"reporter: {problem.text(session.message_lang)}", always=True)
        note(f"reporter: {speak(session, 'add.not_written', file=target)}", always=True)
        raise click.exceptions.Exit(ExitCode.ERROR) from None
    said = speak(session, "extract.appended", count=len(chosen), skipped=len(drafts) - len(chosen),
                region=_region_named(data, region),
                file=target, first=added.first_line, last=added.last_line)
    note(f"reporter: {said}")
    say_warnings(session, added)


def _candidates(session: Session, data: Dataset, region: str, source: str,
                drafts: list[Draft]) -> list[tuple[Draft, Fields]]:
    """The drafts a fact can be made of, as fields; each other one is named in a note with its reason."""

    out: list[tuple[Draft, Fields]] = []
    held: dict[str, list[Fact]] = {}  # the region's facts by metric
    for fact in data.facts_of(region):
        held.setdefault(fact.metric, []).append(fact)
    seen = {(f.metric, f.period.canonical) for facts in held.values() for f in facts}
    for d in drafts:
        why = _left_out(session, d, seen, held.get(str(d.metric), []))
        fields: Fields = {"metric": d.metric, "value": d.value, "unit": d.unit, "period": d.period,
                          "qualifier": None if d.qualifier == "exact" else d.qualifier, "yoy_pct": d.yoy_pct,
                          "rank_change": None if d.rank_change is None else str(d.rank_change), "source": source,
                          "note": d.note or None, "period_basis": d.period_basis, "quote": " ".join(d.quote.split())}
        wrong = [] if why else answers.plausible(region, fields)
        if why or wrong:
            why = why or wrong[0].text(session.message_lang)
            note(f"  {speak(session, 'extract.skipped', line=d.line, written=d.written, why=why)}")
            continue
        seen.add((str(d.metric), str(d.period)))
        out.append((d, fields))
    return out


def _ask(session: Session, candidates: list[tuple[Draft, Fields]]) -> list[Fields]:
    """Each candidate shown with its quote, and the user's answer, like ``git add -p``: y adds it, n
    does not, a adds it and all the rest, q adds none of the rest (those accepted so far are added);
    end of input is q. Ctrl-C interrupts the run, and nothing is written."""

    chosen: list[Fields] = []
    lang = session.message_lang
    for at, (d, fields) in enumerate(candidates, 1):
        change = speak(session, "extract.yoy", pct=signed(Decimal(d.yoy_pct))) if d.yoy_pct is not None else ""
        change += speak(session, "extract.moved", places=f"{d.rank_change:+d}") if d.rank_change is not None else ""
        name = session.data.metrics[str(d.metric)].label(lang)
        note("", always=True)
        note(speak(session, "extract.candidate", at=at, count=len(candidates), line=d.line, written=d.written,
                  metric=d.metric, name=name, period=parse_period(str(d.period)).in_words(lang), change=change),
             always=True)
        note(speak(session, "extract.quote", quote=" ".join(d.quote.split())), always=True)
        answer = _answer(session)
        if answer == "q":
            break
        if answer == "a":
            chosen += [f for _d, f in candidates[at - 1:]]
            break
        if answer == "y":
            chosen.append(fields)
    return chosen


def _answer(session: Session) -> str:
    """One of y, n, a, q from the user (asked again, with the help, for anything else; q at end of input)."""
    while True:
        sys.stderr.write(speak(session, "extract.ask"))
        sys.stderr.flush()
        line = sys.stdin.readline()
        if not line:
            note("", always=True)
            return "q"
        answer = line.strip().lower()[:1]
        if answer in ("y", "n", "a", "q"):
            return answer
        note(speak(session, "extract.ask_help"), always=True)


def _left_out(session: Session, d: Draft, seen: set[tuple[str, str]], held: list[Fact]) -> str:
    """Why a draft cannot be added as it is ('' when it can); ``held``: the facts of its metric."""

    if d.metric is None:
        if d.doubt is not None:
            return d.doubt.text(session.message_lang)
        return speak(session, "extract.no_metric", label=d.label or "?", unit=d.unit)
    there = held_fact(d, held)
    metric = session.data.metrics[d.metric].said() if d.metric in session.data.metrics else d.metric
    if there is not None and there.origin is not None:  # whatever period it was read as this time
        return speak(session, "extract.in_data", line=there.origin.line, file=there.origin.path, metric=metric,
                    period=there.period.said())
    if there is not None:
        return speak(session, "extract.already", metric=metric, period=there.period.said())
    if d.period is None:
        return speak(session, "extract.no_period", word=d.period_word or "?")
    if (d.metric, d.period) in seen:

        return speak(session, "extract.already", metric=metric, period=parse_period(d.period).said())  # one held
    return ""
