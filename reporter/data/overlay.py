"""Layers over a checked base: the small files a user keeps over a large dataset, read and checked on
their own against the base's catalogues and facts, so that the base is never read again.

The cache (:mod:`reporter.cache`) keeps the large layers apart from the small ones over them: when
a small layer changes, its files are read here and joined to the large layers' cache as it is.

Everything a whole load checks is checked: the layers' own entries; their references into the base's
catalogues (a fact's metric, source and region, a region's default source); one fact per region,
metric and time span across base and layers. The base is valid on its own (only valid data are
cached) and the layers come after it, so every problem of the stack is one of the layers', said as a
whole load says it (:class:`~reporter.data.crosscheck.InvalidData`), at once.

Where the layers could change how the base itself reads (an id defined again; a metric whose id or
name is already an id or name of another, which could make a base fact's metric ambiguous), or where
the base or the layers hold an entry left to fill (its id is defined but not loaded, and the warnings
list every one), :func:`load_over` gives None and the caller loads the whole stack.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace
from pathlib import Path

from reporter.data.crosscheck import InvalidData, cross_check
from reporter.data.load import SectionReader, collector_paused
from reporter.data.parts import Parts
from reporter.data.repeats import Earlier
from reporter.data.yaml_file import data_files
from reporter.model.dataset import Dataset, LayeredStore
from reporter.model.records import Fact, Metric


def load_over(base: Dataset, layers: Sequence[str]) -> Dataset | None:
    """The base with ``layers`` read over it, as :func:`reporter.data.load.load_dataset` of the
    whole stack would give it; None when that cannot be told without reading the base again."""
    files: list[Path] = []
    for layer in layers:
        found, missing = data_files(Path(layer))
        if missing:
            return None
        files += found
    with collector_paused():
        reader = SectionReader()
        for file in files:
            reader.read_file(file)
        parts = reader.parts
        if base.had_unfinished or reader.unfinished or _redefines(base, parts):
            return None  # entries left to fill are said of the whole stack at once: it is read whole
        after = len(base.themes)  # a theme's order counts on from the base's, as in one reading
        themes = {ident: theme._replace(order=after + theme.order) for ident, theme in parts.themes.items()}
        merged = replace(parts, sources={**base.sources, **parts.sources}, themes={**base.themes, **themes},
                         metrics={**base.metrics, **parts.metrics}, regions={**base.regions, **parts.regions},
                         region_sources={**base.region_sources, **parts.region_sources})  # the rest as read
        try:
            top = cross_check(merged, list(reader.problems), tuple(map(str, files)), earlier=_periods_in(base))
        except InvalidData as exc:  # the layers' problems are all the stack's: the base alone had none
            loaded = exc.loaded
            raise InvalidData(exc.problems, loaded._replace(data=_joined(base, loaded.data))) from None
    return _joined(base, top)


def _joined(base: Dataset, top: Dataset) -> Dataset:
    data = Dataset(top.sources, top.themes, top.metrics, top.regions, LayeredStore(base.store, top.store, base.paths),
                   base.paths + top.paths)
    data.region_sources = {**base.region_sources, **top.region_sources}
    return data


def _redefines(base: Dataset, parts: Parts) -> bool:
    """Whether the layers define an id the base defines (well or with problems), or a metric one of whose
    names (its id, labels and aliases, in any case) is already a name of a base metric."""
    defined: dict[str, Mapping[str, object]] = {"sources": base.sources, "themes": base.themes, "metrics": base.metrics, "regions": base.regions}
    if any(ident in defined[section] for section, ident in parts.where):
        return True
    if not parts.metrics:
        return False
    return not _names(parts.metrics.values()).isdisjoint(_names(base.metrics.values()))


def _names(metrics: Iterable[Metric]) -> set[str]:
    return {name.casefold() for m in metrics for name in (m.id, m.zh, m.en, *m.aliases) if name}


def _periods_in(base: Dataset) -> Earlier:
    """The base's periods of one region and metric, and where each is written: what a fact of the
    layers must not repeat (the base is indexed by region and metric: one lookup per pair)."""

    def periods(region: str, metric: str) -> dict[str, tuple[str, int]]:
        found: dict[str, tuple[str, int]] = {}
        for item in base.store.items(region, metric):
            if isinstance(item, Fact):
                origin = item.origin
                found.setdefault(item.period.canonical, (origin.path, origin.line) if origin else ("?", 0))
            else:
                for period, _, line, _ in item.entries:
                    found.setdefault(period.canonical, (item.path, line))
        return found

    return periods
