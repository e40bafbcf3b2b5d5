"""Where an item's field is written, found in the file's lines when a problem needs it."""

from __future__ import annotations

from reporter.model.records import Origin


class FieldLines:
    """Where an item's field is written: the item's origin is its first key; a problem with one
    field (an unknown metric, a source, a unit) is said at that field's line. The files are read
    only when a problem needs it; a field not found (a flow mapping, a series' own key) keeps the
    item's origin."""

    def __init__(self) -> None:
        self.files: dict[str, list[str]] = {}

    def field(self, origin: Origin, key: str) -> Origin:
        lines = self.files.get(origin.path)
        if lines is None:
            try:
                with open(origin.path, encoding="utf-8", errors="replace") as file:
                    lines = self.files[origin.path] = file.read().splitlines()
            except OSError:
                lines = self.files[origin.path] = []
        start, column = origin.line - 1, origin.column - 1
        if column < 0 or not 0 <= start < len(lines):
            return origin
        wanted = (f"{key}:", f'"{key}":', f"'{key}':")
        for number in range(start, len(lines)):
            line = lines[number]
            body = line[column:] if number == start else line.lstrip(" ")
            if number > start:
                if not body or body.startswith("#"):
                    continue
                if len(line) - len(body) != column:  # less: the item has ended; more: inside a field
                    if len(line) - len(body) < column:
                        break
                    continue
            if body.startswith(wanted):
                return Origin(origin.path, number + 1, column + 1)
        return origin
