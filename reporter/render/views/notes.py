"""Notes and words several views say alike: what a ranking or a comparison left out and why, and a
rank's move in places. Apart from the views that say them, so a ranking loads no comparison's view."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import TYPE_CHECKING

from reporter.model.records import Fact
from reporter.render.labels import Labels

if TYPE_CHECKING:
    from reporter.model.dataset import Dataset


def left_out_note(data: Dataset, left_out: Sequence[Fact], say: Labels, key: str) -> str:
    """One line naming facts left out for their unlike periods: the regions when few, else periods with counts."""

    if len(left_out) <= 3:
        listed = say.join([f"{data.regions[f.region].name(say.lang)} {f.period.in_words(say.lang)}"
                           for f in left_out])
    else:  # periods in words; the example to type (--period) keeps the form the option reads
        counts = Counter(f.period for f in left_out)
        listed = say.join([say("left_out.item", period=p.in_words(say.lang), count=n) for p, n in counts.items()])
    return say(key, listed=listed, example=left_out[-1].period)


def region_names(data: Dataset, facts: Sequence[Fact], say: Labels, most: int = 8) -> str:
    """The regions of ``facts`` by name, as ``left_out_note`` names them: the first few and a count."""
    names = [data.regions[r].name(say.lang) for r in dict.fromkeys(f.region for f in facts)]
    shown = say.join(names[:most])
    return shown if len(names) <= most else say("some_of_many", shown=shown, count=len(names))


def unstated_note(data: Dataset, facts: Sequence[Fact], say: Labels, key: str) -> str:
    """One line naming the regions whose figures were left out because the source states no period
    for them: no ``--period`` would bring them in, so none is suggested."""
    return say(key, listed=region_names(data, facts, say))


def places_words(gained: int, say: Labels) -> str:
    """A rank's move in places, as ``show`` and ``brief`` say it: ``↑34位`` / ``up 34 places``."""
    if gained == 0:
        return say("places.same")
    key = "places.up" if gained > 0 else "places.down"
    return say(key + (".1" if abs(gained) == 1 else ""), n=abs(gained))
