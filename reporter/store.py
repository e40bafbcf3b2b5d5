"""Open a dataset: from a compiled cache when it is fresh, else from the YAML itself.

Two cache layouts, chosen by size: a small dataset (up to ``SMALL_FACTS`` facts, like the
bundled one) is one marshal blob, read whole in well under a millisecond and without
importing sqlite3; a large one is an indexed SQLite file, whose point lookups do not grow
with the data.

The cache is a speed-up and never a correctness risk:

* it is keyed on every data file's path, size and mtime, and on a hash of their content;
  a file modified within two seconds of the cache being built ("racily clean", as git calls
  it) is always re-hashed, so an edit in the same second as the build is still seen;
* it is written to a temp file and renamed into place, so readers see a whole cache or none;
* anything odd (corrupt, truncated, another schema, an unwritable directory) means the YAML
  is loaded directly and the cache rebuilt when possible; no cache problem reaches the user.

Where: ``$REPORTER_CACHE_DIR``, else ``$XDG_CACHE_HOME/reporter``, else ``~/.cache/reporter``.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any

from reporter.model import (
    Coverage,
    Dataset,
    Fact,
    FactMatch,
    Highlight,
    Metric,
    Origin,
    Quantity,
    Region,
    Source,
    Theme,
)
from reporter.periods import Period, parse_period

if TYPE_CHECKING:
    from reporter.model import Data

SCHEMA = 4  # 4: numbers stored as written (3 stored str(Decimal), e.g. 1E-7)
SMALL_FACTS = 5000
_MAGIC = b"reporter-cache-5\n"  # 5: an 8-byte checksum (4 had a CRC-32)
RACY_NS = 2_000_000_000  # files changed this close to the build are re-hashed
_SEP = "\x1f"


def cache_dir(environ: Any = None) -> str:
    env = os.environ if environ is None else environ
    if env.get("REPORTER_CACHE_DIR"):
        return str(env["REPORTER_CACHE_DIR"])
    base = env.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return os.path.join(base, "reporter")


_PENDING: list[Callable[[], None]] = []  # cache writes deferred until the answer is out


def open_dataset(path: str, use_cache: bool = True, progress: bool = False,
                 defer_write: bool = False) -> Data:
    """The dataset at ``path`` (file or directory), through the cache unless told otherwise.

    With ``defer_write`` a fresh cache is not written here but queued for
    :func:`write_pending`, so a caller can answer first and build the cache after.
    """
    if not use_cache:
        return _load(path, progress)
    try:
        files = _data_files(path)
    except OSError:
        files = None
    if not files:
        return _load(path, progress)  # let the loader name the problem
    base = os.path.join(cache_dir(), _cache_name(path))
    cached = _open_small(base + ".marshal", files) or _open_cache(base + ".sqlite", files)
    if cached is not None:
        return cached  # type: ignore[return-value]
    started = time.time_ns()
    data = _load(path, progress)

    def write() -> None:
        import gc

        if not _lock(base + ".lock"):
            return  # another process is building this cache right now; one build is enough
        small = len(data.facts) <= SMALL_FACTS
        collecting = gc.isenabled()
        gc.disable()  # as in load_dataset: many new objects, no cycles
        try:
            if small:
                _write_small(base + ".marshal", path, files, data, started)
            else:
                _write_cache(base + ".sqlite", path, files, data, started)
            _remove(base + (".sqlite" if small else ".marshal"))  # the other layout, from older data
        finally:
            if collecting:
                gc.enable()
            _remove(base + ".lock")

    if defer_write:
        _PENDING.append(write)
    else:
        write()
    return data


STALE_LOCK_SECONDS = 300


def _lock(path: str) -> bool:
    """Take the build lock for one cache (a file made exclusively); a lock older than a few
    minutes is a crashed builder's and is taken over. False when someone else holds it."""
    for _ in range(2):
        try:
            os.makedirs(os.path.dirname(path), exist_ok=True)
            os.close(os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600))
            return True
        except FileExistsError:
            try:
                if time.time() - os.stat(path).st_mtime < STALE_LOCK_SECONDS:
                    return False
                os.unlink(path)
            except OSError:
                return False
        except OSError:
            return False  # an unwritable cache directory: no cache, no error
    return False


def write_pending(detach: bool) -> None:
    """Write the caches :func:`open_dataset` deferred; with ``detach``, in a forked child that
    lets this process exit at once (its stdio pointed away, so no pipe waits for it)."""
    jobs, _PENDING[:] = list(_PENDING), []
    if not jobs:
        return
    if detach and hasattr(os, "fork"):
        try:
            pid = os.fork()
        except OSError:
            pid = -1
        if pid == 0:  # the child: write, never return into the caller
            try:
                devnull = os.open(os.devnull, os.O_RDWR)
                for fd in (0, 1, 2):
                    os.dup2(devnull, fd)
                for job in jobs:
                    job()
            finally:
                os._exit(0)
        if pid > 0:
            return
    for job in jobs:
        job()


def _cache_name(path: str) -> str:
    """One cache per data path: the absolute path, made a file name (hashed when too long)."""
    name = os.path.realpath(path).replace("%", "%25").replace(os.sep, "%")
    if len(name) > 180:
        import hashlib

        name = name[-100:] + "-" + hashlib.sha256(name.encode()).hexdigest()[:24]
    return name


def _load(path: str, progress: bool) -> Data:
    from reporter.load import load_dataset

    if not progress:
        return load_dataset(path)
    from reporter.progress import DelayedProgress

    with DelayedProgress("reading data"):
        return load_dataset(path)


# --------------------------------------------------------------------------- freshness


def _data_files(path: str) -> list[tuple[str, int, int]]:
    """(path, size, mtime_ns) of the data files behind ``path``, as the loader will read them."""
    if os.path.isdir(path):
        names = sorted(n for n in os.listdir(path) if n.endswith((".yaml", ".yml")) and not n.startswith("."))
        paths = [os.path.join(path, n) for n in names]
    else:
        paths = [path]
    out = []
    for p in paths:
        st = os.stat(p)
        out.append((p, st.st_size, st.st_mtime_ns))
    return out


def _digest(files: list[tuple[str, int, int]]) -> str:
    import hashlib  # only when a file is new or changed: a fresh cache is judged by stat alone

    h = hashlib.sha256()
    for name, _, _ in files:
        h.update(name.encode() + b"\0")
        with open(name, "rb") as handle:
            for block in iter(lambda: handle.read(1 << 20), b""):
                h.update(block)
        h.update(b"\0")
    return h.hexdigest()


def _open_cache(db: str, files: list[tuple[str, int, int]]) -> CachedDataset | None:
    import sqlite3

    if not os.path.isfile(db):
        return None
    try:
        # an SQLite URI percent-decodes its path: escape what the path may hold
        uri = "file:" + db.replace("%", "%25").replace("?", "%3f").replace("#", "%23") + "?mode=ro"
        conn = sqlite3.connect(uri, uri=True, check_same_thread=False)
        meta = dict(conn.execute("SELECT key, value FROM meta"))
        if meta.get("schema") != str(SCHEMA):
            conn.close()
            return None
        fresh = _fresh(meta, files)
        if fresh is False:
            conn.close()
            return None
        if fresh == "settle":
            _settle(db, files)
        return CachedDataset.from_connection(conn, tuple(n for n, _, _ in files))
    except (sqlite3.Error, KeyError, ValueError, OSError):
        return None


def _fresh(meta: dict[str, str], files: list[tuple[str, int, int]]) -> bool | str:
    """Whether a cache built as ``meta`` says still holds ``files``: True, False, or "settle" when the
    content matches but the recorded stat should be refreshed (so later runs skip the hash)."""
    stored = [tuple(row.split(_SEP)) for row in meta["files"].split("\n")]
    current = [(n, str(s), str(m)) for n, s, m in files]
    built = int(meta["built_ns"])
    racy = any(m >= built - RACY_NS for _, _, m in files)
    if stored == current and not racy:
        return True
    if _digest(files) != meta["digest"]:
        return False
    if time.time_ns() - max(m for _, _, m in files) > RACY_NS:
        return "settle"
    return True


def _remove(path: str) -> None:
    try:
        os.unlink(path)
    except OSError:
        pass


# --------------------------------------------------------------------------- the small layout: marshal


def _open_small(blob: str, files: list[tuple[str, int, int]]) -> Dataset | None:
    """A small dataset from its marshal blob (checksummed before unmarshalling), if fresh."""
    import marshal

    try:
        with open(blob, "rb") as handle:
            raw = handle.read()
    except OSError:
        return None
    head = len(_MAGIC) + 8
    if not raw.startswith(_MAGIC) or int.from_bytes(raw[len(_MAGIC):head], "big") != _checksum(raw[head:]):
        return None
    try:
        meta, tables = marshal.loads(raw[head:])
        fresh = _fresh(meta, files)
        if fresh is False:
            return None
        data = _from_tables(tables, tuple(n for n, _, _ in files))
    except (ValueError, TypeError, KeyError, EOFError, IndexError):
        return None
    if fresh == "settle":
        _write_small(blob, "", files, data, time.time_ns(), check=False)
    return data


def _checksum(payload: bytes) -> int:
    """The payload read as one number, modulo the prime 2**61 - 1 (2**31 - 1 on 32-bit builds).

    That is Python's documented hash of a non-negative int, so the check loads no extension
    module: binascii's crc32 costs about 0.5 ms to load, a twentieth of ``get``'s budget. Any
    change of up to 60 consecutive bits changes it, and any other change but for a 2**-61 chance.
    """
    return hash(int.from_bytes(payload, "little"))


def _write_small(blob: str, path: str, files: list[tuple[str, int, int]], data: Data, started_ns: int,
                 check: bool = True) -> None:
    import marshal
    import tempfile

    temp = None
    try:
        meta = {"schema": str(SCHEMA), "digest": _digest(files), "built_ns": str(started_ns),
                "files": _files_text(files)}
        if check and _data_files(path) != files:
            return  # changed while we read it: do not cache a mix
        payload = marshal.dumps((meta, _to_tables(data)))
        os.makedirs(os.path.dirname(blob), exist_ok=True)
        fd, temp = tempfile.mkstemp(prefix=".build-", suffix=".marshal", dir=os.path.dirname(blob))
        with os.fdopen(fd, "wb") as handle:
            handle.write(_MAGIC + _checksum(payload).to_bytes(8, "big") + payload)
        os.replace(temp, blob)
        temp = None
    except (OSError, ValueError):
        pass
    finally:
        if temp is not None:
            _remove(temp)


def _to_tables(data: Data) -> tuple[Any, ...]:
    """Plain tuples of builtin types, which is all marshal takes."""
    return (
        tuple((s.id, s.publication, s.title, s.date, s.column, s.date_note, s.file,
               tuple(tuple(r) for r in s.readings), _origin(s.origin)) for s in data.sources.values()),
        tuple(tuple(t) for t in data.themes.values()),
        tuple((m.id, m.zh, m.en, m.unit, m.theme, m.polarity, m.kind, tuple(m.aliases), m.note, _origin(m.origin))
              for m in data.metrics.values()),
        tuple((r.id, r.zh, r.short, r.en, r.level, r.prefecture, r.province, r.pinyin, tuple(r.aliases),
               _origin(r.origin), r.prefecture_en) for r in data.regions.values()),
        tuple((f.region, f.metric, f.quantity.written, f.quantity.unit, f.quantity.qualifier, f.period.canonical,
               f.source, f.quote, f.yoy_written, f.previous_written, f.rank_change, f.note, *_origin(f.origin))
              for f in data.facts),
        tuple((h.region, h.theme, h.text, h.source, h.quote, h.text_en, h.period.canonical if h.period else None,
               _origin(h.origin)) for h in data.highlights),
        # every period parsed once, stored parsed: a warm start compiles no regular expression
        tuple(_period_tuple(p) for p in {p.canonical: p for p in (*(f.period for f in data.facts),
                                                                   *(h.period for h in data.highlights))
                                         if p is not None}.values()),
    )


def _period_tuple(period: Any) -> tuple[Any, ...]:
    return (*period[:5], None if period.anchor is None else _period_tuple(period.anchor))


def _period_from(t: tuple[Any, ...]) -> Period:
    return Period(t[0], t[1], t[2], t[3], t[4], None if t[5] is None else _period_from(t[5]))


def _from_tables(tables: tuple[Any, ...], paths: tuple[str, ...]) -> Dataset:
    sources, themes, metrics, regions, facts, highlights, periods = tables
    period_of = {t[3]: _period_from(t) for t in periods}.__getitem__
    return Dataset(
        {s[0]: Source(s[0], s[1], s[2], s[3], s[4], s[5], s[6], s[7], Origin(*s[8])) for s in sources},
        {t[0]: Theme(*t) for t in themes},
        {m[0]: Metric(m[0], m[1], m[2], m[3], m[4], m[5], m[6], m[7], m[8], Origin(*m[9])) for m in metrics},
        {r[0]: Region(r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7], r[8], Origin(*r[9]), r[10]) for r in regions},
        tuple(_fact(f, period_of) for f in facts),
        tuple(Highlight(h[0], h[1], h[2], h[3], h[4], h[5], period_of(h[6]) if h[6] else None, Origin(*h[7]))
              for h in highlights),
        paths)


def _settle(db: str, files: list[tuple[str, int, int]]) -> None:
    """Record the files' current stat and a new build time in a cache whose content still matches."""
    import sqlite3

    try:
        with sqlite3.connect(db) as conn:
            conn.execute("UPDATE meta SET value = ? WHERE key = 'built_ns'", (str(time.time_ns()),))
            conn.execute("UPDATE meta SET value = ? WHERE key = 'files'", (_files_text(files),))
        conn.close()
    except sqlite3.Error:
        pass


# --------------------------------------------------------------------------- writing


def _files_text(files: list[tuple[str, int, int]]) -> str:
    return "\n".join(_SEP.join((n, str(s), str(m))) for n, s, m in files)


def _write_cache(db: str, path: str, files: list[tuple[str, int, int]], data: Data,
                 started_ns: int) -> None:
    """Write the cache atomically; any failure just leaves no cache behind."""
    import sqlite3
    import tempfile

    temp = None
    try:
        digest = _digest(files)
        if _data_files(path) != files:
            return  # changed while we read it: do not cache a mix
        os.makedirs(os.path.dirname(db), exist_ok=True)
        fd, temp = tempfile.mkstemp(prefix=".build-", suffix=".sqlite", dir=os.path.dirname(db))
        os.close(fd)
        conn = sqlite3.connect(temp)
        with conn:
            _fill(conn, data)
            meta = {"schema": str(SCHEMA), "digest": digest, "built_ns": str(started_ns),
                    "files": _files_text(files)}
            conn.executemany("INSERT INTO meta VALUES (?, ?)", meta.items())
        conn.close()
        os.replace(temp, db)
        temp = None
    except (OSError, sqlite3.Error):
        pass
    finally:
        if temp is not None:
            try:
                os.unlink(temp)
            except OSError:
                pass


def _origin(o: Origin | None) -> tuple[str, int, int]:
    return (o.path, o.line, o.column) if o else ("", 0, 0)


def _fill(conn: Any, data: Data) -> None:
    conn.executescript("""
        PRAGMA journal_mode = OFF;
        PRAGMA synchronous = OFF;
        CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT);
        CREATE TABLE sources (seq INTEGER, id TEXT, publication TEXT, title TEXT, date TEXT, col TEXT,
                              date_note TEXT, file TEXT, readings TEXT, path TEXT, line INTEGER, pcol INTEGER);
        CREATE TABLE themes (seq INTEGER, id TEXT, zh TEXT, en TEXT);
        CREATE TABLE metrics (seq INTEGER, id TEXT, zh TEXT, en TEXT, unit TEXT, theme TEXT, polarity TEXT,
                              kind TEXT, aliases TEXT, note TEXT, path TEXT, line INTEGER, pcol INTEGER);
        CREATE TABLE regions (seq INTEGER, id TEXT, zh TEXT, short TEXT, en TEXT, level TEXT, prefecture TEXT,
                              province TEXT, pinyin TEXT, aliases TEXT, path TEXT, line INTEGER, pcol INTEGER,
                              prefecture_en TEXT);
        CREATE TABLE facts (seq INTEGER PRIMARY KEY, region TEXT, metric TEXT, value TEXT, unit TEXT,
                            qualifier TEXT, period TEXT, source TEXT, quote TEXT, yoy_pct TEXT, previous TEXT,
                            rank_change INTEGER, note TEXT, path TEXT, line INTEGER, pcol INTEGER);
        CREATE TABLE highlights (seq INTEGER PRIMARY KEY, region TEXT, theme TEXT, text TEXT, source TEXT,
                                 quote TEXT, text_en TEXT, period TEXT, path TEXT, line INTEGER, pcol INTEGER);
    """)
    conn.executemany("INSERT INTO sources VALUES (?,?,?,?,?,?,?,?,?,?,?,?)", [
        (i, s.id, s.publication, s.title, s.date, s.column, s.date_note, s.file,
         "\n".join(f"{w}{_SEP}{p}" for w, p in s.readings), *_origin(s.origin))
        for i, s in enumerate(data.sources.values())])
    conn.executemany("INSERT INTO themes VALUES (?,?,?,?)",
                     [(i, t.id, t.zh, t.en) for i, t in enumerate(data.themes.values())])
    conn.executemany("INSERT INTO metrics VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)", [
        (i, m.id, m.zh, m.en, m.unit, m.theme, m.polarity, m.kind, _SEP.join(m.aliases), m.note, *_origin(m.origin))
        for i, m in enumerate(data.metrics.values())])
    conn.executemany("INSERT INTO regions VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)", [
        (i, r.id, r.zh, r.short, r.en, r.level, r.prefecture, r.province, r.pinyin, _SEP.join(r.aliases),
         *_origin(r.origin), r.prefecture_en) for i, r in enumerate(data.regions.values())])
    conn.executemany("INSERT INTO facts VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", [
        (i, f.region, f.metric, f.quantity.written, f.quantity.unit, f.quantity.qualifier,
         f.period.canonical, f.source, f.quote, f.yoy_written, f.previous_written, f.rank_change, f.note,
         *_origin(f.origin)) for i, f in enumerate(data.facts)])
    conn.executemany("INSERT INTO highlights VALUES (?,?,?,?,?,?,?,?,?,?,?)", [
        (i, h.region, h.theme, h.text, h.source, h.quote, h.text_en, h.period.canonical if h.period else None,
         *_origin(h.origin)) for i, h in enumerate(data.highlights)])
    conn.executescript("""
        CREATE INDEX facts_by_region ON facts (region, metric);
        CREATE INDEX facts_by_metric ON facts (metric);
        CREATE INDEX highlights_by_region ON highlights (region);
    """)


# --------------------------------------------------------------------------- reading


_FACT_COLUMNS = ("region, metric, value, unit, qualifier, period, source, quote, yoy_pct, previous, rank_change, "
                 "note, path, line, pcol")


def _fact(row: tuple[Any, ...], period_of: Callable[[str], Period] = parse_period) -> Fact:
    (region, metric, value, unit, qualifier, period, source, quote, yoy, previous, rank_change, note, path,
     line, pcol) = row
    return Fact(region, metric, Quantity(value, unit, qualifier), period_of(period), source, quote, yoy, previous,
                rank_change, note, Origin(path, line, pcol))


def _split(text: str) -> tuple[str, ...]:
    return tuple(text.split(_SEP)) if text else ()


class CachedDataset:
    """The :class:`~reporter.model.Dataset` interface over the SQLite cache: catalogues in memory,
    facts fetched by index when asked for."""

    def __init__(self, conn: Any, sources: dict[str, Source], themes: dict[str, Theme],
                 metrics: dict[str, Metric], regions: dict[str, Region], paths: tuple[str, ...]) -> None:
        self.conn = conn
        self.sources = sources
        self.themes = themes
        self.metrics = metrics
        self.regions = regions
        self.paths = paths
        self._facts: tuple[Fact, ...] | None = None
        self._highlights: tuple[Highlight, ...] | None = None

    @classmethod
    def from_connection(cls, conn: Any, paths: tuple[str, ...]) -> CachedDataset:
        sources = {}
        for (ident, publication, title, date, column, date_note, file, readings, path, line, pcol) in conn.execute(
                "SELECT id, publication, title, date, col, date_note, file, readings, path, line, pcol "
                "FROM sources ORDER BY seq"):
            pairs = tuple(tuple(r.split(_SEP)) for r in readings.split("\n")) if readings else ()
            sources[ident] = Source(ident, publication, title, date, column, date_note, file,
                                    pairs, Origin(path, line, pcol))  # type: ignore[arg-type]
        themes = {ident: Theme(ident, zh, en, seq)
                  for seq, ident, zh, en in conn.execute("SELECT seq, id, zh, en FROM themes ORDER BY seq")}
        metrics = {row[0]: Metric(row[0], row[1], row[2], row[3], row[4], row[5], row[6], _split(row[7]), row[8],
                                  Origin(row[9], row[10], row[11]))
                   for row in conn.execute("SELECT id, zh, en, unit, theme, polarity, kind, aliases, note, path, "
                                           "line, pcol FROM metrics ORDER BY seq")}
        regions = {row[0]: Region(row[0], row[1], row[2], row[3], row[4], row[5], row[6], row[7], _split(row[8]),
                                  Origin(row[9], row[10], row[11]), row[12])
                   for row in conn.execute("SELECT id, zh, short, en, level, prefecture, province, pinyin, "
                                           "aliases, path, line, pcol, prefecture_en FROM regions ORDER BY seq")}
        return cls(conn, sources, themes, metrics, regions, paths)

    @property
    def facts(self) -> tuple[Fact, ...]:
        if self._facts is None:
            self._facts = tuple(_fact(r) for r in self.conn.execute(
                f"SELECT {_FACT_COLUMNS} FROM facts ORDER BY seq"))
        return self._facts

    @property
    def highlights(self) -> tuple[Highlight, ...]:
        if self._highlights is None:
            self._highlights = tuple(self._highlight_rows("SELECT region, theme, text, source, quote, text_en, "
                                                          "period, path, line, pcol FROM highlights ORDER BY seq"))
        return self._highlights

    def _highlight_rows(self, sql: str, *args: Any) -> Iterator[Highlight]:
        for region, theme, text, source, quote, text_en, period, path, line, pcol in self.conn.execute(sql, args):
            yield Highlight(region, theme, text, source, quote, text_en,
                            parse_period(period) if period else None, Origin(path, line, pcol))

    def facts_of(self, region: str | None = None, metric: str | None = None) -> list[Fact]:
        where, args = [], []
        if region is not None:
            where.append("region = ?")
            args.append(region)
        if metric is not None:
            where.append("metric = ?")
            args.append(metric)
        sql = f"SELECT {_FACT_COLUMNS} FROM facts"
        if where:
            sql += " WHERE " + " AND ".join(where)
        return [_fact(r) for r in self.conn.execute(sql + " ORDER BY seq", args)]

    def facts_where(self, match: FactMatch) -> list[Fact]:
        """Rows are tested before facts are built from them: a search reads every row, builds few."""
        return [_fact(row) for row in self.conn.execute(f"SELECT {_FACT_COLUMNS} FROM facts ORDER BY seq")
                if match(row[0], row[1], row[11], row[7])]

    def coverage(self) -> Coverage:
        """Counted by SQLite, without building a single fact."""
        by_region = {region: (count, frozenset(periods.split(",")))  # ids and periods hold no comma
                     for region, count, periods in self.conn.execute(
                         "SELECT region, COUNT(*), GROUP_CONCAT(DISTINCT period) FROM facts GROUP BY region")}
        by_metric = {metric: frozenset(regions.split(","))
                     for metric, regions in self.conn.execute(
                         "SELECT metric, GROUP_CONCAT(DISTINCT region) FROM facts GROUP BY metric")}
        return by_region, by_metric

    def highlights_of(self, region: str) -> list[Highlight]:
        return list(self._highlight_rows("SELECT region, theme, text, source, quote, text_en, period, path, line, "
                                         "pcol FROM highlights WHERE region = ? ORDER BY seq", region))
