"""Read a YAML file into a node tree safely, or say exactly what is wrong with it.

We compose (never construct) with PyYAML's safe C loader when present: nodes keep their
line and column, and every scalar stays the text that was written, so our own code
decides what ``NO``, ``010``, ``1:20`` or ``2020-01-01`` mean. Beyond PyYAML's own
checks we refuse anchors and aliases (alias bombs), explicit non-core tags
(``!!python/object``), non-string keys and duplicate keys at any depth.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from reporter.errors import Problem
from reporter.paths import is_data_file_name

MAX_BYTES = 64 * 1024 * 1024  # far above any curated file; keeps a stray log from eating memory

_CORE_TAGS = frozenset(
    f"tag:yaml.org,2002:{name}"
    for name in ("str", "int", "float", "bool", "null", "timestamp", "map", "seq")
)


def read_text(path: Path) -> tuple[str | None, list[Problem]]:
    """The file's text (UTF-8, BOM accepted), or the problems that stop us reading it."""
    where = str(path)
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            return None, [Problem(where, None, None,
                                  f"file is {size / 2**20:.0f} MiB; the limit is {MAX_BYTES // 2**20} MiB")]
        data = path.read_bytes()
    except IsADirectoryError:
        return None, [Problem(where, None, None, "is a directory, expected a YAML file")]
    except OSError as exc:
        return None, [Problem(where, None, None, f"cannot read: {exc.strerror or exc}")]
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    if b"\x00" in data:
        line = data.count(b"\n", 0, data.index(b"\x00")) + 1
        hint = " (UTF-16?)" if data[:2] in (b"\xff\xfe", b"\xfe\xff") else ""
        return None, [Problem(where, line, None, f"binary data (NUL byte){hint}; expected UTF-8 YAML text")]
    try:
        return data.decode("utf-8"), []
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        column = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        guess = ""
        for encoding in ("gb18030", "big5"):
            try:
                data.decode(encoding)
            except UnicodeDecodeError:
                continue
            guess = f"; it looks like {encoding.upper()}: re-save it as UTF-8"
            break
        return None, [Problem(where, line, column,
                              f"not UTF-8 (byte 0x{data[exc.start]:02x}){guess}")]


def _raw_loader() -> Any:
    """A composer that leaves every plain scalar a string: our code reads the values, so PyYAML's
    implicit typing (YAML 1.1's NO, 010, 1:20 …) is never consulted, and never paid for."""
    import yaml

    tags = {yaml.ScalarNode: "tag:yaml.org,2002:str", yaml.SequenceNode: "tag:yaml.org,2002:seq",
            yaml.MappingNode: "tag:yaml.org,2002:map"}

    def resolve(self: Any, kind: type, value: Any, implicit: Any) -> str:
        return tags[kind]

    def no_path(self: Any, *args: Any) -> None:  # path-based resolvers are not used
        return None

    methods = {"resolve": resolve, "descend_resolver": no_path, "ascend_resolver": no_path}

    if getattr(yaml, "__with_libyaml__", False):
        from yaml._yaml import CParser

        return type("RawCLoader", (CParser,), methods)

    class RawLoader(yaml.reader.Reader, yaml.scanner.Scanner, yaml.parser.Parser, yaml.composer.Composer):
        def __init__(self, stream: Any) -> None:
            yaml.reader.Reader.__init__(self, stream)
            yaml.scanner.Scanner.__init__(self)
            yaml.parser.Parser.__init__(self)
            yaml.composer.Composer.__init__(self)

    for name, method in methods.items():
        setattr(RawLoader, name, method)
    return RawLoader


def compose(text: str, where: str) -> tuple[Any, list[Problem]]:
    """Compose one YAML document into nodes; returns (root node or None, problems)."""
    import yaml  # imported here: only loading pays for it

    try:
        root = yaml.compose(text, Loader=_raw_loader())
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        message = " ".join(str(part) for part in (exc.context, exc.problem) if part)
        if "expected a single document" in message:
            message = "several YAML documents (---) in one file; expected one"
        line = mark.line + 1 if mark else None
        column = mark.column + 1 if mark else None
        return None, [Problem(where, line, column, f"YAML syntax: {message}")]
    except yaml.YAMLError as exc:
        return None, [Problem(where, None, None, f"YAML error: {exc}")]
    except RecursionError:
        return None, [Problem(where, None, None, "YAML nested too deeply")]
    if root is None:
        return None, [Problem(where, 1, None, "empty file; expected a mapping with sources, metrics and regions")]
    import re

    return root, screen(root, where, may_alias="&" in text and re.search(_ANCHOR, text) is not None)


def screen(root: Any, where: str, may_alias: bool = True) -> list[Problem]:
    """Problems PyYAML lets through: aliases, foreign tags, odd or duplicate keys (iterative walk).

    An alias makes the composer reuse its anchor's node, so a node met twice is an alias;
    ``may_alias=False`` (the text has no anchor at all) skips that bookkeeping.
    """
    import yaml

    mapping, sequence, scalar = yaml.MappingNode, yaml.SequenceNode, yaml.ScalarNode
    problems: list[Problem] = []

    def problem(node: Any, message: str) -> None:
        mark = node.start_mark
        problems.append(Problem(where, mark.line + 1, mark.column + 1, message))

    seen: set[int] = set()
    stack = [root]
    while stack:
        node = stack.pop()
        if may_alias:
            if id(node) in seen:
                problem(node, "anchors and aliases (&, *) are not allowed in data files")
                continue
            seen.add(id(node))
        if node.tag not in _CORE_TAGS:
            problem(node, f"tag '{node.tag}' is not allowed; write plain values")
            continue
        kind = type(node)
        if kind is mapping:
            first_seen: dict[str, Any] = {}
            for key, value in node.value:
                if type(key) is not scalar or (key.value == "<<" and not key.style):
                    problem(key, "keys must be plain text (no lists, maps or << merges)")
                    continue
                if key.value in first_seen:
                    first = first_seen[key.value].start_mark.line + 1
                    problem(key, f"duplicate key '{key.value}' (first at line {first})")
                else:
                    first_seen[key.value] = key
                if type(value) is scalar and not may_alias:  # most nodes: check here, skip the stack
                    if value.tag not in _CORE_TAGS:
                        problem(value, f"tag '{value.tag}' is not allowed; write plain values")
                    continue
                stack.append(value)
        elif kind is sequence:
            stack.extend(node.value)
    problems.sort(key=lambda p: (p.line or 0, p.column or 0))
    return problems


_ANCHOR = r"(?:^|[\s\[\]{},])&[^\s\[\]{},]"


def data_files(path: Path) -> tuple[list[Path], list[Problem]]:
    """The YAML files behind a data path: the file itself, or a directory's *.yaml / *.yml."""
    if path.is_dir():
        try:
            names = sorted(os.listdir(path))
        except OSError as exc:
            return [], [Problem(str(path), None, None, f"cannot list directory: {exc.strerror or exc}")]
        files = [path / n for n in names if is_data_file_name(n)]
        if not files:
            return [], [Problem(str(path), None, None, "directory holds no .yaml or .yml files")]
        return files, []
    if not path.exists():
        return [], [Problem(str(path), None, None, "no such file or directory")]
    return [path], []
