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
  place, as a shell redirection does (a pipe waits for its reader); never replaced by a file;
* anything else (a directory, socket, block device) and any data file the run read: refused.
"""

from __future__ import annotations

import os
import re
import stat
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import NamedTuple

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


def write_atomic(path: str | os.PathLike[str], text: str | bytes | Iterable[str], encoding: str = "utf-8") -> None:
    """Replace the regular file at ``path`` (or make it) with ``text`` (or the chunks of text it yields,
    written as they come: a large export is never held whole), atomically.

    The bytes go to a temp file beside the target, are fsynced, get the old file's mode (a new
    file: 0666 less the umask), and are renamed over the target: an interrupted or failed
    write leaves the original byte-identical. A symlink is followed to its target, which is
    replaced; the link stays. A target that exists but is not a regular file is refused:
    renaming over a pipe or a device node would destroy it (use :func:`write_output`).
    """
    name = os.fspath(path)
    target = os.path.realpath(name)
    try:
        st = os.stat(target)
        if not stat.S_ISREG(st.st_mode):
            raise ReporterError(Message("write.not_regular", name=name, kind=file_kind(st.st_mode)))
        mode = stat.S_IMODE(st.st_mode)
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        mode = 0o666 & ~umask
    except OSError as exc:
        raise _cannot_write(name, exc) from None
    try:
        with replacing(target, mode) as temp, open(temp, "wb") as handle:
            for chunk in _chunks(text, encoding):
                handle.write(chunk)
            handle.flush()
            os.fsync(handle.fileno())
    except OSError as exc:
        raise _cannot_write(name, exc) from None


@contextmanager
def replacing(path: str | os.PathLike[str], mode: int | None = None) -> Iterator[str]:
    """A temp file's path beside ``path``: write it in the block; when the block ends normally it is
    renamed over ``path`` (with ``mode`` if given), and on any error or interrupt it is removed.

    The one temp-file-and-rename of the project (user files through :func:`write_atomic`, the
    cache directly). ``OSError`` propagates; the caller decides whether it is the user's business.
    """
    import tempfile  # only writers pay for it

    target = os.fspath(path)
    fd, temp = tempfile.mkstemp(prefix=f".{os.path.basename(target)}.", suffix=".tmp",
                                dir=os.path.dirname(target) or ".")
    os.close(fd)
    try:
        yield temp
        if mode is not None:
            os.chmod(temp, mode)
        os.replace(temp, target)
    except BaseException:
        try:
            os.unlink(temp)
        except OSError:
            pass
        raise


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
    flags = os.O_WRONLY | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_CLOEXEC", 0)
    try:
        fd = os.open(target.path, flags)  # a FIFO waits here for its reader, as `> fifo` does
    except OSError as exc:
        raise _cannot_write(target.name, exc) from None
    try:
        mode = os.fstat(fd).st_mode
        if not (stat.S_ISFIFO(mode) or stat.S_ISCHR(mode)):  # swapped since output_target looked
            raise ReporterError(Message("write.changed", name=target.name, kind=file_kind(mode)))
        for chunk in _chunks(text, encoding):
            _write_all(target.name, fd, chunk)
    finally:
        os.close(fd)


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

