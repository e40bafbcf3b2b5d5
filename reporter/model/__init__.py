"""The model: facts, regions, metrics and sources as validated values, the dataset interface,
periods and the words for them, units, and the names users type for all of these.

The lowest layer: it imports nothing of reporter's but :mod:`reporter.messages` and :mod:`reporter.errors`.
"""
