"""A new entry in a user's own data file: a region's, a source's or a metric's skeleton, written through
the one locked write path (:func:`reporter.curate.append.rewrite`) and checked with placeholders in
its TODO fields, so that nothing ``check`` would refuse for its shape is written."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from reporter.curate import yaml_text as yamlwrite
from reporter.curate.append import Added, Original, Stack, _added, _load, header, rewrite
from reporter.curate.insertion import (
    Insertion,
    Refused,
    apply,
    plan_entry,
    plan_region,
)
from reporter.messages import Message

if TYPE_CHECKING:
    from reporter.model.records import Origin

__all__ = ["add_metric", "add_region", "add_source"]



def add_region(path: str | Path, region: str, layers: Sequence[str | Path], given: Mapping[str, str] | None = None,
               source: str | None = None, new_source: Mapping[str, str] | None = None,
               lang: str = "en", *, cached: bool = True) -> Added:
    """Write a new region into ``path``, with its source's entry when that source is new (its fields
    ``new_source``, as far as given).

    The fields not ``given`` are written ``""  # TODO`` (check warns of them, and leaves the entry
    out, until they are filled); everything else must load: it is checked with placeholders there."""
    def plan(text: str, where: str, current: Any, start: str) -> list[Insertion]:
        fresh = bool(source) and source not in current.sources
        return plan_region(text, where, region, given, source, (new_source or {}) if fresh else None, start, lang)

    return _add_skeleton(Path(path), Stack(layers, cached), "regions", region, "append.exists", plan, lang)


def add_source(path: str | Path, source: str, layers: Sequence[str | Path], given: Mapping[str, str] | None = None,
               lang: str = "en", *, cached: bool = True) -> Added:
    """Write a new source into ``path``: its publication, title and date as ``given``, the others
    marked TODO; everything else must load."""
    return _add_skeleton(Path(path), Stack(layers, cached), "sources", source, "append.source_exists",
                         lambda text, where, _current, start: plan_entry(
                             text, where, "sources", source,
                             lambda step: yamlwrite.source_skeleton(source, 0, step, given=given, lang=lang), start),
                         lang)


def add_metric(path: str | Path, metric: str, layers: Sequence[str | Path], given: Mapping[str, str],
               lang: str = "en", *, cached: bool = True) -> Added:
    """Write a new metric of the catalogue into ``path``: zh, unit, theme and kind (en and polarity
    when given), checked on top of ``layers`` as every write is (its theme must exist, its kind be one
    of the format's)."""
    return _add_skeleton(Path(path), Stack(layers, cached), "metrics", metric, "append.metric_exists",
                         lambda text, where, _current, start: plan_entry(
                             text, where, "metrics", metric,
                             lambda step: yamlwrite.metric_entry(metric, 0, step, given, lang), start),
                         lang)


def _add_skeleton(path: Path, stack: Stack, section: str, ident: str, exists: str,
                  plan: Callable[[str, str, Any, str], list[Insertion]], lang: str = "en") -> Added:
    """A new entry of ``section`` (regions, sources, metrics), as ``plan(text, where, current data,
    header)`` lays it out: refused when ``ident`` is there already, checked with placeholders in its
    TODO fields; a new file's header in ``lang``."""

    def skeleton(path: Path, original: Original) -> tuple[str, Added]:
        current, _, loaded_as = _load(path, original.text, original.text, [], stack)
        there = getattr(current, section)
        if ident in there:
            raise Refused(str(path), None, Message(exists, id=ident,
                                                   where=_where(there[ident].origin, loaded_as, path)))
        start = header(path, [str(p) for p in stack.layers], lang) if original.raw is None else ""
        insertions = plan(original.text, str(path), current, start)
        filled = [ins._replace(text=_placeholders(ins.text)) for ins in insertions]
        data = _load(path, original.text, apply(original.text, filled), filled, stack)[0]
        if ident not in getattr(data, section):
            raise Refused(str(path), None, Message("append.not_added"))
        new_text = apply(original.text, insertions)
        return new_text, _added(path, original, new_text, insertions)

    return rewrite(path, skeleton)


def _where(origin: Origin | None, loaded_as: str, path: Path) -> str:
    """Where a thing is defined, named in the user's file rather than the copy that was checked."""
    if origin is None:  # pragma: no cover - every loaded object has an origin
        return "?"
    return f"{path if origin.path == loaded_as else origin.path}:{origin.line}"


def _placeholders(text: str) -> str:
    """The skeleton with each TODO field given a value the loader accepts (for checking its shape)."""

    values = {"level": "county", "date": "2020"}

    def fill(m: re.Match[str]) -> str:
        return "" if m.group(2) == "source" else f'{m.group(1)}{m.group(2)}: "{values.get(m.group(2), "x")}"\n'

    return re.sub(r'^( *)(\w+): ""  # TODO[^\n]*\n', fill, text, flags=re.M)


