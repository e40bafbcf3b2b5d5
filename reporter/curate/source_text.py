"""A source text as read from a file: plain text in UTF-8 or GB18030, an HTML page saved from a
browser, or a .docx document (their text only, with the standard library; nothing is fetched).

Split from :mod:`reporter.curate.extract`.
"""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

from reporter.errors import DataError, Problem
from reporter.messages import Message

__all__ = ["SourceText", "read_source", "read_source_text"]


class SourceText(NamedTuple):
    """A source text as read, and the encoding it was read in (``utf-8`` or ``gb18030``)."""

    text: str
    encoding: str


def read_source(path: str | Path) -> SourceText:
    """A source text: UTF-8 (a BOM is fine), or GB18030, the older Chinese encoding many bureau files
    are still saved in (the caller says it was read so). Anything else, binary data or bytes that
    are no Chinese text in GB18030 (Big5, Latin-1), is a :class:`DataError` with the hint to re-save
    it as UTF-8."""
    from reporter.data.yaml_file import decode_utf8, read_bytes

    data, problems = read_bytes(Path(path))
    if data is None:
        raise DataError(problems)
    text, problems = decode_utf8(data, str(path), "UTF-8 text")
    if text is not None:
        return SourceText(text, "utf-8")
    wrong = problems[0]
    if not isinstance(wrong.message, Message) or wrong.message.key != "file.not_utf8":
        raise DataError(problems)  # binary: no encoding helps
    chinese = _gb18030(data)
    if chinese is not None:
        return SourceText(chinese, "gb18030")
    guess: Message | str = ""
    try:
        data.decode("big5")
        guess = Message("file.looks_like", encoding="BIG5")
    except UnicodeDecodeError:
        pass
    raise DataError([Problem(wrong.path, wrong.line, wrong.column,
                             Message("file.not_utf8", byte=wrong.message.values["byte"], guess=guess))])


def _gb18030(data: bytes) -> str | None:
    """``data`` as GB18030 when it reads as Chinese text: nearly every character outside ASCII one of
    GB2312's common set. Big5 or Latin-1 bytes also decode as GB18030 now and then, into characters
    few texts use; those are refused."""
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError:
        return None
    wide = [ch for ch in text if ord(ch) > 0x7F]
    common = sum(1 for ch in wide if _in_gb2312(ch))
    return text if wide and common >= 0.95 * len(wide) else None


def _in_gb2312(ch: str) -> bool:
    try:
        ch.encode("gb2312")
    except UnicodeEncodeError:
        return False
    return True


def read_source_text(path: str | Path) -> str:
    """The text of :func:`read_source`, whatever its encoding."""
    return read_source(path).text
