"""Draft the facts of a new article: ``reporter extract``'s engine and its two renderers.

:func:`extract` reads a text with :mod:`reporter.prose` and returns one :class:`Draft` per number
that states a fact: value and unit as written, qualifier, period in our grammar (or None when it
could not be fixed), reported change, the catalogue metric its label names (or None), the label,
the verbatim quote and where it is. :func:`drafts_as_json` and :func:`drafts_as_yaml` render
them; the YAML is our data format with every guess left to the curator written as an empty
``""`` marked ``# TODO``, which ``reporter check`` refuses at its line. Nothing here writes a file.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import NamedTuple

from reporter import prose, prose_periods, units, yamlwrite
from reporter.errors import DataError, UsageProblem
from reporter.model import Metric

__all__ = ["Draft", "extract", "match_metric", "unresolved_periods", "drafts_as_json", "drafts_as_yaml",
           "read_source_text"]

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


def extract(text: str, region: str, metrics: Mapping[str, Metric] | None = None, as_of: str | None = None,
            source: str | None = None) -> list[Draft]:
    """Draft facts for ``region`` from ``text``, in text order.

    ``as_of`` is the month the text speaks from (``2020-06``; any period of our grammar is taken
    by its last month), against which 今年, 上半年, 1-9月 and 截至目前 are read; without it such
    periods stay None. A number stated twice alike (a summary repeating a figure) is drafted once.
    """
    month = _as_of_month(as_of)
    starts = [0] + [m.end() for m in re.finditer("\n", text)]
    drafts: list[Draft] = []
    seen: set[tuple[str, ...]] = set()
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
        draft = Draft(r.value, r.unit, qualifier, period, r.yoy, r.rank_change,
                      match_metric(named, r.unit, metrics) if metrics else None, r.label,
                      text[quote_start:quote_end], line, r.start - starts[line - 1] + 1, r.written,
                      r.period.text if r.period else "", region, source)
        key = (draft.value, draft.unit, draft.qualifier, str(draft.period), str(draft.yoy_pct), draft.label)
        if key not in seen:
            seen.add(key)
            drafts.append(draft)
    return drafts


def _as_of_month(as_of: str | None) -> int | None:
    if as_of is None:
        return None
    from reporter.periods import PeriodError

    try:
        return prose_periods.month_index(as_of)
    except PeriodError:
        from reporter.messages import Message

        raise UsageProblem(Message("extract.as_of", as_of=as_of)) from None


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


def unresolved_periods(drafts: Sequence[Draft]) -> list[str]:
    """One line per draft whose period could not be fixed, saying why (for the command's notes)."""
    out = []
    for d in drafts:
        if d.period is None:
            why = f"'{d.period_word}' needs --as-of" if d.period_word else "no period printed; give --as-of"
            out.append(f"line {d.line}: {d.written}: {why}")
    return out


# --------------------------------------------------------------------------- renderers


def drafts_as_json(drafts: Sequence[Draft]) -> str:
    """A JSON array of records with the keys of :data:`JSON_KEYS` (value and yoy_pct as written)."""
    import json

    return json.dumps([{key: getattr(d, key) for key in JSON_KEYS} for d in drafts], ensure_ascii=False,
                      indent=2) + "\n"


def drafts_as_yaml(drafts: Sequence[Draft], region: str, source: str | None, *, region_exists: bool = False,
                   source_exists: bool = False, text_name: str | None = None, as_of: str | None = None,
                   metrics: Mapping[str, Metric] | None = None, layers: str = "--data bundled") -> str:
    """The drafts as a data file in our format (docs/data-format.md), written as text so that the
    comments and quoting are ours.

    For a new region (``region_exists`` False) its required fields are written empty, marked
    TODO; for a new source (given and not ``source_exists``) too, with the readings of its time
    words. For a region that exists the file is an *addition* (``regions: ID: source, facts``) that
    loads on top of the data defining the region (``layers``, the ``--data`` options that name it):
    ``reporter --data bundled --data drafts.yaml check``. Every guess left open (a metric the label
    did not name, a period that needs ``--as-of``) is an empty ``""`` with a TODO comment:
    ``reporter check`` refuses it and names the line, so nothing unfinished passes silently.
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
    lines.append("    facts:" if drafts else "    facts: []  # the text states no number with a unit")
    for d in drafts:
        lines += _fact_lines(d, metrics)
    return "\n".join(lines) + "\n"


def _fact_lines(d: Draft, metrics: Mapping[str, Metric] | None) -> list[str]:
    said = f"{d.period_word} → {d.period}" if d.period_word and d.period else d.period_word or "no period printed"
    out = [yamlwrite.comment(f"      # line {d.line}: {d.written} · {d.label or '(no label)'} · {said}")]
    if d.metric:
        out.append(f"      - metric: {d.metric}")
    else:
        hint = f"{d.label} ({d.unit})"
        close = _closest(d, metrics) if metrics else None
        if close:
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


def read_source_text(path: str | Path) -> str:
    """A source text as UTF-8 (a BOM is fine), or :class:`DataError` saying why not, with the
    GB18030 hint for a file saved in the old Chinese encoding."""
    from reporter.yamlfile import read_text

    text, problems = read_text(Path(path), what="UTF-8 text")  # the reader data files use; a source is no YAML
    if text is None:
        raise DataError(problems)
    return text
