"""Writers of one file never lose a fact: a lock beside the file from the read to the rename.

Each test stands for a promise in docs/security.md ("Files reporter writes"). The concurrent ones
run the real command in several processes at once. All data are SYNTHETIC.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import run

REPO = Path(__file__).resolve().parents[2]
SOURCE = "page-2020-kjdd"  # a source of the bundled data


def _add_args(year: int, file: Path) -> list[str]:
    value = f"{year - 2000}.5"
    return ["add", "江山", "研发投入", value, "--unit", "亿元", "--period", str(year), "--source", SOURCE,
            "--quote", f"{year}年研发投入{value}亿元", "--file", str(file)]


def _start(args: list[str], cwd: Path) -> subprocess.Popen[bytes]:
    env = {**os.environ, "PYTHONPATH": str(REPO), "LC_ALL": "C.UTF-8"}
    return subprocess.Popen([sys.executable, "-m", "reporter", "--no-cache", *args], cwd=cwd, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def _periods(file: Path) -> list[str]:
    return sorted(line.split('"')[1] for line in file.read_text(encoding="utf-8").splitlines()
                  if line.strip().startswith("period:"))


def test_several_processes_adding_to_one_file_at_once_all_land(tmp_path: Path) -> None:
    """Six adds and two extract --append to one new file, started together: every fact is there."""
    mine = tmp_path / "mine.yaml"
    for year in (2011, 2012):
        (tmp_path / f"{year}.txt").write_text(f"{year}年，江山市高新技术产业增加值4{year % 10}.3亿元，同比增长9.1%。\n",
                                              encoding="utf-8")
    runs = [_add_args(year, mine) for year in range(2001, 2007)]
    runs += [["extract", f"{year}.txt", "--region", "江山", "--source", SOURCE, "--yes", "--append", str(mine)]
             for year in (2011, 2012)]
    procs = [_start(args, tmp_path) for args in runs]
    results = [(p.wait(timeout=120), p.stderr.read().decode()) for p in procs]  # type: ignore[union-attr]
    assert all(code == 0 for code, _ in results), results
    assert _periods(mine) == [str(y) for y in (2001, 2002, 2003, 2004, 2005, 2006, 2011, 2012)]
    assert run("--data", "bundled", "--data", str(mine), "check").code == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == ["2011.txt", "2012.txt", "mine.yaml"]  # no lock, no temp


def test_a_second_writer_waits_for_the_first(tmp_path: Path) -> None:
    from reporter.data.locks import lock_path, locked

    mine = tmp_path / "mine.yaml"
    assert run(*_add_args(2001, mine)).code == 0
    with locked(mine):  # another writer, in the middle of its work
        proc = _start(_add_args(2002, mine), tmp_path)
        time.sleep(1.5)
        assert proc.poll() is None and _periods(mine) == ["2001"]  # it waits, writing nothing
    assert proc.wait(timeout=60) == 0, proc.stderr.read()  # type: ignore[union-attr]
    assert _periods(mine) == ["2001", "2002"] and not os.path.exists(lock_path(mine))


def test_a_writer_that_waits_too_long_is_refused_in_one_line(tmp_path: Path,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    from reporter.data import locks

    mine = tmp_path / "mine.yaml"
    assert run(*_add_args(2001, mine)).code == 0
    before = mine.read_bytes()
    monkeypatch.setattr(locks, "LOCK_WAIT", 0.3)
    with locks.locked(mine):  # held by "another" writer (flock conflicts between two opens)
        started = time.monotonic()
        result = run("--lang", "en", *_add_args(2002, mine))
        waited = time.monotonic() - started
    assert result.code == 1 and "another reporter has been writing it for 0.3 s" in result.stderr, result
    assert len(result.stderr.splitlines()) == 1 and 0.3 <= waited < 10
    assert mine.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["mine.yaml"]


def test_the_lock_file_is_taken_over_when_its_holder_removed_it(tmp_path: Path) -> None:
    """A waiter that gets the lock of a lock file its holder has removed takes the new one instead."""
    import fcntl

    from reporter.data.locks import lock_path, locked

    target = tmp_path / "f.yaml"
    with locked(target):
        held = lock_path(target)
        assert os.path.exists(held)
    assert not os.path.exists(held)
    stale = os.open(held, os.O_RDWR | os.O_CREAT)  # a file a killed writer left; its lock died with it
    try:
        with locked(target):
            fd = os.open(held, os.O_RDWR)
            with pytest.raises(BlockingIOError):  # the lock is really held
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            os.close(fd)
    finally:
        os.close(stale)
    assert not os.path.exists(held)


def test_an_editors_save_during_the_write_is_never_overwritten(tmp_path: Path,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    """The file is compared again under the lock just before the rename: an editor that saves
    while the new text is being written keeps its save."""
    mine = tmp_path / "mine.yaml"
    assert run(*_add_args(2001, mine)).code == 0
    saved = mine.read_text(encoding="utf-8") + "# the editor's line\n"
    real_fsync = os.fsync

    def editor_saves(fd: int) -> None:
        real_fsync(fd)
        mine.write_text(saved, encoding="utf-8")

    monkeypatch.setattr(os, "fsync", editor_saves)
    result = run("--lang", "en", *_add_args(2002, mine))
    assert result.code == 1 and "changed while reporter was" in result.stderr, result
    assert mine.read_text(encoding="utf-8") == saved
    assert sorted(p.name for p in tmp_path.iterdir()) == ["mine.yaml"]


def test_a_hard_linked_file_is_refused_not_split(tmp_path: Path) -> None:
    mine = tmp_path / "mine.yaml"
    assert run(*_add_args(2001, mine)).code == 0
    other = tmp_path / "other-name.yaml"
    os.link(mine, other)
    before = mine.read_bytes()
    result = run("--lang", "en", *_add_args(2002, mine))
    assert result.code == 1 and "has 2 names (hard links)" in result.stderr, result
    assert len(result.stderr.splitlines()) == 1
    assert mine.read_bytes() == before and os.path.samefile(mine, other) and mine.stat().st_nlink == 2
    export = run("--data", "bundled", "export", "-o", str(other))
    assert export.code == 1 and os.path.samefile(mine, other) and mine.read_bytes() == before


@pytest.mark.parametrize("command", ["add", "export"])
def test_a_read_only_file_is_refused_not_replaced(tmp_path: Path, command: str) -> None:
    """As `echo >> FILE` refuses it (for root too: a file no one may write is marked so on purpose)."""
    mine = tmp_path / "mine.yaml"
    assert run(*_add_args(2001, mine)).code == 0
    inode, before = mine.stat().st_ino, mine.read_bytes()
    mine.chmod(0o444)
    args = _add_args(2002, mine) if command == "add" else ["--data", "bundled", "export", "-o", str(mine)]
    result = run("--lang", "en", *args)
    assert result.code == 1 and "is read-only" in result.stderr and len(result.stderr.splitlines()) == 1, result
    assert mine.read_bytes() == before and mine.stat().st_ino == inode and mine.stat().st_mode & 0o777 == 0o444
    assert sorted(p.name for p in tmp_path.iterdir()) == ["mine.yaml"]
