"""How long `reporter import` takes for a wide table: 90 counties down, 5 periods across (target: 2 s).

SYNTHETIC: the counties come from benchmarks/make_synthetic.py (series 2011-2015), the table is
generated here (figures for 2016-2020, some written "约…" or "…多", a few "—"), never real data.

    python benchmarks/import_wide.py [--counties 90] [--periods 5] [--runs 5]
"""

from __future__ import annotations

import argparse
import os
import random
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

FIRST_PERIOD = 2016


def synthetic_table(folder: Path, counties: int = 90, periods: int = 5, seed: int = 2026) -> tuple[Path, Path]:
    """A SYNTHETIC data file (``counties`` counties, one money metric, 2011-2015) and a wide table of
    ``periods`` later years for it: an .xlsx when openpyxl is installed, else a .csv."""
    data = folder / "synthetic-counties.yaml"
    data.write_text(synthetic_yaml(counties, 1, 5, seed=seed), encoding="utf-8")
    rng = random.Random(seed)
    width = max(3, len(str(counties)))
    header = ["地区", *(f"{FIRST_PERIOD + p}年" for p in range(periods))]
    rows: list[list[str]] = [["SYNTHETIC 合成数据（非真实数字）"], header]
    for c in range(1, counties + 1):
        cells = []
        for _ in range(periods):
            value = f"{rng.randint(1000, 99_999) / 10:.1f}"
            roll = rng.random()
            cells.append("约" + value if roll < 0.1 else value.split(".")[0] + "多" if roll < 0.2 else value)
        rows.append([f"合成{c:0{width}d}", *cells])  # the short name, as a table of counties writes it
    try:
        import openpyxl
    except ImportError:
        table = folder / "synthetic-wide.csv"
        table.write_text("\n".join(",".join(r) for r in rows) + "\n", encoding="utf-8")
        return data, table
    book = openpyxl.Workbook()
    for row in rows:
        book.active.append(row)
    table = folder / "synthetic-wide.xlsx"
    book.save(table)
    return data, table


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--counties", type=int, default=90)
    parser.add_argument("--periods", type=int, default=5)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args(argv)
    reporter = str(Path(sys.executable).parent / "reporter")
    with tempfile.TemporaryDirectory(prefix="reporter-import-") as directory:
        folder = Path(directory)
        data, table = synthetic_table(folder, args.counties, args.periods)
        times, cpu = [], []
        for run in range(args.runs):
            mine = folder / f"mine-{run}.yaml"
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            start = time.perf_counter()
            subprocess.run([reporter, "--no-cache", "--data", str(data), "import", str(table), "--file", str(mine),
                            "--metric", "metric-01", "--yes", "-q"], check=True, stderr=subprocess.DEVNULL)
            times.append(time.perf_counter() - start)
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            cpu.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    # wall time counts the waits of a busy machine; CPU time (user + system) is the work itself
    print(f"import {table.name}: {args.counties} counties x {args.periods} periods = "
          f"{args.counties * args.periods} values: wall median {statistics.median(times):.2f} s "
          f"(min {min(times):.2f}, max {max(times):.2f}), CPU median {statistics.median(cpu):.2f} s, "
          f"{args.runs} runs; load average {os.getloadavg()[0]:.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
