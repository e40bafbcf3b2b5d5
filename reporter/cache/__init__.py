"""Open a dataset: from a compiled cache when it still holds the files' content, else from the YAML.

Two layouts, chosen by size: up to :data:`SMALL_FACTS` facts (like the bundled file) one marshal
blob (:mod:`.small`), read whole without importing sqlite3; more, an indexed SQLite file
(:mod:`.large`), whose point lookups do not grow with the data. Both store the same records the
same way (:mod:`.codec`), stamped with what they were built from (:mod:`.key`).

The cache is a speed-up and never a correctness risk: a cache that does not hold exactly the
files' content is never used; it is written whole or not at all (:func:`reporter.data.files.replacing`);
anything odd about it (corrupt, truncated, another schema, an unwritable or unknown directory)
means the YAML is read instead, and nothing about the cache ever reaches the user.

Where: ``$REPORTER_CACHE_DIR``, else ``$XDG_CACHE_HOME/reporter`` (if absolute, as the XDG spec
says), else ``~/.cache/reporter`` (if the home directory is known); else no cache.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Mapping
from contextlib import AbstractContextManager, nullcontext
from typing import Any, NamedTuple, Protocol

from reporter.cache import key
from reporter.data.paths import xdg_folder
from reporter.messages import Message
from reporter.model.dataset import Dataset

SMALL_FACTS = 5000  # up to this many facts the small layout; $REPORTER_CACHE_LAYOUT=small|large forces one
STALE_LOCK_SECONDS = 300

class Progress(Protocol):
    """A slow step begins (of ``total`` parts, when known): the CLI may show a bar. The context
    manager's value has ``completed``, ``advance(n)`` and ``follow(items, done)`` (reporter.cli.progress)."""

    def __call__(self, label: Message, total: int | None = None) -> AbstractContextManager[Any]: ...


class Opened(NamedTuple):
    """A dataset, whether it came from the cache, and the cache build to run once the answer is out."""

    data: Dataset
    from_cache: bool
    build: Callable[[], None] | None = None


def cache_dir(environ: Mapping[str, str] | None = None) -> str | None:
    """The cache directory, or None when none is configured and no home directory is known."""
    env = os.environ if environ is None else environ
    if env.get("REPORTER_CACHE_DIR"):
        return os.path.abspath(env["REPORTER_CACHE_DIR"])
    return xdg_folder("cache", env)


def open_dataset(path: str | tuple[str, ...], use_cache: bool = True, progress: Progress | None = None) -> Opened:
    """The dataset at ``path`` (a file or directory, or a tuple of them: layers), through the cache
    unless told otherwise.

    A cache to build or renew is not written here: :attr:`Opened.build` does it, so the caller
    can answer first.
    """
    directory = cache_dir() if use_cache else None
    began = time.time_ns()
    files = key.snapshot(path) if directory else None  # taken before any reading
    if directory is None or files is None:
        return Opened(_load(path, progress), False)
    base = os.path.join(directory, _cache_name(path))
    from reporter.cache import small

    found = small.read(base + ".marshal") or _read_large(base + ".sqlite", path, progress)
    if found is not None:
        stamp, data = found
        fresh = key.freshness(stamp, files)
        if fresh == key.FRESH:
            return Opened(data, True)
        if fresh == key.SAME_CONTENT:
            return Opened(data, True, lambda: _renew(base, stamp, files, path, data))
    data = _load(path, progress)
    return Opened(data, False, lambda: _build(base, key.Stamp(files, "", began), path, data))


def _read_large(db: str, path: str | tuple[str, ...], progress: Progress | None) -> tuple[key.Stamp, Dataset] | None:
    if not os.path.isfile(db):  # no sqlite3 import for the common small case
        return None
    from reporter.cache import large

    return large.read(db, lambda: _load(path, progress).store)  # type: ignore[return-value,arg-type]


def _load(path: str | tuple[str, ...], progress: Progress | None) -> Dataset:
    from reporter.data.load import load_dataset

    with (progress or _quiet)(Message("progress.reading")):
        return load_dataset(path)


def _quiet(label: Message, total: int | None = None) -> AbstractContextManager[Any]:
    return nullcontext()


def _cache_name(path: str | tuple[str, ...]) -> str:
    """One cache per data path (or layers of paths): the absolute paths, made a file name (hashed when too
    long)."""
    layers = [path] if isinstance(path, str) else list(path)
    name = "+".join(os.path.realpath(p).replace("%", "%25").replace("+", "%2B").replace(os.sep, "%")
                    for p in layers)
    if len(name) > 180:
        import hashlib

        name = name[-100:] + "-" + hashlib.sha256(name.encode("utf-8", "surrogateescape")).hexdigest()[:24]
    return name


# --------------------------------------------------------------------------- writing, after the answer


def _build(base: str, stamp: key.Stamp, path: str | tuple[str, ...], data: Dataset) -> None:
    """Write the cache for ``data`` in the layout its size calls for; remove the other layout's file.
    One builder at a time per cache; any failure leaves no cache and no error."""
    from reporter.data.load import collector_paused

    if not _lock(base + ".lock"):
        return  # another process is building this cache right now; one build is enough
    try:
        with collector_paused():
            done = key.finished_stamp(stamp, path)
            if done is None:
                return  # the files changed while we read them: do not cache a mix
            target, other = (".marshal", ".sqlite") if _small_layout(data) else (".sqlite", ".marshal")
            _write(base + target, done, data)
            _remove(base + other)
    except OSError:
        pass
    finally:
        _remove(base + ".lock")


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


def _renew(base: str, stamp: key.Stamp, files: tuple[key.FileStat, ...], path: str | tuple[str, ...],
           data: Dataset) -> None:
    """Record the files' new stat in a cache whose content still matches, so later runs skip the hash."""
    renewed = key.renewed(stamp, files, path)
    if renewed is None or not _lock(base + ".lock"):
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
        _remove(base + ".lock")


def _lock(path: str) -> bool:
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


def _remove(path: str) -> None:
    try:
        os.unlink(path)
    except OSError:
        pass
