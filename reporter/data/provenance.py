"""Check that every quote is verbatim in its source text (whitespace normalised).

A source names its text file (``file:``); the text is looked for in the directories
given, so ``reporter check --sources DIR`` can prove each number's provenance (with no DIR,
beside the data files and among the bundled sources: ``reporter check --sources`` proves the
bundled data against the page they were quoted from).
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from reporter.data.paths import bundled_sources_dir
from reporter.data.yaml_file import read_text
from reporter.errors import DataError, Problem
from reporter.messages import Message
from reporter.model.records import Fact, Highlight

if TYPE_CHECKING:
    from reporter.model.dataset import Dataset as Data


def normalise_space(text: str) -> str:
    """Drop all whitespace: the page's line breaks fall anywhere, even inside a sentence."""
    return "".join(text.split())


def source_dirs_beside(data_files: Iterable[str]) -> list[Path]:
    """Where source texts are looked for when no folder is named: beside each data file, in a
    ``sources/`` folder there, and among the bundled data's own sources (the newspaper page)."""
    dirs: list[Path] = []
    for file in data_files:
        folder = Path(file).parent
        dirs += [folder, folder / "sources"]
    dirs.append(Path(bundled_sources_dir()))
    return list(dict.fromkeys(dirs))


def unverified_quotes(data: Data, source_dirs: Iterable[Path]) -> tuple[list[Problem], int, list[str]]:
    """(problems, quotes checked, sources whose text was not found) for the dataset's quotes.

    A source text that cannot be read (not UTF-8, say a GB18030 page saved from a browser, or
    binary, or too large) raises :class:`DataError` naming file, line and column and guessing
    the encoding, read and judged exactly as a data file is.
    """

    texts: dict[str, str] = {}
    missing: list[str] = []
    unreadable: list[Problem] = []
    dirs = list(source_dirs)
    for source in data.sources.values():
        found = next((d / source.file for d in dirs if source.file and (d / source.file).is_file()), None)
        if found is None:
            missing.append(source.id)
            continue
        text, not_read = read_text(found, what="UTF-8 text")
        if text is None:
            unreadable.extend(not_read)
            continue
        texts[source.id] = normalise_space(text)
    if unreadable:
        raise DataError(unreadable)
    problems: list[Problem] = []
    checked = 0
    items: list[Fact | Highlight] = [*data.facts, *data.highlights]
    for item in items:
        page = texts.get(item.source)
        if page is None:
            continue
        checked += 1
        origin = item.origin
        where = (origin.path if origin else "?", origin.line if origin else None, None)
        quote = normalise_space(item.quote)
        if quote not in page:
            problems.append(Problem(*where, Message("provenance.not_verbatim", source=item.source,
                                                    quote=item.quote[:40])))
            continue
        for number in _written_numbers(item):
            if number not in quote:
                problems.append(Problem(*where, Message("provenance.number", number=number)))
    return problems, checked, missing


def _written_numbers(item: object) -> list[str]:
    """The numbers a fact claims, as they must appear in its quote (sign dropped)."""

    if not isinstance(item, Fact):
        return []
    numbers = [str(item.quantity.value)] if item.quantity.written else []  # growth-only: its change alone
    numbers += [str(abs(n)) for n in (item.yoy_pct, item.previous, item.rank_change) if n is not None]
    return numbers
