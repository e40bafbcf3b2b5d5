"""The validated data model: immutable values built by :mod:`reporter.load`.

They are ``NamedTuple`` classes rather than frozen dataclasses: creating a dataclass costs
about 0.6 ms at import, and start-up time is a target (benchmarks/).

Every object that came from a file carries its :class:`Origin`, so any later complaint
can name ``file:line``.
"""


from decimal import Decimal
from typing import NamedTuple

from reporter.periods import Period

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


class Quantity(NamedTuple):
    """A value as written (``Decimal`` keeps ``1009.0``), its unit and its qualifier."""

    value: Decimal
    unit: str
    qualifier: str = "exact"

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
    yoy_pct: Decimal | None = None
    previous: Decimal | None = None  # in the fact's unit
    rank_change: int | None = None  # places gained (positive) or lost (negative)
    note: str = ""
    origin: Origin | None = None


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
