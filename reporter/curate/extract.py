"""Draft the facts of a new article: ``reporter extract``'s engine and its two renderers.

:func:`extract` reads a text with :mod:`reporter.prose.readings` and returns one :class:`Draft` per number
that states a fact: value and unit as written, qualifier, period in our grammar (or None when it
could not be fixed), reported change, the catalogue metric its label names (or None), the label,
the verbatim quote and where it is. :func:`drafts_as_json` and :func:`drafts_as_yaml` render
them; the YAML is our data format with every guess left to the curator written as an empty
``""`` marked ``# TODO``, which ``reporter check`` refuses at its line. Nothing here writes a file.
"""

from __future__ import annotations

import bisect
import json
import re
from collections.abc import Iterable, Mapping, Sequence
from decimal import Decimal
from difflib import SequenceMatcher
from typing import NamedTuple

from reporter.curate import yaml_text as yamlwrite
from reporter.curate.metric_guess import (
    guess_metric,
    match_metric,
    metric_names,
    plain_name,
    scope_doubt,
)
from reporter.curate.source_text import SourceText, read_source, read_source_text
from reporter.data.rules import FIELDS
from reporter.errors import UsageProblem
from reporter.messages import Message, say
from reporter.model import units
from reporter.model.period_words import parse_period
from reporter.model.periods import PeriodError
from reporter.model.records import Fact, Metric, Region
from reporter.prose import readings as prose
from reporter.prose import time_words as prose_periods
from reporter.prose.places import Place, RegionMap, sentence_at, sentence_marks
from reporter.prose.script import simplified

__all__ = ["Draft", "Extraction", "SourceText", "extract", "extract_for", "guess_metric", "held_fact", "match_metric",
           "scope_doubt", "unresolved_periods", "drafts_as_json", "drafts_as_yaml", "read_source", "read_source_text"]

JSON_KEYS = ("value", "unit", "qualifier", "period", "yoy_pct", "rank_change", "metric", "label", "quote", "line",
             "column", "written", "period_word", "period_basis", "kind", "change", "note")


class Draft(NamedTuple):
    """One candidate fact, as read; the keys of :data:`JSON_KEYS` come first, in that order (period_basis last)."""

    value: str  # the number as written (1009.0); 三家 → 3, 1.2万家 → 12000
    unit: str
    qualifier: str
    period: str | None  # our period grammar; None when it could not be fixed
    yoy_pct: str | None  # year-over-year %, signed, as written (-14.7)
    rank_change: int | None  # places gained (+) or lost (-)
    metric: str | None  # a catalogue metric id when the label names one
    label: str  # the words before the number
    quote: str  # the sentence or clause, exactly as in the text
    line: int  # 1-based
    column: int  # 1-based, where the number begins
    written: str  # the mention as printed: 9100多万元, 近600台套, 第22位, 三家
    period_word: str  # the time word the period was read from ('' when none was printed)
    region: str = ""
    source: str | None = None
    doubt: Message | None = None  # why the metric the label names was not taken (its scope says otherwise)
    sentence: str = ""  # the whole sentence the number stands in, exactly as in the text
    period_basis: str = "assumed"  # how the period is known: stated, carried, assumed (reporter.prose.frames)
    kind: str = "level"  # level, growth (a rate of its own: value in %), points, rank
    change: str | None = None  # an absolute or points change as printed, signed: +0.14万人, +0.34个百分点
    note: str = ""  # what a reader must know: an estimate (预计) of a period already ended


class Extraction(NamedTuple):
    """What a text holds for one region: its drafts, and the numbers left out as other regions'
    (each with the reason, a message naming the region and the line that names it)."""

    drafts: list[Draft]
    elsewhere: list[tuple[Draft, Message]]


def extract(text: str, region: str, metrics: Mapping[str, Metric] | None = None, as_of: str | None = None,
            source: str | None = None, regions: Mapping[str, Region] | None = None) -> list[Draft]:
    """Draft facts for ``region`` from ``text``, in text order: :func:`extract_for`'s drafts."""
    return extract_for(text, region, metrics, as_of, source, regions).drafts


def extract_for(text: str, region: str, metrics: Mapping[str, Metric] | None = None, as_of: str | None = None,
                source: str | None = None, regions: Mapping[str, Region] | None = None) -> Extraction:
    """Draft facts for ``region`` from ``text``, in text order, and set apart the numbers that are
    another known region's.

    ``as_of`` is the month the text speaks from (``2020-06``; any period of our grammar is taken
    by its last month), against which 今年, 上半年, 1-9月 and 截至目前 are read; without it such
    periods stay None. A number stated twice alike (a summary repeating a figure) is drafted once.
    ``regions`` are the regions of the data: a number whose sentence names another of them, or
    that stands in another's part of the text, is not drafted for ``region`` but listed in
    ``elsewhere`` (the rules: :mod:`reporter.prose.places`). Without ``regions`` every number is
    ``region``'s.
    """
    month = _as_of_month(as_of)
    starts = [0] + [m.end() for m in re.finditer("\n", text)]
    marks = sentence_marks(text)
    known = regions or {}
    places = RegionMap(simplified(text), {r.id: r.names for r in known.values()}) if known else None  # 縣 is 县
    drafts: list[Draft] = []
    elsewhere: list[tuple[Draft, Message]] = []
    seen: dict[tuple[str, ...], int] = {}  # a figure's words -> the line it was first drafted from
    seen_elsewhere: set[tuple[str, ...]] = set()
    for r in prose.read(text):
        qualifier, basis, note = _reading_of(r, month)
        period = prose_periods.resolve_period(r.period, month, r.point, qualifier == "target")
        quote_start, quote_end = r.quote_start, r.quote_end
        while quote_start < quote_end and text[quote_start].isspace():
            quote_start += 1
        while quote_end > quote_start and text[quote_end - 1].isspace():
            quote_end -= 1
        if basis == "stated" and r.period is not None and r.period.start < quote_start:
            basis = "carried"  # its word leads the sentence, outside the words quoted: as check reads the quote
        line = bisect.bisect_right(starts, r.start)
        named = f"{r.label}{r.scope}位次" if r.rank else r.label  # a rank is named by its scope: 全省位次
        # a rate of its own (growth, points) is no level of the metric its label names: the curator says which
        metric, doubt = (guess_metric(simplified(named), simplified(r.unit), metrics)  # 規上企業 read as 规上企业
                         if metrics and r.kind in ("level", "rank") else (None, None))
        sentence_start, sentence_end = sentence_at(text, r.start, marks)
        draft = Draft(r.value, r.unit, qualifier, period, r.yoy, r.rank_change, metric, r.label,
                      text[quote_start:quote_end], line, r.start - starts[line - 1] + 1, r.written,
                      r.period.text if r.period else "", region, source, doubt,
                      text[sentence_start:sentence_end].strip(), basis, r.kind, r.change, note)
        key = (draft.value, draft.unit, draft.qualifier, str(draft.period), str(draft.yoy_pct), draft.label,
               text[max(0, r.quote_start - 12):r.quote_start] if draft.kind == "rank" else "")  # whose rank
        claim = places.claim(r.start, region) if places is not None else None
        if claim is not None:
            if key not in seen_elsewhere:
                seen_elsewhere.add(key)
                elsewhere.append((draft._replace(region=claim.region), _belongs(claim, known[claim.region])))
        elif seen.get(key, line) == line:  # said again on another line (a summary): drafted once
            seen.setdefault(key, line)
            drafts.append(draft)
    return Extraction(drafts, elsewhere)


NEARLY_OVER = 3  # months: 预计 of a period ending within them of the month written is an estimate


def _reading_of(r: prose.Reading, month: int | None) -> tuple[str, str, str]:
    """The qualifier, period basis and note of a reading read against the as-of month: 预计 of a
    period already ended, or in its last quarter (预计全年…, written in November), is an estimate
    of the outcome (not a plan: exact, with a note), and so is 预计 of a period the page does not state
    (a plan names when: 到2025年, 今年); 预计 of a period mostly ahead is a plan; 全年 or 年末 that no
    frame dates is the year under review, read against the as-of month (assumed)."""
    qualifier, basis, note = r.qualifier, r.basis, ""
    if r.qualifier_word in prose.ESTIMATE_WORDS and r.period is not None and month is not None:
        said = prose_periods.resolve_period(r.period, month, r.point)
        last = parse_period(said).last if said is not None and not said.startswith("unstated/") else None
        if last is not None and last < month:
            qualifier, note = "exact", f"an estimate ({r.qualifier_word}) of a period already ended"
        elif last is not None and last - month < NEARLY_OVER:  # 预计全年…, written in November
            qualifier, note = "exact", f"an estimate ({r.qualifier_word}) of a period nearly over"
    elif r.qualifier_word in prose.ESTIMATE_WORDS and r.period is None:  # a plan names its period (到2025年)
        qualifier, note = "exact", f"an estimate ({r.qualifier_word}) of a period the page does not state"
    if r.period is not None and r.period.year is None and r.period.back is None and basis != "assumed" \
            and r.period.kind in ("year", "asof") and r.period.text.startswith(("全年", "年末", "年底")):
        basis = "assumed"
    return qualifier, basis, note


def _belongs(claim: Place, other: Region) -> Message:
    """Why a number is another region's: its sentence names it, or it stands in its part of the text."""
    key = "extract.belongs_sentence" if claim.sentence else "extract.belongs_part"
    return Message(key, name=other.said(), id=other.id, line=claim.line)


def held_fact(draft: Draft, facts: Iterable[Fact]) -> Fact | None:
    """The fact among ``facts`` that already holds what ``draft`` reads, else None: a fact of the
    draft's region and metric, of the same value (in any unit of its family: 9100万元 is 0.91亿元),
    taken from the same words — its quote is the draft's, or stands in the draft's sentence. The
    period is not compared: the same words read as of another month are the same fact, not a new
    one. (A fact's quote that merely holds the draft's shorter one is not enough: 构建率达到35.6%
    may be a later bulletin's words too.)"""
    if draft.metric is None:
        return None
    family = units.family_of(draft.unit)
    value = units.to_base(Decimal(draft.value), draft.unit)
    quote, sentence = _spaced(draft.quote), _spaced(draft.sentence)
    for fact in facts:
        if (fact.region, fact.metric) != (draft.region, draft.metric) or not fact.quote:
            continue
        if units.family_of(fact.quantity.unit) != family or fact.growth_only:  # a change alone: no level
            continue
        if units.to_base(fact.quantity.value, fact.quantity.unit) != value:
            continue
        held = _spaced(fact.quote)
        if held == quote or held in sentence:
            return fact
    return None


def _spaced(text: str) -> str:
    """Text compared as words: runs of white space (a line break in a quote) as one space."""
    return " ".join(text.split())


def _as_of_month(as_of: str | None) -> int | None:
    if as_of is None:
        return None

    try:
        return prose_periods.month_index(as_of)
    except PeriodError:
        raise UsageProblem(Message("extract.bad_as_of", text=as_of)) from None


def unresolved_periods(drafts: Sequence[Draft]) -> list[Message]:
    """One line per draft whose period could not be fixed, saying why (for the command's notes)."""
    out = []
    for d in drafts:
        if d.period is None:
            key = "extract.open_word" if d.period_word else "extract.open_none"
            out.append(Message(key, line=d.line, written=d.written, word=d.period_word))
    return out


# --------------------------------------------------------------------------- renderers


def drafts_as_json(drafts: Sequence[Draft]) -> str:
    """A JSON array of records with the keys of :data:`JSON_KEYS` (value and yoy_pct as written)."""

    return json.dumps([{key: getattr(d, key) for key in JSON_KEYS} for d in drafts], ensure_ascii=False,
                      indent=2) + "\n"


def drafts_as_yaml(drafts: Sequence[Draft], region: str, source: str | None, *, region_exists: bool = False,
                   source_exists: bool = False, text_name: str | None = None, as_of: str | None = None,
                   metrics: Mapping[str, Metric] | None = None, layers: str = "--data bundled",
                    held: Sequence[str | None] | None = None, region_given: Mapping[str, str] | None = None,
                    lang: str = "en") -> str:
    """The drafts as a data file in our format (docs/data-format.md), written as text so that the
    comments and quoting are ours.

    For a new region (``region_exists`` False) its required fields are written empty, marked
    TODO; for a new source (given and not ``source_exists``) too, with the readings of its time
    words. For a region that exists the file is an *addition* (``regions: ID: source, facts``) that
    loads on top of the data defining the region (``layers``, the ``--data`` options that name it):
    ``reporter --data bundled --data drafts.yaml check``. Every guess left open (a metric the label
    did not name, a period that needs ``--as-of``) is an empty ``""`` with a TODO comment:
    ``reporter check`` refuses it and names the line, so nothing unfinished passes silently.
    ``held`` says, draft by draft, where the data already hold one (``file:line``): it is written
    commented out, so that copying the file adds nothing twice.
    """
    said = [Message("extract.draft_from", region=region, text=text_name) if text_name
            else Message("extract.draft", region=region),
            Message("extract.draft_as_of", as_of=as_of) if as_of else "", Message("extract.draft_head")]
    if region_exists:
        said.append(Message("extract.draft_adds", region=region, layers=layers))
    head = "".join(say(part, lang) for part in said)
    lines = [yamlwrite.comment(h) for h in head.split("\n")]
    if source and not source_exists:
        lines += ["sources:", *yamlwrite.source_skeleton(source, 2, 2, text_name, lang=lang)]
        readings: dict[str, str] = {}
        for d in drafts:  # a word's first reading (a level under 上半年 reads as its end, @…)
            if d.period:
                readings.setdefault(d.period_word or "(no period printed)", d.period)
        if readings:
            lines.append(f"    readings:  # {say(Message('extract.readings'), lang)}")
            lines += [f"      {yamlwrite.quoted(word)}: {yamlwrite.quoted(period)}" for word, period in readings.items()]
    lines.append("regions:")
    if region_exists:
        lines.append(f"  {yamlwrite.key(region)}:")
        if source:
            lines.append(f"    source: {yamlwrite.key(source)}")
    else:
        lines += yamlwrite.region_skeleton(region, 2, 2, given=region_given, source=source, lang=lang)
    kept = [d for d, there in zip(drafts, held or [None] * len(drafts)) if there is None]
    if not drafts:
        lines.append("    facts: []  # the text states no number with a unit")
    else:  # every draft held already: an empty list, the drafts below it as comments
        lines.append("    facts:" if kept else "    facts: []  # every draft below is in the data already")
    for d, there in zip(drafts, held or [None] * len(drafts)):
        if there is None:
            lines += _fact_lines(d, metrics, lang)
        else:  # the same value from the same words is in the data already: shown, not to be added again
            lines.append(f"      # {say(Message('extract.held', where=there), lang)}")
            lines += [line if line.lstrip().startswith("#") else f"      # {line[6:]}"
                      for line in _fact_lines(d, metrics, lang)]
    return "\n".join(lines) + "\n"


def _fact_lines(d: Draft, metrics: Mapping[str, Metric] | None, lang: str = "en") -> list[str]:
    none = say(Message("extract.unprinted"), lang)
    said = f"{d.period_word} → {d.period}" if d.period_word and d.period else d.period_word or none
    label = d.label or say(Message("extract.no_label"), lang)
    out = [yamlwrite.comment(f"      # {say(Message('extract.line', line=d.line), lang)}: {d.written} · {label} · {said}")]
    if d.metric:
        out.append(f"      - metric: {d.metric}")
    else:
        hint = f"{d.label} ({d.unit})"
        close = _closest(d, metrics) if metrics else None
        if d.doubt is not None:
            out.append(yamlwrite.comment(f"      # {d.doubt.text(lang)}"))
        elif close:
            hint += say(Message("extract.closest", id=close.id, zh=close.zh), lang)
        out.append(yamlwrite.todo_line(6, "- metric", say(Message("extract.metric_for", hint=hint), lang)))
    out += [f"        value: {d.value}", f"        unit: {yamlwrite.text(d.unit)}"]
    if d.period:
        out.append(f"        period: {yamlwrite.period(d.period)}")
    else:
        why = say(Message("extract.which_year", word=d.period_word) if d.period_word else Message("extract.as_of_when"),
                  lang)
        out.append(yamlwrite.todo_line(8, "period", why))
    out += _basis_lines(d)
    if d.qualifier != "exact":
        out.append(f"        qualifier: {d.qualifier}")
    if d.yoy_pct is not None:
        out.append(f"        yoy_pct: {d.yoy_pct}")
    if d.rank_change is not None:
        out.append(f"        rank_change: {d.rank_change}")
    if d.note:
        out.append(f"        note: {yamlwrite.text(d.note)}")
    out.append(f"        quote: {yamlwrite.quoted(d.quote)}")
    return out


def _basis_lines(d: Draft) -> list[str]:
    """How the period is known, the kind of a figure that is a change of its own, and a change
    the format has no field for, as lines: ``period_basis`` a field where the data format holds
    it, else (like the others) a comment for the curator."""

    out = []
    if "period_basis" in FIELDS["fact"]:
        out.append(f"        period_basis: {d.period_basis}")
    else:
        out.append(f"        # period_basis: {d.period_basis}")
    if d.kind in ("growth", "points"):
        out.append(yamlwrite.comment(f"        # kind: {d.kind} (the value is the change itself: {d.written})"))
    if d.change:
        out.append(yamlwrite.comment(f"        # change reported: {d.change}"))
    return out


def _closest(d: Draft, metrics: Mapping[str, Metric]) -> Metric | None:
    """The catalogue metric whose name reads most like the label (a hint in a comment, never data)."""

    plain = plain_name(d.label)
    family = units.family_of(d.unit)
    scored = [(max(SequenceMatcher(None, plain, n).ratio() for n in metric_names(m) or [m.id]), m.id, m)
              for m in metrics.values() if units.family_of(m.unit) == family]
    best = max(scored, default=None, key=lambda t: (t[0], t[1]))
    return best[2] if best is not None and best[0] >= 0.5 else None
