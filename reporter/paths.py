"""Where the data and templates are: small and import-light, for the start-up path.

Plain ``os.path`` strings on purpose: pathlib's imports are more than click itself pays, and
this module is on ``reporter get``'s path. The rule for which files of a data directory are
data lives here too, so the loader and the cache cannot disagree on it.
"""

from __future__ import annotations

import os
from collections.abc import Mapping

PACKAGE_DIR = os.path.dirname(os.path.abspath(__file__))


def bundled_data_path() -> str:
    """regions.yaml shipped with the package (a link to the repository's top-level file)."""
    return os.path.join(PACKAGE_DIR, "regions.yaml")


def bundled_templates_dir() -> str:
    return os.path.join(PACKAGE_DIR, "templates")


def resolve_data_path(option: str | None, environ: Mapping[str, str]) -> str:
    """``--data PATH`` > ``$REPORTER_DATA`` > the bundled file."""
    if option:
        return option
    if environ.get("REPORTER_DATA"):
        return environ["REPORTER_DATA"]
    return bundled_data_path()


def is_data_file_name(name: str) -> bool:
    """The one rule for which files of a data directory are data: ``*.yaml`` / ``*.yml``, not hidden."""
    return name.endswith((".yaml", ".yml")) and not name.startswith(".")


def data_file_paths(path: str) -> list[str]:
    """The data files behind ``path``: a directory's data files (sorted by name), or the path itself.

    Raises ``OSError`` when a directory cannot be listed; says nothing of whether the files are readable.
    """
    if os.path.isdir(path):
        return [os.path.join(path, name) for name in sorted(os.listdir(path)) if is_data_file_name(name)]
    return [path]
