"""The subcommands, imported one module at a time by :class:`reporter.cli.group.LazyGroup`."""
