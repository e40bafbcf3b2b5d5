"""Where the data and templates are: small and import-light, for the start-up path.

Plain ``os.path`` strings on purpose: pathlib costs ~5 ms of imports that click does not pay.
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
