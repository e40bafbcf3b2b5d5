"""YAML data files -> a validated :class:`~reporter.model.dataset.Dataset`.

Three steps, each in its place: :mod:`reporter.data.yaml_file` composes a file into nodes (safely),
:class:`SectionReader` here reads each section's nodes into records (by the field table of
:mod:`reporter.data.rules`), and :mod:`reporter.data.crosscheck` checks what only the whole data can tell
(references, repeated periods, the value rules). Every problem is collected, like a compiler
reports all of a file's errors in one run, and names ``file:line:column``; nothing but
:class:`~reporter.errors.DataError` escapes. The format is documented in ``docs/data-format.md``.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar

from reporter.data.crosscheck import InvalidData, cross_check
from reporter.data.fields import NUMBER, Fields, Node, NodeReader, number_problem
from reporter.data.parts import Parts, Unread
from reporter.data.rules import FIELDS, MAX_DIGITS, REGION_ADDITIONS, SECTIONS, default_basis
from reporter.data.yaml_events import is_scalar
from reporter.data.yaml_file import compose_sections, data_files, read_text
from reporter.errors import DataError, Problem
from reporter.messages import Message
from reporter.model.dataset import Dataset
from reporter.model.period_words import parse_period
from reporter.model.periods import Period, PeriodError
from reporter.model.records import (
    Fact,
    Highlight,
    Metric,
    Quantity,
    Region,
    SeriesChunk,
    Source,
    Theme,
)

R = TypeVar("R")

# what problems call the parts they are about (made once: read once per fact of a large file)
_FILE, _FACT, _HIGHLIGHT = Message("what.file"), Message("what.fact"), Message("what.highlight")
_SERIES_METRIC, _PERIOD, _VALUE = Message("what.series_metric"), Message("what.period"), Message("what.value")
_ENTRIES = ("source", "metric", "region")  # catalogue entries: one with empty fields only is unfinished


def load_dataset(paths: Path | str | Sequence[Path | str]) -> Dataset:
    """Load, validate and cross-check a data file, a directory of them, or several such layers
    (read in order, as if one directory: later files may add facts to regions of earlier ones)."""
    files: list[Path] = []
    problems: list[Problem] = []
    for path in [paths] if isinstance(paths, (str, Path)) else paths:
        found, missing = data_files(Path(path))
        files += found
        problems += missing
    if problems:
        raise DataError(problems)
    with collector_paused():
        reader = SectionReader()
        for file in files:
            reader.read_file(file)
        try:
            data = cross_check(reader.parts, reader.problems, tuple(str(f) for f in files))
        except InvalidData as exc:
            exc.loaded.data.unfinished = tuple(reader.unfinished)
            raise
        data.unfinished = tuple(reader.unfinished)  # warned of by check; left out of the data meanwhile
        data.had_unfinished = bool(reader.unfinished)
        return data


@contextmanager
def collector_paused() -> Iterator[None]:
    """No cyclic garbage collection in the block: reading (or caching) a large file makes hundreds of
    thousands of long-lived objects and no cycles, and the collector would rescan them again and again."""

    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if collecting:
            gc.enable()


class CatalogueReader(NodeReader):
    """Reads the catalogue's entries (sources, themes, metrics) into :attr:`parts`; each entry's
    fields by the field table, the first definition of an id kept."""

    def __init__(self) -> None:
        super().__init__()
        self.parts = Parts()
        self.unfinished: list[Problem] = []  # fields of entries left to fill (unfinished): warnings

    def first_definition(self, section: str, part: str, ident: str, at: Node) -> bool:
        """Record where ``ident`` is defined; a second definition is a problem naming the first."""
        first = self.parts.where.get((section, ident))
        if first is not None:
            self.problem(at, Message("defined_twice", part=Message(f"part.{part}"), id=ident,
                                     first=f"{first.path}:{first.line}"))
            return False
        self.parts.where[(section, ident)] = at.origin
        return True

    def part(self, part: str, at: Node, what: Message) -> Fields | None:
        since = len(self.problems)
        f = self.fields(at, what, FIELDS[part])
        if part in _ENTRIES:
            left_to_fill(self, since, f, what)
        return f

    # -- the catalogue

    def read_source(self, ident: str, at: Node) -> None:
        f = self.part("source", at, Message("what.source", id=ident))
        if f is None or not f.whole:
            self.parts.broken_sources.add(ident)  # its problems are said; its citations are not "unknown"
            return
        readings: list[tuple[str, str]] = []
        for word, (_knode, vnode) in f.get("readings", {}).items():
            period = self.period(vnode, Message("what.reading", word=word))
            if period is not None:
                readings.append((word, period.canonical))
        self.parts.sources[ident] = record(Source, f, id=ident, readings=tuple(readings), origin=at.origin)

    def read_theme(self, ident: str, at: Node) -> None:
        f = self.part("theme", at, Message("what.theme", id=ident))
        if f is None or not f.whole:
            self.parts.broken_themes.add(ident)
            return
        self.parts.themes[ident] = record(Theme, f, id=ident, order=len(self.parts.themes))

    def read_metric(self, ident: str, at: Node) -> None:
        f = self.part("metric", at, Message("what.metric", id=ident))
        if f is None or not f.whole:
            self.parts.broken.add(ident)
            return
        if f["kind"] == "rank" and f.get("polarity", "lower") != "lower":
            self.problem(f.nodes["polarity"], Message("rank_polarity"))
        polarity = f.get("polarity") or ("lower" if f["kind"] == "rank" else "higher")
        self.parts.metrics[ident] = record(Metric, f, id=ident, polarity=polarity, origin=at.origin,
                                           en=f.get("en") or f["zh"])  # no English name yet: the Chinese one


class SectionReader(CatalogueReader):
    """Reads each section of each file into records, in file order, into :attr:`parts`: the catalogue
    by :class:`CatalogueReader`, then the regions with their facts, series and highlights."""

    def read_file(self, path: Path) -> None:
        """Read one file's sections in the order written; the entries of a section (every region of a
        large file) are composed one at a time and let go once read."""
        where = str(path)
        text, problems = read_text(path)
        if text is None:
            self.problems.extend(problems)
            self.parts.unread_anywhere = True
            return
        root, pairs, composing = compose_sections(text, where)
        try:
            if root is not None and not Node(root, where).is_mapping:
                self.mapping(Node(root, where), _FILE)  # says what it is instead
                self.parts.unread_anywhere = True
                return
            spec = FIELDS["file"]
            for key, value in pairs:
                field = spec.get(key.value)
                if field is None:  # a misspelt section, perhaps: what it holds is not read
                    self.problem(Node(key, where), Message("unknown_field", field=key.value,
                                                           what=_FILE, known=", ".join(spec)))
                    self.parts.unread_anywhere = True
                elif key.value in SECTIONS:
                    self.read_section(key.value, Node(value, where))
                else:
                    self.read(field, Node(value, where), Message("what.field", name=key.value))
        finally:
            self.problems.extend(composing)
            if composing:  # a syntax error ends the reading of the file: what follows it is unread
                self.parts.unread_anywhere = True

    def read_section(self, section: str, at: Node) -> None:
        part = SECTIONS[section]
        if not at.is_mapping:
            self.mapping(at, Message("what.field", name=section))  # says what it is instead
            self.parts.unread_anywhere = True
            return
        for key, value in at.node.value:
            knode, vnode = Node(key, at.path), Node(value, at.path)
            ident = self.ident(knode, Message("what.id", part=Message(f"part.{part}")))
            if ident is None:
                self.parts.unread_anywhere = True  # an entry of no id: whose facts it holds is unknown
                continue
            if section == "regions":
                self.read_region(ident, knode, vnode)
            elif self.first_definition(section, part, ident, knode):
                getattr(self, f"read_{part}")(ident, vnode)

    def read_region(self, ident: str, key: Node, at: Node) -> None:
        """A region's definition, or an addition to a region defined elsewhere (facts, series and
        highlights only: a county official's own file adds a quarter without repeating the region).
        A definition with a problem is not kept, but what it holds is still read and checked."""
        adds = at.is_mapping and all(k.value in REGION_ADDITIONS for k, _ in at.node.value)
        if adds:
            f = self.fields(at, Message("what.region", id=ident), FIELDS["region"], required=False)
            self.parts.additions.append((ident, key.origin))
        elif not self.first_definition("regions", "region", ident, key):
            self.parts.unsure.add((ident, None))  # a second definition's facts are not read
            return
        else:
            f = self.part("region", at, Message("what.region", id=ident))
            if f is None or not f.whole:
                self.parts.broken_regions.add(ident)
            else:
                self.parts.regions[ident] = record(Region, f, id=ident, origin=at.origin)
            if f is not None:
                self.parts.region_sources[ident] = f.get("source", "")
        if f is None or not f.whole:
            self.parts.unsure.add((ident, None))  # what it holds may be more than what was read
        if f is None:
            return
        default_source = f.get("source")
        if default_source:
            self.parts.source_lines.setdefault(default_source, f.nodes["source"].origin)
        for item in f.get("facts", ()):
            self.read_fact(ident, item, default_source)
        for knode, vnode in f.get("series", {}).values():
            self.read_series(ident, knode, vnode, default_source)
        for item in f.get("highlights", ()):
            self.read_highlight(ident, item, default_source)

    # -- what a region holds

    @staticmethod
    def source_of(f: Fields, default: str | None) -> str:
        """A fact's, series' or highlight's own source, else its region entry's; "" leaves it to the
        region's definition, wherever that is (the cross-check fills it in, or says it is missing)."""
        return str(f.get("source") or default or "")

    def unread(self, kind: str, region: str, f: Fields, default_source: str | None) -> None:
        """A part with a field not read: what was read of it goes to the cross-check (its metric, source,
        unit and numbers are checked on their own), the part itself is left out."""
        values = dict(f.values)
        if "source" not in f.failed:
            values["source"] = self.source_of(f, default_source)
        self.parts.unread.append(Unread(kind, region, values, f.failed, f.at.origin))

    def read_fact(self, region: str, at: Node, default_source: str | None) -> None:
        f = self.part("fact", at, _FACT)
        if f is None:
            self.parts.unsure.add((region, None))
            return
        if "value" not in f and "value" not in f.failed and "yoy_pct" not in f:  # a level, or a change alone
            self.problem(at, Message("missing_field", what=_FACT, field="value"))
            f = Fields(f.values, f.nodes, f.at, f.failed | {"value"})
        if not f.whole:
            self.unread("fact", region, f, default_source)
            return
        source = self.source_of(f, default_source)
        quote = " ".join(f["quote"].split())
        self.parts.items.append(Fact(
            region, f["metric"], Quantity(f.get("value", ""), f.get("unit", ""), f.get("qualifier", "exact")),
            f["period"], source, quote, f.get("yoy_pct"), f.get("previous"),
            f.get("rank_change"), f.get("note", ""), at.origin,
            f.get("period_basis") or default_basis(f["period"], quote)))

    def read_series(self, region: str, key: Node, at: Node, default_source: str | None) -> None:
        """A compact series: ``values`` is a mapping ``{PERIOD: VALUE}`` or one string of
        ``PERIOD=VALUE`` pairs (``"2011=123.4 2012=98"``), the cheapest layout for big data."""
        metric = self.text(key, _SERIES_METRIC)  # an id, or a name the cross-check resolves
        f = self.part("series", at, Message("what.series", name=key.node.value))
        if metric is None or f is None:
            self.parts.unsure.add((region, metric))
            return
        entries: list[tuple[Period, str, int, int] | None] = []
        values: Node | None = f.get("values")
        if values is None:
            pass
        elif values.is_mapping:
            entries = list(_plain_entries(values.node.value) or ()) or [
                self.mapping_entry(pnode, vnode, values.path) for pnode, vnode in values.node.value]
        elif values.is_scalar:
            entries = self.string_entries(values)
        else:
            self.problem(values, Message("series_values"))
            f = Fields(f.values, f.nodes, f.at, f.failed | {"values"})
        known = [e for e in entries if e is not None]
        if not f.whole or len(known) < len(entries):
            self.parts.unsure.add((region, metric))
        if not f.whole:
            self.unread("series", region, Fields({**f.values, "metric": metric}, f.nodes, f.at, f.failed),
                        default_source)
            return
        source = self.source_of(f, default_source)
        if known:
            self.parts.items.append(SeriesChunk(region, metric, f.get("unit", ""), f.get("qualifier", "exact"),
                                                source, f["quote"], f.get("note", ""), at.path, tuple(known)))

    def mapping_entry(self, pnode: object, vnode: object, path: str) -> tuple[Period, str, int, int] | None:
        """One ``"2019": 123.4`` pair, read by the careful readers (the plain case is read in bulk)."""
        period = self.period(Node(pnode, path), _PERIOD)
        value_node = Node(vnode, path)
        value = self.number(value_node, _VALUE)
        if period is None or value is None:
            return None
        return (period, value, value_node.line, value_node.column)

    def string_entries(self, values: Node) -> list[tuple[Period, str, int, int] | None]:
        """The pairs of a ``"2011=123.4 2012=98"`` string, each with its own column."""
        line = values.line
        column = values.column + (1 if values.node.style else 0)
        entries = []
        for pair in values.node.value.split(" "):
            if pair:
                entries.append(self.series_pair(pair, values.path, line, column))
            column += len(pair) + 1
        return entries

    def series_pair(self, pair: str, path: str, line: int, column: int) -> tuple[Period, str, int, int] | None:
        period_text, _, value_text = pair.partition("=")
        try:
            period = parse_period(period_text)
        except PeriodError as exc:
            self.problems.append(Problem(path, line, column, Message("series_pair_period", pair=pair[:40],
                                                                     reason=exc.message)))
            return None
        if not NUMBER.fullmatch(value_text):
            self.problems.append(Problem(path, line, column, Message("series_pair_form", pair=pair[:40])))
            return None
        problem = number_problem(value_text, _VALUE)
        if problem is not None:
            self.problems.append(Problem(path, line, column, problem))
            return None
        return (period, value_text, line, column)

    def read_highlight(self, region: str, at: Node, default_source: str | None) -> None:
        f = self.part("highlight", at, _HIGHLIGHT)
        if f is None:
            return
        if not f.whole:
            self.unread("highlight", region, f, default_source)
            return
        source = self.source_of(f, default_source)
        self.parts.highlights.append(Highlight(region, f["theme"], f["text"], source, " ".join(f["quote"].split()),
                                               f.get("text_en", ""), f.get("period"), at.origin))


def left_to_fill(reader: CatalogueReader, since: int, f: Fields | None, what: Message) -> None:
    """An entry whose only problems (said since ``since``) are fields left empty (a skeleton's
    ``""  # TODO``) is unfinished: a warning at each of those lines, not an error of the whole data;
    the entry is left out (and what names it with it) until it is filled."""
    new = reader.problems[since:]
    if f is None or not new or any(getattr(p.message, "key", None) != "empty" for p in new):
        return
    del reader.problems[since:]
    reader.unfinished += [p._replace(message=Message("unfinished", problem=p.message, what=what)) for p in new]


def record(kind: type[R], f: Fields, **given: Any) -> R:
    """A catalogue record from the fields read for it: each of the record's fields that the data file
    may hold (rules.FIELDS) is taken by name, the rest are ``given`` or the record's defaults."""
    taken = {name: f.values[name] for name in kind._fields if name in f.values}  # type: ignore[attr-defined]
    return kind(**{**taken, **given})


def _plain_entries(pairs: list[tuple[Any, Any]]) -> list[tuple[Period, str, int, int]] | None:
    """A series' ``"2019": 123.4`` pairs read at once when every one is written plainly (periods, numbers
    of ordinary length), as generated data always are; None: read them one by one, carefully."""
    if not pairs or not all(map(is_scalar, [v for _, v in pairs])):
        return None
    written = [v.value for _, v in pairs]
    if max(map(len, written)) > MAX_DIGITS or not all(map(NUMBER.fullmatch, written)):
        return None
    try:
        periods = [parse_period(k.value) for k, _ in pairs]
    except PeriodError:
        return None
    marks = [v.start_mark for _, v in pairs]
    return [(period, value, mark.line + 1, mark.column + 1) for period, value, mark in zip(periods, written, marks)]
