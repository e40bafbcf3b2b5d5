"""Views: what each command shows, independent of the format it is shown in.

One module per command family; :mod:`~reporter.render.views.base` has what they share
(:class:`View`, :class:`Column`, :class:`Row`). Every name is importable from here.
"""

from reporter.render.views.base import EMPTY, Column, Row, View, trend
from reporter.render.views.compare import compare_view
from reporter.render.views.delta import DELTA_KEYS, delta_view
from reporter.render.views.facts import (
    EXPORT_KEYS,
    export_view,
    fact_record,
    metrics_view,
    regions_view,
    search_view,
)
from reporter.render.views.periods import metric_by_period_view, region_by_period_view
from reporter.render.views.rank import (
    rank_each_period_view,
    rank_history_view,
    rank_view,
)
from reporter.render.views.show import highlights_view, places_words, show_view

__all__ = ["DELTA_KEYS", "EMPTY", "EXPORT_KEYS", "Column", "Row", "View", "compare_view", "delta_view",
           "export_view", "fact_record", "highlights_view", "metric_by_period_view", "metrics_view",
           "places_words", "rank_each_period_view", "rank_history_view", "rank_view", "region_by_period_view",
           "regions_view", "search_view", "show_view", "trend"]
