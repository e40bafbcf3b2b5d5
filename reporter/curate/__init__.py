"""Keeping the data alive: answers checked as ``check`` would, text written into a user's own
file safely, drafts extracted from a bureau's prose, and a bureau's tables imported
(``sheets`` reads the cells, ``figures`` reads a cell as a figure, ``importing`` maps columns to facts).

Builds on :mod:`reporter.data`, :mod:`reporter.prose` and :mod:`reporter.model`; never prints
(warnings are returned) and never imports click.
"""
