"""Text briefs: plain data from the query layer, worded by Jinja2 templates.

Templates run in Jinja2's immutable sandbox with strict undefined and no autoescape (the
output is plain text). They get plain dicts, lists, strings and numbers (documented in
docs/templates.md), never live objects, plus a few filters. Every failure becomes a
:class:`~reporter.errors.TemplateFailed` naming template and line; whatever the data or the
template holds, no control character reaches the output.
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from reporter import __version__, query
from reporter.errors import TemplateFailed
from reporter.model import Fact, Region, Theme

if TYPE_CHECKING:
    from reporter.model import Data
from reporter.paths import bundled_templates_dir
from reporter.render import words
from reporter.render.safe import clean

# --------------------------------------------------------------------------- context (plain data)


def _s(text: str | None) -> str:
    return clean(text or "")


def _num(value: str | None) -> str | None:
    return None if value is None else words.number(value)


def fact_context(data: Data, fact: Fact) -> dict[str, Any]:
    metric = data.metrics[fact.metric]
    return {
        "metric": fact.metric, "label": _s(metric.zh), "label_en": _s(metric.en), "kind": metric.kind,
        "polarity": metric.polarity, "value": words.number(fact.quantity.written),
        "unit": _s(fact.quantity.unit), "qualifier": fact.quantity.qualifier,
        "period": fact.period.canonical, "period_zh": fact.period.in_words("zh"),
        "period_en": fact.period.in_words("en"), "yoy_pct": _num(fact.yoy_written),
        "previous": _num(fact.previous_written), "rank_change": fact.rank_change, "note": _s(fact.note),
        "quote": _s(fact.quote), "source": fact.source,
    }


def _lead_en(period: Any) -> str:
    """How an English sentence opens on a period: In 2019 / As of H1 2020 / Over the two years to …"""
    text = period.in_words("en")
    if period.kind == "asof":
        return text[0].upper() + text[1:]
    if period.kind in ("trailing", "forward"):
        return f"Over {text}"
    return f"In {text}"


def region_context(data: Data, region: Region, theme: Theme | None = None) -> dict[str, Any]:
    facts = query.region_facts(data, region, theme)
    themes = []
    for th in data.themes.values():
        if theme is not None and th.id != theme.id:
            continue
        mine = [f for f in facts if data.metrics[f.metric].theme == th.id]
        highlights = query.region_highlights(data, region, th)
        if not mine and not highlights:
            continue
        groups: dict[str, dict[str, Any]] = {}
        for fact in sorted(mine, key=lambda f: f.period.sort_key):  # chronological
            group = groups.setdefault(fact.period.canonical, {
                "period": fact.period.canonical, "period_zh": fact.period.in_words("zh"),
                "period_en": fact.period.in_words("en"), "lead_en": _lead_en(fact.period), "facts": []})
            group["facts"].append(fact_context(data, fact))
        themes.append({"id": th.id, "name": _s(th.zh), "name_en": _s(th.en),
                       "facts": [fact_context(data, f) for f in mine], "periods": list(groups.values()),
                       "highlights": [{"text": _s(h.text), "text_en": _s(h.text_en), "quote": _s(h.quote),
                                       "period": h.period.canonical if h.period else None} for h in highlights]})
    return {
        "id": region.id, "name": _s(region.zh), "short": _s(region.short), "name_en": _s(region.en),
        "level": region.level, "prefecture": _s(region.prefecture),
        "prefecture_en": _s(region.prefecture_en) or _s(region.prefecture), "province": _s(region.province),
        "themes": themes, "fact_count": len(facts),
        "sources": sorted({f.source for f in facts}
                          | {h.source for h in query.region_highlights(data, region, theme)}),
    }


def brief_context(data: Data, regions: Sequence[Region], lang: str, theme: Theme | None = None) -> dict[str, Any]:
    contexts = [region_context(data, r, theme) for r in regions]
    used = {s for c in contexts for s in c["sources"]}
    sources = [{"id": s.id, "publication": _s(s.publication), "column": _s(s.column), "title": _s(s.title),
                "date": _s(s.date), "date_note": _s(s.date_note)}
               for s in data.sources.values() if s.id in used]
    return {"lang": lang, "regions": contexts, "sources": sources, "generator": f"reporter {__version__}"}


# --------------------------------------------------------------------------- filters


MAX_NUMBER_DIGITS = 100  # a number a filter writes out: at most this many digits each side of the point


def _template_number(value: Any) -> Decimal:
    """A number a template hands to a filter, checked before it is written out digit by digit:
    finite, and no more than ``MAX_NUMBER_DIGITS`` digits before or after the point (a template
    may hand in anything, and ``1e999999999`` would be written as a billion digits)."""
    number = Decimal(str(value))
    exponent = number.as_tuple().exponent
    if isinstance(exponent, int) and exponent >= -MAX_NUMBER_DIGITS and number.adjusted() < MAX_NUMBER_DIGITS:
        return number
    from reporter.render.sandbox import LimitExceeded

    raise LimitExceeded(f"the number {str(value)[:30]} has too many digits to write out "
                        f"(at most {MAX_NUMBER_DIGITS} each side of the point)")


def _quantity(fact: Mapping[str, Any], lang: str = "zh", grouping: bool = False) -> str:
    from reporter.model import Quantity

    written = words.number(_template_number(fact["value"]))  # a template may hand in any value: checked here
    q = Quantity(written, fact["unit"], fact["qualifier"])
    return words.quantity(q, lang, grouping) if grouping else words.prose_quantity(q, lang)


def _signed_pct(value: Any) -> str:
    return words.signed_pct(None if value is None else _template_number(value))


def _period(item: Any, lang: str = "zh") -> str:
    if isinstance(item, Mapping):
        return str(item.get(f"period_{lang}") or item.get("period") or "")
    from reporter.periods import PeriodError, parse_period

    try:
        return parse_period(str(item)).in_words(lang)
    except PeriodError:
        return str(item)


def _change(fact: Mapping[str, Any], lang: str = "zh") -> str:
    """The change the source reports, in words: 同比增长16% / up 34 places."""
    parts = []
    if fact.get("yoy_pct") is not None:
        parts.append(words.yoy_words(_template_number(fact["yoy_pct"]), lang))
    if fact.get("rank_change") is not None:
        move = words.rank_move(int(fact["rank_change"]), lang)
        parts.append(("较上年" + move) if lang == "zh" else f"{move} on the year before")
    return ("，" if lang == "zh" else ", ").join(parts)


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


FILTERS = {"quantity": _quantity, "signed_pct": _signed_pct, "period": _period, "change": _change,
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
            raise TemplateFailed(f"template not found: {name}")
        return os.path.dirname(os.path.abspath(name)), os.path.basename(name)
    candidates = [name, f"{name}.j2", f"{name}.{lang}.j2"]
    for directory in dirs:
        for candidate in candidates:
            if os.path.isfile(os.path.join(directory, candidate)):
                return directory, candidate
    raise TemplateFailed(f"template not found: {name} (looked for {', '.join(candidates)} in "
                         f"{', '.join(dirs)})")


def render_brief(context: dict[str, Any], template: str, lang: str,
                 environ: Mapping[str, str] | None = None) -> str:
    """Render ``context`` with a named or path template in the bounded sandbox; plain text out.

    The template's work, output and time are bounded in proportion to the regions, facts and
    highlights it is given (reporter/render/sandbox.py); going past a bound is a
    :class:`TemplateFailed` naming the template, the line and the bound.
    """
    import jinja2
    from jinja2.sandbox import SecurityError

    from reporter.render.sandbox import LimitExceeded, bounded_environment

    dirs = template_dirs(environ)
    directory, name = resolve_template(template, lang, dirs)
    search = [directory, *[d for d in dirs if d != directory]]
    env = bounded_environment(context_items(context), FILTERS, loader=jinja2.FileSystemLoader(search),
                              undefined=jinja2.StrictUndefined, autoescape=False, trim_blocks=True,
                              lstrip_blocks=True, keep_trailing_newline=True)
    where = os.path.join(directory, name)
    try:
        text = env.get_template(name).render(context)
    except LimitExceeded as exc:
        raise TemplateFailed(f"{_template_line(exc, where)}: template stopped: {exc}") from None
    except MemoryError:
        raise TemplateFailed(f"{where}: template stopped: out of memory") from None
    except jinja2.TemplateSyntaxError as exc:
        raise TemplateFailed(f"{exc.filename or where}:{exc.lineno}: template syntax error: {exc.message}") from None
    except jinja2.TemplateNotFound as exc:
        raise TemplateFailed(f"{where}: template not found: {exc.name} (includes must stay inside the "
                             "template directories)") from None
    except jinja2.UndefinedError as exc:
        raise TemplateFailed(f"{_template_line(exc, where)}: undefined in template: {exc.message}") from None
    except SecurityError as exc:
        raise TemplateFailed(f"{_template_line(exc, where)}: refused by the sandbox: {exc}") from None
    except RecursionError:
        raise TemplateFailed(f"{where}: template recursion too deep") from None
    except Exception as exc:  # a template is a program: any error in it is the template's
        raise TemplateFailed(f"{_template_line(exc, where)}: template error: "
                             f"{type(exc).__name__}: {exc}") from None
    return clean(text, keep_layout=True)


def context_items(context: Mapping[str, Any]) -> int:
    """How much a brief's context holds: its regions, facts, highlights and sources (the measure
    the template's budget grows with; counted from the documented keys, without walking it all)."""
    items = len(context.get("sources", ()))
    for region in context.get("regions", ()):
        items += 1 + int(region.get("fact_count", 0))
        items += sum(len(theme.get("highlights", ())) for theme in region.get("themes", ()))
    return items


def _template_line(exc: BaseException, fallback: str) -> str:
    """file:line of the template frame where ``exc`` happened (Jinja2 rewrites tracebacks so)."""
    import traceback

    for frame in reversed(traceback.extract_tb(exc.__traceback__)):
        if not frame.filename.endswith(".py") and os.path.isfile(frame.filename):
            return f"{frame.filename}:{frame.lineno}"
    return fallback
