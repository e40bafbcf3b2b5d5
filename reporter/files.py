"""Writing files so that no interruption can leave one truncated or half-written.

:func:`replacing` is the one way reporter replaces a file (a user's export, the cache): write a
temp file beside it, then rename it over the target, so readers see the old file or the new one,
never a mix. :func:`write_atomic` is that for text, made durable (fsync, mode kept) for the files
users own.
"""

from __future__ import annotations

import os
import stat
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from reporter.errors import ReporterError


@contextmanager
def replacing(path: str | Path, mode: int | None = None) -> Iterator[str]:
    """A temp file's path beside ``path``: write it in the block; when the block ends normally it is
    renamed over ``path`` (with ``mode`` if given), and on any error or interrupt it is removed.

    ``OSError`` propagates; the caller decides whether a failure is the user's business.
    """
    target = Path(path)
    directory = target.parent if str(target.parent) else Path(".")
    fd, temp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=directory)
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


def write_atomic(path: Path, text: str, encoding: str = "utf-8") -> None:
    """Write ``text`` to a temp file beside ``path``, fsync it, keep the old mode, then replace.

    An interrupted or failed write leaves the original byte-identical.
    """
    try:
        mode = stat.S_IMODE(path.stat().st_mode)
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        mode = 0o666 & ~umask
    except OSError as exc:
        raise ReporterError(f"{path}: cannot write: {exc.strerror or exc}") from None
    try:
        with replacing(path, mode) as temp, open(temp, "w", encoding=encoding, newline="") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
    except OSError as exc:
        raise ReporterError(f"{path}: cannot write: {exc.strerror or exc}") from None
