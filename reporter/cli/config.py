"""Settings from config files: the user's and the project's, merged under the command line.

Two TOML files, flat keys named as the global options::

    # ~/.config/reporter/config.toml ($XDG_CONFIG_HOME/reporter/config.toml), or reporter.toml
    data = ["bundled", "county-data"]   # layers, as --data given in order; relative to this file
    lang = "en"
    format = "csv"
    encoding = "gb18030"
    bom = false
    color = "never"

The project file ``reporter.toml`` is looked for in the working directory and upward, up to the
top of a git repository or the home directory. What wins, first to last: an option on the
command line, then the environment (``$REPORTER_DATA``, ``NO_COLOR``/``FORCE_COLOR``), then
the project file, then the user file, then the default. A setting a command does not take is
ignored for it (``format = "csv"`` leaves ``check`` and ``brief`` as they are; ``bom`` and
``encoding`` apply where csv, tsv or text is written), never an error. A file that is not
valid TOML, or holds an unknown key or a wrong value, is one line naming ``file:line``.

The settings reach click as its ``default_map`` (``lang``, ``color``) and the
:class:`~reporter.cli.session.Session` (``data``, ``format``, ``encoding``, ``bom``), which
applies each where a command can use it.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Mapping
from typing import Any, NamedTuple

from reporter.data.paths import xdg_folder
from reporter.errors import DataError, Problem
from reporter.messages import Message
from reporter.render import FORMATS

PROJECT_FILE = "reporter.toml"
KEYS = ("data", "lang", "format", "encoding", "bom", "color")

LANGS = ("zh", "en")  # the values each setting takes, as the global options take them
COLORS = ("auto", "always", "never")
ENCODINGS = ("utf-8", "utf-8-sig", "gb18030")


class Setting(NamedTuple):
    value: Any
    origin: str  # the file it came from


class Settings(NamedTuple):
    """What the config files say, key by key, with the file each value came from."""

    values: dict[str, Setting]
    files: tuple[str, ...]  # the files read, user first

    def get(self, key: str) -> Any:
        found = self.values.get(key)
        return None if found is None else found.value

    def default_map(self, environ: Mapping[str, str]) -> dict[str, Any]:
        """click's defaults for the group's own options: lang, and color unless the environment
        (NO_COLOR, FORCE_COLOR) decides it."""
        out: dict[str, Any] = {}
        if "lang" in self.values:
            out["lang"] = self.get("lang")
        if "color" in self.values and not (environ.get("NO_COLOR") or environ.get("FORCE_COLOR")):
            out["color"] = self.get("color")
        return out


NO_SETTINGS = Settings({}, ())


def settings_for(environ: Mapping[str, str]) -> Settings:
    """The settings in effect for a run in the working directory (none when it is gone)."""
    try:
        cwd = os.getcwd()
    except OSError:
        return load_settings(environ, os.path.expanduser("~"))
    return load_settings(environ, cwd)


def user_file(environ: Mapping[str, str]) -> str | None:
    """``$XDG_CONFIG_HOME/reporter/config.toml``, else ``~/.config/reporter/config.toml`` (the XDG rule
    of :func:`reporter.data.paths.xdg_folder`, as the cache folder's)."""
    folder = xdg_folder("config", environ)
    return os.path.join(folder, "config.toml") if folder else None


def project_file(start: str | os.PathLike[str]) -> str | None:
    """``reporter.toml`` in ``start`` or a folder above it, up to a repository's top or the home folder.
    (os.path, not pathlib: every run looks, and pathlib costs a run more to import than the look.)"""
    folder = os.path.realpath(start)
    home = os.path.realpath(os.path.expanduser("~"))
    while True:
        candidate = os.path.join(folder, PROJECT_FILE)
        if os.path.isfile(candidate):
            return candidate
        parent = os.path.dirname(folder)
        if folder == home or os.path.exists(os.path.join(folder, ".git")) or parent == folder:
            return None
        folder = parent


def load_settings(environ: Mapping[str, str], cwd: str | os.PathLike[str]) -> Settings:
    """The settings of the user file, then the project file over it (each only if it exists)."""
    values: dict[str, Setting] = {}
    files = []
    for path in (user_file(environ), project_file(cwd)):
        if path is None or not os.path.isfile(path):
            continue
        files.append(path)
        for key, value in read_file(path).items():
            values[key] = Setting(value, path)
    return Settings(values, tuple(files))


def read_file(path: str) -> dict[str, Any]:
    """One config file's settings, checked; relative data paths made absolute against its folder."""
    import tomllib

    try:
        with open(path, "rb") as handle:
            text = handle.read().decode("utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise DataError([Problem(path, None, None, Message("config.syntax", reason=str(exc)))]) from None
    try:
        table = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        found = re.search(r"\(at line (\d+), column (\d+)\)", str(exc))
        reason = re.sub(r"\s*\(at line \d+, column \d+\)", "", str(exc))
        line, column = (int(found.group(1)), int(found.group(2))) if found else (None, None)
        raise DataError([Problem(path, line, column, Message("config.syntax", reason=reason))]) from None
    out = {}
    for key, value in table.items():
        out[key] = _checked(path, text, key, value)
    return out


def _checked(path: str, text: str, key: str, value: Any) -> Any:

    def wrong(message: Message) -> DataError:
        return DataError([Problem(path, _line_of(text, key), None, message)])

    choices = {"lang": LANGS, "format": FORMATS, "encoding": ENCODINGS, "color": COLORS}
    if key not in KEYS:
        return _raise(wrong(Message("config.unknown", name=key, known=", ".join(KEYS))))
    if key == "data":
        layers = [value] if isinstance(value, str) else value
        if not isinstance(layers, list) or not layers or not all(isinstance(p, str) and p.strip() for p in layers):
            return _raise(wrong(Message("config.value", name=key, value=_shown(value), expected=Message("config.list"))))
        return [p if p.strip() == "bundled" else os.path.join(os.path.dirname(path), os.path.expanduser(p)) for p in layers]
    if key == "bom":
        if not isinstance(value, bool):
            return _raise(wrong(Message("config.value", name=key, value=_shown(value),
                                        expected=Message("config.boolean"))))
        return value
    if not isinstance(value, str) or value.lower() not in choices[key]:
        return _raise(wrong(Message("config.value", name=key, value=_shown(value),
                                    expected=Message("config.one_of", choices=", ".join(choices[key])))))
    return value.lower()


def _raise(error: DataError) -> Any:
    raise error


def _shown(value: Any) -> str:

    try:
        return json.dumps(value, ensure_ascii=False)
    except (TypeError, ValueError):
        return str(value)


def _line_of(text: str, key: str) -> int | None:
    """The line a top-level key is set on (``key =``, quoted or not)."""
    pattern = re.compile(rf"""^\s*(?:{re.escape(key)}|"{re.escape(key)}"|'{re.escape(key)}')\s*=""")
    for number, line in enumerate(text.splitlines(), 1):
        if pattern.match(line):
            return number
    return None
