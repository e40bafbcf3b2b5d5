"""The progress display: on stderr when it is a terminal, only after a while, never with --quiet.

A pseudo-terminal stands in for the user's; the run is a real process whose display shows at once
(its delay set to 0 in the script that starts it), so nothing here waits a second.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from tests.conftest import REPO

SCRIPT = """\
import os, sys
if {out!r}:
    os.dup2(os.open({out!r}, os.O_WRONLY | os.O_CREAT), 1)  # the answer to a file, the display on the terminal
from reporter.cli import progress
progress.DELAY_SECONDS, progress.REFRESH_SECONDS = 0.0, 0.01
import reporter.render.machine as machine
stream_csv = machine.stream_csv
def slow(*args, **kwargs):  # each chunk a little late, so the display has time to draw
    import time
    for chunk in stream_csv(*args, **kwargs):
        time.sleep(0.2)
        yield chunk
machine.stream_csv = slow
sys.argv = ["reporter", *{args!r}]
from reporter.cli import main
main()
"""


def _on_a_terminal(tmp_path: Path, args: list[str], answer_to_file: bool = True) -> tuple[bytes, str]:
    """What a run shows on its terminal (stderr), and what it wrote to its answer file."""
    import pty

    answer = tmp_path / "answer.csv"
    answer.touch()
    pid, fd = pty.fork()
    if pid == 0:  # the child: the terminal is its stdin, stdout and stderr
        os.environ.update({"PYTHONPATH": str(REPO), "LC_ALL": "C.UTF-8", "COLUMNS": "100", "TERM": "xterm"})
        os.execv(sys.executable, [sys.executable, "-c",
                                  SCRIPT.format(out=str(answer) if answer_to_file else "", args=args)])
    shown = []
    while True:
        try:
            data = os.read(fd, 65536)
        except OSError:
            break
        if not data:
            break
        shown.append(data)
    os.waitpid(pid, 0)
    return b"".join(shown), answer.read_text(encoding="utf-8")


def test_a_long_export_shows_how_far_it_is(tmp_path: Path) -> None:
    shown, answer = _on_a_terminal(tmp_path, ["export", "--format", "csv"])
    assert answer.startswith("region,region_name,metric") and len(answer.splitlines()) > 70
    assert b"reporter: writing" in shown and b"facts" in shown


@pytest.mark.parametrize("quiet", [["--quiet"], ["-q"]])
def test_quiet_shows_nothing(tmp_path: Path, quiet: list[str]) -> None:
    shown, answer = _on_a_terminal(tmp_path, [*quiet, "export", "--format", "csv"])
    assert answer.startswith("region,")
    assert b"reporter" not in shown


def test_the_display_goes_before_the_answer_reaches_the_terminal(tmp_path: Path) -> None:
    shown, _ = _on_a_terminal(tmp_path, ["export", "--format", "csv"], answer_to_file=False)
    text = shown.decode("utf-8", "replace")
    answer = text[text.index("region,region_name,metric"):]
    assert "reporter: writing" not in answer  # the bar never draws over or between the rows
    assert answer.count("\r\n") > 70 and "page-2020-kjdd" in answer
