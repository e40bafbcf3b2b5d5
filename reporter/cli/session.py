"""What the global options decided, and the dataset they name, opened on first use."""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from reporter.render.terminal import Environment

if TYPE_CHECKING:
    from reporter.cache import Progress
    from reporter.cli.config import Settings
    from reporter.model.dataset import Dataset
    from reporter.model.records import Metric, Region, Theme
    from reporter.query.filters import Filters


class Session:
    """One run's settings and data. The dataset is opened (through the cache) when a command first
    asks for it; a cache build that opening deferred is run by :meth:`build_cache` after the answer."""

    def __init__(self, data_options: tuple[str, ...] = (), fmt: str | None = None, lang: str = "zh",
                 color: str = "auto", use_cache: bool = True) -> None:
        self.paging = True  # --no-pager turns it off
        self.data_options = data_options
        self.layers_read: list[str] | None = None  # the layers a command read instead (add: its file on top)
        self.fmt = fmt
        self.lang = lang
        self.color = color
        self.use_cache = use_cache
        self.lang_given = False  # whether --lang was on the command line (it then chooses the messages' language)
        self.quiet = False  # --quiet: no notes or progress bars, only errors
        self.header = True  # --no-header turns off the header row of csv, tsv and plain text
        self.bom = False  # --bom (or --encoding utf-8-sig): a byte order mark first, for Excel
        self.encoding: str | None = None  # --encoding: what stdout and -o files are written in
        self.fields: tuple[str, ...] = ()  # --fields: the record fields of json, jsonl, csv and tsv
        self.output: str | None = None  # -o FILE of a command that prints tables: where its output goes
        self.settings: Settings | None = None  # what the config files say (reporter.cli.config)
        self._data: Dataset | None = None
        self._whole: Dataset | None = None  # the data before the filters (names are looked up in it)
        self.filters: Filters | None = None  # --prefecture, --province, --level, --regions-from, --where
        self.where_text: str | None = None  # --where as typed: read (exit 2 if it does not parse) before the data
        self._env: Environment | None = None
        self._build: Callable[[], None] | None = None

    @property
    def env(self) -> Environment:
        if self._env is None:
            self._env = Environment.detect(self.color, paging=self.paging)
        return self._env

    @property
    def message_lang(self) -> str:
        """The language of errors and notes: ``--lang`` when given, else the locale's (zh_* is Chinese),
        else English."""
        if self.lang_given:
            return self.lang
        for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
            value = os.environ.get(name, "")
            if value:
                return "zh" if value.lower().startswith("zh") else "en"
        return "en"

    @property
    def data_paths(self) -> tuple[str, ...]:
        """The layers of data in effect (``--data`` …, ``$REPORTER_DATA`` or the bundled file)."""
        from reporter.data.paths import resolve_data_paths

        return resolve_data_paths(self.data_options or self.configured_data(), os.environ)

    def configured_data(self) -> tuple[str, ...]:
        """The config files' ``data`` layers, unless ``$REPORTER_DATA`` (which comes first) is set."""
        if self.settings is None or not self.settings.get("data") or os.environ.get("REPORTER_DATA", "").strip():
            return ()
        return tuple(self.settings.get("data"))

    def apply_settings(self, fmt: str, takes_encoding: bool) -> None:
        """The config files' encoding and bom, for a format that takes them (csv, tsv, text), unless
        the command line chose the output's encoding or mark itself."""
        if self.settings is None or not takes_encoding or self.encoding is not None or self.bom:
            return
        encoding, bom = self.settings.get("encoding"), self.settings.get("bom")
        if encoding:
            self.set_encoding(encoding)
        if bom and self.encoding in (None, "utf-8"):
            self.bom = True

    @property
    def data(self) -> Dataset:
        if self._data is None:
            from reporter.cache import open_dataset
            from reporter.errors import DataError

            self._read_where()
            paths = self.data_paths
            try:
                opened = open_dataset(paths[0] if len(paths) == 1 else paths, use_cache=self.use_cache,
                                      progress=self.progress())
            except DataError as exc:
                from reporter.cli.layers import name_origins

                name_origins(exc, paths, bool(self.data_options))
                raise
            self._whole, self._build = opened.data, opened.build
            self._data = opened.data
            if self.filters:
                from reporter.query.filters import filtered

                self._data = filtered(opened.data, self.filters)
        return self._data

    def _read_where(self) -> None:
        """``--where``, parsed; a condition that does not parse is a usage error naming its column."""
        text, self.where_text = self.where_text, None
        if text is None:
            return
        from reporter.errors import UsageProblem
        from reporter.messages import Message
        from reporter.query.where import WhereError, parse_where

        try:
            tree = parse_where(text)
        except WhereError as exc:
            fields = {k: Message(v) if k == "what" and v.startswith("where.") else v for k, v in exc.fields.items()}
            raise UsageProblem(Message("where.bad", reason=Message(exc.key, **fields), column=exc.column,
                                       text=text, marker=" " * (exc.column - 1) + "^")) from None
        self.filter(where=tree)

    def filter(self, **given: Any) -> None:
        """Record a filter option (the dataset is narrowed when it is opened)."""
        from reporter.query.filters import Filters

        self.filters = (self.filters or Filters())._replace(**given)

    def set_encoding(self, name: str) -> None:
        """Write stdout (and ``-o`` files) in ``name``: utf-8, gb18030 (every character, as zh-CN
        Windows reads files), or utf-8-sig (UTF-8 after a byte order mark, as Excel wants it)."""
        import sys

        self.bom = self.bom or name == "utf-8-sig"
        self.encoding = "utf-8" if name == "utf-8-sig" else name
        reconfigure = getattr(sys.stdout, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(encoding=self.encoding)
        self._env = None  # the output's encoding is part of the environment

    def set_terminal(self, color: str | None = None, paging: bool | None = None) -> None:
        """``--color`` and ``--no-pager``, given after the command: the environment is detected anew."""
        if color is not None:
            self.color = color
        if paging is not None:
            self.paging = paging
        self._env = None

    def progress(self) -> Progress | None:
        """Slow steps said on the run's progress display (reporter.cli.progress), when it has one
        (stderr a terminal, not --quiet); None: nothing to show."""
        from reporter.cli import progress

        meter = progress.current()
        if meter is None:
            return None
        lang = self.message_lang
        return lambda label, total=None: meter.step(label.text(lang), total)

    # -- names typed by the user

    def region(self, name: str) -> Region:
        from reporter.model.names import find_region

        data = self.data
        if self._whole is None or self._whole is data:
            return find_region(data, name)
        found = find_region(self._whole, name)  # a region the filters leave out is named as such
        if found.id not in data.regions:
            from reporter.errors import NoData
            from reporter.messages import Message

            raise NoData(Message("filter.region_outside", region=found.said()))
        return found

    def metric(self, name: str) -> Metric:
        from reporter.model.names import find_metric

        return find_metric(self.data, name)

    def theme(self, name: str | None) -> Theme | None:
        from reporter.model.names import find_theme

        return find_theme(self.data, name) if name else None

    # -- after the answer

    def build_cache(self, detach: bool) -> None:
        """Build the cache opening deferred; with ``detach``, in a forked child that lets this process
        exit at once (its stdio pointed away, so no pipe waits for it)."""
        build, self._build = self._build, None
        if build is None:
            return
        if detach and hasattr(os, "fork"):
            try:
                pid = os.fork()
            except OSError:
                pid = -1
            if pid == 0:  # the child: build, never return into the caller
                try:
                    devnull = os.open(os.devnull, os.O_RDWR)
                    for fd in (0, 1, 2):
                        os.dup2(devnull, fd)
                    build()
                finally:
                    os._exit(0)
            if pid > 0:
                return
        build()
