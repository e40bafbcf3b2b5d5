"""Search: the facts and highlights whose words mention a text.

Pure functions over a :class:`~reporter.model.dataset.Dataset`: they return values and never print.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, NamedTuple

from reporter.errors import UsageProblem
from reporter.messages import Message
from reporter.model.records import Fact, Highlight

if TYPE_CHECKING:
    from reporter.model.dataset import Dataset





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
    return SearchHits(data.facts_where(match), tuple(highlights))
