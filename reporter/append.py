"""The one safe way to add to a user's data file: insert text, never re-write what is there.

:func:`add_facts` appends facts to a region's block ``facts:`` list (or adds the region's
*addition* block under ``regions:``), :func:`add_region` the skeleton of a new county. Both
find where to write by the marks of the composed node tree (:mod:`reporter.yamlfile`) and
insert new lines there, with the indentation the file already uses: every byte that was in
the file stays, in order, comments and formatting included. A file that does not exist is
created with a short header.

Nothing is written that ``reporter check`` would reject: the new text is loaded together with
the other data layers in effect (``load_dataset([...layers, candidate])``), the added facts must
be there, in their region, and plausible against their own quotes, before the file is replaced
atomically (:func:`reporter.files.write_atomic`). What cannot be edited safely is refused in one
line naming ``file:line``: a flow-style ``facts: [...]`` or region ``{...}``, tabs in the
indentation, a file that does not read as YAML, or one that changed while we worked.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any, NamedTuple

from reporter import yamlwrite
from reporter.errors import DataError, Problem, ReporterError
from reporter.messages import Message

__all__ = ["Added", "Insertion", "Refused", "add_facts", "add_region", "plan_facts", "plan_region", "apply"]

FactFields = Mapping[str, str | int | None]
BOM = "\ufeff"


class Refused(ReporterError):
    """The file cannot be edited safely (or changed meanwhile): nothing was written."""

    def __init__(self, path: str, line: int | None, said: Message) -> None:
        self.path, self.line, self.said = path, line, said
        super().__init__(self.text("en"))

    def text(self, lang: str = "en") -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.said.text(lang)}"


class Insertion(NamedTuple):
    """Text to insert before character ``at`` of the original text."""

    at: int
    text: str


class Added(NamedTuple):
    """What was written: the file, whether it was created, and the lines the new text occupies."""

    path: str
    created: bool
    first_line: int
    last_line: int


def apply(text: str, insertions: Sequence[Insertion]) -> str:
    """``text`` with every insertion made (each at an offset of the original text)."""
    out, done = [], 0
    for ins in sorted(insertions, key=lambda i: i.at):
        out += [text[done:ins.at], ins.text]
        done = ins.at
    return "".join(out) + text[done:]


# --------------------------------------------------------------------------- reading the tree


def _node(text: str, where: str) -> Any:
    """The file's root node (None for a file of comments only), or :class:`Refused`."""
    for number, line in enumerate(text.split("\n"), 1):
        indent = line[:len(line) - len(line.lstrip(" \t"))]
        if "\t" in indent:
            raise Refused(where, number, Message("append.tab"))
    if not text.strip():
        return None
    from reporter.yamlfile import compose

    root, problems = compose(text, where)
    if problems and not problems[0].message.startswith("empty file"):
        first = problems[0]
        raise Refused(where, first.line, Message("append.not_yaml", problem=first.message))
    return root


def _kind(node: Any) -> str:
    """'block' or 'flow' mapping/sequence, 'empty' (no value), or 'scalar'."""
    import yaml

    if isinstance(node, yaml.ScalarNode):
        return "empty" if node.value == "" and not node.style else "scalar"
    return ("flow " if node.flow_style else "block ") + ("mapping" if isinstance(node, yaml.MappingNode)
                                                         else "sequence")


def _get(mapping: Any, name: str) -> tuple[Any, Any] | None:
    return next(((k, v) for k, v in mapping.value if k.value == name), None)


def _end(node: Any) -> int:
    """The offset just after a node's last character of content (block collections' own end marks
    point at the next token, past comments: their last child's end is used instead)."""
    kind = _kind(node)
    if kind.startswith("block") and node.value:
        last = node.value[-1]
        return max(_end(last[0]), _end(last[1])) if kind == "block mapping" else _end(last)
    return int(node.end_mark.index)


def _line_after(text: str, offset: int) -> int:
    """Where the line holding ``offset`` ends (a block scalar's end is already a line's start)."""
    if offset > 0 and text[offset - 1] == "\n":
        return offset
    newline = text.find("\n", offset)
    return len(text) if newline < 0 else newline + 1


def _refuse_unless(node: Any, allowed: tuple[str, ...], text_where: str, what: str) -> str:
    kind = _kind(node)
    if kind in allowed:
        return kind
    key = "append.flow" if kind.startswith("flow") else "append.wrong_kind"
    raise Refused(text_where, node.start_mark.line + 1, Message(key, what=what, found=kind))


class _Style(NamedTuple):
    """How the file indents: a section's entries, an entry's fields, a list's dashes, an item's fields."""

    entry: int = 2
    step: int = 2
    dash: int = 2
    item: int = 2


def _style(root: Any) -> _Style:
    """The indentation the file already uses, read from its first region with a block facts list."""
    regions = _get(root, "regions") if root is not None and _kind(root) == "block mapping" else None
    if regions is None or _kind(regions[1]) != "block mapping" or not regions[1].value:
        return _Style()
    key, entry = regions[1].value[0]
    style = _Style(key.start_mark.column, 2, 2, 2)
    for _, value in regions[1].value:
        facts = _get(value, "facts") if _kind(value) == "block mapping" else None
        if facts is not None and _kind(facts[1]) == "block sequence" and facts[1].value:
            step = facts[0].start_mark.column - key.start_mark.column
            dash = facts[1].start_mark.column - facts[0].start_mark.column
            first = facts[1].value[0]
            item = first.start_mark.column - facts[1].start_mark.column if _kind(first) == "block mapping" else 2
            return _Style(key.start_mark.column, max(step, 1), max(dash, 0), max(item, 2))
    return style


# --------------------------------------------------------------------------- planning


class _Part(NamedTuple):
    at: int
    lines: list[str]
    new_section: bool = False  # a section added at the end of the file goes after entries added there


def _finish(text: str, parts: list[_Part], header: str) -> list[Insertion]:
    """The parts as insertions: one per offset, entries of existing sections before new sections,
    a line break first where the last line has none, the header first in a new file."""
    nl = "\r\n" if "\r\n" in text else "\n"
    out: list[Insertion] = []
    for part in sorted(parts, key=lambda p: (p.at, p.new_section)):
        chunk = yamlwrite.block(part.lines, nl)
        if out and out[-1].at == part.at:
            out[-1] = out[-1]._replace(text=out[-1].text + chunk)
        else:
            out.append(Insertion(part.at, _lead(text, part.at) + chunk))
    if not text and out:
        out[0] = out[0]._replace(text=header + out[0].text)
    return out


def _lead(text: str, at: int) -> str:
    """A line break first when inserting at the end of a last line that has none."""
    return ("\r\n" if "\r\n" in text else "\n") if at == len(text) and text and not text.endswith("\n") else ""


def plan_facts(text: str, where: str, region: str, facts: Sequence[FactFields],
               header: str = "") -> list[Insertion]:
    """Where and what to insert so that ``facts`` join ``region``'s facts in this file: at the end
    of its block ``facts:`` list, or a ``facts:`` list added to its entry, or an addition entry
    (``ID: facts: …``) at the end of ``regions:`` (added too when missing)."""
    root = _node(text, where)
    style = _style(root)

    def items(dash: int, item: int) -> list[str]:
        return [line for fact in facts for line in yamlwrite.fact_lines(fact, dash, dash + item)]

    entry = _region_entry(where, root, region)
    if entry is None:  # no entry for the region in this file: an addition at the end of regions:
        lines = [f"{' ' * style.step}facts:", *items(style.step + style.dash, style.item)]
        return _finish(text, [_add_entry(text, where, root, "regions", region, lines, style)], header)
    key, value = entry
    kind = _refuse_unless(value, ("block mapping", "empty"), where, f"region '{region}'")
    field_column = key.start_mark.column + style.step if kind == "empty" else value.start_mark.column
    facts_entry = _get(value, "facts") if kind == "block mapping" else None
    if facts_entry is None:
        lines = [f"{' ' * field_column}facts:", *items(field_column + style.dash, style.item)]
        at = _line_after(text, _end(value) if kind == "block mapping" else value.end_mark.index)
        return _finish(text, [_Part(at, lines)], header)
    facts_key, facts_list = facts_entry
    kind = _refuse_unless(facts_list, ("block sequence", "empty"), where, f"facts: of region '{region}'")
    if kind == "empty":
        lines = items(facts_key.start_mark.column + style.dash, style.item)
        at = _line_after(text, facts_list.end_mark.index)
    else:
        first = facts_list.value[0]
        item = first.start_mark.column - facts_list.start_mark.column if _kind(first) == "block mapping" else 2
        lines = items(facts_list.start_mark.column, max(item, 2))
        at = _line_after(text, _end(facts_list))
    return _finish(text, [_Part(at, lines)], header)


def _region_entry(where: str, root: Any, region: str) -> tuple[Any, Any] | None:
    """The region's entry under ``regions:`` in this file, if any."""
    if root is None:
        return None
    _refuse_unless(root, ("block mapping",), where, "the file")
    regions = _get(root, "regions")
    if regions is None:
        return None
    kind = _refuse_unless(regions[1], ("block mapping", "empty"), where, "regions:")
    return _get(regions[1], region) if kind == "block mapping" else None


def _add_entry(text: str, where: str, root: Any, section: str, ident: str, lines: list[str],
               style: _Style) -> _Part:
    """An entry ``ident:`` with ``lines`` (indented as for an entry at column 0) at the end of a
    top-level section, which is added at the end of the file's mapping when missing."""
    found = _get(root, section) if root is not None else None
    if found is None:
        entry = [f"{section}:", f"{' ' * style.entry}{yamlwrite.key(ident)}:",
                 *(" " * style.entry + line for line in lines)]
        return _Part(_line_after(text, _end(root)) if root is not None else len(text), entry, True)
    key, value = found
    kind = _refuse_unless(value, ("block mapping", "empty"), where, f"{section}:")
    column = value.value[0][0].start_mark.column if kind == "block mapping" and value.value \
        else key.start_mark.column + style.entry
    entry = [f"{' ' * column}{yamlwrite.key(ident)}:", *(" " * column + line for line in lines)]
    return _Part(_line_after(text, _end(value) if kind == "block mapping" else value.end_mark.index), entry)


def plan_region(text: str, where: str, region: str, given: Mapping[str, str] | None = None,
                source: str | None = None, new_source: bool = False, header: str = "") -> list[Insertion]:
    """Where and what to insert for a new region's skeleton (and its new source's, when
    ``new_source``): every required field named, the unknown ones ``""  # TODO``."""
    root = _node(text, where)
    if root is not None:
        _refuse_unless(root, ("block mapping",), where, "the file")
    style = _style(root)
    parts = []
    if source and new_source:
        skeleton = yamlwrite.source_skeleton(source, 0, style.step)
        parts.append(_add_entry(text, where, root, "sources", source, skeleton[1:], style))
    skeleton = yamlwrite.region_skeleton(region, 0, style.step, given, source)
    parts.append(_add_entry(text, where, root, "regions", region, skeleton[1:], style))
    return _finish(text, parts, header)


# --------------------------------------------------------------------------- checking and writing


class _Original(NamedTuple):
    """The file as it was read: its bytes (None when it does not exist), its text, a BOM or not."""

    raw: bytes | None
    text: str
    bom: bool

    @classmethod
    def read(cls, path: Path) -> _Original:
        try:
            raw = path.read_bytes()
        except FileNotFoundError:
            return cls(None, "", False)
        except OSError as exc:
            raise Refused(str(path), None, Message("append.unreadable", reason=exc.strerror or str(exc))) from None
        bom = raw.startswith(BOM.encode())
        try:
            return cls(raw, raw.decode("utf-8").removeprefix(BOM), bom)
        except UnicodeDecodeError:
            from reporter.yamlfile import read_text

            problems = read_text(path)[1]
            raise Refused(str(path), problems[0].line if problems else None,
                          Message("append.unreadable", reason=problems[0].message if problems else "not UTF-8")) \
                from None


def header(path: str | Path, layers: Sequence[str]) -> str:
    """The first lines of a file reporter creates: what it is and how to use it."""
    from reporter.paths import BUNDLED, bundled_data_path

    below = [BUNDLED if os.path.realpath(p) == os.path.realpath(bundled_data_path()) else str(p) for p in layers
             if os.path.realpath(p) != os.path.realpath(path)]
    options = " ".join(f"--data {p}" for p in [*below, str(path)])
    return yamlwrite.block(yamlwrite.comment(line) for line in (
        "# Your own reporter data, layered on other data (docs/data-format.md):",
        f"#   reporter {options} check",
        f"# Make it the default: export REPORTER_DATA={':'.join([*below, str(path)])}"))


def _layer_files(layers: Sequence[str | Path], target: Path) -> list[str | None]:
    """The data files of the layers in order, None where ``target`` is (at the end if it is none)."""
    from reporter.paths import data_file_paths

    real = os.path.realpath(target)
    files: list[str | None] = []
    for layer in layers:
        try:
            found = data_file_paths(str(layer))
        except OSError:
            found = [str(layer)]  # the loader says what is wrong with it
        files += [None if os.path.realpath(f) == real else f for f in found]
    return files if None in files else [*files, None]


def _new_lines(text: str, insertions: Sequence[Insertion]) -> list[int | None]:
    """For each line of the new text, its line number in the original text (None: inserted)."""
    out: list[int | None] = []
    original, done = 0, 0
    for ins in sorted(insertions, key=lambda i: i.at):
        lead = ins.text[:len(_lead(text, ins.at))]
        chunk = text[done:ins.at] + lead
        for _ in range(chunk.count("\n")):
            original += 1
            out.append(original)
        out += [None] * (ins.text.count("\n") - lead.count("\n"))
        done = ins.at
    rest = text[done:].count("\n") + (0 if text.endswith("\n") or done == len(text) else 1)
    out += list(range(original + 1, original + 1 + rest))
    return out


def _load(path: Path, text: str, new_text: str, insertions: Sequence[Insertion],
          layers: Sequence[str | Path]) -> tuple[Any, list[int | None], str]:
    """The dataset of the layers with ``path`` holding ``new_text``, each new line's place in the
    file as it is, and the name the new text was loaded under; problems are named in the file."""
    from reporter.load import load_dataset

    lines = _new_lines(text, insertions)
    with tempfile.TemporaryDirectory(prefix="reporter-add-") as directory:
        candidate = Path(directory) / (path.name or "data.yaml")
        candidate.write_text(new_text, encoding="utf-8")
        try:
            files = [candidate if f is None else f for f in _layer_files(layers, path)
                     if f is not None or _node(new_text, str(path)) is not None]  # a file of comments only is no data
            return load_dataset(files), lines, str(candidate)
        except DataError as exc:
            raise DataError([_named(p, str(candidate), str(path), lines) for p in exc.problems]) from None


def _named(problem: Problem, candidate: str, path: str, lines: list[int | None]) -> Problem:
    """A problem of the candidate text, named in the file as it is (or as in the text being added)."""
    import re

    def place(m: re.Match[str]) -> str:  # "(first at CANDIDATE:12)" names the line in the file as it is
        line = int(m.group(1))
        known = lines[line - 1] if line <= len(lines) else None
        return f"{path}:{known}" if known is not None else f"{path} ({Message('append.new_line', line=line)})"

    message = re.sub(re.escape(candidate) + r":(\d+)", place, problem.message).replace(candidate, path)
    if problem.path != candidate:
        return problem._replace(message=message)
    line = lines[problem.line - 1] if problem.line and problem.line <= len(lines) else problem.line
    if problem.line and line is None:
        return Problem(path, None, None, str(Message("append.in_new", line=problem.line, problem=message)))
    return Problem(path, line, problem.column, message)


def _write(path: Path, original: _Original, new_text: str) -> None:
    """Replace the file atomically, unless it changed since it was read."""
    from reporter.files import write_atomic

    real = Path(os.path.realpath(path))  # a symlink keeps pointing at the file it names
    try:
        now: bytes | None = real.read_bytes()
    except FileNotFoundError:
        now = None
    except OSError:
        now = b""
    if now != original.raw:
        raise Refused(str(path), None, Message("append.changed"))
    write_atomic(real, (BOM if original.bom else "") + new_text)


def _added(path: Path, original: _Original, new_text: str, insertions: Sequence[Insertion]) -> Added:
    lines = _new_lines(original.text, insertions)
    new = [i + 1 for i, line in enumerate(lines) if line is None]
    return Added(str(path), original.raw is None, new[0] if new else 0, new[-1] if new else 0)


def add_facts(path: str | Path, region: str, facts: Sequence[FactFields], layers: Sequence[str | Path]) -> Added:
    """Append ``facts`` to ``region`` in the data file ``path``, checked on top of ``layers``."""
    from reporter.plausibility import check_fact

    path = Path(path)
    original = _Original.read(path)
    start = header(path, [str(p) for p in layers]) if original.raw is None else ""
    insertions = plan_facts(original.text, str(path), region, facts, start)
    new_text = apply(original.text, insertions)
    data, lines, loaded_as = _load(path, original.text, new_text, insertions, layers)
    added = [f for f in data.facts if f.origin and f.origin.path == loaded_as
             and f.origin.line <= len(lines) and lines[f.origin.line - 1] is None]
    if len(added) != len(facts) or any(f.region != region for f in added):
        raise Refused(str(path), None, Message("append.not_added"))
    problems = [Problem(str(path), None, None, str(Message("append.in_new", line=f.origin.line if f.origin else 0,
                                                                problem=finding.message("en"))))
                for f in added for finding in check_fact(f) if finding.severity == "error"]
    if problems:
        raise DataError(problems)
    _write(path, original, new_text)
    return _added(path, original, new_text, insertions)


def add_region(path: str | Path, region: str, layers: Sequence[str | Path], given: Mapping[str, str] | None = None,
               source: str | None = None) -> Added:
    """Write the skeleton of a new region (and of its source, when ``source`` is new) into ``path``.

    The fields not ``given`` are written ``""  # TODO``, which check refuses until they are filled;
    everything else must load: the skeleton is checked with placeholders in the TODO fields."""
    path = Path(path)
    original = _Original.read(path)
    current = _load(path, original.text, original.text, [], layers)[0]
    if region in current.regions:
        where = current.regions[region].origin
        raise Refused(str(path), None, Message("append.exists", id=region,
                                               where=f"{where.path}:{where.line}" if where else "?"))
    start = header(path, [str(p) for p in layers]) if original.raw is None else ""
    insertions = plan_region(original.text, str(path), region, given, source,
                             bool(source) and source not in current.sources, start)
    filled = [ins._replace(text=_placeholders(ins.text)) for ins in insertions]
    data = _load(path, original.text, apply(original.text, filled), filled, layers)[0]
    if region not in data.regions:
        raise Refused(str(path), None, Message("append.not_added"))
    new_text = apply(original.text, insertions)
    _write(path, original, new_text)
    return _added(path, original, new_text, insertions)


def _placeholders(text: str) -> str:
    """The skeleton with each TODO field given a value the loader accepts (for checking its shape)."""
    import re

    values = {"level": "county", "date": "2020"}

    def fill(m: re.Match[str]) -> str:
        return "" if m.group(2) == "source" else f'{m.group(1)}{m.group(2)}: "{values.get(m.group(2), "x")}"\n'

    return re.sub(r'^( *)(\w+): ""  # TODO[^\n]*\n', fill, text, flags=re.M)
