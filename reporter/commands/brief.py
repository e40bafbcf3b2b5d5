"""``reporter brief``: prose from Jinja2 templates."""

from __future__ import annotations

from typing import TYPE_CHECKING

import click

from reporter.cli.completion import complete_regions
from reporter.cli.options import command, filter_options, output_file_option, pass_session, theme_option
from reporter.cli.output import chosen_format, note
from reporter.cli.printing import print_chunks, write_text
from reporter.cli.session import Session
from reporter.cli.windows import undated_option
from reporter.errors import NoData, UsageProblem
from reporter.messages import Message
from reporter.model.names import find_period
from reporter.query.selection import Window, region_facts
from reporter.render.brief import brief_context, brief_counts, regions_worded
from reporter.render.html_page import brief_as_html
from reporter.render.labels import Labels
from reporter.render.template import render_brief_chunks
from reporter.render.views import window_notes

if TYPE_CHECKING:
    from reporter.model.periods import Period
    from reporter.model.records import Region


@command()
@click.argument("regions_", metavar="[REGION]...", nargs=-1, shell_complete=complete_regions)
@click.option("--all", "all_regions", is_flag=True, help="Every region in the data.")
@click.option("--full", is_flag=True,
              help="Every fact and highlight, not only the headline ones (see docs/templates.md).")
@click.option("--latest", is_flag=True, help="Only each metric's newest figure.")
@click.option("--since", metavar="PERIOD",
              help="Only figures whose period ends in PERIOD or later (2019, 2020-H1, 2020年1-5月).")
@click.option("--template", "-T", metavar="NAME|PATH",
              help="A template file, or a name looked up in $REPORTER_TEMPLATES, then the bundled "
                   "templates (brief, report.md) [default: brief.LANG.j2].")
@theme_option
@click.option("--format", "-f", "fmt", type=click.Choice(["auto", "plain", "html"]), default=None,
              help="plain: the prose as the template writes it [default]; html: one self-contained page "
                   "(no scripts, nothing fetched), to print or paste into an e-mail.")
@output_file_option
@filter_options
@undated_option
@pass_session
def brief(session: Session, regions_: tuple[str, ...], all_regions: bool, full: bool, latest: bool,
          since: str | None, template: str | None, theme: str | None, fmt: str | None,
          with_undated: bool) -> None:
    """A text brief of regions, worded by a Jinja2 template: prose, not a table.

    By default a summary: per theme the headline facts (ranks, figures with a change, the
    largest sums of money; two at most) and the first highlight. --full gives everything.
    --lang en writes it in English (before or after the command, as everywhere).

    \b
    Example:
      reporter brief 江山 >> weekly.txt
      reporter brief 江山 --full
      reporter brief --all --latest --since 2020 --lang en
      reporter brief --all --full --template report.md > report.md
      reporter brief 江山 --format html -o jiangshan.html
    """

    if all_regions == bool(regions_):
        raise UsageProblem(Message("brief.regions_or_all"))
    window = find_period(since) if since else None  # text that is no period: exit 2, before any name
    lang, data = session.lang, session.data
    chosen = list(data.regions.values()) if all_regions else list(
        dict.fromkeys(session.region(r) for r in regions_))
    context = brief_context(data, chosen, lang, session.theme(theme), full=full, latest=latest, since=window,
                            undated=with_undated)
    if not any(r["themes"] for r in context["regions"]):  # stops at the first region with something to say

        raise NoData(Message("brief.nothing", since=Message("since", period=window) if window else "",
                             theme=Message("in_theme", theme=theme) if theme else ""))
    chunks = render_brief_chunks(context, template or f"brief.{lang}", lang)
    if (fmt or session.fmt) == "html" or session.output is not None:
        _brief_page(session, "".join(chunks), chosen, fmt or session.fmt or "plain")
        return
    progress = session.progress()
    if progress is None or len(chosen) < 2:
        print_chunks(session, chunks)
    else:
        with progress(Message("progress.brief", count=len(chosen)), total=len(chosen)) as bar:
            print_chunks(session, bar.follow(chunks, lambda: regions_worded(context)))
    if window is not None:  # what --since did with figures whose period the source does not state
        _undated_note(session, chosen, theme, window, with_undated)
    shown, total = brief_counts(context)
    if shown < total:
        note("reporter: " + Message("brief.headline", shown=shown, total=total).text(session.message_lang))


def _brief_page(session: Session, text: str, regions: list[Region], fmt: str) -> None:
    """The brief as an HTML page (or as text) to stdout or ``-o FILE``."""

    if fmt == "html":
        chosen_format(session, "html")  # --bom or --encoding: refused, as for every UTF-8 format
        title = "、".join(r.name(session.lang) for r in regions[:8]) if session.lang == "zh" \
            else ", ".join(r.name(session.lang) for r in regions[:8])
        text = brief_as_html(text, title, session.lang)
    write_text(session, text, fmt)


def _undated_note(session: Session, regions: list[Region], theme: str | None, since: Period,
                  with_undated: bool) -> None:
    """Say how many figures whose period is not stated --since left out, or that they are listed apart."""

    chosen = session.theme(theme)
    window = Window(since, undated=with_undated, overlapping=True)
    facts = [f for r in regions for f in region_facts(session.data, r, chosen)]
    for line in window_notes(facts, window, Labels(session.message_lang)):
        note("reporter: " + line)
