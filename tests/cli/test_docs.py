"""The documentation says what the program does: README examples are run and compared."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest

from tests.conftest import run

REPO = Path(__file__).resolve().parents[2]


def _examples() -> list[tuple[str, str]]:
    """(command, expected output) for each ``$ reporter …`` line in the README's console blocks."""
    text = (REPO / "README.md").read_text(encoding="utf-8")
    examples = []
    for block in re.findall(r"```console\n(.*?)```", text, re.S):
        for part in re.split(r"^\$ ", block, flags=re.M)[1:]:
            command, _, output = part.partition("\n")
            examples.append((command, output))
    return examples


@pytest.mark.parametrize(("command", "expected"), _examples(), ids=[c for c, _ in _examples()])
def test_readme_examples_run_as_shown(command: str, expected: str) -> None:
    """Each example exits 0, unless it shows its exit code as a shell would (``; echo "exit $?"``)."""
    shown_code = command.endswith('; echo "exit $?"')
    args = shlex.split(command.removesuffix('; echo "exit $?"'))
    assert args[0] == "reporter"
    result = run(*args[1:])
    if shown_code:
        assert result.stdout + f"exit {result.code}\n" == expected
    else:
        assert result.code == 0
        assert result.stdout == expected


def test_readme_starts_with_the_two_commands() -> None:
    lines = (REPO / "README.md").read_text(encoding="utf-8").splitlines()
    assert lines[:4] == ["```sh", "python3 -m pip install . && python3 -m reporter show 江山",
                         "python3 -m pip install '.[test]' && python3 -m pytest", "```"]


def test_ci_runs_the_readme_test_command() -> None:
    assert "python3 -m pip install '.[test]' && python3 -m pytest" in (REPO / ".ci" / "run").read_text()


@pytest.mark.parametrize("part", ["source", "metric", "region"])
def test_the_format_doc_lists_each_parts_required_fields_as_the_loader_does(part: str) -> None:
    from reporter.data.rules import FIELDS

    text = (REPO / "docs" / "data-format.md").read_text(encoding="utf-8")
    section = text.split(f"## {part.capitalize()}", 1)[1].split("\n## ", 1)[0]
    listed = re.search(r"^Required: (.*?)\.", section, re.M)
    assert listed, f"docs/data-format.md: no 'Required:' line under {part}"
    assert re.findall(r"`(\w+)`", listed.group(1)) == [f.name for f in FIELDS[part].values() if f.required]


# --------------------------------------------------------------------------- docs/scripting.md, run as a shell runs it

SCRIPTING = REPO / "docs" / "scripting.md"


@pytest.fixture
def shell_path(tmp_path: Path) -> dict[str, str]:
    """An environment whose PATH finds ``reporter`` (this checkout, run by this Python) and a ``mail``
    that keeps each message in $HOME/mail/ (SUBJECT on its first line) instead of sending it."""
    import os
    import sys

    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    (bin_dir / "reporter").write_text(f'#!/bin/sh\nexec "{sys.executable}" -m reporter "$@"\n', encoding="utf-8")
    (bin_dir / "mail").write_text('#!/bin/sh\nmkdir -p "$HOME/mail"\nn=$(ls "$HOME/mail" | wc -l)\n'
                                  '{ echo "$2 -> $3"; cat; } > "$HOME/mail/$n"\n', encoding="utf-8")
    for name in ("reporter", "mail"):
        (bin_dir / name).chmod(0o755)
    home = tmp_path / "home"
    home.mkdir()
    return {**os.environ, "PATH": f"{bin_dir}{os.pathsep}{os.environ.get('PATH', '')}", "HOME": str(home),
            "PYTHONPATH": str(REPO), "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8", "COLUMNS": "100"}


def _shell_examples() -> list[tuple[str, str]]:
    text = SCRIPTING.read_text(encoding="utf-8")
    return [(part.partition("\n")[0], part.partition("\n")[2])
            for block in re.findall(r"```console\n(.*?)```", text, re.S) for part in re.split(r"^\$ ", block, flags=re.M)[1:]]


@pytest.mark.parametrize(("command", "expected"), _shell_examples(), ids=[c for c, _ in _shell_examples()])
def test_scripting_examples_run_in_a_shell_as_shown(command: str, expected: str, shell_path: dict[str, str]) -> None:
    import shutil
    import subprocess

    if "jq " in command and shutil.which("jq") is None:
        pytest.skip("jq is not installed (apt-get install jq)")
    out = subprocess.run(["bash", "-c", command], capture_output=True, text=True, env=shell_path, timeout=60)
    assert out.stdout == expected, out.stderr


def test_the_nightly_job_runs_as_documented(shell_path: dict[str, str]) -> None:
    import datetime
    import shutil
    import subprocess

    if shutil.which("jq") is None:
        pytest.skip("jq is not installed (apt-get install jq)")
    (job,) = [b for b in re.findall(r"```sh\n(.*?)```", SCRIPTING.read_text(encoding="utf-8"), re.S)
              if b.startswith("#!/bin/sh\n# reporter-nightly")]
    script = Path(shell_path["HOME"]) / "reporter-nightly"
    script.write_text(job, encoding="utf-8")
    out = subprocess.run(["sh", str(script)], capture_output=True, text=True, env=shell_path, timeout=120)
    assert (out.returncode, out.stdout, out.stderr) == (0, "something got worse: mailed\n", "")
    day = Path(shell_path["HOME"]) / "reports" / datetime.date.today().isoformat()
    assert (day / "brief.txt").read_text(encoding="utf-8") == run("brief", "--all", "--latest").stdout
    assert (day / "facts.csv").read_bytes().startswith(b"\xef\xbb\xbfregion,region_name,")
    changes = (day / "changes.tsv").read_text(encoding="utf-8").splitlines()
    assert "jiangshan\thightech_output\t2020-01/05\t-14.7\tfalse" in changes and len(changes) == 4
    assert (day / "worse.tsv").read_text(encoding="utf-8").splitlines()[0].startswith("region\tmetric\t")
    mails = sorted((Path(shell_path["HOME"]) / "mail").iterdir(), key=lambda p: int(p.name))
    assert [m.read_text(encoding="utf-8").splitlines()[0] for m in mails] == [
        "reporter: 2 figures got worse -> me", f"reporter: brief {datetime.date.today().isoformat()} -> me"]
