"""Turning query results into text: views (what to show) and formats (how to show it).

Each format module is imported only when that format is asked for, so a ``get`` never
pays for rich or tabulate.
"""

FORMATS = ("auto", "table", "plain", "tsv", "csv", "json", "markdown")
