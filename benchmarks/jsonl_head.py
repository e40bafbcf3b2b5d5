"""How soon `reporter export --format jsonl | head -1` answers at scale (target: at once).

SYNTHETIC data from benchmarks/make_synthetic.py: --regions counties x 50 metrics x 10 years
(2,850 counties: 1,425,000 values). The cache is built first (a warm query is what a script
runs); then each run starts the export, reads its first line and closes the pipe, as `head -1`
does. Measured: the time to the first line and to the end of the process, against the same for
`--format json` (an array: its first record is on its second line).

    python benchmarks/jsonl_head.py [--regions 2850] [--runs 5]
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

try:
    from benchmarks.make_synthetic import synthetic_yaml
except ImportError:  # run as a script: benchmarks/ is on the path
    from make_synthetic import synthetic_yaml  # type: ignore[no-redef]


def first_line(command: list[str], env: dict[str, str], lines: int = 1) -> tuple[float, float, float]:
    """Seconds to the first ``lines`` lines of output, to the process's end once the pipe closes, and
    the CPU time (user + system) the process took: on a busy machine the wall time counts its waits."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    proc = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env)
    assert proc.stdout is not None
    for _ in range(lines):
        proc.stdout.readline()
    answered = time.perf_counter() - start
    proc.stdout.close()
    proc.wait()
    ended = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return answered, ended, after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--regions", type=int, default=2850)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args(argv)
    reporter = str(Path(sys.executable).parent / "reporter")
    with tempfile.TemporaryDirectory(prefix="reporter-jsonl-") as directory:
        folder = Path(directory)
        data = folder / "big.yaml"
        data.write_text(synthetic_yaml(args.regions, 50, 10), encoding="utf-8")
        env = {**os.environ, "REPORTER_CACHE_DIR": str(folder / "cache")}
        base = [reporter, "--data", str(data)]
        for _ in range(60):  # the cold query, then until the cache (built after an answer, in the background) serves
            if first_line([*base, "regions"], env)[2] < 2.0:
                break
            time.sleep(5)
        results: dict[str, tuple[float, ...]] = {}
        for fmt, lines in (("jsonl", 1), ("json", 2)):
            runs = [first_line([*base, "export", "--format", fmt], env, lines) for _ in range(args.runs)]
            results[fmt] = tuple(statistics.median(r[i] for r in runs) for i in range(3))
    values = args.regions * 50 * 10
    for fmt, (answered, ended, cpu) in results.items():
        print(f"export --format {fmt} | head -1 at {values:,} values: first record after {answered:.2f} s, "
              f"process ended after {ended:.2f} s, CPU {cpu:.2f} s (medians of {args.runs}); "
              f"load average {os.getloadavg()[0]:.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
