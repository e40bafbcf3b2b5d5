"""The entry point: run the command line, and turn every way a run can end into an exit code."""

from __future__ import annotations

import io
import os
import sys
from collections.abc import Sequence

import click

from reporter.cli.group import cli
from reporter.cli.language import click_speaks, given_lang
from reporter.cli.output import OutputFailed, note
from reporter.cli.session import Session
from reporter.errors import (
    DataError,
    ExitCode,
    NoData,
    ReaderGone,
    ReporterError,
    UsageProblem,
)
from reporter.messages import Message


def main(argv: Sequence[str] | None = None) -> None:
    """Console entry point: every failure becomes one line on stderr and a documented exit code.

    ``argv`` None is a real run (arguments from the command line): the cache is then built in a
    detached child after the answer, and the interpreter's final collection is skipped.
    """
    real_run = argv is None
    session = Session()
    code = _run(session, argv)
    if code != ExitCode.INTERRUPTED:
        try:
            # the answer is out: build the cache now, so the first query after an edit does not wait
            session.build_cache(detach=real_run)
        except KeyboardInterrupt:
            note("reporter: " + Message("interrupted").text(session.message_lang), always=True)
            code = ExitCode.INTERRUPTED
    if real_run:
        # From here on Ctrl-C can only end the run sooner: Python's shutdown would print it as an
        # ignored exception (and exit 0); it is "interrupted", 130, as anywhere else.
        import signal

        signal.signal(signal.SIGINT, lambda signum, frame: _interrupted_at_exit(session.message_lang))
        # A real run ends here. Python's shutdown would garbage-collect everything imported and made,
        # which costs more than a warm get's own work; frozen objects are left to the OS, which takes
        # the memory back anyway. Streams are still flushed and atexit handlers run as usual.
        import gc

        gc.freeze()
    sys.exit(int(code))


def _interrupted_at_exit(lang: str) -> None:
    """SIGINT once the answer is out: stdout was flushed with every write, so end at once."""
    note("reporter: " + Message("interrupted").text(lang))
    os._exit(ExitCode.INTERRUPTED)


def _run(session: Session, argv: Sequence[str] | None) -> int:
    given = given_lang(argv if argv is not None else sys.argv[1:])
    if given is not None:  # known before click parses: --help and usage errors speak it too
        session.lang, session.lang_given = given, True
    with click_speaks(session.message_lang):
        return _answer(session, argv)


def _answer(session: Session, argv: Sequence[str] | None) -> int:
    try:
        result = cli.main(args=list(argv) if argv is not None else None, prog_name="reporter",
                          standalone_mode=False, obj=session)
        return result if isinstance(result, int) else ExitCode.OK
    except ReporterError as exc:
        _report(exc, session)
        if _stdout_failed(exc):
            _silence_stdout()
        return ExitCode.USAGE if isinstance(exc, UsageProblem) else exc.exit_code
    except click.exceptions.Abort:
        note("reporter: " + Message("interrupted").text(session.message_lang), always=True)
        return ExitCode.INTERRUPTED
    except click.ClickException as exc:
        # click's usage line and message, in the reader's language (reporter.cli.language), then
        # cleaned like every diagnostic
        shown = io.StringIO()
        exc.show(file=shown)
        note(shown.getvalue().rstrip("\n"), always=True)
        return exc.exit_code
    except KeyboardInterrupt:
        note("reporter: " + Message("interrupted").text(session.message_lang), always=True)
        return ExitCode.INTERRUPTED
    except (ReaderGone, BrokenPipeError):
        # The reader went away (| head -1): end quietly, and keep Python from complaining at exit.
        _silence_stdout()
        return ExitCode.OK


def _report(exc: ReporterError, session: Session) -> None:
    """An error, on stderr whatever --quiet says; an empty answer (exit 3) is a note, which it silences."""
    lang = session.message_lang
    if isinstance(exc, NoData) and session.quiet:
        return
    note(f"reporter: {exc.text(lang)}", always=True)
    if isinstance(exc, DataError) and len(exc.problems) > 1:
        note("reporter: " + Message("more_problems", count=len(exc.problems) - 1,
                                    command=_check_command(session)).text(lang), always=True)


def _check_command(session: Session) -> str:
    """The check that reads the same data as this run: its --data options (add and extract
    --append read their file on top of the data)."""
    from reporter.data.paths import data_options

    given = data_options(session.layers_read if session.layers_read is not None else session.data_options)
    return f"reporter {given} check" if given else "reporter check"


def _stdout_failed(exc: ReporterError) -> bool:
    return isinstance(exc, OutputFailed)


def _silence_stdout() -> None:
    """Point stdout at /dev/null, so the interpreter's final flush has nowhere to fail."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, AttributeError, ValueError):
        pass
