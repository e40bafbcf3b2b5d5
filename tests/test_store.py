"""The compiled cache: same answers as the YAML, always fresh, never a failure of its own."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

import reporter.model
import reporter.store
from reporter.load import load_dataset
from reporter.store import cache_dir, open_dataset

from .conftest import MINI, run
from .test_cli import COMMANDS

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture(autouse=True, params=["marshal", "sqlite"])
def layout(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """Run every test against both cache layouts: small data in marshal, large in SQLite."""
    monkeypatch.setattr(reporter.store, "SMALL_FACTS", 10**9 if request.param == "marshal" else -1)
    return str(request.param)


def from_cache(path: Path | str) -> bool:
    """Whether opening ``path`` now needs no YAML at all."""
    original = reporter.store._load

    def refuse(*args: object) -> None:
        raise AssertionError("loaded the YAML")

    reporter.store._load = refuse  # type: ignore[assignment]
    try:
        open_dataset(str(path))
        return True
    except AssertionError:
        return False
    finally:
        reporter.store._load = original


@pytest.mark.parametrize("fmt", ["plain", "json"])
@pytest.mark.parametrize("name", list(COMMANDS))
def test_same_output_with_and_without_cache(name: str, fmt: str) -> None:
    cold = run("--no-cache", *COMMANDS[name], "--format", fmt)
    run(*COMMANDS[name])  # build
    warm = run(*COMMANDS[name], "--format", fmt)
    assert (warm.code, warm.stdout, warm.stderr) == (cold.code, cold.stdout, cold.stderr)


def test_cached_dataset_equals_loaded_dataset(tmp_path: Path) -> None:
    data = tmp_path / "regions.yaml"
    data.write_bytes((REPO / "regions.yaml").read_bytes())
    os.utime(data, (1_600_000_000, 1_600_000_000))
    loaded = load_dataset(data)
    open_dataset(str(data))
    assert from_cache(data)
    cached = open_dataset(str(data))
    assert cached.facts == loaded.facts
    assert cached.highlights == loaded.highlights
    assert (cached.regions, cached.metrics, cached.themes, cached.sources) == (
        loaded.regions, loaded.metrics, loaded.themes, loaded.sources)
    for region in loaded.regions:
        assert cached.facts_of(region) == loaded.facts_of(region)
        assert cached.highlights_of(region) == loaded.highlights_of(region)
    assert cached.facts_of(metric="rd_investment") == loaded.facts_of(metric="rd_investment")
    assert cached.coverage() == loaded.coverage()


def test_no_cache_writes_nothing(isolated_cache: Path, layout: str) -> None:
    run("--no-cache", "regions")
    assert list(isolated_cache.iterdir()) == []
    run("regions")
    assert [p.suffix for p in isolated_cache.iterdir()] == [".marshal" if layout == "marshal" else ".sqlite"]


def test_an_edit_in_the_same_second_with_the_same_size_is_seen(write_yaml: Callable[..., Path]) -> None:
    path = write_yaml(MINI)
    assert run("--data", str(path), "get", "甲", "rd_investment").stdout == "1.5亿元\n"
    stat = path.stat()
    path.write_text(MINI.replace("value: 1.5,", "value: 2.5,"), encoding="utf-8")  # same size
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))  # and the same mtime
    assert path.stat().st_size == stat.st_size
    assert run("--data", str(path), "get", "甲", "rd_investment").stdout == "2.5亿元\n"


def test_a_touched_but_unchanged_file_keeps_its_cache(write_yaml: Callable[..., Path]) -> None:
    path = write_yaml(MINI)
    run("--data", str(path), "regions")
    os.utime(path, (1_600_000_000, 1_600_000_000))
    assert from_cache(path)


@pytest.mark.parametrize("damage", ["garbage", "truncate", "empty", "other-schema", "flip"])
def test_a_damaged_cache_is_ignored_and_rebuilt(write_yaml: Callable[..., Path], damage: str, layout: str) -> None:
    import sqlite3

    path = write_yaml(MINI)
    os.utime(path, (1_600_000_000, 1_600_000_000))
    run("--data", str(path), "regions")
    (db,) = Path(cache_dir()).iterdir()
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
    elif layout == "sqlite":
        with sqlite3.connect(db) as conn:
            conn.execute("UPDATE meta SET value = '999' WHERE key = 'schema'")
        conn.close()
    else:
        raw = db.read_bytes()
        assert raw.startswith(reporter.store._MAGIC)
        db.write_bytes(raw.replace(reporter.store._MAGIC, b"reporter-cache-0\n"))
    result = run("--data", str(path), "get", "甲", "rd_investment", "--period", "2020")
    assert (result.code, result.stdout, result.stderr) == (0, "1.5亿元\n", "")
    assert from_cache(path)  # rebuilt


@pytest.mark.parametrize("layout", ["marshal"], indirect=True)
def test_a_changed_digit_in_the_small_cache_is_caught(write_yaml: Callable[..., Path], layout: str) -> None:
    """One digit of a value changed in place still unmarshals; only the checksum can tell.
    (The SQLite layout has no such check: SQLite keeps no page checksums, and hashing a large
    file on every query would undo what the layout is for. docs/security.md says so.)"""
    path = write_yaml(MINI)
    os.utime(path, (1_600_000_000, 1_600_000_000))
    run("--data", str(path), "regions")
    (blob,) = Path(cache_dir()).iterdir()
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


def test_a_new_file_in_a_data_directory_invalidates_the_cache(tmp_path: Path) -> None:
    head, regions = MINI.split("regions:\n")
    (tmp_path / "a.yaml").write_text(head, encoding="utf-8")
    (tmp_path / "b.yaml").write_text("regions:\n" + regions, encoding="utf-8")
    assert run("--data", str(tmp_path), "regions", "--format", "tsv").stdout.count("\n") == 2
    extra = regions.replace("  a:\n", "  z:\n").replace("甲县", "戊县").replace("short: 甲", "short: 戊")
    (tmp_path / "c.yaml").write_text("regions:\n" + extra, encoding="utf-8")
    assert run("--data", str(tmp_path), "regions", "--format", "tsv").stdout.count("\n") == 3


def test_two_processes_building_at_once_both_answer_right(write_yaml: Callable[..., Path],
                                                          isolated_cache: Path) -> None:
    path = write_yaml(MINI)
    env = {**os.environ, "REPORTER_CACHE_DIR": str(isolated_cache), "PYTHONPATH": str(REPO)}
    command = [sys.executable, "-m", "reporter", "--data", str(path), "get", "甲", "rd_investment", "--period", "2020"]
    procs = [subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env) for _ in range(4)]
    outputs = [p.communicate(timeout=60) for p in procs]
    assert [(p.returncode, out, err) for p, (out, err) in zip(procs, outputs)] == [
        (0, "1.5亿元\n".encode(), b"")] * 4
    _wait_for_cache(isolated_cache)  # the detached writers finish after their parents
    assert [p.name for p in isolated_cache.iterdir() if p.name.startswith(".build-")] == []
    assert from_cache(path)


def _wait_for_cache(directory: Path, seconds: float = 20) -> None:
    import time

    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        names = [p.name for p in directory.iterdir()]
        if names and not any(n.startswith(".build-") or n.endswith(".lock") for n in names):
            return
        time.sleep(0.05)
    raise AssertionError(f"no finished cache in {directory}: {names}")


def test_a_real_run_writes_its_cache_after_answering(isolated_cache: Path, tmp_path: Path) -> None:
    """The command-line process answers and exits; a detached child writes the cache, holding
    none of the caller's pipes (else capture_output would wait for it and see its output)."""
    sys.path.insert(0, str(REPO))
    from benchmarks.make_synthetic import synthetic_yaml

    path = tmp_path / "big.yaml"
    path.write_text(synthetic_yaml(60, 20, 10), encoding="utf-8")  # 12,000 values: the SQLite layout
    env = {**os.environ, "REPORTER_CACHE_DIR": str(isolated_cache), "PYTHONPATH": str(REPO)}
    out = subprocess.run([sys.executable, "-m", "reporter", "--data", str(path), "get", "county-007", "metric-03",
                          "--period", "2015"], capture_output=True, env=env, timeout=60)
    assert out.returncode == 0 and out.stderr == b"" and out.stdout.count(b"\n") == 1
    _wait_for_cache(isolated_cache)
    assert [p.suffix for p in isolated_cache.iterdir()] == [".sqlite"]
    assert from_cache(path)


def test_odd_characters_in_the_data_path_still_cache(tmp_path: Path) -> None:
    odd = tmp_path / "我的 数据 %da ?x #1"
    odd.mkdir()
    path = odd / "data.yaml"
    path.write_text(MINI, encoding="utf-8")
    os.utime(path, (1_600_000_000, 1_600_000_000))
    assert run("--data", str(path), "get", "甲", "rd_investment", "--period", "2019").stdout == "100万元\n"
    assert from_cache(path)


def test_cached_series_equal_the_lazily_loaded_ones(tmp_path: Path) -> None:
    sys.path.insert(0, str(REPO))
    from benchmarks.make_synthetic import synthetic_yaml

    for layout in ("mapping", "string"):
        path = tmp_path / f"{layout}.yaml"
        path.write_text(synthetic_yaml(4, 3, 5, layout=layout), encoding="utf-8")
        os.utime(path, (1_600_000_000, 1_600_000_000))
        loaded = load_dataset(path)
        open_dataset(str(path))
        assert from_cache(path)
        cached = open_dataset(str(path))
        assert cached.facts == loaded.facts and len(loaded.facts) == 60
        assert cached.facts_of("county-002", "metric-03") == loaded.facts_of("county-002", "metric-03")
        assert cached.facts_of(metric="metric-01") == loaded.facts_of(metric="metric-01")
        assert cached.coverage() == loaded.coverage() == reporter.model.coverage_of(loaded.facts)
        from reporter.query import search

        for text in ("county-002", "合成指标03", "synthetic", "nothing-like-this"):
            assert search(cached, text) == search(loaded, text)
        assert len(search(loaded, "合成指标03").facts) == 20


def test_a_held_build_lock_skips_the_build_and_a_stale_one_is_taken_over(write_yaml: Callable[..., Path],
                                                                         isolated_cache: Path) -> None:
    path = write_yaml(MINI)
    os.utime(path, (1_600_000_000, 1_600_000_000))
    lock = isolated_cache / (reporter.store._cache_name(str(path)) + ".lock")
    lock.write_text("", encoding="utf-8")
    assert run("--data", str(path), "get", "甲", "rd_investment", "--period", "2019").stdout == "100万元\n"
    assert not from_cache(path)  # someone else "is building": we answered and left it to them
    os.utime(lock, (1_600_000_000, 1_600_000_000))  # that someone died long ago
    run("--data", str(path), "regions")
    assert from_cache(path) and not lock.exists()
