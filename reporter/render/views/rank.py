"""``rank``: regions ranked within a period, a top N for each period, one region's place over time."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from reporter.model import units
from reporter.model.records import Fact, Metric, Region
from reporter.query.rank import PlaceRow, RankHistory, Ranking, RankRow, Within
from reporter.render import figures
from reporter.render.labels import Labels
from reporter.render.views.base import (
    ASSUMED_MARK,
    VALUE_KEYS,
    Column,
    Row,
    View,
    is_assumed,
    period_notes,
    period_said,
    trend,
    value_fields,
)
from reporter.render.views.notes import left_out_note, places_words, unstated_note

if TYPE_CHECKING:
    from reporter.model.dataset import Dataset

RANK_KEYS = ["position", "of", "region", "region_name", "value", "unit", "qualifier", "period", "official",
             *VALUE_KEYS, "yoy_pct"]
RANK_HISTORY_KEYS = ["period", "position", "of", "region", "region_name", "value", "unit", "qualifier", "official",
                     "gained", *VALUE_KEYS]


def _rank_record(item: RankRow, metric: Metric, official: bool) -> dict[str, Any]:
    fact = item.fact
    return {"position": item.position, "of": item.total, "region": item.region.id,
            "region_name": item.region.zh, "value": fact.quantity.level, "unit": fact.quantity.unit,
            "qualifier": fact.quantity.qualifier, "period": fact.period.canonical, "official": official,
            **value_fields(fact.quantity, metric), "yoy_pct": fact.yoy_pct}


BAR = 20  # the longest bar, in cells


def bar_baseline(values: Sequence[Decimal]) -> Decimal:
    """Where the bars of a ranking start: zero when the values spread widely (the least is under half
    the greatest) or any is negative; else a round number below the least, so a top 5 of near-equal
    values still shows its differences (and the bar column's header states it)."""
    if not values:
        return Decimal(0)
    low, high = min(values), max(values)
    if low <= 0 or high == low or low * 2 <= high:
        return Decimal(0)
    span = high - low
    step = Decimal(1).scaleb(span.adjusted())  # a power of ten the size of the spread
    base = ((low - span / 4) / step).to_integral_value(rounding="ROUND_FLOOR") * step
    return max(base, Decimal(0)).normalize() if base else Decimal(0)


def _bar(item: RankRow, base: Decimal, top: Decimal) -> str:
    """A bar from ``base`` to the row's value, ``top`` (the greatest value shown) full length."""
    if base == 0:
        filled = int(item.share_of_best * BAR)
    else:
        filled = int((item.base_value - base) / (top - base) * BAR) if top > base else BAR
    return "█" * filled + ("▏" if filled == 0 else "")


def _bars(rows: Sequence[RankRow], official: bool) -> tuple[Decimal, Decimal]:
    values = [] if official else [row.base_value for row in rows]
    return bar_baseline(values), max(values, default=Decimal(0))


def _bar_header(base: Decimal, unit: str, say: Labels) -> str:
    """The bar column's header: where the bars start, in the metric's unit (nothing when at zero)."""
    if not base:
        return ""
    shown = units.normalise(base / units.to_base(Decimal(1), unit))
    return say("baseline", value=figures.amount(shown, unit, say.lang, True))


def _rank_cells(item: RankRow, official: bool, say: Labels, bars: tuple[Decimal, Decimal] = (Decimal(0),) * 2,
                mark: bool = False) -> dict[str, str]:
    """A ranking's row; with ``mark``, a region whose figure's period is assumed is marked (its period
    is the group's heading, not a cell of the row)."""
    fact = item.fact  # a growth-only figure is shown by its change (同比增长5.2%: +5.2%)
    value = figures.signed_pct(fact.yoy_pct, True) if fact.growth_only and fact.yoy_pct is not None else \
        figures.quantity(fact.quantity, say.lang, True, symbols=True)
    return {"position": say("rank.position", position=item.position, total=item.total),
            "region_name": item.region.name(say.lang) + (ASSUMED_MARK if mark and is_assumed(item.fact) else ""),
            "value": value,
            "bar": "" if official else _bar(item, *bars)}


def _rank_columns(say: Labels, official: bool, bar_header: str = "") -> list[Column]:
    return [Column("position", say("rank.our_order" if official else "position")),
            Column("region_name", say("region_name")),
            Column("value", say("rank.official_value" if official else "value"), numeric=True),
            Column("bar", bar_header, visual=True)]


def ranking_notes(data: Dataset, ranking: Ranking, shown: set[str], lang: str, facts: Sequence[Fact] = ()) -> list[str]:
    """What a table of every region's figures (``rank --by period``; ``shown``: the ids of its rows)
    left out, as ``rank`` says it: regions whose figures have no stated period, or only periods
    unlike the table's (its like periods are its columns, so no pointer to them); then what the marks
    of its cells (``facts``) mean."""
    left_out = tuple(f for f in ranking.left_out if f.region not in shown)
    return (_notes(data, [ranking._replace(left_out=left_out, other_periods=())], Labels(lang))
            + period_notes(facts, Labels(lang)))


def _notes(data: Dataset, rankings: Sequence[Ranking], say: Labels) -> list[str]:
    """Name what was left out only when its period is unlike the one ranked, and apart from it the
    regions whose figures have no stated period (never ranked: no --period would rank them);
    else at most a pointer to other periods."""
    latest: dict[str, Fact] = {}
    silent: dict[str, Fact] = {}
    for ranking in rankings:
        for fact in ranking.left_out:
            latest[fact.region] = fact
        for fact in ranking.unstated:
            silent[fact.region] = fact
    notes = [say("rank.by_change")] if any(r.by_change for r in rankings) else []
    if latest:
        notes.append(left_out_note(data, sorted(latest.values(), key=lambda f: f.period.sort_key), say, "left_out"))
    if silent:
        notes.append(unstated_note(data, list(silent.values()), say, "rank.unstated"))
    if not latest and len(rankings) == 1 and not rankings[0].asked and rankings[0].other_periods:
        notes.append(say("rank.other_periods"))
    return notes


def rank_view(data: Dataset, ranking: Ranking, lang: str, notes_lang: str | None = None,
              within: tuple[str, Within] | None = None) -> View:
    """``rank METRIC``; with ``within`` (``("prefecture", places)``), each region's place in its
    prefecture beside its place in the whole."""
    say = Labels(lang)
    metric = ranking.metric
    official = metric.kind == "rank"
    period_words = ranking.period.in_words(lang)
    by, places = within if within else ("", {})
    group = say(f"stats.by.{by}") if by else ""

    def row(item: RankRow) -> Row:
        cells = {**_rank_cells(item, official, say, bars), "period": period_said(item.fact, lang)}
        if by:
            place, total = places[item.region.id]
            cells[by] = item.region.prefecture if by == "prefecture" else item.region.province
            cells["within"] = say("rank.position", position=place, total=total)
        return Row(cells)

    def record(item: RankRow) -> dict[str, Any]:
        done = _rank_record(item, metric, official)
        if by:
            done.update({by: getattr(item.region, by), "within_position": places[item.region.id][0],
                         "within_of": places[item.region.id][1]})
        return done

    bars = _bars(ranking.rows, official)
    columns = _rank_columns(say, official, _bar_header(bars[0], metric.unit, say))
    if by:
        columns[1:1] = [Column("within", say("rank.within", group=group)), Column(by, group)]
    keys = [*RANK_KEYS, by, "within_position", "within_of"] if by else RANK_KEYS
    return View("rank", say("title.rank", metric=metric.label(lang), period=period_words),
                [*columns, Column("period", say("period"), shared=True)], keys, ranking.rows, record, row,
                _notes(data, [ranking], Labels(notes_lang or lang))
                + period_notes([r.fact for r in ranking.rows], Labels(notes_lang or lang)), lang=lang)


def rank_each_period_view(data: Dataset, rankings: Sequence[Ranking], lang: str,
                          notes_lang: str | None = None) -> View:
    """``rank METRIC --each-period``: one ranking (a top N) per period, the period as the group."""
    say = Labels(lang)
    metric = rankings[0].metric
    official = metric.kind == "rank"
    items = [(ranking, item) for ranking in rankings for item in ranking.rows]

    def row(pair: tuple[Ranking, RankRow]) -> Row:
        ranking, item = pair
        return Row(_rank_cells(item, official, say, bars, mark=True), group=ranking.period.in_words(lang))

    first, last = rankings[0].period.in_words(lang), rankings[-1].period.in_words(lang)
    span = first if first == last else say("span", first=first, last=last)
    bars = _bars([item for _, item in items], official)
    return View("rank", say("title.rank", metric=metric.label(lang), period=span),
                _rank_columns(say, official, _bar_header(bars[0], metric.unit, say)),
                RANK_KEYS, items, lambda pair: _rank_record(pair[1], metric, official), row,
                _notes(data, rankings, Labels(notes_lang or lang))
                + period_notes([item.fact for _, item in items], Labels(notes_lang or lang)),
                group_label=say("period"), lang=lang)


def rank_history_view(data: Dataset, history: RankHistory, lang: str, notes_lang: str | None = None) -> View:
    """``rank METRIC --region R``: the region's place in each period, and the places it gained."""
    say = Labels(lang)
    official = history.metric.kind == "rank"
    region: Region = history.region
    facts = [item.fact for item in history.rows]  # the trend of its figure up to each period

    def record(item: PlaceRow) -> dict[str, Any]:
        q = item.fact.quantity
        return {"period": item.period.canonical, "position": item.position, "of": item.total,
                "region": region.id, "region_name": region.zh, "value": q.level, "unit": q.unit,
                "qualifier": q.qualifier, "official": official, "gained": item.gained,
                **value_fields(q, history.metric)}

    def row(item: PlaceRow) -> Row:
        tone = "" if not item.gained else "good" if item.gained > 0 else "bad"
        return Row({"period": period_said(item.fact, lang),
                    "position": "—" if item.position is None else say("rank.position", position=item.position,
                                                                        total=item.total),
                    "value": figures.quantity(item.fact.quantity, lang, True, symbols=True),
                    "gained": "" if item.gained is None else places_words(item.gained, say),
                    "trend": trend(facts, item.period)},
                   tones={"gained": tone})

    title = say("title.rank_history", region=region.name(lang), metric=history.metric.label(lang))
    return View("rank_history", title,
                [Column("period", say("period")),
                 Column("position", say("rank.our_order" if official else "position")),
                 Column("value", say("rank.official_value" if official else "value"), numeric=True),
                 Column("gained", say("rank.gained")), Column("trend", say("trend"), visual=True)],
                RANK_HISTORY_KEYS, history.rows, record, row,
                period_notes([r.fact for r in history.rows], Labels(notes_lang or lang)), lang=lang)
