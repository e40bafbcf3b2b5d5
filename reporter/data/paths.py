"""Where the data and templates are: small and import-light, for the start-up path.

Plain ``os.path`` strings on purpose: pathlib's imports are more than click itself pays, and
this module is on ``reporter get``'s path. The rule for which files of a data directory are
data lives here too, so the loader and the cache cannot disagree on it.
"""

from __future__ import annotations

import os
import shlex
from collections.abc import Callable, Mapping, Sequence

PACKAGE_DIR = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def bundled_data_path() -> str:
    """regions.yaml shipped with the package (the repository's top-level regions.yaml links to it)."""
    return os.path.join(PACKAGE_DIR, "regions.yaml")


def bundled_templates_dir() -> str:
    return os.path.join(PACKAGE_DIR, "templates")


def bundled_sources_dir() -> str:
    """The source documents of the bundled data (the newspaper page), shipped with the package."""
    return os.path.join(PACKAGE_DIR, "sources")


BUNDLED = "bundled"  # the word that names the bundled data file in --data and $REPORTER_DATA


def resolve_data_paths(options: tuple[str, ...] | list[str], environ: Mapping[str, str]) -> tuple[str, ...]:
    """The layers of data, first to last: ``--data PATH`` (repeatable), else ``$REPORTER_DATA`` (paths
    separated by ``:``), else the bundled file. ``bundled`` names the bundled file; ``~`` is expanded;
    a path given twice is read once."""
    chosen = list(options) or [p for p in environ.get("REPORTER_DATA", "").split(os.pathsep) if p.strip()]
    paths = [bundled_data_path() if p.strip() == BUNDLED else os.path.expanduser(p) for p in chosen or [BUNDLED]]
    seen: set[str] = set()
    unique = []
    for path in paths:
        real = os.path.realpath(path)
        if real not in seen:
            seen.add(real)
            unique.append(path)
    return tuple(unique)


def absolute(path: str) -> str:
    """A path as a suggestion names it: absolute, so that it works from any directory (a relative
    ``REPORTER_DATA`` entry would be read in whatever directory a later command runs in), with the
    home directory written ``~``."""
    full = os.path.abspath(os.path.expanduser(path))
    home = os.path.expanduser("~")
    if home not in ("~", os.sep) and full.startswith(home.rstrip(os.sep) + os.sep):
        return "~" + full[len(home.rstrip(os.sep)):]
    return full


def layer_word(path: str) -> str:
    """A layer as a suggestion names it: ``bundled`` for the bundled file, else its absolute path."""
    if path.strip() == BUNDLED or os.path.realpath(path) == os.path.realpath(bundled_data_path()):
        return BUNDLED
    return absolute(path)


def data_options(paths: Sequence[str]) -> str:
    """The ``--data`` options that name these layers, ready for a shell (``bundled`` for the
    bundled file, absolute paths for the others): what a hint tells the user to run."""

    return " ".join(f"--data {_shell_path(layer_word(p), shlex.quote)}" for p in paths)


def data_variable(paths: Sequence[str]) -> str:
    """``REPORTER_DATA=…`` naming these layers (absolute paths), ready for ``export``."""

    return "REPORTER_DATA=" + _shell_path(os.pathsep.join(layer_word(p) for p in paths), shlex.quote)


def _shell_path(text: str, quote: Callable[[str], str]) -> str:
    """A path for a shell line, quoted where it must be; ``~/`` after its start or a ``:`` is left
    unquoted, so the shell (and reporter, for an entry of ``REPORTER_DATA``) reads it as home."""
    return ":".join("~/" + quote(part[2:]) if part.startswith("~/") else quote(part) if part else part
                    for part in text.split(":"))


def is_data_file_name(name: str) -> bool:
    """The one rule for which files of a data directory are data: ``*.yaml`` / ``*.yml``, not hidden."""
    return name.endswith((".yaml", ".yml")) and not name.startswith(".")


def data_file_paths(paths: str | tuple[str, ...] | list[str]) -> list[str]:
    """The data files behind each path in turn: a directory's data files (sorted by name), or the path.

    Raises ``OSError`` when a directory cannot be listed; says nothing of whether the files are readable.
    """
    files = []
    for path in [paths] if isinstance(paths, str) else paths:
        if os.path.isdir(path):
            files += [os.path.join(path, name) for name in sorted(os.listdir(path)) if is_data_file_name(name)]
        else:
            files.append(path)
    return files


def xdg_folder(kind: str, environ: Mapping[str, str]) -> str | None:
    """reporter's own folder of an XDG kind (``cache``, ``config``): ``$XDG_<KIND>_HOME/reporter`` when
    that is absolute (the XDG spec ignores a relative one), else ``~/.<kind>/reporter`` when the home
    folder is known; None when neither is. The one rule for the cache and the config file alike."""
    xdg = environ.get(f"XDG_{kind.upper()}_HOME", "")
    if os.path.isabs(xdg):
        return os.path.join(xdg, "reporter")
    home = environ.get("HOME") if "HOME" in environ else os.path.expanduser("~")
    if home and os.path.isabs(home) and home != os.sep:
        return os.path.join(home, f".{kind}", "reporter")
    return None
