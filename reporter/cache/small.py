"""The small cache layout: the whole dataset in one checksummed marshal blob.

For data like the bundled file, read whole in well under a millisecond without importing
sqlite3: ``reporter get`` on small data is mostly Python's own start-up.
"""

from __future__ import annotations

import marshal

from reporter.cache import codec
from reporter.cache.key import Stamp
from reporter.model.dataset import Dataset, MemoryStore

MAGIC = b"reporter-cache-%d\n" % codec.SCHEMA


def read(blob: str) -> tuple[Stamp, Dataset] | None:
    """The stamp and dataset in ``blob``, or None if it is missing, damaged or of another schema."""
    try:
        with open(blob, "rb") as handle:
            raw = handle.read()
    except OSError:
        return None
    head = len(MAGIC) + 8
    if not raw.startswith(MAGIC) or int.from_bytes(raw[len(MAGIC):head], "big") != _checksum(raw[head:]):
        return None
    try:
        stamp, periods, catalogue, items, highlights, paths, region_sources, unfinished = marshal.loads(raw[head:])
        decode = codec.Codec(codec.periods_from(periods))
        sources, themes, metrics, regions = decode.catalogue_from(catalogue)
        store = MemoryStore([decode.item(i) for i in items], [decode.highlight(h) for h in highlights])
        data = Dataset(sources, themes, metrics, regions, store, tuple(paths))
        data.region_sources = dict(region_sources)
        data.had_unfinished = bool(unfinished)
        return codec.decoder(Stamp)(stamp), data
    except (ValueError, TypeError, KeyError, EOFError, IndexError):
        return None


def payload(stamp: Stamp, data: Dataset) -> bytes:
    """The blob for ``data``, built as ``stamp`` describes."""
    items = list(data.store.items())
    highlights = list(data.store.highlights())
    periods = codec.periods_in([*items, *highlights])
    body = marshal.dumps((codec.encode(stamp), codec.period_table(periods),
                          codec.catalogue_of(data.sources, data.themes, data.metrics, data.regions),
                          tuple(map(codec.encode_item, items)), tuple(map(codec.encode, highlights)), data.paths,
                          data.region_sources, data.had_unfinished))
    return MAGIC + _checksum(body).to_bytes(8, "big") + body


def _checksum(payload: bytes) -> int:
    """The payload read as one number, modulo the prime 2**61 - 1 (2**31 - 1 on 32-bit builds).

    That is Python's documented hash of a non-negative int, so the check loads no extension module
    (binascii's crc32 would, on the start-up path of ``get``). Any change of up to 60 consecutive
    bits changes it, and any other change but for a 2**-61 chance.
    """
    return hash(int.from_bytes(payload, "little"))
