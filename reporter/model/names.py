"""What users type, resolved: region, metric and theme names, and periods.

Names are forgiving (id, zh or en name, pinyin, alias; case-insensitive; a unique prefix or
substring; full-width forms read as plain ones) and a name that matches nothing or too much
fails with the nearest candidates. An empty name, or a period that is no period, is a usage
error (exit 2): the data need not be asked. Pure functions; they never print.
"""

from __future__ import annotations

import difflib  # suggestions for a name not found
import unicodedata
from collections.abc import Callable
from typing import TYPE_CHECKING

from reporter.errors import LookupFailed, UsageProblem
from reporter.messages import Message, Named
from reporter.model.period_words import parse_period
from reporter.model.periods import Period, PeriodError
from reporter.model.records import Metric, Region, Theme

if TYPE_CHECKING:
    from reporter.model.dataset import Dataset


def _resolve(kind: str, name: str, names: dict[str, list[str]], shown: dict[str, tuple[str, str]]) -> str:
    """Resolve ``name`` against ``{id: [names…]}``: exact, then unique prefix, then unique substring.

    What a Chinese input method types in full width (ＪＩＡＮＧＳＨＡＮ, ｒｄ＿ｉｎｖｅｓｔｍｅｎｔ) is read as
    its plain form (NFKC). A failure names each candidate once, by ``shown[id]``: its (en, zh) names,
    said in the reader's language, and in Chinese whatever the language when the name was typed in
    Chinese (``洞投`` suggests 洞头区, not Dongtou: the reader is looking for the Chinese name).
    """
    if not name.strip():
        raise UsageProblem(Message("empty_name", kind=Message(f"part.{kind}")))
    fold, wanted = _folding(name)
    typed_zh = any(ch >= "\u2e80" for ch in wanted)
    folded = {ident: [fold(n) for n in ns] for ident, ns in names.items()}
    for test in (lambda n: n == wanted, lambda n: n.startswith(wanted), lambda n: wanted in n):
        hits = sorted({ident for ident, ns in folded.items() if any(test(n) for n in ns)})
        if len(hits) == 1:
            return hits[0]
        if len(hits) > 1:
            raise LookupFailed(Message("ambiguous_name", kind=Message(f"part.{kind}"), name=name,
                                       shown=_listed(hits[:6], shown, typed_zh)))

    every: dict[str, list[str]] = {}
    for ident, ns in folded.items():
        for n in ns:
            every.setdefault(n, []).append(ident)
    close = difflib.get_close_matches(wanted, list(every), n=6, cutoff=0.6)
    wide = {ch for ch in wanted if ch >= "\u2e80"}
    if not close and wide:  # CJK names are short: suggest names sharing a character
        close = sorted((n for n in every if wide & set(n)), key=lambda n: -len(wide & set(n)))
    near = list(dict.fromkeys(ident for n in close for ident in every[n]))[:3]  # each candidate once
    hint = Message("suggest", names=_listed(near, shown, typed_zh)) if near else ""
    raise LookupFailed(Message("unknown_named", kind=Message(f"part.{kind}"), name=name, suggest=hint))


def _folding(name: str) -> tuple[Callable[[str], str], str]:
    """How to compare names with ``name``, and ``name`` so compared: case-folded, and in NFKC when
    the typed name has full-width or other compatibility characters (then the data's names are
    normalised the same way, so a full-width bracket typed matches the one written)."""
    wanted = name.strip()
    if wanted.isascii():
        return str.casefold, wanted.casefold()

    plain = unicodedata.normalize("NFKC", wanted)
    if plain == wanted:
        return str.casefold, wanted.casefold()
    return (lambda n: n.casefold() if n.isascii() else unicodedata.normalize("NFKC", n).casefold()), plain.casefold()


def _listed(ids: list[str], shown: dict[str, tuple[str, str]], chinese: bool = False) -> Message:
    """Candidates by their names in the reader's language: 江山市、洞头区 / Jiangshan, Dongtou (in
    Chinese either way when ``chinese``)."""
    said: list[Message] = [Named(shown[i][1 if chinese else 0], shown[i][1]) for i in ids]  # (en, zh)
    listed = said[-1]
    for one in reversed(said[:-1]):
        listed = Message("name.choices", first=one, rest=listed)
    return listed


def find_region(data: Dataset, name: str) -> Region:
    """A region by id, zh full or short name, en name, pinyin or alias (case-insensitive)."""
    regions = data.regions.values()
    return data.regions[_resolve("region", name, {r.id: list(r.names) for r in regions},
                                 {r.id: (r.en or r.id, r.zh) for r in regions})]


def find_metric(data: Dataset, name: str) -> Metric:
    """A metric by id, zh or en label, or alias; a unique prefix is enough."""
    metrics = data.metrics.values()
    names = {m.id: [m.id, m.zh, m.en, *m.aliases] for m in metrics}
    # in English a metric is suggested by its id: its English label is a phrase, often with commas
    return data.metrics[_resolve("metric", name, names, {m.id: (m.id, m.zh) for m in metrics})]


def find_theme(data: Dataset, name: str) -> Theme:
    """A theme by id, zh or en name."""
    themes = data.themes.values()
    return data.themes[_resolve("theme", name, {t.id: [t.id, t.zh, t.en] for t in themes},
                                {t.id: (t.id, t.zh) for t in themes})]


def find_period(text: str) -> Period:
    """A period typed by a user (canonical or zh form; full-width digits as typed by a Chinese input
    method are read as digits). Text that is no period is a usage error, as any malformed argument
    is: the data are not asked (a well-formed period the data lack is the query's empty answer)."""
    if not text.isascii():

        text = unicodedata.normalize("NFKC", text)
    try:
        return parse_period(text)
    except PeriodError as exc:
        raise UsageProblem(Message("bad_period_given", reason=exc.message)) from None  # it names the forms


def find_prefecture(data: Dataset, name: str) -> str:
    """A prefecture (its zh name, as the regions carry it) by zh name, with or without 市, or en name."""
    places: dict[str, list[str]] = {}
    for region in data.regions.values():
        if region.prefecture:
            names = places.setdefault(region.prefecture, [region.prefecture, region.prefecture.rstrip("市")])
            if region.prefecture_en and region.prefecture_en not in names:
                names.append(region.prefecture_en)
    return _resolve("prefecture", name, places, {p: (p, ns[-1]) for p, ns in places.items()})


def find_province(data: Dataset, name: str) -> str:
    """A province (its zh name) by zh name, with or without 省/市/自治区."""
    places = {r.province: [r.province, r.province.removesuffix("自治区").rstrip("省市")]
              for r in data.regions.values() if r.province}
    return _resolve("province", name, places, {p: (p, p) for p in places})


LEVEL_WORDS = {"county": ("county", "县"), "district": ("district", "区"),
               "city": ("county-level city", "city", "县级市", "市")}
"""What ``--level`` takes: a county, a district, or a city (a county-level city)."""


def find_level(name: str) -> frozenset[str]:
    """The levels (records.LEVELS) a typed level means: county, district or city (县, 区, 县级市/市)."""
    word = _resolve("level", name, {k: [k, *v] for k, v in LEVEL_WORDS.items()},
                    {k: (v[-1], k) for k, v in LEVEL_WORDS.items()})
    return frozenset(LEVEL_WORDS[word][:2] if word == "city" else LEVEL_WORDS[word][:1])
