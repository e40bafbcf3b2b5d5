"""Writing a user's file so that no interruption can leave it truncated or half-written."""

from __future__ import annotations

import os
import stat
import tempfile
from pathlib import Path

from reporter.errors import ReporterError


def write_atomic(path: Path, text: str, encoding: str = "utf-8") -> None:
    """Write ``text`` to a temp file beside ``path``, fsync it, keep the old mode, then replace.

    An interrupted or failed write leaves the original byte-identical.
    """
    directory = path.parent if str(path.parent) else Path(".")
    try:
        mode = stat.S_IMODE(path.stat().st_mode)
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        mode = 0o666 & ~umask
    except OSError as exc:
        raise ReporterError(f"{path}: cannot write: {exc.strerror or exc}") from None
    try:
        fd, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=directory)
    except OSError as exc:
        raise ReporterError(f"{path}: cannot write: {exc.strerror or exc}") from None
    try:
        with os.fdopen(fd, "w", encoding=encoding, newline="") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temp, mode)
        os.replace(temp, path)
    except BaseException as exc:
        try:
            os.unlink(temp)
        except OSError:
            pass
        if isinstance(exc, OSError):
            raise ReporterError(f"{path}: cannot write: {exc.strerror or exc}") from None
        raise
