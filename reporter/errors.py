"""The errors reporter raises, and the exit codes they map to.

Nothing here imports click: the CLI turns these into messages at its edge.
"""


from typing import NamedTuple


class ExitCode:
    """Documented process exit codes (plain ints: an IntEnum costs start-up time for nothing)."""

    OK = 0
    ERROR = 1  # unknown name, no data, invalid data file, bad template
    USAGE = 2  # bad option or argument
    INTERRUPTED = 130  # Ctrl-C


class Problem(NamedTuple):
    """One thing wrong in a user's file, with where it is."""

    path: str
    line: int | None
    column: int | None
    message: str

    def __str__(self) -> str:
        where = self.path
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        return f"{where}: {self.message}"


class ReporterError(Exception):
    """Base of every error reporter reports to its user."""

    exit_code: int = ExitCode.ERROR


class DataError(ReporterError):
    """A data file is unreadable or invalid; carries every problem found."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = list(problems)
        super().__init__(str(self.problems[0]) if self.problems else "invalid data")


class LookupFailed(ReporterError):
    """A region, metric, period or theme name matched nothing, or too much."""


class NoData(ReporterError):
    """The question is well formed but the data holds no answer."""


class TemplateFailed(ReporterError):
    """A brief template is missing, invalid, or failed while rendering."""


class UsageProblem(ReporterError):
    """Arguments that parse but cannot be honoured together."""

    exit_code = ExitCode.USAGE
