"""The national-scale targets: every command that prints all facts, in bounded memory.

    python benchmarks/run.py --scale    # about an hour on a 2-core machine (yq on 1.4M values is slow)

Data: SYNTHETIC files made by make_synthetic.py (50 metrics, 10 years, every series a mapping of
years): 900 regions (450,000 values) and 2,850 regions (1,425,000 values: as many as China has
county-level divisions). Peers: jq converting the 450,000-value JSON export to CSV, and
``yq length`` reading the 1,425,000-value YAML. Times are whole-process wall times, paired and
alternated as in run.py; memory is each child's peak resident set (``ru_maxrss``).
"""

from __future__ import annotations

import os
import platform
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from benchmarks.measure import (
    OUT,
    REPORTER,
    caches_written,
    make,
    paired,
    peak_rss_mb,
    progress_shown,
)

JQ_CSV = '.[] | [.region,.metric,.period,.value,.unit] | @csv'

# Every warm command that reads all facts (or many), and two that read few, for contrast.
WARM = [
    ("export --format csv", ["export", "--format", "csv"]),
    ("export --format json", ["export", "--format", "json"]),
    ("export --format tsv", ["export", "--format", "tsv"]),
    ("export --format yaml", ["export", "--format", "yaml"]),
    ("brief --all", ["brief", "--all"]),
    ("brief --all --full", ["brief", "--all", "--full"]),
    ("search 合成 --format json (every fact)", ["search", "合成", "--format", "json"]),
    ("search county-0012 (plain)", ["search", "county-0012"]),
    ("compare --all --format json", ["compare", "--all", "--format", "json"]),
    ("compare --all -m metric-25 (plain)", ["compare", "--all", "-m", "metric-25"]),
    ("delta --all --format csv", ["delta", "--all", "--format", "csv"]),
    ("regions", ["regions"]),
    ("rank metric-25", ["rank", "metric-25"]),
    ("rank metric-25 --by period", ["rank", "metric-25", "--by", "period"]),
    ("delta --all metric-25", ["delta", "--all", "metric-25"]),
    ("show county-0012", ["show", "county-0012"]),
    ("get county-0012 metric-25", ["get", "county-0012", "metric-25"]),
]
# make_synthetic names regions county-001 … below 1,000 regions and county-0001 … from 1,000 on
FOR_900 = {"county-0012": "county-012"}


def national(runs: int) -> int:
    huge, national_ = make(900, "huge.yaml"), make(2850, "national.yaml")
    cache = Path(os.environ["REPORTER_CACHE_DIR"])
    huge_json = OUT / "huge.json"
    for data in (huge, national_):  # warm the caches (the first may take a minute)
        subprocess.run([REPORTER, "--data", str(data), "regions"], stdout=subprocess.DEVNULL, check=True)
        caches_written(cache, timeout=600)()
    if not huge_json.exists():
        with open(huge_json, "w", encoding="utf-8") as handle:
            subprocess.run([REPORTER, "--data", str(huge), "export", "--format", "json"], stdout=handle, check=True)
    rows: list[str] = []

    def verdict(ok: bool, target: str) -> str:
        return f"{target} {'met' if ok else 'NOT MET'}"

    # 6. warm export against jq's conversion of the same records
    jq = ["jq", "-r", JQ_CSV, str(huge_json)]
    for fmt in ("csv", "json"):
        mine, theirs, ratio = paired([REPORTER, "--data", str(huge), "export", "--format", fmt], jq, runs)
        rows.append(f"| 6. warm export --format {fmt}, 450,000 values | jq @csv | {mine:.2f} s | {theirs:.2f} s | "
                    f"{ratio:.2f} | {verdict(ratio <= 0.5, '≤ 0.5×')} |")

    # 7. peak memory of warm commands at 1,425,000 values, and its growth from 450,000
    for name, args in WARM:
        at_huge = peak_rss_mb([REPORTER, "--data", str(huge), *[FOR_900.get(a, a) for a in args]])
        at_national = peak_rss_mb([REPORTER, "--data", str(national_), *args])
        growth = at_national / at_huge
        ok = at_national <= 150 and growth < 1.5
        rows.append(f"| 7. peak memory, warm {name} | at 450,000 | {at_national:.0f} MB | {at_huge:.0f} MB | "
                    f"{growth:.2f} | {verdict(ok, '≤ 150 MB, growth < 1.5×')} |")

    # 8. the first query with no cache: time against yq, memory, and the cache built after it
    get = [REPORTER, "--data", str(national_), "get", "county-0012", "metric-25", "--period", "2019"]

    def no_cache() -> None:
        for entry in cache.glob("*national*"):
            entry.unlink()

    mine, theirs, ratio = paired(get, ["yq", "length", str(national_)], max(3, runs // 2), prepare_a=no_cache,
                                 settle_a=caches_written(cache, timeout=900))
    rows.append(f"| 8a. cold first query, 1,425,000 values | yq length | {mine:.1f} s | {theirs:.1f} s | "
                f"{ratio:.2f} | {verdict(ratio <= 0.2, '≤ 0.2×')} |")
    no_cache()
    memory = peak_rss_mb([REPORTER, "--no-cache", *get[1:]])
    yq_memory = peak_rss_mb(["yq", "length", str(national_)])
    rows.append(f"| 8b. peak memory, cold first query, 1,425,000 values | yq length | {memory:.0f} MB | "
                f"{yq_memory:.0f} MB | {memory / yq_memory:.2f} | {verdict(memory <= 1024, '≤ 1 GB')} |")
    answer, built = _cold_then_built(get, cache, no_cache)
    rows.append(f"| 8c. background cache build, 1,425,000 values | the cold query | {built:.1f} s | {answer:.1f} s | "
                f"{built / answer:.2f} | {verdict(built <= 2 * answer, '≤ 2×')} |")

    # 9. cache size against the YAML it came from
    sqlite = [p for p in cache.iterdir() if "national" in p.name and p.name.endswith(".sqlite")]
    size, yaml_size = sqlite[0].stat().st_size / 2**20, national_.stat().st_size / 2**20
    rows.append(f"| 9. cache size, 1,425,000 values | the YAML | {size:.0f} MB | {yaml_size:.0f} MB | "
                f"{size / yaml_size:.2f} | {verdict(size <= 3 * yaml_size, '≤ 3×')} |")

    # 10. a progress bar for a long export to a file, on a terminal only
    target = OUT / "export.csv"
    export = [REPORTER, "--data", str(huge), "export", "--format", "csv", "-o", str(target)]
    on_tty, on_pipe = progress_shown(export, True, "writing"), progress_shown(export, False, "writing")
    rows.append(f"| 10. progress bar, export -o, 450,000 values | stderr tty / pipe | {'shown' if on_tty else 'none'} "
                f"| {'shown' if on_pipe else 'none'} | | {verdict(on_tty and not on_pipe, '')} |")

    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, "
          f"{time.strftime('%Y-%m-%d')}; {runs} paired runs ({max(3, runs // 2)} for 8a); median times, "
          "median per-pair ratios; memory is peak RSS")
    print("| target | peer | reporter | peer | ratio | verdict |\n|---|---|---:|---:|---:|---|")
    print("\n".join(rows))
    return 0 if all("NOT MET" not in r for r in rows) else 1


def _cold_then_built(command: Sequence[str], cache: Path, clear: Callable[[], None]) -> tuple[float, float]:
    """(seconds to the answer with no cache, seconds after it until the cache was written) of one run."""
    clear()
    start = time.perf_counter()
    subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
    answered = time.perf_counter()
    caches_written(cache, timeout=900)()
    return answered - start, time.perf_counter() - answered


if __name__ == "__main__":
    print("run: python benchmarks/run.py --scale", file=sys.stderr)
    sys.exit(2)

