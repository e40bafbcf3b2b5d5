"""Machine formats: JSON, CSV and TSV of the views' records (stable keys, raw values).

Decimals are written as written (``1009.0``, never ``1.0090E+3``); the json module cannot
emit a Decimal as a number, so records are written by :func:`json_value`, which hands every
string to ``json.dumps``.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from reporter.render.safe import spreadsheet_safe
from reporter.render.views import View
from reporter.terminal import Environment


def json_value(value: Any, ensure_ascii: bool = False) -> str:
    """JSON text for a record value; Decimals keep their written digits."""
    if isinstance(value, Decimal):
        text = format(value, "f")
        return "0" if text in ("-0", "-0.0") else text
    if isinstance(value, dict):
        items = (f"{json.dumps(str(k), ensure_ascii=ensure_ascii)}: {json_value(v, ensure_ascii)}"
                 for k, v in value.items())
        return "{" + ", ".join(items) + "}"
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(json_value(v, ensure_ascii) for v in value) + "]"
    return json.dumps(value, ensure_ascii=ensure_ascii)


def _records(view: View) -> list[dict[str, Any]]:
    return list(view.records())


def views_as_json(views: Sequence[View], env: Environment) -> str:
    ascii_only = not _can_encode_cjk(env.encoding)
    if len(views) == 1:
        rows = _records(views[0])
        body = ",\n".join("  " + json_value(r, ascii_only) for r in rows)
        return "[\n" + body + "\n]\n" if rows else "[]\n"
    parts = []
    for view in views:
        rows = _records(view)
        inner = ",\n".join("    " + json_value(r, ascii_only) for r in rows)
        parts.append(f"  {json.dumps(view.name)}: " + ("[\n" + inner + "\n  ]" if rows else "[]"))
    return "{\n" + ",\n".join(parts) + "\n}\n"


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, Decimal):
        return json_value(value)
    if isinstance(value, (list, tuple)):
        return ",".join(str(v) for v in value)
    return str(value)


def views_as_csv(views: Sequence[View], env: Environment) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    view = views[0]
    writer.writerow(view.record_keys)
    for record in _records(view):
        # Every cell, not only str values: a list cell (a metric's aliases) is joined into text
        # that may start with '='; a number's text is left as it is by spreadsheet_safe.
        writer.writerow([spreadsheet_safe(_cell(v)) for v in record.values()])
    return buffer.getvalue()


def views_as_tsv(views: Sequence[View], env: Environment) -> str:
    view = views[0]
    lines = ["\t".join(view.record_keys)]
    for record in _records(view):
        lines.append("\t".join(_cell(v).replace("\t", " ").replace("\n", " ") for v in record.values()))
    return "\n".join(lines) + "\n"


def _can_encode_cjk(encoding: str) -> bool:
    try:
        "江山".encode(encoding)
    except (LookupError, UnicodeEncodeError):
        return False
    return True


def views_as_yaml(views: Sequence[View], env: Environment) -> str:
    """YAML records for ``export --format yaml``; decimals stay numbers with their written digits."""
    import yaml

    class Dumper(yaml.SafeDumper):
        pass

    def decimal(dumper: yaml.SafeDumper, value: Decimal) -> yaml.ScalarNode:
        text = format(value, "f")
        tag = "tag:yaml.org,2002:int" if "." not in text else "tag:yaml.org,2002:float"
        return dumper.represent_scalar(tag, text)

    Dumper.add_representer(Decimal, decimal)
    return yaml.dump(_records(views[0]), Dumper=Dumper, allow_unicode=True, sort_keys=False, width=1000)
