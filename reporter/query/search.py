"""Search: the facts and highlights whose words mention a text.

Pure functions over a :class:`~reporter.model.dataset.Dataset`: they return values and never print.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, NamedTuple

from reporter.errors import UsageProblem
from reporter.messages import Message
from reporter.model.records import Fact, Highlight

if TYPE_CHECKING:
    from reporter.model.dataset import Dataset, FactsWhere





class SearchHits(NamedTuple):
    facts: Iterable[Fact]  # lazy (Dataset.facts_where): iterable again, bool() and len() without a list
    highlights: tuple[Highlight, ...]


def search(data: Dataset, text: str) -> SearchHits:
    """Facts and highlights whose label, alias, note, quote or region name contains ``text``."""
    wanted = text.strip().casefold()
    if not wanted:  # no text is no question: a usage error (exit 2), like a period that is no period

        raise UsageProblem(Message("search.empty"))
    regions = {r.id for r in data.regions.values() if any(wanted in n.casefold() for n in r.names)}
    metrics = {m.id for m in data.metrics.values()
               if any(wanted in x.casefold() for x in (m.id, m.zh, m.en, *m.aliases))}

    def match(region: str, metric: str, note: str, quote: str) -> bool:
        return (region in regions or metric in metrics or wanted in note.casefold()
                or wanted in quote.casefold())

    highlights = [h for h in data.highlights
                  if h.region in regions or any(wanted in x.casefold() for x in (h.text, h.text_en, h.quote))]
    return SearchHits(Kept(data.facts_where(match)), tuple(highlights))


class Kept:
    """Matching facts, read from the store as they are iterated; the first complete reading is kept
    when it holds no more than ``most`` facts, so the table, its notes and its count read a
    million-value store once. More are read again each time (memory stays bounded)."""

    def __init__(self, facts: FactsWhere, most: int = 20_000) -> None:
        self._facts, self._most = facts, most
        self._kept: list[Fact] | None = None

    def __iter__(self) -> Iterator[Fact]:
        if self._kept is not None:
            yield from self._kept
            return
        kept: list[Fact] | None = []
        for fact in self._facts:
            if kept is not None:
                kept.append(fact)
                if len(kept) > self._most:
                    kept = None
            yield fact
        if kept is not None:  # read to the end
            self._kept = kept

    def __bool__(self) -> bool:
        return bool(self._kept) if self._kept is not None else bool(self._facts)

    def __len__(self) -> int:
        return len(self._kept) if self._kept is not None else len(self._facts)
