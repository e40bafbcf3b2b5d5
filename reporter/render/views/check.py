"""``check --format json``: what check found, as one JSON document for scripts."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from reporter.render.safe import clean

Said = tuple[str, "int | None", "int | None", str, bool, str]  # path, line, column, message, error, kind


def check_document(target: str, said: Sequence[Said], data: Any = None) -> str:
    """``{"target", "ok", "errors", "warnings", "counts", "regions", "metrics", "facts"}``: every
    problem as ``{"kind", "path", "line", "column", "message"}``, ``counts`` per kind of warning;
    the sizes only when the data loaded. Strings from the data are cleaned at the boundary."""

    def item(entry: Said) -> dict[str, Any]:
        path, line, column, message, _, kind = entry
        return {"kind": kind, "path": clean(path), "line": line, "column": column, "message": clean(message)}

    errors = [item(e) for e in said if e[4]]
    warnings = [item(e) for e in said if not e[4]]
    counts: dict[str, int] = {}
    for warning in warnings:
        counts[warning["kind"]] = counts.get(warning["kind"], 0) + 1
    document: dict[str, Any] = {"target": clean(target), "ok": not errors, "errors": errors, "warnings": warnings,
                                "counts": counts}
    if data is not None:
        document.update({"regions": len(data.regions), "metrics": len(data.metrics),
                         "facts": sum(n for n, _ in data.coverage()[0].values())})
    return json.dumps(document, ensure_ascii=False, indent=2)
