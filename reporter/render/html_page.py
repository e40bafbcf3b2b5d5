"""HTML reports (``--format html``): one self-contained page, to print or paste into an e-mail.

The page carries its own CSS inline in a ``<style>`` element: no script, no font, image or
stylesheet fetched from anywhere, so it looks the same offline, in a mail client and on paper
(an ``@media print`` rule keeps rows whole across pages). Every value from the data is escaped
with :func:`html.escape` (a quote holding ``<script>`` stays text), after the output boundary's
:func:`~reporter.render.safe.clean` has removed control and bidi characters. The tables show the
cells people read (``table`` and ``plain`` format's words, numbers grouped, units and periods
beside them); pictures (bars, sparklines) are left out, as in plain text.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from html import escape

from reporter.render.labels import Labels
from reporter.render.safe import clean
from reporter.render.terminal import Environment
from reporter.render.views import View

STYLE = """
body { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif;
       margin: 2em; color: #111; line-height: 1.5; }
h1 { font-size: 1.4em; margin: 0 0 .6em; }
h2 { font-size: 1.15em; margin: 1.6em 0 .4em; }
table { border-collapse: collapse; margin: .4em 0 1em; }
th, td { border: 1px solid #999; padding: .25em .6em; vertical-align: top; text-align: left; }
th { background: #eee; }
td.num { text-align: right; white-space: nowrap; }
tr.group td { background: #f6f6f6; font-weight: bold; }
tr.detail td { color: #444; font-size: .92em; }
p.note { color: #444; font-size: .92em; margin: .2em 0; }
p.brief { margin: 0 0 .9em; }
@media print { body { margin: 0; } tr, p { page-break-inside: avoid; } th { background: none; } }
"""


def page(title: str, body: Iterable[str], lang: str) -> str:
    """A whole HTML5 document around ``body`` (markup already escaped), titled ``title`` (escaped here)."""
    return ("<!DOCTYPE html>\n"
            f'<html lang="{"zh-CN" if lang == "zh" else "en"}">\n<head>\n<meta charset="utf-8">\n'
            '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f"<title>{escape(title)}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n"
            + "".join(body) + "</body>\n</html>\n")


def views_as_html(views: Sequence[View], env: Environment) -> str:
    """The views as one page: each a heading (its title), a table of its rows, and its notes."""
    shown = [v for v in views if v.items or v.title]
    lang = views[0].lang if views else "zh"
    title = next((v.title for v in shown if v.title), Labels(lang)("title.facts"))
    parts: list[str] = []
    for view in shown:
        parts.append(f"<h2>{escape(view.title)}</h2>\n" if view.title else "")
        parts.extend(_table(view))
        parts.extend(f'<p class="note">{escape(n)}</p>\n' for n in view.said_notes())
    return page(title, parts, lang)


def _table(view: View) -> Iterable[str]:
    columns = [c for c in view.columns if not c.visual]
    if not columns:
        return
    yield "<table>\n<thead><tr>"
    yield "".join(f"<th>{escape(c.header)}</th>" for c in columns)
    yield "</tr></thead>\n<tbody>\n"
    group: str | None = None
    for row in view.rows():
        if row.group and row.group != group:
            group = row.group
            yield f'<tr class="group"><td colspan="{len(columns)}">{escape(row.group)}</td></tr>\n'
        cells = "".join(f'<td class="num">{escape(row.cells.get(c.key, ""))}</td>' if c.numeric
                        else f"<td>{escape(row.cells.get(c.key, ''))}</td>" for c in columns)
        yield f"<tr>{cells}</tr>\n"
        if row.detail:
            yield f'<tr class="detail"><td colspan="{len(columns)}">{escape(row.detail)}</td></tr>\n'
    yield "</tbody>\n</table>\n"


def brief_as_html(text: str, title: str, lang: str) -> str:
    """A brief's prose as a page: a paragraph per block of lines, a line break kept within one."""

    blocks = [b.strip("\n") for b in clean(text, keep_layout=True).split("\n\n") if b.strip()]
    body = [f"<h1>{escape(title)}</h1>\n"]
    for block in blocks:
        heading = block.lstrip().startswith("#")
        if heading:
            body.append(f"<h2>{escape(block.lstrip('# ').strip())}</h2>\n")
        else:
            body.append('<p class="brief">' + "<br>\n".join(escape(line) for line in block.split("\n")) + "</p>\n")
    return page(title, body, lang)
