"""The one safe way to add to a user's data file: insert text, never re-write what is there.

:func:`add_facts` appends facts to a region's block ``facts:`` list (or adds the region's
*addition* block under ``regions:``), :func:`add_region` the skeleton of a new county. Where the
new lines go, with the indentation the file already uses, is planned by :mod:`reporter.curate.insertion`
from the composed node tree's marks: every byte that was in the file stays, in order, comments
and formatting included. A file that does not exist is created with a short header.

Nothing is written that ``reporter check`` would reject: the new text is loaded together with
the other data layers in effect (``load_stack([...layers, candidate])``, the candidate an
anonymous in-memory file: no copy of the user's data goes to the temporary directory), the added
facts must be there, in their region, and plausible against their own quotes, before the file is
replaced atomically (:func:`reporter.data.files.write_atomic`). What cannot be edited safely is
refused in one line naming ``file:line``: a flow-style ``facts: [...]`` or region ``{...}``, tabs
in the indentation, a file that does not read as YAML, or one that changed while we worked.

Every writer goes through :func:`rewrite`: the file's lock is held from the read to the rename,
so writers in several processes at once each add to what the one before wrote, and none is lost.
"""

from __future__ import annotations

import copy
import os
import re
import tempfile
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple, TypeVar

from reporter.cache import load_stack
from reporter.curate import yaml_text as yamlwrite
from reporter.curate.insertion import (
    FactFields,
    Insertion,
    Refused,
    apply,
    holds_data,
    new_lines,
    plan_facts,
    plan_facts_of_regions,
    plan_region,
)
from reporter.data.files import FileChanged, write_atomic
from reporter.data.locks import locked
from reporter.data.paths import data_file_paths, data_options, data_variable
from reporter.data.plausibility import check_quotes
from reporter.data.yaml_file import own_file_bytes
from reporter.errors import DataError, Problem, ReporterError
from reporter.messages import Message, os_reason

if TYPE_CHECKING:
    from reporter.model.records import Origin

__all__ = ["Added", "Insertion", "Refused", "add_facts", "add_facts_of_regions", "plan_facts", "plan_region", "apply",
           "rewrite"]

BOM = "\ufeff"
R = TypeVar("R")


class Added(NamedTuple):
    """What was written: the file, whether it was created, and the lines the new text occupies."""

    path: str
    created: bool
    first_line: int
    last_line: int
    warnings: tuple[Problem, ...] = ()  # what check will warn of in the new lines (a unit slip …)


# --------------------------------------------------------------------------- checking and writing


class Original(NamedTuple):
    """The file as it was read: its bytes (None when it does not exist), its text, a BOM or not."""

    raw: bytes | None
    text: str
    bom: bool

    @classmethod
    def read(cls, path: Path) -> Original:
        """The file through the loader's bounded reader: a FIFO, device, descriptor name or a file over
        the size limit is refused from ``os.stat`` before it is opened (never a hang, never all of /dev/zero)."""

        raw = own_file_bytes(path)  # its refusal (a FIFO, a device, too large) names the file itself
        if raw is None:
            return cls(None, "", False)
        bom = raw.startswith(BOM.encode())
        try:
            return cls(raw, raw.decode("utf-8").removeprefix(BOM), bom)
        except UnicodeDecodeError:
            from reporter.data.yaml_file import decode_utf8

            problems = decode_utf8(raw, str(path))[1]
            raise Refused(str(path), problems[0].line if problems else None,
                          Message("append.unreadable", reason=problems[0].message if problems else "not UTF-8")) \
                from None


def header(path: str | Path, layers: Sequence[str], lang: str = "en") -> str:
    """The first lines of a file reporter creates: what it is and how to use it, in ``lang``; the layers
    by absolute paths (or ~), shell-quoted, so the lines work from any directory."""

    layers = [str(p) for p in layers if os.path.realpath(p) != os.path.realpath(path)] + [str(path)]
    said = Message("append.header", options=data_options(layers),
                   layers=data_variable(layers).removeprefix("REPORTER_DATA=")).text(lang)
    return yamlwrite.block(yamlwrite.comment(line) for line in said.split("\n"))


def layer_files(layers: Sequence[str | Path], target: Path) -> list[str | None]:
    """The data files of the layers in order, None where ``target`` is (at the end if it is none)."""

    real = os.path.realpath(target)
    files: list[str | None] = []
    for layer in layers:
        try:
            found = data_file_paths(str(layer))
        except OSError:
            found = [str(layer)]  # the loader says what is wrong with it
        files += [None if os.path.realpath(f) == real else f for f in found]
    return files if None in files else [*files, None]


class Stack(NamedTuple):
    """The data layers a new text is checked on top of, and whether a cache of the first ones may be read."""

    layers: Sequence[str | Path]
    cached: bool = True


def _load(path: Path, text: str, new_text: str, insertions: Sequence[Insertion],
          stack: Stack) -> tuple[Any, list[int | None], str]:
    """The dataset of the layers with ``path`` holding ``new_text``, each new line's place in the
    file as it is, and the name the new text was loaded under; problems are named in the file."""

    lines = new_lines(text, insertions)
    with checked_copy(path, new_text) as candidate:
        try:
            files = [candidate if f is None else f for f in layer_files(stack.layers, path)
                     if f is not None or holds_data(new_text, str(path))]  # a file of comments only is no data
            return load_stack(files, stack.cached, stack.layers), lines, str(candidate)
        except DataError as exc:
            raise DataError([_named(p, str(candidate), str(path), lines) for p in exc.problems]) from None


@contextmanager
def checked_copy(path: Path, text: str) -> Iterator[str]:
    """A name the loader reads ``text`` under, as the new content of ``path``: an anonymous file in
    memory where the system has them (Linux's memfd, read as /proc/self/fd/N: no copy of the user's
    data ever reaches the disk or the temporary directory, and none outlives the process whatever
    signal ends it), else a private temporary directory removed when the block ends. Failing to
    write it (a full or size-limited temporary directory, ``ulimit -f``) is one clear error."""
    data = text.encode("utf-8")
    try:
        if hasattr(os, "memfd_create") and os.path.isdir("/proc/self/fd"):
            fd = os.memfd_create("reporter-check", getattr(os, "MFD_CLOEXEC", 0))
            try:
                view = memoryview(data)
                while view:
                    view = view[os.write(fd, view):]
                yield f"/proc/self/fd/{fd}"
            finally:
                os.close(fd)
            return
        with tempfile.TemporaryDirectory(prefix="reporter-add-") as directory:
            candidate = Path(directory) / (path.name or "data.yaml")
            candidate.write_bytes(data)
            yield str(candidate)
    except OSError as exc:
        raise ReporterError(Message("append.no_copy", name=str(path), reason=os_reason(exc))) from None


def _named(problem: Problem, candidate: str, path: str, lines: list[int | None]) -> Problem:
    """A problem of the candidate text, named in the file as it is (or as in the text being added)."""

    def place(m: re.Match[str]) -> str:  # "(first at CANDIDATE:12)" names the line in the file as it is
        line = int(m.group(1))
        known = lines[line - 1] if line <= len(lines) else None
        return f"{path}:{known}" if known is not None else f"{path} ({Message('append.new_line', line=line)})"

    def rename(text: str) -> str:
        return re.sub(re.escape(candidate) + r":(\d+)", place, text).replace(candidate, path)

    message = rewritten(problem.message, rename)
    if problem.path != candidate:
        return problem._replace(message=message)
    line = lines[problem.line - 1] if problem.line and problem.line <= len(lines) else problem.line
    if problem.line and line is None:
        return Problem(path, None, None, Message("append.in_new", line=problem.line, problem=message))
    return Problem(path, line, problem.column, message)


def rewritten(message: str | Message, rename: Any) -> str | Message:
    """``message`` with every text in it (a Message's values too, at any depth) passed through ``rename``."""
    if isinstance(message, Message):

        values = {k: rewritten(v, rename) if isinstance(v, str | Message) else v for k, v in message.values.items()}
        renamed = copy.copy(message)  # of its own class: a Named keeps saying its words in each language
        renamed.values = values
        return renamed
    return str(rename(message))


def _write(path: Path, original: Original, new_text: str) -> None:
    """Replace the file atomically (under the lock its caller holds), unless it changed since it was
    read: compared just before the rename, so an editor's save meanwhile is never overwritten."""

    real = Path(os.path.realpath(path))  # a symlink keeps pointing at the file it names

    def unchanged() -> bool:
        try:
            return own_file_bytes(real) == original.raw
        except ReporterError:
            return False

    if not unchanged():
        raise Refused(str(path), None, Message("append.changed"))
    try:
        write_atomic(real, (BOM if original.bom else "") + new_text, unchanged=unchanged)
    except FileChanged:
        raise Refused(str(path), None, Message("append.changed")) from None


def _added(path: Path, original: Original, new_text: str, insertions: Sequence[Insertion]) -> Added:
    lines = new_lines(original.text, insertions)
    new = [i + 1 for i, line in enumerate(lines) if line is None]
    return Added(str(path), original.raw is None, new[0] if new else 0, new[-1] if new else 0)


def rewrite(path: str | Path, edit: Callable[[Path, Original], tuple[str, R]]) -> R:
    """The one way reporter changes a user's data file, for every writer (add, extract --append, and
    the edit, remove and import to come): under the file's lock (:func:`reporter.data.locks.locked`:
    a second writer waits, then reads what this one wrote), the file is read by the loader's bounded
    reader, ``edit`` makes (and checks) its new text, and that replaces the file atomically unless
    the file changed meanwhile (compared again just before the rename)."""

    path = Path(path)
    with locked(path):
        original = Original.read(path)
        new_text, result = edit(path, original)
        _write(path, original, new_text)
        return result


def add_facts(path: str | Path, region: str, facts: Sequence[FactFields], layers: Sequence[str | Path],
              lang: str = "en", *, cached: bool = True) -> Added:
    """Append ``facts`` to ``region`` in the data file ``path``, checked on top of ``layers`` (a cache of
    the first layers read as it is, unless not ``cached``: :func:`reporter.cache.load_stack`). An error
    refuses them; what check would only warn of (a figure 862 times its neighbour) comes back with
    what was written."""
    return rewrite(path, lambda where, original: _facts_added(where, original, region, facts, Stack(layers, cached),
                                                              lang))


def _facts_added(path: Path, original: Original, region: str, facts: Sequence[FactFields],
                 stack: Stack, lang: str) -> tuple[str, Added]:

    start = header(path, [str(p) for p in stack.layers], lang) if original.raw is None else ""
    insertions = plan_facts(original.text, str(path), region, facts, start)
    new_text = apply(original.text, insertions)
    data, lines, loaded_as = _load(path, original.text, new_text, insertions, stack)
    added = [f for f in data.facts_read_from(loaded_as) if f.origin
             and f.origin.line <= len(lines) and lines[f.origin.line - 1] is None]
    if len(added) != len(facts) or any(f.region != region for f in added):
        if data.unfinished:  # the region or source they name is waiting for its fields: say which
            first = data.unfinished[0]
            where = str(path) if first.path == loaded_as else first.path
            line = lines[first.line - 1] if first.path == loaded_as and first.line else first.line
            raise Refused(where, line, Message("append.waits", what=first.message.values.get("what", "")))
        raise Refused(str(path), None, Message("append.not_added"))
    def new(origin: Origin | None) -> bool:
        return origin is not None and origin.path == loaded_as and lines[origin.line - 1] is None

    findings = [f for f in check_quotes(data, only={(f.region, f.metric) for f in added})
                if new(f.subject) or new(f.other)]  # a warning beside a new fact may be said at an old one
    problems = [Problem(str(path), None, None, Message("append.in_new", line=f.problem.line, problem=f.said))
                for f in findings if f.severity == "error" and new(f.subject)]
    if problems:
        raise DataError(problems)
    written = _added(path, original, new_text, insertions)  # the candidate's lines are the lines written

    def renamed(problem: Problem) -> Problem:  # the checked copy named as the user's file
        message = rewritten(problem.message, lambda text: text.replace(loaded_as, str(path)))
        return problem._replace(path=str(path) if problem.path == loaded_as else problem.path, message=message)

    return new_text, written._replace(warnings=tuple(renamed(f.problem) for f in findings
                                                     if f.severity == "warning"))


def add_facts_of_regions(path: str | Path, groups: Sequence[tuple[str, Sequence[FactFields]]],
                         layers: Sequence[str | Path], sources: Sequence[tuple[str, Mapping[str, str]]] = (), *,
                         cached: bool = True) -> Added:
    """:func:`add_facts` for the facts of several regions at once (an imported table), after the new
    ``sources`` entries they name (each an id and its fields): planned on one reading of the
    text, loaded and checked once, written once, under the file's lock (:func:`rewrite`). An error
    refuses them all."""
    return rewrite(path, lambda where, original: _regions_added(where, original, groups, Stack(layers, cached),
                                                                sources))


def _regions_added(path: Path, original: Original, groups: Sequence[tuple[str, Sequence[FactFields]]],
                   stack: Stack, sources: Sequence[tuple[str, Mapping[str, str]]]
                   ) -> tuple[str, Added]:

    start = header(path, [str(p) for p in stack.layers]) if original.raw is None else ""
    insertions = plan_facts_of_regions(original.text, str(path), groups, start, sources)
    text = apply(original.text, insertions)
    data, lines, loaded_as = _load(path, original.text, text, insertions, stack)

    def new(origin: Origin | None) -> bool:
        return origin is not None and origin.path == loaded_as and lines[origin.line - 1] is None

    added = [f for f in data.facts_read_from(loaded_as) if new(f.origin)]
    wanted = sorted((region, len(facts)) for region, facts in groups)
    got: dict[str, int] = {}
    for fact in added:
        got[fact.region] = got.get(fact.region, 0) + 1
    if sorted(got.items()) != sorted((r, n) for r, n in wanted if n):
        raise Refused(str(path), None, Message("append.not_added"))
    findings = [f for f in check_quotes(data, only={(f.region, f.metric) for f in added})
                if new(f.subject) or new(f.other)]
    problems = [Problem(str(path), None, None, Message("append.in_new", line=f.problem.line, problem=f.said))
                for f in findings if f.severity == "error" and new(f.subject)]
    if problems:
        raise DataError(problems)
    written = _added(path, original, text, insertions)

    def renamed(problem: Problem) -> Problem:  # the checked copy named as the user's file
        message = rewritten(problem.message, lambda said: said.replace(loaded_as, str(path)))
        return problem._replace(path=str(path) if problem.path == loaded_as else problem.path, message=message)

    return text, written._replace(warnings=tuple(renamed(f.problem) for f in findings if f.severity == "warning"))
