"""Reading and checking data files: safe YAML, the field rules, loading layers into a
:class:`~reporter.model.dataset.Dataset`, cross-checks, plausibility and provenance.

Builds on :mod:`reporter.model` and :mod:`reporter.prose`; knows nothing of queries, rendering or the CLI.
"""
