"""The lock every writer of a user's file holds, from the read of the file to the rename over it.

An ``flock`` on ``.NAME.lock`` beside the file (beside a symlink's target, so two names of one file
share it), not on the file itself: the rename puts a new inode in the file's place, and a lock on
the old one would stop nobody who opened the new one. A second writer waits for it, at most
:data:`LOCK_WAIT` seconds, then is refused in one line. The lock file is removed on release,
however the block ends; a waiter that then holds a removed file's lock takes the new one's.

:func:`signals_held` makes a temp or lock file and records it in one step, so no Ctrl-C, SIGTERM
or SIGHUP can fall between the two and leave the file behind.
"""

from __future__ import annotations

import fcntl
import os
import signal
import time
from collections.abc import Iterator
from contextlib import contextmanager

from reporter.errors import ReporterError
from reporter.messages import Message, os_reason

LOCK_WAIT = 10.0  # seconds a writer waits for another one's lock before refusing
_HELD_SIGNALS = {signal.SIGINT, signal.SIGTERM, getattr(signal, "SIGHUP", signal.SIGTERM)}


@contextmanager
def signals_held() -> Iterator[None]:
    """Ctrl-C, SIGTERM and SIGHUP wait until the block ends: a temp or lock file is made and
    recorded (or removed) whole, never left behind by a signal between the two steps."""
    try:
        old = signal.pthread_sigmask(signal.SIG_BLOCK, _HELD_SIGNALS)
    except (AttributeError, ValueError, OSError):  # pragma: no cover - a platform without it
        old = None
    try:
        yield
    finally:
        if old is not None:
            signal.pthread_sigmask(signal.SIG_SETMASK, old)


def lock_path(path: str | os.PathLike[str]) -> str:
    """The lock file of a user's file: ``.NAME.lock`` beside the file a symlink points at."""
    target = os.path.realpath(path)
    return os.path.join(os.path.dirname(target), f".{os.path.basename(target)}.lock")


@contextmanager
def locked(path: str | os.PathLike[str], wait: float | None = None) -> Iterator[None]:
    """Hold the writers' lock of the user's file ``path`` in the block (see the module's docstring).

    Another writer holding it is waited for, at most ``wait`` (default :data:`LOCK_WAIT`) seconds,
    then a :class:`ReporterError` says so. The lock file is removed when the block ends, however it
    ends; a waiter that then holds a removed file's lock takes the new file's instead.
    """

    name = os.fspath(path)
    where = lock_path(name)
    deadline = time.monotonic() + (LOCK_WAIT if wait is None else wait)
    flags = os.O_RDWR | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)
    while True:
        fd = -1
        try:
            with signals_held():
                fd = os.open(where, flags, 0o600)
            while not _try_lock(fcntl, fd):
                if time.monotonic() >= deadline:
                    raise ReporterError(Message("write.locked", name=name, lock=where,
                                                seconds=f"{LOCK_WAIT if wait is None else wait:g}"))
                time.sleep(0.02)
            if _names(fd, where):
                break
        except OSError as exc:
            _release(fcntl, fd, where)
            raise ReporterError(Message("write.cannot", name=name, reason=os_reason(exc))) from None
        except BaseException:
            _release(fcntl, fd, where)
            raise
        _release(fcntl, fd, where)  # the writer we waited for removed it: lock the file there now
    try:
        yield
    finally:
        _release(fcntl, fd, where)


def _try_lock(fcntl: object, fd: int) -> bool:
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)  # type: ignore[attr-defined]
    except BlockingIOError:
        return False
    return True


def _names(fd: int, where: str) -> bool:
    """Whether ``where`` still names the open file ``fd``."""
    try:
        return os.path.samestat(os.fstat(fd), os.stat(where, follow_symlinks=False))
    except OSError:
        return False


def _release(fcntl: object, fd: int, where: str) -> None:
    """Remove the lock file if this process holds its lock (or can take it now: no one else does),
    then close it. Signals wait meanwhile, so no lock file is left behind."""
    if fd < 0:
        return
    with signals_held():
        try:
            if _try_lock(fcntl, fd) and _names(fd, where):
                os.unlink(where)
        except OSError:
            pass
        finally:
            os.close(fd)
