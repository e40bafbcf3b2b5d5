"""Shell completion of region, metric and theme names (click's completion calls these)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import click

from reporter.cli.session import Session
from reporter.errors import ReporterError

if TYPE_CHECKING:
    from reporter.model.dataset import Dataset


def _names(of: Callable[[Dataset], list[str]]) -> Callable[..., list[Any]]:
    def complete(ctx: click.Context, param: click.Parameter, incomplete: str) -> list[Any]:

        try:
            data = Session(data_options=tuple(ctx.find_root().params.get("data_options") or ())).data
        except ReporterError:
            return []
        return sorted({n for n in of(data) if n.casefold().startswith(incomplete.casefold())})
    return complete


complete_regions = _names(lambda d: [n for r in d.regions.values() for n in (r.id, r.short, r.zh)])
complete_metrics = _names(lambda d: [n for m in d.metrics.values() for n in (m.id, m.zh)])
complete_themes = _names(lambda d: [n for t in d.themes.values() for n in (t.id, t.zh)])
