"""Writing our data format as text: scalars, facts and skeletons, exactly as a person would type them.

reporter never dumps YAML with a library: what it writes into a user's file (``reporter add``) or
prints as a draft (``reporter extract``) is text it composes line by line, so that comments,
order and quoting are chosen, and what is already in the file is never re-serialised. Every
value is written so that it reads back as the same string (our loader keeps every scalar as
written): plain when that is unambiguous in any YAML reader, else double-quoted with JSON's
escapes (which are YAML's).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping

from reporter.data.rules import FIELDS
from reporter.messages import MESSAGES

__all__ = ["quoted", "key", "text", "period", "comment", "fact_lines", "TODO", "todo_line", "hint", "entry_lines",
           "region_skeleton", "source_skeleton", "metric_entry", "required"]

_ID = re.compile(r"[a-z0-9][a-z0-9_-]*")
# Plain scalars we write: a letter or CJK character first (never a digit, sign or dot, which other
# YAML readers may take for a number or date), then nothing YAML could read as structure (": ",
# " #", flow brackets, quotes at the start), and no space at either end.
_PLAIN = re.compile(r"[^\W\d_][\w.()（）、·&+\-/%，。；：！？“”‘’《》—… ]*")
_NOT_PLAIN = re.compile(r"^(?:true|false|yes|no|on|off|null|y|n)$|: | #|\s$", re.IGNORECASE)
# Line breaks, other controls and bidi marks are escaped in quoted values and dropped from comments.
_ESCAPE = {c: f"\\u{c:04x}" for c in (0x7F, *range(0x80, 0xA0), 0x061C, 0x200E, 0x200F, *range(0x2028, 0x202F),
                                      *range(0x2066, 0x206A), 0xFEFF, 0xFFFE, 0xFFFF)}
_ONE_LINE = {c: " " for c in (*range(0x00, 0x20), 0x7F, *range(0x80, 0xA0), 0x061C, 0x200E, 0x200F,
                              *range(0x2028, 0x202F), *range(0x2066, 0x206A), 0xFEFF, 0xFFFE, 0xFFFF)}
TODO = "TODO"  # the word that marks a field left to be filled ('""  # TODO …': check refuses it at its line)


def quoted(value: str) -> str:
    """A YAML double-quoted scalar (JSON's escapes are YAML's), line and bidi marks escaped too."""
    return json.dumps(value, ensure_ascii=False).translate(_ESCAPE)


# Ids another YAML reader (or ours: null is empty) would not read as the same string: a digit first
# (1e3 is a float in YAML 1.2, 010 an octal, 2020-01-01 a date) or a YAML 1.1 word for null or a bool.
_READS_OTHERWISE = re.compile(r"[0-9].*|null|y|n|yes|no|on|off|true|false", re.IGNORECASE)


def key(value: str) -> str:
    """An id as a mapping key or reference: plain when it is a well-formed id that every YAML reader
    reads as that string, else quoted (``"yes"``, ``"null"``, ``"1e3"``)."""
    return value if _ID.fullmatch(value) and not _READS_OTHERWISE.fullmatch(value) else quoted(value)


def text(value: str) -> str:
    """Free text (a unit, a name, a quote): plain when unambiguous (亿元, 江山市), else quoted."""
    if _PLAIN.fullmatch(value) and not _NOT_PLAIN.search(value):
        return value
    return quoted(value)


def period(value: str) -> str:
    """A period: quoted when YAML would not keep it a string (2019, @2020-H1), else plain (2020-01/05)."""
    if value.isdigit() or value[:1] == "@" or not re.fullmatch(r"[\w/@-]+", value):
        return quoted(value)
    return value


def comment(value: str) -> str:
    """Text for a ``#`` comment: one line, without controls or bidi marks."""
    return value.translate(_ONE_LINE)


def required(part: str) -> tuple[str, ...]:
    """The fields a part of a file must hold (rules.FIELDS: the one table of the format)."""
    return tuple(name for name, spec in FIELDS[part].items() if spec.required)


_WRITERS = {"number": str, "integer": str, "choice": str, "ident": key, "period": period}


def fact_lines(fact: Mapping[str, str | int | None], dash: int, content: int | None = None) -> list[str]:
    """A fact as block YAML lines: ``- metric: …`` at column ``dash``, the other fields at
    ``content`` (default ``dash + 2``), in the order of the format's field table. Numbers are
    written as given (they are validated by the loader, which the callers run before writing)."""
    content = dash + 2 if content is None else content
    out: list[str] = []
    for name, spec in FIELDS["fact"].items():
        value = fact.get(name)
        if value is None or value == "":
            continue
        written = _WRITERS.get(spec.read, text)(str(value))  # type: ignore[operator]
        lead = " " * dash + "-" + " " * (content - dash - 1) if not out else " " * content
        out.append(f"{lead}{name}: {written}")
    return out


def hint(part: str, name: str, lang: str = "en") -> str:
    """What to write in a field of a new entry (``hint.region.zh``: "full name, e.g. 江山市"), in
    ``lang``; "" for a field with no hint."""

    pair = MESSAGES.get(f"hint.{part}.{name}")
    return "" if pair is None else pair[1 if lang == "zh" else 0]


def todo_line(indent: int, name: str, hint_: str) -> str:
    """``name: ""  # TODO hint``: an empty field to be filled, which check warns of at this line (the
    word TODO in either language: it is what a reader searches the file for)."""
    return comment(f'{" " * indent}{name}: ""  # {TODO} {hint_}'.rstrip())


def entry_lines(part: str, ident: str, indent: int, step: int, given: Mapping[str, str] | None = None,
                lang: str = "en") -> list[str]:
    """A new entry of ``part`` (a source, a metric), its fields in the format's order (rules.FIELDS):
    each one ``given`` as given, a required one not given ``""  # TODO`` with its hint."""
    given = given or {}
    inner = indent + step
    lines = [f"{' ' * indent}{key(ident)}:"]
    for name, spec in FIELDS[part].items():
        value = given.get(name, "")
        if value:
            written = _WRITERS.get(spec.read, text)(value)  # type: ignore[operator]
            lines.append(f"{' ' * inner}{name}: {written}")
        elif spec.required:
            lines.append(todo_line(inner, name, hint(part, name, lang)))
    return lines


def region_skeleton(region: str, indent: int, step: int, given: Mapping[str, str] | None = None,
                    source: str | None = None, lang: str = "en") -> list[str]:
    """A new region's entry: every required field (rules.FIELDS) named, the ``given`` ones filled,
    the rest ``""  # TODO``; its default source; an empty facts list to add to."""
    given = given or {}
    inner = indent + step
    lines = [f"{' ' * indent}{key(region)}:"]
    for name in required("region"):
        value = given.get(name, "")
        lines.append(f"{' ' * inner}{name}: {text(value)}" if value
                     else todo_line(inner, name, hint("region", name, lang)))
    lines.append(f"{' ' * inner}source: {key(source)}" if source
                 else todo_line(inner, "source", hint("region", "source", lang)))
    return lines


def source_skeleton(source: str, indent: int, step: int, file: str | None = None,
                    given: Mapping[str, str] | None = None, lang: str = "en") -> list[str]:
    """A new source's entry: its required fields as ``given``, else marked TODO (and the text file, if known)."""
    lines = entry_lines("source", source, indent, step, given, lang)
    if file:
        lines.append(f"{' ' * (indent + step)}file: {quoted(file)}")
    return lines


def metric_entry(metric: str, indent: int, step: int, given: Mapping[str, str], lang: str = "en") -> list[str]:
    """A new metric of the catalogue: zh, en (when given), unit, theme, kind, polarity (when given)."""
    return entry_lines("metric", metric, indent, step, given, lang)


def block(lines: Iterable[str], newline: str = "\n") -> str:
    """Lines joined into text that ends with a line break."""
    return "".join(line + newline for line in lines)
