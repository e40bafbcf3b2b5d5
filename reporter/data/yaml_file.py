"""Read a YAML file into a node tree safely, or say exactly what is wrong with it.

We compose (never construct) with PyYAML's safe C loader when present: nodes keep their
line and column, and every scalar stays the text that was written, so our own code
decides what ``NO``, ``010``, ``1:20`` or ``2020-01-01`` mean. Beyond PyYAML's own
checks we refuse anchors and aliases (alias bombs), explicit non-core tags
(``!!python/object``), non-string keys and duplicate keys at any depth.

Input is bounded three ways, so no file can hang a run or exhaust its memory:

* only a regular file is read: a named pipe, socket or device is refused from ``os.stat``
  before it is opened (opening a FIFO blocks; ``/dev/zero`` never ends), and the file is
  opened non-blocking and checked again with ``fstat`` in case it was swapped meanwhile.
  The one exception is a pipe handed to us as an open descriptor (``--data <(cat FILE)``,
  ``/dev/stdin``): its writer is attached, so it is read to its end like any pipe;
* at most ``MAX_BYTES`` are read, whatever ``st_size`` says (it is 0 for /proc files);
* at most ``NODE_LIMIT`` YAML nodes (keys, values, list items) are composed: each node costs
  a few hundred bytes, so a 16 MB file of ``[a,a,…]`` would take gigabytes. A text whose
  commas, lines and colons alone (:func:`node_estimate`) exceed the limit is refused before
  parsing, in milliseconds; otherwise every node is counted as it is composed.

The limits sit well above real data: the largest compact layout documented in
docs/data-format.md (1.4 million values, 2,850 regions x 50 metrics x 10 years written as
``values: {"2011": …}`` mappings) is 29 MB and 3.8 million nodes.
"""

from __future__ import annotations

import os
import re
import stat
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from reporter.data.files import check_own_file, descriptor_of, file_kind
from reporter.data.input_slips import mended
from reporter.data.paths import is_data_file_name
from reporter.data.yaml_events import Composer, TooManyNodes
from reporter.errors import Problem, ReporterError
from reporter.messages import Message, os_reason

MAX_BYTES = 64 * 1024 * 1024  # far above any curated file; keeps a stray log from eating memory
NODE_LIMIT = 5_000_000  # per file: 30% above the largest documented layout; bounds the time a load takes


def _size(count: int) -> str:
    return f"{count // 2**20} MiB" if count % 2**20 == 0 else f"{count:,} bytes"


def _stat_problem(where: str, st: os.stat_result) -> Problem | None:
    if stat.S_ISDIR(st.st_mode):
        return Problem(where, None, None, Message("file.directory"))
    if not stat.S_ISREG(st.st_mode):
        return Problem(where, None, None, Message("file.special", kind=file_kind(st.st_mode)))
    if st.st_size > MAX_BYTES:
        return Problem(where, None, None, Message("file.too_big", size=f"{st.st_size / 2**20:.0f} MiB",
                                                  limit=_size(MAX_BYTES)))
    return None


def regular_file_problem(path: str | os.PathLike[str]) -> Problem | None:
    """Why ``path`` cannot be read as a data file (missing, a directory, a FIFO, socket or device,
    over the size limit), judged by ``os.stat`` without opening it; None when it can."""
    where = os.fspath(path)
    try:
        st = os.stat(where)
    except FileNotFoundError:
        return Problem(where, None, None, Message("file.missing"))
    except OSError as exc:
        return Problem(where, None, None, Message("file.unreadable", reason=os_reason(exc)))
    return _stat_problem(where, st)


def read_at_most(fd: int, limit: int, expected: int = 0) -> bytes:
    """Up to ``limit + 1`` bytes from ``fd``: one more than allowed, so a caller can tell a file
    over the limit without reading all of it. ``expected`` (``st_size``) only sizes the first read."""
    chunks = []
    left = limit + 1
    want = min(left, expected + 1) if expected > 0 else min(left, 1 << 16)
    while left > 0:
        chunk = os.read(fd, want)
        if not chunk:
            break
        chunks.append(chunk)
        left -= len(chunk)
        want = min(left, 1 << 20)
    return b"".join(chunks)


def read_bytes(path: str | os.PathLike[str]) -> tuple[bytes | None, list[Problem]]:
    """The bytes of the regular file at ``path`` (at most ``MAX_BYTES``), or the problem that stops us.

    A FIFO, socket or device is refused before it is opened; the open is non-blocking and the
    opened file is checked again, so one swapped in between cannot block the read either.
    """
    where = os.fspath(path)
    problem = regular_file_problem(where)
    piped = problem is not None and _inherited_pipe(where)
    if problem is not None and not piped:
        return None, [problem]
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_CLOEXEC", 0)
    try:
        fd = os.open(where, flags)
    except OSError as exc:
        return None, [Problem(where, None, None, Message("file.unreadable", reason=os_reason(exc)))]
    try:
        st = os.fstat(fd)
        problem = None if piped and stat.S_ISFIFO(st.st_mode) else _stat_problem(where, st)
        if problem is not None:
            return None, [problem]
        if piped:
            os.set_blocking(fd, True)  # its writer is attached: wait for its bytes, as any reader of a pipe does
        data = read_at_most(fd, MAX_BYTES, st.st_size)
    except OSError as exc:  # BlockingIOError too: a special file that passed for a regular one
        return None, [Problem(where, None, None, Message("file.unreadable", reason=os_reason(exc)))]
    finally:
        os.close(fd)
    if len(data) > MAX_BYTES:
        return None, [Problem(where, None, None, Message("file.too_big_read", limit=_size(MAX_BYTES)))]
    return data, []


def _inherited_pipe(path: str) -> bool:
    """True for a pipe this process was handed as an open descriptor (``--data <(cat FILE)`` is
    ``/dev/fd/63``, or ``/dev/stdin`` in a pipeline): its writer exists, so reading it ends. A
    named FIFO in the filesystem is refused instead: nothing says anyone will ever write to it."""

    try:
        return descriptor_of(path) is not None and stat.S_ISFIFO(os.stat(path).st_mode)
    except OSError:
        return False


def read_text(path: Path | str, what: str = "UTF-8 YAML text") -> tuple[str | None, list[Problem]]:
    """The file's text (UTF-8, BOM accepted, read with :func:`read_bytes`), or the problems that
    stop us reading it; ``what`` names the expected content in the message for a binary file."""
    data, problems = read_bytes(path)
    if data is None:
        return None, problems
    return decode_utf8(data, str(path), what)


def decode_utf8(data: bytes, where: str, what: str = "UTF-8 YAML text") -> tuple[str | None, list[Problem]]:
    """``data`` as UTF-8 (a BOM dropped), or one problem naming the line and column of the first bad
    byte and, when the bytes read as GB18030 or Big5, that encoding: the usual mis-save here."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    if b"\x00" in data:
        line = data.count(b"\n", 0, data.index(b"\x00")) + 1
        hint = " (UTF-16?)" if data[:2] in (b"\xff\xfe", b"\xfe\xff") else ""
        return None, [Problem(where, line, None, Message("file.binary", hint=hint, what=_what(what)))]
    try:
        return data.decode("utf-8"), []
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        column = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        guess: Message | str = ""
        for encoding in ("gb18030", "big5"):
            try:
                data.decode(encoding)
            except UnicodeDecodeError:
                continue
            guess = Message("file.looks_like", encoding=encoding.upper())
            break
        return None, [Problem(where, line, column, Message("file.not_utf8", byte=f"{data[exc.start]:02x}",
                                                           guess=guess))]


def _what(what: str) -> Message | str:
    return {"UTF-8 YAML text": Message("file.what_yaml"), "UTF-8 text": Message("file.what_text")}.get(what, what)


def node_estimate(text: str) -> int:
    """A quick count of the nodes ``text`` will compose to, from C-speed string counts (no parsing).

    Flow items are separated by commas, block items by line breaks or ``- `` (several on a line
    in ``- - a``), and each ``key: value`` pair holds a node more than its separator shows. In
    data as people and programs write it, each of these marks at least one node, so the
    estimate stays at or below the true count (3.5 million for the 3.8 million nodes of the
    largest documented layout); prose full of commas and colons, or a file of blank lines,
    counts higher.
    """
    return text.count(",") + max(text.count("\n"), text.count("- ")) + text.count(": ")


def _too_many_nodes(where: str, found: str) -> Problem:
    return Problem(where, None, None, Message("yaml.too_many_nodes", found=found, limit=f"{NODE_LIMIT:,}"))


def compose(text: str, where: str) -> tuple[Any, list[Problem]]:
    """Compose one YAML document into nodes (reporter.data.yaml_events); returns (root node or None, problems)."""
    composed = _Composition(text, where)
    root = composed.run(lambda composer: composer.document())
    return root, composed.problems


def compose_sections(text: str, where: str) -> tuple[Any, Iterator[tuple[Any, Any]], list[Problem]]:
    """(root node, its pairs, problems): the root's mapping values are streamed, one entry at a time
    (reporter.data.yaml_events.Composer.sections), so a large ``regions:`` is never held whole. Problems
    found while the pairs are read are appended to the list returned, as they are found."""
    composed = _Composition(text, where)
    started = composed.run(lambda composer: composer.sections(), close=False)
    if started is None:
        return None, iter(()), composed.problems
    root, pairs = started
    return root, composed.guarded(pairs), composed.problems


class _Composition:
    """One run of the composer over a text: its parse errors, limits and problems said as ours."""

    def __init__(self, text: str, where: str) -> None:

        self.where = where
        self.problems: list[Problem] = []
        if "\u3000" in text or "：" in text:

            text, slips = mended(text, where)
            self.problems += slips
        self.text = text
        self.failed = False  # a parse error was met: nothing after it is read
        self.composer = Composer(text, where, NODE_LIMIT)
        self.composer.problems = self.problems

    def run(self, compose_with: Callable[[Any], Any], close: bool = True) -> Any:
        estimate = node_estimate(self.text)
        if estimate > NODE_LIMIT:
            self.problems.append(_too_many_nodes(self.where, f"about {estimate:,}, counting its commas, lines and "
                                                             "colons"))
            return None
        try:
            with self._said():
                result = compose_with(self.composer)
                if result is None or (isinstance(result, tuple) and result[0] is None):
                    self.problems.append(Problem(self.where, 1, None, Message("yaml.empty")))
                    return None
                return result
            return None
        finally:
            if close:
                self.composer.dispose()

    def guarded(self, pairs: Iterator[tuple[Any, Any]]) -> Iterator[tuple[Any, Any]]:
        """The streamed pairs, and the entries of each streamed section; a parse error met on the way is
        a problem, and the end of them all."""
        try:
            with self._said():
                for key, value in pairs:
                    if self.failed:
                        return
                    if isinstance(value.value, Iterator):
                        value.value = self._entries(value.value)
                    yield key, value
                    if self.failed:
                        return
        finally:
            self.composer.dispose()

    def _entries(self, entries: Iterator[tuple[Any, Any]]) -> Iterator[tuple[Any, Any]]:
        if not self.failed:
            with self._said():
                yield from entries

    @contextmanager
    def _said(self) -> Iterator[None]:
        import yaml  # imported here: only loading pays for it

        try:
            yield
            return
        except TooManyNodes:
            self.problems.append(_too_many_nodes(self.where, f"more than {NODE_LIMIT:,}"))
        except yaml.MarkedYAMLError as exc:
            self.problems.append(syntax_problem(exc, self.text, self.where))
        except yaml.YAMLError as exc:
            self.problems.append(Problem(self.where, None, None, Message("yaml.error", message=str(exc))))
        except RecursionError:
            self.problems.append(Problem(self.where, None, None, Message("yaml.too_deep")))
        self.failed = True


def syntax_problem(exc: Any, text: str, where: str) -> Problem:
    """A YAML syntax error said where the mistake is, with a hint for the mistakes people make typing
    YAML on a Chinese keyboard: a full-width colon or comma, a tab, a quote never closed, an
    unquoted ``@`` (PyYAML names the line after the mistake, or the end of the file)."""

    lines = re.split("\r\n|[\r\n\x85\u2028\u2029]", text)  # the line breaks YAML counts

    def line_of(number: int) -> str:
        return lines[number] if 0 <= number < len(lines) else ""

    problem, context = exc.problem_mark, exc.context_mark
    message = " ".join(str(part) for part in (exc.context, exc.problem) if part)
    at = problem or context
    line, column = (at.line, at.column) if at else (0, 0)
    found = line_of(line)[column:column + 1]
    if "expected a single document" in message:
        return Problem(where, line + 1, column + 1, Message("yaml.documents"))
    if context is not None and "quoted scalar" in str(exc.context):
        quote = line_of(context.line)[context.column:context.column + 1]
        return Problem(where, context.line + 1, context.column + 1, Message("yaml.unclosed_quote", quote=quote))
    if found == "\t" or (problem is not None and line_of(line).startswith("\t")):
        return Problem(where, line + 1, 1, Message("yaml.tab"))
    if found == "@":
        return Problem(where, line + 1, column + 1, Message("yaml.at_sign"))
    first = max(0, (context.line if context is not None else line) - 2)
    for number in range(line, first - 1, -1):  # the nearest key written with '：'
        code = line_of(number).split("#", 1)[0]
        colon = code.find("：")
        if colon >= 0 and ":" not in code[:colon]:  # where the key's colon should be, not inside a value
            return Problem(where, number + 1, colon + 1, Message("yaml.full_width_colon"))
    if context is not None and "flow" in str(exc.context) and context.line == line:
        comma = line_of(line).find("，", context.column, column + 1)  # items parted by a full-width comma
        if comma >= 0:
            return Problem(where, line + 1, comma + 1, Message("yaml.full_width_comma"))
    if context is not None and "could not find expected ':'" in message:
        return Problem(where, context.line + 1, context.column + 1, Message("yaml.no_colon"))
    said = _parser_words(exc.problem or "", found)
    return Problem(where, line + 1 if at else None, column + 1 if at else None,
                   Message("yaml.syntax", message=said or message))


# what PyYAML says (in English) of the slips people make most, said in reporter's words (either language)
_PARSER_WORDS = (("mapping values are not allowed", "yaml.mapping_here"), ("did not find expected key", "yaml.indent"),
                 ("expected <block end>", "yaml.indent"), ("did not find expected '-' indicator", "yaml.dash"),
                 ("found character that cannot start any token", "yaml.bad_start"))


def _parser_words(problem: str, found: str) -> Message | None:
    key = next((key for words, key in _PARSER_WORDS if words in problem), None)
    return Message(key, char=found) if key == "yaml.bad_start" else Message(key) if key else None


def data_files(path: Path) -> tuple[list[Path], list[Problem]]:
    """The YAML files behind a data path: the file itself, or a directory's *.yaml / *.yml."""
    if path.is_dir():
        try:
            names = sorted(os.listdir(path))
        except OSError as exc:
            return [], [Problem(str(path), None, None, Message("dir.unlistable", reason=os_reason(exc)))]
        files = [path / n for n in names if is_data_file_name(n)]
        if not files:
            return [], [Problem(str(path), None, None, Message("dir.empty"))]
        return files, []
    if not path.exists():
        return [], [Problem(str(path), None, None, Message("file.missing"))]
    return [path], []


def own_file_bytes(path: str | os.PathLike[str]) -> bytes | None:
    """The bytes of the user's file ``path`` that is about to be rewritten (None: it does not exist
    yet), read by the loader's bounded reader; a :class:`ReporterError` when it is not a file to
    rewrite: a name of an open descriptor (``/dev/stdout``, ``/dev/fd/3``), a FIFO, device, socket
    or directory (refused from ``os.stat``, before anything is opened), or over the size limit."""
    name = os.fspath(path)
    check_own_file(name)
    if not os.path.lexists(name) or not os.path.exists(name):
        return None
    data, problems = read_bytes(name)
    if data is None:
        raise ReporterError(Message("write.unreadable", name=name, problem=problems[0].message))
    return data


def own_file_text(path: str | os.PathLike[str]) -> str:
    """The text of the user's file ``path`` (UTF-8, a BOM dropped; "" when it does not exist yet), read
    as :func:`own_file_bytes` reads it; ``UnicodeDecodeError`` for other bytes."""
    data = own_file_bytes(path)
    return "" if data is None else data.decode("utf-8-sig")
