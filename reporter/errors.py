"""The errors reporter raises, and the exit codes they map to.

Nothing here imports click: the CLI turns these into messages at its edge.
"""


from typing import NamedTuple

from reporter.messages import Message


class ExitCode:
    """Documented process exit codes (plain ints: an IntEnum costs start-up time for nothing).

    A script tells the outcomes apart by them: an answer (0), no answer to a good question (3: a
    machine format still printed a valid, empty document), a check that found a change for the
    worse (4), and something broken (1) or mistyped (2)."""

    OK = 0
    ERROR = 1  # unknown name, invalid data file, bad template, unwritable output
    USAGE = 2  # bad option or argument, or options that cannot go together
    NOTHING = 3  # the question was good, the data valid, and the answer empty
    WORSE = 4  # delta --fail-on worse: a change went the wrong way (and was printed)
    INTERRUPTED = 130  # Ctrl-C


class Problem(NamedTuple):
    """One thing wrong in a user's file, with where it is."""

    path: str
    line: int | None
    column: int | None
    message: "str | Message"

    def __str__(self) -> str:
        return self.text("en")

    def text(self, lang: str = "en") -> str:
        """``file:line:column: what is wrong``, in ``lang`` when the message can say it so."""
        where = self.path
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        message = self.message if isinstance(self.message, str) else self.message.text(lang)
        return f"{where}: {message}"


class ReporterError(Exception):
    """Base of every error reporter reports to its user; its message may be a translatable Message."""

    exit_code: int = ExitCode.ERROR

    def __init__(self, message: "str | Message" = "") -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.text("en")

    def text(self, lang: str = "en") -> str:
        return self.message if isinstance(self.message, str) else self.message.text(lang)


class DataError(ReporterError):
    """A data file is unreadable or invalid; carries every problem found (the data layer's
    :class:`reporter.data.crosscheck.InvalidData` also carries what did load)."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = list(problems)
        super().__init__(str(self.problems[0]) if self.problems else "invalid data")

    def text(self, lang: str = "en") -> str:
        return self.problems[0].text(lang) if self.problems else super().text(lang)


class LookupFailed(ReporterError):
    """A region, metric, period or theme name matched nothing, or too much."""


class NoData(ReporterError):
    """The question is well formed but the data holds no answer: exit 3, and what to say is a note
    (``--quiet`` silences it), not an error."""

    exit_code = ExitCode.NOTHING


class TemplateFailed(ReporterError):
    """A brief template is missing, invalid, or failed while rendering."""


class UsageProblem(ReporterError):
    """Arguments that parse but cannot be honoured together."""

    exit_code = ExitCode.USAGE


class ReaderGone(Exception):
    """The reader of our output went away (``| head -1``): the run ends quietly, exit 0.

    Raised in place of ``BrokenPipeError``, which click would turn into exit 1 mid-command."""
