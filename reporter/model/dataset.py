"""The one dataset interface every query and view uses, whatever holds the facts.

A :class:`Dataset` is the catalogues (sources, themes, metrics, regions), kept in memory,
and a *store* behind them that hands out facts and highlights. Three stores exist: facts in
memory (:class:`MemoryStore`: as loaded from YAML, or read whole from the small cache), rows
of the large cache (``reporter.cache.large.SqliteStore``), and a base store with the layers
read over it (:class:`LayeredStore`). Each store answers the same
four questions; everything a query may ask is written once, here.

A store yields *items*: a :class:`~reporter.model.records.Fact`, or a
:class:`~reporter.model.records.SeriesChunk` (one compactly written series), both of which know their
region, metric, note, quote, size and periods and ``expand()`` into facts. So a large series file
is checked and counted without building its facts, and a query builds only those it reads.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import TYPE_CHECKING

from reporter.model.records import Fact, Highlight, Metric, Region, Source, Theme

if TYPE_CHECKING:
    from reporter.errors import Problem
    from reporter.model.records import SeriesChunk

    Item = Fact | SeriesChunk

FactMatch = Callable[[str, str, str, str], bool]  # (region, metric, note, quote) -> wanted?
Coverage = tuple[dict[str, tuple[int, frozenset[str]]], Mapping[str, frozenset[str]]]
"""(region -> (number of facts, their periods), metric -> the regions reporting it)."""


class Dataset:
    """Catalogues in memory and facts from a store, read through one interface."""

    def __init__(self, sources: dict[str, Source], themes: dict[str, Theme], metrics: dict[str, Metric],
                 regions: dict[str, Region], store: MemoryStore | Store, paths: tuple[str, ...] = ()) -> None:
        self.sources, self.themes, self.metrics, self.regions = sources, themes, metrics, regions
        self.store = store
        self.paths = paths
        self.unfinished: tuple[Problem, ...] = ()  # entries left to fill (check warns of them), as loaded
        self.region_sources: dict[str, str] = {}  # region -> the default source its definition names ("" none)
        self.had_unfinished = False  # entries were left to fill when loaded (a cache keeps this, not the list)
        self._facts: tuple[Fact, ...] | None = None
        self._highlights: tuple[Highlight, ...] | None = None

    # -- facts

    def iter_facts(self) -> Iterator[Fact]:
        """Every fact in file order, built one item at a time (memory stays bounded)."""
        for item in self.store.items():
            yield from item.expand()

    @property
    def facts(self) -> tuple[Fact, ...]:
        """Every fact in file order, built once and kept (small data; large data should iterate)."""
        if self._facts is None:
            self._facts = tuple(self.iter_facts())
        return self._facts

    def iter_facts_of(self, region: str | None = None, metric: str | None = None) -> Iterator[Fact]:
        """:meth:`facts_of`, built one item at a time (a metric of every county: bounded memory)."""
        for item in self.store.items(region, metric):
            yield from item.expand()

    def facts_of(self, region: str | None = None, metric: str | None = None) -> list[Fact]:
        """The facts of one region and/or one metric, in file order."""
        return [fact for item in self.store.items(region, metric) for fact in item.expand()]

    def facts_read_from(self, path: str) -> list[Fact]:
        """The facts read from the file ``path``, in file order (of layers over a large base, the base's
        facts are not built: a writer finds what it wrote at once)."""
        store = self.store
        if isinstance(store, LayeredStore) and path not in store.base_paths:
            store = store.top
        return [fact for item in store.items() if _read_from(item) == path for fact in item.expand()]

    def facts_where(self, match: FactMatch) -> FactsWhere:
        """Facts whose ``(region, metric, note, quote)`` satisfy ``match``, in file order: a lazy
        sequence, read from the store each time it is iterated (never a list of them all).

        A series shares region, metric, note and quote: one test decides all of its facts.
        """
        return FactsWhere(self, match)

    def coverage(self) -> Coverage:
        """Who reports what, counted without building facts."""
        return self.store.coverage()

    # -- highlights

    @property
    def highlights(self) -> tuple[Highlight, ...]:
        if self._highlights is None:
            self._highlights = tuple(self.store.highlights())
        return self._highlights

    def highlights_of(self, region: str) -> list[Highlight]:
        return list(self.store.highlights(region))


class FactsWhere:
    """The facts of a dataset that satisfy a test, built as they are read; iterable again and again.

    ``bool()`` stops at the first match and ``len()`` counts items without building their facts, so
    a million matches are counted, tested and streamed in bounded memory.
    """

    def __init__(self, data: Dataset, match: FactMatch) -> None:
        self._data, self._match = data, match

    def _items(self) -> Iterator[Item]:
        match, store = self._match, self._data.store
        chosen = getattr(store, "items_where", None)  # a store that can test items before building them
        if chosen is not None:
            return chosen(match)  # type: ignore[no-any-return]
        return (item for item in store.items() if match(item.region, item.metric, item.note, item.quote))

    def __iter__(self) -> Iterator[Fact]:
        for item in self._items():
            yield from item.expand()

    def __bool__(self) -> bool:
        return next(self._items(), None) is not None

    def __len__(self) -> int:
        return sum(item.size for item in self._items())


class MemoryStore:
    """Items and highlights held in lists, in file order (indexed by region on first need)."""

    def __init__(self, items: list[Item], highlights: list[Highlight]) -> None:
        self._items = items
        self._highlights = highlights
        self._by_region: dict[str, list[Item]] | None = None

    def items(self, region: str | None = None, metric: str | None = None) -> Iterable[Item]:
        if region is None:
            chosen: Iterable[Item] = self._items
        else:
            if self._by_region is None:
                self._by_region = {}
                for item in self._items:
                    self._by_region.setdefault(item.region, []).append(item)
            chosen = self._by_region.get(region, ())
        return chosen if metric is None else (item for item in chosen if item.metric == metric)

    def highlights(self, region: str | None = None) -> Iterable[Highlight]:
        return self._highlights if region is None else [h for h in self._highlights if h.region == region]

    def coverage(self) -> Coverage:
        return coverage_of(self._items)


def _read_from(item: Item) -> str | None:
    """The file an item was read from."""
    if isinstance(item, Fact):
        return item.origin.path if item.origin else None
    return item.path


def coverage_of(items: Iterable[Item]) -> Coverage:
    """Who reports what: each item says its size and periods, so no fact is built."""
    counts: dict[str, int] = {}
    periods: dict[str, set[str]] = {}
    reporters: dict[str, set[str]] = {}
    for item in items:
        counts[item.region] = counts.get(item.region, 0) + item.size
        periods.setdefault(item.region, set()).update(item.period_texts())
        reporters.setdefault(item.metric, set()).add(item.region)
    return ({r: (n, frozenset(periods[r])) for r, n in counts.items()},
            {m: frozenset(rs) for m, rs in reporters.items()})


class LayeredStore:
    """The items of a base store, then those of the layers read over it: one store, in file order, as if
    every file had been read in turn (the base is a cache of the large files, the top the small files a
    user keeps over them, read and checked on their own: ``reporter.data.overlay``)."""

    def __init__(self, base: MemoryStore | Store, top: MemoryStore | Store, base_paths: tuple[str, ...]) -> None:
        self.base, self.top = base, top
        self.base_paths = base_paths  # the files the base was read from

    def items(self, region: str | None = None, metric: str | None = None) -> Iterator[Item]:
        yield from self.base.items(region, metric)
        yield from self.top.items(region, metric)

    def items_where(self, match: FactMatch) -> Iterator[Item]:
        """The items whose (region, metric, note, quote) satisfy ``match``: the base tests its own before
        building them, when it can."""
        chosen = getattr(self.base, "items_where", None)
        yield from (chosen(match) if chosen is not None
                    else (i for i in self.base.items() if match(i.region, i.metric, i.note, i.quote)))
        yield from (i for i in self.top.items() if match(i.region, i.metric, i.note, i.quote))

    def highlights(self, region: str | None = None) -> Iterable[Highlight]:
        return [*self.base.highlights(region), *self.top.highlights(region)]

    def coverage(self) -> Coverage:
        counts, reporters = self.base.coverage()
        top_counts, top_reporters = self.top.coverage()
        if not top_counts:
            return counts, reporters
        merged = dict(counts)
        for region, (count, periods) in top_counts.items():
            had = merged.get(region)
            merged[region] = (count, periods) if had is None else (had[0] + count, had[1] | periods)
        return merged, Later(lambda: _joined(reporters, top_reporters))


class Later(Mapping[str, frozenset[str]]):
    """A coverage's metric -> regions, made when first read (most commands never read it; at national
    scale it is 50 sets of 2,850 ids, asked of the large cache or joined from layers)."""

    def __init__(self, make: Callable[[], dict[str, frozenset[str]]]) -> None:
        self._make = make
        self._made: dict[str, frozenset[str]] | None = None

    def _all(self) -> dict[str, frozenset[str]]:
        if self._made is None:
            self._made = self._make()
        return self._made

    def __getitem__(self, key: str) -> frozenset[str]:
        return self._all()[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._all())

    def __len__(self) -> int:
        return len(self._all())


def _joined(base: Mapping[str, frozenset[str]], top: Mapping[str, frozenset[str]]) -> dict[str, frozenset[str]]:
    """metric -> regions of a base and of the layers over it."""
    joined = dict(base)
    for metric, regions in top.items():
        joined[metric] = joined.get(metric, frozenset()) | regions
    return joined


if TYPE_CHECKING:  # the storage contract, for the type checker; stores are plain classes
    from typing import Protocol

    class Store(Protocol):
        def items(self, region: str | None = None, metric: str | None = None) -> Iterable[Item]: ...

        def highlights(self, region: str | None = None) -> Iterable[Highlight]: ...

        def coverage(self) -> Coverage: ...
