"""The entry point: run the command line, and turn every way a run can end into an exit code.

Only the standard library is imported at the top of this module, on purpose: :func:`main` puts
its signal handlers in place before it imports click, the commands or anything else, so a Ctrl-C
in the first milliseconds of a run is ``reporter: interrupted`` and exit 130, never a traceback
from the middle of an import. Signals, by the moment they come:

* before the command starts (imports, the session): SIGINT, SIGTERM and SIGHUP end the run at
  once, with one line and 130, 143 or 129 (128 + the signal's number): nothing is open yet;
* while a command runs: Ctrl-C raises ``KeyboardInterrupt`` and SIGTERM or SIGHUP raise
  :class:`Stopped`; both unwind the command, so every ``finally`` runs (a temp file beside the
  user's file is removed, a lock released) before the same line and exit code;
* once the answer is out: Ctrl-C ends the run at once (130), as it did before.
"""

from __future__ import annotations

import gc
import io
import os
import signal
import sys
from collections.abc import Sequence
from types import FrameType
from typing import TYPE_CHECKING, NoReturn

if TYPE_CHECKING:
    from reporter.cli.session import Session
    from reporter.errors import ReporterError

_STOPPING = tuple(getattr(signal, name) for name in ("SIGTERM", "SIGHUP") if hasattr(signal, name))
# A run makes records by the hundred thousand (one metric of 2,850 counties is 28,500 facts) and
# they hold no cycles: the collector's default (a pass every 700 new objects, and every hundred passes
# one over everything alive) takes a fifth of a warm rank finding no garbage. A real run collects
# far less often; a cycle, rare here, is still collected.
RUN_COLLECTION = (50_000, 20, 20)
_said_to: list[Session] = []  # the run's session once it exists: the language of a line said by a handler


class Stopped(BaseException):
    """SIGTERM or SIGHUP while a command runs: unwinds it like Ctrl-C, then ends the run with
    128 + the signal's number. A BaseException, so no ``except Exception`` of a command holds it."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


def main(argv: Sequence[str] | None = None) -> None:
    """Console entry point: every failure becomes one line on stderr and a documented exit code.

    ``argv`` None is a real run (arguments from the command line): the signal handlers are then
    installed first of all, the cache is built in a detached child after the answer, and the
    interpreter's final collection is skipped. A run in-process (``argv`` given) leaves the
    caller's signal handlers alone.
    """
    real_run = argv is None
    if real_run:
        _handle(signal.SIGINT, *_STOPPING, by=_end_at_once)
        gc.set_threshold(*RUN_COLLECTION)
    from reporter.cli.output import note
    from reporter.cli.session import Session
    from reporter.errors import ExitCode
    from reporter.messages import Message

    session = Session()
    _said_to[:] = [session]
    code = _run(session, argv, real_run)
    if code not in (ExitCode.INTERRUPTED, *(128 + s for s in _STOPPING)):
        try:
            # the answer is out: build the cache now, so the first query after an edit does not wait
            session.build_cache(detach=real_run)
        except KeyboardInterrupt:
            note("reporter: " + Message("interrupted").text(session.message_lang), always=True)
            code = ExitCode.INTERRUPTED
        except Stopped as stopped:
            code = _stopped(session, stopped)
    if real_run:
        # From here on a signal can only end the run sooner: Python's shutdown would print Ctrl-C
        # as an ignored exception (and exit 0); it is "interrupted", 130, as anywhere else.
        _handle(signal.SIGINT, *_STOPPING, by=_end_at_once)
        # A real run ends here. Python's shutdown would garbage-collect everything imported and made,
        # which costs more than a warm get's own work; frozen objects are left to the OS, which takes
        # the memory back anyway. Streams are still flushed and atexit handlers run as usual.
        gc.freeze()
    sys.exit(int(code))


def _handle(*signums: int, by: object) -> None:
    """Handle these signals ``by`` the function given. A SIGHUP the run was started ignoring stays
    ignored (``nohup`` asks for that); Ctrl-C and SIGTERM are always reporter's to handle, as the
    documented exit codes say (a script's background job starts with SIGINT ignored, unasked)."""
    for signum in signums:
        try:
            if signum != getattr(signal, "SIGHUP", None) or signal.getsignal(signum) != signal.SIG_IGN:
                signal.signal(signum, by)  # type: ignore[arg-type]
        except (OSError, ValueError):  # pragma: no cover - not the main thread, or no such signal here
            pass


def _end_at_once(signum: int, frame: FrameType | None) -> NoReturn:
    """A signal before the command starts or after the answer: nothing to undo, so end now, saying
    why in one line (in the reader's language once the session exists)."""
    name = signal.Signals(signum).name
    english = "interrupted" if signum == signal.SIGINT else f"stopped by {name}"
    try:
        from reporter.messages import Message

        lang = _said_to[0].message_lang if _said_to else "en"
        said = Message("interrupted").text(lang) if signum == signal.SIGINT \
            else Message("signal.terminated", signal=name).text(lang)
    except BaseException:  # noqa: BLE001 - an import cut short by the signal itself: the plain words
        said = english
    try:
        os.write(2, f"reporter: {said}\n".encode("utf-8", "replace"))
    except OSError:
        pass
    os._exit(128 + signum)


def _raise_stopped(signum: int, frame: FrameType | None) -> NoReturn:
    raise Stopped(signum)


def _stopped(session: Session, stopped: Stopped) -> int:
    from reporter.cli.output import note
    from reporter.messages import Message

    name = signal.Signals(stopped.signum).name
    note("reporter: " + Message("signal.terminated", signal=name).text(session.message_lang), always=True)
    return 128 + stopped.signum


def _run(session: Session, argv: Sequence[str] | None, real_run: bool = False) -> int:
    from reporter.cli.language import click_speaks, given_lang

    given = given_lang(argv if argv is not None else sys.argv[1:])
    if given is not None:  # known before click parses: --help and usage errors speak it too
        session.lang, session.lang_given = given, True
    with click_speaks(session.message_lang):
        return _answer(session, argv, real_run)


def _answer(session: Session, argv: Sequence[str] | None, real_run: bool) -> int:
    import click

    from reporter.cli.group import cli
    from reporter.cli.output import note
    from reporter.errors import ExitCode, ReaderGone, ReporterError, UsageProblem
    from reporter.messages import Message

    try:
        if real_run:  # the command may now be unwound: its finally blocks clean up
            _handle(signal.SIGINT, by=signal.default_int_handler)
            _handle(*_STOPPING, by=_raise_stopped)
        args = list(argv) if argv is not None else sys.argv[1:]
        _check_utf8(args, session)
        from reporter.cli.config import settings_for

        session.settings = settings_for(os.environ)  # the config files: a bad one is one line, file:line
        result = cli.main(args=args, prog_name="reporter", standalone_mode=False, obj=session,
                          default_map=session.settings.default_map(os.environ))
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
    except Stopped as stopped:
        return _stopped(session, stopped)
    except (ReaderGone, BrokenPipeError):
        # The reader went away (| head -1): end quietly, and keep Python from complaining at exit.
        _silence_stdout()
        return ExitCode.OK


def _check_utf8(args: Sequence[str], session: Session) -> None:
    """An argument that is not valid UTF-8 (Python hands its bytes over as lone surrogates,
    ``$'\\xc3('`` as ``'\\udcc3('``) is a usage error naming it, never searched for as it is; said
    in the language a ``--lang`` among the arguments asks for (click has not read them yet)."""
    from reporter.errors import UsageProblem
    from reporter.messages import Message

    for arg in args:
        try:
            arg.encode("utf-8")
        except UnicodeEncodeError as exc:
            for at, given in enumerate(args):
                lang = args[at + 1] if given == "--lang" and at + 1 < len(args) else given.removeprefix("--lang=")
                if given.startswith("--lang") and lang in ("en", "zh"):
                    session.lang, session.lang_given = lang, True
            raw = arg.encode("utf-8", "surrogateescape")
            shown = raw.decode("utf-8", "backslashreplace")
            byte = f"{ord(arg[exc.start]) & 0xFF:02x}"
            raise UsageProblem(Message("usage.not_utf8", arg=shown, byte=byte)) from None


def _report(exc: ReporterError, session: Session) -> None:
    """An error, on stderr whatever --quiet says; an empty answer (exit 3) is a note, which it silences."""
    from reporter.cli.output import note
    from reporter.errors import DataError, NoData
    from reporter.messages import Message

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
    from reporter.cli.output import OutputFailed

    return isinstance(exc, OutputFailed)


def _silence_stdout() -> None:
    """Point stdout at /dev/null, so the interpreter's final flush has nowhere to fail."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, AttributeError, ValueError):
        pass
