"""Turning query results into text: views (what to show) and formats (how to show it).

Each format module is imported only when that format is asked for, so a ``get`` never
pays for rich or tabulate.
"""

FORMATS = ("auto", "table", "plain", "tsv", "csv", "json", "jsonl", "markdown", "html", "xlsx")


def for_stream(text: str, encoding: str) -> str:
    """``text`` unchanged if ``encoding`` can carry all of it, else one clear error: output is
    written whole or not at all, never a half-written table."""
    try:
        text.encode(encoding)
    except (UnicodeEncodeError, LookupError):
        from reporter.errors import ReporterError
        from reporter.messages import Message

        raise ReporterError(Message("output.encoding", encoding=encoding)) from None
    return text
