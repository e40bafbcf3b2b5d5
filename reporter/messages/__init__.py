"""What reporter says to its user about a problem, in English and Chinese, in one table.

Code says ``Message("unknown_field", field=key, what=…, known=…)``; the words are here, a pair
per key, ``{placeholders}`` filled by name. A value may itself be a :class:`Message` (the
``what`` of a field: "fact", "region 'jiangshan'"), said in the same language. The CLI picks
the language: ``--lang`` when given, else the locale (``zh_*`` → Chinese), else English.
"""

from __future__ import annotations

import errno

from reporter.messages.catalogue import MESSAGES


class Message:
    """Words for the user, said in either language: a key of :data:`MESSAGES` and its values."""

    __slots__ = ("key", "values")

    def __init__(self, key: str, **values: object) -> None:
        if key not in MESSAGES:
            raise KeyError(f"no message {key!r}")
        self.key = key
        self.values = values

    def text(self, lang: str = "en") -> str:
        """The words in ``lang``; an English ``{s}`` is the plural ending that a ``count`` value asks for."""
        template = MESSAGES[self.key][1 if lang == "zh" else 0]
        values = {k: v.text(lang) if isinstance(v, Message) else v for k, v in self.values.items()}
        values.setdefault("s", "" if values.get("count") == 1 else "s")
        if lang == "zh":  # "字段 period " keeps its space before words, not before "：" (字段 period：)
            for name, value in values.items():
                if isinstance(value, str) and value.endswith(" ") and isinstance(self.values.get(name), Message) \
                        and any(f"{{{name}}}{mark}" in template for mark in "：，；。、）"):
                    values[name] = value.rstrip(" ")
        return template.format(**values)

    def __str__(self) -> str:
        return self.text("en")

    def __repr__(self) -> str:
        return f"Message({self.key!r}, {self.values!r})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Message) and (self.key, self.values) == (other.key, other.values)

    def __hash__(self) -> int:
        return hash(self.key)


def say(text: str | Message, lang: str = "en") -> str:
    """``text`` in ``lang`` if it is a :class:`Message`, else as it is."""
    return text.text(lang) if isinstance(text, Message) else text


class Named(Message):
    """A name the data give in both languages (a region's, a metric's label, a period in words),
    said in the message's language."""

    __slots__ = ()

    def __init__(self, en: str, zh: str) -> None:
        super().__init__("named", name=en, zh=zh)

    def text(self, lang: str = "en") -> str:
        return str(self.values["zh" if lang == "zh" else "name"])


def os_reason(exc: OSError) -> Message | str:
    """Why the operating system refused, in the reader's language when it is a common reason
    (else its own words, in English)."""

    name = errno.errorcode.get(exc.errno or 0, "")
    own = exc.strerror or str(exc)
    if f"os.{name}" in MESSAGES:  # the English as the system says it, the Chinese from the table
        return Named(own, MESSAGES[f"os.{name}"][1])
    return own
