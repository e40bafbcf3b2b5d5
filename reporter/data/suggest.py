"""The names nearest to one that is not known, said as a message's "did you mean"."""

from __future__ import annotations

import difflib
from typing import Any

from reporter.messages import Message
from reporter.model.records import Metric


def suggest_name(name: str, known: dict[str, Any]) -> Message | str:

    close = difflib.get_close_matches(name, list(known), n=3, cutoff=0.5)
    return Message("suggest", names=", ".join(close)) if close else ""


def suggest_metric(name: str, metrics: dict[str, Metric]) -> Message | str:
    """The metrics whose id, label or alias is nearest to ``name`` (研发投人: 研发投入), each said
    as it was matched, with its id when that is another word."""

    every = {n: m.id for m in metrics.values() for n in (m.id, m.zh, m.en, *m.aliases) if n}
    nearest: dict[str, str] = {}  # metric id -> its nearest name (a data file may name a metric by any)
    for close in difflib.get_close_matches(name, list(every), n=6, cutoff=0.6):
        nearest.setdefault(every[close], close)
    return Message("suggest", names=", ".join(list(nearest.values())[:3])) if nearest else ""
