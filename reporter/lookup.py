"""Names to objects, and the one-fact lookup behind ``reporter get``.

Kept apart from :mod:`reporter.query` (rankings, deltas, search) so the start-up path of
``get`` imports only what it uses. Pure functions; they never print.
"""

from collections.abc import Iterable
from typing import TYPE_CHECKING, NamedTuple

from reporter.errors import LookupFailed, NoData
from reporter.model import Fact, Metric, Region, Theme

if TYPE_CHECKING:
    from reporter.model import Data
from reporter.periods import Period, PeriodError, parse_period


def _resolve(kind: str, name: str, names: dict[str, list[str]]) -> str:
    """Resolve ``name`` against ``{id: [names…]}``: exact, then unique prefix, then unique substring."""
    wanted = name.strip().casefold()
    if not wanted:
        raise LookupFailed(f"empty {kind} name")
    folded = {ident: [n.casefold() for n in ns] for ident, ns in names.items()}
    for test in (lambda n: n == wanted, lambda n: n.startswith(wanted), lambda n: wanted in n):
        hits = sorted({ident for ident, ns in folded.items() if any(test(n) for n in ns)})
        if len(hits) == 1:
            return hits[0]
        if len(hits) > 1:
            shown = ", ".join(names[h][1] if len(names[h]) > 1 else h for h in hits[:6])
            raise LookupFailed(f"{kind} '{name}' is ambiguous: it matches {shown}")
    import difflib  # only when a name is not found

    every = {n: ident for ident, ns in names.items() for n in ns}
    close = difflib.get_close_matches(name, list(every), n=3, cutoff=0.6)
    wide = {ch for ch in name if ch >= "\u2e80"}
    if not close and wide:  # CJK names are short: suggest names sharing a character
        close = sorted((n for n in every if wide & set(n)), key=lambda n: -len(wide & set(n)))[:3]
    hint = f" (did you mean {', '.join(dict.fromkeys(close))}?)" if close else ""
    raise LookupFailed(f"unknown {kind} '{name}'{hint}")


def find_region(data: "Data", name: str) -> Region:
    """A region by id, zh full or short name, en name, pinyin or alias (case-insensitive)."""
    return data.regions[_resolve("region", name, {r.id: list(r.names) for r in data.regions.values()})]


def find_metric(data: "Data", name: str) -> Metric:
    """A metric by id, zh or en label, or alias; a unique prefix is enough."""
    names = {m.id: [m.id, m.zh, m.en, *m.aliases] for m in data.metrics.values()}
    return data.metrics[_resolve("metric", name, names)]


def find_theme(data: "Data", name: str) -> Theme:
    """A theme by id, zh or en name."""
    return data.themes[_resolve("theme", name, {t.id: [t.id, t.zh, t.en] for t in data.themes.values()})]


def find_period(text: str) -> Period:
    """A period typed by a user (canonical or zh form)."""
    try:
        return parse_period(text)
    except PeriodError as exc:
        raise LookupFailed(f"bad period: {exc}") from None  # the message names the forms expected


# --------------------------------------------------------------------------- selecting facts


def by_period(facts: Iterable[Fact]) -> list[Fact]:
    """Facts ordered by period, oldest first."""
    return sorted(facts, key=lambda f: f.period.sort_key)


def metric_order(data: "Data", metric_ids: Iterable[str]) -> list[str]:
    """Metric ids in theme order, then catalogue order."""
    catalogue = list(data.metrics)
    return sorted(set(metric_ids), key=lambda m: (data.themes[data.metrics[m].theme].order, catalogue.index(m)))


class Lookup(NamedTuple):
    """The answer to ``get``: the fact, and the other periods it was chosen from."""

    fact: Fact
    others: tuple[Fact, ...]


def get_fact(data: "Data", region: Region, metric: Metric, period: Period | None = None) -> Lookup:
    """One fact of a region and metric: the asked-for period, or the latest one."""
    facts = by_period(data.facts_of(region.id, metric.id))
    if not facts:  # name what the region does report on the theme: the metric meant may be a narrower one
        near = metric_order(data, {f.metric for f in data.facts_of(region.id)
                                   if data.metrics[f.metric].theme == metric.theme})
        hint = f"; on {metric.theme} it has: " + ", ".join(f"{m} ({data.metrics[m].zh})" for m in near) \
            if near else ""
        raise NoData(f"{region.zh} has no '{metric.id}' fact{hint}")
    if period is None:
        return Lookup(facts[-1], tuple(facts[:-1]))
    chosen = [f for f in facts if f.period.canonical == period.canonical]
    if not chosen:
        periods = ", ".join(f.period.canonical for f in facts)
        raise NoData(f"{region.zh} has no '{metric.id}' fact for {period}; it has: {periods}")
    return Lookup(chosen[0], tuple(f for f in facts if f is not chosen[0]))


