"""What users type, resolved: region, metric and theme names, and periods.

Names are forgiving (id, zh or en name, pinyin, alias; case-insensitive; a unique prefix or
substring) and a name that matches nothing or too much fails with the nearest candidates.
Pure functions; they never print.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from reporter.errors import LookupFailed
from reporter.messages import Message
from reporter.model import Metric, Region, Theme
from reporter.periods import Period, PeriodError, parse_period

if TYPE_CHECKING:
    from reporter.dataset import Dataset


def _resolve(kind: str, name: str, names: dict[str, list[str]]) -> str:
    """Resolve ``name`` against ``{id: [names…]}``: exact, then unique prefix, then unique substring."""
    wanted = name.strip().casefold()
    if not wanted:
        raise LookupFailed(Message("empty_name", kind=Message(f"part.{kind}")))
    folded = {ident: [n.casefold() for n in ns] for ident, ns in names.items()}
    for test in (lambda n: n == wanted, lambda n: n.startswith(wanted), lambda n: wanted in n):
        hits = sorted({ident for ident, ns in folded.items() if any(test(n) for n in ns)})
        if len(hits) == 1:
            return hits[0]
        if len(hits) > 1:
            shown = ", ".join(names[h][1] if len(names[h]) > 1 else h for h in hits[:6])
            raise LookupFailed(Message("ambiguous_name", kind=Message(f"part.{kind}"), name=name, shown=shown))
    import difflib  # only when a name is not found

    every = {n: ident for ident, ns in names.items() for n in ns}
    close = difflib.get_close_matches(name, list(every), n=3, cutoff=0.6)
    wide = {ch for ch in name if ch >= "\u2e80"}
    if not close and wide:  # CJK names are short: suggest names sharing a character
        close = sorted((n for n in every if wide & set(n)), key=lambda n: -len(wide & set(n)))[:3]
    hint = Message("suggest", names=", ".join(dict.fromkeys(close))) if close else ""
    raise LookupFailed(Message("unknown_named", kind=Message(f"part.{kind}"), name=name, suggest=hint))


def find_region(data: Dataset, name: str) -> Region:
    """A region by id, zh full or short name, en name, pinyin or alias (case-insensitive)."""
    return data.regions[_resolve("region", name, {r.id: list(r.names) for r in data.regions.values()})]


def find_metric(data: Dataset, name: str) -> Metric:
    """A metric by id, zh or en label, or alias; a unique prefix is enough."""
    names = {m.id: [m.id, m.zh, m.en, *m.aliases] for m in data.metrics.values()}
    return data.metrics[_resolve("metric", name, names)]


def find_theme(data: Dataset, name: str) -> Theme:
    """A theme by id, zh or en name."""
    return data.themes[_resolve("theme", name, {t.id: [t.id, t.zh, t.en] for t in data.themes.values()})]


def find_period(text: str) -> Period:
    """A period typed by a user (canonical or zh form)."""
    try:
        return parse_period(text)
    except PeriodError as exc:
        raise LookupFailed(Message("bad_period_given", reason=exc.message)) from None  # it names the forms
