"""Where new text goes in a YAML data file, read from the composed node tree's marks (pure).

:func:`plan_facts` and :func:`plan_region` return :class:`Insertion` values: text to insert at an
offset of the file's text, never a change to what is there. New lines take the indentation and
line endings the file already uses; a block list grows at its end, after its last item's last
character of content (a block scalar keeps its trailing blank lines; comments after the list stay
where they are). What cannot be edited so is :class:`Refused` with its line: flow-style
collections (``facts: [...]``, ``{...}``), tabs in the indentation, text that is not YAML.
:mod:`reporter.curate.append` checks and writes what is planned here.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any, NamedTuple

from reporter.curate import yaml_text as yamlwrite
from reporter.data.yaml_events import MappingNode, is_scalar
from reporter.data.yaml_file import compose, own_file_text, read_text
from reporter.errors import ReporterError
from reporter.messages import Message
from reporter.model.records import Region

__all__ = ["FactFields", "Insertion", "Refused", "apply", "entry_source", "holds_data", "new_lines",
           "own_default_source", "plan_entry", "plan_facts", "plan_facts_of_regions", "plan_region", "source_needed"]

FactFields = Mapping[str, str | int | None]


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

    root, problems = compose(text, where)
    if problems and not (isinstance(problems[0].message, Message) and problems[0].message.key == "yaml.empty"):
        first = problems[0]
        raise Refused(where, first.line, Message("append.not_yaml", problem=first.message))
    return root


def holds_data(text: str, where: str) -> bool:
    """Whether the text holds a YAML document (not only comments); :class:`Refused` if it is not YAML."""
    return _node(text, where) is not None


def _kind(node: Any) -> str:
    """'block' or 'flow' mapping/sequence, 'empty' (no value), or 'scalar'."""

    if is_scalar(node):
        return "empty" if node.value == "" and not node.style else "scalar"
    return ("flow " if node.flow_style else "block ") + ("mapping" if isinstance(node, MappingNode) else "sequence")


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
    return _finish(text, [_fact_part(text, where, root, _style(root), region, facts)], header)


def plan_facts_of_regions(text: str, where: str, groups: Sequence[tuple[str, Sequence[FactFields]]],
                          header: str = "", sources: Sequence[tuple[str, Mapping[str, str]]] = ()) -> list[Insertion]:
    """:func:`plan_facts` for several regions (and :func:`plan_source` for new ``sources``, written
    first), planned on one reading of the text: an imported table's hundreds of facts in one step."""
    root = _node(text, where)
    if root is not None:
        _refuse_unless(root, ("block mapping",), where, "the file")
    style = _style(root)
    parts = [_add_entry(text, where, root, "sources", ident, [f"{' ' * style.step}{name}: {yamlwrite.quoted(value)}"
                                                             for name, value in fields.items()], style)
             for ident, fields in sources]
    parts += [_fact_part(text, where, root, style, region, facts) for region, facts in groups if facts]
    opened: set[str] = set()  # a section added once, however many entries go into it
    for i, part in enumerate(parts):
        if part.new_section:
            if part.lines[0] in opened:
                parts[i] = part._replace(lines=part.lines[1:])
            opened.add(part.lines[0])
    return _finish(text, parts, header)


def _fact_part(text: str, where: str, root: Any, style: _Style, region: str, facts: Sequence[FactFields]) -> _Part:
    """Where and what to insert for ``facts`` of ``region`` (see :func:`plan_facts`)."""
    def items(dash: int, item: int) -> list[str]:
        return [line for fact in facts for line in yamlwrite.fact_lines(fact, dash, dash + item)]

    entry = _region_entry(where, root, region)
    if entry is None:  # no entry for the region in this file: an addition at the end of regions:
        lines = [f"{' ' * style.step}facts:", *items(style.step + style.dash, style.item)]
        return _add_entry(text, where, root, "regions", region, lines, style)
    key, value = entry
    kind = _refuse_unless(value, ("block mapping", "empty"), where, f"region '{region}'")
    field_column = key.start_mark.column + style.step if kind == "empty" else value.start_mark.column
    facts_entry = _get(value, "facts") if kind == "block mapping" else None
    if facts_entry is None:
        lines = [f"{' ' * field_column}facts:", *items(field_column + style.dash, style.item)]
        at = _line_after(text, _end(value) if kind == "block mapping" else value.end_mark.index)
        return _Part(at, lines)
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
    return _Part(at, lines)


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


def entry_source(text: str, where: str, region: str) -> str | None:
    """The ``source:`` written on ``region``'s entry in this file: the source of the facts added to
    that entry without one of their own. None when the entry has none, or the file no entry."""

    entry = _region_entry(where, _node(text, where), region)
    found = _get(entry[1], "source") if entry is not None and isinstance(entry[1], MappingNode) else None
    return str(found[1].value) if found is not None and is_scalar(found[1]) and found[1].value else None


def _add_entry(text: str, where: str, root: Any, section: str, ident: str, lines: list[str],
               style: _Style) -> _Part:
    """An entry ``ident:`` with ``lines`` (indented as for an entry at column 0) at the end of a
    top-level section, which is added at the end of the file's mapping when missing."""
    found = _get(root, section) if root is not None else None
    if found is None:
        entry = [f"{section}:", f"{' ' * style.entry}{yamlwrite.key(ident)}:",
                 *(" " * style.entry + line for line in lines)]
        regions = _get(root, "regions") if root is not None and section != "regions" else None
        if regions is not None:  # a catalogue section goes before the regions, whose facts end the file
            return _Part(int(regions[0].start_mark.index) - int(regions[0].start_mark.column), entry, True)
        return _Part(_line_after(text, _end(root)) if root is not None else len(text), entry, True)
    key, value = found
    kind = _refuse_unless(value, ("block mapping", "empty"), where, f"{section}:")
    column = value.value[0][0].start_mark.column if kind == "block mapping" and value.value \
        else key.start_mark.column + style.entry
    entry = [f"{' ' * column}{yamlwrite.key(ident)}:", *(" " * column + line for line in lines)]
    return _Part(_line_after(text, _end(value) if kind == "block mapping" else value.end_mark.index), entry)


def plan_region(text: str, where: str, region: str, given: Mapping[str, str] | None = None,
                source: str | None = None, new_source: Mapping[str, str] | None = None, header: str = "",
                lang: str = "en") -> list[Insertion]:
    """Where and what to insert for a new region's entry (and its new source's, when ``new_source``
    holds that source's fields): every required field named, the ones not given ``""  # TODO``, whose
    hints are in ``lang``."""
    root = _top(text, where)
    style = _style(root)
    parts = []
    if source and new_source is not None:
        skeleton = yamlwrite.source_skeleton(source, 0, style.step, given=new_source, lang=lang)
        parts.append(_add_entry(text, where, root, "sources", source, skeleton[1:], style))
    skeleton = yamlwrite.region_skeleton(region, 0, style.step, given, source, lang)
    parts.append(_add_entry(text, where, root, "regions", region, skeleton[1:], style))
    return _finish(text, parts, header)


def plan_entry(text: str, where: str, section: str, ident: str, entry: Callable[[int], list[str]],
               header: str = "") -> list[Insertion]:
    """Where to insert a new entry of a catalogue section (``sources``, ``metrics``): ``entry(step)``
    writes it at column 0 with the file's indentation step (``yaml_text.source_skeleton``,
    ``metric_entry``); the section is added when the file has none."""
    root = _top(text, where)
    style = _style(root)
    return _finish(text, [_add_entry(text, where, root, section, ident, entry(style.step)[1:], style)], header)


def _top(text: str, where: str) -> Any:
    """The file's root node, refused unless it is a block mapping (or nothing yet)."""
    root = _node(text, where)
    if root is not None:
        _refuse_unless(root, ("block mapping",), where, "the file")
    return root


def new_lines(text: str, insertions: Sequence[Insertion]) -> list[int | None]:
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


def own_default_source(target: Path, region: str) -> str | None:
    """The source the facts added to ``region`` in ``target`` take without one of their own: the
    ``source:`` of the region's entry in that file (an addition's, or the definition's when the
    file defines the region). None when there is none there: they would take the default of the
    region's definition elsewhere, the source of quotes other than the new one."""
    try:
        text = own_file_text(target)
    except (OSError, UnicodeDecodeError, ReporterError):  # one that cannot be read is refused when written
        return None
    try:
        return entry_source(text, str(target), region)
    except Refused:  # a file add cannot edit: refused, with its reason, when written
        return None


def source_needed(target: Path, region: Region) -> Message:
    """Why a fact for ``region`` added to ``target`` needs --source: whose source it would take."""
    origin = region.origin
    default = None
    if origin is not None:
        try:
            text = read_text(origin.path)[0]  # the loader's bounded reader
            default = entry_source(text, origin.path, region.id) if text is not None else None
        except Refused:
            default = None
    if default is None or origin is None:
        return Message("add.no_default_source", region=region.id, file=str(target))
    return Message("add.needs_source", region=region.id, file=str(target), source=default,
                   where=f"{origin.path}:{origin.line}")
