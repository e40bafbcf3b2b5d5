"""Build a gettext ``.mo`` catalogue from its ``.po`` text: the standard library reads ``.mo`` files
but ships no compiler for them, and the catalogue of click's words is small enough for this one.

Run ``python -m reporter.cli.po`` after editing a ``.po`` under ``reporter/cli/locale``: it rewrites
the ``.mo`` beside it. The tests build each ``.mo`` again and compare, so the two never disagree.
Only what the catalogues use is read: comments, ``msgid``, ``msgid_plural``, ``msgstr`` and
``msgstr[N]``, each string possibly continued on the lines below it.
"""

from __future__ import annotations

import ast
import struct
import sys
from pathlib import Path

LOCALE_DIR = Path(__file__).resolve().parent / "locale"
MAGIC = 0x950412DE


def read_po(text: str) -> dict[str, str]:
    """The entries of a ``.po`` text: msgid (singular NUL plural) -> msgstr (forms joined by NUL)."""
    entries: dict[str, str] = {}
    fields: dict[str, str] = {}
    current: str | None = None

    def close() -> None:
        if "msgid" in fields:
            ident = fields["msgid"] + ("\0" + fields["msgid_plural"] if "msgid_plural" in fields else "")
            forms = sorted((k for k in fields if k.startswith("msgstr")), key=lambda k: (len(k), k))
            entries[ident] = "\0".join(fields[k] for k in forms)
        fields.clear()

    for number, line in enumerate(text.splitlines(), 1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith('"'):
            if current is None:
                raise ValueError(f"line {number}: a string continues no field")
            fields[current] += _string(line, number)
            continue
        keyword, _, rest = line.partition(" ")
        if keyword == "msgid":
            close()
        if keyword not in ("msgid", "msgid_plural", "msgstr") and not keyword.startswith("msgstr["):
            raise ValueError(f"line {number}: unknown keyword {keyword!r}")
        current = keyword
        fields[current] = _string(rest.strip(), number)
    close()
    return entries


def _string(quoted: str, number: int) -> str:
    if not (quoted.startswith('"') and quoted.endswith('"')):
        raise ValueError(f"line {number}: expected a quoted string")
    value = ast.literal_eval(quoted)  # a string literal only: never code
    if not isinstance(value, str):
        raise ValueError(f"line {number}: expected a quoted string")
    return value


def mo_bytes(entries: dict[str, str]) -> bytes:
    """The GNU ``.mo`` layout of ``entries``: a header, two tables of (length, offset) sorted by the
    original string's bytes, then the strings, each NUL-terminated; no hash table."""
    keys = sorted(entries, key=lambda k: k.encode("utf-8"))
    count = len(keys)
    originals_at = 7 * 4
    translations_at = originals_at + count * 8
    strings_at = translations_at + count * 8
    originals: list[tuple[int, int]] = []
    translations: list[tuple[int, int]] = []
    blob = b""
    for table, texts in ((originals, keys), (translations, [entries[k] for k in keys])):
        for text in texts:
            data = text.encode("utf-8")
            table.append((len(data), strings_at + len(blob)))
            blob += data + b"\0"
    header = struct.pack("<7I", MAGIC, 0, count, originals_at, translations_at, 0, strings_at)
    tables = b"".join(struct.pack("<2I", *pair) for pair in (*originals, *translations))
    return header + tables + blob


def catalogues() -> list[Path]:
    """Every ``.po`` file of the package's catalogues."""
    return sorted(LOCALE_DIR.glob("*/LC_MESSAGES/*.po"))


def main() -> None:
    for po in catalogues():
        mo = po.with_suffix(".mo")
        mo.write_bytes(mo_bytes(read_po(po.read_text(encoding="utf-8"))))
        sys.stdout.write(f"{mo}\n")


if __name__ == "__main__":
    main()
