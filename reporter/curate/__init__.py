"""Keeping the data alive: answers checked as ``check`` would, text written into a user's own
file safely, and drafts extracted from a bureau's prose.

Builds on :mod:`reporter.data`, :mod:`reporter.prose` and :mod:`reporter.model`; never prints
(warnings are returned) and never imports click.
"""
