"""Which catalogue metric a draft's label names, unless its scope words say otherwise.

Split from :mod:`reporter.curate.extract`: a label names the metric whose name or alias it holds
(:func:`match_metric`); a guess whose population, level or flow words contradict the metric's
(全社会 against 规上企业, 新认定 against a stock) is no guess (:func:`scope_doubt`).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from reporter.messages import Message
from reporter.model import units
from reporter.model.records import Metric

__all__ = ["guess_metric", "match_metric", "scope_doubt"]


def plain_name(name: str) -> str:
    """A name compared without quotes, list marks and spaces (“众创空间” matches 众创空间)."""
    return re.sub(r"[“”\"'‘’「」、\s]", "", name).lower()


def metric_names(metric: Metric) -> list[str]:
    names = [plain_name(n) for n in (metric.zh, metric.en, *metric.aliases)]
    return [n for n in names if n and not (n.isascii() and len(n) < 4)]  # 'rd' is in too many words


def match_metric(label: str, unit: str, metrics: Mapping[str, Metric]) -> str | None:
    """The metric a label names: the longest catalogue name or alias inside it; else, for a label
    of four characters or more, the one metric whose name holds it. Units must share a family."""
    plain = plain_name(label)
    if not plain:
        return None
    family = units.family_of(unit)
    fitting = [m for m in metrics.values() if units.family_of(m.unit) == family]
    best, length = None, 0
    for metric in fitting:
        for name in metric_names(metric):
            if name in plain and len(name) > length:
                best, length = metric.id, len(name)
    if best is not None or len(plain) < 4:
        return best
    holding = {m.id for m in fitting if any(plain in name for name in metric_names(m))}
    return holding.pop() if len(holding) == 1 else None


# --------------------------------------------------------------------------- scopes a guess must not contradict

# Who is counted, widest first: a figure for 全社会 is not one for 规上企业, nor 规上工业's for 规上's.
POPULATIONS = (("全社会",), ("规上工业", "规模以上工业"), ("规上", "规模以上"))
LEVELS = ("国家级", "省级", "市级", "县级", "区级")
NEW_WORDS = ("新认定", "新增", "新建", "新引进", "新招引", "新申报", "新设立", "新入驻")  # a flow: newly …
TOTAL_WORDS = ("总数", "总量", "累计", "共有", "拥有", "现有")  # a level: how many there are


def _first(words: Sequence[str], text: str) -> str | None:
    return next((w for w in words if w in text), None)


def _population(text: str) -> str | None:
    """The population a name counts (全社会, 规上工业, 规上) as written, or None."""
    return next((w for group in POPULATIONS for w in group if w in text), None)


def _group(word: str) -> int:
    return next(i for i, group in enumerate(POPULATIONS) if word in group)


def scope_doubt(label: str, metric: Metric) -> Message | None:
    """Why ``metric`` is not what ``label`` counts, when their words say so; else None.

    The label's population (全社会 against 规上企业), its level (省级 against 国家级), or its
    flow word (新认定…两家: newly recognised) against a stock (how many there are), and a
    total against a flow of new ones.
    """
    said, meant = _population(label), _population(metric.zh)
    if said and meant and _group(said) != _group(meant):
        return Message("extract.doubt_scope", metric=metric.id, name=metric.zh, said=said, meant=meant)
    said, meant = _first(LEVELS, label), _first(LEVELS, metric.zh)
    if said and meant and said != meant:
        return Message("extract.doubt_scope", metric=metric.id, name=metric.zh, said=said, meant=meant)
    new = _first(NEW_WORDS, label)
    if new and metric.kind == "stock" and not _first(NEW_WORDS, metric.zh):
        return Message("extract.doubt_flow", metric=metric.id, name=metric.zh, said=new)
    total = _first(TOTAL_WORDS, label)
    if total and metric.kind in ("flow", "count") and _first(NEW_WORDS, metric.zh):
        return Message("extract.doubt_stock", metric=metric.id, name=metric.zh, said=total)
    return None


def guess_metric(label: str, unit: str, metrics: Mapping[str, Metric]) -> tuple[str | None, Message | None]:
    """The metric a label names (:func:`match_metric`), unless the label's scope words contradict
    it (:func:`scope_doubt`): then no metric, and why, for the curator."""
    found = match_metric(label, unit, metrics)
    doubt = scope_doubt(label, metrics[found]) if found else None
    return (None, doubt) if doubt else (found, None)
