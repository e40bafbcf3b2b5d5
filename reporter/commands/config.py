"""``reporter config``: each setting in effect, its value, and where it came from."""

from __future__ import annotations

import os
from typing import Any

import click

from reporter.cli.options import command, format_option, pass_session
from reporter.cli.printing import emit
from reporter.cli.session import Session
from reporter.render.labels import Labels
from reporter.render.views.base import Column, Row, View


@command()
@format_option("auto", "table", "plain", "tsv", "csv", "json", "jsonl", "markdown")
@pass_session
def config(session: Session, fmt: str | None) -> None:
    """Show each setting (data, lang, format, encoding, bom, color), its value and its origin.

    Settings come from the command line, then the environment ($REPORTER_DATA, NO_COLOR,
    FORCE_COLOR), then reporter.toml (in this folder or one above it), then the user's
    $XDG_CONFIG_HOME/reporter/config.toml (else ~/.config/reporter/config.toml), then the default.
    Keys are named as the global options; see docs/scripting.md.

    \b
    Example:
      reporter config
      reporter --lang en config --format json
    """

    say = Labels(session.lang)
    rows = settings_in_effect(session, click.get_current_context())

    def row(item: tuple[str, str, str]) -> Row:
        return Row({"setting": item[0], "value": item[1], "origin": item[2]})

    columns = [Column("setting", say("config.setting")), Column("value", say("config.value")),
               Column("origin", say("config.origin"), wrap=True)]
    view = View("config", say("title.config"), columns, ["setting", "value", "origin"], rows,
                lambda item: dict(zip(("setting", "value", "origin"), item)), row, lang=session.lang)
    emit(session, [view], fmt)


def settings_in_effect(session: Session, ctx: click.Context) -> list[tuple[str, str, str]]:
    """(setting, value, origin) for each setting: the command line, the environment, a config file,
    or the default, first to last."""
    say = _origins(session)
    settings = session.settings
    group = ctx.parent
    given = click.core.ParameterSource.COMMANDLINE

    def on_line(name: str) -> bool:  # before the command (the group's option) or after it (the command's)
        return any(c is not None and c.get_parameter_source(name) is given for c in (group, ctx))

    def shown(value: Any) -> str:
        return ":".join(value) if isinstance(value, list | tuple) else str(value).lower() if isinstance(
            value, bool) else str(value)

    data_env = os.environ.get("REPORTER_DATA", "").strip()
    color_env = next((n for n in ("NO_COLOR", "FORCE_COLOR") if os.environ.get(n)), "")
    current = {  # key: (value on the command line or in the environment, where from; None: not given there)
        "data": (session.data_paths, say["option"]) if session.data_options else
                (session.data_paths, say["environment"].format(name="REPORTER_DATA")) if data_env else None,
        "lang": (session.lang, say["option"]) if on_line("lang") else None,
        "format": (ctx.params.get("fmt") or session.fmt, say["option"]) if on_line("fmt") else None,
        "encoding": (session.encoding, say["option"]) if on_line("encoding") else None,
        "bom": (True, say["option"]) if on_line("bom") else None,
        "color": (session.color, say["option"]) if on_line("color") else
                 ("auto", say["environment"].format(name=color_env)) if color_env else None,
    }
    defaults = {"data": session.data_paths, "lang": "zh", "format": "auto", "encoding": "utf-8", "bom": False,
                "color": "auto"}
    out = []
    for key, default in defaults.items():
        found = current[key]
        if found is not None:
            out.append((key, shown(found[0]), found[1]))
        elif settings is not None and key in settings.values:
            out.append((key, shown(settings.values[key].value), settings.values[key].origin))
        else:
            out.append((key, shown(default), say["default"]))
    return out


def _origins(session: Session) -> dict[str, str]:

    say = Labels(session.lang)
    return {"option": say("config.option"), "default": say("config.default"),
            "environment": say("config.environment", name="{name}")}
