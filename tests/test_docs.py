"""The documentation says what the program does: README examples are run and compared."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest

from .conftest import run

REPO = Path(__file__).resolve().parents[1]


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
    args = shlex.split(command)
    assert args[0] == "reporter"
    result = run(*args[1:])
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
    from reporter.rules import FIELDS

    text = (REPO / "docs" / "data-format.md").read_text(encoding="utf-8")
    section = text.split(f"## {part.capitalize()}", 1)[1].split("\n## ", 1)[0]
    listed = re.search(r"^Required: (.*?)\.", section, re.M)
    assert listed, f"docs/data-format.md: no 'Required:' line under {part}"
    assert re.findall(r"`(\w+)`", listed.group(1)) == [f.name for f in FIELDS[part].values() if f.required]
