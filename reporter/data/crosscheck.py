"""What only the whole of the data can tell: the checks run once every file is read.

References (a fact's metric and source, a metric's theme), one fact per region, metric and
period, and the value rules of :mod:`reporter.data.rules` on every fact and every series value.
"""

from __future__ import annotations

from typing import Any, NamedTuple

from reporter.data.field_lines import FieldLines
from reporter.data.parts import Parts, Unread
from reporter.data.repeats import Earlier, Repeats
from reporter.data.rules import Checks, checks_for, unit_problem
from reporter.data.source_dates import SourceBounds
from reporter.data.suggest import suggest_metric as _suggest_metric
from reporter.data.suggest import suggest_name as _suggest
from reporter.errors import DataError, Problem
from reporter.messages import Message
from reporter.model.dataset import Dataset, MemoryStore
from reporter.model.records import (
    Fact,
    Highlight,
    Metric,
    Origin,
    Quantity,
    SeriesChunk,
)


class Unsure(NamedTuple):
    """Where the data that loaded may lack what the files hold: comparisons between a region's
    periods (plausibility's warnings) are sound only for a region and metric whose every item loaded."""

    everywhere: bool  # some text was not read at all (a syntax error, a misspelt section)
    pairs: frozenset[tuple[str, str | None]]  # (region, metric id); metric None: every metric of the region

    def __contains__(self, pair: object) -> bool:
        if self.everywhere:
            return True
        if not isinstance(pair, tuple) or len(pair) != 2:
            return False
        return (pair[0], None) in self.pairs or pair in self.pairs


class Loaded(NamedTuple):
    """What did load when the data have problems: the items and highlights that passed every check,
    and where that is less than the files hold (``reporter check`` reads the quotes of what loaded)."""

    data: Dataset
    unsure: Unsure


class InvalidData(DataError):
    """The files could be read but hold problems: every problem, and what did load despite them
    (``reporter check`` still reads the quotes of what loaded)."""

    def __init__(self, problems: list[Problem], loaded: Loaded) -> None:
        super().__init__(problems)
        self.loaded = loaded


def cross_check(parts: Parts, problems: list[Problem], paths: tuple[str, ...], earlier: Earlier | None = None) -> Dataset:
    """The dataset, or :class:`DataError` with every problem found while reading and here (and, as
    its ``loaded``, what did pass every check). ``earlier``: the periods of layers already checked
    (reporter.data.overlay), so that a fact in these parts repeating one of theirs is found."""
    checker = _Checker(parts, problems, earlier)
    for region, origin in parts.additions:
        if region not in parts.regions and region not in parts.broken_regions:
            checker.at(origin, Message("defined_nowhere", id=region, suggest=_suggest(region, parts.regions),
                                       path=origin.path))
    for name, origin in parts.source_lines.items():  # a region's default source, said where it is written
        checker.reference(name, parts.sources, "source", origin)
    items = [item for item in map(checker.item, parts.items) if item is not None]
    highlights = [h for h in map(checker.highlight, parts.highlights) if h is not None]
    for unread in parts.unread:
        _unread(checker, unread)
    for metric in parts.metrics.values():
        checker.reference(metric.theme, parts.themes, "theme", metric.origin, Message("metric_prefix", id=metric.id))
    checker.say_unknown()
    data = Dataset(parts.sources, parts.themes, parts.metrics, parts.regions, MemoryStore(items, highlights), paths)
    data.region_sources = parts.region_sources
    if problems:
        problems.sort(key=lambda p: (p.path, p.line or 0, p.column or 0))
        unsure = Unsure(parts.unread_anywhere, frozenset(checker.unsure_pairs()))
        raise InvalidData(problems, Loaded(data, unsure))
    return data


class _Checker:
    def __init__(self, parts: Parts, problems: list[Problem], earlier: Earlier | None = None) -> None:
        self.parts = parts
        self.problems = problems
        self.checks: dict[tuple[str, str], tuple[Checks, Message | None]] = {}  # (metric, unit) -> rules, unit
        self.repeats = Repeats(parts, earlier)  # one fact per region, metric and time span
        # (kind, name) -> its uses: where, what it is, the field that names it
        self.unknown: dict[tuple[str, str], list[tuple[Origin | None, Message | str, str | None]]] = {}
        self.left_out: set[tuple[str, str | None]] = set()  # (region, metric id) of items that did not load
        self.broken = {"metric": parts.broken, "source": parts.broken_sources, "theme": parts.broken_themes}
        self.lines = FieldLines()
        self.bounds = SourceBounds(parts.sources)  # the last month each source can report on

    def at(self, origin: Origin | None, message: Message, key: str | None = None) -> None:
        """Record a problem at ``origin``, or at the line of its field ``key`` when that can be found."""
        if origin is None:  # pragma: no cover - every loaded object has an origin
            self.problems.append(Problem("?", None, None, message))
            return
        if key is not None:
            origin = self.lines.field(origin, key)
        self.problems.append(Problem(origin.path, origin.line, origin.column or None, message))

    def reference(self, name: str, known: dict[str, Any], kind: str, origin: Origin | None,
                  prefix: Message | str = "", key: str | None = None) -> bool:
        """Whether ``name`` is defined; an unknown name is reported once, at its first use (one defined
        with problems is not: its own problems are said)."""
        if name in known:
            return True
        if name not in self.broken.get(kind, ()):
            self.unknown.setdefault((kind, name), []).append((origin, prefix, key))
        return False

    def say_unknown(self) -> None:
        known: dict[str, dict[str, Any]] = {"theme": self.parts.themes, "source": self.parts.sources}
        for (kind, name), uses in self.unknown.items():
            first = min(uses, key=lambda u: (u[0].path, u[0].line) if u[0] else ("", 0))  # in file order
            origin, prefix, key = first
            others = Message("uses", count=len(uses)) if len(uses) > 1 else ""
            suggest = _suggest_metric(name, self.parts.metrics) if kind == "metric" else _suggest(name, known[kind])
            self.at(origin, Message("unknown_name", prefix=prefix, kind=Message(f"part.{kind}"), name=name,
                                    suggest=suggest, uses=others), key)

    def unsure_pairs(self) -> set[tuple[str, str | None]]:
        """The (region, metric id) pairs whose items may not all have loaded (None: any metric)."""
        pairs = set(self.left_out)
        for region, name in self.parts.unsure:
            metric = self.quietly_named(name) if name is not None else None
            pairs.add((region, metric.id if metric else None))
        return pairs

    def quietly_named(self, name: str) -> Metric | None:
        """The metric ``name`` names, as :meth:`metric_named` finds it, saying nothing when none."""
        if name in self.parts.metrics:
            return self.parts.metrics[name]
        wanted = name.casefold()
        hits = [m for m in self.parts.metrics.values() if wanted in (n.casefold() for n in (m.zh, m.en, *m.aliases))]
        return hits[0] if len(hits) == 1 else None

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
            self.at(origin, Message("ambiguous_metric_name", name=name, ids=", ".join(m.id for m in hits)), "metric")
        else:
            self.reference(name, self.parts.metrics, "metric", origin, key="metric")
        return None

    def source_for(self, region: str, source: str, origin: Origin | None, what: Message) -> str | None:
        """An item's source: its own, else its region's default; None (and a problem) when neither."""
        chosen = source or self.parts.region_sources.get(region, "")
        if not chosen:
            if region in self.parts.regions:
                self.at(origin, Message("no_source", what=what))
            return None
        return chosen if self.reference(chosen, self.parts.sources, "source", origin,
                                        key="source" if source else None) else None

    def highlight(self, hl: Highlight) -> Highlight | None:
        if hl.region not in self.parts.regions:
            _unread(self, Unread("highlight", hl.region, {"theme": hl.theme, "source": hl.source},
                               frozenset(), hl.origin or Origin("?", 0)))
            return None
        theme_ok = self.reference(hl.theme, self.parts.themes, "theme", hl.origin, key="theme")
        source = self.source_for(hl.region, hl.source, hl.origin, Message("what.highlight"))
        if not theme_ok or source is None:
            return None
        return hl if hl.source == source else hl._replace(source=source)

    def item(self, item: Fact | SeriesChunk) -> Fact | SeriesChunk | None:
        """The item with its metric, source and unit filled in when it passes every check, else None
        (problems recorded, and its region and metric noted as not wholly loaded)."""
        checked = self._item(item)
        if checked is None:
            metric = self.quietly_named(item.metric)
            self.left_out.add((item.region, metric.id if metric else None))
        return checked

    def _item(self, item: Fact | SeriesChunk) -> Fact | SeriesChunk | None:
        if item.region not in self.parts.regions:
            _unread(self, Unread("fact" if isinstance(item, Fact) else "series", item.region,
                               _values(item), frozenset(), _first_origin(item) or Origin("?", 0)))
            return None
        metric = self.metric_named(item.metric, _first_origin(item))
        what = Message("what.fact") if isinstance(item, Fact) else Message("what.series", name=item.metric)
        source = self.source_for(item.region, item.source, _first_origin(item), what)
        if metric is None:
            return None
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
        return checked if ok and source_ok and self.dated(checked, metric) and self.unique(checked) else None

    def dated(self, item: Fact | SeriesChunk, metric: Metric) -> bool:
        """Whether the item's periods end by its source's date; a period after it is a problem, at its line."""
        late = self.bounds.late(item, metric)
        for origin, message in late:
            self.at(origin, message, "period")
        return not late

    def fact(self, fact: Fact, checks: Checks, wrong_unit: Message | None) -> bool:
        if wrong_unit:
            self.at(fact.origin, wrong_unit, "unit" if fact.quantity.unit else None)
        q = fact.quantity
        if q.written:
            said = checks.fact_problems(q.written, q.qualifier, fact.yoy_written, fact.previous_written,
                                        fact.rank_change)
        else:  # growth-only: the rules on its change, none on a level it does not give
            said = checks.problems_of(_values(fact), frozenset({"value"}))
        for message in said:
            self.at(fact.origin, message)
        return not said and not wrong_unit

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
        return self.repeats.unique(item, self.problems)


def _first_origin(item: Fact | SeriesChunk) -> Origin | None:
    if isinstance(item, Fact):
        return item.origin
    _, _, line, column = item.entries[0]
    return Origin(item.path, line, column)


def _values(item: Fact | SeriesChunk) -> dict[str, Any]:
    """An item's fields as read (its region was not defined, or defined with problems: it is checked
    as an :class:`Unread` part)."""
    if isinstance(item, SeriesChunk):
        return {"metric": item.metric, "source": item.source, **({"unit": item.unit} if item.unit else {})}
    q = item.quantity
    values = {"metric": item.metric, "source": item.source, "value": q.written, "qualifier": q.qualifier,
              "period": item.period, "yoy_pct": item.yoy_written, "previous": item.previous_written,
              "rank_change": item.rank_change, "unit": q.unit}
    return {k: v for k, v in values.items() if v not in (None, "")}


def _unread(self: _Checker, part: Unread) -> None:
    """Check what was read of a part that is left out (a field not read, or a region not defined
    or defined with problems), each field on its own: whether its metric, source and theme
    exist, its unit fits its metric, its numbers keep the rules that need only what was read,
    and its period is not its metric's second one."""
    if part.region not in self.parts.regions and part.region not in self.parts.broken_regions:
        return None  # an addition to a region defined nowhere: said once, above
    values, origin = part.values, part.origin
    if part.kind == "highlight":
        if "theme" in values:
            self.reference(values["theme"], self.parts.themes, "theme", origin, key="theme")
        if "source" in values:
            self.source_for(part.region, values["source"], origin, Message("what.highlight"))
        return None
    name = values.get("metric")
    metric = self.metric_named(name, origin) if name is not None else None
    self.left_out.add((part.region, metric.id if metric else None))
    what = Message("what.fact") if part.kind == "fact" else Message("what.series", name=name)
    if "source" in values:
        self.source_for(part.region, values["source"], origin, what)
    if metric is None or "unit" in part.failed:
        return None
    unit = values.get("unit") or metric.unit
    wrong_unit = unit_problem(metric, unit)
    if wrong_unit is not None:
        self.at(origin, wrong_unit, "unit" if values.get("unit") else None)
        return None
    if part.kind == "fact":
        for message in checks_for(metric, unit).problems_of(values, part.failed):
            self.at(origin, message)
        if "period" in values:
            self.unique(Fact(part.region, metric.id, Quantity("0", unit), values["period"], "", "",
                             origin=origin))
    return None
