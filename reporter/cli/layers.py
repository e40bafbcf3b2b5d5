"""A data layer that cannot be read, said with where it came from: the ``--data`` option or the
``REPORTER_DATA`` entry that named it, and, for a relative path, the directory it was read in and
the absolute path that works from any directory."""

from __future__ import annotations

import os
from collections.abc import Sequence

from reporter.data.paths import absolute
from reporter.errors import DataError, Problem
from reporter.messages import Message


def name_origins(exc: DataError, layers: Sequence[str], from_options: bool) -> None:
    """Add to each problem of ``exc`` about a whole layer (no line: missing, unreadable, not data)
    the option or variable that named the layer; in place, so the error keeps what it carries."""
    exc.problems[:] = [_named(problem, layers, from_options) for problem in exc.problems]


def _named(problem: Problem, layers: Sequence[str], from_options: bool) -> Problem:
    layer = _layer_of(problem.path, layers)
    if problem.line is not None or layer is None:
        return problem

    relative = not os.path.isabs(os.path.expanduser(layer))
    where = Message("layer.read_in", cwd=os.getcwd(), absolute=absolute(layer)) if relative else ""
    key = "layer.from_option" if from_options else "layer.from_variable"
    return problem._replace(message=Message(key, problem=problem.message, path=layer, where=where))


def _layer_of(path: str, layers: Sequence[str]) -> str | None:
    """The layer a problem's file belongs to: the layer itself, or a file of a layer's directory."""
    for layer in layers:
        if path == layer or path.startswith(layer.rstrip(os.sep) + os.sep):
            return layer
    return None
