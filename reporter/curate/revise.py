"""Correcting or removing a fact in a user's own data file: planned by :mod:`reporter.curate.edit`,
checked as ``add`` checks (nothing ``reporter check`` would refuse is written; what it would warn of
comes back), then written under the file's lock by the one write path of every writer
(:func:`reporter.curate.append.rewrite`)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from reporter.cache import load_stack
from reporter.curate.append import Original, Stack, checked_copy, layer_files, rewrite, rewritten
from reporter.curate.edit import apply_changes, plan_edit, plan_remove
from reporter.curate.insertion import Refused, holds_data
from reporter.data.plausibility import check_quotes
from reporter.errors import DataError, Problem
from reporter.messages import Message

if TYPE_CHECKING:
    from reporter.model.records import Fact

__all__ = ["Revised", "edit_fact", "remove_fact"]


class Revised(NamedTuple):
    """What was written: the file, the line of the fact (as it is now, or as it was), check's warnings."""

    path: str
    line: int
    warnings: tuple[Problem, ...] = ()


def edit_fact(path: str | Path, fact: Fact, fields: Mapping[str, str | None],
              layers: Sequence[str | Path], *, cached: bool = True) -> Revised:
    """Give ``fact`` (written in ``path``) the ``fields`` (None removes one), checked on top of ``layers``;
    written under the file's lock, as every writer writes (:func:`reporter.curate.append.rewrite`)."""
    return rewrite(path, lambda where, original: _edited(where, original, fact, fields, Stack(layers, cached)))


def _edited(path: Path, original: Original, fact: Fact, fields: Mapping[str, str | None],
            stack: Stack) -> tuple[str, Revised]:
    line, column = _place(fact)
    new_text = apply_changes(original.text, plan_edit(original.text, str(path), line, column, fields))
    data, loaded_as = _load(path, new_text, stack)
    same = [f for f in data.facts_read_from(loaded_as) if f.origin is not None and f.origin.line == line]
    if len(same) != 1 or (same[0].region, same[0].metric, same[0].period) != (fact.region, fact.metric, fact.period):
        raise Refused(str(path), line, Message("revise.not_kept"))
    return new_text, Revised(str(path), line, _quote_findings(data, same[0], path, loaded_as, line))


def remove_fact(path: str | Path, fact: Fact, layers: Sequence[str | Path], *, cached: bool = True) -> Revised:
    """Take ``fact`` out of ``path``, checking that the rest still loads on top of ``layers``; written
    under the file's lock."""
    return rewrite(path, lambda where, original: _removed(where, original, fact, Stack(layers, cached)))


def _removed(path: Path, original: Original, fact: Fact, stack: Stack) -> tuple[str, Revised]:
    line, column = _place(fact)
    new_text = apply_changes(original.text, plan_remove(original.text, str(path), line, column))
    data, _ = _load(path, new_text, stack)
    if any(f.period == fact.period for f in data.facts_of(fact.region, fact.metric)):
        raise Refused(str(path), line, Message("revise.not_kept"))
    return new_text, Revised(str(path), line)


def _place(fact: Fact) -> tuple[int, int]:
    if fact.origin is None:  # pragma: no cover - every loaded fact has an origin
        raise Refused("?", None, Message("revise.not_found"))
    return fact.origin.line, fact.origin.column


def _load(path: Path, new_text: str, stack: Stack) -> tuple[Any, str]:
    """The data of the layers with ``path`` holding ``new_text`` (left out when it holds no data any
    more); its problems are named in the user's file."""

    with checked_copy(path, new_text) as candidate:  # in memory: no copy of the user's data on disk
        loaded_as = str(candidate)
        files = [candidate if f is None else f for f in layer_files(stack.layers, path)
                 if f is not None or holds_data(new_text, str(path))]
        try:
            return load_stack(files, stack.cached, stack.layers), loaded_as
        except DataError as exc:
            def rename(text: str) -> str:
                return text.replace(loaded_as, str(path))

            raise DataError([p._replace(path=rename(p.path), message=rewritten(p.message, rename))
                             for p in exc.problems]) from None


def _quote_findings(data: Any, fact: Fact, path: Path, loaded_as: str, line: int) -> tuple[Problem, ...]:
    """What the quotes say of the corrected fact: an error refuses it, a warning comes back."""

    def here(origin: Any) -> bool:
        return origin is not None and origin.path == loaded_as and origin.line == line

    findings = [f for f in check_quotes(data, only={(fact.region, fact.metric)}) if here(f.subject) or here(f.other)]
    errors = [Problem(str(path), line, None, f.said) for f in findings if f.severity == "error" and here(f.subject)]
    if errors:
        raise DataError(errors)

    def renamed(problem: Problem) -> Problem:
        message = rewritten(problem.message, lambda text: text.replace(loaded_as, str(path)))
        return problem._replace(path=str(path) if problem.path == loaded_as else problem.path, message=message)

    return tuple(renamed(f.problem) for f in findings if f.severity == "warning")
