"""Writing a user's file: only where they said, never half-written, never a clobbered special file.

:func:`write_atomic` is the one way reporter replaces a regular file: a temp file beside the
target, fsynced, the old mode kept, then renamed over it, so an interruption leaves the
original byte-identical. A symlink is written through to its target and stays a symlink.

:func:`output_target` decides what ``-o NAME`` means before anything is written:

* ``-`` and ``/dev/stdout`` (or ``/dev/fd/1``, ``/proc/self/fd/1``): standard output, written
  exactly as without ``-o``, so ``>> log`` still appends;
* another open descriptor (``/dev/stderr``, ``/dev/fd/3``): written to that descriptor directly;
* a regular file, or a name that does not exist yet: :func:`write_atomic`;
* a named pipe or a character device (``/dev/null``, a terminal): opened and written in
  place, as a shell redirection does; never replaced by a file. A named pipe whose reader
  does not open it within :data:`READER_WAIT` is refused (waiting could last forever);
* anything else (a directory, socket, block device) and any data file the run read: refused.

Every writer of a user's file holds its lock (:func:`reporter.data.locks.locked`) from the read to
the rename. :func:`own_file_bytes` is the one bounded read of a file about to be rewritten.
"""

from __future__ import annotations

import errno
import os
import re
import stat
import tempfile
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from typing import NamedTuple

from reporter.data.locks import signals_held
from reporter.errors import ReaderGone, ReporterError
from reporter.messages import Message, os_reason

_NOT_REGULAR = ((stat.S_ISFIFO, "fifo"), (stat.S_ISSOCK, "socket"), (stat.S_ISCHR, "char"), (stat.S_ISBLK, "block"))


def file_kind(mode: int) -> Message:
    """What a file is, in words of either language, from its ``st_mode``: 'a regular file', 'a named pipe (FIFO)' …"""
    if stat.S_ISREG(mode):
        return Message("file.kind.regular")
    if stat.S_ISDIR(mode):
        return Message("file.kind.directory")
    return Message(f"file.kind.{next((name for test, name in _NOT_REGULAR if test(mode)), 'special')}")


def _cannot_write(name: str | os.PathLike[str], exc: OSError) -> ReporterError:
    return ReporterError(Message("write.cannot", name=os.fspath(name), reason=os_reason(exc)))


def write_atomic(path: str | os.PathLike[str], text: str | bytes | Iterable[str], encoding: str = "utf-8",
                 unchanged: Callable[[], bool] | None = None) -> None:
    """Replace the regular file at ``path`` (or make it) with ``text`` (or the chunks of text it yields,
    written as they come: a large export is never held whole), atomically.

    The bytes go to a temp file beside the target, are fsynced, get the old file's mode (a new
    file: 0666 less the umask), and are renamed over the target: an interrupted or failed
    write leaves the original byte-identical. A symlink is followed to its target, which is
    replaced; the link stays. Refused before anything is written: a target that is not a regular
    file (renaming over a pipe or a device node would destroy it: use :func:`write_output`), one
    that is read-only (as ``echo >>`` refuses it; a file no one may write is refused to root too),
    and one with several names (hard links: the rename would give this name new content and leave
    the others the old one). ``unchanged``, when given, is asked just before the rename (under the
    caller's :func:`locked`): False means the file changed meanwhile, and nothing is replaced.
    """
    name = os.fspath(path)
    target = os.path.realpath(name)
    mode = replaceable(name)
    try:
        with replacing(target, mode, unchanged) as temp, open(temp, "wb") as handle:
            for chunk in _chunks(text, encoding):
                handle.write(chunk)
            handle.flush()
            os.fsync(handle.fileno())
    except OSError as exc:  # a file that was there is said to be as it was; a new one was never made
        key = "write.cannot_kept" if os.path.lexists(target) else "write.cannot"
        raise ReporterError(Message(key, name=name, reason=os_reason(exc))) from None


def replaceable(name: str) -> int:
    """The mode a file written at ``name`` gets (its own, or 0666 less the umask for a new one), or a
    :class:`ReporterError` saying why it must not be replaced (see :func:`write_atomic`)."""
    target = os.path.realpath(name)
    try:
        st = os.stat(target)
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask
    except OSError as exc:
        raise _cannot_write(name, exc) from None
    if not stat.S_ISREG(st.st_mode):
        raise ReporterError(Message("write.not_regular", name=name, kind=file_kind(st.st_mode)))
    if not (st.st_mode & 0o222) or not os.access(target, os.W_OK):
        raise ReporterError(Message("write.read_only", name=name))
    if st.st_nlink > 1:
        raise ReporterError(Message("write.hard_link", name=name, count=st.st_nlink))
    return stat.S_IMODE(st.st_mode)


@contextmanager
def replacing(path: str | os.PathLike[str], mode: int | None = None,
              unchanged: Callable[[], bool] | None = None) -> Iterator[str]:
    """A temp file's path beside ``path``: write it in the block; when the block ends normally it is
    renamed over ``path`` (with ``mode`` if given; not when ``unchanged()`` says False: then
    :class:`FileChanged`), and on any error, interrupt or signal it is removed.

    The one temp-file-and-rename of the project (user files through :func:`write_atomic`, the
    cache directly). ``OSError`` propagates; the caller decides whether it is the user's business.
    """

    target = os.fspath(path)
    temp = None
    try:
        with signals_held():  # made and named in one step: a signal cannot fall between the two
            fd, temp = tempfile.mkstemp(prefix=f".{os.path.basename(target)}.", suffix=".tmp",
                                        dir=os.path.dirname(target) or ".")
            os.close(fd)
        yield temp
        if mode is not None:
            os.chmod(temp, mode)
        if unchanged is not None and not unchanged():
            raise FileChanged(target)
        os.replace(temp, target)
    except BaseException:
        if temp is not None:
            with signals_held():
                try:
                    os.unlink(temp)
                except OSError:
                    pass
        raise


class FileChanged(ReporterError):
    """The file changed (an editor saved it) between the read and the rename: nothing was replaced."""

    def __init__(self, path: str) -> None:
        self.path = path
        super().__init__(Message("write.changed_meanwhile", name=path))


def check_own_file(name: str) -> None:
    """Refuse, from ``os.stat`` alone, a target for add's ``--file`` or extract's ``--append`` that is
    not a regular file (or a new one), or one :func:`write_atomic` would refuse to replace (read-only,
    hard-linked): see :func:`own_file_bytes`."""
    fd = descriptor_of(name)
    if fd is not None:
        raise ReporterError(Message("write.descriptor", name=name))
    try:
        st = os.stat(name)
    except FileNotFoundError:
        return
    except OSError as exc:
        raise ReporterError(Message("write.unreadable", name=name, problem=os_reason(exc))) from None
    if not stat.S_ISREG(st.st_mode):
        raise ReporterError(Message("write.not_regular", name=name, kind=file_kind(st.st_mode)))
    replaceable(name)  # read-only, hard links: said before any work, not after it


class OutputTarget(NamedTuple):
    """What writing to ``-o NAME`` means, decided before the output is rendered."""

    name: str  # as given, for messages
    kind: str  # "stdout", "descriptor", "stream" (a FIFO or character device) or "file"
    path: str  # "file": the regular file to replace (a symlink's target); "stream": the path to open
    fd: int | None = None  # "descriptor": the open descriptor to write to


_DESCRIPTOR = re.compile(r"/dev/std(?P<std>in|out|err)|/dev/fd/(?P<fd>\d+)"
                         r"|/proc/(?P<pid>self|thread-self|\d+)(?:/task/\d+)?/fd/(?P<pfd>\d+)")


def descriptor_of(name: str) -> int | None:
    """The descriptor of this process that ``name`` stands for (``/dev/stdout``, ``/dev/fd/3``,
    ``/proc/self/fd/3``, or a symlink to one of them), else None."""
    path = os.path.abspath(name)
    for _ in range(40):  # the kernel's own bound on a chain of symlinks
        path = os.path.join(os.path.realpath(os.path.dirname(path)), os.path.basename(path))
        match = _DESCRIPTOR.fullmatch(path)
        if match:
            if match["std"]:
                return ("in", "out", "err").index(match["std"])
            if match["fd"]:
                return int(match["fd"])
            if match["pid"] in ("self", "thread-self", str(os.getpid())):
                return int(match["pfd"])
            return None  # another process's descriptor: a path like any other
        if not os.path.islink(path):
            return None
        path = os.path.join(os.path.dirname(path), os.readlink(path))
    return None


def output_target(name: str, protected: Iterable[str] = ()) -> OutputTarget:
    """Where ``-o NAME`` writes (see the module's docstring), or a :class:`ReporterError` saying
    why not: ``NAME`` is a directory, socket or block device, or the same file as one of
    ``protected`` (the data files the run read), however it is spelled or linked."""
    if name == "-":
        return OutputTarget(name, "stdout", name)
    fd = descriptor_of(name)
    if fd is not None:
        return OutputTarget(name, "stdout" if fd == 1 else "descriptor", name, fd)
    real = os.path.realpath(name)
    try:
        st = os.stat(real)
    except FileNotFoundError:
        return OutputTarget(name, "file", real)  # a new file (a dangling link: its target, as a shell does)
    except OSError as exc:
        raise _cannot_write(name, exc) from None
    for data_path in protected:
        try:
            same = os.path.samestat(st, os.stat(data_path))
        except OSError:
            continue
        if same:
            which: Message | str = "" if os.path.abspath(name) == os.path.abspath(data_path) \
                else Message("write.which", path=data_path)
            raise ReporterError(Message("write.data_file", name=name, which=which))
    if stat.S_ISREG(st.st_mode):
        return OutputTarget(name, "file", real)
    if stat.S_ISFIFO(st.st_mode) or stat.S_ISCHR(st.st_mode):
        return OutputTarget(name, "stream", real)
    raise ReporterError(Message("write.not_target", name=name, kind=file_kind(st.st_mode)))


def write_output(target: OutputTarget, text: str | Iterable[str], encoding: str = "utf-8") -> None:
    """Write ``text`` (or the chunks it yields) where ``target`` says: a regular file atomically, a pipe
    or device in place.

    A "stdout" target is the caller's to write (it knows the stream's encoding and buffering).
    """
    if target.kind == "file":
        write_atomic(target.path, text, encoding)
        return
    if target.kind == "descriptor":
        assert target.fd is not None
        for chunk in _chunks(text, encoding):
            _write_all(target.name, target.fd, chunk)
        return
    if target.kind != "stream":
        raise ValueError(f"write_output cannot write a {target.kind} target")
    flags = os.O_WRONLY | os.O_NONBLOCK | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_CLOEXEC", 0)
    fd = _open_stream(target, flags)
    try:
        mode = os.fstat(fd).st_mode
        if not (stat.S_ISFIFO(mode) or stat.S_ISCHR(mode)):  # swapped since output_target looked
            raise ReporterError(Message("write.changed", name=target.name, kind=file_kind(mode)))
        os.set_blocking(fd, True)  # its reader is there: write at its pace, as `> fifo` does
        for chunk in _chunks(text, encoding):
            _write_all(target.name, fd, chunk)
    finally:
        os.close(fd)


READER_WAIT = 0.8  # seconds -o waits for a named pipe's reader to open it (one started just after us)


def _open_stream(target: OutputTarget, flags: int) -> int:
    """Open a FIFO or device to write, without blocking: a named pipe whose reader does not come
    within :data:`READER_WAIT` is refused (a plain open would wait for one forever)."""
    deadline = time.monotonic() + READER_WAIT
    while True:
        try:
            return os.open(target.path, flags)
        except OSError as exc:
            if exc.errno != errno.ENXIO:
                raise _cannot_write(target.name, exc) from None
            if time.monotonic() >= deadline:
                raise ReporterError(Message("write.no_reader", name=target.name,
                                            seconds=f"{READER_WAIT:g}")) from None
        time.sleep(0.02)


def _chunks(text: str | bytes | Iterable[str], encoding: str) -> Iterator[bytes]:
    """The bytes of ``text``: itself, or each chunk an iterable of text yields, encoded as it comes."""
    if isinstance(text, bytes):
        yield text
    elif isinstance(text, str):
        yield text.encode(encoding)
    else:
        for chunk in text:
            yield chunk.encode(encoding)


def _write_all(name: str, fd: int, data: bytes) -> None:
    view = memoryview(data)
    try:
        while view:
            view = view[os.write(fd, view):]
    except BrokenPipeError:
        raise ReaderGone from None  # the reader went away: ends the run quietly, like a closed stdout
    except OSError as exc:
        raise _cannot_write(name, exc) from None

