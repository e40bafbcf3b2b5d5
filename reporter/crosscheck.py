"""What only the whole of the data can tell: the checks run once every file is read.

References (a fact's metric and source, a metric's theme), one fact per region, metric and
period, and the value rules of :mod:`reporter.rules` on every fact and every series value.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from reporter.dataset import Dataset, MemoryStore
from reporter.errors import DataError, Problem
from reporter.messages import Message
from reporter.model import Fact, Highlight, Metric, Origin, Quantity, Region, SeriesChunk, Source, Theme
from reporter.rules import Checks, checks_for, unit_problem


@dataclass
class Parts:
    """What the files define, as read, before the cross-checks."""

    sources: dict[str, Source] = field(default_factory=dict)
    themes: dict[str, Theme] = field(default_factory=dict)
    metrics: dict[str, Metric] = field(default_factory=dict)
    regions: dict[str, Region] = field(default_factory=dict)
    items: list[Fact | SeriesChunk] = field(default_factory=list)  # in file order
    highlights: list[Highlight] = field(default_factory=list)
    where: dict[tuple[str, str], Origin] = field(default_factory=dict)  # (section, id) -> first definition
    broken: set[str] = field(default_factory=set)  # metrics defined with problems: no follow-on errors
    additions: list[tuple[str, Origin]] = field(default_factory=list)  # regions named to add facts to
    region_sources: dict[str, str] = field(default_factory=dict)  # region -> its default source ("" none)
    broken_regions: set[str] = field(default_factory=set)  # regions defined with problems


def cross_check(parts: Parts, problems: list[Problem], paths: tuple[str, ...]) -> Dataset:
    """The dataset, or :class:`DataError` with every problem found while reading and here."""
    checker = _Checker(parts, problems)
    for region, origin in parts.additions:
        if region not in parts.regions and region not in parts.broken_regions:
            checker.at(origin, Message("defined_nowhere", id=region, suggest=_suggest(region, parts.regions),
                                       path=origin.path))
    items = [item for item in map(checker.item, parts.items) if item is not None]
    highlights = [h for h in map(checker.highlight, parts.highlights) if h is not None]
    for metric in parts.metrics.values():
        checker.reference(metric.theme, parts.themes, "theme", metric.origin, Message("metric_prefix", id=metric.id))
    checker.say_unknown()
    if problems:
        problems.sort(key=lambda p: (p.path, p.line or 0, p.column or 0))
        raise DataError(problems)
    return Dataset(parts.sources, parts.themes, parts.metrics, parts.regions, MemoryStore(items, highlights), paths)


class _Checker:
    def __init__(self, parts: Parts, problems: list[Problem]) -> None:
        self.parts = parts
        self.problems = problems
        self.checks: dict[tuple[str, str], tuple[Checks, Message | None]] = {}  # (metric, unit) -> rules, unit
        self.periods: dict[tuple[str, str], dict[str, tuple[str, int]]] = {}  # (region, metric) -> period -> place
        self.unknown: dict[tuple[str, str], list[tuple[Origin | None, Message | str]]] = {}  # (kind, name) -> uses

    def at(self, origin: Origin | None, message: Message) -> None:
        if origin is None:  # pragma: no cover - every loaded object has an origin
            self.problems.append(Problem("?", None, None, message))
        else:
            self.problems.append(Problem(origin.path, origin.line, origin.column or None, message))

    def reference(self, name: str, known: dict[str, Any], kind: str, origin: Origin | None,
                  prefix: Message | str = "") -> bool:
        """Whether ``name`` is defined; an unknown name is reported once, at its first use."""
        if name in known:
            return True
        self.unknown.setdefault((kind, name), []).append((origin, prefix))
        return False

    def say_unknown(self) -> None:
        known: dict[str, dict[str, Any]] = {"theme": self.parts.themes, "source": self.parts.sources,
                                             "metric": self.parts.metrics}
        for (kind, name), uses in self.unknown.items():
            origin, prefix = uses[0]
            others = Message("uses", count=len(uses)) if len(uses) > 1 else ""
            self.at(origin, Message("unknown_name", prefix=prefix, kind=Message(f"part.{kind}"), name=name,
                                    suggest=_suggest(name, known[kind]), uses=others))

    def metric_named(self, name: str, origin: Origin | None) -> Metric | None:
        """The metric a data file names by id, or by its zh or en label or an alias (exactly, any case)."""
        metric = self.parts.metrics.get(name)
        if metric is not None or name in self.parts.broken:
            return metric
        wanted = name.casefold()
        hits = [m for m in self.parts.metrics.values()
                if wanted in (n.casefold() for n in (m.zh, m.en, *m.aliases))]
        if len(hits) == 1:
            return hits[0]
        if hits:
            self.at(origin, Message("ambiguous_metric_name", name=name, ids=", ".join(m.id for m in hits)))
        else:
            self.reference(name, self.parts.metrics, "metric", origin)
        return None

    def source_for(self, region: str, source: str, origin: Origin | None, what: Message) -> str | None:
        """An item's source: its own, else its region's default; None (and a problem) when neither."""
        chosen = source or self.parts.region_sources.get(region, "")
        if not chosen:
            if region in self.parts.regions:
                self.at(origin, Message("no_source", what=what))
            return None
        return chosen if self.reference(chosen, self.parts.sources, "source", origin) else None

    def highlight(self, hl: Highlight) -> Highlight | None:
        if hl.region not in self.parts.regions:
            return None  # an addition to a region defined nowhere: said once, above
        theme_ok = self.reference(hl.theme, self.parts.themes, "theme", hl.origin)
        source = self.source_for(hl.region, hl.source, hl.origin, Message("what.highlight"))
        if not theme_ok or source is None:
            return None
        return hl if hl.source == source else hl._replace(source=source)

    def item(self, item: Fact | SeriesChunk) -> Fact | SeriesChunk | None:
        """The item with its metric, source and unit filled in when it passes every check, else None
        (problems recorded)."""
        if item.region not in self.parts.regions:
            return None  # an addition to a region defined nowhere: said once, above
        metric = self.metric_named(item.metric, _first_origin(item))
        if metric is None:
            return None
        what = Message("what.fact") if isinstance(item, Fact) else Message("what.series", name=item.metric)
        source = self.source_for(item.region, item.source, _first_origin(item), what)
        if item.metric != metric.id or item.source != source:
            item = item._replace(metric=metric.id, source=source or item.source)
        source_ok = source is not None
        unit = item.quantity.unit if isinstance(item, Fact) else item.unit
        unit = unit or metric.unit
        chosen = self.checks.get((metric.id, unit))
        if chosen is None:
            chosen = self.checks[(metric.id, unit)] = (checks_for(metric, unit), unit_problem(metric, unit))
        checks, wrong_unit = chosen
        if isinstance(item, Fact):
            ok = self.fact(item, checks, wrong_unit)
            checked: Fact | SeriesChunk = item if item.quantity.unit else item._replace(
                quantity=Quantity(item.quantity.written, unit, item.quantity.qualifier))
        else:
            ok = self.chunk(item, checks, wrong_unit)
            checked = item if item.unit == unit else item._replace(unit=unit)
        return checked if ok and source_ok and self.unique(checked) else None

    def fact(self, fact: Fact, checks: Checks, wrong_unit: Message | None) -> bool:
        said = [wrong_unit] if wrong_unit else []
        q = fact.quantity
        said += checks.fact_problems(q.written, q.qualifier, fact.yoy_written, fact.previous_written,
                                     fact.rank_change)
        for message in said:
            self.at(fact.origin, message)
        return not said

    def chunk(self, chunk: SeriesChunk, checks: Checks, wrong_unit: Message | None) -> bool:
        """A series' values, each by the same rules as a fact's; the rules' screens pick out the few values
        worth a closer look (in a valid file: none)."""
        entries = chunk.entries
        suspects = None if wrong_unit else checks.suspects([e[1] for e in entries])
        if suspects == []:
            return True
        ok = True
        for _, written, line, column in entries if suspects is None else [entries[i] for i in suspects]:
            said = [wrong_unit] if wrong_unit else []
            said += checks.value_problems(written, chunk.qualifier, screened=False)
            for message in said:
                self.problems.append(Problem(chunk.path, line, column, message))
            ok = ok and not said
        return ok

    def unique(self, item: Fact | SeriesChunk) -> bool:
        """Record the periods of a fact or chunk; a period its region and metric already have is a problem."""
        periods = self.periods.setdefault((item.region, item.metric), {})
        if isinstance(item, SeriesChunk):
            path = item.path
            places = [(e[0].canonical, e[2], e[3]) for e in item.entries]
            if not periods and len({p for p, _, _ in places}) == len(places):  # the usual case, at C speed
                periods.update((p, (path, line)) for p, line, _ in places)
                return True
        else:
            origin = item.origin or Origin("?", 0)
            path = origin.path
            places = [(item.period.canonical, origin.line, origin.column)]
        ok = True
        for canonical, line, column in places:
            first = periods.get(canonical)
            if first is not None:
                self.problems.append(Problem(path, line, column, Message("second_fact", metric=item.metric,
                                                                         period=canonical,
                                                                         first=f"{first[0]}:{first[1]}")))
                ok = False
            else:
                periods[canonical] = (path, line)
        return ok


def _first_origin(item: Fact | SeriesChunk) -> Origin | None:
    if isinstance(item, Fact):
        return item.origin
    _, _, line, column = item.entries[0]
    return Origin(item.path, line, column)


def _suggest(name: str, known: dict[str, Any]) -> Message | str:
    import difflib

    close = difflib.get_close_matches(name, list(known), n=3, cutoff=0.5)
    return Message("suggest", names=", ".join(close)) if close else ""
