"""The validated data model: immutable values built by :mod:`reporter.load`.

They are ``NamedTuple`` classes rather than frozen dataclasses: creating a dataclass costs
about 0.6 ms at import, and start-up time is a target (benchmarks/).

Every object that came from a file carries its :class:`Origin`, so any later complaint
can name ``file:line``.

Numbers are kept as the text the loader checked (``-?digits[.digits]``: ``1009.0`` stays
``1009.0``) and become :class:`~decimal.Decimal` when a query computes with them, through the
``value``, ``yoy_pct`` and ``previous`` properties. ``reporter get`` prints the text and never
imports decimal, whose C module costs about 2 ms to load.
"""


from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, NamedTuple

from reporter.periods import Period

if TYPE_CHECKING:
    from decimal import Decimal

QUALIFIERS = ("exact", "more_than", "approx", "nearly", "at_least", "target")
POLARITIES = ("higher", "lower")
KINDS = ("flow", "stock", "rate", "rank", "count", "target")
LEVELS = ("district", "county-level city", "county", "city", "prefecture", "province")


class Origin(NamedTuple):
    """Where in which file a thing was written (1-based line and column)."""

    path: str
    line: int
    column: int = 0

    def __str__(self) -> str:
        return f"{self.path}:{self.line}"


class Source(NamedTuple):
    """A publication the facts are quoted from, and how its relative time words were read."""

    id: str
    publication: str
    title: str
    date: str
    column: str = ""
    date_note: str = ""
    file: str = ""
    readings: tuple[tuple[str, str], ...] = ()
    origin: Origin | None = None


class Theme(NamedTuple):
    """A group of metrics shown together (R&D investment, platforms, …)."""

    id: str
    zh: str
    en: str
    order: int = 0


class Metric(NamedTuple):
    """One indicator, shared by every region that reports it, so it can be ranked."""

    id: str
    zh: str
    en: str
    unit: str
    theme: str
    polarity: str = "higher"
    kind: str = "count"
    aliases: tuple[str, ...] = ()
    note: str = ""
    origin: Origin | None = None

    def label(self, lang: str) -> str:
        return self.zh if lang == "zh" else self.en


class Region(NamedTuple):
    """A county, county-level city or district."""

    id: str
    zh: str
    short: str
    en: str
    level: str
    prefecture: str
    province: str
    pinyin: str = ""
    aliases: tuple[str, ...] = ()
    origin: Origin | None = None
    prefecture_en: str = ""

    def name(self, lang: str) -> str:
        return self.zh if lang == "zh" else self.en

    @property
    def names(self) -> tuple[str, ...]:
        """Every name a user may type for this region."""
        return tuple(n for n in (self.id, self.zh, self.short, self.en, self.pinyin, *self.aliases) if n)


def to_decimal(text: str) -> "Decimal":
    """The Decimal of a number as written (decimal is imported on first use)."""
    from decimal import Decimal

    return Decimal(text)


class Quantity(NamedTuple):
    """A value as written (``1009.0``), its unit and its qualifier."""

    written: str
    unit: str
    qualifier: str = "exact"

    @property
    def value(self) -> "Decimal":
        return to_decimal(self.written)

    @property
    def is_exact(self) -> bool:
        return self.qualifier == "exact"


class Fact(NamedTuple):
    """One number about one region, with its period, change and verbatim source quote."""

    region: str
    metric: str
    quantity: Quantity
    period: Period
    source: str
    quote: str
    yoy_written: str | None = None  # 16 for 同比增长16%, as written
    previous_written: str | None = None  # in the fact's unit, as written
    rank_change: int | None = None  # places gained (positive) or lost (negative)
    note: str = ""
    origin: Origin | None = None

    @property
    def yoy_pct(self) -> "Decimal | None":
        return None if self.yoy_written is None else to_decimal(self.yoy_written)

    @property
    def previous(self) -> "Decimal | None":
        return None if self.previous_written is None else to_decimal(self.previous_written)


class Highlight(NamedTuple):
    """A qualitative fact: an honour, an institute founded, a programme launched."""

    region: str
    theme: str
    text: str
    source: str
    quote: str
    text_en: str = ""
    period: Period | None = None
    origin: Origin | None = None


class Dataset(NamedTuple):
    """Everything loaded from one data file or directory, validated and cross-referenced."""

    sources: dict[str, Source]
    themes: dict[str, Theme]
    metrics: dict[str, Metric]
    regions: dict[str, Region]
    facts: tuple[Fact, ...]
    highlights: tuple[Highlight, ...] = ()
    paths: tuple[str, ...] = ()

    def facts_of(self, region: str | None = None, metric: str | None = None) -> list[Fact]:
        """The facts of one region and/or one metric, in file order."""
        return [f for f in self.facts
                if (region is None or f.region == region) and (metric is None or f.metric == metric)]

    def highlights_of(self, region: str) -> list[Highlight]:
        return [h for h in self.highlights if h.region == region]

    def coverage(self) -> "Coverage":
        return coverage_of(self.facts)

    def facts_where(self, match: "FactMatch") -> list[Fact]:
        """The facts for which ``match(region, metric, note, quote)`` holds, in file order."""
        return [f for f in self.facts if match(f.region, f.metric, f.note, f.quote)]


FactMatch = Callable[[str, str, str, str], bool]  # (region, metric, note, quote) -> wanted?
Coverage = tuple[dict[str, tuple[int, frozenset[str]]], dict[str, frozenset[str]]]
"""(region -> (number of facts, its periods), metric -> the regions reporting it)."""


def coverage_of(items: "Iterable[Fact | SeriesChunk]") -> Coverage:
    """Who reports what, counted without building facts from series chunks."""
    counts: dict[str, int] = {}
    periods: dict[str, set[str]] = {}
    reporters: dict[str, set[str]] = {}
    for item in items:
        if type(item) is SeriesChunk:
            counts[item.region] = counts.get(item.region, 0) + len(item.entries)
            periods.setdefault(item.region, set()).update(e[0].canonical for e in item.entries)
        else:
            counts[item.region] = counts.get(item.region, 0) + 1
            periods.setdefault(item.region, set()).add(item.period.canonical)  # type: ignore[union-attr]
        reporters.setdefault(item.metric, set()).add(item.region)
    return ({r: (n, frozenset(periods[r])) for r, n in counts.items()},
            {m: frozenset(rs) for m, rs in reporters.items()})


class SeriesChunk(NamedTuple):
    """One series as written (``values: {"2019": 123.4, …}``): its facts are built on demand.

    Loading a large file checks every value but makes no Fact objects; a query that needs a
    region's or a metric's facts builds only those (see :class:`LazyDataset`).
    """

    region: str
    metric: str
    unit: str
    qualifier: str
    source: str
    quote: str
    note: str
    path: str
    entries: tuple[tuple[Period, str, int, int], ...]  # period, value as written, line, column

    def facts(self, unit: str | None = None) -> list[Fact]:
        make_unit = unit or self.unit
        return [Fact(self.region, self.metric, Quantity(value, make_unit, self.qualifier), period,
                     self.source, self.quote, None, None, None, self.note, Origin(self.path, line, column))
                for period, value, line, column in self.entries]


class LazyDataset:
    """The :class:`Dataset` interface over facts and series chunks, in file order; a chunk becomes
    facts the first time a query asks for its region or metric."""

    def __init__(self, sources: dict[str, Source], themes: dict[str, Theme], metrics: dict[str, Metric],
                 regions: dict[str, Region], items: list["Fact | SeriesChunk"], highlights: tuple[Highlight, ...],
                 paths: tuple[str, ...]) -> None:
        self.sources, self.themes, self.metrics, self.regions = sources, themes, metrics, regions
        self.highlights, self.paths = highlights, paths
        self._items = items
        self._facts: tuple[Fact, ...] | None = None
        self._by_region: dict[str, list[Fact | SeriesChunk]] | None = None

    @staticmethod
    def _expand(items: "list[Fact | SeriesChunk]", metric: str | None = None) -> list[Fact]:
        out: list[Fact] = []
        for item in items:
            if metric is not None and item.metric != metric:
                continue
            if type(item) is SeriesChunk:
                out.extend(item.facts())
            else:
                out.append(item)  # type: ignore[arg-type]
        return out

    @property
    def facts(self) -> tuple[Fact, ...]:
        if self._facts is None:
            self._facts = tuple(self._expand(self._items))
        return self._facts

    def facts_of(self, region: str | None = None, metric: str | None = None) -> list[Fact]:
        if region is None:
            return self._expand(self._items, metric)
        if self._by_region is None:
            self._by_region = {}
            for item in self._items:
                self._by_region.setdefault(item.region, []).append(item)
        return self._expand(self._by_region.get(region, []), metric)

    def highlights_of(self, region: str) -> list[Highlight]:
        return [h for h in self.highlights if h.region == region]

    def coverage(self) -> Coverage:
        return coverage_of(self._items)

    def facts_where(self, match: FactMatch) -> list[Fact]:
        """A series shares region, metric, note and quote: one test decides all of its facts."""
        out: list[Fact] = []
        for item in self._items:
            if match(item.region, item.metric, item.note, item.quote):
                out.extend(item.facts() if type(item) is SeriesChunk else [item])  # type: ignore[list-item]
        return out


if TYPE_CHECKING:  # a type for annotations only: defining a Protocol costs start-up time
    from typing import Protocol

    class Data(Protocol):
        """What queries and renderers need of a dataset. :class:`Dataset` (eager),
        :class:`LazyDataset` (series built on demand) and the cache's ``CachedDataset`` all are."""

        @property
        def sources(self) -> dict[str, Source]: ...
        @property
        def themes(self) -> dict[str, Theme]: ...
        @property
        def metrics(self) -> dict[str, Metric]: ...
        @property
        def regions(self) -> dict[str, Region]: ...
        @property
        def facts(self) -> tuple[Fact, ...]: ...
        @property
        def highlights(self) -> tuple[Highlight, ...]: ...
        @property
        def paths(self) -> tuple[str, ...]: ...

        def facts_of(self, region: str | None = None, metric: str | None = None) -> list[Fact]: ...

        def highlights_of(self, region: str) -> list[Highlight]: ...

        def coverage(self) -> Coverage: ...

        def facts_where(self, match: FactMatch) -> list[Fact]: ...
