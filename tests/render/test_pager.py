"""The pager: only on a terminal, only for output taller than it, as git and hledger page.

A fake pager (a small script writing its stdin to a file) stands in for less; the terminal is
forced through :class:`~reporter.render.terminal.Environment`, the one place that decides TTY facts.
"""

from __future__ import annotations

import io
import os
import shlex
import subprocess
import sys
from pathlib import Path

import pytest

from reporter.cli.output import show_text
from reporter.render.terminal import DEFAULT_PAGER, Environment
from tests.conftest import REPO, run

FAKE_PAGER = """\
import sys
data = sys.stdin.buffer.read({limit})
with open(sys.argv[1], "wb") as out:
    out.write(data)
"""


def _pager(tmp_path: Path, limit: int = -1) -> tuple[str, Path]:
    """A pager command that writes what it reads to a file (reading only ``limit`` bytes, then quitting)."""
    script = tmp_path / "pager.py"
    script.write_text(FAKE_PAGER.format(limit=limit), encoding="utf-8")
    out = tmp_path / "paged.txt"
    return f"{shlex.quote(sys.executable)} {shlex.quote(str(script))} {shlex.quote(str(out))}", out


TALL = "".join(f"line {i}\n" for i in range(40))


def test_output_taller_than_the_terminal_goes_to_the_pager(tmp_path: Path) -> None:
    command, paged = _pager(tmp_path)
    stream = io.StringIO()
    show_text(TALL, Environment(stdout_isatty=True, height=10, pager=command), stream)
    assert paged.read_text(encoding="utf-8") == TALL
    assert stream.getvalue() == ""


def test_output_that_fits_is_written_directly(tmp_path: Path) -> None:
    command, paged = _pager(tmp_path)
    stream = io.StringIO()
    show_text("one\ntwo\n", Environment(stdout_isatty=True, height=10, pager=command), stream)
    assert stream.getvalue() == "one\ntwo\n" and not paged.exists()


def test_a_pager_that_cannot_start_falls_back_to_writing(tmp_path: Path) -> None:
    for broken in ("/nonexistent/pager -R", "'unbalanced"):
        stream = io.StringIO()
        show_text(TALL, Environment(stdout_isatty=True, height=10, pager=broken), stream)
        assert stream.getvalue() == TALL


def test_a_pager_quitting_early_is_not_an_error(tmp_path: Path) -> None:
    command, paged = _pager(tmp_path, limit=10)  # like pressing q after the first screen
    stream = io.StringIO()
    show_text(TALL * 5000, Environment(stdout_isatty=True, height=10, pager=command), stream)  # > a pipe buffer
    assert paged.read_bytes() == TALL.encode()[:10] and stream.getvalue() == ""


@pytest.mark.parametrize(("tty", "paging", "environ", "pager"), [
    (False, True, {}, ""),  # a pipe: never
    (True, True, {}, DEFAULT_PAGER),
    (True, False, {}, ""),  # --no-pager
    (True, True, {"PAGER": "most"}, "most"),
    (True, True, {"PAGER": ""}, ""),
    (True, True, {"PAGER": "cat"}, ""),
    (True, True, {"TERM": "dumb"}, ""),
])
def test_the_environment_decides_the_pager(monkeypatch: pytest.MonkeyPatch, tty: bool, paging: bool,
                                           environ: dict[str, str], pager: str) -> None:
    from reporter.render import terminal

    monkeypatch.setattr(terminal, "is_terminal", lambda stream: tty)
    env = Environment.detect(environ={"LINES": "30", **environ}, paging=paging)
    assert env.pager == pager
    assert env.height == (30 if pager else 24)


def test_the_command_line_pages_on_a_terminal_and_not_with_no_pager(tmp_path: Path,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    from reporter.render import terminal

    command, paged = _pager(tmp_path)
    monkeypatch.setattr(terminal, "is_terminal", lambda stream: True)
    env = {"PAGER": command, "LINES": "10", "TERM": "xterm"}
    result = run("--color", "never", "show", "江山", env=env)
    assert result.code == 0 and result.stdout == ""
    assert "规上企业研发投入" in paged.read_text(encoding="utf-8")
    paged.unlink()
    direct = run("--no-pager", "--color", "never", "show", "江山", env=env)
    assert "规上企业研发投入" in direct.stdout and not paged.exists()


def test_a_real_terminal_pages(tmp_path: Path, isolated_cache: Path) -> None:
    """The command on a pseudo-terminal: the real isatty (every other test runs in a pipe)."""
    pty = pytest.importorskip("pty")
    command, paged = _pager(tmp_path)
    env = {**os.environ, "PYTHONPATH": str(REPO), "PAGER": command, "LINES": "10", "COLUMNS": "80",
           "TERM": "xterm", "NO_COLOR": "1"}
    leader, follower = pty.openpty()
    try:
        proc = subprocess.run([sys.executable, "-m", "reporter", "show", "江山"], stdout=follower,
                              stderr=subprocess.PIPE, env=env, timeout=60, check=False)
    finally:
        os.close(follower)
        os.close(leader)
    assert proc.returncode == 0, proc.stderr
    assert "2.06亿元" in paged.read_text(encoding="utf-8")
