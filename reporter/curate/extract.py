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
import re
from collections.abc import Iterable, Mapping, Sequence
from decimal import Decimal
from pathlib import Path
from typing import NamedTuple

from reporter.curate import yaml_text as yamlwrite
from reporter.errors import DataError, Problem, UsageProblem
from reporter.messages import Message
from reporter.model import units
from reporter.model.records import Fact, Metric, Region
from reporter.prose import readings as prose
from reporter.prose import time_words as prose_periods
from reporter.prose.places import Place, RegionMap, sentence_at

__all__ = ["Draft", "Extraction", "SourceText", "extract", "extract_for", "guess_metric", "held_fact", "match_metric",
           "scope_doubt", "unresolved_periods", "drafts_as_json", "drafts_as_yaml", "read_source", "read_source_text"]

JSON_KEYS = ("value", "unit", "qualifier", "period", "yoy_pct", "rank_change", "metric", "label", "quote", "line",
             "column", "written", "period_word")


class Draft(NamedTuple):
    """One candidate fact, as read; the keys of :data:`JSON_KEYS` come first, in that order."""

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
    known = regions or {}
    places = RegionMap(text, {r.id: r.names for r in known.values()}) if known else None
    drafts: list[Draft] = []
    elsewhere: list[tuple[Draft, Message]] = []
    seen: set[tuple[str, ...]] = set()
    seen_elsewhere: set[tuple[str, ...]] = set()
    for r in prose.read(text):
        qualifier = r.qualifier
        period = prose_periods.resolve_period(r.period, month, r.point, qualifier == "target")
        quote_start, quote_end = r.quote_start, r.quote_end
        while quote_start < quote_end and text[quote_start].isspace():
            quote_start += 1
        while quote_end > quote_start and text[quote_end - 1].isspace():
            quote_end -= 1
        line = bisect.bisect_right(starts, r.start)
        named = f"{r.label}{r.scope}位次" if r.rank else r.label  # a rank is named by its scope: 全省位次
        metric, doubt = guess_metric(named, r.unit, metrics) if metrics else (None, None)
        sentence_start, sentence_end = sentence_at(text, r.start)
        draft = Draft(r.value, r.unit, qualifier, period, r.yoy, r.rank_change, metric, r.label,
                      text[quote_start:quote_end], line, r.start - starts[line - 1] + 1, r.written,
                      r.period.text if r.period else "", region, source, doubt,
                      text[sentence_start:sentence_end].strip())
        key = (draft.value, draft.unit, draft.qualifier, str(draft.period), str(draft.yoy_pct), draft.label)
        claim = places.claim(r.start, region) if places is not None else None
        if claim is not None:
            if key not in seen_elsewhere:
                seen_elsewhere.add(key)
                elsewhere.append((draft._replace(region=claim.region), _belongs(claim, known[claim.region])))
        elif key not in seen:
            seen.add(key)
            drafts.append(draft)
    return Extraction(drafts, elsewhere)


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
    from reporter.model.periods import PeriodError

    try:
        return prose_periods.month_index(as_of)
    except PeriodError:
        raise UsageProblem(Message("extract.bad_as_of", text=as_of)) from None


def _plain(name: str) -> str:
    """A name compared without quotes, list marks and spaces (“众创空间” matches 众创空间)."""
    return re.sub(r"[“”\"'‘’「」、\s]", "", name).lower()


def _names(metric: Metric) -> list[str]:
    names = [_plain(n) for n in (metric.zh, metric.en, *metric.aliases)]
    return [n for n in names if n and not (n.isascii() and len(n) < 4)]  # 'rd' is in too many words


def match_metric(label: str, unit: str, metrics: Mapping[str, Metric]) -> str | None:
    """The metric a label names: the longest catalogue name or alias inside it; else, for a label
    of four characters or more, the one metric whose name holds it. Units must share a family."""
    plain = _plain(label)
    if not plain:
        return None
    family = units.family_of(unit)
    fitting = [m for m in metrics.values() if units.family_of(m.unit) == family]
    best, length = None, 0
    for metric in fitting:
        for name in _names(metric):
            if name in plain and len(name) > length:
                best, length = metric.id, len(name)
    if best is not None or len(plain) < 4:
        return best
    holding = {m.id for m in fitting if any(plain in name for name in _names(m))}
    return holding.pop() if len(holding) == 1 else None


# --------------------------------------------------------------------------- scopes a guess must not contradict

# Who is counted, widest first: a figure for 全社会 is not one for 规上企业, nor 规上工业's for 规上's.
POPULATIONS = (("全社会",), ("规上工业", "规模以上工业"), ("规上", "规模以上"))
LEVELS = ("国家级", "省级", "市级", "县级", "区级")
NEW_WORDS = ("新认定", "新增", "新建", "新引进", "新招引", "新申报", "新设立", "新入驻")  # a flow: newly …
TOTAL_WORDS = ("总数", "总量", "累计", "共有", "拥有", "现有")  # a level: how many there are


def _first(words: Sequence[str], text: str) -> str | None:
    return next((w for w in words if w in text), None)


def _population(text: str) -> str | None:
    """The population a name counts (全社会, 规上工业, 规上) as written, or None."""
    return next((w for group in POPULATIONS for w in group if w in text), None)


def _group(word: str) -> int:
    return next(i for i, group in enumerate(POPULATIONS) if word in group)


def scope_doubt(label: str, metric: Metric) -> Message | None:
    """Why ``metric`` is not what ``label`` counts, when their words say so; else None.

    The label's population (全社会 against 规上企业), its level (省级 against 国家级), or its
    flow word (新认定…两家: newly recognised) against a stock (how many there are), and a
    total against a flow of new ones.
    """
    said, meant = _population(label), _population(metric.zh)
    if said and meant and _group(said) != _group(meant):
        return Message("extract.doubt_scope", metric=metric.id, name=metric.zh, said=said, meant=meant)
    said, meant = _first(LEVELS, label), _first(LEVELS, metric.zh)
    if said and meant and said != meant:
        return Message("extract.doubt_scope", metric=metric.id, name=metric.zh, said=said, meant=meant)
    new = _first(NEW_WORDS, label)
    if new and metric.kind == "stock" and not _first(NEW_WORDS, metric.zh):
        return Message("extract.doubt_flow", metric=metric.id, name=metric.zh, said=new)
    total = _first(TOTAL_WORDS, label)
    if total and metric.kind in ("flow", "count") and _first(NEW_WORDS, metric.zh):
        return Message("extract.doubt_stock", metric=metric.id, name=metric.zh, said=total)
    return None


def guess_metric(label: str, unit: str, metrics: Mapping[str, Metric]) -> tuple[str | None, Message | None]:
    """The metric a label names (:func:`match_metric`), unless the label's scope words contradict
    it (:func:`scope_doubt`): then no metric, and why, for the curator."""
    found = match_metric(label, unit, metrics)
    doubt = scope_doubt(label, metrics[found]) if found else None
    return (None, doubt) if doubt else (found, None)


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
    import json

    return json.dumps([{key: getattr(d, key) for key in JSON_KEYS} for d in drafts], ensure_ascii=False,
                      indent=2) + "\n"


def drafts_as_yaml(drafts: Sequence[Draft], region: str, source: str | None, *, region_exists: bool = False,
                   source_exists: bool = False, text_name: str | None = None, as_of: str | None = None,
                   metrics: Mapping[str, Metric] | None = None, layers: str = "--data bundled",
                   held: Sequence[str | None] | None = None) -> str:
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
    whence = f" from {text_name}" if text_name else ""
    head = [f"# Draft facts for region '{region}', read by reporter extract{whence}"
            f"{f', periods read as of {as_of}' if as_of else ''}.",
            "# A draft, not data: compare each fact with its quote, delete the ones you do not want,",
            '# and fill every "" marked TODO (reporter check refuses an empty field and names its line).',
            "# A metric the catalogue lacks needs an entry under metrics: (docs/data-format.md#metrics)."]
    if region_exists:
        head.append(f"# It adds to region '{region}' of your data; check it on top of that data:")
        head.append(f"#   reporter {layers} --data THIS-FILE check")
    lines = [yamlwrite.comment(h) for h in head]
    if source and not source_exists:
        lines += ["sources:", *yamlwrite.source_skeleton(source, 2, 2, text_name)]
        readings: dict[str, str] = {}
        for d in drafts:  # a word's first reading (a level under 上半年 reads as its end, @…)
            if d.period:
                readings.setdefault(d.period_word or "(no period printed)", d.period)
        if readings:
            lines.append("    readings:  # how extract read the time words")
            lines += [f"      {yamlwrite.quoted(word)}: {yamlwrite.quoted(period)}" for word, period in readings.items()]
    lines.append("regions:")
    if region_exists:
        lines.append(f"  {yamlwrite.key(region)}:")
        if source:
            lines.append(f"    source: {yamlwrite.key(source)}")
    else:
        lines += yamlwrite.region_skeleton(region, 2, 2, source=source)
    kept = [d for d, there in zip(drafts, held or [None] * len(drafts)) if there is None]
    if not drafts:
        lines.append("    facts: []  # the text states no number with a unit")
    else:  # every draft held already: an empty list, the drafts below it as comments
        lines.append("    facts:" if kept else "    facts: []  # every draft below is in the data already")
    for d, there in zip(drafts, held or [None] * len(drafts)):
        if there is None:
            lines += _fact_lines(d, metrics)
        else:  # the same value from the same words is in the data already: shown, not to be added again
            lines.append(f"      # already in the data ({there}):")
            lines += [line if line.lstrip().startswith("#") else f"      # {line[6:]}"
                      for line in _fact_lines(d, metrics)]
    return "\n".join(lines) + "\n"


def _fact_lines(d: Draft, metrics: Mapping[str, Metric] | None) -> list[str]:
    said = f"{d.period_word} → {d.period}" if d.period_word and d.period else d.period_word or "no period printed"
    out = [yamlwrite.comment(f"      # line {d.line}: {d.written} · {d.label or '(no label)'} · {said}")]
    if d.metric:
        out.append(f"      - metric: {d.metric}")
    else:
        hint = f"{d.label} ({d.unit})"
        close = _closest(d, metrics) if metrics else None
        if d.doubt is not None:
            out.append(yamlwrite.comment(f"      # {d.doubt.text('en')}"))
        elif close:
            hint += f"; closest: {close.id} {close.zh}"
        out.append(yamlwrite.todo_line(6, "- metric", f"metric for {hint}"))
    out += [f"        value: {d.value}", f"        unit: {yamlwrite.text(d.unit)}"]
    if d.period:
        out.append(f"        period: {yamlwrite.period(d.period)}")
    else:
        why = f"{d.period_word}: which year? (give --as-of)" if d.period_word else "no period printed: as of when?"
        out.append(yamlwrite.todo_line(8, "period", why))
    if d.qualifier != "exact":
        out.append(f"        qualifier: {d.qualifier}")
    if d.yoy_pct is not None:
        out.append(f"        yoy_pct: {d.yoy_pct}")
    if d.rank_change is not None:
        out.append(f"        rank_change: {d.rank_change}")
    out.append(f"        quote: {yamlwrite.quoted(d.quote)}")
    return out


def _closest(d: Draft, metrics: Mapping[str, Metric]) -> Metric | None:
    """The catalogue metric whose name reads most like the label (a hint in a comment, never data)."""
    from difflib import SequenceMatcher

    plain = _plain(d.label)
    family = units.family_of(d.unit)
    scored = [(max(SequenceMatcher(None, plain, n).ratio() for n in _names(m) or [m.id]), m.id, m)
              for m in metrics.values() if units.family_of(m.unit) == family]
    best = max(scored, default=None, key=lambda t: (t[0], t[1]))
    return best[2] if best is not None and best[0] >= 0.5 else None


class SourceText(NamedTuple):
    """A source text as read, and the encoding it was read in (``utf-8`` or ``gb18030``)."""

    text: str
    encoding: str


def read_source(path: str | Path) -> SourceText:
    """A source text: UTF-8 (a BOM is fine), or GB18030, the older Chinese encoding many bureau files
    are still saved in (the caller says it was read so). Anything else, binary data or bytes that
    are no Chinese text in GB18030 (Big5, Latin-1), is a :class:`DataError` with the hint to re-save
    it as UTF-8."""
    from reporter.data.yaml_file import decode_utf8, read_bytes

    data, problems = read_bytes(Path(path))
    if data is None:
        raise DataError(problems)
    text, problems = decode_utf8(data, str(path), "UTF-8 text")
    if text is not None:
        return SourceText(text, "utf-8")
    wrong = problems[0]
    if not isinstance(wrong.message, Message) or wrong.message.key != "file.not_utf8":
        raise DataError(problems)  # binary: no encoding helps
    chinese = _gb18030(data)
    if chinese is not None:
        return SourceText(chinese, "gb18030")
    guess: Message | str = ""
    try:
        data.decode("big5")
        guess = Message("file.looks_like", encoding="BIG5")
    except UnicodeDecodeError:
        pass
    raise DataError([Problem(wrong.path, wrong.line, wrong.column,
                             Message("file.not_utf8", byte=wrong.message.values["byte"], guess=guess))])


def _gb18030(data: bytes) -> str | None:
    """``data`` as GB18030 when it reads as Chinese text: nearly every character outside ASCII one of
    GB2312's common set. Big5 or Latin-1 bytes also decode as GB18030 now and then, into characters
    few texts use; those are refused."""
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError:
        return None
    wide = [ch for ch in text if ord(ch) > 0x7F]
    common = sum(1 for ch in wide if _in_gb2312(ch))
    return text if wide and common >= 0.95 * len(wide) else None


def _in_gb2312(ch: str) -> bool:
    try:
        ch.encode("gb2312")
    except UnicodeEncodeError:
        return False
    return True


def read_source_text(path: str | Path) -> str:
    """The text of :func:`read_source`, whatever its encoding."""
    return read_source(path).text
