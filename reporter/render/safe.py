"""Neutralise what data must never do to a terminal or a spreadsheet.

Applied at the output boundary to every string that came from a data file, in every
format: C0 and C1 control characters (tab and newline only where a format keeps them),
DEL, and the bidi overrides that can make text read differently than it is stored.
``str.isprintable`` is not used: it rejects U+3000, a legitimate ideographic space.
"""

from __future__ import annotations

import re

_BIDI = "\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c"
_UNSAFE = re.compile(f"[\x00-\x08\x0b-\x1f\x7f-\x9f{_BIDI}]")
REPLACEMENT = "\ufffd"


def clean(text: str, keep_layout: bool = False) -> str:
    """``text`` with controls and bidi overrides replaced by U+FFFD.

    With ``keep_layout`` tab and newline survive (for multi-line output we build ourselves);
    otherwise they become spaces, so a cell stays one cell.
    """
    if keep_layout:
        return _UNSAFE.sub(REPLACEMENT, text)
    return _UNSAFE.sub(REPLACEMENT, text.replace("\t", " ").replace("\n", " ").replace("\r", " "))


def is_clean(text: str) -> bool:
    """True when ``text`` holds nothing :func:`clean` would replace (tab and newline allowed)."""
    return _UNSAFE.search(text) is None


_NUMBER = re.compile(r"[-+]?[0-9]+(\.[0-9]+)?([eE][-+]?[0-9]+)?")


def spreadsheet_safe(cell: str) -> str:
    """Prefix a text cell a spreadsheet would run as a formula (CWE-1236); numbers stay numbers."""
    if cell[:1] in ("=", "+", "-", "@", "\t", "\r") and not _NUMBER.fullmatch(cell):
        return "'" + cell
    return cell
