"""Neutralise what data must never do to a terminal or a spreadsheet.

Applied at the output boundary to every string that came from a data file, in every
format: C0 and C1 control characters (tab and newline only where a format keeps them),
DEL, and the bidi overrides that can make text read differently than it is stored.
``str.isprintable`` is not used: it rejects U+3000, a legitimate ideographic space.
"""

from __future__ import annotations

import re

_BIDI = (0x061C, 0x200E, 0x200F, *range(0x202A, 0x202F), *range(0x2066, 0x206A))
_CONTROLS = (*range(0x00, 0x09), *range(0x0B, 0x20), *range(0x7F, 0xA0))
REPLACEMENT = "\ufffd"
# str.translate with a table: faster to build and to apply than a regex on the start-up path
_KEEP_LAYOUT = {c: REPLACEMENT for c in (*_CONTROLS, *_BIDI)}
_ONE_LINE = {**_KEEP_LAYOUT, 0x09: " ", 0x0A: " ", 0x0D: " "}


def clean(text: str, keep_layout: bool = False) -> str:
    """``text`` with controls and bidi overrides replaced by U+FFFD.

    With ``keep_layout`` tab and newline survive (for multi-line output we build ourselves);
    otherwise they (and CR) become spaces, so a cell stays one cell.
    """
    return text.translate(_KEEP_LAYOUT if keep_layout else _ONE_LINE)


def is_clean(text: str) -> bool:
    """True when ``text`` holds nothing :func:`clean` would replace (tab and newline allowed)."""
    return not any(ord(ch) in _KEEP_LAYOUT for ch in text)


_NUMBER = r"[-+]?[0-9]+(\.[0-9]+)?([eE][-+]?[0-9]+)?"  # compiled on first use: get never needs it


def spreadsheet_safe(cell: str) -> str:
    """Prefix a text cell a spreadsheet would run as a formula (CWE-1236); numbers stay numbers."""
    if cell[:1] in ("=", "+", "-", "@", "\t", "\r") and not re.fullmatch(_NUMBER, cell):
        return "'" + cell
    return cell
