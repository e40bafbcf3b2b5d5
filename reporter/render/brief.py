"""Text briefs: the plain data a template words (docs/templates.md), from the query layer.

Templates (reporter/render/template.py) run in Jinja2's immutable sandbox with strict undefined
and no autoescape (the output is plain text). They get plain dicts, lists, strings and numbers,
never live objects: a brief's regions, sources and a theme's facts are sequences made as the
template reads them (a brief of every county is never held whole), which to a template are lists.
"""

from __future__ import annotations

from collections import UserList
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from decimal import Decimal
from functools import partial
from typing import TYPE_CHECKING, Any, NamedTuple

from reporter import __version__
from reporter.model.periods import Period
from reporter.model.records import Fact, Highlight, Region, Source, Theme
from reporter.query import headline
from reporter.query import selection as select
from reporter.query.delta import change_of, changes_among
from reporter.render import figures
from reporter.render import wording as prose
from reporter.render.labels import Labels
from reporter.render.safe import clean

if TYPE_CHECKING:
    from reporter.model.dataset import Dataset as Data
    from reporter.query.delta import Delta

# --------------------------------------------------------------------------- context (plain data)


def _s(text: str | None) -> str:
    return clean(text or "")


def _num(value: Decimal | str | None) -> str | None:
    return None if value is None else figures.number(value)


def _optional(record: Any, name: str) -> Any:
    """A field the data format may give a record in a later version (docs/templates.md, *Optional
    data*: a metric's ``phrase``, a source's ``title_en`` …); empty while the record has none."""
    return getattr(record, name, None) or ""


class MetricWords(NamedTuple):
    """A metric's words, made once per brief and shared by all its facts."""

    label: str  # zh, cleaned
    label_en: str
    inline_en: str  # the English label inside a sentence (prose.inline_label)
    noun_en: tuple[str, str] | None  # what a counter counts, (one, many), from the optional ``noun_en``


def metric_words(data: Data) -> dict[str, MetricWords]:
    """Every metric's words; English labels are judged against the names the data's English holds
    (:func:`prose.names_in`), so ``Kuamai Medical's …`` keeps its capital inside a sentence."""
    texts = [m.en for m in data.metrics.values()] + [t.en for t in data.themes.values()]
    texts += [h.text_en for h in data.highlights]
    names = prose.names_in(texts, [n for r in data.regions.values() for n in (r.en, r.prefecture_en)])
    words = {}
    for metric in data.metrics.values():
        noun = _optional(metric, "noun_en")  # [event, events] or "event|events"
        parts = [str(p).strip() for p in (noun.split("|") if isinstance(noun, str) else noun) if str(p).strip()]
        words[metric.id] = MetricWords(_s(metric.zh), _s(metric.en), _s(prose.inline_label(metric.en, names)),
                                       (_s(parts[0]), _s(parts[-1])) if parts else None)
    return words


def _delta_context(delta: Delta | None) -> dict[str, Any] | None:
    if delta is None:
        return None
    before = delta.previous_period if delta.previous_period.comparable else None  # "a year before an
    # unstated period" is no period: a reported change of an undated figure has none
    return {"basis": delta.basis, "derived": delta.derived, "previous": _num(delta.previous),
            "previous_period": before.canonical if before else None,
            "previous_period_zh": prose.period_words(before, "zh") if before else None,
            "previous_period_en": prose.period_words(before, "en") if before else None,
            "change": _num(delta.change), "pct": _num(delta.pct), "direction": delta.direction,
            "good": delta.good, "qualifier": delta.qualifier}


def fact_context(data: Data, fact: Fact, delta: Delta | None = None, words: MetricWords | None = None,
                 is_headline: bool = False) -> dict[str, Any]:
    """One fact as plain data: its figures as written, its words, its change (see docs/templates.md)."""
    metric = data.metrics[fact.metric]
    q = fact.quantity
    aim = q.qualifier == "target" or metric.kind == "target"  # 力争…: the phrase says it is an aim
    said = q._replace(qualifier="exact") if aim else q
    label, label_en, inline, noun = words or metric_words(data)[metric.id]
    assumed = fact.period_basis == "assumed" and fact.period.comparable
    assumed_zh, assumed_en = (Labels("zh")("assumed.said"), Labels("en")("assumed.said")) if assumed else ("", "")
    phrase_en = _optional(metric, "phrase_en")
    return {
        "metric": fact.metric, "label": label, "label_en": label_en, "label_en_inline": inline,
        "kind": metric.kind, "polarity": metric.polarity, "value": figures.number(q.written) if q.written else "",
        "growth_only": fact.growth_only,  # a change with no level: its clause is the label and the change
        "unit": _s(q.unit), "qualifier": q.qualifier,
        "period": fact.period.canonical, "period_kind": fact.period.kind,
        # an assumed period says so where it is said (the page prints no word that fixes it)
        "period_zh": prose.period_words(fact.period, "zh") + assumed_zh,
        "period_en": prose.period_words(fact.period, "en") + assumed_en,
        "lead_zh": prose.lead(fact.period, "zh") + assumed_zh, "lead_en": prose.lead(fact.period, "en") + assumed_en,
        "period_basis": fact.period_basis,
        "yoy_pct": _num(fact.yoy_written), "previous": _num(fact.previous_written),
        "rank_change": fact.rank_change, "delta": _delta_context(delta), "headline": is_headline,
        "phrase": _s(label if fact.growth_only else prose.phrase(label, figures.prose_quantity(said, "zh"), "zh",
                                                                  _optional(metric, "phrase"), aim)),
        # a metric's own English sentence form says what it counts: the noun is not said twice
        "phrase_en": _s(inline if fact.growth_only else prose.phrase(
            inline, figures.prose_quantity(said, "en", None if phrase_en else noun), "en", phrase_en, aim)),
        "note": _s(fact.note), "quote": _s(fact.quote), "source": fact.source,
    }


def _by_period(facts: Sequence[dict[str, Any]], periods: Mapping[str, Period]) -> list[dict[str, Any]]:
    """Facts grouped by period, oldest period first (catalogue order within one)."""
    groups: dict[str, dict[str, Any]] = {}
    for fact in sorted(facts, key=lambda f: periods[f["period"]].sort_key):
        groups.setdefault(fact["period"], {
            "period": fact["period"], "period_zh": fact["period_zh"], "period_en": fact["period_en"],
            "lead_zh": fact["lead_zh"], "lead_en": fact["lead_en"], "facts": []})["facts"].append(fact)
    return list(groups.values())


def _clauses(facts: Sequence[dict[str, Any]], periods: Mapping[str, Period]) -> list[dict[str, Any]]:
    """What a paragraph says, in reading order: metrics in catalogue order, a metric's figures
    together and oldest first (a *series* clause when there are several). A clause ``lead``s with
    its period when that differs from the clause before it."""
    by_metric: dict[tuple[str, bool], list[dict[str, Any]]] = {}
    for fact in facts:  # a change with no level is a clause of its own, beside the metric's levels
        by_metric.setdefault((fact["metric"], bool(fact.get("growth_only"))), []).append(fact)
    clauses, before = [], None
    for group in by_metric.values():
        group = sorted(group, key=lambda f: periods[f["period"]].sort_key)
        last = group[-1]
        series = len(group) > 1
        clauses.append({"series": series, "lead": not series and last["period"] != before, "facts": group,
                        **{k: last[k] for k in ("metric", "label", "label_en", "label_en_inline", "period",
                                                "period_zh", "period_en", "lead_zh", "lead_en")}})
        before = None if series else last["period"]
    return clauses


def _highlight(h: Highlight) -> dict[str, Any]:
    return {"text": _s(h.text), "text_en": _s(h.text_en), "quote": _s(h.quote),
            "period": h.period.canonical if h.period else None}


class _Changes(Mapping[headline.Key, "Delta"]):
    """A region's year-over-year changes by (metric, period), worked out a metric at a time when
    first asked for: a summary brief needs those of each metric's newest figure, not of all."""

    def __init__(self, data: Data, facts: Sequence[Fact]) -> None:
        self._data = data
        self._by_metric: dict[str, list[Fact]] = {}
        for fact in facts:
            self._by_metric.setdefault(fact.metric, []).append(fact)
        self._made: dict[str, dict[headline.Key, Delta]] = {}
        self._one: dict[headline.Key, tuple[Delta | None]] = {}

    def _of(self, metric: str) -> dict[headline.Key, Delta]:
        made = self._made.get(metric)
        if made is None:

            made = self._made[metric] = {headline.key_of(d.fact): d for d in
                                         changes_among(self._data, self._by_metric.get(metric, []))}
        return made

    def __getitem__(self, key: headline.Key) -> Delta:
        made = self._made.get(key[0])
        if made is not None:
            return made[key]
        found = self._one.get(key)
        if found is None:  # one figure's change: a summary brief asks of each metric's newest alone

            facts = self._by_metric.get(key[0], [])
            fact = next((f for f in facts if headline.key_of(f) == key), None)
            found = self._one[key] = (change_of(self._data, facts, fact) if fact is not None else None,)
        if found[0] is None:
            raise KeyError(key)
        return found[0]

    def __iter__(self) -> Iterator[headline.Key]:
        return (key for metric in self._by_metric for key in self._of(metric))

    def __len__(self) -> int:
        return sum(len(self._of(metric)) for metric in self._by_metric)


def in_window(data: Data, region: Region, theme: Theme | None, latest: bool, since: Period | None,
              everything: Sequence[Fact] | None = None, undated: bool = False) -> tuple[list[Fact], list[Highlight]]:
    """A region's facts and highlights a brief may use (in the theme, the periods asked); from
    ``everything``, the region's facts as :func:`select.region_facts` orders them, when given."""
    if everything is None:
        everything = select.region_facts(data, region)
    facts = headline.in_window((f for f in everything if theme is None or data.metrics[f.metric].theme == theme.id),
                               latest, since, undated)
    published = {s.id: prose.date_period(s.date) for s in data.sources.values()} if since else None
    return facts, headline.highlights_in_window(select.region_highlights(data, region, theme), since, published)


def region_context(data: Data, region: Region, theme: Theme | None = None, *, full: bool = False,
                   latest: bool = False, since: Period | None = None,
                   words: Mapping[str, MetricWords] | None = None, undated: bool = False) -> dict[str, Any]:
    """A region's facts and highlights in the window, by theme; ``clauses``, ``points`` and
    ``points_en`` hold what a brief says: the headline facts (:mod:`reporter.query.headline`)
    and each theme's first highlight, or all of them with ``full``."""
    # a change may reach back before the window; of a brief of the newest figures alone, to the year before them
    everything = select.region_facts_of_newest(data, region) if latest and since is None \
        else select.region_facts(data, region)
    facts, highlights = in_window(data, region, theme, latest, since, everything, undated)
    deltas = _Changes(data, everything)
    chosen = headline.headlines(facts, data.metrics, deltas)
    words = metric_words(data) if words is None else words
    periods = {f.period.canonical: f.period for f in facts}
    made: dict[int, dict[str, Any]] = {}

    def said(fact: Fact) -> dict[str, Any]:
        """A fact's context, made once, and only when something reads it."""
        context = made.get(id(fact))
        if context is None:
            key = headline.key_of(fact)
            context = made[id(fact)] = fact_context(data, fact, deltas.get(key), words[fact.metric], key in chosen)
        return context

    themes: list[dict[str, Any]] = []
    for th in data.themes.values():
        mine = [f for f in facts if data.metrics[f.metric].theme == th.id]
        noted = [h for h in highlights if h.theme == th.id]
        english = [h for h in noted if h.text_en]  # English prose leaves out what has no English
        if (theme is not None and th.id != theme.id) or not (mine or noted):
            continue
        themes.append({"id": th.id, "name": _s(th.zh), "name_en": _s(th.en),
                       "facts": Later(partial(_each, said, mine)),
                       "periods": Later(partial(_by_period_of, said, mine, periods)),
                       "highlights": [_highlight(h) for h in noted],
                       "clauses": _clauses([said(f) for f in mine if full or headline.key_of(f) in chosen], periods),
                       "points": [_highlight(h) for h in (noted if full else noted[:1])],
                       "points_en": [_highlight(h) for h in (english if full else english[:1])]})
    return {
        "id": region.id, "name": _s(region.zh), "short": _s(region.short), "name_en": _s(region.en),
        "level": region.level, "prefecture": _s(region.prefecture), "prefecture_en": _s(region.prefecture_en),
        "province": _s(region.province), "themes": themes, "fact_count": len(facts),
        "shown_count": sum(len(c["facts"]) for t in themes for c in t["clauses"]),
        "sources": sorted({f.source for f in facts} | {h.source for h in highlights}),
    }


def _each(said: Callable[[Fact], dict[str, Any]], facts: list[Fact]) -> list[dict[str, Any]]:
    return [said(f) for f in facts]


def _by_period_of(said: Callable[[Fact], dict[str, Any]], facts: list[Fact],
                  periods: Mapping[str, Period]) -> list[dict[str, Any]]:
    return _by_period(_each(said, facts), periods)


class Later(UserList[Any]):
    """A list made when first read: every fact of a theme, which a summary brief never reads, costs
    nothing until a template asks for it. To a template it is a list (and, in the immutable
    sandbox, one it cannot change)."""

    def __init__(self, make: Callable[[], list[Any]] | Iterable[Any] = ()) -> None:  # noqa: B008
        # UserList makes new ones of its class from a list (``facts + more``): taken as it is
        self._make: Callable[[], list[Any]] | None = make if callable(make) else None
        self._made: list[Any] | None = None if callable(make) else list(make)

    @property  # type: ignore[override]
    def data(self) -> list[Any]:
        if self._made is None:
            assert self._make is not None
            self._made = self._make()
        return self._made

    @data.setter
    def data(self, value: list[Any]) -> None:
        self._made = value


def source_context(source: Source) -> dict[str, Any]:
    """A source as plain data: its date in words, its titles one by one, and English for each
    part where the data has it (else ``described_en`` says what it is: 'three articles in Chinese')."""
    titles = [_s(t.strip()) for t in source.title.split(" / ") if t.strip()]
    return {"id": source.id, "publication": _s(source.publication), "column": _s(source.column),
            "title": _s(source.title), "titles": titles, "date": _s(source.date),
            "date_zh": _s(prose.date_words(source.date, "zh")), "date_en": _s(prose.date_words(source.date, "en")),
            "date_note": _s(source.date_note), "date_note_zh": _s(_optional(source, "date_note_zh")),
            "title_en": _s(_optional(source, "title_en") or prose.english_or_empty(source.title)),
            "column_en": _s(_optional(source, "column_en") or prose.english_or_empty(source.column)),
            "described_en": prose.articles_en(len(titles))}


def brief_context(data: Data, regions: Sequence[Region], lang: str, theme: Theme | None = None, *,
                  full: bool = False, latest: bool = False, since: Period | None = None,
                  undated: bool = False) -> dict[str, Any]:
    """Everything a template gets (docs/templates.md). By default a summary (the headline facts);
    ``full`` for every fact; ``latest`` and ``since`` narrow the periods.

    ``regions`` and ``sources`` are sequences made as the template reads them (:class:`Regions`):
    a brief of every county of China is worded one region at a time, never held whole."""
    contexts = Regions(data, regions, theme, full=full, latest=latest, since=since, undated=undated)
    return {"lang": lang, "full": full, "latest": latest, "since": since.canonical if since else None,
            "regions": contexts, "sources": Sources(data, contexts), "generator": f"reporter {__version__}"}


class Regions(Sequence[dict[str, Any]]):
    """The regions of a brief, each's context (:func:`region_context`) made when it is read and not
    kept (the last one read is, for ``regions[0].name`` and the like); what each holds is counted."""

    def __init__(self, data: Data, regions: Sequence[Region], theme: Theme | None, *, full: bool, latest: bool,
                 since: Period | None, undated: bool = False) -> None:
        self._data, self._regions, self._theme = data, list(regions), theme
        self._full, self._latest, self._since, self._undated = full, latest, since, undated
        self._counted: dict[int, tuple[int, int, frozenset[str]]] = {}  # index -> shown, facts, sources
        self._words: dict[str, MetricWords] | None = None
        self._last: tuple[int, dict[str, Any]] | None = None

    def __len__(self) -> int:
        return len(self._regions)

    def __getitem__(self, index: Any) -> Any:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        i = range(len(self))[index]  # IndexError as a list's
        if self._last is None or self._last[0] != i:
            if self._words is None:
                self._words = metric_words(self._data)
            made = region_context(self._data, self._regions[i], self._theme, full=self._full, latest=self._latest,
                                  since=self._since, words=self._words, undated=self._undated)
            self._counted[i] = (made["shown_count"], made["fact_count"], frozenset(made["sources"]))
            self._last = (i, made)
        return self._last[1]

    def __iter__(self) -> Iterator[dict[str, Any]]:
        for i in range(len(self)):
            yield self[i]

    def __bool__(self) -> bool:
        return bool(self._regions)

    def _counts(self) -> tuple[int, int, set[str]]:
        """(facts shown, facts in the window, sources used) over every region, each one counted once."""
        shown = total = 0
        used: set[str] = set()
        for i in range(len(self._regions)):
            if i not in self._counted:  # a template that did not read it: made once, to be counted
                self[i]
            n_shown, n_facts, sources = self._counted[i]
            shown, total = shown + n_shown, total + n_facts
            used |= sources
        return shown, total, used


    def _budget(self) -> int:
        """At least the regions, facts, highlights and sources this brief may show (its template's budget)."""
        facts = self._data.coverage()[0]
        return (sum(1 + facts.get(r.id, (0,))[0] for r in self._regions) + len(self._data.highlights)
                + len(self._data.sources))


def brief_counts(context: Mapping[str, Any]) -> tuple[int, int]:
    """(facts shown, facts in the window) over a brief's regions: those a template read, and any
    it did not (made now, to be counted)."""
    shown, total, _ = context["regions"]._counts()
    return shown, total


def regions_worded(context: Mapping[str, Any]) -> int:
    """How many of a brief's regions have been made so far (its progress)."""
    return len(context["regions"]._counted)


class Sources(Sequence[dict[str, Any]]):
    """The sources a brief's regions use, in catalogue order: known once every region was counted."""

    def __init__(self, data: Data, regions: Regions) -> None:
        self._data, self._regions = data, regions
        self._made: list[dict[str, Any]] | None = None

    def _all(self) -> list[dict[str, Any]]:
        if self._made is None:
            used = self._regions._counts()[2]
            self._made = [source_context(s) for s in self._data.sources.values() if s.id in used]
        return self._made

    def __len__(self) -> int:
        return len(self._all())

    def __getitem__(self, index: Any) -> Any:
        return self._all()[index]

    def __iter__(self) -> Iterator[dict[str, Any]]:
        return iter(self._all())
