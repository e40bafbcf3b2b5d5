"""Breaking text to a width, as a table cell or a block line shows it: a label between words or wide
characters (no line starting with closing punctuation or ending with an opening bracket), a value
between its parts. Widths are terminal cells, measured by the renderer's own function."""

from __future__ import annotations

from collections.abc import Callable, Sequence

Measure = Callable[[str], int]

_CLOSING = set("）)]】」』》〉，、。：；！？,.;:!?%％’”…")  # never starts a line
_OPENING = set("（([【「『《〈‘“")  # never ends a line


def tokens(text: str, measure: Measure) -> list[str]:
    """The unbreakable pieces of a label: words, single wide characters, and the spaces between.

    Closing punctuation stays with what it follows and opening brackets with what they precede, so
    no line starts with ``）`` or ends with ``（``.
    """
    out: list[str] = []
    glue = False  # the last piece was an opening bracket: the next one joins it
    for ch in text:
        if ch == " ":
            out.append(" ")
            glue = False
            continue
        follows = bool(out) and out[-1] != " "  # there is a piece to join, with no space between
        narrow_run = follows and measure(ch) <= 1 and measure(out[-1][-1]) <= 1  # a latin word, a number
        if glue or (follows and ch in _CLOSING) or narrow_run:
            out[-1] += ch
        else:
            out.append(ch)
        glue = ch in _OPENING
    return out


def wrap_text(text: str, width: int, measure: Measure) -> list[str]:
    """``text`` in lines of at most ``width`` cells, broken between words or wide characters.

    A word wider than a line is split between its characters; no character is ever dropped.
    """
    if measure(text) <= width:
        return [text]
    lines: list[str] = []
    line = ""
    for piece in tokens(text, measure):
        if piece == " ":
            if line:
                line += " "
            continue
        if measure(line + piece) <= width:
            line += piece
            continue
        if line.strip():
            lines.append(line.rstrip())
        line = ""
        while measure(piece) > width:  # a word longer than the line: split between its characters
            cut = 1
            while cut < len(piece) and measure(piece[:cut + 1]) <= width:
                cut += 1
            lines.append(piece[:cut])
            piece = piece[cut:]
        line = piece
    if line.strip():
        lines.append(line.rstrip())
    return lines or [""]


def join_parts(parts: Sequence[str], width: int, measure: Measure) -> list[str]:
    """Parts on as few lines as fit ``width``; a part is never broken (one too wide stands alone)."""
    lines: list[str] = []
    line = ""
    for part in parts:
        if line and measure((line + part).rstrip()) > width:
            lines.append(line.rstrip())
            line = part.lstrip()
        else:
            line += part
    lines.append(line.rstrip())
    return lines


def widest_piece(text: str, measure: Measure) -> int:
    return max((measure(t) for t in tokens(text, measure) if t != " "), default=0)
