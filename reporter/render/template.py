"""Jinja2 templates over a brief's context: the filters templates get, finding a template, and
rendering it in the bounded sandbox (reporter/render/sandbox.py), as a whole or in chunks.

Every failure becomes a :class:`~reporter.errors.TemplateFailed` naming template and line;
whatever the data or the template holds, no control character reaches the output.
"""

from __future__ import annotations

import os
import traceback
from collections.abc import Iterator, Mapping, Sequence
from typing import Any

from reporter.data.paths import bundled_templates_dir
from reporter.errors import TemplateFailed
from reporter.messages import Message
from reporter.model.period_words import parse_period
from reporter.model.periods import PeriodError
from reporter.model.records import Quantity
from reporter.render import figures
from reporter.render import wording as prose
from reporter.render.brief import Regions
from reporter.render.limits import LimitExceeded, template_number
from reporter.render.safe import clean

# --------------------------------------------------------------------------- filters


def _quantity(fact: Mapping[str, Any], lang: str = "zh", grouping: bool = False) -> str:
    if fact["value"] in ("", None):  # a growth-only fact: no level to write, its change instead
        return prose.change_words(fact, lang) or figures.NO_LEVEL
    written = figures.number(template_number(fact["value"]))  # a template may hand in any value: checked here
    q = Quantity(written, fact["unit"], fact["qualifier"])
    return figures.quantity(q, lang, grouping) if grouping else figures.prose_quantity(q, lang)


def _signed_pct(value: Any) -> str:
    return figures.signed_pct(None if value is None else template_number(value))


def _period(item: Any, lang: str = "zh") -> str:
    if isinstance(item, Mapping):
        return str(item.get(f"period_{lang}") or item.get("period") or "")

    try:
        return prose.period_words(parse_period(str(item)), lang)
    except PeriodError:
        return str(item)


def _date(text: Any, lang: str = "zh") -> str:
    return prose.date_words(str(text), lang)


def _change(fact: Mapping[str, Any], lang: str = "zh") -> str:
    """The change in words: reported (同比增长16% / up 34 places), else computed (比上年增长12.3%)."""
    return prose.change_words(fact, lang)


def _rank(fact: Mapping[str, Any], lang: str = "zh", out_of: int | None = None) -> str:
    """An official rank as reported, with its denominator when one is known: 第22位 / No. 22 of 90."""
    value = fact["value"]
    if lang == "zh":
        return f"第{value}位" + (f"（共{out_of}个）" if out_of else "")
    return f"No. {value}" + (f" of {out_of}" if out_of else "")


def _markdown(text: Any) -> str:
    out = str(text)
    for char in "\\|*_`[]<>#":
        out = out.replace(char, "\\" + char)
    return out


FILTERS = {"quantity": _quantity, "signed_pct": _signed_pct, "period": _period, "date": _date, "change": _change,
           "rank": _rank, "md": _markdown}


# --------------------------------------------------------------------------- rendering


def template_dirs(environ: Mapping[str, str] | None = None) -> list[str]:
    """``$REPORTER_TEMPLATES`` (os.pathsep-separated) before the bundled directory."""
    env = os.environ if environ is None else environ
    extra = [d for d in env.get("REPORTER_TEMPLATES", "").split(os.pathsep) if d]
    return [*extra, bundled_templates_dir()]


def resolve_template(name: str, lang: str, dirs: Sequence[str]) -> tuple[str, str]:
    """(directory, file name) for ``--template NAME|PATH``; a PATH is used as it is."""
    if os.sep in name or (os.altsep and os.altsep in name) or os.path.isfile(name):
        if not os.path.isfile(name):
            raise TemplateFailed(Message("template.not_found", name=name))
        return os.path.dirname(os.path.abspath(name)), os.path.basename(name)
    candidates = [name, f"{name}.j2", f"{name}.{lang}.j2"]
    for directory in dirs:
        for candidate in candidates:
            if os.path.isfile(os.path.join(directory, candidate)):
                return directory, candidate
    raise TemplateFailed(Message("template.not_found_in", name=name, candidates=", ".join(candidates),
                                 dirs=", ".join(dirs)))


def render_brief(context: dict[str, Any], template: str, lang: str,
                 environ: Mapping[str, str] | None = None) -> str:
    """Render ``context`` with a named or path template in the bounded sandbox; plain text out.

    The template's work, output and time are bounded in proportion to the regions, facts and
    highlights it is given (reporter/render/sandbox.py); going past a bound is a
    :class:`TemplateFailed` naming the template, the line and the bound.
    """
    return "".join(render_brief_chunks(context, template, lang, environ))


FIRST_CHUNK, CHUNK = 2**20, 2**16  # characters held before the first write (most template errors come
# before it: nothing is half-written then), and in each write after it


def render_brief_chunks(context: dict[str, Any], template: str, lang: str,
                        environ: Mapping[str, str] | None = None) -> Iterator[str]:
    """:func:`render_brief` as chunks of text, made as the template runs (a brief of every county
    is written as it is worded). The template is found and compiled before the first chunk; the
    first chunk is held until it is a megabyte (or the end), so an error early in a run writes
    nothing. An error later ends the text there and raises :class:`TemplateFailed` as above."""
    import jinja2

    from reporter.render.sandbox import bounded_environment

    dirs = template_dirs(environ)
    directory, name = resolve_template(template, lang, dirs)
    search = [directory, *[d for d in dirs if d != directory]]
    env = bounded_environment(context_items(context), FILTERS, loader=jinja2.FileSystemLoader(search),
                              undefined=jinja2.StrictUndefined, autoescape=False, trim_blocks=True,
                              lstrip_blocks=True, keep_trailing_newline=True)
    where = os.path.join(directory, name)
    held: list[str] = []
    size, limit = 0, FIRST_CHUNK
    pieces = _generated(env, name, context, where)
    try:
        for piece in pieces:
            held.append(piece)
            size += len(piece)
            if size >= limit:
                yield clean("".join(held), keep_layout=True)
                held, size, limit = [], 0, CHUNK
    except TemplateFailed:
        if limit == CHUNK and held:  # the text has begun: it ends where the template stopped
            yield clean("".join(held), keep_layout=True)
        raise
    yield clean("".join(held), keep_layout=True)


def _generated(env: Any, name: str, context: dict[str, Any], where: str) -> Iterator[str]:
    """The template's text as Jinja2 makes it; every failure a :class:`TemplateFailed` with file:line."""
    import jinja2
    from jinja2.sandbox import SecurityError

    try:
        yield from env.get_template(name).generate(context)
    except LimitExceeded as exc:
        raise TemplateFailed(Message("template.stopped", where=_template_line(exc, where), reason=str(exc))) \
            from None
    except MemoryError:
        raise TemplateFailed(Message("template.out_of_memory", where=where)) from None
    except jinja2.TemplateSyntaxError as exc:
        raise TemplateFailed(Message("template.syntax", where=f"{exc.filename or where}:{exc.lineno}",
                                     message=exc.message or "")) from None
    except jinja2.TemplateNotFound as exc:
        raise TemplateFailed(Message("template.include", where=where, name=exc.name)) from None
    except jinja2.UndefinedError as exc:
        raise TemplateFailed(Message("template.undefined", where=_template_line(exc, where),
                                     message=exc.message or "")) from None
    except SecurityError as exc:
        raise TemplateFailed(Message("template.sandbox", where=_template_line(exc, where), message=str(exc))) \
            from None
    except RecursionError:
        raise TemplateFailed(Message("template.recursion", where=where)) from None
    except Exception as exc:  # a template is a program: any error in it is the template's
        raise TemplateFailed(Message("template.error", where=_template_line(exc, where), kind=type(exc).__name__,
                                     message=str(exc))) from None


def context_items(context: Mapping[str, Any]) -> int:
    """How much a brief's context holds: its regions, facts, highlights and sources (the measure
    the template's budget grows with; counted from the documented keys, without walking it all)."""
    regions = context.get("regions", ())
    if isinstance(regions, Regions):  # counted from the catalogue, without making a region's context
        return regions._budget()
    items = len(context.get("sources", ()))
    for region in regions:
        items += 1 + int(region.get("fact_count", 0))
        items += sum(len(theme.get("highlights", ())) for theme in region.get("themes", ()))
    return items


def _template_line(exc: BaseException, fallback: str) -> str:
    """file:line of the template frame where ``exc`` happened (Jinja2 rewrites tracebacks so)."""

    for frame in reversed(traceback.extract_tb(exc.__traceback__)):
        if not frame.filename.endswith(".py") and os.path.isfile(frame.filename):
            return f"{frame.filename}:{frame.lineno}"
    return fallback
