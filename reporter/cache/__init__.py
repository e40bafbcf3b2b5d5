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
from collections.abc import Callable, Iterable, Mapping, Sequence
from contextlib import AbstractContextManager, nullcontext
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple, Protocol

from reporter.cache import key
from reporter.data.paths import data_file_paths, xdg_folder
from reporter.messages import Message
from reporter.model.dataset import Dataset
from reporter.model.records import SeriesChunk

if TYPE_CHECKING:
    from reporter.model.dataset import Item

SMALL_FACTS = 5000  # up to this many facts the small layout; $REPORTER_CACHE_LAYOUT=small|large forces one
OVERLAY_FACTS = 5000  # layers over a large base holding up to this many facts are kept apart from its cache
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
    found = _read(base, path, progress)
    if found is not None:
        stamp, data = found
        fresh = key.freshness(stamp, files)
        if fresh == key.FRESH:
            return Opened(data, True)
        if fresh == key.SAME_CONTENT:
            return Opened(data, True, lambda: _renew(base, stamp, files, path, data))
    stamp = key.Stamp(files, "", began)
    layered = _over_base(directory, path, progress, stamp, found is not None) if not isinstance(path, str) else None
    if layered is not None:
        return layered
    data = _load(path, progress)
    return Opened(data, False, lambda: _build(base, stamp, path, data))


def _read(base: str, path: str | tuple[str, ...], progress: Progress | None) -> tuple[key.Stamp, Dataset] | None:
    from reporter.cache import small

    return small.read(base + ".marshal") or _read_large(base + ".sqlite", path, progress)


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
    for k, under in [*_given_bases(path, given), *((k, _layers(path[:k])) for k in range(len(path) - 1, 0, -1))]:
        cache = os.path.join(directory, _cache_name(under))
        if not (os.path.isfile(cache + ".marshal") or os.path.isfile(cache + ".sqlite")):
            continue
        files = key.snapshot(under)
        found = _read(cache, under, progress) if files is not None else None
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
            found.append((len(names), _layers(given[:k])))
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
    whole = os.path.join(directory, _cache_name(path))
    if not (os.path.isfile(found.cache + ".sqlite") and _facts(data.store.top.items()) <= OVERLAY_FACTS):  # type: ignore[union-attr]
        return Opened(data, True, partial(_build_again, whole, stamp, path))
    if found.fresh != key.SAME_CONTENT and not stale:
        return Opened(data, True)
    under = _layers(path[:found.layers])
    return Opened(data, True, partial(_kept_apart_now, whole, found, under, stale))


def _build_again(whole: str, stamp: key.Stamp, path: tuple[str, ...]) -> None:
    """Read the stack whole and cache it (in the forked builder: nothing of the parent's is reused)."""
    from reporter.errors import DataError

    try:
        data = _load(path, None)
    except DataError:
        return
    _build(whole, stamp, path, data)


def _kept_apart_now(whole: str, found: _Base, under: str | tuple[str, ...], stale: bool) -> None:
    """A stack read apart: its whole-stack cache, no longer of use, removed; its base's stamp renewed."""
    if stale and _lock(whole + ".lock"):
        _remove(whole + ".marshal")
        _remove(whole + ".sqlite")
        _remove(whole + ".lock")
    if found.fresh == key.SAME_CONTENT:
        _renew(found.cache, found.stamp, found.files, under, found.data)


def _layers(path: tuple[str, ...]) -> str | tuple[str, ...]:
    """A stack of one layer is named and cached as that layer alone."""
    return path[0] if len(path) == 1 else path


def _facts(items: Iterable[Item]) -> int:
    return sum(item.size for item in items)


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
    A stack whose last layers are small over a large base is cached as the base alone (:func:`_split`).
    One builder at a time per cache; any failure leaves no cache and no error."""
    from reporter.data.load import collector_paused

    if not _lock(base + ".lock"):
        return  # another process is building this cache right now; one build is enough
    try:
        with collector_paused():
            split = _split(path, data)
            if split is not None and _apart(os.path.dirname(base), tuple(path), split):
                _remove(base + ".marshal")  # the stack is read as its base's cache and the layers over it
                _remove(base + ".sqlite")
                return
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


def _split(path: str | tuple[str, ...], data: Dataset) -> int | None:
    """Where a stack of layers is best kept apart: the number of first layers (the base) to cache on
    their own, their cache reused as it is while the layers over them change; None to cache the stack
    whole. Kept apart when the layers over the base hold up to :data:`OVERLAY_FACTS` facts (read from
    their files each time, in a few milliseconds) and the base more than :data:`SMALL_FACTS`."""
    if isinstance(path, str) or len(path) < 2 or os.environ.get("REPORTER_CACHE_LAYOUT") == "small":
        return None
    from reporter.data.yaml_file import data_files

    layer_of = {str(file): n for n, layer in enumerate(path) for file in data_files(Path(layer))[0]}
    sizes = [0] * len(path)
    for item in data.store.items():
        where = item.path if isinstance(item, SeriesChunk) else item.origin.path if item.origin else ""
        sizes[layer_of.get(where, 0)] += item.size
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

    base = _base_ready(directory, _layers(path[:split]))
    try:
        return base is not None and load_over(base, path[split:]) is not None
    except DataError:
        return False


def _base_ready(directory: str, under: str | tuple[str, ...]) -> Dataset | None:
    """The base ``under`` from its cache, or read from its files and cached on its own; None when it is
    not valid data alone (its layers above define what it needs) or its files cannot be cached."""
    from reporter.data.load import load_dataset
    from reporter.errors import DataError

    cache = os.path.join(directory, _cache_name(under))
    began = time.time_ns()
    files = key.snapshot(under)
    if files is None:
        return None
    found = _read(cache, under, None)
    if found is not None and key.freshness(found[0], files) != key.STALE:
        return found[1]
    try:
        data = load_dataset(under)
    except DataError:
        return None
    _build(cache, key.Stamp(files, "", began), under, data)
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
