"""The one dispatch table from format name to renderer.

``auto`` is a rich table on a terminal and plain aligned text in a pipe. Each renderer
takes views and returns the whole output as one string, so nothing half-written ever
reaches the user.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from importlib import import_module

from reporter.errors import ReporterError
from reporter.render import FORMATS, for_stream
from reporter.render.views import View
from reporter.terminal import Environment

__all__ = ["FORMATS", "left_out_tables", "render", "render_for_stream", "resolve_format"]

# format -> (module, function); modules load only when their format is used
_RENDERERS: dict[str, tuple[str, str]] = {
    "table": ("reporter.render.table", "views_as_table"),
    "plain": ("reporter.render.text", "views_as_plain"),
    "markdown": ("reporter.render.text", "views_as_markdown"),
    "tsv": ("reporter.render.data", "views_as_tsv"),
    "csv": ("reporter.render.data", "views_as_csv"),
    "json": ("reporter.render.data", "views_as_json"),
    "yaml": ("reporter.render.data", "views_as_yaml"),  # export only: records as YAML
}


def resolve_format(name: str, env: Environment) -> str:
    if name == "auto":
        return "table" if env.stdout_isatty else "plain"
    return name


def render(views: Sequence[View], fmt: str, env: Environment) -> str:
    """The whole output of ``views`` in format ``fmt`` (``auto`` resolved against ``env``)."""
    module, function = _RENDERERS[resolve_format(fmt, env)]
    renderer: Callable[[Sequence[View], Environment], str] = getattr(import_module(module), function)
    return renderer(views, env)


def render_for_stream(views: Sequence[View], fmt: str, env: Environment) -> str:
    """:func:`render`, checked against the output's encoding; JSON falls back to ASCII escapes."""
    text = render(views, fmt, env)
    try:
        return for_stream(text, env.encoding)
    except ReporterError:
        if resolve_format(fmt, env) != "json":
            raise
        return render(views, "json", env._replace(encoding="ascii"))


def left_out_tables(views: Sequence[View], fmt: str, env: Environment) -> list[str]:
    """Names of the tables a one-table format (csv, tsv) could not carry."""
    if resolve_format(fmt, env) not in ("csv", "tsv"):
        return []
    return [v.name for v in views[1:] if v.items]
