"""Machine formats: JSON, CSV, TSV and YAML of the views' records (stable keys, raw values), streamed.

Each format is written as a stream of chunks, a few thousand rows each, so an export of a
million facts is never held whole; the whole text is the chunks joined. Numbers keep their
written digits (``1009.0``, never ``1.0090E+3``): a :class:`Number` (a number as the data wrote
it) or a Decimal is written as a JSON or YAML number, never quoted. A string cell is converted
once per distinct string (names, labels and quotes repeat on every row of a region).
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Iterator, Sequence
from dataclasses import replace
from decimal import Decimal
from typing import Any

from reporter.errors import UsageProblem
from reporter.messages import Message
from reporter.render.safe import spreadsheet_safe
from reporter.render.terminal import Environment
from reporter.render.views import View
from reporter.render.views.base import Block, Digits, Number

ROWS_PER_CHUNK = 2000


_NEGATIVE_ZEROS = frozenset(("-0", "-0.0"))  # written so in a file, said as 0


def _said(value: Any, other: Callable[[Any], str], none: str) -> str:
    """The cell for a value of a block's varying position: numbers and nulls directly, the rest by ``other``."""
    if value.__class__ is Number:
        return "0" if value in _NEGATIVE_ZEROS else value
    if value.__class__ is Digits:
        return value
    if value is None:
        return none
    return other(value)

def json_value(value: Any, ensure_ascii: bool = False) -> str:
    """JSON text for a record value; numbers keep their written digits."""
    if isinstance(value, Number | Decimal):
        text = value if isinstance(value, Number) else format(value, "f")
        return "0" if text in ("-0", "-0.0") else str(text)
    if isinstance(value, dict):
        items = (f"{json.dumps(str(k), ensure_ascii=ensure_ascii)}: {json_value(v, ensure_ascii)}"
                 for k, v in value.items())
        return "{" + ", ".join(items) + "}"
    if isinstance(value, list | tuple):
        return "[" + ", ".join(json_value(v, ensure_ascii) for v in value) + "]"
    return json.dumps(value, ensure_ascii=ensure_ascii)


def _memo(convert: Callable[[Any], str], most: int = 50_000) -> Callable[[Any], str]:
    """``convert``, remembering what it made of each string (bounded: a stream has no end); a
    :class:`Number` (a str too) is converted each time: numbers rarely repeat."""
    made: dict[str, str] = {}

    def converted(value: Any) -> str:
        if type(value) is not str:
            return convert(value)
        text = made.get(value)
        if text is None:
            if len(made) >= most:
                made.clear()
            text = made[value] = convert(value)
        return text
    return converted


CHUNK_CHARS = 2**18  # ... or this many characters: a comparison of 2,850 regions makes 1 MB rows


def _chunked(lines: Iterator[str]) -> Iterator[str]:
    """Lines joined into chunks of a few thousand rows, or of a quarter of a megabyte, whichever comes first."""
    batch: list[str] = []
    size = 0
    for line in lines:
        batch.append(line)
        size += len(line)
        if len(batch) >= ROWS_PER_CHUNK or size >= CHUNK_CHARS:
            yield "".join(batch)
            batch.clear()
            size = 0
    if batch:
        yield "".join(batch)


# --------------------------------------------------------------------------- JSON


def stream_json(views: Sequence[View], env: Environment) -> Iterator[str]:
    ascii_only = not _can_encode_cjk(env.encoding)
    if len(views) == 1:
        yield from _json_array(views[0], ascii_only, "")
        yield "\n"
        return
    yield "{\n"
    for i, view in enumerate(views):
        yield ("" if i == 0 else ",\n") + f"  {json.dumps(view.name)}: "
        yield from _json_array(view, ascii_only, "  ")
    yield "\n}\n"


def _json_array(view: View, ascii_only: bool, indent: str) -> Iterator[str]:
    lead, separator = "[\n" + indent + "  ", ",\n" + indent + "  "

    def lines() -> Iterator[str]:
        first = True
        for record in _json_objects(view, ascii_only):
            yield (lead if first else separator) + record
            first = False
        yield "[]" if first else "\n" + indent + "]"
    yield from _chunked(lines())


def _json_objects(view: View, ascii_only: bool) -> Iterator[str]:
    """Each record of ``view`` as one JSON object on one line (what an array holds, and JSON Lines)."""
    keys = [json.dumps(str(k), ensure_ascii=ascii_only) + ": " for k in view.json_keys]
    value = _memo(lambda v: json_value(v, ascii_only))

    def said(v: Any) -> str:
        if v.__class__ is Number:
            return "0" if v in _NEGATIVE_ZEROS else v  # type: ignore[no-any-return]
        if v.__class__ is Digits:
            return '"' + v + '"'  # type: ignore[no-any-return]
        return "null" if v is None else value(v)

    for row, varying, variants in view.machine_blocks(view.json_keys):
        # what a block's rows share is written once: the text between its varying values
        where = {position: n for n, position in enumerate(varying)}
        pieces: list[tuple[str, int]] = []  # (text before a varying value, its index in a variant)
        text = "{"
        for i, (key, v) in enumerate(zip(keys, row)):
            text += (", " if i else "") + key
            if i in where:
                pieces.append((text, where[i]))
                text = ""
            else:
                text += "null" if v is None else value(v)
        tail = text + "}"
        for variant in variants:
            yield "".join([piece + said(variant[n]) for piece, n in pieces]) + tail



# --------------------------------------------------------------------------- CSV and TSV


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, Number | Decimal):
        return json_value(value)
    if isinstance(value, list | tuple):
        return ",".join(str(v) for v in value)
    return str(value)


def stream_csv(views: Sequence[View], env: Environment, header: bool = True) -> Iterator[str]:
    view = views[0]
    # Every cell, not only str values: a list cell (a metric's aliases) is joined into text that
    # may start with '='; a number's text is left as it is by spreadsheet_safe. Each distinct
    # text is guarded and quoted once, by the csv module itself; a number needs neither.
    field = _memo(lambda v: _csv_field(spreadsheet_safe(_cell(v))))

    def blocks() -> Iterator[str]:
        """Each block's rows joined at once (an export's million rows: the per-row work is putting the
        varying values in place, and nothing else)."""
        for row, varying, variants in view.machine_blocks():
            cells = ["" if v is None else field(v) for v in row]
            lines = []
            for variant in variants:
                for position, v in zip(varying, variant):
                    if v is None:
                        cells[position] = ""
                    elif v.__class__ is Number:
                        cells[position] = "0" if v in _NEGATIVE_ZEROS else v
                    elif v.__class__ is Digits:
                        cells[position] = v
                    else:
                        cells[position] = field(v)
                lines.append(",".join(cells))
            if lines:
                yield "\n".join(lines) + "\n"
    if header:
        yield ",".join(_csv_field(k) for k in view.record_keys) + "\n"
    yield from _chunked(blocks())


_NEEDS_QUOTES = frozenset(',"\r\n')


def _csv_field(text: str) -> str:
    """``text`` as one CSV field, quoted as the csv module quotes it (only where it must be)."""
    if not text:
        return ""
    if not _NEEDS_QUOTES.intersection(text):  # most cells: the csv module would write them as they are
        return text
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerow([text])
    return buffer.getvalue()[:-1]


def stream_tsv(views: Sequence[View], env: Environment, header: bool = True) -> Iterator[str]:
    view = views[0]
    # A cell a spreadsheet would run as a formula is guarded as in CSV (CWE-1236): a TSV file opens
    # in a spreadsheet just as readily. Numbers, negative ones too, stay numbers.
    cell = _memo(lambda v: spreadsheet_safe(_cell(v).replace("\t", " ").replace("\n", " ")))

    def lines() -> Iterator[str]:
        for row, varying, variants in view.machine_blocks():
            cells = [cell(v) for v in row]
            for variant in variants:
                for position, v in zip(varying, variant):
                    cells[position] = _said(v, cell, "")
                yield "\t".join(cells) + "\n"
    if header:
        yield "\t".join(view.record_keys) + "\n"
    yield from _chunked(lines())


# --------------------------------------------------------------------------- YAML



def stream_yaml(views: Sequence[View], env: Environment) -> Iterator[str]:
    """YAML records for ``export --format yaml``, as PyYAML's safe dumper writes the whole list:
    decimals stay numbers with their written digits. Each distinct text is dumped once (in the
    place it takes in a record), numbers and nulls are written directly, and records stream."""
    import yaml

    class Dumper(yaml.SafeDumper):
        pass

    def decimal(dumper: yaml.SafeDumper, value: Decimal) -> yaml.ScalarNode:
        text = format(value, "f")
        return dumper.represent_scalar("tag:yaml.org,2002:int" if "." not in text else "tag:yaml.org,2002:float",
                                       text)

    Dumper.add_representer(Decimal, decimal)
    view = views[0]
    keys = view.record_keys
    made: dict[tuple[int, Any], str] = {}

    def said(position: int, value: Any) -> str:
        """``key: value`` as it stands in a record (a long text may fold onto indented lines)."""
        if value is None:
            return keys[position] + ": null"
        if isinstance(value, Number | Decimal):
            return f"{keys[position]}: {format(Decimal(value), 'f')}"
        if value.__class__ is Digits:  # digits read as a number unless quoted, as the dumper quotes them
            return f"{keys[position]}: '{value}'"
        text = made.get((position, value))
        if text is None:
            if len(made) >= 50_000:
                made.clear()
            dumped = yaml.dump([{keys[position]: value}], Dumper=Dumper, allow_unicode=True, sort_keys=False,
                               width=1000)
            text = made[(position, value)] = dumped[2:-1]  # less the "- " and the last newline
        return text

    def lines() -> Iterator[str]:
        empty = True
        for row, varying, variants in view.machine_blocks():
            pairs = [said(i, v) for i, v in enumerate(row)]
            for variant in variants:
                for position, v in zip(varying, variant):
                    pairs[position] = said(position, v)
                empty = False
                yield "- " + "\n  ".join(pairs) + "\n"
        if empty:
            yield "[]\n"
    yield from _chunked(lines())


# --------------------------------------------------------------------------- whole


def views_as_json(views: Sequence[View], env: Environment) -> str:
    return "".join(stream_json(views, env))


def views_as_csv(views: Sequence[View], env: Environment, header: bool = True) -> str:
    return "".join(stream_csv(views, env, header))


def views_as_tsv(views: Sequence[View], env: Environment, header: bool = True) -> str:
    return "".join(stream_tsv(views, env, header))


def views_as_yaml(views: Sequence[View], env: Environment) -> str:
    return "".join(stream_yaml(views, env))


def _can_encode_cjk(encoding: str) -> bool:
    try:
        "江山".encode(encoding)
    except (LookupError, UnicodeEncodeError):
        return False
    return True


# --------------------------------------------------------------------------- JSON Lines and --fields


def stream_jsonl(views: Sequence[View], env: Environment) -> Iterator[str]:
    """JSON Lines: each record of the first table as one JSON object on a line of its own, written as
    made (``export --format jsonl | head -1`` answers at once); an empty answer is an empty document."""
    ascii_only = not _can_encode_cjk(env.encoding)
    yield from _chunked(record + "\n" for record in _json_objects(views[0], ascii_only))


def views_as_jsonl(views: Sequence[View], env: Environment) -> str:
    return "".join(stream_jsonl(views, env))


NESTED_FORMATS = ("json", "jsonl")  # the formats that carry a view's nested objects (compare's regions)


def with_fields(views: Sequence[View], fields: Sequence[str], fmt: str) -> list[View]:
    """``views`` narrowed to ``fields`` (``--fields a,b,c``), in the order given; each table keeps the
    fields it has. A field no table has is a usage error naming the fields there are."""

    nested = fmt in NESTED_FORMATS
    known = list(dict.fromkeys(k for v in views for k in (v.json_keys if nested else v.record_keys)))
    unknown = [f for f in fields if f not in known]
    if unknown:
        raise UsageProblem(Message("fields.unknown", fields=", ".join(unknown), format=fmt, known=", ".join(known)))
    out = []
    for view in views:
        keys = [f for f in dict.fromkeys(fields) if f in view.record_keys]
        blocks = None if view.blocks is None else _narrowed_blocks(view.blocks, [view.record_keys.index(k)
                                                                               for k in keys])
        flat = None if view.json_flat is None else [f for f in dict.fromkeys(fields) if f in view.json_flat]
        out.append(replace(view, record_keys=keys, blocks=blocks, json_flat=flat,
                           nested=[f for f in fields if f in view.nested] if nested else []))
    return out


def _narrowed_blocks(blocks: Callable[[], Iterator[Block]], positions: list[int]) -> Callable[[], Iterator[Block]]:
    """A view's machine blocks holding only the values at ``positions``, in that order."""
    def narrowed() -> Iterator[Block]:
        for block in blocks():
            where = {p: n for n, p in enumerate(block.varying)}
            row = tuple(block.row[p] for p in positions)
            varying = tuple(i for i, p in enumerate(positions) if p in where)
            picks = [where[p] for p in positions if p in where]
            yield Block(row, varying, (tuple(v[n] for n in picks) for v in block.variants))
    return narrowed
