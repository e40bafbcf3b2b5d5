"""Questions asked of a dataset, one module per question: choose facts, rank, compare, delta,
search, and which facts a brief heads with.

Pure functions over a :class:`~reporter.model.dataset.Dataset`: they return values and never print.
"""
