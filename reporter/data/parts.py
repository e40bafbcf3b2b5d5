"""What the data files define, as read, before the cross-checks: the parts the loader collects and the
checker judges (:mod:`reporter.data.load` reads them, :mod:`reporter.data.crosscheck` checks them)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, NamedTuple

from reporter.model.records import Fact, Highlight, Metric, Origin, Region, SeriesChunk, Source, Theme


class Unread(NamedTuple):
    """A fact, series or highlight with a field that could not be read (written wrongly, or missing).
    What was read of it is still checked, each field on its own: its metric and source exist, its
    unit fits the metric, its numbers keep the rules that look at them only. It is left out of the data."""

    kind: str  # "fact", "series" or "highlight"
    region: str
    values: dict[str, Any]  # the fields read; "source" is its own, else its region entry's ("" for neither)
    failed: frozenset[str]  # the fields that were not read
    origin: Origin


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
    broken_sources: set[str] = field(default_factory=set)  # sources defined with problems
    broken_themes: set[str] = field(default_factory=set)  # themes defined with problems
    additions: list[tuple[str, Origin]] = field(default_factory=list)  # regions named to add facts to
    region_sources: dict[str, str] = field(default_factory=dict)  # region -> its default source ("" none)
    source_lines: dict[str, Origin] = field(default_factory=dict)  # a region's default source -> where written
    broken_regions: set[str] = field(default_factory=set)  # regions defined with problems
    unread: list[Unread] = field(default_factory=list)  # parts with a field not read, in file order
    unsure: set[tuple[str, str | None]] = field(default_factory=set)  # (region, metric name as written)
    unread_anywhere: bool = False  # text not read at all: a syntax error, an unknown section, an entry of no id
