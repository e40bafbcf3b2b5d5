"""Reading a cache: where caches live, a cache's name, a cache read in either layout, and the YAML
read when no cache holds the files (:mod:`reporter.cache`)."""

from __future__ import annotations

import os
from collections.abc import Mapping
from contextlib import AbstractContextManager, nullcontext
from typing import Any, Protocol

from reporter.cache import key
from reporter.data.paths import xdg_folder
from reporter.messages import Message
from reporter.model.dataset import Dataset


class Progress(Protocol):
    """A slow step begins (of ``total`` parts, when known): the CLI may show a bar. The context
    manager's value has ``completed``, ``advance(n)`` and ``follow(items, done)`` (reporter.cli.progress)."""

    def __call__(self, label: Message, total: int | None = None) -> AbstractContextManager[Any]: ...


def cache_dir(environ: Mapping[str, str] | None = None) -> str | None:
    """The cache directory, or None when none is configured and no home directory is known."""
    env = os.environ if environ is None else environ
    if env.get("REPORTER_CACHE_DIR"):
        return os.path.abspath(env["REPORTER_CACHE_DIR"])
    return xdg_folder("cache", env)


def read(base: str, path: str | tuple[str, ...], progress: Progress | None) -> tuple[key.Stamp, Dataset] | None:
    from reporter.cache import small

    return small.read(base + ".marshal") or _read_large(base + ".sqlite", path, progress)


def _read_large(db: str, path: str | tuple[str, ...], progress: Progress | None) -> tuple[key.Stamp, Dataset] | None:
    if not os.path.isfile(db):  # no sqlite3 import for the common small case
        return None
    from reporter.cache import large

    return large.read(db, lambda: load(path, progress).store)  # type: ignore[return-value,arg-type]


def load(path: str | tuple[str, ...], progress: Progress | None) -> Dataset:
    from reporter.data.load import load_dataset

    with (progress or _quiet)(Message("progress.reading")):
        return load_dataset(path)


def _quiet(label: Message, total: int | None = None) -> AbstractContextManager[Any]:
    return nullcontext()


def cache_name(path: str | tuple[str, ...]) -> str:
    """One cache per data path (or layers of paths): the absolute paths, made a file name (hashed when too
    long)."""
    layers = [path] if isinstance(path, str) else list(path)
    name = "+".join(os.path.realpath(p).replace("%", "%25").replace("+", "%2B").replace(os.sep, "%")
                    for p in layers)
    if len(name) > 180:
        import hashlib

        name = name[-100:] + "-" + hashlib.sha256(name.encode("utf-8", "surrogateescape")).hexdigest()[:24]
    return name


def one_or_stack(path: tuple[str, ...]) -> str | tuple[str, ...]:
    """A stack of one layer is named and cached as that layer alone."""
    return path[0] if len(path) == 1 else path
