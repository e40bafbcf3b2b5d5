"""Filters every data command shares: regions by prefecture, province, level or a list of names, and
facts by a ``--where`` condition (:mod:`reporter.query.where`).

A filter is applied once, to the dataset: :func:`filtered` returns a dataset whose regions are only
the chosen ones and whose store hands out only their facts (and only the facts the condition keeps),
so every query and view reads the narrower data without knowing it was narrowed. Pure: nothing here
reads a file or prints.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Any, NamedTuple

from reporter.errors import LookupFailed, NoData
from reporter.messages import Message
from reporter.model.dataset import Dataset, coverage_of
from reporter.model.names import find_level, find_prefecture, find_province, find_region
from reporter.query.where import where_test

if TYPE_CHECKING:
    from reporter.model.dataset import Coverage, Item
    from reporter.model.records import Highlight
    from reporter.query.where import Node, Test


class Filters(NamedTuple):
    """What the filter options asked for (each None or empty when not given)."""

    prefecture: str | None = None
    province: str | None = None
    level: str | None = None
    names: tuple[tuple[int, str], ...] = ()  # --regions-from: (line, name), one a line
    names_file: str = ""
    where: Node | None = None  # --where, parsed

    def __bool__(self) -> bool:
        return any((self.prefecture, self.province, self.level, self.names_file, self.where is not None))


def chosen_regions(data: Dataset, filters: Filters) -> set[str] | None:
    """The ids of the regions the filters keep (None: every region, no region filter given)."""
    if not (filters.prefecture or filters.province or filters.level or filters.names_file):
        return None
    prefecture = find_prefecture(data, filters.prefecture) if filters.prefecture else None
    province = find_province(data, filters.province) if filters.province else None
    levels = find_level(filters.level) if filters.level else None
    listed = _listed(data, filters) if filters.names_file else None
    return {r.id for r in data.regions.values()
            if (prefecture is None or r.prefecture == prefecture) and (province is None or r.province == province)
            and (levels is None or r.level in levels) and (listed is None or r.id in listed)}


def _listed(data: Dataset, filters: Filters) -> set[str]:
    """The regions a ``--regions-from`` file names; a name that matches nothing is refused at its line."""
    found = set()
    for line, name in filters.names:
        try:
            found.add(find_region(data, name).id)
        except LookupFailed as exc:
            raise LookupFailed(Message("filter.names_line", file=filters.names_file, line=str(line),
                                       reason=exc.message)) from None
    return found


def filtered(data: Dataset, filters: Filters) -> Dataset:
    """``data`` narrowed to the regions and facts the filters keep (``data`` itself when none is given).

    No region left is an empty answer (exit 3) said at once, not an empty table per command."""
    if not filters:
        return data
    keep = chosen_regions(data, filters)
    if keep is not None and not keep:
        raise NoData(Message("filter.no_region"))
    test = None
    if filters.where is not None:

        test = where_test(filters.where, data)
    regions = data.regions if keep is None else {k: r for k, r in data.regions.items() if k in keep}
    return Dataset(data.sources, data.themes, data.metrics, regions, FilteredStore(data.store, keep, test),
                   data.paths)


class FilteredStore:
    """A store that hands out only the chosen regions' items, and of those only the facts a test keeps
    (an item some of whose facts fail is handed out as the facts that pass)."""

    def __init__(self, inner: Any, regions: set[str] | None, test: Test | None) -> None:
        self._inner, self._regions, self._test = inner, regions, test

    def items(self, region: str | None = None, metric: str | None = None) -> Iterable[Item]:
        if region is not None and self._regions is not None and region not in self._regions:
            return ()
        return self._kept(self._inner.items(region, metric), region is None)

    def _kept(self, items: Iterable[Item], check_region: bool) -> Iterator[Item]:
        regions, test = self._regions if check_region else None, self._test
        for item in items:
            if regions is not None and item.region not in regions:
                continue
            if test is None:
                yield item
            else:
                yield from (fact for fact in item.expand() if test(fact))

    def highlights(self, region: str | None = None) -> Iterable[Highlight]:
        regions = self._regions
        return [h for h in self._inner.highlights(region) if regions is None or h.region in regions]

    def coverage(self) -> Coverage:
        if self._test is None and self._regions is not None:
            counts, reporters = self._inner.coverage()
            keep = self._regions
            return ({r: c for r, c in counts.items() if r in keep},
                    {m: frozenset(rs & keep) for m, rs in reporters.items() if rs & keep})
        return coverage_of(self.items())


def names_listed(lines: Sequence[str]) -> tuple[tuple[int, str], ...]:
    """The region names of a ``--regions-from`` file with their lines: one a line, blank lines and
    ``#`` comments skipped (a UTF-8 byte order mark is no part of the first name)."""
    return tuple((number, line.strip().lstrip("\ufeff")) for number, line in enumerate(lines, 1)
                 if line.strip().lstrip("\ufeff") and not line.lstrip().startswith("#"))
