"""extract always ends, in bounded time and memory, and writes no control character to a terminal.

Inputs are generated here (SYNTHETIC); the slow shapes are kept to sizes that show the bound
without making the suite wait. Each promise is in docs/security.md.
"""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from tests.cli.test_faults import MIB, one_clean_line, reporter_bounded
from tests.conftest import run

SENTENCE = "2020年1-9月，全市规上企业研发投入3.1亿元，同比增长12.5%。"


def _write(tmp_path: Path, text: str) -> str:
    path = tmp_path / "text.txt"
    path.write_text(text, encoding="utf-8")
    return str(path)


@pytest.mark.parametrize(("make", "said"), [
    (lambda: "1" * 1_000_000 + "\n", "1,000,000 letters, digits or signs in a row"),
    (lambda: "%" * 500_000 + "\n", "500,000 letters, digits or signs in a row"),
    (lambda: "１" * 50_000 + "\n", "50,000 letters, digits or signs in a row"),
    (lambda: "报告" + "一" * 50_000 + "\n", "50,000 Chinese numerals in a row"),
    (lambda: (SENTENCE + "\n") * (20 * MIB // len((SENTENCE + "\n").encode())), "extract reads at most 2,000,000"),
], ids=["million-digits", "percent-signs", "full-width-digits", "chinese-numerals", "20-MB"])
def test_texts_past_a_size_bound_are_refused_at_once_in_bounded_memory(tmp_path: Path, make: object,
                                                                       said: str) -> None:
    path = _write(tmp_path, make())  # type: ignore[operator]
    done = reporter_bounded("--lang", "en", "extract", path, "--region", "江山", memory=600 * MIB, timeout=60)
    assert done.code == 1 and one_clean_line(done.stderr), done
    assert said in done.stderr and path in done.stderr and done.stdout == b""
    assert done.seconds < 20


def test_the_bounds_leave_real_texts_alone() -> None:
    """The bundled source page, long e-mail and web addresses, an 18-digit number: all within."""
    from reporter.curate.bounds import MAX_RUN, check_text
    from tests.conftest import SOURCE_DIR

    for page in SOURCE_DIR.iterdir():
        check_text(page.read_text(encoding="utf-8"), str(page))
    check_text("联系邮箱：innovation-office@jiangshan.example.gov.cn，网址：https://www.example.gov.cn/"
               + "a" * 150 + "，编号330881199001011234。", "x")
    check_text("x" * MAX_RUN + " " + "一二三四五六七八九十" * 6, "x")


@pytest.mark.parametrize("lines", [True, False], ids=["one-per-line", "one-line"])
def test_many_numbers_are_answered_in_linear_time(tmp_path: Path, lines: bool) -> None:
    """20,000 numbers (the 100,000 of the issue take five times as long: a few seconds)."""
    numbers = [str(7 * i % 99991) for i in range(20_000)]
    path = _write(tmp_path, ("\n" if lines else " ").join(numbers) + "\n")
    started = time.monotonic()
    result = run("--lang", "en", "extract", path, "--region", "江山")
    assert result.code == 3 and "0 draft facts" in result.stderr, result  # no unit, no fact: an empty answer
    assert time.monotonic() - started < 20


def test_one_sentence_repeated_on_its_own_lines_is_answered(tmp_path: Path) -> None:
    """4,000 lines (16,000 take four times as long): once a quadratic pass over the changes and
    one over the sentences, now linear."""
    path = _write(tmp_path, (SENTENCE + "\n") * 4_000)
    started = time.monotonic()
    result = run("--lang", "en", "extract", path, "--region", "江山", "--format", "json")
    assert result.code == 0, result
    assert len(json.loads(result.stdout)) >= 1
    assert time.monotonic() - started < 20


def test_the_clock_stops_a_reading_no_size_bound_sees(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """One line of 16,000 sentences, or of figures with no punctuation between them: within every
    size bound, but the prose reader compares each number of a paragraph with the others. The
    clock (10 s; 0.5 s here) ends it with one line."""
    from reporter.curate import bounds

    monkeypatch.setattr(bounds, "SECONDS", 0.5)
    for text in (SENTENCE * 16_000, "1亿元" * 20_000):
        path = _write(tmp_path, text + "\n")
        started = time.monotonic()
        result = run("--lang", "en", "extract", path, "--region", "江山")
        assert result.code == 1 and "took more than 0.5 s" in result.stderr, result
        assert one_clean_line(result.stderr) and result.stdout == ""
        assert time.monotonic() - started < 10
    import signal

    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)  # the clock is stopped after the run


@pytest.mark.parametrize("fmt", ["json", "yaml"])
def test_no_control_character_of_the_text_reaches_the_output(tmp_path: Path, fmt: str) -> None:
    from reporter.render.safe import is_clean

    hostile = "\u009b31m\u202e\u2066\x1b[2J\u200f"
    path = _write(tmp_path, f"2020年1-9月，全市规上企业研发投入{hostile}3.1亿元{hostile}，同比增长12.5%{hostile}。\n")
    result = run("--lang", "en", "extract", path, "--region", "江山", "--format", fmt)
    assert result.code == 0 and "3.1" in result.stdout, result
    out = result.stdout + result.stderr
    assert is_clean(out), [hex(ord(c)) for c in out if not is_clean(c)]
    if fmt == "json":
        assert json.loads(result.stdout)[0]["value"] == "3.1"
