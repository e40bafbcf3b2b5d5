"""A SQLite database of the facts (``export --format sqlite -o facts.db``), for SQL, Datasette and DuckDB.

Four tables, keyed and indexed::

    regions(id PRIMARY KEY, zh, en, level, prefecture)
    metrics(id PRIMARY KEY, zh, en, unit, theme, kind, polarity)
    sources(id PRIMARY KEY, publication, title, date)
    facts(id PRIMARY KEY, region → regions, metric → metrics, period, value, value_text, unit,
          qualifier, yoy_pct, previous, rank_change, value_base, unit_base, note, source → sources,
          quote, period_kind, period_stated, period_first, period_last;
          UNIQUE (region, metric, period))

Values are numbers (INTEGER or REAL), with the digits as written beside them (``value_text``);
periods are text (``2020-01/05``), with how each is known: its kind (year, months, asof,
unstated …), whether the source states it (0: "period not stated", only bounded by the
source's date), and its first and last month (``2020-01``, ``2020-05``) for range queries.
Standard library only (sqlite3); the database is built in a temp file, then handed over whole.
"""

from __future__ import annotations

import os
import sqlite3
import tempfile
from collections.abc import Iterator, Sequence
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from reporter.errors import UsageProblem
from reporter.messages import Message
from reporter.model.period_words import parse_period
from reporter.render.terminal import Environment
from reporter.render.views import View

if TYPE_CHECKING:
    from reporter.model.dataset import Dataset

SCHEMA = """
CREATE TABLE regions (id TEXT PRIMARY KEY, zh TEXT NOT NULL, en TEXT, level TEXT, prefecture TEXT);
CREATE TABLE metrics (id TEXT PRIMARY KEY, zh TEXT NOT NULL, en TEXT, unit TEXT NOT NULL, theme TEXT,
                      kind TEXT, polarity TEXT);
CREATE TABLE sources (id TEXT PRIMARY KEY, publication TEXT, title TEXT, date TEXT);
CREATE TABLE facts (
    id INTEGER PRIMARY KEY,
    region TEXT NOT NULL REFERENCES regions(id),
    metric TEXT NOT NULL REFERENCES metrics(id),
    period TEXT NOT NULL,
    value NUMERIC NOT NULL,
    value_text TEXT NOT NULL,
    unit TEXT NOT NULL,
    qualifier TEXT NOT NULL,
    yoy_pct NUMERIC,
    previous NUMERIC,
    rank_change INTEGER,
    value_base NUMERIC,
    unit_base TEXT,
    note TEXT,
    source TEXT REFERENCES sources(id),
    quote TEXT NOT NULL,
    period_kind TEXT NOT NULL,
    period_stated INTEGER NOT NULL,
    period_first TEXT NOT NULL,
    period_last TEXT NOT NULL,
    UNIQUE (region, metric, period)
);
CREATE INDEX facts_metric_period ON facts (metric, period);
CREATE INDEX facts_region ON facts (region);
CREATE INDEX facts_source ON facts (source);
"""

FACT_KEYS = ("region", "metric", "period", "value", "value_text", "unit", "qualifier", "yoy_pct", "previous",
             "rank_change", "value_base", "unit_base", "note", "source", "quote")


def views_as_sqlite(views: Sequence[View], env: Environment, data: Dataset | None = None) -> bytes:
    """The database of the first view's records (export's: every fact), with the regions, metrics and
    sources of ``data``; its bytes."""
    with tempfile.TemporaryDirectory(prefix="reporter-sqlite-") as directory:
        path = os.path.join(directory, "facts.db")
        write_database(path, views[0], data)
        with open(path, "rb") as handle:
            return handle.read()


def write_database(path: str, view: View, data: Dataset | None) -> None:
    db = sqlite3.connect(path)
    try:
        db.executescript(SCHEMA)
        if data is not None:
            db.executemany("INSERT INTO regions VALUES (?, ?, ?, ?, ?)",
                           [(r.id, r.zh, r.en, r.level, r.prefecture) for r in data.regions.values()])
            db.executemany("INSERT INTO metrics VALUES (?, ?, ?, ?, ?, ?, ?)",
                           [(m.id, m.zh, m.en, m.unit, m.theme, m.kind, m.polarity) for m in data.metrics.values()])
            db.executemany("INSERT INTO sources VALUES (?, ?, ?, ?)",
                           [(s.id, s.publication, s.title, s.date) for s in data.sources.values()])
        db.executemany(f"INSERT INTO facts ({', '.join(FACT_KEYS)}, period_kind, period_stated, period_first, "
                       f"period_last) VALUES ({', '.join('?' * (len(FACT_KEYS) + 4))})", _fact_rows(view))
        db.commit()
    finally:
        db.close()


def _fact_rows(view: View) -> Iterator[tuple[Any, ...]]:
    keys = view.record_keys
    missing = [k for k in FACT_KEYS if k not in keys]
    if missing:  # --fields left out what the facts table needs

        raise UsageProblem(Message("fields.unknown", fields=", ".join(missing), format="sqlite",
                                   known=", ".join(keys)))
    positions = [keys.index(k) for k in FACT_KEYS]
    numeric = {FACT_KEYS.index(k) for k in ("value", "yoy_pct", "previous", "value_base")}
    basis: dict[str, tuple[str, int, str, str]] = {}
    for row in view.machine_rows():
        values = [row[p] for p in positions]
        out = [_number(v) if i in numeric else (None if v is None else v if isinstance(v, int) else str(v))
               for i, v in enumerate(values)]
        period = str(values[2])
        known = basis.get(period)
        if known is None:
            parsed = parse_period(period)
            known = basis[period] = (parsed.kind, int(parsed.comparable), _month(parsed.first), _month(parsed.last))
        yield (*out, *known)


def _number(value: Any) -> int | float | None:
    if value is None:
        return None
    number = Decimal(str(value))
    return int(number) if number == number.to_integral_value() and "." not in str(value) else float(number)


def _month(index: int) -> str:
    year, month = divmod(index, 12)
    return f"{year:04d}-{month + 1:02d}"
