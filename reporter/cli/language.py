"""The reader's language for the whole run, click's own words included.

The language is ``--lang`` when the command line gives it (before the command or after it; the
last one wins, as it would once parsed), else the locale's (:attr:`Session.message_lang`). It is
read from the arguments before click parses them, so ``--help`` and a usage error that stops the
run before ``--lang`` is reached still speak it.

click says its own words (``Usage:``, ``Missing argument``, ``No such option``, ``Show this
message and exit.``) through the standard library's ``gettext``, in its default text domain and
the language of the environment. For a Chinese reader :func:`click_speaks` points that domain at
reporter's catalogue of click's strings (``locale/zh/LC_MESSAGES/reporter-click.po``, compiled to
the ``.mo`` beside it) and asks gettext for Chinese through its ``LANGUAGE`` variable, for the run
only. An English reader gets click's own English, untouched. Nothing is read until click
actually says something: the catalogue costs an answer that needs none of click's words nothing.
"""

from __future__ import annotations

import gettext
import os
from collections.abc import Iterator, Sequence
from contextlib import contextmanager

DOMAIN = "reporter-click"
LOCALE_DIR = os.path.join(os.path.dirname(os.path.realpath(__file__)), "locale")
LANGS = ("zh", "en")


def given_lang(argv: Sequence[str]) -> str | None:
    """The ``--lang`` of a command line (``--lang zh`` or ``--lang=zh``), the last one given, before
    any ``--``; None when it gives none."""
    args = list(argv)
    if "--" in args:
        args = args[:args.index("--")]
    said = None
    for at, arg in enumerate(args):
        if arg == "--lang" and at + 1 < len(args) and args[at + 1] in LANGS:
            said = args[at + 1]
        elif arg.startswith("--lang=") and arg.partition("=")[2] in LANGS:
            said = arg.partition("=")[2]
    return said


@contextmanager
def click_speaks(lang: str) -> Iterator[None]:
    """click's words in ``lang`` while the block runs (Chinese from reporter's catalogue; English is
    click's own); gettext's domain and ``LANGUAGE`` are as they were afterwards."""
    if lang != "zh":
        yield
        return
    domain, language = gettext.textdomain(), os.environ.get("LANGUAGE")
    gettext.bindtextdomain(DOMAIN, LOCALE_DIR)
    gettext.textdomain(DOMAIN)
    os.environ["LANGUAGE"] = "zh"
    try:
        yield
    finally:
        gettext.textdomain(domain)
        if language is None:
            os.environ.pop("LANGUAGE", None)
        else:
            os.environ["LANGUAGE"] = language
