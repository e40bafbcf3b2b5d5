"""A source text as read from a file: plain text in UTF-8 or GB18030, an HTML page saved from a
browser, or a .docx document (their text only, with the standard library; nothing is fetched).

Split from :mod:`reporter.curate.extract`.
"""

from __future__ import annotations

import io
import zipfile
from html.parser import HTMLParser
from pathlib import Path
from typing import NamedTuple
from xml.etree import ElementTree

from reporter.data.yaml_file import decode_utf8, read_bytes
from reporter.errors import DataError, Problem
from reporter.messages import Message

__all__ = ["SourceText", "read_source", "read_source_text"]


ZIP_MAGIC = b"PK\x03\x04"  # a .docx is a zip archive
DOCX_BODY = "word/document.xml"
MAX_XML = 64 * 1024 * 1024  # the document's XML, unpacked: a zip bomb is refused, not unpacked
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
BLOCKS = {"p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "table", "section", "article",
          "blockquote", "pre", "title", "dd", "dt", "header", "footer"}  # an HTML tag that ends a line
HIDDEN = {"script", "style", "noscript", "template", "head"}  # whose text is no part of the page's words


class SourceText(NamedTuple):
    """A source text as read, and how (``utf-8``, ``gb18030``, or ``docx``: a Word document's text)."""

    text: str
    encoding: str


def read_source(path: str | Path) -> SourceText:
    """A source text: UTF-8 (a BOM is fine), or GB18030, the older Chinese encoding many bureau files
    are still saved in (the caller says it was read so). Anything else, binary data or bytes that
    are no Chinese text in GB18030 (Big5, Latin-1), is a :class:`DataError` with the hint to re-save
    it as UTF-8."""

    data, problems = read_bytes(Path(path))
    if data is None:
        raise DataError(problems)
    if data.startswith(ZIP_MAGIC):
        return SourceText(docx_text(data, str(path)), "docx")
    text, problems = decode_utf8(data, str(path), "UTF-8 text")
    if text is not None:
        return SourceText(html_text(text) if looks_like_html(text) else text, "utf-8")
    wrong = problems[0]
    if not isinstance(wrong.message, Message) or wrong.message.key != "file.not_utf8":
        raise DataError(problems)  # binary: no encoding helps
    chinese = _gb18030(data)
    if chinese is not None:
        return SourceText(html_text(chinese) if looks_like_html(chinese) else chinese, "gb18030")
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


def looks_like_html(text: str) -> bool:
    """Whether a text is an HTML page (saved from a browser): it opens with a doctype or <html>."""
    head = text.lstrip("\ufeff \t\r\n")[:200].lower()
    return head.startswith(("<!doctype html", "<html", "<?xml")) and "<html" in text[:4096].lower()


class _PageText(HTMLParser):
    """The words of an HTML page, one line per block (p, div, br, li, tr …), without scripts and styles."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.hidden = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in HIDDEN:
            self.hidden += 1
        elif tag in BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in HIDDEN:
            self.hidden = max(0, self.hidden - 1)
        elif tag in BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.hidden:
            self.parts.append(" ".join(data.split("\n")) if "\n" in data else data)


def html_text(page: str) -> str:
    """The text of an HTML page: its words, a line per block, blank lines collapsed."""
    parser = _PageText()
    parser.feed(page)
    parser.close()
    lines = [line.replace("\xa0", " ").strip() for line in "".join(parser.parts).split("\n")]  # &nbsp; a space
    out: list[str] = []
    for line in lines:
        if line or (out and out[-1]):
            out.append(line)
    return "\n".join(out).strip("\n") + "\n"


def docx_text(data: bytes, path: str) -> str:
    """The text of a .docx document: its body's paragraphs, one per line (standard library only)."""

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            info = archive.getinfo(DOCX_BODY)
            if info.file_size > MAX_XML:
                raise DataError([Problem(path, None, None, Message("extract.docx_too_big", size=info.file_size))])
            root = ElementTree.fromstring(archive.read(info))
    except (KeyError, zipfile.BadZipFile, ElementTree.ParseError, OSError, RuntimeError):
        raise DataError([Problem(path, None, None, Message("extract.not_docx"))]) from None
    lines = []
    for paragraph in root.iter(f"{W}p"):
        said = []
        for node in paragraph.iter():
            if node.tag == f"{W}t" and node.text:
                said.append(node.text)
            elif node.tag in (f"{W}tab",):
                said.append("\t")
            elif node.tag in (f"{W}br", f"{W}cr"):
                said.append("\n")
        lines.append("".join(said))
    return "\n".join(lines) + "\n"
