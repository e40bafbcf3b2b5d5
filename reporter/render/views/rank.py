"""``rank``: regions ranked within a period, a top N for each period, one region's place over time."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from reporter.model.records import Fact, Metric, Region
from reporter.query.rank import PlaceRow, RankHistory, Ranking, RankRow
from reporter.render import numbers
from reporter.render.labels import Labels
from reporter.render.views.base import VALUE_KEYS, Column, Row, View, value_fields
from reporter.render.views.compare import left_out_note, unstated_note
from reporter.render.views.show import places_words

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


def _rank_cells(item: RankRow, official: bool, say: Labels) -> dict[str, str]:
    filled = int(item.share_of_best * 20) if not official else 0
    fact = item.fact  # a growth-only figure is shown by its change (同比增长5.2%: +5.2%)
    value = numbers.signed_pct(fact.yoy_pct, True) if fact.growth_only and fact.yoy_pct is not None else \
        numbers.quantity(fact.quantity, say.lang, True, symbols=True)
    return {"position": say("rank.position", position=item.position, total=item.total),
            "region_name": item.region.name(say.lang),
            "value": value,
            "bar": "█" * filled + ("▏" if filled == 0 and not official else "")}


def _rank_columns(say: Labels, official: bool) -> list[Column]:
    return [Column("position", say("rank.our_order" if official else "position")),
            Column("region_name", say("region_name")),
            Column("value", say("rank.official_value" if official else "value"), numeric=True),
            Column("bar", "", visual=True)]


def ranking_notes(data: Dataset, ranking: Ranking, shown: set[str], lang: str) -> list[str]:
    """What a table of every region's figures (``rank --by period``; ``shown``: the ids of its rows)
    left out, as ``rank`` says it: regions whose figures have no stated period, or only periods
    unlike the table's (its like periods are its columns, so no pointer to them)."""
    left_out = tuple(f for f in ranking.left_out if f.region not in shown)
    return _notes(data, [ranking._replace(left_out=left_out, other_periods=())], Labels(lang))


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


def rank_view(data: Dataset, ranking: Ranking, lang: str, notes_lang: str | None = None) -> View:
    say = Labels(lang)
    metric = ranking.metric
    official = metric.kind == "rank"
    period_words = ranking.period.in_words(lang)

    def row(item: RankRow) -> Row:
        return Row({**_rank_cells(item, official, say), "period": period_words})

    return View("rank", say("title.rank", metric=metric.label(lang), period=period_words),
                [*_rank_columns(say, official), Column("period", say("period"), shared=True)],
                RANK_KEYS, ranking.rows, lambda item: _rank_record(item, metric, official), row,
                _notes(data, [ranking], Labels(notes_lang or lang)), lang=lang)


def rank_each_period_view(data: Dataset, rankings: Sequence[Ranking], lang: str,
                          notes_lang: str | None = None) -> View:
    """``rank METRIC --each-period``: one ranking (a top N) per period, the period as the group."""
    say = Labels(lang)
    metric = rankings[0].metric
    official = metric.kind == "rank"
    items = [(ranking, item) for ranking in rankings for item in ranking.rows]

    def row(pair: tuple[Ranking, RankRow]) -> Row:
        ranking, item = pair
        return Row(_rank_cells(item, official, say), group=ranking.period.in_words(lang))

    first, last = rankings[0].period.in_words(lang), rankings[-1].period.in_words(lang)
    span = first if first == last else say("span", first=first, last=last)
    return View("rank", say("title.rank", metric=metric.label(lang), period=span), _rank_columns(say, official),
                RANK_KEYS, items, lambda pair: _rank_record(pair[1], metric, official), row,
                _notes(data, rankings, Labels(notes_lang or lang)), group_label=say("period"), lang=lang)


def rank_history_view(data: Dataset, history: RankHistory, lang: str) -> View:
    """``rank METRIC --region R``: the region's place in each period, and the places it gained."""
    say = Labels(lang)
    official = history.metric.kind == "rank"
    region: Region = history.region

    def record(item: PlaceRow) -> dict[str, Any]:
        q = item.fact.quantity
        return {"period": item.period.canonical, "position": item.position, "of": item.total,
                "region": region.id, "region_name": region.zh, "value": q.level, "unit": q.unit,
                "qualifier": q.qualifier, "official": official, "gained": item.gained,
                **value_fields(q, history.metric)}

    def row(item: PlaceRow) -> Row:
        tone = "" if not item.gained else "good" if item.gained > 0 else "bad"
        return Row({"period": item.period.in_words(lang),
                    "position": say("rank.position", position=item.position, total=item.total),
                    "value": numbers.quantity(item.fact.quantity, lang, True, symbols=True),
                    "gained": "" if item.gained is None else places_words(item.gained, say)},
                   tones={"gained": tone})

    title = say("title.rank_history", region=region.name(lang), metric=history.metric.label(lang))
    return View("rank_history", title,
                [Column("period", say("period")),
                 Column("position", say("rank.our_order" if official else "position")),
                 Column("value", say("rank.official_value" if official else "value"), numeric=True),
                 Column("gained", say("rank.gained"))],
                RANK_HISTORY_KEYS, history.rows, record, row, lang=lang)
