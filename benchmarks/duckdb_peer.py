"""The peer an analyst would pick: DuckDB answering reporter's questions over the export saved as
Parquet (``facts.parquet``, ``regions.parquet`` in benchmarks/out/). One whole Python process per
answer, printing CSV to stdout as reporter does (benchmarks/province.py times both sides).

    python benchmarks/duckdb_peer.py QUESTION [METRIC or TEXT]

SYNTHETIC data only (make_synthetic.py). duckdb is the ``bench`` extra, never needed by tests.
"""

from __future__ import annotations

import sys
from pathlib import Path

OUT = Path(__file__).resolve().parent / "out"
FACTS, REGIONS = f"'{OUT / 'facts.parquet'}'", f"'{OUT / 'regions.parquet'}'"

# the period most regions have, ties to the latest: what reporter ranks by default
MOST = "SELECT period FROM {facts} WHERE metric = $m GROUP BY period ORDER BY count(*) DESC, period DESC LIMIT 1"
QUESTIONS = {
    "rank": """SELECT rank() OVER (ORDER BY value_base DESC) AS position, region, region_name, value, unit, period
               FROM {facts} WHERE metric = $m AND period = ({most}) ORDER BY position""",
    "rank-each-period-top5": """SELECT * FROM (SELECT period, rank() OVER (PARTITION BY period ORDER BY value_base DESC)
               AS position, region, region_name, value, unit FROM {facts} WHERE metric = $m)
               WHERE position <= 5 ORDER BY period, position""",
    "stats-prefecture": """WITH v AS (SELECT r.prefecture, f.value_base FROM {facts} f JOIN {regions} r USING (region)
               WHERE f.metric = $m AND f.period = ({most}))
               SELECT prefecture, count(*) AS count, sum(value_base) AS sum, round(avg(value_base), 2) AS mean,
               median(value_base) AS median, min(value_base) AS min, max(value_base) AS max,
               round(sum(value_base) * 100 / sum(sum(value_base)) OVER (), 2) AS share_pct
               FROM v GROUP BY prefecture ORDER BY sum DESC""",
    "delta-all": """WITH s AS (SELECT region, period, value_base, lag(value_base) OVER (PARTITION BY region ORDER BY period)
               AS previous, row_number() OVER (PARTITION BY region ORDER BY period DESC) AS newest
               FROM {facts} WHERE metric = $m)
               SELECT region, period, value_base, previous, value_base - previous AS change,
               round((value_base - previous) * 100 / previous, 1) AS pct FROM s WHERE newest = 1 ORDER BY region""",
    "compare-all": """SELECT region, region_name, arg_max(value, period) AS value, max(period) AS period
               FROM {facts} WHERE metric = $m GROUP BY region, region_name ORDER BY region""",
    "search": """SELECT * FROM {facts} WHERE region ILIKE '%' || $m || '%' OR region_name ILIKE '%' || $m || '%'
               OR metric ILIKE '%' || $m || '%' OR label ILIKE '%' || $m || '%' OR label_en ILIKE '%' || $m || '%'
               OR quote ILIKE '%' || $m || '%' OR note ILIKE '%' || $m || '%'""",
    "latest-all": """SELECT region, metric, arg_max(value, period) AS value, max(period) AS period
               FROM {facts} GROUP BY region, metric ORDER BY region, metric""",
    "export": "SELECT * FROM {facts}",
}


def main(argv: list[str]) -> int:
    import duckdb

    question, metric = argv[0], argv[1] if len(argv) > 1 else ""
    sql = QUESTIONS[question].format(facts=FACTS, regions=REGIONS, most=MOST.format(facts=FACTS))
    relation = duckdb.execute(sql, {"m": metric} if "$m" in sql else None)
    out = sys.stdout
    out.write(",".join(d[0] for d in relation.description) + "\n")
    while rows := relation.fetchmany(50_000):
        out.write("".join(",".join("" if v is None else str(v) for v in row) + "\n" for row in rows))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
