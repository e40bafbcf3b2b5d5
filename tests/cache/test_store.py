"""The compiled cache: same answers as the YAML, always fresh, never a failure of its own.

Every test runs against both cache layouts, chosen through ``$REPORTER_CACHE_LAYOUT`` so the
choice reaches subprocesses too; each test checks that the layout it claims was really built.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

import reporter.cache.key
from reporter.cache import cache_dir, open_dataset
from reporter.data.load import load_dataset
from reporter.query.search import search
from tests.cli.test_cli import COMMANDS
from tests.conftest import MINI, run

REPO = Path(__file__).resolve().parents[2]
SUFFIX = {"small": ".marshal", "large": ".sqlite"}


@pytest.fixture(autouse=True, params=["small", "large"])
def layout(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """Run every test against both cache layouts: small data in marshal, large in SQLite."""
    monkeypatch.setenv("REPORTER_CACHE_LAYOUT", str(request.param))
    return str(request.param)


def from_cache(path: Path | str) -> bool:
    """Whether opening ``path`` now answers from the cache, reading no YAML."""
    return open_dataset(str(path)).from_cache


def cache_files(directory: Path) -> list[str]:
    return sorted(p.suffix for p in directory.iterdir())


def settled(path: Path) -> None:
    """Give ``path`` an mtime long past, as a file that was not edited just now."""
    os.utime(path, (1_600_000_000, 1_600_000_000))


@pytest.mark.parametrize("fmt", ["plain", "json"])
@pytest.mark.parametrize("name", list(COMMANDS))
def test_same_output_with_and_without_cache(name: str, fmt: str, isolated_cache: Path, layout: str) -> None:
    cold = run("--no-cache", *COMMANDS[name], "--format", fmt)
    run(*COMMANDS[name])  # build
    assert cache_files(isolated_cache) == [SUFFIX[layout]]
    warm = run(*COMMANDS[name], "--format", fmt)
    assert (warm.code, warm.stdout, warm.stderr) == (cold.code, cold.stdout, cold.stderr)


def test_cached_dataset_equals_loaded_dataset(tmp_path: Path, isolated_cache: Path, layout: str) -> None:
    data = tmp_path / "regions.yaml"
    data.write_bytes((REPO / "regions.yaml").read_bytes())
    settled(data)
    loaded = load_dataset(data)
    opened = open_dataset(str(data))
    assert not opened.from_cache and opened.build is not None
    opened.build()
    assert cache_files(isolated_cache) == [SUFFIX[layout]]
    cached = open_dataset(str(data))
    assert cached.from_cache
    _assert_same(cached.data, loaded)
    for region in loaded.regions:
        assert cached.data.facts_of(region) == loaded.facts_of(region)
        assert cached.data.highlights_of(region) == loaded.highlights_of(region)
    assert cached.data.facts_of(metric="rd_investment") == loaded.facts_of(metric="rd_investment")


def _assert_same(cached: object, loaded: object) -> None:
    for part in ("facts", "highlights", "regions", "metrics", "themes", "sources", "paths"):
        assert getattr(cached, part) == getattr(loaded, part), part
    assert cached.coverage() == loaded.coverage()  # type: ignore[attr-defined]


def test_no_cache_writes_nothing(isolated_cache: Path, layout: str) -> None:
    run("--no-cache", "regions")
    assert list(isolated_cache.iterdir()) == []
    run("regions")
    assert cache_files(isolated_cache) == [SUFFIX[layout]]


def test_an_edit_in_the_same_second_with_the_same_size_is_seen(write_yaml: Callable[..., Path]) -> None:
    path = write_yaml(MINI)
    assert run("--data", str(path), "get", "甲", "rd_investment").stdout == "1.5亿元\n"
    stat = path.stat()
    path.write_text(MINI.replace("value: 1.5,", "value: 2.5,"), encoding="utf-8")  # same size
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))  # and the same mtime
    assert path.stat().st_size == stat.st_size
    assert run("--data", str(path), "get", "甲", "rd_investment").stdout == "2.5亿元\n"


def test_an_edit_that_restores_size_and_mtime_long_after_the_build_is_seen(
        write_yaml: Callable[..., Path], monkeypatch: pytest.MonkeyPatch) -> None:
    """``cp -p``, ``tar x``, ``rsync -t``: same size, same mtime, but a new ctime (and maybe inode)."""
    monkeypatch.setattr(reporter.cache.key, "RACY_NS", 0)  # as if the build were long past
    path = write_yaml(MINI)
    settled(path)
    assert run("--data", str(path), "get", "甲", "rd_investment").stdout == "1.5亿元\n"
    assert from_cache(path)
    edited = path.with_name("edited.yaml")
    edited.write_text(MINI.replace("value: 1.5,", "value: 2.5,"), encoding="utf-8")
    settled(edited)
    os.replace(edited, path)  # what cp -p / rsync do: a new file, same size and mtime
    assert run("--data", str(path), "get", "甲", "rd_investment").stdout == "2.5亿元\n"


def test_a_touched_but_unchanged_file_keeps_its_cache(write_yaml: Callable[..., Path]) -> None:
    path = write_yaml(MINI)
    run("--data", str(path), "regions")
    settled(path)
    assert from_cache(path)


def test_an_edit_saved_while_a_stamp_is_renewed_is_never_hidden(
        write_yaml: Callable[..., Path], monkeypatch: pytest.MonkeyPatch) -> None:
    """A touched file's cache is found to hold the same content, and its stamp is to be renewed after
    the answer; an edit saved in between must not be stamped as matching the old content."""
    monkeypatch.setattr(reporter.cache.key, "RACY_NS", 0)
    path = write_yaml(MINI)
    settled(path)
    run("--data", str(path), "regions")  # build
    settled(path)  # touched: the stat differs, the content does not
    opened = open_dataset(str(path))
    assert opened.from_cache and opened.build is not None  # to be renewed after the answer
    path.write_text(MINI.replace("value: 1.5,", "value: 2.5,"), encoding="utf-8")  # saved meanwhile
    settled(path)
    opened.build()
    for _ in range(2):
        assert run("--data", str(path), "get", "甲", "rd_investment").stdout == "2.5亿元\n"


@pytest.mark.parametrize("damage", ["garbage", "truncate", "empty", "other-schema", "flip"])
def test_a_damaged_cache_is_ignored_and_rebuilt(write_yaml: Callable[..., Path], damage: str, layout: str,
                                                isolated_cache: Path) -> None:
    import sqlite3

    path = write_yaml(MINI)
    settled(path)
    run("--data", str(path), "regions")
    (db,) = isolated_cache.iterdir()
    assert db.suffix == SUFFIX[layout]
    if damage == "flip":
        raw = bytearray(db.read_bytes())
        raw[len(raw) // 2] ^= 0xFF
        db.write_bytes(bytes(raw))
    elif damage == "garbage":
        db.write_bytes(b"not a database at all" * 100)
    elif damage == "truncate":
        db.write_bytes(db.read_bytes()[:1500])
    elif damage == "empty":
        db.write_bytes(b"")
    elif layout == "large":
        with sqlite3.connect(db) as conn:
            conn.execute("UPDATE meta SET value = ? WHERE key = 'schema'", (b"\xe9\x00\x00\x00\x00",))
        conn.close()
    else:
        raw = db.read_bytes()
        head = raw[:raw.index(b"\n") + 1]
        assert head.startswith(b"reporter-cache-")
        db.write_bytes(raw.replace(head, b"reporter-cache-0\n", 1))
    result = run("--data", str(path), "get", "甲", "rd_investment", "--period", "2020")
    assert (result.code, result.stdout, result.stderr) == (0, "1.5亿元\n", "")
    run("--data", str(path), "regions")
    assert from_cache(path)  # rebuilt


@pytest.mark.parametrize("layout", ["large"], indirect=True)
def test_zeroed_pages_in_a_large_cache_are_survived(tmp_path: Path, isolated_cache: Path, layout: str) -> None:
    """``dd`` zeros over a few pages of the SQLite file: every query still answers from the YAML."""
    sys.path.insert(0, str(REPO))
    from benchmarks.make_synthetic import synthetic_yaml

    path = tmp_path / "big.yaml"
    path.write_text(synthetic_yaml(30, 10, 5), encoding="utf-8")
    settled(path)
    expected = run("--no-cache", "--data", str(path), "export", "--format", "csv").stdout
    run("--data", str(path), "regions")
    (db,) = isolated_cache.iterdir()
    raw = bytearray(db.read_bytes())
    page = 4096
    for start in range(len(raw) // 3 // page * page, len(raw) // 3 // page * page + 4 * page):
        raw[start] = 0
    db.write_bytes(bytes(raw))
    for args in (["export", "--format", "csv"], ["get", "county-007", "metric-03", "--period", "2013"],
                 ["rank", "metric-02", "--period", "2012"]):
        result = run("--data", str(path), *args)
        assert result.code == 0 and "Traceback" not in result.stderr, result
        if args[0] == "export":
            assert result.stdout == expected
    assert run("--data", str(path), "get", "county-007", "metric-03", "--period", "2013").stdout == \
        run("--no-cache", "--data", str(path), "get", "county-007", "metric-03", "--period", "2013").stdout


@pytest.mark.parametrize("layout", ["small"], indirect=True)
def test_a_changed_digit_in_the_small_cache_is_caught(write_yaml: Callable[..., Path], layout: str,
                                                       isolated_cache: Path) -> None:
    """One digit of a value changed in place still unmarshals; only the checksum can tell.
    (The SQLite layout has no such check: SQLite keeps no page checksums, and hashing a large
    file on every query would undo what the layout is for. docs/security.md says so.)"""
    path = write_yaml(MINI)
    settled(path)
    run("--data", str(path), "regions")
    (blob,) = isolated_cache.iterdir()
    raw = blob.read_bytes()
    value = b"\x031.5"  # marshal's short string: its length, then the text
    assert raw.count(value) == 1
    blob.write_bytes(raw.replace(value, b"\x037.5"))
    result = run("--data", str(path), "get", "甲", "rd_investment", "--period", "2020")
    assert (result.code, result.stdout, result.stderr) == (0, "1.5亿元\n", "")
    assert from_cache(path)  # rebuilt, with the right digit
    assert value in blob.read_bytes()


def test_an_unwritable_cache_directory_is_not_an_error(write_yaml: Callable[..., Path], tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-directory"
    blocker.write_text("x", encoding="utf-8")
    result = run("--data", str(write_yaml(MINI)), "get", "甲", "rd_investment", "--period", "2020",
                 env={"REPORTER_CACHE_DIR": str(blocker / "cache")})
    assert (result.code, result.stdout, result.stderr) == (0, "1.5亿元\n", "")


@pytest.mark.parametrize(("environ", "expected"), [
    ({"REPORTER_CACHE_DIR": "/c/r", "XDG_CACHE_HOME": "/x", "HOME": "/h"}, "/c/r"),
    ({"XDG_CACHE_HOME": "/x", "HOME": "/h"}, "/x/reporter"),
    ({"XDG_CACHE_HOME": "relative/dir", "HOME": "/h"}, "/h/.cache/reporter"),  # the XDG spec: ignore it
    ({"XDG_CACHE_HOME": "", "HOME": "/h"}, "/h/.cache/reporter"),
    ({"HOME": ""}, None),  # no home: no cache, rather than one in / or in the working directory
    ({"HOME": "relative"}, None),
])
def test_where_the_cache_lives(environ: dict[str, str], expected: str | None) -> None:
    assert cache_dir(environ) == expected


def test_no_home_means_no_cache_and_still_an_answer(write_yaml: Callable[..., Path], tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("REPORTER_CACHE_DIR")
    monkeypatch.delenv("XDG_CACHE_HOME", raising=False)
    monkeypatch.chdir(tmp_path)
    result = run("--data", str(write_yaml(MINI)), "get", "甲", "rd_investment", env={"HOME": ""})
    assert (result.code, result.stdout) == (0, "1.5亿元\n")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data.yaml"]


def test_data_from_a_pipe_is_read_but_never_cached(isolated_cache: Path) -> None:
    out = subprocess.run(["bash", "-c", f"{sys.executable} -m reporter --data <(cat {REPO / 'regions.yaml'}) "
                                        "get 江山 研发投入"],
                         capture_output=True, env={**os.environ, "PYTHONPATH": str(REPO)}, timeout=60)
    assert (out.returncode, out.stdout, out.stderr) == (0, "2.06亿元\n".encode(), b"")
    time.sleep(0.3)  # a detached builder would have started by now
    assert list(isolated_cache.iterdir()) == []


@pytest.mark.parametrize("odd", ["directory", "unreadable"])
def test_an_odd_entry_in_a_data_directory_is_the_loaders_problem_not_the_caches(tmp_path: Path, odd: str) -> None:
    (tmp_path / "a.yaml").write_text(MINI, encoding="utf-8")
    if odd == "directory":
        (tmp_path / "old.yaml").mkdir()
    else:
        if os.geteuid() == 0:
            pytest.skip("root reads every file")
        (tmp_path / "old.yaml").write_text(MINI, encoding="utf-8")
        (tmp_path / "old.yaml").chmod(0)
    result = run("--data", str(tmp_path), "regions")
    assert result.code == 1 and "Traceback" not in result.stderr
    assert "old.yaml" in result.stderr and result.stderr.count("\n") <= 2


def test_a_new_file_in_a_data_directory_invalidates_the_cache(tmp_path: Path) -> None:
    head, regions = MINI.split("regions:\n")
    (tmp_path / "a.yaml").write_text(head, encoding="utf-8")
    (tmp_path / "b.yaml").write_text("regions:\n" + regions, encoding="utf-8")
    assert run("--data", str(tmp_path), "regions", "--format", "tsv").stdout.count("\n") == 2
    extra = regions.replace("  a:\n", "  z:\n").replace("甲县", "戊县").replace("short: 甲", "short: 戊")
    (tmp_path / "c.yaml").write_text("regions:\n" + extra, encoding="utf-8")
    assert run("--data", str(tmp_path), "regions", "--format", "tsv").stdout.count("\n") == 3


def test_two_processes_building_at_once_both_answer_right(write_yaml: Callable[..., Path],
                                                          isolated_cache: Path, layout: str) -> None:
    path = write_yaml(MINI)
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    command = [sys.executable, "-m", "reporter", "--data", str(path), "get", "甲", "rd_investment", "--period", "2020"]
    procs = [subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env) for _ in range(4)]
    outputs = [p.communicate(timeout=60) for p in procs]
    assert [(p.returncode, out, err) for p, (out, err) in zip(procs, outputs)] == [
        (0, "1.5亿元\n".encode(), b"")] * 4
    _wait_for_cache(isolated_cache)  # the detached writers finish after their parents
    assert cache_files(isolated_cache) == [SUFFIX[layout]]
    assert from_cache(path)


def _wait_for_cache(directory: Path, seconds: float = 20) -> None:
    deadline = time.monotonic() + seconds
    names: list[str] = []
    while time.monotonic() < deadline:
        names = [p.name for p in directory.iterdir()]
        if names and not any(n.startswith(".") or n.endswith(".lock") for n in names):
            return
        time.sleep(0.05)
    raise AssertionError(f"no finished cache in {directory}: {names}")


def test_a_real_run_writes_its_cache_after_answering(isolated_cache: Path, tmp_path: Path, layout: str) -> None:
    """The command-line process answers and exits; a detached child writes the cache, holding
    none of the caller's pipes (else capture_output would wait for it and see its output)."""
    path = tmp_path / "data.yaml"
    path.write_text(MINI, encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    out = subprocess.run([sys.executable, "-m", "reporter", "--data", str(path), "get", "甲", "rd_investment",
                          "--period", "2019"], capture_output=True, env=env, timeout=60)
    assert (out.returncode, out.stdout, out.stderr) == (0, "100万元\n".encode(), b"")
    _wait_for_cache(isolated_cache)
    assert cache_files(isolated_cache) == [SUFFIX[layout]]
    assert from_cache(path)


def test_odd_characters_in_the_data_path_still_cache(tmp_path: Path) -> None:
    odd = tmp_path / "我的 数据 %da ?x #1"
    odd.mkdir()
    path = odd / "data.yaml"
    path.write_text(MINI, encoding="utf-8")
    settled(path)
    assert run("--data", str(path), "get", "甲", "rd_investment", "--period", "2019").stdout == "100万元\n"
    assert from_cache(path)


def test_cached_series_equal_the_lazily_loaded_ones(tmp_path: Path) -> None:
    sys.path.insert(0, str(REPO))
    from benchmarks.make_synthetic import synthetic_yaml

    for series_layout in ("mapping", "string"):
        path = tmp_path / f"{series_layout}.yaml"
        path.write_text(synthetic_yaml(4, 3, 5, layout=series_layout), encoding="utf-8")
        settled(path)
        loaded = load_dataset(path)
        build = open_dataset(str(path)).build
        assert build is not None
        build()
        cached = open_dataset(str(path))
        assert cached.from_cache
        _assert_same(cached.data, loaded)
        assert len(loaded.facts) == 60
        assert cached.data.facts_of("county-002", "metric-03") == loaded.facts_of("county-002", "metric-03")
        assert cached.data.facts_of(metric="metric-01") == loaded.facts_of(metric="metric-01")
        for text in ("county-002", "合成指标03", "synthetic", "nothing-like-this"):
            hits, expected = search(cached.data, text), search(loaded, text)
            assert list(hits.facts) == list(expected.facts) and hits.highlights == expected.highlights
            assert len(hits.facts) == len(list(expected.facts)) and bool(hits.facts) == bool(expected.facts)
        assert len(search(loaded, "合成指标03").facts) == 20


def test_a_held_build_lock_skips_the_build_and_a_stale_one_is_taken_over(write_yaml: Callable[..., Path],
                                                                         isolated_cache: Path) -> None:
    path = write_yaml(MINI)
    settled(path)
    run("--data", str(path), "regions")
    (built,) = isolated_cache.iterdir()
    built.unlink()
    lock = built.with_suffix(".lock")
    lock.write_text("", encoding="utf-8")
    assert run("--data", str(path), "get", "甲", "rd_investment", "--period", "2019").stdout == "100万元\n"
    assert not from_cache(path)  # someone else "is building": we answered and left it to them
    settled(lock)  # that someone died long ago
    run("--data", str(path), "regions")
    assert from_cache(path) and not lock.exists()


@pytest.mark.parametrize("args", [["search", "county-003"], ["search", "合成指标02"], ["search", "synthetic"],
                                  ["search", "county-003", "--province", "合成省01"]])
def test_search_of_series_reads_the_same_from_either_cache(args: list[str], layout: str) -> None:
    """A search tests a stored item's fields before building it: the same hits as from the YAML."""
    data = str(REPO / "tests" / "fixtures" / "synthetic-120.yaml")  # SYNTHETIC
    cold = run("--data", data, "--no-cache", *args, "--format", "csv")
    run("--data", data, "regions")  # build
    warm = run("--data", data, *args, "--format", "csv")
    assert cold.code == 0 and cold.stdout.count("\n") > 1
    assert (warm.code, warm.stdout) == (cold.code, cold.stdout)
