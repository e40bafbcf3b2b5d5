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
from collections.abc import Callable, Iterable, Sequence
from functools import partial
from typing import TYPE_CHECKING, NamedTuple

from reporter.cache import building, key, reading
from reporter.cache.building import SMALL_FACTS, build, lock, remove, renew
from reporter.cache.reading import Progress, cache_dir, cache_name, one_or_stack, read
from reporter.data.paths import data_file_paths
from reporter.model.dataset import Dataset

if TYPE_CHECKING:
    from reporter.model.dataset import Item

__all__ = ["SMALL_FACTS", "Opened", "Progress", "cache_dir", "load_stack", "open_dataset"]


class Opened(NamedTuple):
    """A dataset, whether it came from the cache, and the cache build to run once the answer is out."""

    data: Dataset
    from_cache: bool
    build: Callable[[], None] | None = None


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
        return Opened(reading.load(path, progress), False)
    base = os.path.join(directory, cache_name(path))
    found = read(base, path, progress)
    if found is not None:
        stamp, data = found
        fresh = key.freshness(stamp, files)
        if fresh == key.FRESH:
            return Opened(data, True)
        if fresh == key.SAME_CONTENT:
            return Opened(data, True, lambda: renew(base, stamp, files, path, data))
    stamp = key.Stamp(files, "", began)
    layered = _over_base(directory, path, progress, stamp, found is not None) if not isinstance(path, str) else None
    if layered is not None:
        return layered
    data = reading.load(path, progress)
    return Opened(data, False, lambda: build(base, stamp, path, data))


def load_stack(paths: Sequence[str | os.PathLike[str]], use_cache: bool = True,
               given: Sequence[str | os.PathLike[str]] = ()) -> Dataset:
    """:func:`reporter.data.load.load_dataset` of these layers, its problems included, with the cache
    of its first layers read as it is when one holds their files' content (the writers check a new
    text of a small file over a large base so, without reading the base again). ``given``: the layers
    as the user gave them, when ``paths`` are their files (a directory's cache is its own)."""
    layers = tuple(str(os.fspath(p)) for p in paths)
    directory = cache_dir() if use_cache else None
    found = None
    if directory is not None and len(layers) > 1:
        found = _cached_base(directory, layers, None, tuple(str(os.fspath(p)) for p in given))
    if found is not None:
        from reporter.data.overlay import load_over

        data = load_over(found.data, layers[found.layers:])
        if data is not None:
            return data
    from reporter.data.load import load_dataset

    return load_dataset(layers)


class _Base(NamedTuple):
    """A stack's first layers, read from their cache: how many, the cache and its stamp, their files now."""

    layers: int
    cache: str
    stamp: key.Stamp
    files: tuple[key.FileStat, ...]
    data: Dataset
    fresh: str


def _cached_base(directory: str, path: tuple[str, ...], progress: Progress | None,
                 given: tuple[str, ...] = ()) -> _Base | None:
    """The most first layers of ``path`` (not all) that have a cache holding their files' content; with
    ``given`` (the layers ``path`` holds the files of), first the most of those whose files begin it."""
    for k, under in [*_given_bases(path, given), *((k, one_or_stack(path[:k])) for k in range(len(path) - 1, 0, -1))]:
        cache = os.path.join(directory, cache_name(under))
        if not (os.path.isfile(cache + ".marshal") or os.path.isfile(cache + ".sqlite")):
            continue
        files = key.snapshot(under)
        found = read(cache, under, progress) if files is not None else None
        if files is None or found is None:
            continue
        stamp, base = found
        fresh = key.freshness(stamp, files)
        if fresh != key.STALE:
            return _Base(k, cache, stamp, files, base, fresh)
    return None


def _given_bases(files: tuple[str, ...], given: tuple[str, ...]) -> list[tuple[int, str | tuple[str, ...]]]:
    """The first layers of ``given`` whose files are the first of ``files`` (how many), most first."""
    found = []
    for k in range(len(given), 0, -1):
        try:
            names = data_file_paths(list(given[:k]))
        except OSError:
            continue
        if len(names) < len(files) and tuple(names) == files[:len(names)]:
            found.append((len(names), one_or_stack(given[:k])))
    return found


def _over_base(directory: str, path: tuple[str, ...], progress: Progress | None, stamp: key.Stamp,
               stale: bool) -> Opened | None:
    """The stack as the cache of its first layers (the base) as it is, with the last ones read over it
    from their files (:mod:`reporter.data.overlay`): editing a small layer over a large one does not
    read the large one again. None when no base has a cache that holds its files' content, or the
    layers over it cannot be judged without the base's files (then the whole stack is read).

    A stack not worth keeping apart (:func:`_split`: its base is small, or the layers over it are not)
    is then cached whole, by a build that reads it again (the forked builder opens its own files);
    one kept apart has its ``stale`` whole-stack cache removed and its base's stamp renewed."""
    found = _cached_base(directory, path, progress)
    if found is None:
        return None
    from reporter.data.overlay import load_over

    data = load_over(found.data, path[found.layers:])
    if data is None:
        return None
    whole = os.path.join(directory, cache_name(path))
    if not (os.path.isfile(found.cache + ".sqlite") and _facts(data.store.top.items()) <= building.OVERLAY_FACTS):  # type: ignore[union-attr]
        return Opened(data, True, partial(_build_again, whole, stamp, path))
    if found.fresh != key.SAME_CONTENT and not stale:
        return Opened(data, True)
    under = one_or_stack(path[:found.layers])
    return Opened(data, True, partial(_kept_apart_now, whole, found, under, stale))


def _build_again(whole: str, stamp: key.Stamp, path: tuple[str, ...]) -> None:
    """Read the stack whole and cache it (in the forked builder: nothing of the parent's is reused)."""
    from reporter.errors import DataError

    try:
        data = reading.load(path, None)
    except DataError:
        return
    build(whole, stamp, path, data)


def _kept_apart_now(whole: str, found: _Base, under: str | tuple[str, ...], stale: bool) -> None:
    """A stack read apart: its whole-stack cache, no longer of use, removed; its base's stamp renewed."""
    if stale and lock(whole + ".lock"):
        remove(whole + ".marshal")
        remove(whole + ".sqlite")
        remove(whole + ".lock")
    if found.fresh == key.SAME_CONTENT:
        renew(found.cache, found.stamp, found.files, under, found.data)


def _facts(items: Iterable[Item]) -> int:
    return sum(item.size for item in items)
