"""The validated data model: immutable values built by :mod:`reporter.data.load`.

They are ``NamedTuple`` classes rather than frozen dataclasses: a dataclass is slower to
create at import, and ``reporter get``'s start-up time is a target (benchmarks/).

Every object that came from a file carries its :class:`Origin`, so any later complaint
can name ``file:line``.

Numbers are kept as the text the loader checked (``-?digits[.digits]``: ``1009.0`` stays
``1009.0``) and become :class:`~decimal.Decimal` when a query computes with them, through the
``value``, ``yoy_pct`` and ``previous`` properties. ``reporter get`` prints the text and never
loads decimal's C module.
"""


from collections.abc import Container, Iterable
from decimal import Decimal
from typing import TYPE_CHECKING, NamedTuple

from reporter.messages import Named
from reporter.model.periods import Period

if TYPE_CHECKING:
    from decimal import Decimal

    from reporter.messages import Named

QUALIFIERS = ("exact", "more_than", "approx", "nearly", "at_least", "target")
POLARITIES = ("higher", "lower")
PERIOD_BASES = ("stated", "carried", "assumed")  # how a fact's period is known (docs/data-format.md)
KINDS = ("flow", "stock", "rate", "rank", "count", "target")
LEVELS = ("district", "county-level city", "county", "city", "prefecture", "province")
LEVELS_ZH = {"district": "区", "county-level city": "县级市", "county": "县", "city": "市", "prefecture": "地级市",
             "province": "省"}  # the words a Chinese reader uses, and reporter prints


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
    # English and Chinese where the data gives them (after ``origin``: a cache written before them still reads)
    title_en: str = ""
    column_en: str = ""
    date_note_zh: str = ""


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
    # a figure's own wording in a sentence, where the data gives one (docs/templates.md, *Optional data*)
    phrase: str = ""  # zh, with {value}: 按进度实施中的产品智能化项目{value}
    phrase_en: str = ""  # en, with {value}
    noun_en: tuple[str, ...] = ()  # what a counter counts in English: (one, many)

    def label(self, lang: str) -> str:
        return self.zh if lang == "zh" else self.en

    def said(self) -> "Named":
        """The metric in a message: its id to a reader of English (what they type; the English
        labels are phrases with commas), its label to a reader of Chinese."""

        return Named(self.id, self.zh)


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

    def said(self) -> "Named":
        """The region in a message, by its name in the reader's language (Jiangshan, 江山市)."""

        return Named(self.en or self.zh, self.zh)

    @property
    def names(self) -> tuple[str, ...]:
        """Every name a user may type for this region."""
        return tuple(n for n in (self.id, self.zh, self.short, self.en, self.pinyin, *self.aliases) if n)


_new = tuple.__new__  # a record made from its fields in order, without a Python call (SeriesChunk.expand)
_DECIMAL: list[type] = []  # decimal.Decimal, once imported: a million values make a million calls


def to_decimal(text: str) -> "Decimal":
    """The Decimal of a number as written (decimal is imported on first use)."""
    if not _DECIMAL:

        _DECIMAL.append(Decimal)
    return _DECIMAL[0](text)  # type: ignore[no-any-return]


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

    @property
    def level(self) -> "Decimal | None":
        """The value, or None for a growth-only fact (machine formats write an empty value)."""
        return to_decimal(self.written) if self.written else None

    @property
    def has_level(self) -> bool:
        """Whether a level is written: a growth-only fact (同比增长5.2%, no level) has none."""
        return bool(self.written)


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
    # how the period is known: stated (a time word of the figure's own clause), carried (from the
    # document's title or heading, or the paragraph's lead) or assumed (from the publication date or
    # a reading of the source); after ``origin``, so a record built without it still reads
    period_basis: str = "stated"

    @property
    def growth_only(self) -> bool:
        """A reported change with no level (``yoy_pct`` and no ``value``): ranked and shown by its change."""
        return not self.quantity.written

    @property
    def yoy_pct(self) -> "Decimal | None":
        return None if self.yoy_written is None else to_decimal(self.yoy_written)

    @property
    def previous(self) -> "Decimal | None":
        return None if self.previous_written is None else to_decimal(self.previous_written)

    # -- what a store needs of an item (see reporter.model.dataset); a SeriesChunk answers the same

    @property
    def size(self) -> int:
        return 1

    def expand(self) -> tuple["Fact"]:
        return (self,)

    def first(self) -> "Fact":
        return self

    def variants(self) -> tuple[tuple[Period, str, str | None, str | None, int | None]]:
        """What differs between the facts of an item: period, value, change, previous, rank move."""
        return ((self.period, self.quantity.written, self.yoy_written, self.previous_written, self.rank_change),)

    def period_texts(self) -> tuple[str]:
        return (self.period.canonical,)

    def periods(self) -> tuple[Period]:
        return (self.period,)

    def expand_periods(self, canonicals: Container[str]) -> tuple["Fact", ...]:
        """The item's facts of these periods (by canonical text), in order: a query of a period or two
        of a metric builds those alone."""
        return (self,) if self.period.canonical in canonicals else ()


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


class SeriesChunk(NamedTuple):
    """One series as written (``values: {"2019": 123.4, …}``): its facts are built on demand.

    Loading a large file checks every value but makes no Fact objects; a query that needs a
    region's or a metric's facts builds only those (see :mod:`reporter.model.dataset`).
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
    period_basis: str = "stated"  # how the series' periods are known (a series' keys are its curator's)

    @property
    def size(self) -> int:
        return len(self.entries)

    def expand(self) -> list[Fact]:
        """The series' facts, one per entry, in the order written."""
        return self._facts(self.entries)

    def _facts(self, entries: Iterable[tuple[Period, str, int, int]]) -> list[Fact]:
        """Facts of these entries, made as tuples of the records' fields, in their order: a NamedTuple's
        own ``__new__`` is a Python call, and a query of every county builds a million facts (tests hold
        the two equal)."""
        region, metric, source, quote, note, path, basis = (self.region, self.metric, self.source, self.quote,
                                                             self.note, self.path, self.period_basis)
        unit, qualifier = self.unit, self.qualifier
        return [_new(Fact, (region, metric, _new(Quantity, (value, unit, qualifier)), period, source, quote,
                            None, None, None, note, _new(Origin, (path, line, column)), basis))
                for period, value, line, column in entries]

    def first(self) -> Fact:
        """The series' first fact: what its facts share, without building them all."""
        period, value, line, column = self.entries[0]
        return Fact(self.region, self.metric, Quantity(value, self.unit, self.qualifier), period, self.source,
                    self.quote, None, None, None, self.note, Origin(self.path, line, column), self.period_basis)

    def variants(self) -> list[tuple[Period, str, None, None, None]]:
        return [(period, value, None, None, None) for period, value, _, _ in self.entries]

    def period_texts(self) -> list[str]:
        return [entry[0].canonical for entry in self.entries]

    def periods(self) -> list[Period]:
        return [entry[0] for entry in self.entries]

    def expand_periods(self, canonicals: Container[str]) -> list[Fact]:
        """The series' facts of these periods (by canonical text), in order, as :meth:`expand` makes them."""
        return self._facts([entry for entry in self.entries if entry[0].canonical in canonicals])
