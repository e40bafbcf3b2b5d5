"""export --format sqlite: a real database, keyed and indexed, that SQL (and Datasette, DuckDB) reads."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from tests.conftest import run


def test_the_database_holds_every_fact_with_its_quote_and_how_its_period_is_known(tmp_path: Path) -> None:
    out = tmp_path / "facts.db"
    result = run("export", "--format", "sqlite", "-o", str(out))
    assert result.code == 0, result
    records = json.loads(run("export").stdout)
    db = sqlite3.connect(out)
    assert db.execute("select count(*) from facts").fetchone()[0] == len(records) == 78
    assert db.execute("select count(*) from regions").fetchone()[0] == 3
    rows = {(r[0], r[1], r[2]): r for r in db.execute(
        "select region, metric, period, value, value_text, typeof(period), quote, period_stated, period_kind, "
        "qualifier from facts")}
    for record in records:
        row = rows[(record["region"], record["metric"], record["period"])]
        assert row[3] == record["value"] and row[4] == record["value_text"] and row[5] == "text"
        assert row[6] == record["quote"] and row[9] == record["qualifier"]
        assert row[7] == (0 if record["period"].startswith("unstated/") else 1)
    indexes = {r[0] for r in db.execute("select name from sqlite_master where type = 'index'")}
    assert {"facts_metric_period", "facts_region"} <= indexes
    assert db.execute("pragma foreign_key_check").fetchall() == []  # every fact's region, metric, source is there
    joined = db.execute("select r.zh, m.zh, f.value from facts f join regions r on r.id = f.region "
                        "join metrics m on m.id = f.metric where f.metric = 'rd_investment'").fetchall()
    assert ("江山市", "规上企业研发投入", 2.06) in joined


def test_sqlite_is_never_written_over_a_data_file(tmp_path: Path) -> None:
    data = tmp_path / "d.yaml"
    data.write_bytes(Path(__file__).resolve().parents[2].joinpath("regions.yaml").read_bytes())
    before = data.read_bytes()
    result = run("--data", str(data), "export", "--format", "sqlite", "-o", str(data))
    assert result.code == 1 and "data file" in result.stderr
    assert data.read_bytes() == before
