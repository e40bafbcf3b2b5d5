"""Whether a cache still holds what the data files hold: stamps, digests and freshness.

A cache records a :class:`Stamp`: each data file's identity and times (path, size, mtime, ctime,
inode, device) as they were *before* the data were read, a SHA-256 of their content, and when the
build began. Judging a cache against the files now (:func:`freshness`):

* every file stat-identical to the stamp, and none changed within :data:`RACY_NS` of the build →
  :data:`FRESH`, without reading a byte (ctime and inode change on any write, even one that
  restores size and mtime, as ``cp -p`` or ``rsync -t`` do);
* otherwise the content is hashed: the same digest → :data:`SAME_CONTENT` (the cache holds the
  data; its stamp may be renewed to skip the hash next time, see :func:`renewed`), else
  :data:`STALE`.

A file changed in the same clock tick as a build ("racily clean", as git calls it) is always
re-hashed. Only regular files are cached: a pipe or device has no stable content to key on.
"""

from __future__ import annotations

import hashlib  # used only for a new or changed file: a fresh cache is judged by stat alone
import os
import stat
import time
from typing import NamedTuple

from reporter.data.paths import data_file_paths

RACY_NS = 2_000_000_000  # files changed this close to a build are re-hashed until they are older

FRESH, SAME_CONTENT, STALE = "fresh", "same content", "stale"


class FileStat(NamedTuple):
    path: str
    size: int
    mtime_ns: int
    ctime_ns: int
    inode: int
    device: int


class Stamp(NamedTuple):
    """What a cache was built from."""

    files: tuple[FileStat, ...]
    digest: str
    built_ns: int


def snapshot(path: str | tuple[str, ...]) -> tuple[FileStat, ...] | None:
    """The stat of every data file behind ``path``, or None when the data cannot be cached
    (a missing or unreadable file, a directory entry that is not a regular file, a pipe)."""

    try:
        names = data_file_paths(path)
        stats = []
        for name in names:
            st = os.stat(name)
            if not stat.S_ISREG(st.st_mode):
                return None
            stats.append(FileStat(name, st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino, st.st_dev))
    except OSError:
        return None
    return tuple(stats) or None


def digest(files: tuple[FileStat, ...]) -> str | None:
    """SHA-256 over the files' names and contents, or None if one cannot be read whole as stat'ed."""

    h = hashlib.sha256()
    try:
        for file in files:
            h.update(file.path.encode("utf-8", "surrogateescape") + b"\0")
            with open(file.path, "rb") as handle:
                if not stat.S_ISREG(os.fstat(handle.fileno()).st_mode):
                    return None
                left = file.size + 1  # never more than stat said (a file that grows is read as changed)
                while left > 0:
                    block = handle.read(min(left, 1 << 20))
                    if not block:
                        break
                    h.update(block)
                    left -= len(block)
            h.update(b"\0")
    except OSError:
        return None
    return h.hexdigest()


def freshness(stamp: Stamp, files: tuple[FileStat, ...]) -> str:
    """:data:`FRESH`, :data:`SAME_CONTENT` or :data:`STALE` for a cache with ``stamp`` and ``files`` now."""
    racy = any(max(f.mtime_ns, f.ctime_ns) >= stamp.built_ns - RACY_NS for f in files)
    if stamp.files == files and not racy:
        return FRESH
    return SAME_CONTENT if digest(files) == stamp.digest else STALE


def renewed(stamp: Stamp, files: tuple[FileStat, ...], path: str | tuple[str, ...]) -> Stamp | None:
    """A stamp for a cache whose content was just found the same as ``files``, so the next run is
    judged by stat alone; None when renewing is not safe yet (a file is too new, or changed since
    ``files`` was taken, so the digest may not be of what the stamp would describe)."""
    now = time.time_ns()
    if any(now - max(f.mtime_ns, f.ctime_ns) <= RACY_NS for f in files):
        return None
    if snapshot(path) != files:
        return None
    return Stamp(files, stamp.digest, now)


def finished_stamp(stamp: Stamp, path: str | tuple[str, ...]) -> Stamp | None:
    """The build's stamp with its digest, if the files are still as they were when the build began."""
    found = digest(stamp.files)
    if found is None or snapshot(path) != stamp.files:
        return None  # changed while we read it: do not cache a mix
    return stamp._replace(digest=found)
