"""Signals at any moment: Ctrl-C is 130 without a traceback, SIGTERM and SIGHUP leave nothing behind.

The moments are made certain rather than guessed: a small wrapper runs the real entry point
(``reporter.cli.main`` with the command line in ``sys.argv``, as the installed command does) and
sends the signal to itself at a chosen step (the import of click, the lock taken, the temp file
written, the rename). A Python handler runs at the next bytecode, so the signal lands exactly
there. Each promise is in docs/security.md. All data are SYNTHETIC.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import run

REPO = Path(__file__).resolve().parents[2]
SOURCE = "page-2020-kjdd"

_WRAPPER = r"""
import os, signal, sys
sig, moment = getattr(signal, sys.argv[1]), sys.argv[2]
sys.argv = ["reporter", *sys.argv[3:]]

def fire():
    os.kill(os.getpid(), sig)

if moment.startswith("import:"):  # while the module named is being imported
    wanted = moment.split(":", 1)[1]

    class Hook:
        def find_spec(self, name, path=None, target=None):
            if name == wanted:
                fire()
            return None

    sys.meta_path.insert(0, Hook())
elif moment == "locked":  # the lock just taken, nothing read yet
    import reporter.data.locks as locks
    names = locks._names
    locks._names = lambda fd, where: (fire(), names(fd, where))[1]
elif moment == "checking":  # the new text being checked, from its copy
    import reporter.data.load as load
    load_dataset = load.load_dataset
    def checking(paths):
        if any("/proc/self/fd/" in str(p) or "reporter-add-" in str(p) for p in paths):
            fire()
        return load_dataset(paths)
    load.load_dataset = checking
elif moment == "written":  # the temp file beside the user's file written and synced
    fsync = os.fsync
    os.fsync = lambda fd: (fsync(fd), fire())[0]
elif moment == "rename":  # the step before the rename
    replace = os.replace
    def replacing(a, b):
        fire()
        return replace(a, b)
    os.replace = replacing
from reporter.cli import main
main()
"""


def _wrapped(signame: str, moment: str, args: list[str], cwd: Path, tmpdir: Path | None = None,
             ) -> subprocess.CompletedProcess[bytes]:
    env = {**os.environ, "PYTHONPATH": str(REPO), "LC_ALL": "C.UTF-8"}
    if tmpdir is not None:
        env["TMPDIR"] = str(tmpdir)
    return subprocess.run([sys.executable, "-c", _WRAPPER, signame, moment, "--lang", "en", "--no-cache", *args],
                          capture_output=True, env=env, cwd=cwd, timeout=120, check=False)


@pytest.mark.parametrize(("command", "moment"), [
    (["get", "江山", "研发投入"], "import:click"), (["regions"], "import:click"),
    (["export", "--format", "csv"], "import:reporter.cli.group"), (["check"], "import:reporter.cli.group"),
    (["search", "研发"], "import:yaml"),  # inside the command: KeyboardInterrupt, said the same way
])
def test_ctrl_c_in_the_first_moments_of_a_command_is_130_without_a_traceback(tmp_path: Path, command: list[str],
                                                                              moment: str) -> None:
    out = _wrapped("SIGINT", moment, command, tmp_path)
    assert (out.returncode, out.stderr.decode().strip()) == (130, "reporter: interrupted")
    assert out.stdout == b""


def test_ctrl_c_at_start_speaks_the_readers_language(tmp_path: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(REPO), "LC_ALL": "zh_CN.UTF-8"}
    out = subprocess.run([sys.executable, "-c", _WRAPPER, "SIGINT", "import:reporter.cli.group", "regions"],
                         capture_output=True, env=env, cwd=tmp_path, timeout=120, check=False)
    assert (out.returncode, out.stderr.decode()) == (130, "reporter: 已中断\n")


def _add(year: int, file: Path) -> list[str]:
    value = f"{year - 2000}.5"
    return ["add", "江山", "研发投入", value, "--unit", "亿元", "--period", str(year), "--source", SOURCE,
            "--quote", f"{year}年研发投入{value}亿元", "--file", str(file)]


@pytest.mark.parametrize(("command", "moment", "signame", "code"), [
    *(("add", moment, "SIGTERM", 143) for moment in ("import:click", "locked", "checking", "written", "rename")),
    ("add", "rename", "SIGHUP", 129),
    *(("extract", moment, "SIGTERM", 143) for moment in ("locked", "checking", "rename")),
    ("extract", "written", "SIGHUP", 129),
])
def test_sigterm_and_sighup_at_any_moment_of_a_write_leave_nothing_behind(tmp_path: Path, moment: str,
                                                                           signame: str, code: int,
                                                                           command: str) -> None:
    folder, tmpdir = tmp_path / "data", tmp_path / "tmp"
    folder.mkdir()
    tmpdir.mkdir()
    mine = folder / "mine.yaml"
    assert run(*_add(2001, mine)).code == 0
    before = mine.read_bytes()
    text = tmp_path / "t.txt"
    text.write_text("2015年，江山市高新技术产业增加值48.3亿元，同比增长9.1%。\n", encoding="utf-8")
    args = _add(2002, mine) if command == "add" else \
        ["extract", str(text), "--region", "江山", "--source", SOURCE, "--yes", "--append", str(mine)]
    out = _wrapped(signame, moment, args, tmp_path, tmpdir)
    err = out.stderr.decode()
    assert out.returncode == code, err
    assert "Traceback" not in err and err.splitlines()[-1] == f"reporter: stopped by {signame}; nothing was left " \
                                                               "half-written", err
    assert mine.read_bytes() == before
    assert sorted(p.name for p in folder.iterdir()) == ["mine.yaml"]  # no temp file, no lock file
    assert list(tmpdir.iterdir()) == []  # no copy of the user's data in the temporary directory


def test_a_signal_ignored_when_the_run_began_stays_ignored(tmp_path: Path) -> None:
    """``nohup`` starts a run with SIGHUP ignored: it is not ended by one."""
    mine = tmp_path / "mine.yaml"
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    out = subprocess.run([sys.executable, "-c", _WRAPPER, "SIGHUP", "locked", "--no-cache", *_add(2001, mine)],
                         capture_output=True, env=env, cwd=tmp_path, timeout=120, check=False,
                         preexec_fn=lambda: signal.signal(signal.SIGHUP, signal.SIG_IGN))
    assert out.returncode == 0, out.stderr
    assert "2001年研发投入1.5亿元" in mine.read_text(encoding="utf-8")


def test_a_run_in_process_leaves_the_callers_handlers_alone() -> None:
    """Only a real run (arguments from the command line) installs handlers; a program calling
    ``main([...])`` keeps its own. SIGTERM's exception is no Exception, so no ``except Exception``
    of a command holds it."""
    from reporter.cli.main import Stopped

    before = {s: signal.getsignal(s) for s in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP)}
    assert run("--lang", "en", "regions").code == 0
    assert {s: signal.getsignal(s) for s in before} == before
    assert not issubclass(Stopped, Exception)
