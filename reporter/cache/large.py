"""The large cache layout: an SQLite file of items indexed by region and metric.

The catalogues (sources, themes, metrics, regions) are read whole; facts stay on disk until a
query asks for a region's or a metric's, so a lookup does not grow with the data. Items are
stored as written (a series stays one row), each a marshal blob of its fields (:mod:`codec`).

SQLite keeps no page checksums: a damaged file can fail on any later query. Then the store
removes the file and answers from the YAML instead (the next run builds a new cache).
"""

from __future__ import annotations

import marshal
import os
import sqlite3
from collections.abc import Callable, Iterable, Iterator
from itertools import islice
from typing import TYPE_CHECKING, Any

from reporter.cache import codec
from reporter.cache.key import Stamp
from reporter.model.dataset import Coverage, Dataset, Later, MemoryStore
from reporter.model.records import Highlight

if TYPE_CHECKING:
    from reporter.model.dataset import Item

_SCHEMA_SQL = """
    PRAGMA journal_mode = OFF;
    PRAGMA synchronous = OFF;
    CREATE TABLE meta (key TEXT PRIMARY KEY, value BLOB);
    CREATE TABLE items (seq INTEGER PRIMARY KEY, region TEXT, metric TEXT, size INTEGER, periods TEXT, body BLOB);
    CREATE TABLE highlights (seq INTEGER PRIMARY KEY, region TEXT, body BLOB);
"""
_INDEXES_SQL = """
    CREATE INDEX items_by_region ON items (region, metric);
    CREATE INDEX items_by_metric ON items (metric);
    CREATE INDEX highlights_by_region ON highlights (region);
"""


def read(db: str, fallback: Callable[[], MemoryStore]) -> tuple[Stamp, Dataset] | None:
    """The stamp and dataset of the cache at ``db``, or None if it is missing, damaged or of another schema."""
    if not os.path.isfile(db):
        return None
    conn = None
    try:
        conn = sqlite3.connect(_read_only_uri(db), uri=True, check_same_thread=False)
        meta = {key: marshal.loads(value) for key, value in conn.execute("SELECT key, value FROM meta")}
        if meta.get("schema") != codec.SCHEMA:
            conn.close()
            return None
        decode = codec.Codec(codec.periods_from(meta["periods"]))
        sources, themes, metrics, regions = decode.catalogue_from(meta["catalogue"])
        store = SqliteStore(conn, decode, db, fallback)
        data = Dataset(sources, themes, metrics, regions, store, tuple(meta["paths"]))
        data.region_sources = dict(meta["region_sources"])
        data.had_unfinished = bool(meta["unfinished"])
        return codec.decoder(Stamp)(meta["stamp"]), data
    except (sqlite3.Error, KeyError, ValueError, TypeError, EOFError, OSError):
        if conn is not None:
            conn.close()
        return None


def write(db: str, stamp: Stamp, data: Dataset) -> None:
    """Fill the SQLite file ``db`` (a new, empty temp file) with ``data``."""
    conn = sqlite3.connect(db)
    try:
        with conn:
            conn.executescript(_SCHEMA_SQL)
            periods: dict[str, Any] = {}
            rows = []
            for seq, item in enumerate(data.store.items()):
                found = codec.periods_in([item])
                periods.update(found)
                rows.append((seq, item.region, item.metric, item.size, ",".join(dict.fromkeys(item.period_texts())),
                             marshal.dumps(codec.encode_item(item))))
                if len(rows) >= 10_000:
                    conn.executemany("INSERT INTO items VALUES (?,?,?,?,?,?)", rows)
                    rows.clear()
            conn.executemany("INSERT INTO items VALUES (?,?,?,?,?,?)", rows)
            highlights = list(data.store.highlights())
            periods.update(codec.periods_in(highlights))
            conn.executemany("INSERT INTO highlights VALUES (?,?,?)", [
                (seq, h.region, marshal.dumps(codec.encode(h))) for seq, h in enumerate(highlights)])
            meta = {"schema": codec.SCHEMA, "stamp": codec.encode(stamp), "periods": codec.period_table(periods),
                    "catalogue": codec.catalogue_of(data.sources, data.themes, data.metrics, data.regions),
                    "paths": data.paths, "region_sources": data.region_sources,
                    "unfinished": data.had_unfinished}
            conn.executemany("INSERT INTO meta VALUES (?, ?)", [(k, marshal.dumps(v)) for k, v in meta.items()])
            conn.executescript(_INDEXES_SQL)
    finally:
        conn.close()


def renew(db: str, stamp: Stamp) -> None:
    """Record a new stamp in a cache whose content was found to match the files."""
    try:
        with sqlite3.connect(db) as conn:
            conn.execute("UPDATE meta SET value = ? WHERE key = 'stamp'", (marshal.dumps(codec.encode(stamp)),))
        conn.close()
    except sqlite3.Error:
        pass


class SqliteStore:
    """Items and highlights from the cache file, fetched by index as queries ask."""

    def __init__(self, conn: sqlite3.Connection, decode: codec.Codec, db: str,
                 fallback: Callable[[], MemoryStore]) -> None:
        self.conn = conn
        self.decode = decode
        self.db = db
        self.fallback = fallback
        self._instead: MemoryStore | None = None  # the YAML's store, once the file proved damaged

    def items(self, region: str | None = None, metric: str | None = None) -> Iterator[Item]:
        where = [(name, value) for name, value in (("region", region), ("metric", metric)) if value is not None]
        sql = "SELECT body FROM items" + (" WHERE " + " AND ".join(f"{n} = ?" for n, _ in where) if where else "")
        return self._query(sql + " ORDER BY seq", [v for _, v in where], self.decode.item,
                           lambda store: store.items(region, metric))

    def items_where(self, match: Callable[[str, str, str, str], bool]) -> Iterator[Item]:
        """The items whose (region, metric, note, quote) satisfy ``match``, in order: each is tested
        on its stored fields and decoded only when it matches (a search of a million values decodes
        the few it finds, not every series)."""
        at = [tuple(kind._fields.index(name) for name in ("region", "metric", "note", "quote"))  # type: ignore[attr-defined]
              for kind in codec.ITEM_KINDS]
        decode = self.decode.item

        def test(stored: tuple[int, Any]) -> bool:
            kind, fields = stored
            r, m, n, q = at[kind]
            return match(fields[r], fields[m], fields[n], fields[q])

        def chosen(store: MemoryStore) -> Iterator[Item]:
            return (item for item in store.items() if match(item.region, item.metric, item.note, item.quote))

        return self._query("SELECT body FROM items ORDER BY seq", [], decode, chosen, keep=test)

    def highlights(self, region: str | None = None) -> Iterable[Highlight]:
        sql = "SELECT body FROM highlights" + (" WHERE region = ?" if region is not None else "") + " ORDER BY seq"
        return list(self._query(sql, [] if region is None else [region], self.decode.highlight,
                                lambda store: store.highlights(region)))

    def coverage(self) -> Coverage:
        """Counted by SQLite, without building a single fact (ids and periods hold no comma)."""
        if self._instead is None:
            try:
                # a region's series mostly share their periods: each distinct list once, not one per series
                by_region = self.conn.execute(
                    "SELECT region, SUM(size), GROUP_CONCAT(DISTINCT periods) FROM items GROUP BY region")
                texts: dict[str, str] = {}  # one string per period and per id, however often they recur
                regions = {region: (count, frozenset(texts.setdefault(p, p) for p in periods.split(",")))
                           for region, count, periods in by_region}
                ids = {region: region for region in regions}
                return regions, Later(lambda: self._reporters(ids))
            except (sqlite3.Error, AttributeError, ValueError):
                pass
        return self._damaged().coverage()

    def _reporters(self, ids: dict[str, str]) -> dict[str, frozenset[str]]:
        """metric -> the regions reporting it (coverage's second half, read when first asked for)."""
        if self._instead is None:
            try:
                return {metric: frozenset(ids.get(r, r) for r in listed.split(",")) for metric, listed in
                        self.conn.execute("SELECT metric, GROUP_CONCAT(DISTINCT region) FROM items GROUP BY metric")}
            except (sqlite3.Error, AttributeError, ValueError):
                pass
        return dict(self._damaged().coverage()[1])

    def _query(self, sql: str, args: list[str], decode: Callable[[Any], Any],
               instead: Callable[[MemoryStore], Iterable[Any]],
               keep: Callable[[Any], bool] | None = None) -> Iterator[Any]:
        """Decoded rows (those ``keep`` keeps, tested before decoding), streamed; if the file proves
        damaged on the way, the rest comes from the YAML (which holds the same items in the same
        order, so nothing is repeated or lost)."""
        done = 0
        if self._instead is None:
            try:
                cursor = self.conn.execute(sql, args)
                while rows := cursor.fetchmany(512):
                    for (body,) in rows:
                        stored = marshal.loads(body)
                        if keep is None or keep(stored):
                            record = decode(stored)
                            yield record
                            done += 1
                return
            except (sqlite3.Error, ValueError, EOFError, TypeError, KeyError, IndexError):
                pass
        yield from islice(instead(self._damaged()), done, None)

    def _damaged(self) -> MemoryStore:
        if self._instead is None:
            try:
                os.unlink(self.db)
            except OSError:
                pass
            self._instead = self.fallback()
        return self._instead


def _read_only_uri(db: str) -> str:
    # an SQLite URI percent-decodes its path: escape what the path may hold
    return "file:" + db.replace("%", "%25").replace("?", "%3f").replace("#", "%23") + "?mode=ro"
