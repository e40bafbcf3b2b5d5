"""Views: what each command shows, independent of the format it is shown in.

One module per command family; :mod:`~reporter.render.views.base` has what they share
(:class:`View`, :class:`Column`, :class:`Row`). Every name is importable from here, and so are
the machine keys of each view (what an empty answer's document carries, and docs/output.md lists).

The views of a command family are imported when first asked for (``views.rank_view``, ``from
reporter.render.views import delta_view``): a warm ``stats`` or ``rank`` loads no compare, delta or
show view (a tenth of its start-up).
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

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

if TYPE_CHECKING:  # what the type checker reads; at run time, __getattr__ below
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
    from reporter.render.views.notes import places_words
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
        show_view,
    )

_LAZY = {  # name -> the module of this package that defines it
    "METRIC_LEAD": "by_period",
    "REGION_LEAD": "by_period",
    "metric_by_period_view": "by_period",
    "period_keys": "by_period",
    "region_by_period_view": "by_period",
    "compare_keys": "compare",
    "compare_view": "compare",
    "DELTA_KEYS": "delta",
    "delta_view": "delta",
    "EXPORT_KEYS": "facts",
    "SEARCH_KEYS": "facts",
    "export_view": "facts",
    "fact_record": "facts",
    "metrics_view": "facts",
    "regions_view": "facts",
    "search_view": "facts",
    "RANK_HISTORY_KEYS": "rank",
    "RANK_KEYS": "rank",
    "rank_each_period_view": "rank",
    "rank_history_view": "rank",
    "rank_view": "rank",
    "ranking_notes": "rank",
    "HIGHLIGHT_KEYS": "show",
    "highlights_view": "show",
    "oldest_first": "show",
    "places_words": "notes",
    "show_view": "show",
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{module}"), name)
    globals()[name] = value  # once: the next lookup finds it as any module attribute
    return value


__all__ = ["DELTA_KEYS", "EMPTY", "EXPORT_KEYS", "HIGHLIGHT_KEYS", "METRIC_LEAD", "RANK_HISTORY_KEYS", "RANK_KEYS",
           "REGION_LEAD", "SEARCH_KEYS", "VALUE_KEYS", "Column", "Row", "View", "compare_keys", "compare_view",
           "delta_view", "empty_view", "export_view", "fact_record", "highlights_view", "metric_by_period_view",
           "metrics_view", "oldest_first", "period_keys", "places_words", "rank_each_period_view",
           "rank_history_view", "rank_view", "ranking_notes", "region_by_period_view", "regions_view",
           "search_view", "show_view", "trend", "period_notes", "period_said", "window_notes"]
