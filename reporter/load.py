"""YAML data files -> validated :class:`~reporter.model.Dataset`.

Every problem is collected (like a compiler, all of a file's problems in one run) and
names ``file:line:column``; nothing but :class:`~reporter.errors.DataError` escapes.
The format is documented in ``docs/data-format.md``.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from reporter import units
from reporter.errors import DataError, Problem
from reporter.model import (
    KINDS,
    LEVELS,
    POLARITIES,
    QUALIFIERS,
    Dataset,
    Fact,
    Highlight,
    LazyDataset,
    Metric,
    Origin,
    Quantity,
    Region,
    SeriesChunk,
    Source,
    Theme,
)
from reporter.paths import bundled_data_path, resolve_data_path  # noqa: F401 (re-exported)
from reporter.periods import Period, PeriodError, parse_period
from reporter.yamlfile import compose, data_files, read_text

_ID = re.compile(r"[a-z0-9][a-z0-9_-]*")
_NUMBER = re.compile(r"-?(0|[1-9][0-9]*)(\.[0-9]+)?")
_INTEGER = re.compile(r"[-+]?(0|[1-9][0-9]*)")

def load_dataset(path: Path | str) -> Dataset | LazyDataset:
    """Load, validate and cross-check a data file or a directory of them."""
    path = Path(path)
    files, problems = data_files(path)
    if problems:
        raise DataError(problems)
    import gc

    # A large file makes hundreds of thousands of long-lived objects and no cycles: without
    # this the cyclic collector rescans the growing node graph again and again (a third of
    # the load time for 45,000 values).
    collecting = gc.isenabled()
    gc.disable()
    try:
        builder = _Builder()
        for file in files:
            builder.read_file(file)
        return builder.finish(tuple(str(f) for f in files))
    finally:
        if collecting:
            gc.enable()


# --------------------------------------------------------------------------- reading nodes

class _Node:
    """A YAML node with the file it came from, so every complaint can say where (a plain slotted
    class: tens of thousands are made for a large file)."""

    __slots__ = ("node", "path")

    def __init__(self, node: Any, path: str) -> None:
        self.node = node
        self.path = path

    @property
    def line(self) -> int:
        return self.node.start_mark.line + 1

    @property
    def column(self) -> int:
        return self.node.start_mark.column + 1

    @property
    def origin(self) -> Origin:
        mark = self.node.start_mark
        return Origin(self.path, mark.line + 1, mark.column + 1)


_Spec = dict[str, tuple[bool, Callable[..., Any]]]  # field -> (required, reader)


@dataclass
class _Builder:
    problems: list[Problem] = field(default_factory=list)
    sources: dict[str, Source] = field(default_factory=dict)
    themes: dict[str, Theme] = field(default_factory=dict)
    metrics: dict[str, Metric] = field(default_factory=dict)
    regions: dict[str, Region] = field(default_factory=dict)
    facts: list[Fact | SeriesChunk] = field(default_factory=list)  # in file order
    highlights: list[Highlight] = field(default_factory=list)
    where: dict[tuple[str, str], Origin] = field(default_factory=dict)
    broken: set[str] = field(default_factory=set)  # metrics defined with problems: no follow-on errors
    rules: dict[tuple[str, str, str], Any] = field(default_factory=dict)

    # -- primitive readers: each returns a value or None after recording a problem

    def problem(self, at: _Node, message: str) -> None:
        self.problems.append(Problem(at.path, at.line, at.column, message))

    def kind(self, at: _Node) -> str:
        return type(at.node).__name__.replace("Node", "").lower()

    def mapping(self, at: _Node, what: str) -> dict[str, tuple[_Node, _Node]] | None:
        if type(at.node).__name__ != "MappingNode":
            self.problem(at, f"{what} should be a mapping (key: value), found a {self.kind(at)}")
            return None
        return {k.value: (_Node(k, at.path), _Node(v, at.path)) for k, v in at.node.value}

    def sequence(self, at: _Node, what: str) -> list[_Node] | None:
        if type(at.node).__name__ != "SequenceNode":
            self.problem(at, f"{what} should be a list (- item), found a {self.kind(at)}")
            return None
        return [_Node(n, at.path) for n in at.node.value]

    def text(self, at: _Node, what: str) -> str | None:
        if type(at.node).__name__ != "ScalarNode":
            self.problem(at, f"{what} should be text, found a {self.kind(at)}")
            return None
        value = at.node.value.strip()
        if not value or (not at.node.style and value in ("~", "null", "Null", "NULL")):
            self.problem(at, f"{what} is empty")
            return None
        return value

    def ident(self, at: _Node, what: str) -> str | None:
        value = self.text(at, what)
        if value is not None and not _ID.fullmatch(value):
            self.problem(at, f"{what} '{value}' should be lower-case letters, digits, '-' or '_'")
            return None
        return value

    def texts(self, at: _Node, what: str) -> tuple[str, ...] | None:
        items = self.sequence(at, what)
        if items is None:
            return None
        values = [self.text(item, f"each of {what}") for item in items]
        return tuple(v for v in values if v is not None)

    def number(self, at: _Node, what: str) -> str | None:
        """A number's text, checked: the model keeps numbers as written."""
        value = self.text(at, what)
        if value is None:
            return None
        if _NUMBER.fullmatch(value):
            return value
        if re.fullmatch(r"-?0[0-9]+(\.[0-9]+)?", value):
            hint = "drop the leading zero (YAML 1.1 would even read 010 as 8)"
        elif re.fullmatch(r"-?[0-9]{1,3}(,[0-9]{3})+(\.[0-9]+)?", value):
            hint = "write it without thousands separators"
        elif re.fullmatch(r"-?[0-9.]+[eE][-+]?[0-9]+", value):
            hint = "write the number in full, as printed in the source"
        elif value.endswith("%"):
            hint = "write the number without '%'; the unit says it is a percentage"
        else:
            hint = "expected a number written in digits, like 2.06 or 1009.0"
        self.problem(at, f"{what} '{value}' is not a number: {hint}")
        return None

    def integer(self, at: _Node, what: str) -> int | None:
        value = self.text(at, what)
        if value is None:
            return None
        if not _INTEGER.fullmatch(value):
            self.problem(at, f"{what} '{value}' should be a whole number")
            return None
        return int(value)

    def period(self, at: _Node, what: str) -> Period | None:
        value = self.text(at, what)
        if value is None:
            return None
        try:
            return parse_period(value)
        except PeriodError as exc:
            self.problem(at, f"{what}: {exc} (docs/data-format.md, Periods)")  # it names the forms expected
            return None

    def choice(self, options: tuple[str, ...]) -> Callable[[_Node, str], str | None]:
        def read(at: _Node, what: str) -> str | None:
            value = self.text(at, what)
            if value is not None and value not in options:
                self.problem(at, f"{what} '{value}' should be one of: {', '.join(options)}")
                return None
            return value
        return read

    def fields(self, at: _Node, what: str, spec: _Spec) -> dict[str, Any] | None:
        """Read a mapping against a spec: unknown fields and missing required ones are problems."""
        items = self.mapping(at, what)
        if items is None:
            return None
        out: dict[str, Any] = {"@": at}
        ok = True
        for key, (knode, vnode) in items.items():
            if key not in spec:
                known = ", ".join(spec)
                self.problem(knode, f"unknown field '{key}' in {what}; known fields: {known}")
                ok = False
                continue
            value = spec[key][1](vnode, f"{key}")
            if value is None:
                ok = False
            out[key] = value
            out["@" + key] = vnode
        for key, (required, _) in spec.items():
            if required and key not in items:
                self.problem(at, f"{what} lacks required field '{key}'")
                ok = False
        return out if ok else None

    # -- sections

    def read_file(self, path: Path) -> None:
        where = str(path)
        text, problems = read_text(path)
        if text is None:
            self.problems.extend(problems)
            return
        root, problems = compose(text, where)
        if problems or root is None:
            self.problems.extend(problems)
            return
        top = self.fields(_Node(root, where), "the file", {
            "about": (False, self.text),
            "sources": (False, lambda n, w: n),
            "themes": (False, lambda n, w: n),
            "metrics": (False, lambda n, w: n),
            "regions": (False, lambda n, w: n),
        })
        if top is None:
            return
        for section, reader in (("sources", self.read_source), ("themes", self.read_theme),
                                ("metrics", self.read_metric), ("regions", self.read_region)):
            if section in top:
                entries = self.mapping(top[section], section)
                for knode, vnode in (entries or {}).values():
                    ident = self.ident(knode, f"{section[:-1]} id")
                    if ident is None:
                        continue
                    first = self.where.get((section, ident))
                    if first is not None:
                        self.problem(knode, f"{section[:-1]} '{ident}' is defined twice "
                                            f"(first at {first.path}:{first.line})")
                        continue
                    self.where[(section, ident)] = knode.origin
                    reader(ident, vnode)

    def read_source(self, ident: str, at: _Node) -> None:
        f = self.fields(at, f"source '{ident}'", {
            "publication": (True, self.text), "title": (True, self.text), "date": (True, self.text),
            "column": (False, self.text), "date_note": (False, self.text), "file": (False, self.text),
            "readings": (False, lambda n, w: n),
        })
        if f is None:
            return
        readings: list[tuple[str, str]] = []
        if "readings" in f:
            for word, (_knode, vnode) in (self.mapping(f["readings"], "readings") or {}).items():
                period = self.period(vnode, f"reading of '{word}'")
                if period is not None:
                    readings.append((word, period.canonical))
        self.sources[ident] = Source(ident, f["publication"], f["title"], f["date"], f.get("column", ""),
                                     f.get("date_note", ""), f.get("file", ""), tuple(readings), at.origin)

    def read_theme(self, ident: str, at: _Node) -> None:
        f = self.fields(at, f"theme '{ident}'", {"zh": (True, self.text), "en": (True, self.text)})
        if f is not None:
            self.themes[ident] = Theme(ident, f["zh"], f["en"], len(self.themes))

    def read_metric(self, ident: str, at: _Node) -> None:
        f = self.fields(at, f"metric '{ident}'", {
            "zh": (True, self.text), "en": (True, self.text), "unit": (True, self.text),
            "theme": (True, self.ident), "polarity": (False, self.choice(POLARITIES)),
            "kind": (True, self.choice(KINDS)), "aliases": (False, self.texts), "note": (False, self.text),
        })
        if f is None:
            self.broken.add(ident)
            return
        if f["kind"] == "rank" and f.get("polarity", "lower") != "lower":
            self.problem(f["@polarity"], "a rank is better when smaller: polarity should be 'lower'")
        polarity = f.get("polarity") or ("lower" if f["kind"] == "rank" else "higher")
        self.metrics[ident] = Metric(ident, f["zh"], f["en"], f["unit"], f["theme"], polarity, f["kind"],
                                     f.get("aliases", ()), f.get("note", ""), at.origin)

    def read_region(self, ident: str, at: _Node) -> None:
        f = self.fields(at, f"region '{ident}'", {
            "zh": (True, self.text), "short": (True, self.text), "en": (True, self.text),
            "level": (True, self.choice(LEVELS)), "prefecture": (True, self.text),
            "province": (True, self.text), "prefecture_en": (False, self.text),
            "pinyin": (False, self.text), "aliases": (False, self.texts),
            "source": (False, self.ident), "facts": (False, lambda n, w: self.sequence(n, "facts")),
            "series": (False, lambda n, w: self.mapping(n, "series")),
            "highlights": (False, lambda n, w: self.sequence(n, "highlights")),
        })
        if f is None:
            return
        self.regions[ident] = Region(ident, f["zh"], f["short"], f["en"], f["level"], f["prefecture"],
                                     f["province"], f.get("pinyin", ""), f.get("aliases", ()), at.origin,
                                     f.get("prefecture_en", ""))
        default_source = f.get("source")
        for item in f.get("facts") or ():
            self.read_fact(ident, item, default_source)
        for knode, vnode in (f.get("series") or {}).values():
            self.read_series(ident, knode, vnode, default_source)
        for item in f.get("highlights") or ():
            self.read_highlight(ident, item, default_source)

    def source_of(self, f: dict[str, Any], default: str | None, at: _Node, what: str) -> str | None:
        """A fact's, series' or highlight's source: its own, else its region's, else a problem."""
        source = f.get("source") or default
        if source is None:
            self.problem(at, f"{what} has no source: give 'source' here or on its region")
        return source

    def read_fact(self, region: str, at: _Node, default_source: str | None) -> None:
        f = self.fields(at, "fact", {
            "metric": (True, self.ident), "value": (True, self.number), "unit": (False, self.text),
            "period": (True, self.period), "qualifier": (False, self.choice(QUALIFIERS)),
            "yoy_pct": (False, self.number), "previous": (False, self.number),
            "rank_change": (False, self.integer), "note": (False, self.text),
            "source": (False, self.ident), "quote": (True, self.text),
        })
        if f is None:
            return
        source = self.source_of(f, default_source, at, "fact")
        if source is None:
            return
        self.facts.append(Fact(
            region, f["metric"], Quantity(f["value"], f.get("unit", ""), f.get("qualifier", "exact")),
            f["period"], source, " ".join(f["quote"].split()), f.get("yoy_pct"), f.get("previous"),
            f.get("rank_change"), f.get("note", ""), at.origin))

    def read_series(self, region: str, key: _Node, at: _Node, default_source: str | None) -> None:
        """A compact series: ``values`` is a mapping ``{PERIOD: VALUE}`` or one string of
        ``PERIOD=VALUE`` pairs (``"2011=123.4 2012=98"``), the cheapest layout for big data."""
        metric = self.ident(key, "series metric id")
        f = self.fields(at, f"series '{key.node.value}'", {
            "unit": (False, self.text), "qualifier": (False, self.choice(QUALIFIERS)),
            "source": (False, self.ident), "quote": (True, self.text), "note": (False, self.text),
            "values": (True, lambda n, w: n),
        })
        if f is None or metric is None:
            return
        source = self.source_of(f, default_source, at, "series")
        if source is None:
            return
        known = self.metrics.get(metric)  # usually defined above; else the unit is filled in at the end
        unit, qualifier = f.get("unit") or (known.unit if known else ""), f.get("qualifier", "exact")
        values: _Node = f["values"]
        kind = type(values.node).__name__
        entries: list[tuple[Period, str, int, int]] = []
        if kind == "MappingNode":
            path, add, is_number = at.path, entries.append, _NUMBER.fullmatch
            for pnode, vnode in values.node.value:
                try:  # the common case, written plainly: "2019": 123.4
                    period = parse_period(pnode.value)
                    if not is_number(vnode.value):
                        raise PeriodError
                except (PeriodError, TypeError, AttributeError):  # anything else: the careful readers
                    slow_period = self.period(_Node(pnode, path), "period")
                    value_node = _Node(vnode, path)
                    value = self.number(value_node, "value")
                    if slow_period is not None and value is not None:
                        add((slow_period, str(value), value_node.line, value_node.column))
                    continue
                mark = vnode.start_mark
                add((period, vnode.value, mark.line + 1, mark.column + 1))
        elif kind == "ScalarNode":
            mark = values.node.start_mark
            line, column = mark.line + 1, mark.column + 1 + (1 if values.node.style else 0)
            offset = 0
            for pair in values.node.value.split(" "):
                if pair:
                    entry = self.series_pair(pair, (line, column + offset), values.path)
                    if entry is not None:
                        entries.append(entry)
                offset += len(pair) + 1
        else:
            self.problem(values, "values should be a mapping {PERIOD: VALUE} or a string \"PERIOD=VALUE ...\"")
        if entries:
            self.facts.append(SeriesChunk(region, metric, unit, qualifier, source, f["quote"], f.get("note", ""),
                                          at.path, tuple(entries)))

    def series_pair(self, pair: str, where: tuple[int, int], path: str) -> tuple[Period, str, int, int] | None:
        period_text, _, value_text = pair.partition("=")
        try:
            period = parse_period(period_text)
        except PeriodError as exc:
            self.problems.append(Problem(path, where[0], where[1], f"series pair '{pair}': {exc}"))
            return None
        if not _NUMBER.fullmatch(value_text):
            self.problems.append(Problem(path, where[0], where[1],
                                         f"series pair '{pair}': expected PERIOD=NUMBER, like 2019=123.4"))
            return None
        return (period, value_text, where[0], where[1])

    def read_highlight(self, region: str, at: _Node, default_source: str | None) -> None:
        f = self.fields(at, "highlight", {
            "text": (True, self.text), "text_en": (False, self.text), "theme": (True, self.ident),
            "period": (False, self.period), "source": (False, self.ident), "quote": (True, self.text),
        })
        if f is None:
            return
        source = self.source_of(f, default_source, at, "highlight")
        if source is None:
            return
        self.highlights.append(Highlight(region, f["theme"], f["text"], source, " ".join(f["quote"].split()),
                                         f.get("text_en", ""), f.get("period"), at.origin))

    # -- cross-checks once every file is read

    def finish(self, paths: tuple[str, ...]) -> Dataset | LazyDataset:
        items: list[Fact | SeriesChunk] = []
        seen: dict[tuple[str, str], dict[str, tuple[str, int]]] = {}  # (region, metric) -> period -> first place
        for item in self.facts:
            if type(item) is SeriesChunk:
                chunk = self.check_chunk(item)  # type: ignore[arg-type]
                if chunk is not None and self.unique(seen, chunk):
                    items.append(chunk)
                continue
            checked = self.check_fact(item)  # type: ignore[arg-type]
            if checked is not None and self.unique(seen, checked):
                items.append(checked)
        for metric in self.metrics.values():
            if metric.theme not in self.themes:
                self.at(metric.origin, f"metric '{metric.id}': unknown theme '{metric.theme}'"
                                       f"{self.suggest(metric.theme, self.themes)}")
        for hl in self.highlights:
            if hl.theme not in self.themes:
                self.at(hl.origin, f"unknown theme '{hl.theme}'{self.suggest(hl.theme, self.themes)}")
            if hl.source not in self.sources:
                self.at(hl.origin, f"unknown source '{hl.source}'{self.suggest(hl.source, self.sources)}")
        if self.problems:
            self.problems.sort(key=lambda p: (p.path, p.line or 0, p.column or 0))
            raise DataError(self.problems)
        if any(type(item) is SeriesChunk for item in items):
            return LazyDataset(self.sources, self.themes, self.metrics, self.regions, items,
                               tuple(self.highlights), paths)
        return Dataset(self.sources, self.themes, self.metrics, self.regions, tuple(items),  # type: ignore[arg-type]
                       tuple(self.highlights), paths)

    def unique(self, seen: dict[tuple[str, str], dict[str, tuple[str, int]]], item: Fact | SeriesChunk) -> bool:
        """Record the periods of a fact or chunk; a period its region and metric already have is a problem."""
        periods = seen.setdefault((item.region, item.metric), {})
        if type(item) is SeriesChunk:
            path = item.path  # type: ignore[union-attr]
            places = [(e[0].canonical, e[2], e[3]) for e in item.entries]  # type: ignore[union-attr]
            if not periods and len({p for p, _, _ in places}) == len(places):  # the usual case, at C speed
                periods.update((p, (path, line)) for p, line, _ in places)
                return True
        else:
            origin = item.origin  # type: ignore[union-attr]
            path = origin.path if origin else "?"
            places = [(item.period.canonical, origin.line if origin else 0,  # type: ignore[union-attr]
                       origin.column if origin else 0)]
        ok = True
        for canonical, line, column in places:
            first = periods.get(canonical)
            if first is not None:
                self.problems.append(Problem(path, line, column, f"a second '{item.metric}' fact for {canonical} "
                                                                 f"(first at {first[0]}:{first[1]})"))
                ok = False
            else:
                periods[canonical] = (path, line)
        return ok

    def check_chunk(self, chunk: SeriesChunk) -> SeriesChunk | None:
        """A series chunk with its unit filled in, its values checked without building facts;
        on any doubt the chunk's facts are built and checked one by one, for exact messages."""
        rule = self.rules.get((chunk.metric, chunk.unit, chunk.source))
        if rule is None and (chunk.metric, chunk.unit, chunk.source) not in self.rules:
            rule = self.rules[(chunk.metric, chunk.unit, chunk.source)] = self.rule_for(
                chunk.metric, chunk.unit, chunk.source)
        if rule is not None:
            unit, nonneg, share, whole, rank = rule
            suspect = False
            for _, text, _, _ in chunk.entries:
                if (nonneg and text[0] == "-") or (whole and "." in text) or share or rank:
                    value = Decimal(text)
                    if ((nonneg and value < 0) or (share and not 0 <= value <= 100)
                            or (whole and value != value.to_integral_value()) or (rank and value < 1)):
                        suspect = True
                        break
            if not suspect:
                return chunk if chunk.unit == unit else chunk._replace(unit=unit)
        for fact in chunk.facts():  # the careful path: each fact's problems, with its line
            self.check_fact_fully(fact)
        return None


    def at(self, origin: Origin | None, message: str) -> None:
        if origin is None:  # pragma: no cover - every loaded object has an origin
            self.problems.append(Problem("?", None, None, message))
        else:
            self.problems.append(Problem(origin.path, origin.line, origin.column or None, message))

    @staticmethod
    def suggest(name: str, known: dict[str, Any]) -> str:
        import difflib

        close = difflib.get_close_matches(name, list(known), n=3, cutoff=0.5)
        return f" (did you mean {', '.join(close)}?)" if close else ""

    def check_fact(self, fact: Fact) -> Fact | None:
        """The fact, valid and with its unit filled in, or None after recording its problems.

        The common case (a plain valid value) takes a fast path with per-(metric, unit, source)
        rules computed once: a large series file has tens of thousands of facts.
        """
        q = fact.quantity
        key = (fact.metric, q.unit, fact.source)
        rule = self.rules.get(key)
        if rule is None:
            rule = self.rules[key] = self.rule_for(*key)
        if rule is not None:
            unit, nonneg, share, whole, rank = rule
            value = q.value
            if not ((nonneg and value < 0) or (share and not 0 <= value <= 100)
                    or (whole and value != value.to_integral_value()) or (rank and value < 1)
                    or fact.rank_change is not None or fact.yoy_written is not None
                    or fact.previous_written is not None):
                return fact if q.unit else fact._replace(quantity=Quantity(q.written, unit, q.qualifier))
        return self.check_fact_fully(fact)

    def rule_for(self, metric_id: str, unit: str, source: str) -> tuple[str, bool, bool, bool, bool] | None:
        """Checks that depend only on metric, unit and source; None when those are themselves wrong."""
        metric = self.metrics.get(metric_id)
        if metric is None or source not in self.sources:
            return None
        unit = unit or metric.unit
        family = units.family_of(unit)
        if family != units.family_of(metric.unit) or metric.kind == "target":
            return None
        return (unit, metric.kind != "rate", family == "percent" and metric.kind == "rate",
                family.startswith("count:") or family == "rank", family == "rank")

    def check_fact_fully(self, fact: Fact) -> Fact | None:
        metric = self.metrics.get(fact.metric)
        ok = True
        if metric is None and fact.metric in self.broken:
            return None
        if metric is None:
            self.at(fact.origin, f"unknown metric '{fact.metric}'{self.suggest(fact.metric, self.metrics)}")
            return None
        if fact.source not in self.sources:
            self.at(fact.origin, f"unknown source '{fact.source}'{self.suggest(fact.source, self.sources)}")
            ok = False
        q = fact.quantity
        unit = q.unit or metric.unit
        if units.family_of(unit) != units.family_of(metric.unit):
            self.at(fact.origin, f"unit '{unit}' does not fit metric '{metric.id}' "
                                 f"(measured in {metric.unit}; same family only)")
            ok = False
        family = units.family_of(unit)
        value = q.value
        if value < 0 and metric.kind != "rate":
            self.at(fact.origin, f"value {value} is negative; a {metric.kind} of {unit} cannot be")
            ok = False
        if family == "percent" and metric.kind == "rate" and not 0 <= value <= 100:
            self.at(fact.origin, f"share {value}% is outside 0-100%")
            ok = False
        if (family.startswith("count:") or family == "rank") and value != value.to_integral_value():
            self.at(fact.origin, f"{value}{unit} should be a whole number")
            ok = False
        if family == "rank" and value < 1:
            self.at(fact.origin, f"rank {value} should be 1 or more")
            ok = False
        if fact.rank_change is not None and metric.kind != "rank":
            self.at(fact.origin, "rank_change is only for rank metrics (use yoy_pct or previous)")
            ok = False
        if fact.rank_change is not None and family == "rank" and value + fact.rank_change < 1:
            self.at(fact.origin, f"rank_change {fact.rank_change} would put the previous rank below 1")
            ok = False
        if fact.yoy_pct is not None and fact.yoy_pct < -100:
            self.at(fact.origin, f"yoy_pct {fact.yoy_pct} is below -100%")
            ok = False
        if fact.previous is not None and fact.previous < 0 and metric.kind != "rate":
            self.at(fact.origin, f"previous {fact.previous} is negative")
            ok = False
        if metric.kind == "target" and q.qualifier != "target":
            self.at(fact.origin, f"metric '{metric.id}' is a target: qualifier should be 'target'")
            ok = False
        if not ok:
            return None
        if q.unit:
            return fact
        return fact._replace(quantity=Quantity(q.written, unit, q.qualifier))
