"""``reporter brief``: prose from Jinja2 templates."""

from __future__ import annotations

import click

from reporter.cli.completion import complete_regions
from reporter.cli.options import command, pass_session, theme_option
from reporter.cli.output import print_text
from reporter.cli.session import Session
from reporter.errors import UsageProblem


@command()
@click.argument("regions_", metavar="[REGION]...", nargs=-1, shell_complete=complete_regions)
@click.option("--all", "all_regions", is_flag=True, help="Every region in the data.")
@click.option("--lang", type=click.Choice(["zh", "en"]), default=None,
              help="Language of the brief [default: the global --lang].")
@click.option("--template", "-T", metavar="NAME|PATH",
              help="A template file, or a name looked up in $REPORTER_TEMPLATES, then the bundled "
                   "templates (brief, report.md) [default: brief.LANG.j2].")
@theme_option
@pass_session
def brief(session: Session, regions_: tuple[str, ...], all_regions: bool, lang: str | None,
          template: str | None, theme: str | None) -> None:
    """A text brief of regions, worded by a Jinja2 template: prose, not a table.

    \b
    Example:
      reporter brief 江山 >> weekly.txt
      reporter brief --all --lang en
      reporter brief --all --template report.md > report.md
    """
    from reporter.render.brief import brief_context, render_brief

    if all_regions == bool(regions_):
        raise UsageProblem("name one or more regions, or give --all (not both)")
    lang = lang or session.lang
    data = session.data
    chosen = list(data.regions.values()) if all_regions else list(
        dict.fromkeys(session.region(r) for r in regions_))
    context = brief_context(data, chosen, lang, session.theme(theme))
    text = render_brief(context, template or f"brief.{lang}", lang)
    print_text(session, text)


