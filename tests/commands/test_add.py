"""reporter add: the script form in-process, and the questions for real, in a pseudo-terminal.

The interactive tests run ``python -m reporter add`` as a child on a pty (the stdlib's ``pty``:
the child's stdin, stdout and stderr are the terminal, and Ctrl-C is the terminal's), type the
answers as a person would, read the questions and complaints back, and check the file written.
"""

from __future__ import annotations

import codecs
import os
import pty
import re
import select
import shutil
import signal
import struct
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from reporter.data.load import load_dataset
from reporter.data.paths import bundled_data_path
from tests.conftest import run

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "append"
BUNDLED = bundled_data_path()
Q3 = ["江山", "研发投入", "3.1", "--unit", "亿元", "--period", "2020年1-9月", "--quote", "1-9月全市规上企业研发投入3.1亿元"]
# a source of the user's own, for the quotes of Q3 (SYNTHETIC: an invented bulletin)
Q3_SOURCE = 'sources:\n  jiangshan-q3: {publication: 江山市科技局, title: 2020年前三季度工作总结, date: "2020-10"}\n'


# --------------------------------------------------------------------------- the script form


def test_a_fact_from_arguments_is_appended_and_loads(tmp_path: Path) -> None:
    mine = tmp_path / "mine.yaml"
    mine.write_text(Q3_SOURCE, encoding="utf-8")
    result = run("--lang", "en", "add", *Q3, "--yoy", "12%", "--source", "jiangshan-q3", "--file", str(mine))
    assert result.code == 0, result
    assert result.stdout == ""
    assert f"added rd_investment 3.1亿元 (2020-01/09) to jiangshan in {mine} (lines 3-12)" in result.stderr
    assert f"reporter --data bundled --data {mine} show jiangshan" in result.stderr  # not yet in effect
    assert mine.read_text(encoding="utf-8") == Q3_SOURCE + (
        "regions:\n  jiangshan:\n    facts:\n      - metric: rd_investment\n        value: 3.1\n        unit: 亿元\n"
        "        period: 2020-01/09\n        yoy_pct: 12\n        source: jiangshan-q3\n"
        "        quote: \"1-9月全市规上企业研发投入3.1亿元\"\n")
    shown = run("--data", "bundled", "--data", str(mine), "get", "江山", "研发投入")
    assert shown.stdout == "3.1亿元\n"


def test_the_file_defaults_to_the_top_data_layer(tmp_path: Path) -> None:
    mine = tmp_path / "quarter.yaml"
    shutil.copy(FIXTURES / "quarter.yaml", mine)
    result = run("--lang", "en", "--data", "bundled", "--data", str(mine), "add", "jiangshan", "rd_investment", "3.4",
                 "--unit", "亿元", "--period", "2020-01/10", "--quote", "1-10月全市规上企业研发投入3.4亿元")
    assert result.code == 0 and "not among the data in effect" not in result.stderr, result
    assert "period: 2020-01/10" in mine.read_text(encoding="utf-8")
    nowhere = run("--lang", "en", "add", *Q3)
    assert nowhere.code == 2 and "give --file FILE" in nowhere.stderr


@pytest.mark.parametrize(("args", "code", "words"), [
    (["江山", "研发投入", "3.1", "--unit", "万元", "--period", "2020年1-9月", "--quote", "1-9月研发投入3.1亿元",
      "--source", "page-2020-kjdd"], 1, "the quote says 3.1亿元: the unit is 亿元, not 万元"),  # a dropped 亿
    (["江山", "研发投入", "3.1", "--unit", "亿元", "--period", "2020年1-9月", "--quote", "1-9月研发投入3.1亿元"], 2,
     "jiangshan's facts in "),  # no --source: the bundled region's would be taken
    (["江山", "研发投入", "3.1", "--period", "2020年1-9月", "--quote", "x", "--source", "jiangshan-q4"], 2,
     "unknown source 'jiangshan-q4': declare a new source first (reporter add --new-source jiangshan-q4 --file "),
    (["江山", "研发投入", "3.1", "--unit", "家", "--period", "2020年1-9月", "--quote", "x"], 2,
     "unit '家' does not fit metric 'rd_investment'"),
    (["江山", "研发投", "3.1", "--period", "2020-13", "--quote", "x"], 2, "month 13 is not 01-12"),
    (["江山", "no such metric", "3.1", "--period", "2020", "--quote", "x"], 2, "unknown metric 'no such metric'"),
    (["江山", "研发投入", "1,200", "--period", "2020", "--quote", "x"], 2, "write it without thousands separators"),
    (["江山", "研发投入", "2.06", "--unit", "亿元", "--period", "2020年1-5月", "--quote", "研发投入2.06亿元"], 1,
     "reporter: Jiangshan already has R&D investment, enterprises above designated size for Jan–May 2020 (at "),
    (["江山", "研发投入", "3.1"], 2, "give REGION METRIC VALUE with --period and --quote"),
    (["江山", "研发投入", "--yoy", "5"], 2, "--yoy instead of VALUE"),
    (["江山", "研发投入", "3.1", "--new-region", "xinxian"], 2, "--new-region ID takes no REGION METRIC VALUE"),
])
def test_what_the_arguments_get_wrong_is_said_and_nothing_is_written(tmp_path: Path, args: list[str], code: int,
                                                                     words: str) -> None:
    mine = tmp_path / "mine.yaml"
    result = run("--lang", "en", "add", *args, "--file", str(mine))
    assert (result.code, result.stdout) == (code, ""), result
    assert words in result.stderr
    assert not mine.exists()


def test_a_new_quote_needs_its_own_source_not_the_bundled_regions(tmp_path: Path) -> None:
    """Without --source a fact in the user's file would take the bundled region's source, a newspaper
    page that does not hold the new quote (and check, which reads no source text, would pass it)."""
    mine = tmp_path / "mine.yaml"
    mine.write_text(Q3_SOURCE, encoding="utf-8")
    for lang, words in (("en", "jiangshan's facts in {mine} would take the region's source, 'page-2020-kjdd' (at "),
                        ("zh", "{mine} 中 jiangshan 的数据会沿用该地区的来源“page-2020-kjdd”（见 ")):
        result = run("--lang", lang, "add", *Q3, "--file", str(mine))
        assert result.code == 2 and result.stderr.startswith("reporter: " + words.format(mine=mine)), result
        assert "--source ID" in result.stderr and f"{mine}" in result.stderr.split("--source ID")[1]
    assert mine.read_text(encoding="utf-8") == Q3_SOURCE


def test_the_source_on_the_regions_entry_in_the_file_is_its_facts_default(tmp_path: Path) -> None:
    mine = tmp_path / "mine.yaml"
    text = Q3_SOURCE + "regions:\n  jiangshan:\n    source: jiangshan-q3\n"
    mine.write_text(text, encoding="utf-8")
    result = run("--lang", "en", "add", *Q3, "--file", str(mine))
    assert result.code == 0, result
    written = mine.read_text(encoding="utf-8")
    assert written.startswith(text) and "source:" not in written[len(text):]
    shown = run("--data", "bundled", "--data", str(mine), "export", "--format", "csv")
    assert ",2020-01/09,exact,,,,,jiangshan-q3," in shown.stdout


def test_a_file_add_cannot_edit_safely_is_refused_in_one_line_at_its_line(tmp_path: Path) -> None:
    mine = tmp_path / "mine.yaml"
    text = Q3_SOURCE + ("regions:\n  jiangshan:\n    facts: [{metric: rd_investment, value: 1, period: '2019', "
                        "quote: x1万元, source: jiangshan-q3}]\n")
    mine.write_text(text, encoding="utf-8")
    for lang, words in (("en", "is written in flow style"), ("zh", "是流式写法")):
        result = run("--lang", lang, "add", *Q3, "--source", "jiangshan-q3", "--file", str(mine))
        assert result.code == 1 and result.stderr.startswith(f"reporter: {mine}:5: ") and words in result.stderr
        assert result.stderr.count("\n") == 1
    assert mine.read_text(encoding="utf-8") == text


def test_messages_are_chinese_under_lang_zh(tmp_path: Path) -> None:
    result = run("--lang", "zh", "add", "江山", "研发投入", "3.1", "--unit", "家", "--period", "2020", "--quote", "x",
                 "--file", str(tmp_path / "m.yaml"))
    assert result.code == 2 and "单位“家”与指标“rd_investment”不符" in result.stderr


def test_a_new_region_from_arguments_is_a_skeleton_with_every_required_field(tmp_path: Path) -> None:
    mine = tmp_path / "mine.yaml"
    result = run("--lang", "en", "add", "--new-region", "xinxian", "--source", "xinxian-2020", "--file", str(mine))
    assert result.code == 0, result
    assert "fill the 9 fields marked TODO" in result.stderr  # 3 of the source, 6 of the region
    text = mine.read_text(encoding="utf-8")
    for field in ("zh", "short", "en", "level", "prefecture", "province", "publication", "title", "date"):
        assert re.search(rf'^    {field}: ""  # TODO', text, re.M), field
    checked = run("--data", "bundled", "--data", str(mine), "check", "--all")  # unfinished: warned of, not failed
    assert checked.code == 0 and checked.stderr.count("is unfinished, and left out until it is filled") == 9
    assert run("--data", "bundled", "--data", str(mine), "check", "--strict").code == 1
    assert run("--data", "bundled", "--data", str(mine), "get", "江山", "研发投入").stdout == "2.06亿元\n"
    again = run("--lang", "en", "add", "--new-region", "jiangshan", "--file", str(tmp_path / "other.yaml"))
    assert again.code == 1 and "region 'jiangshan' already exists" in again.stderr


def test_a_new_source_is_declared_before_its_first_fact(tmp_path: Path) -> None:
    """A quote from a new bulletin needs its source declared: --new-source writes the skeleton, and
    once it is filled a fact can name it."""
    mine = tmp_path / "mine.yaml"
    result = run("--lang", "en", "--data", "bundled", "add", "--new-source", "js-2022", "--file", str(mine))
    assert result.code == 0, result
    assert "skeleton of source 'js-2022'" in result.stderr
    text = mine.read_text(encoding="utf-8")
    for field in ("publication", "title", "date"):
        assert re.search(rf'^    {field}: ""  # TODO', text, re.M), field
    checked = run("--data", "bundled", "--data", str(mine), "check")
    assert checked.code == 0 and checked.stderr.count("is unfinished") == 3
    mine.write_text(text.replace('publication: ""', "publication: 江山市科技局").replace(
        'title: ""', "title: 2022年工作总结").replace('date: ""', 'date: "2023-01"'), encoding="utf-8")
    fact = run("--data", "bundled", "--data", str(mine), "add", "江山", "研发投入", "3", "--unit", "亿元",
               "--period", "2022", "--quote", "2022年研发投入3亿元", "--source", "js-2022")
    assert fact.code == 0, fact
    assert run("--data", "bundled", "--data", str(mine), "check").code == 0
    again = run("--lang", "zh", "--data", "bundled", "--data", str(mine), "add", "--new-source", "js-2022")
    assert again.code == 1 and f"来源“js-2022”已存在（定义于 {mine}:6）" in again.stderr, again.stderr
    bundled = run("--lang", "en", "--data", "bundled", "add", "--new-source", "page-2020-kjdd", "--file", str(mine))
    assert bundled.code == 1 and "source 'page-2020-kjdd' already exists (defined at" in bundled.stderr
    both = run("add", "--new-source", "a", "--new-region", "b", "--file", str(mine))
    assert both.code == 2


# --------------------------------------------------------------------------- the questions, on a terminal


class Terminal:
    """``python -m reporter ARGS`` on a pseudo-terminal: read what it shows, type what a person would."""

    def __init__(self, args: list[str], cwd: Path, env: dict[str, str] | None = None) -> None:
        pid, fd = pty.fork()
        if pid == 0:  # the child: the pty is its controlling terminal, 200 columns wide
            try:
                import fcntl
                import termios

                fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 200, 0, 0))
                os.chdir(cwd)
                os.execve(sys.executable, [sys.executable, "-m", "reporter", *args],
                          {**os.environ, "TERM": "xterm", "COLUMNS": "200", "LANG": "C.UTF-8", "PYTHONIOENCODING": "utf-8",
                           **(env or {})})
            finally:
                os._exit(127)
        self.pid, self.fd = pid, fd
        self.seen, self.at, self.code = "", 0, None
        self._decode = codecs.getincrementaldecoder("utf-8")("replace")

    def _read(self, timeout: float) -> bool:
        """Read what the terminal shows within ``timeout``; False once the child has gone."""
        ready, _, _ = select.select([self.fd], [], [], timeout)
        if not ready:
            return True
        try:
            data = os.read(self.fd, 4096)
        except OSError:  # the child has gone and the terminal with it
            data = b""
        self.seen += self._decode.decode(data)
        return bool(data)

    def expect(self, pattern: str, timeout: float = 30) -> re.Match[str]:
        """Wait until ``pattern`` appears after what was expected last."""
        regex, deadline = re.compile(pattern), time.monotonic() + timeout
        while (found := regex.search(self.seen, self.at)) is None:
            left = deadline - time.monotonic()
            if left <= 0 or not self._read(min(left, 0.2)):
                if (found := regex.search(self.seen, self.at)) is not None:
                    break
                raise AssertionError(f"{pattern!r} not shown; the terminal shows:\n{self.seen[self.at:]}")
        self.at = found.end()
        return found

    def answer(self, prompt: str, text: str) -> None:
        self.expect(prompt)
        os.write(self.fd, text.encode("utf-8") + b"\r")

    def key(self, keys: bytes) -> None:
        os.write(self.fd, keys)

    def end_input(self, prompt: str) -> None:
        """Ctrl-D at ``prompt``, once the child waits for a key there: a Ctrl-D that reaches the terminal
        before readline reads it is taken as the end of the answer before (a race, not what a person does)."""
        self.expect(prompt)
        if Path(f"/proc/{self.pid}/wchan").exists():
            self.waiting_for_input()
        else:
            time.sleep(0.5)
        os.write(self.fd, b"\x04")

    def waiting_for_input(self, timeout: float = 30) -> None:
        """Return once the child is blocked reading the terminal. A signal that lands between
        readline showing its prompt and waiting for a key is only acted on at the next key (a race
        in Python's readline); a person's Ctrl-C comes later than that, and so does this test's."""
        wchan = Path(f"/proc/{self.pid}/wchan")
        if not wchan.exists():
            pytest.skip("needs /proc/PID/wchan to know the child waits for a key")
        deadline = time.monotonic() + timeout
        while not re.search("poll|select|n_tty_read|wait_woken", wchan.read_text()):
            assert time.monotonic() < deadline, f"never waited for input; the terminal shows:\n{self.seen}"
            self._read(0.01)

    def _exited(self) -> bool:
        pid, status = os.waitpid(self.pid, os.WNOHANG)
        if pid:
            self.code = os.waitstatus_to_exitcode(status)
        return bool(pid)

    def wait(self, timeout: float = 30) -> int:
        deadline = time.monotonic() + timeout
        while self.code is None and not self._exited():
            assert time.monotonic() < deadline, f"still running; the terminal shows:\n{self.seen[self.at:]}"
            self._read(0.1)
        while self._read(0.05):
            pass
        return self.code

    def close(self) -> None:
        if self.code is None and not self._exited():
            os.kill(self.pid, signal.SIGKILL)
            os.waitpid(self.pid, 0)
        os.close(self.fd)


@pytest.fixture
def terminal(tmp_path: Path) -> Iterator[type[Terminal]]:
    started: list[Terminal] = []

    class Started(Terminal):
        def __init__(self, args: list[str], cwd: Path = tmp_path, env: dict[str, str] | None = None) -> None:
            super().__init__(args, cwd, env)
            started.append(self)

    yield Started
    for t in started:
        t.close()


def test_every_answer_is_checked_as_it_is_typed_and_the_fact_written(tmp_path: Path,
                                                                      terminal: type[Terminal]) -> None:
    mine = tmp_path / "quarter.yaml"
    shutil.copy(FIXTURES / "quarter.yaml", mine)
    before = mine.read_text(encoding="utf-8")
    t = terminal(["--lang", "en", "--data", "bundled", "--data", str(mine), "add"])
    t.expect(f"Adding facts to {re.escape(str(mine))}")
    t.answer(r"Region: ", "江山县")
    t.expect(r"unknown region '江山县' \(did you mean 江山市\?\)")  # once, by its name as typed: Chinese
    t.answer(r"Region: ", "江山")
    t.expect(r"Metric \(id or name\): ")
    t.key(b"rd_inv\t")  # Tab completes from the catalogue
    t.expect("rd_investment")
    t.key(b"\r")
    t.expect(r"rd_investment: 规上企业研发投入 / R&D investment")
    t.answer(r"Value, as printed.*: ", "3,4")
    t.expect(r"'3,4' is not a number")
    t.answer(r"Value, as printed.*: ", "３.４")  # full-width digits are read as digits
    t.answer(r"Unit \[万元\]: ", "家")
    t.expect(r"unit '家' does not fit metric 'rd_investment'")
    t.answer(r"Unit \[万元\]: ", "万元")
    t.answer(r"Period .*: ", "2020年1-9月")
    t.expect(r"Jiangshan already has R&D investment, enterprises above designated size for Jan–Sep 2020 "
             r"\(at .*quarter.yaml:\d+\)")  # in words
    t.answer(r"Period .*: ", "2020年1-10月")
    t.answer(r"Qualifier .*\[exact\]: ", "")
    t.answer(r"Change year over year .*: ", "7.5")
    t.answer(r"Quote .*: ", "1-10月全市规上企业研发投入3.4亿元，同比增长7.5%")
    t.expect(r"the quote says 3.4亿元: the unit is 亿元, not 万元; correct the quote, or type < to go back")
    for _ in range(4):  # back to the unit: quote, change, qualifier, period, unit
        t.answer(r"(Quote|Change|Qualifier|Period) .*: ", "<")
    t.answer(r"Unit \[万元\]: ", "亿元")
    t.answer(r"Period .*: ", "2020年1-10月")
    t.answer(r"Qualifier .*\[exact\]: ", "")
    t.answer(r"Change year over year .*: ", "7.5%")
    t.answer(r"Quote .*: ", "1-10月全市规上企业研发投入3.4亿元，同比增长7.5%")
    t.answer(r"Source id .*: ", "")
    t.expect(r"Jiangshan · R&D investment, enterprises above designated size · 3.4亿元 · Jan–Oct 2020 · "
             r"change 7.5% year on year")  # names and the period in words, not ids
    t.answer(r"Add this fact to .*\? \(y/n\) \[y\]: ", "")
    t.expect(r"added rd_investment 3.4亿元 \(2020-01/10\) to jiangshan")
    t.answer(r"Region \[jiangshan\]: ", "")  # the next fact starts from the last one's region
    t.end_input(r"Metric \(id or name\): ")  # Ctrl-D: done
    assert t.wait() == 0
    after = mine.read_text(encoding="utf-8")
    added = ("      - metric: rd_investment\n        value: 3.4\n        unit: 亿元\n        period: 2020-01/10\n"
             "        yoy_pct: 7.5\n        quote: \"1-10月全市规上企业研发投入3.4亿元，同比增长7.5%\"\n")
    at = before.index("重新认定\n") + len("重新认定\n")  # after the last fact, before the blank line
    assert after == before[:at] + added + before[at:]
    assert len(load_dataset([BUNDLED, mine]).facts) == 78 + 3


def test_the_questions_are_chinese_under_lang_zh_and_ctrl_d_writes_nothing(tmp_path: Path,
                                                                          terminal: type[Terminal]) -> None:
    mine = tmp_path / "mine.yaml"
    t = terminal(["--lang", "zh", "add", "--file", str(mine)])
    t.expect("向 .*mine.yaml 添加数据")
    t.answer("地区: ", "洞头")
    t.answer(r"指标（代码或名称）: ", "R&D经费投入")
    t.answer(r"数值（按原文.*）: ", "abc")
    t.expect("不是数字|is not a number")
    t.end_input(r"数值（按原文.*）: ")
    assert t.wait() == 0
    assert not mine.exists()


def test_the_source_is_asked_for_when_the_file_names_none_for_the_region(tmp_path: Path,
                                                                          terminal: type[Terminal]) -> None:
    mine = tmp_path / "mine.yaml"
    mine.write_text(Q3_SOURCE, encoding="utf-8")
    t = terminal(["--lang", "zh", "add", "--file", str(mine)])
    t.answer("地区: ", "江山")
    t.answer(r"指标（代码或名称）: ", "研发投入")
    t.answer(r"数值（按原文.*）: ", "3.1")
    t.answer(r"单位 \[万元\]: ", "亿元")
    t.answer(r"时期.*: ", "2020年1-9月")
    t.answer(r"限定.*: ", "")
    t.answer(r"同比增减.*: ", "")
    t.answer(r"引文.*: ", "1-9月全市规上企业研发投入3.1亿元")
    t.answer(r"来源代码（这条引文出自的来源；已有：page-2020-kjdd, jiangshan-q3）: ", "")  # no default: the bundled region's is another page's
    t.expect(r"这条引文需要注明来源：jiangshan 自己的来源“page-2020-kjdd”")
    t.answer(r"来源代码（这条引文出自的来源；已有：[^）]*）: ", "jiangshan-q4")
    t.answer(r"来源“jiangshan-q4”尚未登记：现在登记吗？\(y/n\) \[y\]: ", "n")  # not now
    t.expect(r"未知的来源“jiangshan-q4”（是否指 jiangshan-q3？）：新来源请先声明（reporter add --new-source jiangshan-q4 --file .*mine.yaml")
    t.answer(r"来源代码（这条引文出自的来源；已有：[^）]*）: ", "jiangshan-q3")
    t.answer(r"将此数据添加到 .*？\(y/n\) \[y\]: ", "")
    t.expect(r"已将江山市“规上企业研发投入”2020年1-9月 3.1亿元添加到")
    t.answer(r"地区 \[jiangshan\]: ", "")
    t.end_input(r"指标（代码或名称）: ")
    assert t.wait() == 0
    assert "        source: jiangshan-q3\n" in mine.read_text(encoding="utf-8")


def test_ctrl_c_interrupts_and_leaves_the_file_untouched(tmp_path: Path, terminal: type[Terminal]) -> None:
    mine = tmp_path / "quarter.yaml"
    shutil.copy(FIXTURES / "quarter.yaml", mine)
    before = mine.read_bytes()
    t = terminal(["--lang", "en", "add", "--file", str(mine)])
    t.answer("Region: ", "jiangshan")
    t.answer(r"Metric \(id or name\): ", "rd_investment")
    t.answer(r"Value, as printed.*: ", "3.4")
    t.expect(r"Unit \[万元\]: ")
    t.waiting_for_input()
    t.key(b"\x03")  # Ctrl-C, sent by the terminal as SIGINT
    assert t.wait() == 130
    assert "interrupted" in t.seen and "Traceback" not in t.seen
    assert mine.read_bytes() == before


def test_a_new_region_is_asked_for_field_by_field(tmp_path: Path, terminal: type[Terminal]) -> None:
    """Every field is asked (none left TODO), and a new source of its facts is declared on the way."""
    mine = tmp_path / "mine.yaml"
    t = terminal(["--lang", "en", "add", "--new-region", "xinxian", "--file", str(mine)])
    t.answer(r"New region, zh \(full name, e.g. 江山市\): ", "新县")
    t.answer(r"short .*: ", "新县")
    t.answer(r"en .*: ", "")
    t.expect(r"en is required")  # asked, not left to fill later
    t.answer(r"en .*: ", "Xinxian")
    t.answer(r"level .*: ", "镇")
    t.expect(r"level '镇' should be one of: district \(区, 市辖区\)")
    t.answer(r"level .*: ", "县")
    t.answer(r"prefecture .*: ", "衢州市")
    t.answer(r"province .*: ", "浙江省")
    t.answer(r"Source id of its facts .*: ", "xinxian-2020")
    t.answer(r"Source 'xinxian-2020', publication .*: ", "新县统计局")
    t.answer(r"title .*: ", "<")  # back to the publication, its answer the default
    t.answer(r"publication .*\[新县统计局\]: ", "")
    t.answer(r"title .*: ", "2020年统计公报")
    t.answer(r"date .*: ", "2021-03")
    t.expect("wrote region 'xinxian' to")
    assert t.wait() == 0
    text = mine.read_text(encoding="utf-8")
    assert "TODO" not in text.split("regions:")[0].split("sources:")[1] and "TODO" not in text.split("regions:")[1]
    assert "  xinxian:\n    zh: 新县\n    short: 新县\n    en: Xinxian\n    level: county\n" in text
    assert "    prefecture: 衢州市\n    province: 浙江省\n    source: xinxian-2020\n" in text
    assert "sources:\n  xinxian-2020:\n    publication: 新县统计局\n    title: \"2020年统计公报\"\n" in text
    assert run("--data", "bundled", "--data", str(mine), "check").code == 0


# --------------------------------------------------------------------------- the tutorial, run as written

DOCS = Path(__file__).resolve().parents[2] / "docs"
# each tutorial, and the locale its reader has: the Chinese twin runs as a Chinese reader's terminal would
TUTORIALS = {"tutorial.md": {}, "tutorial.zh.md": {"LANG": "zh_CN.UTF-8", "LC_ALL": "", "LC_MESSAGES": ""}}
_STEP = re.compile(r"<!-- (file|append): (\S+) -->\n```yaml\n(.*?)```|<!-- edit: (\S+): (.*?) => (.*?) -->"
                   r"|```console\n(.*?)```", re.S)


def tutorial_steps(name: str = "tutorial.md") -> list[tuple[str, ...]]:
    """docs/tutorial.md in order: files written or appended to (a yaml block after ``<!-- file: NAME -->``
    or ``<!-- append: NAME -->``), edits (``<!-- edit: NAME: OLD => NEW -->``), and console commands
    with the output they show (stderr, then stdout, as a terminal shows them here)."""
    steps: list[tuple[str, ...]] = []
    for m in _STEP.finditer((DOCS / name).read_text(encoding="utf-8")):
        if m.group(1):
            steps.append((m.group(1), m.group(2), m.group(3)))
        elif m.group(4):
            steps.append(("edit", m.group(4), m.group(5), m.group(6)))
        else:
            for part in re.split(r"^\$ ", m.group(7), flags=re.M)[1:]:
                command, _, output = part.partition("\n")
                steps.append(("run", command, output))
    return steps


def shown_as(expected: str, shown: str) -> bool:
    """``shown`` is ``expected``, where ``...`` in ``expected`` stands for any text within its line."""
    pattern = re.escape(expected).replace(re.escape("..."), "[^\n]*?")
    return re.fullmatch(pattern, shown) is not None


@pytest.mark.parametrize("name", list(TUTORIALS))
def test_the_tutorial_runs_as_shown(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str) -> None:
    import shlex

    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("HOME", str(tmp_path))  # the tutorial's files are in the home directory: ~/mine.yaml
    env: dict[str, str] = dict(TUTORIALS[name])
    steps = tutorial_steps(name)
    assert sum(s[0] == "run" for s in steps) >= 10
    for step in steps:
        if step[0] in ("file", "append"):
            with (tmp_path / step[1]).open("w" if step[0] == "file" else "a", encoding="utf-8") as handle:
                handle.write(step[2])
            continue
        if step[0] == "edit":
            path = tmp_path / step[1]
            text = path.read_text(encoding="utf-8")
            assert text.count(step[2]) == 1, step
            path.write_text(text.replace(step[2], step[3]), encoding="utf-8")
            continue
        command, expected = step[1], step[2]
        exits = re.search(r"#\s*exits (\d+)\s*$", command)
        args = shlex.split(command, comments=True)
        if args[0] == "export":
            name, _, value = args[1].partition("=")
            env[name] = value
        elif args[0] == "cat":
            assert (tmp_path / args[1]).read_text(encoding="utf-8") == expected, command
        else:
            assert args[0] == "reporter", command
            result = run(*args[1:], env=env)
            assert result.code == (int(exits.group(1)) if exits else 0), (command, result)
            assert shown_as(expected, result.stderr + result.stdout), (command, result.stderr + result.stdout)


def test_a_fact_that_check_would_warn_of_is_written_with_the_warning(tmp_path: Path) -> None:
    """Warnings do not refuse a fact (check passes warnings without --strict), but add says them at
    once: a figure in 万元 ten thousand times too small beside the bundled 2.06亿元 is a unit slip."""
    mine = tmp_path / "mine.yaml"
    result = run("--lang", "en", "--data", "bundled", "add", "江山", "研发投入", "1776", "--unit", "亿元",
                 "--period", "2019年1-5月", "--quote", "1-5月全市规上企业研发投入1776亿元", "--source",
                 "page-2020-kjdd", "--file", str(mine))
    assert result.code == 0, result
    warned = [line for line in result.stderr.splitlines() if line.startswith("warning: ")]
    assert any(line.startswith(f"warning: {mine}:") and "differ 862-fold: unit slip?" in line for line in warned)
    assert "rd_investment 1776亿元 (2019-01/05)" in result.stderr and mine.is_file()
    other = tmp_path / "other.yaml"
    quiet = run("--lang", "zh", "-q", "--data", "bundled", "--data", str(other), "add", "江山", "研发投入", "1.9",
                "--unit", "亿元", "--period", "2019年1-6月", "--quote", "1-6月全市规上企业研发投入1.9亿元",
                "--source", "page-2020-kjdd")
    assert quiet.code == 0 and quiet.stderr == "", quiet  # no doubt about this one, and --quiet: nothing said


def test_the_top_data_layer_may_be_a_file_not_yet_started(tmp_path: Path) -> None:
    """`reporter --data bundled --data mine.yaml add …`, as add's help shows it, before mine.yaml
    exists or while it holds only comments: the file is started, not refused as missing or empty."""
    args = ["江山", "研发投入", "3.1", "--unit", "亿元", "--period", "2020年1-9月", "--source", "page-2020-kjdd",
            "--quote", "1-9月全市规上企业研发投入3.1亿元"]
    new = tmp_path / "new.yaml"
    assert run("--data", "bundled", "--data", str(new), "add", *args).code == 0
    assert "rd_investment" in new.read_text(encoding="utf-8")
    empty = tmp_path / "empty.yaml"
    empty.write_text("# my data, to come\n", encoding="utf-8")
    assert run("--data", "bundled", "--data", str(empty), "add", *args).code == 0
    text = empty.read_text(encoding="utf-8")
    assert text.startswith("# my data, to come\n") and "rd_investment" in text
    assert run("--data", "bundled", "--data", str(empty), "check").code == 0


def test_a_new_figure_an_old_one_of_the_same_file_is_set_against_is_warned_of(tmp_path: Path) -> None:
    """A warning between two facts of one file is said at the later period: adding the earlier
    (1776亿元 in 2018, beside 2.0亿元 in 2019) must still say it, though it is said at the old line."""
    mine = tmp_path / "mine.yaml"
    base = ["--lang", "en", "--data", "bundled", "--data", str(mine), "add", "江山", "研发投入"]
    assert run(*base, "2.0", "--unit", "亿元", "--period", "2019年1-5月", "--source", "page-2020-kjdd",
               "--quote", "1-5月全市规上企业研发投入2.0亿元").code == 0
    result = run(*base, "1776", "--unit", "亿元", "--period", "2018年1-5月", "--source", "page-2020-kjdd",
                 "--quote", "1-5月全市规上企业研发投入1776亿元")
    assert result.code == 0, result
    assert any(line.startswith(f"warning: {mine}:") and "888-fold: unit slip?" in line
               for line in result.stderr.splitlines()), result.stderr
    assert "reporter-add-" not in result.stderr  # the checked copy is named as the user's file


def test_the_hint_to_see_every_problem_names_adds_file(tmp_path: Path) -> None:
    """add reads its --file on top of the data: a 'run check' hint names it too."""
    bad = tmp_path / "bad.yaml"
    bad.write_text("regions:\n  jiangshan:\n    facts:\n      - {metric: nosuch, value: 1, period: 2020, quote: x}\n"
                   "      - {metric: nosuch2, value: 1, period: 2020, quote: y}\n", encoding="utf-8")
    result = run("--lang", "en", "add", "江山", "研发投入", "3", "--unit", "亿元", "--period", "2022",
                 "--quote", "2022年研发投入3亿元", "--source", "page-2020-kjdd", "--file", str(bad))
    assert result.code == 1
    assert f"run 'reporter --data bundled --data {bad} check' to see all" in result.stderr, result.stderr


def test_a_message_renamed_for_the_users_file_keeps_its_chinese() -> None:
    from reporter.curate.append import rewritten
    from reporter.messages import Message, Named

    said = Message("file.unreadable", reason=Named("Permission denied", "没有权限"))
    renamed = rewritten(said, lambda text: text.replace("/tmp/x", "mine.yaml"))
    assert isinstance(renamed, Message) and renamed.text("zh").endswith("没有权限"), renamed.text("zh")
