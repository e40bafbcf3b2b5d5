"""Faults: `export -o` writes only where it says, data input is bounded, templates are bounded.

Each test stands for a promise in docs/security.md. The ones that could hang or eat memory
before the fix run the real command in a subprocess, with a timeout and an address-space
limit, so a regression fails here instead of stalling the suite. All data are SYNTHETIC.
"""

from __future__ import annotations

import os
import resource
import socket
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest

from .conftest import MINI, SOURCE_DIR, run

REPO = Path(__file__).resolve().parents[1]
MIB = 1 << 20


class Finished:
    """What a bounded subprocess run of ``python -m reporter`` did (code None: it had to be killed)."""

    def __init__(self, code: int | None, stdout: bytes, stderr: bytes, seconds: float) -> None:
        self.code, self.stdout, self.seconds = code, stdout, seconds
        self.stderr = stderr.decode("utf-8", "replace")

    def __repr__(self) -> str:
        return f"Finished(code={self.code}, seconds={self.seconds:.1f}, stderr={self.stderr[-400:]!r})"


def reporter_bounded(*args: str, memory: int = 1024 * MIB, timeout: float = 20,
                     stdout: int | object = subprocess.PIPE, stdin: bytes | None = None) -> Finished:
    """Run ``python -m reporter ARGS`` with at most ``memory`` bytes of address space and ``timeout`` s."""
    def limit() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (memory, memory))

    env = {**os.environ, "PYTHONPATH": str(REPO), "COLUMNS": "100"}
    started = time.monotonic()
    proc = subprocess.Popen([sys.executable, "-m", "reporter", *args], env=env, stdout=stdout,  # type: ignore[arg-type]
                            stderr=subprocess.PIPE, stdin=subprocess.PIPE if stdin is not None else None,
                            preexec_fn=limit)
    try:
        out, err = proc.communicate(stdin, timeout=timeout)
        code: int | None = proc.returncode
    except subprocess.TimeoutExpired:
        proc.kill()
        out, err = proc.communicate()
        code = None
    return Finished(code, out or b"", err, time.monotonic() - started)


def one_clean_line(stderr: str) -> bool:
    return len(stderr.splitlines()) == 1 and "Traceback" not in stderr


def make_device(path: Path, kind: int, major: int, minor: int) -> Path:
    """A device node in a temp directory (root only; skips where mknod is not allowed)."""
    try:
        os.mknod(path, kind | 0o666, os.makedev(major, minor))
    except (PermissionError, OSError) as exc:
        pytest.skip(f"cannot make a device node here: {exc}")
    return path


# --------------------------------------------------------------------------- export -o (items 4, 5, 6)


@pytest.fixture
def data_file(tmp_path: Path) -> Path:
    path = tmp_path / "data.yaml"
    path.write_text(MINI, encoding="utf-8")
    return path


@pytest.mark.parametrize("how", ["same name", "another spelling", "symlink", "hard link"])
def test_export_refuses_to_overwrite_a_data_file(data_file: Path, how: str) -> None:
    before = data_file.read_bytes()
    target = {"same name": str(data_file), "another spelling": f"{data_file.parent}/./{data_file.name}",
              "symlink": str(data_file.parent / "link.json"), "hard link": str(data_file.parent / "hard.json")}[how]
    if how == "symlink":
        os.symlink(data_file.name, target)
    elif how == "hard link":
        os.link(data_file, target)
    result = run("--data", str(data_file), "export", "-o", target)
    assert result.code == 1, result
    assert one_clean_line(result.stderr) and target in result.stderr and "data file" in result.stderr
    assert data_file.read_bytes() == before
    assert how != "symlink" or os.path.islink(target)


def test_export_refuses_a_file_of_a_data_directory(tmp_path: Path) -> None:
    folder = tmp_path / "counties"
    folder.mkdir()
    (folder / "a.yaml").write_text(MINI, encoding="utf-8")
    before = (folder / "a.yaml").read_bytes()
    result = run("--data", str(folder), "export", "-o", str(folder / "a.yaml"))
    assert result.code == 1 and "data file" in result.stderr, result
    assert (folder / "a.yaml").read_bytes() == before


def test_export_writes_through_a_symlink_to_its_target(data_file: Path, tmp_path: Path) -> None:
    (tmp_path / "real").mkdir()
    target = tmp_path / "real" / "facts.json"
    target.write_text("old", encoding="utf-8")
    target.chmod(0o640)
    link = tmp_path / "facts.json"
    link.symlink_to(target)
    result = run("--data", str(data_file), "export", "-o", str(link))
    assert result.code == 0, result
    assert link.is_symlink() and os.readlink(link) == str(target)
    assert target.read_text(encoding="utf-8").startswith("[\n  {")
    assert stat.S_IMODE(target.stat().st_mode) == 0o640  # the target's mode is kept
    assert sorted(p.name for p in (tmp_path / "real").iterdir()) == ["facts.json"]  # no temp file left


def test_export_into_a_named_pipe_feeds_its_reader(data_file: Path, tmp_path: Path) -> None:
    fifo = tmp_path / "facts.pipe"
    os.mkfifo(fifo)
    reader = subprocess.Popen(["cat", str(fifo)], stdout=subprocess.PIPE)
    try:
        result = run("--data", str(data_file), "export", "--format", "csv", "-o", str(fifo))
        out, _ = reader.communicate(timeout=10)
    finally:
        reader.kill()
    assert result.code == 0, result
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)  # still the pipe, not a file put in its place
    assert out.decode("utf-8").startswith("region,region_name,")


def test_export_writes_to_a_character_device_in_place(data_file: Path, tmp_path: Path) -> None:
    null = make_device(tmp_path / "null", stat.S_IFCHR, 1, 3)
    assert run("--data", str(data_file), "export", "-o", str(null)).code == 0
    assert stat.S_ISCHR(os.lstat(null).st_mode)
    full = make_device(tmp_path / "full", stat.S_IFCHR, 1, 7)
    result = run("--data", str(data_file), "export", "-o", str(full))
    assert result.code == 1 and one_clean_line(result.stderr) and "No space left" in result.stderr, result
    assert stat.S_ISCHR(os.lstat(full).st_mode)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data.yaml", "full", "null"]


def test_export_refuses_sockets_and_block_devices(data_file: Path, tmp_path: Path) -> None:
    sock_path = tmp_path / "s.sock"
    server = socket.socket(socket.AF_UNIX)
    server.bind(str(sock_path))
    try:
        result = run("--data", str(data_file), "export", "-o", str(sock_path))
    finally:
        server.close()
    assert result.code == 1 and one_clean_line(result.stderr) and "socket" in result.stderr, result
    assert stat.S_ISSOCK(os.lstat(sock_path).st_mode)
    block = make_device(tmp_path / "loop", stat.S_IFBLK, 7, 250)
    result = run("--data", str(data_file), "export", "-o", str(block))
    assert result.code == 1 and one_clean_line(result.stderr) and "block device" in result.stderr, result
    assert stat.S_ISBLK(os.lstat(block).st_mode)


def test_write_atomic_never_replaces_a_special_file(tmp_path: Path) -> None:
    from reporter.errors import ReporterError
    from reporter.files import write_atomic

    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    with pytest.raises(ReporterError, match="is a named pipe"):
        write_atomic(fifo, "text")
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode) and sorted(p.name for p in tmp_path.iterdir()) == ["pipe"]


def test_export_to_a_directory_is_a_usage_error(data_file: Path, tmp_path: Path) -> None:
    result = run("--data", str(data_file), "export", "-o", str(tmp_path))
    assert result.code == 2 and "directory" in result.stderr, result


def test_export_dash_means_stdout(data_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = run("--data", str(data_file), "export", "--format", "csv", "-o", "-")
    assert result.code == 0 and result.stdout.startswith("region,region_name,"), result
    assert not (tmp_path / "-").exists()


def test_export_to_dev_stdout_writes_into_the_open_stdout(data_file: Path, tmp_path: Path) -> None:
    log = tmp_path / "log.txt"
    log.write_bytes(b"kept\n")
    inode = log.stat().st_ino
    with open(log, "ab") as handle:
        done = reporter_bounded("--data", str(data_file), "export", "--format", "csv", "-o", "/dev/stdout",
                                stdout=handle)
    assert done.code == 0, done
    assert log.stat().st_ino == inode and stat.S_ISLNK(os.lstat("/dev/stdout").st_mode)
    text = log.read_text(encoding="utf-8")
    assert text.startswith("kept\nregion,region_name,")  # appended, as the shell asked, not replaced
