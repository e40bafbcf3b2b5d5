"""What both benchmark scripts measure with: paired whole-process runs, peak memory, the progress
bar's presence, and the SYNTHETIC data files (see benchmarks/README.md)."""

from __future__ import annotations

import os
import re
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUT = HERE / "out"
BIN = Path(sys.executable).parent
REPORTER = str(BIN / "reporter") if (BIN / "reporter").exists() else shutil.which("reporter") or "reporter"


def timed(command: Sequence[str], prepare: Callable[[], None] | None = None,
          settle: Callable[[], None] | None = None) -> float:
    """Wall time of one run; ``prepare`` before and ``settle`` after it are not timed."""
    if prepare:
        prepare()
    start = time.perf_counter()
    subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
    elapsed = time.perf_counter() - start
    if settle:
        settle()
    return elapsed


def caches_written(directory: Path, timeout: float = 60) -> Callable[[], None]:
    """A settle hook: wait until reporter's detached cache writers are done, so the work they do
    after answering never overlaps (and slows) the next timed run, ours or the peer's."""
    def wait() -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            names = [p.name for p in directory.iterdir()] if directory.exists() else []
            busy = any(n.startswith(".") or n.endswith(".lock") for n in names)  # temp files, locks
            if not busy and not _writers_running():
                return
            time.sleep(0.02)
    return wait


def _writers_running() -> bool:
    # this install's own runs only (``reporter -q --data …`` too), not another venv's on the same machine
    out = subprocess.run(["pgrep", "-f", re.escape(REPORTER) + " .*--data"], capture_output=True, text=True)
    return bool(out.stdout.strip())


def paired(a: Sequence[str], b: Sequence[str], runs: int, prepare_a: Callable[[], None] | None = None,
           prepare_b: Callable[[], None] | None = None,
           settle_a: Callable[[], None] | None = None) -> tuple[float, float, float]:
    """Median wall times of ``a`` and ``b``, run alternately after two warm-ups each, and the
    median of the ratios a/b of the runs made back to back."""
    for _ in range(2):
        timed(a, prepare_a, settle_a)
        timed(b, prepare_b)
    times_a, times_b = [], []
    for _ in range(runs):
        times_a.append(timed(a, prepare_a, settle_a))
        times_b.append(timed(b, prepare_b))
    ratio = statistics.median(x / y for x, y in zip(times_a, times_b, strict=True))
    return statistics.median(times_a), statistics.median(times_b), ratio


def peak_rss_mb(command: Sequence[str]) -> float:
    """Peak resident memory of one run of ``command`` (its own child-rusage, in a fresh wrapper)."""
    code = ("import resource, subprocess, sys; subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, "
            "stderr=subprocess.DEVNULL); print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)")
    out = subprocess.run([sys.executable, "-c", code, *command], capture_output=True, text=True, check=True)
    return int(out.stdout) / 1024


def progress_shown(command: Sequence[str], tty: bool, text: str = "reading the data") -> bool:
    """Whether ``command`` wrote the progress bar's ``text``, with stderr on a terminal or on a pipe."""
    if not tty:
        out = subprocess.run(command, capture_output=True, text=True, check=True)
        return text in out.stderr
    import pty

    pid, fd = pty.fork()
    if pid == 0:  # the child: stdout and stderr are the terminal
        os.execvp(command[0], list(command))
    chunks = []
    while True:
        try:
            data = os.read(fd, 65536)
        except OSError:
            break
        if not data:
            break
        chunks.append(data)
    os.waitpid(pid, 0)
    return text.encode() in b"".join(chunks)


def make(regions: int, name: str, layout: str = "mapping") -> Path:
    path = OUT / name
    if not path.exists():
        subprocess.run([sys.executable, str(HERE / "make_synthetic.py"), "--regions", str(regions),
                        "--metrics", "50", "--years", "10", "--layout", layout, str(path)], check=True)
    return path
