"""Reading Chinese statistical prose: numbers, units, qualifiers, time words and whose a figure is.

Shared by ``check`` (a fact against its own quote) and ``extract`` (drafts from a bulletin).
Builds on :mod:`reporter.model` only.
"""
