"""The one dispatch table from format name to renderer.

``auto`` is a rich table on a terminal and plain aligned text in a pipe. A human format is
rendered whole before the first byte is written, so nothing half-written ever reaches the user;
a machine format (json, csv, tsv, yaml) can also be streamed in chunks (:func:`render_chunks`),
so an export of a million facts is never held whole.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import replace
from importlib import import_module
from itertools import chain, islice

from reporter.errors import ReporterError, UsageProblem
from reporter.messages import Message
from reporter.render import FORMATS, for_stream, machine
from reporter.render.terminal import Environment
from reporter.render.views import View
from reporter.render.views.base import is_lazy

__all__ = ["FORMATS", "carries_everything", "left_out_tables", "render", "render_chunks", "render_for_stream",
           "resolve_format"]

# format -> (module, function); modules load only when their format is used
_RENDERERS: dict[str, tuple[str, str]] = {
    "table": ("reporter.render.table", "views_as_table"),
    "plain": ("reporter.render.text", "views_as_plain"),
    "markdown": ("reporter.render.text", "views_as_markdown"),
    "tsv": ("reporter.render.machine", "views_as_tsv"),
    "csv": ("reporter.render.machine", "views_as_csv"),
    "json": ("reporter.render.machine", "views_as_json"),
    "jsonl": ("reporter.render.machine", "views_as_jsonl"),
    "html": ("reporter.render.html_page", "views_as_html"),
    "yaml": ("reporter.render.machine", "views_as_yaml"),  # export only: records as YAML
}


def resolve_format(name: str, env: Environment) -> str:
    if name == "auto":
        return "table" if env.stdout_isatty else "plain"
    return name


def render(views: Sequence[View], fmt: str, env: Environment, header: bool = True) -> str:
    """The whole output of ``views`` in format ``fmt`` (``auto`` resolved against ``env``); ``header``
    False leaves out csv's and tsv's header row."""
    chosen = resolve_format(fmt, env)
    module, function = _RENDERERS[chosen]
    renderer: Callable[..., str] = getattr(import_module(module), function)
    return renderer(views, env, header=False) if not header and chosen in ("csv", "tsv") else renderer(views, env)


def _plain_rows(views: Sequence[View], env: Environment) -> Iterator[str]:
    """Plain text as in a pipe (one row per line, every view in turn), less each table's header line:
    ``--no-header``. Each view is drawn (or streamed) on its own, as :func:`render_chunks` draws it."""
    pipe = env._replace(stdout_isatty=False)
    first = True
    for view in views:
        if not view.items:
            continue
        chunks = _without_first_line(render_chunks([view], "plain", pipe))
        if not first:
            chunks = chain(["\n"], chunks)
        first = False
        yield from chunks


def _without_first_line(chunks: Iterator[str]) -> Iterator[str]:
    """``chunks`` less the text up to and including the first newline (a table's header line)."""
    for chunk in chunks:
        end = chunk.find("\n")
        if end >= 0:
            if chunk[end + 1:]:
                yield chunk[end + 1:]
            break
    yield from chunks


_STREAMED = {"tsv": "stream_tsv", "csv": "stream_csv", "json": "stream_json", "jsonl": "stream_jsonl",
             "yaml": "stream_yaml"}

# format -> (module, function) of the formats that are files, not text: bytes, written whole to -o FILE
BINARY: dict[str, tuple[str, str]] = {
    "xlsx": ("reporter.render.xlsx", "views_as_xlsx"),
    "sqlite": ("reporter.render.sqlite", "views_as_sqlite"),
}
FIELDS_FORMATS = ("json", "jsonl", "csv", "tsv")  # what --fields chooses the record fields of


def render_bytes(views: Sequence[View], fmt: str, env: Environment, **context: object) -> bytes:
    """The whole file of ``views`` in a binary format (xlsx, sqlite); ``context``: what one needs
    beside the views (the dataset, for the sqlite tables of regions, metrics and sources)."""
    module, function = BINARY[fmt]
    renderer: Callable[..., bytes] = getattr(import_module(module), function)
    return renderer(views, env, **context)


def with_fields(views: Sequence[View], fmt: str, fields: Sequence[str] | None, env: Environment) -> list[View]:
    """``views`` narrowed to ``--fields`` (none given: as they are); refused (exit 2) in a format
    that has no record fields (a table, prose, a spreadsheet)."""
    if not fields:
        return list(views)
    chosen = resolve_format(fmt, env)
    if chosen not in FIELDS_FORMATS:

        raise UsageProblem(Message("fields.format", format=chosen, formats=", ".join(FIELDS_FORMATS)))

    return machine.with_fields(views, fields, chosen)


HELD_ROWS = 5000  # a human table of a lazy view up to this many rows is drawn whole (fitted, in rich) …
HELD_CELLS = 100_000  # … and up to this many cells (a comparison of every county: 50 rows of 2,850 columns)


def carries_everything(encoding: str) -> bool:
    """Whether an output encoding can write every character (UTF-8 and its kin, GB18030)."""
    name = encoding.lower().replace("-", "").replace("_", "")
    return name.startswith("utf") or name == "gb18030"


def render_chunks(views: Sequence[View], fmt: str, env: Environment, header: bool = True) -> Iterator[str]:
    """The output of ``views`` as chunks of text to write as they come; ``header`` False leaves out
    the header row (csv, tsv, plain).

    Machine formats always stream. A human format is drawn whole, unless a view reads its rows from
    the store (every fact, a search, a comparison) and holds more than :data:`HELD_ROWS` rows or
    :data:`HELD_CELLS` cells: then it streams as
    plain text one row per line (a table on a terminal too: no terminal shows a million rows
    fitted) or as markdown. An output encoding that cannot carry every character (not UTF-8 or
    GB18030) gets the whole text, checked first, as :func:`render_for_stream` gives it: never half
    a document."""
    chosen = resolve_format(fmt, env)
    if not header and chosen == "plain":
        yield from _plain_rows(views, env)
        return
    utf = carries_everything(env.encoding)
    if chosen in _STREAMED and utf:

        streamed: Callable[..., Iterator[str]] = getattr(machine, _STREAMED[chosen])
        yield from streamed(views, env, header=header) if chosen in ("csv", "tsv") else streamed(views, env)
        return
    if not header:  # csv or tsv, whole: an encoding that cannot carry everything is checked first
        yield for_stream(render(views, chosen, env, header=False), env.encoding)
        return
    views = [_held(view) for view in views]
    if utf and chosen in ("table", "plain", "markdown") and any(is_lazy(v.items) for v in views):
        from reporter.render import text

        streamed = text.stream_markdown if chosen == "markdown" else text.stream_plain
        yield from streamed(views, env._replace(stdout_isatty=False))
    else:
        yield render_for_stream(views, fmt, env)


def _held(view: View) -> View:
    """``view`` with its rows in a list when they are few (the lazy ones are read up to one past the limit)."""
    if not is_lazy(view.items):
        return view
    most = min(HELD_ROWS, HELD_CELLS // max(1, sum(not c.visual for c in view.columns)))
    first = list(islice(view.items, most + 1))
    return view if len(first) > most else replace(view, items=first)


def render_for_stream(views: Sequence[View], fmt: str, env: Environment) -> str:
    """:func:`render`, checked against the output's encoding; JSON falls back to ASCII escapes."""
    text = render(views, fmt, env)
    try:
        return for_stream(text, env.encoding)
    except ReporterError:
        if resolve_format(fmt, env) not in ("json", "jsonl"):
            raise
        return render(views, resolve_format(fmt, env), env._replace(encoding="ascii"))


def left_out_tables(views: Sequence[View], fmt: str, env: Environment) -> list[str]:
    """Names of the tables a one-table format (csv, tsv, jsonl) could not carry."""
    if resolve_format(fmt, env) not in ("csv", "tsv", "jsonl"):
        return []
    return [v.name for v in views[1:] if v.items]
