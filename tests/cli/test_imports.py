"""Start-up stays lean: the CLI module and a warm ``get`` pull in none of the heavy libraries."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import time
from pathlib import Path

# the third-party libraries that load at one boundary each (a format's renderer, the YAML reader, templates,
# spreadsheets): the standard library is imported at the top of modules like in any Python project
HEAVY = {"rich", "tabulate", "yaml", "jinja2", "wcwidth", "openpyxl"}
REPO = Path(__file__).resolve().parents[2]


def _modules(code: str, cache: Path) -> set[str]:
    env = {**os.environ, "REPORTER_CACHE_DIR": str(cache), "PYTHONPATH": str(REPO)}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True,
                         cwd=REPO)
    return {m.split(".")[0] for m in json.loads(out.stdout.splitlines()[-1])}


def _source(module: str) -> str:
    base = REPO.joinpath(*module.split("."))
    return (base / "__init__.py" if base.is_dir() else base.with_suffix(".py")).read_text(encoding="utf-8")


def test_importing_the_cli_is_light(tmp_path: Path) -> None:
    loaded = _modules("import json, sys, reporter.cli; print(json.dumps(list(sys.modules)))", tmp_path)
    assert not loaded & HEAVY


def test_a_warm_get_imports_no_heavy_module(tmp_path: Path) -> None:
    data = tmp_path / "regions.yaml"
    data.write_bytes((REPO / "regions.yaml").read_bytes())
    os.utime(data, (1_600_000_000, 1_600_000_000))  # settled long ago: judged by stat alone
    code = f"""
import json, sys
from reporter.cli import main
try:
    main(["--data", {str(data)!r}, "get", "江山", "研发投入"])
except SystemExit:
    pass
print()
print(json.dumps(list(sys.modules)))
"""
    cache = tmp_path / "cache"
    _modules(code, cache)  # the first run builds the cache
    # A file changed within two seconds of a build is re-hashed (its times could hide an edit in the
    # same clock tick); once older, the next run renews the stamp and later runs judge by stat alone.
    time.sleep(max(0.0, data.stat().st_ctime + 2.1 - time.time()))
    _modules(code, cache)
    warm = _modules(code, cache)
    startup = _modules("import json, sys; print(json.dumps(list(sys.modules)))", cache)  # e.g. .pth hooks
    assert "reporter" in warm and "sqlite3" not in warm  # small data: the marshal layout
    assert not ((warm - startup) & HEAVY), (warm - startup) & HEAVY
    # pathlib, which click does not load, cost get 5 ms a run (urllib.parse and ipaddress come with it):
    # no module of ours on this path imports it (an editable install's start-up may load it anyway,
    # so the sources are read, not sys.modules)
    ours = [m for m in json.loads(subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=REPO,
        env={**os.environ, "REPORTER_CACHE_DIR": str(cache), "PYTHONPATH": str(REPO)}).stdout.splitlines()[-1])
        if m.split(".")[0] == "reporter"]
    importing = [m for m in ours if re.search(r"^(from pathlib import|import pathlib)", _source(m), re.M)]
    assert len(ours) > 20 and not importing, importing


def test_the_views_package_loads_a_command_familys_views_when_asked() -> None:
    """reporter.render.views names every view, but imports a family's module only when a name of it
    is asked for: every name it lists resolves, to the object its module defines."""
    code = """
import json, sys
import reporter.render.views
before = sorted(m for m in sys.modules if m.startswith("reporter.render.views."))
from reporter.render.views import delta_view
after = sorted(m for m in sys.modules if m.startswith("reporter.render.views."))
print(json.dumps([before, after]))
"""
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True, cwd=REPO)
    before, after = json.loads(out.stdout.splitlines()[-1])
    assert before == ["reporter.render.views.base"]
    assert "reporter.render.views.delta" in after and "reporter.render.views.compare" not in after

    import importlib

    import reporter.render.views as views

    for name in views.__all__:
        module = getattr(views, "_LAZY", {}).get(name, "base")
        assert getattr(views, name) is getattr(importlib.import_module(f"reporter.render.views.{module}"), name), name
    assert set(views._LAZY) <= set(views.__all__)
