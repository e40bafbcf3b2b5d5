"""A value cell read as the figure a person reads in it, with the prose reader's words.

``2000多`` is more than 2000, ``约3.1`` about 3.1, ``近600台套`` nearly 600 台套, ``50家以上``
more than 50 家, ``1,234`` is 1234, ``第22位`` the rank 22; ``—``, ``-``, ``/`` or an empty cell is
no figure (never a zero). The qualifier words are :mod:`reporter.prose.readings`' tables, the
number is checked as :func:`reporter.curate.answers.value` checks what ``add`` is given.
"""

from __future__ import annotations

import re
import unicodedata
from typing import TYPE_CHECKING, NamedTuple

from reporter.curate import answers
from reporter.messages import Message
from reporter.prose.readings import (
    QUALIFIER_AFTER,
    QUALIFIER_BEFORE,
    QUALIFIER_INSIDE,
    UNITS,
)

if TYPE_CHECKING:
    from reporter.model.records import Metric


class Reading(NamedTuple):
    written: str
    qualifier: str
    unit: str | None


_THOUSANDS = re.compile(r"(?<=\d),(?=\d{3}(?:\D|$))")
_NUMBER = re.compile(r"[+-]?\d+(?:\.\d+)?")
NO_FIGURE = frozenset(("", "—", "——", "-", "--", "–", "－", "―", "/", "…", "...", "n/a", "N/A", "NA"))
def normal(text: str) -> str:
    """Text as compared: full-width forms folded (ＡＢ１２ → AB12), spaces dropped, lower case."""
    return "".join(unicodedata.normalize("NFKC", text).split()).casefold()


def read_figure(text: str) -> Reading | None:
    """A value cell as a figure: its digits, qualifier and unit if it writes one; None when it holds
    no figure (``—``, ``-``, empty). :class:`ValueError` with a Message when it is no number."""
    t = unicodedata.normalize("NFKC", text).strip()
    if t in NO_FIGURE:
        return None
    t = _THOUSANDS.sub("", t).replace(" ", "")
    qualifier, unit = "exact", None
    for word in sorted(QUALIFIER_BEFORE, key=len, reverse=True):
        if t.startswith(word):
            qualifier, t = QUALIFIER_BEFORE[word], t[len(word):]
            break
    t = t.removeprefix("第")
    for _ in range(2):  # 50家以上, 2000多万元, 600台套左右
        for word, meaning in QUALIFIER_AFTER.items():
            if t.endswith(word):
                qualifier, t = meaning, t[:-len(word)]
        for name in UNITS:
            if unit is None and t.endswith(name) and len(t) > len(name):
                unit, t = name, t[:-len(name)]
        for word, meaning in QUALIFIER_INSIDE.items():
            if t.endswith(word):
                qualifier, t = meaning, t[:-len(word)]
    if not _NUMBER.fullmatch(t):
        raise ValueError(Message("import.not_number", text=text))
    return Reading(answers.value(t.removeprefix("+")), qualifier, unit)


def read_change(metric: Metric, text: str) -> str | None:
    """A change cell (16, 16%, -14.7, 下降14.7%): the number the data file writes, None when empty."""
    t = unicodedata.normalize("NFKC", text).strip()
    if t in NO_FIGURE:
        return None
    sign = ""
    for words, said in ((("下降", "减少", "降低", "回落"), "-"), (("增长", "增加", "提高", "上升", "提升"), "")):
        for word in words:
            if t.startswith(word):
                sign, t = said, t[len(word):]
    return answers.change(metric, sign + t)
