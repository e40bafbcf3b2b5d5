"""Whose a number is, on a page about several places: the regions a text names, and where.

A newspaper page or a prefecture's bulletin often covers several counties, each in its own part;
a number in 洞头区's part is 洞头区's, whichever region the reader asked for. Two rules, in this
order, decide whose a number is:

1. *Its sentence* (to 。！？ or the end of its line): a sentence that names one or more known
   regions is about them. If it names the region asked for, the number is that region's; else
   it is the named region's (the nearest one named before the number, else the first after).
2. *Its part of the text*: a line (a heading or a paragraph) that names exactly one known region
   begins that region's part, which lasts until a line that names exactly one other. A line
   naming several regions, or none, begins no part.

A number under neither rule (a text that names no known region, or the lines before the first
part begins) is the asked-for region's, as a single county's bulletin always is.

A region is named by any of its names (zh, short, en, pinyin, aliases: ``Region.names``); a name
of one character, or one that two regions share, names neither. Latin names match whole words,
in any case. Where names overlap (温州洞头, 洞头) the longest one is read.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Mapping, Sequence
from typing import NamedTuple

__all__ = ["Mention", "Place", "RegionMap", "sentence_at"]

SENTENCE_END = "。！？\n"


class Mention(NamedTuple):
    """A known region's name where the text prints it."""

    region: str  # the region's id
    start: int
    end: int


class Place(NamedTuple):
    """Another region's claim on a number, and the words that make it."""

    region: str  # the region's id
    line: int  # 1-based: the line that names it (the sentence's, or the line that began the part)
    sentence: bool  # True: the number's own sentence names the region; False: it stands in the region's part


def sentence_at(text: str, at: int) -> tuple[int, int]:
    """The span of the sentence holding offset ``at``: from after the last 。！？ or line break
    before it to the next one (included when it is punctuation)."""
    # Searched within the line only (a line break ends a sentence too): a mark the text lacks is
    # then looked for along one line, not along the whole text once per number.
    line_start = text.rfind("\n", 0, at) + 1
    line_end = text.find("\n", at)
    line_end = len(text) if line_end < 0 else line_end
    start = max(line_start - 1, *(text.rfind(mark, line_start, at) for mark in SENTENCE_END)) + 1
    ends = [i for i in (text.find(mark, at, line_end) for mark in SENTENCE_END) if i >= 0]
    end = min(ends, default=line_end)
    return start, end + 1 if end < len(text) and text[end] != "\n" else end


def _pattern(names: Mapping[str, Sequence[str]]) -> tuple[re.Pattern[str] | None, dict[str, str]]:
    """One regex of every usable name, longest first, and the region each name is of (casefolded)."""
    owner: dict[str, str | None] = {}
    for region, said in names.items():
        for name in {n.strip().casefold() for n in said}:
            if len(name) < 2:
                continue
            owner[name] = region if owner.get(name, region) == region else None  # shared: nobody's
    usable = {name: region for name, region in owner.items() if region is not None}
    if not usable:
        return None, {}
    alternatives = []
    for name in sorted(usable, key=len, reverse=True):
        escaped = re.escape(name)
        alternatives.append(rf"(?<![a-z0-9]){escaped}(?![a-z0-9])" if name.isascii() else escaped)
    return re.compile("|".join(alternatives), re.IGNORECASE), usable


class RegionMap:
    """The known regions a text names, where, and the part of the text each line is in."""

    def __init__(self, text: str, names: Mapping[str, Sequence[str]]) -> None:
        """``names``: every known region's id and the names it is known by (``Region.names``)."""
        pattern, owner = _pattern(names)
        self.text = text
        self.mentions: list[Mention] = [] if pattern is None else [
            Mention(owner[m.group().casefold()], m.start(), m.end()) for m in pattern.finditer(text)]
        self._at = [m.start for m in self.mentions]
        self._line_starts = [0] + [m.end() for m in re.finditer("\n", text)]
        self._parts: list[tuple[int, str, int]] = []  # (offset the part begins, region, its 1-based line)
        for line, start in enumerate(self._line_starts, 1):
            end = self._line_starts[line] if line < len(self._line_starts) else len(text)
            named = {m.region for m in self.within(start, end)}
            if len(named) == 1 and (not self._parts or self._parts[-1][1] not in named):
                self._parts.append((start, named.pop(), line))
        self._part_at = [p[0] for p in self._parts]

    def within(self, start: int, end: int) -> list[Mention]:
        """The mentions that begin in ``[start, end)``, in text order."""
        return self.mentions[bisect_right(self._at, start - 1):bisect_right(self._at, end - 1)]

    def line_of(self, at: int) -> int:
        return bisect_right(self._line_starts, at)

    def claim(self, at: int, region: str) -> Place | None:
        """Whose the number at offset ``at`` is, when it is not ``region``'s (see the module's rules);
        None when it is ``region``'s."""
        start, end = sentence_at(self.text, at)
        named = self.within(start, end)
        if named:
            if any(m.region == region for m in named):
                return None
            before = [m for m in named if m.start < at]
            nearest = before[-1] if before else named[0]
            return Place(nearest.region, self.line_of(nearest.start), True)
        part = bisect_right(self._part_at, at) - 1
        if part >= 0 and self._parts[part][1] != region:
            return Place(self._parts[part][1], self._parts[part][2], False)
        return None
