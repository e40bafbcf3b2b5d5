"""The command line: click glue between the user and the query and render layers.

Only this package and :mod:`reporter.commands` touch click. Heavy modules (rich, tabulate,
yaml, jinja2) are imported inside the functions that need them, so ``reporter get`` starts fast.
``session`` holds one run's settings and data, ``config`` reads the config files into them,
``output`` writes (``written`` to ``-o FILE`` and the binary formats), ``options`` and
``completion`` serve the commands, ``group`` is the ``reporter`` group, ``main`` the entry point.
"""

from reporter.cli.main import main

__all__ = ["main"]
