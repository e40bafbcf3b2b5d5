"""Writing a cache, after the answer: the layout the data's size calls for, a stack of layers cached as
its large base alone when its small layers can be read over it (:mod:`reporter.data.overlay`), one
builder at a time, never an error of its own (:mod:`reporter.cache`)."""

from __future__ import annotations

import os
import time

from reporter.cache import key
from reporter.cache.reading import cache_name, one_or_stack, read
from reporter.data.paths import data_file_paths
from reporter.model.dataset import Dataset
from reporter.model.records import SeriesChunk

SMALL_FACTS = 5000  # up to this many facts the small layout; $REPORTER_CACHE_LAYOUT=small|large forces one
OVERLAY_FACTS = 5000  # layers over a large base holding up to this many facts are kept apart from its cache
STALE_LOCK_SECONDS = 300


def build(base: str, stamp: key.Stamp, path: str | tuple[str, ...], data: Dataset) -> None:
    """Write the cache for ``data`` in the layout its size calls for; remove the other layout's file.
    A stack whose last layers are small over a large base is cached as the base alone (:func:`_split`).
    One builder at a time per cache; any failure leaves no cache and no error."""
    from reporter.data.load import collector_paused

    if not lock(base + ".lock"):
        return  # another process is building this cache right now; one build is enough
    try:
        with collector_paused():
            split = _split(path, data)
            if split is not None and _apart(os.path.dirname(base), tuple(path), split):
                remove(base + ".marshal")  # the stack is read as its base's cache and the layers over it
                remove(base + ".sqlite")
                return
            done = key.finished_stamp(stamp, path)
            if done is None:
                return  # the files changed while we read them: do not cache a mix
            target, other = (".marshal", ".sqlite") if _small_layout(data) else (".sqlite", ".marshal")
            _write(base + target, done, data)
            remove(base + other)
    except OSError:
        pass
    finally:
        remove(base + ".lock")


def _split(path: str | tuple[str, ...], data: Dataset) -> int | None:
    """Where a stack of layers is best kept apart: the number of first layers (the base) to cache on
    their own, their cache reused as it is while the layers over them change; None to cache the stack
    whole. Kept apart when the layers over the base hold up to :data:`OVERLAY_FACTS` facts (read from
    their files each time, in a few milliseconds) and the base more than :data:`SMALL_FACTS`."""
    if isinstance(path, str) or len(path) < 2 or os.environ.get("REPORTER_CACHE_LAYOUT") == "small":
        return None
    layer_of: dict[str, int] = {}
    for n, layer in enumerate(path):
        try:
            layer_of.update((os.path.normpath(file), n) for file in data_file_paths(layer))
        except OSError:
            continue
    sizes = [0] * len(path)
    for item in data.store.items():
        where = item.path if isinstance(item, SeriesChunk) else item.origin.path if item.origin else ""
        sizes[layer_of.get(os.path.normpath(where), 0)] += item.size
    for k in range(1, len(path)):
        if sum(sizes[k:]) <= OVERLAY_FACTS and sum(sizes[:k]) > SMALL_FACTS:
            return k
    return None


def _apart(directory: str, path: tuple[str, ...], split: int) -> bool:
    """Whether the stack can be read as its first ``split`` layers' cache with the rest over it: the base
    cached on its own (built now from its files if need be), and the layers over it read there as they
    are (:func:`reporter.data.overlay.load_over` takes them). Else the stack is cached whole."""
    from reporter.data.overlay import load_over
    from reporter.errors import DataError

    base = _base_ready(directory, one_or_stack(path[:split]))
    try:
        return base is not None and load_over(base, path[split:]) is not None
    except DataError:
        return False


def _base_ready(directory: str, under: str | tuple[str, ...]) -> Dataset | None:
    """The base ``under`` from its cache, or read from its files and cached on its own; None when it is
    not valid data alone (its layers above define what it needs) or its files cannot be cached."""
    from reporter.data.load import load_dataset
    from reporter.errors import DataError

    cache = os.path.join(directory, cache_name(under))
    began = time.time_ns()
    files = key.snapshot(under)
    if files is None:
        return None
    found = read(cache, under, None)
    if found is not None and key.freshness(found[0], files) != key.STALE:
        return found[1]
    try:
        data = load_dataset(under)
    except DataError:
        return None
    build(cache, key.Stamp(files, "", began), under, data)
    return data


def _small_layout(data: Dataset) -> bool:
    forced = os.environ.get("REPORTER_CACHE_LAYOUT", "auto")
    if forced in ("small", "large"):
        return forced == "small"
    return sum(item.size for item in data.store.items()) <= SMALL_FACTS


def _write(target: str, stamp: key.Stamp, data: Dataset) -> None:
    from reporter.data.files import replacing

    with replacing(target) as temp:
        if target.endswith(".marshal"):
            from reporter.cache import small

            with open(temp, "wb") as handle:
                handle.write(small.payload(stamp, data))
        else:
            import sqlite3

            from reporter.cache import large

            os.unlink(temp)  # SQLite makes its own file
            try:
                large.write(temp, stamp, data)
            except sqlite3.Error as exc:
                raise OSError(str(exc)) from None


def renew(base: str, stamp: key.Stamp, files: tuple[key.FileStat, ...], path: str | tuple[str, ...],
           data: Dataset) -> None:
    """Record the files' new stat in a cache whose content still matches, so later runs skip the hash."""
    renewed = key.renewed(stamp, files, path)
    if renewed is None or not lock(base + ".lock"):
        return
    try:
        if os.path.isfile(base + ".marshal"):
            _write(base + ".marshal", renewed, data)
        else:
            from reporter.cache import large

            large.renew(base + ".sqlite", renewed)
    except OSError:
        pass
    finally:
        remove(base + ".lock")


def lock(path: str) -> bool:
    """Take the build lock for one cache (a file made exclusively); a lock older than a few minutes
    is a crashed builder's and is taken over. False when someone else holds it."""
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


def remove(path: str) -> None:
    try:
        os.unlink(path)
    except OSError:
        pass
