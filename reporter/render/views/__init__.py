"""Views: what each command shows, independent of the format it is shown in.

One module per command family; :mod:`~reporter.render.views.base` has what they share
(:class:`View`, :class:`Column`, :class:`Row`). Every name is importable from here, and so are
the machine keys of each view (what an empty answer's document carries, and docs/output.md lists).
"""

from reporter.render.views.base import (
    EMPTY,
    VALUE_KEYS,
    Column,
    Row,
    View,
    empty_view,
    period_notes,
    period_said,
    trend,
    window_notes,
)
from reporter.render.views.by_period import (
    METRIC_LEAD,
    REGION_LEAD,
    metric_by_period_view,
    period_keys,
    region_by_period_view,
)
from reporter.render.views.compare import compare_keys, compare_view
from reporter.render.views.delta import DELTA_KEYS, delta_view
from reporter.render.views.facts import (
    EXPORT_KEYS,
    SEARCH_KEYS,
    export_view,
    fact_record,
    metrics_view,
    regions_view,
    search_view,
)
from reporter.render.views.rank import (
    RANK_HISTORY_KEYS,
    RANK_KEYS,
    rank_each_period_view,
    rank_history_view,
    rank_view,
    ranking_notes,
)
from reporter.render.views.show import (
    HIGHLIGHT_KEYS,
    highlights_view,
    oldest_first,
    places_words,
    show_view,
)

__all__ = ["DELTA_KEYS", "EMPTY", "EXPORT_KEYS", "HIGHLIGHT_KEYS", "METRIC_LEAD", "RANK_HISTORY_KEYS", "RANK_KEYS",
           "REGION_LEAD", "SEARCH_KEYS", "VALUE_KEYS", "Column", "Row", "View", "compare_keys", "compare_view",
           "delta_view", "empty_view", "export_view", "fact_record", "highlights_view", "metric_by_period_view",
           "metrics_view", "oldest_first", "period_keys", "places_words", "rank_each_period_view",
           "rank_history_view", "rank_view", "ranking_notes", "region_by_period_view", "regions_view",
           "search_view", "show_view", "trend", "period_notes", "period_said", "window_notes"]
