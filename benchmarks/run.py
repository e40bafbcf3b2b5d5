"""Measure reporter against its peers and print the targets' table (see benchmarks/README.md).

    python benchmarks/run.py            # about two minutes on the CI-sized machine
    python benchmarks/run.py --runs 9   # fewer paired runs, quicker, noisier

Whole-process wall times, each pair of commands run alternately (A B A B …) so machine
noise hits both alike; the ratio is the median of the per-pair ratios (each A over the B run
right after it), so a slow spell of a shared machine counts against neither side. Peers: ``python -c "import
click"`` (the floor of any click tool), ``jq`` on the same data exported as JSON, ``yq`` on
the same YAML (Debian packages ``jq`` and ``yq``). Data: SYNTHETIC files made by
make_synthetic.py in benchmarks/out/.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # run as a script: benchmarks.scale importable

from benchmarks.measure import (
    OUT,
    REPORTER,
    caches_written,
    make,
    paired,
    peak_rss_mb,
    progress_shown,
)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=21,
                        help="paired runs per comparison (default 21; target 1, 50 ms a run, gets three times as many)")
    parser.add_argument("--scale", action="store_true",
                        help="the national-scale targets instead (450,000 and 1,425,000 values; about an hour)")
    parser.add_argument("--province", action="store_true",
                        help="filters, stats and compare at 1,425,000 values against DuckDB on Parquet "
                             "(needs the bench extra; about ten minutes)")
    parser.add_argument("--scale-runs", type=int, default=5, help="paired runs per --scale comparison (default 5)")
    args = parser.parse_args()
    for tool in ("jq", "yq") if not args.province else ():
        if not shutil.which(tool):
            sys.exit(f"benchmarks need {tool}: apt-get install jq yq")
    OUT.mkdir(exist_ok=True)
    env_cache = OUT / "cache"
    os.environ["REPORTER_CACHE_DIR"] = str(env_cache)
    os.environ["LC_ALL"] = "C.UTF-8"  # notes and progress bars in English, whatever the machine's locale
    if args.province:
        from benchmarks.province import province

        return province(args.scale_runs)
    if args.scale:
        from benchmarks.scale import national

        return national(args.scale_runs)
    big, huge = make(90, "big.yaml"), make(900, "huge.yaml")
    big_json = OUT / "big.json"
    with open(big_json, "w", encoding="utf-8") as handle:
        subprocess.run([REPORTER, "--data", str(big), "export", "--format", "json"], stdout=handle, check=True)
    for data in (big, huge):  # warm the cache
        subprocess.run([REPORTER, "--data", str(data), "regions"], stdout=subprocess.DEVNULL, check=True)

    rows: list[tuple[str, str, float, float, float, str]] = []

    def compare(target: str, ours: Sequence[str], peer: Sequence[str], peer_name: str, limit: float | None,
                prepare: Callable[[], None] | None = None, runs: int = args.runs) -> None:
        mine, theirs, ratio = paired(ours, peer, runs, prepare_a=prepare, settle_a=caches_written(env_cache))
        verdict = "for information" if limit is None else f"≤ {limit}× {'met' if ratio <= limit else 'NOT MET'}"
        rows.append((target, peer_name, mine, theirs, ratio, verdict))

    compare("1. get 江山 rd_investment (bundled, piped)", [REPORTER, "get", "江山", "rd_investment"],
            [sys.executable, "-c", "import click"], 'python -c "import click"', 1.5, runs=3 * args.runs)
    get_big = [REPORTER, "--data", str(big), "get", "county-045", "metric-25", "--period", "2019"]
    compare("2a. warm get, 45,000 values", get_big,
            ["jq", "-c", '.[] | select(.region=="county-045" and .metric=="metric-25" and .period=="2019")',
             str(big_json)], "jq select", 0.6)
    compare("2b. warm rank, 45,000 values", [REPORTER, "--data", str(big), "rank", "metric-25", "--period", "2019"],
            ["jq", "-c", '[.[] | select(.metric=="metric-25" and .period=="2019")] | sort_by(-.value)',
             str(big_json)], "jq select+sort", 0.8)
    counter = iter(range(10**9))
    changed = OUT / "changed.yaml"
    shutil.copyfile(big, changed)

    def edit() -> None:  # a real content change before every run: the cache cannot be used
        with open(changed, "a", encoding="utf-8") as handle:
            handle.write(f"# edit {next(counter)}\n")

    compare("3a. first query after the file changed",
            [REPORTER, "--data", str(changed), "get", "county-045", "metric-25", "--period", "2019"],
            ["yq", "length", str(big)], "yq length", 0.5, prepare=edit)
    compare("3b. the same with --no-cache", [REPORTER, "--no-cache", *get_big[1:]],
            ["yq", "length", str(big)], "yq length", 0.5)
    dense = make(90, "big-string.yaml", "string")
    # Not one of the targets (its data are mappings of years): the same values written as
    # strings, where yq has five times fewer scalars to build. Reported so nobody is surprised.
    compare("3c. as 3b, series as \"PERIOD=VALUE\" strings",
            [REPORTER, "--no-cache", "--data", str(dense), *get_big[3:]], ["yq", "length", str(dense)],
            "yq length", None)
    huge_get, big_get, ratio = paired(
        [REPORTER, "--data", str(huge), "get", "county-450", "metric-25", "--period", "2019"], get_big, args.runs)
    rows.append(("4a. warm get, 450,000 vs 45,000 values", "the 45,000 get", huge_get, big_get,
                 ratio, f"≤ 1.5× {'met' if ratio <= 1.5 else 'NOT MET'}"))
    memory = peak_rss_mb([REPORTER, "--data", str(huge), "get", "county-450", "metric-25", "--period", "2019"])
    rows.append(("4b. peak memory, warm get, 450,000 values", "100 MB", memory, 100, memory / 100,
                 f"≤ 100 MB {'met' if memory <= 100 else 'NOT MET'}"))
    cold = [REPORTER, "--no-cache", "--data", str(huge), "get", "county-450", "metric-25", "--period", "2019"]
    start = time.perf_counter()
    on_tty = progress_shown(cold, tty=True)
    cold_time = time.perf_counter() - start
    on_pipe = progress_shown(cold, tty=False)
    rows.append((f"5. progress bar on a {cold_time:.1f} s cold load", "stderr tty / pipe", float(on_tty),
                 float(on_pipe), 0.0, "met" if on_tty and not on_pipe else "NOT MET"))

    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, "
          f"{time.strftime('%Y-%m-%d')}; {args.runs} paired runs ({3 * args.runs} for target 1); median times, "
          "median per-pair ratios")
    print("| target | peer | reporter | peer | ratio | verdict |\n|---|---|---:|---:|---:|---|")
    for target, peer, mine, theirs, ratio, verdict in rows:
        if target.startswith("4b"):
            print(f"| {target} | {peer} | {mine:.0f} MB | {theirs:.0f} MB | {ratio:.2f} | {verdict} |")
        elif target.startswith("5"):
            print(f"| {target} | {peer} | {'shown' if mine else 'none'} | {'shown' if theirs else 'none'} | | "
                  f"{verdict} |")
        else:
            print(f"| {target} | {peer} | {mine * 1000:.0f} ms | {theirs * 1000:.0f} ms | {ratio:.2f} | {verdict} |")
    return 0 if all("NOT" not in r[5] for r in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
