"""Faults: `export -o` writes only where it says, data input is bounded, templates are bounded.

Each test stands for a promise in docs/security.md. The ones that could hang or eat memory
before the fix run the real command in a subprocess, with a timeout and an address-space
limit, so a regression fails here instead of stalling the suite. All data are SYNTHETIC.
"""

from __future__ import annotations

import os
import resource
import socket
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import MINI, SOURCE_DIR, run

REPO = Path(__file__).resolve().parents[2]
MIB = 1 << 20


class Finished:
    """What a bounded subprocess run of ``python -m reporter`` did (code None: it had to be killed)."""

    def __init__(self, code: int | None, stdout: bytes, stderr: bytes, seconds: float) -> None:
        self.code, self.stdout, self.seconds = code, stdout, seconds
        self.stderr = stderr.decode("utf-8", "replace")

    def __repr__(self) -> str:
        return f"Finished(code={self.code}, seconds={self.seconds:.1f}, stderr={self.stderr[-400:]!r})"


def reporter_bounded(*args: str, memory: int = 1024 * MIB, timeout: float = 20,
                     stdout: int | object = subprocess.PIPE, stdin: bytes | None = None) -> Finished:
    """Run ``python -m reporter ARGS`` with at most ``memory`` bytes of address space and ``timeout`` s."""
    def limit() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (memory, memory))

    env = {**os.environ, "PYTHONPATH": str(REPO), "COLUMNS": "100"}
    started = time.monotonic()
    proc = subprocess.Popen([sys.executable, "-m", "reporter", *args], env=env, stdout=stdout,  # type: ignore[arg-type]
                            stderr=subprocess.PIPE, stdin=subprocess.PIPE if stdin is not None else None,
                            preexec_fn=limit)
    try:
        out, err = proc.communicate(stdin, timeout=timeout)
        code: int | None = proc.returncode
    except subprocess.TimeoutExpired:
        proc.kill()
        out, err = proc.communicate()
        code = None
    return Finished(code, out or b"", err, time.monotonic() - started)


def one_clean_line(stderr: str) -> bool:
    return len(stderr.splitlines()) == 1 and "Traceback" not in stderr


def make_device(path: Path, kind: int, major: int, minor: int) -> Path:
    """A device node in a temp directory (root only; skips where mknod is not allowed)."""
    try:
        os.mknod(path, kind | 0o666, os.makedev(major, minor))
    except (PermissionError, OSError) as exc:
        pytest.skip(f"cannot make a device node here: {exc}")
    return path


# --------------------------------------------------------------------------- export -o (items 4, 5, 6)


@pytest.fixture
def data_file(tmp_path: Path) -> Path:
    path = tmp_path / "data.yaml"
    path.write_text(MINI, encoding="utf-8")
    return path


@pytest.mark.parametrize("how", ["same name", "another spelling", "symlink", "hard link"])
def test_export_refuses_to_overwrite_a_data_file(data_file: Path, how: str) -> None:
    before = data_file.read_bytes()
    target = {"same name": str(data_file), "another spelling": f"{data_file.parent}/./{data_file.name}",
              "symlink": str(data_file.parent / "link.json"), "hard link": str(data_file.parent / "hard.json")}[how]
    if how == "symlink":
        os.symlink(data_file.name, target)
    elif how == "hard link":
        os.link(data_file, target)
    result = run("--data", str(data_file), "export", "-o", target)
    assert result.code == 1, result
    assert one_clean_line(result.stderr) and target in result.stderr and "data file" in result.stderr
    assert data_file.read_bytes() == before
    assert how != "symlink" or os.path.islink(target)


def test_export_refuses_a_file_of_a_data_directory(tmp_path: Path) -> None:
    folder = tmp_path / "counties"
    folder.mkdir()
    (folder / "a.yaml").write_text(MINI, encoding="utf-8")
    before = (folder / "a.yaml").read_bytes()
    result = run("--data", str(folder), "export", "-o", str(folder / "a.yaml"))
    assert result.code == 1 and "data file" in result.stderr, result
    assert (folder / "a.yaml").read_bytes() == before


def test_export_writes_through_a_symlink_to_its_target(data_file: Path, tmp_path: Path) -> None:
    (tmp_path / "real").mkdir()
    target = tmp_path / "real" / "facts.json"
    target.write_text("old", encoding="utf-8")
    target.chmod(0o640)
    link = tmp_path / "facts.json"
    link.symlink_to(target)
    result = run("--data", str(data_file), "export", "-o", str(link))
    assert result.code == 0, result
    assert link.is_symlink() and os.readlink(link) == str(target)
    assert target.read_text(encoding="utf-8").startswith("[\n  {")
    assert stat.S_IMODE(target.stat().st_mode) == 0o640  # the target's mode is kept
    assert sorted(p.name for p in (tmp_path / "real").iterdir()) == ["facts.json"]  # no temp file left


def test_export_into_a_named_pipe_feeds_its_reader(data_file: Path, tmp_path: Path) -> None:
    fifo = tmp_path / "facts.pipe"
    os.mkfifo(fifo)
    reader = subprocess.Popen(["cat", str(fifo)], stdout=subprocess.PIPE)
    try:
        result = run("--data", str(data_file), "export", "--format", "csv", "-o", str(fifo))
        out, _ = reader.communicate(timeout=10)
    finally:
        reader.kill()
    assert result.code == 0, result
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)  # still the pipe, not a file put in its place
    assert out.decode("utf-8").startswith("region,region_name,")


def test_export_writes_to_a_character_device_in_place(data_file: Path, tmp_path: Path) -> None:
    null = make_device(tmp_path / "null", stat.S_IFCHR, 1, 3)
    assert run("--data", str(data_file), "export", "-o", str(null)).code == 0
    assert stat.S_ISCHR(os.lstat(null).st_mode)
    full = make_device(tmp_path / "full", stat.S_IFCHR, 1, 7)
    result = run("--data", str(data_file), "export", "-o", str(full))
    assert result.code == 1 and one_clean_line(result.stderr) and "No space left" in result.stderr, result
    assert stat.S_ISCHR(os.lstat(full).st_mode)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data.yaml", "full", "null"]


def test_export_refuses_sockets_and_block_devices(data_file: Path, tmp_path: Path) -> None:
    sock_path = tmp_path / "s.sock"
    server = socket.socket(socket.AF_UNIX)
    server.bind(str(sock_path))
    try:
        result = run("--data", str(data_file), "export", "-o", str(sock_path))
    finally:
        server.close()
    assert result.code == 1 and one_clean_line(result.stderr) and "socket" in result.stderr, result
    assert stat.S_ISSOCK(os.lstat(sock_path).st_mode)
    block = make_device(tmp_path / "loop", stat.S_IFBLK, 7, 250)
    result = run("--data", str(data_file), "export", "-o", str(block))
    assert result.code == 1 and one_clean_line(result.stderr) and "block device" in result.stderr, result
    assert stat.S_ISBLK(os.lstat(block).st_mode)


def test_write_atomic_never_replaces_a_special_file(tmp_path: Path) -> None:
    from reporter.data.files import write_atomic
    from reporter.errors import ReporterError

    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    with pytest.raises(ReporterError, match="is a named pipe"):
        write_atomic(fifo, "text")
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode) and sorted(p.name for p in tmp_path.iterdir()) == ["pipe"]


def test_export_to_a_directory_is_a_usage_error(data_file: Path, tmp_path: Path) -> None:
    result = run("--data", str(data_file), "export", "-o", str(tmp_path))
    assert result.code == 2 and "directory" in result.stderr, result


def test_export_dash_means_stdout(data_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = run("--data", str(data_file), "export", "--format", "csv", "-o", "-")
    assert result.code == 0 and result.stdout.startswith("region,region_name,"), result
    assert not (tmp_path / "-").exists()


def test_export_to_dev_stdout_writes_into_the_open_stdout(data_file: Path, tmp_path: Path) -> None:
    log = tmp_path / "log.txt"
    log.write_bytes(b"kept\n")
    inode = log.stat().st_ino
    with open(log, "ab") as handle:
        done = reporter_bounded("--data", str(data_file), "export", "--format", "csv", "-o", "/dev/stdout",
                                stdout=handle)
    assert done.code == 0, done
    assert log.stat().st_ino == inode and stat.S_ISLNK(os.lstat("/dev/stdout").st_mode)
    text = log.read_text(encoding="utf-8")
    assert text.startswith("kept\nregion,region_name,")  # appended, as the shell asked, not replaced


# --------------------------------------------------------------------------- data-file input (items 7, 8, 9)


@pytest.fixture
def fifo_yaml(tmp_path: Path) -> Path:
    path = tmp_path / "f.yaml"
    os.mkfifo(path)
    return path


@pytest.mark.parametrize("args", [["--data", "{}", "regions"], ["--no-cache", "--data", "{}", "regions"],
                                  ["check", "{}"]])
def test_a_fifo_as_data_file_is_refused_at_once(fifo_yaml: Path, args: list[str]) -> None:
    done = reporter_bounded(*[a.format(fifo_yaml) for a in args], timeout=10)
    assert done.code == 1, done
    assert "named pipe" in done.stderr and "not a regular file" in done.stderr and str(fifo_yaml) in done.stderr
    assert "Traceback" not in done.stderr and done.seconds < 5


def test_a_fifo_inside_a_data_directory_is_refused_at_once(tmp_path: Path) -> None:
    folder = tmp_path / "counties"
    folder.mkdir()
    (folder / "a.yaml").write_text(MINI, encoding="utf-8")
    os.mkfifo(folder / "b.yaml")
    for args in (["check", str(folder)], ["--no-cache", "--data", str(folder), "regions"]):
        done = reporter_bounded(*args, timeout=10)
        assert done.code == 1 and "b.yaml" in done.stderr and "named pipe" in done.stderr, done
        assert "Traceback" not in done.stderr


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/urandom"])
def test_devices_as_data_files_are_refused_in_bounded_memory(device: str) -> None:
    for args in (["--no-cache", "--data", device, "regions"], ["check", device]):
        done = reporter_bounded(*args, memory=512 * MIB, timeout=10)
        assert done.code == 1, done
        assert "Traceback" not in done.stderr and f"{device}: is a character device" in done.stderr
        assert args[0] == "check" or one_clean_line(done.stderr)  # check adds a count of problems
        assert done.seconds < 5


def test_a_pipe_handed_over_as_a_descriptor_is_read(tmp_path: Path) -> None:
    """`--data <(cat FILE)` and `--data /dev/stdin` in a pipeline: the writer is attached, so the pipe
    is read to its end (bounded like a file); only a named FIFO, which may never see a writer, is refused."""
    done = reporter_bounded("--no-cache", "--data", "/dev/stdin", "regions", stdin=MINI.encode("utf-8"))
    assert done.code == 0 and done.stdout.decode("utf-8").splitlines()[1].startswith("a "), done
    data = tmp_path / "data.yaml"
    data.write_text(MINI, encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    proc = subprocess.run(["bash", "-c", f'"{sys.executable}" -m reporter check <(cat "{data}")'], env=env,
                          capture_output=True, timeout=20)
    assert proc.returncode == 0 and b": ok, 1 regions" in proc.stderr, proc


def test_a_socket_as_data_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "s.yaml"
    server = socket.socket(socket.AF_UNIX)
    server.bind(str(path))
    try:
        result = run("check", str(path))
    finally:
        server.close()
    assert result.code == 1 and "socket" in result.stderr and "not a regular file" in result.stderr, result


def test_reading_is_bounded_whatever_the_size_says(monkeypatch: pytest.MonkeyPatch) -> None:
    """/proc files are regular files whose st_size is 0 however much they hold: the read is bounded."""
    from reporter.data import yaml_file as yamlfile

    status = Path("/proc/self/status")
    if not status.is_file() or status.stat().st_size != 0:
        pytest.skip("needs Linux /proc")
    monkeypatch.setattr(yamlfile, "MAX_BYTES", 64)
    text, problems = yamlfile.read_text(status)
    assert text is None and "64 bytes" in str(problems[0].message) and "limit" in str(problems[0].message)


def test_the_bounded_read_takes_at_most_one_byte_past_the_limit() -> None:
    from reporter.data.yaml_file import read_at_most

    fd = os.open("/dev/zero", os.O_RDONLY)
    try:
        assert len(read_at_most(fd, 1000)) == 1001
        assert len(read_at_most(fd, 0)) == 1
    finally:
        os.close(fd)


def test_a_regular_file_problem_is_none_for_a_data_file(data_file: Path, fifo_yaml: Path) -> None:
    from reporter.data.yaml_file import regular_file_problem

    assert regular_file_problem(data_file) is None
    problem = regular_file_problem(fifo_yaml)
    assert problem is not None and "named pipe" in str(problem.message) and problem.path == str(fifo_yaml)
    assert str(regular_file_problem(fifo_yaml.parent / "none.yaml").message) == "no such file or directory"
    assert "directory" in str(regular_file_problem(fifo_yaml.parent).message)


def _tiny_nodes(path: Path, count: int, layout: str) -> Path:
    if layout == "flow":
        path.write_text("about: [" + ",".join(["a"] * count) + "]\n", encoding="utf-8")
    else:
        path.write_text("about:\n" + "- a\n" * count, encoding="utf-8")
    return path


@pytest.mark.parametrize("layout", ["flow", "block"])
def test_millions_of_tiny_nodes_are_refused_fast_in_bounded_memory(tmp_path: Path, layout: str) -> None:
    path = _tiny_nodes(tmp_path / "nodes.yaml", 8_000_000, layout)  # 16 MB (flow) or 32 MB (block)
    done = reporter_bounded("--no-cache", "--data", str(path), "regions", memory=600 * MIB, timeout=30)
    assert done.code == 1, done
    assert one_clean_line(done.stderr) and "YAML nodes" in done.stderr and "limit" in done.stderr
    assert done.seconds < 3


def test_the_node_limit_also_holds_while_composing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Nodes the quick text count undercounts (three per `- k: v` line, counted two) are counted as composed."""
    from reporter.data import yaml_file as yamlfile

    monkeypatch.setattr(yamlfile, "NODE_LIMIT", 1000)
    path = tmp_path / "pairs.yaml"
    path.write_text("about:\n" + "".join(f"- k{i}: v\n" for i in range(400)), encoding="utf-8")
    assert yamlfile.node_estimate(path.read_text(encoding="utf-8")) < 1000  # 801 for 1,203 nodes
    result = run("--no-cache", "--data", str(path), "regions")
    assert result.code == 1 and "YAML nodes" in result.stderr and "more than 1,000;" in result.stderr, result
    tagged = tmp_path / "tagged.yaml"  # nodes with explicit tags are counted like any other
    tagged.write_text("about:\n" + "".join(f"- k{i}: !!str v\n" for i in range(400)), encoding="utf-8")
    monkeypatch.setattr(yamlfile, "NODE_LIMIT", 1000)
    result = run("--no-cache", "--data", str(tagged), "regions")
    assert result.code == 1 and "YAML nodes" in result.stderr, result


def test_the_limits_leave_room_for_the_documented_compact_layouts() -> None:
    """A 30th of 2,850 regions x 50 metrics x 10 years (mapping layout): 30 times it is under the limits."""
    import gc

    sys.path.insert(0, str(REPO))
    from benchmarks.make_synthetic import synthetic_yaml
    from reporter.data import yaml_file as yamlfile

    text = synthetic_yaml(95, 50, 10, layout="mapping")
    assert 30 * len(text.encode("utf-8")) < yamlfile.MAX_BYTES
    assert 30 * yamlfile.node_estimate(text) < yamlfile.NODE_LIMIT
    gc.disable()  # as the loader does: the cyclic collector would rescan the growing node tree
    try:
        root, problems = yamlfile.compose(text, "synthetic.yaml")
        assert problems == []
        nodes, stack = 0, [root]
        while stack:
            node = stack.pop()
            nodes += 1
            if isinstance(node.value, list):
                stack.extend(x for pair in node.value for x in (pair if isinstance(pair, tuple) else (pair,)))
    finally:
        gc.enable()
    assert 30 * nodes < yamlfile.NODE_LIMIT


# --------------------------------------------------------------------------- templates (item 10)


RUNAWAY_TEMPLATES = {
    "nested loops": "{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}",
    "nested loops over data": "{% for a in regions %}{% for t in a.themes %}{% for f in t.facts %}"
                              "{% for g in regions %}{% for u in g.themes %}{% for h in u.facts %}"
                              "{% for i in range(100000) %}{% endfor %}{% endfor %}{% endfor %}{% endfor %}"
                              "{% endfor %}{% endfor %}{% endfor %}",
    "power": "{{ 7 ** (10 ** 8) }}",
    "power in a variable": "{% set n = 10 ** 8 %}{{ 7 ** n }}",
    "repetition": "{{ 'x' * 10 ** 10 }}",
    "list repetition": "{{ ([1] * 10 ** 9) | length }}",
    "big product": "{% set ns = namespace(x=3) %}{% for i in range(40) %}{% set ns.x = ns.x * ns.x %}{% endfor %}",
    "doubling by ~": "{% set ns = namespace(s='x') %}{% for i in range(60) %}{% set ns.s = ns.s ~ ns.s %}"
                     "{% endfor %}{{ ns.s | length }}",
    "doubling by +": "{% set ns = namespace(s='x') %}{% for i in range(60) %}{% set ns.s = ns.s + ns.s %}"
                     "{% endfor %}",
    "doubling by a macro": "{% macro twice(s) %}{{ s }}{{ s }}{% endmacro %}{% set ns = namespace(s='x') %}"
                           "{% for i in range(60) %}{% set ns.s = twice(ns.s) %}{% endfor %}",
    "runaway output": "{% for i in range(100000) %}{% for j in range(100000) %}{{ i }}{{ j }}{% endfor %}"
                      "{% endfor %}",
    "huge width": "{{ 'x' | center(10 ** 10) }}",
    "huge method width": "{{ 'x'.rjust(10 ** 10) }}",
    "huge format width": "{{ '%10000000000d' % 1 }}",
    "huge replace": "{% set ns = namespace(s='x' * 1000) %}{% for i in range(5) %}"
                    "{% set ns.s = ns.s | replace('x', ns.s) %}{% endfor %}",
    "huge join": "{{ ((['x' * 1000000] * 100000) | join) | length }}",
    "huge translate": "{% set s = 'x' * 100000 %}{{ s.translate({120: 'y' * 100000}) | length }}",
    "huge lipsum": "{{ lipsum(10 ** 9) | length }}",
    "huge json indent": "{{ regions | tojson(indent=10 ** 9) | length }}",
    "huge number in a filter": "{{ {'value': '1e999999999', 'unit': '', 'qualifier': 'exact'} | quantity }}",
    "binary recursion": "{% macro f(n) %}{% if n %}{{ f(n - 1) }}{{ f(n - 1) }}{% endif %}{% endmacro %}{{ f(60) }}",
}


REAL_LIMITS = {"nested loops", "power"}  # the others run with a tenth of the operations, to keep the suite fast

_RUNAWAY_CHILD = """
import json, sys, time
from reporter.render import sandbox
from tests.conftest import run

real = sandbox.OPS_BASE, sandbox.OPS_PER_ITEM
for name, path in json.loads(sys.argv[1]).items():
    full = name in json.loads(sys.argv[2])
    sandbox.OPS_BASE, sandbox.OPS_PER_ITEM = real if full else (real[0] // 10, real[1] // 10)
    started = time.monotonic()
    result = run("brief", "江山", "--template", path)
    print(json.dumps([name, result.code, result.stdout, result.stderr, time.monotonic() - started]), flush=True)
"""


@pytest.fixture(scope="module")
def runaway_results(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[object]]:
    """Every runaway template rendered by the real command, in one child process with at most 1 GiB
    of address space and a minute in all (one start-up instead of one per template)."""
    import json

    folder = tmp_path_factory.mktemp("runaway")
    paths = {}
    for i, (name, body) in enumerate(RUNAWAY_TEMPLATES.items()):
        paths[name] = str(folder / f"runaway{i}.j2")
        Path(paths[name]).write_text("Title\n" + body + "\n", encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(REPO), "REPORTER_CACHE_DIR": str(folder / "cache")}
    proc = subprocess.Popen([sys.executable, "-c", _RUNAWAY_CHILD, json.dumps(paths), json.dumps(sorted(REAL_LIMITS))],
                            env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=REPO,
                            preexec_fn=lambda: resource.setrlimit(resource.RLIMIT_AS, (1024 * MIB, 1024 * MIB)))
    try:
        out, _ = proc.communicate(timeout=60)
    except subprocess.TimeoutExpired:
        proc.kill()
        out, _ = proc.communicate()
    results = {}
    for line in out.decode("utf-8").splitlines():
        name, *rest = json.loads(line)
        results[name] = [*rest, paths[name]]
    return results


@pytest.mark.parametrize("name", list(RUNAWAY_TEMPLATES))
def test_runaway_templates_stop_with_a_clear_error(runaway_results: dict[str, list[object]], name: str) -> None:
    assert name in runaway_results, f"{name}: did not finish within the child's minute"
    code, stdout, stderr, seconds, path = runaway_results[name]
    assert code == 1 and stdout == "", runaway_results[name]
    assert isinstance(stderr, str) and one_clean_line(stderr), stderr
    assert f"{path}:2: template stopped: " in stderr, stderr
    assert isinstance(seconds, float) and seconds < 5, runaway_results[name]


def test_the_clock_stops_what_the_counts_do_not_see(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The time limit is the last resort (work the counts miss, like comparing long strings): with the
    operation budget made endless, a runaway loop is still stopped, by the clock."""
    import signal

    from reporter.render import sandbox

    monkeypatch.setattr(sandbox, "OPS_BASE", 10**15)
    monkeypatch.setattr(sandbox, "SECONDS_BASE", 0.3)
    monkeypatch.setattr(sandbox, "SECONDS_PER_ITEM", 0.0)
    template = tmp_path / "slow.j2"
    template.write_text("{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}\n",
                        encoding="utf-8")

    def watchdog(*_: object) -> None:
        raise TimeoutError("the clock did not stop the template")

    previous = signal.signal(signal.SIGALRM, watchdog)
    signal.alarm(20)
    try:
        started = time.monotonic()
        result = run("brief", "江山", "--template", str(template))
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)
    assert result.code == 1 and "template stopped: still running after 0.3 s" in result.stderr, result
    assert time.monotonic() - started < 5


def test_template_limits_leave_legitimate_templates_alone(tmp_path: Path) -> None:
    body = ("{% for r in regions %}{{ r.name }}{% for t in r.themes %}{% for f in t.facts %}"
            "{{ '%8s' % f.value }}{{ 'ab' * 3 }}{{ 2 ** 10 }}{{ (f.label ~ '|') * 2 }}{{ f.label | center(30) }}"
            "{% endfor %}{% endfor %}{{ range(100) | sum }}\n{% endfor %}")
    template = tmp_path / "busy.j2"
    template.write_text(body, encoding="utf-8")
    result = run("brief", "--all", "--template", str(template))
    assert result.code == 0, result
    assert "1024" in result.stdout and "ababab" in result.stdout and "4950" in result.stdout


# --------------------------------------------------------------------------- CSV list cells (item 14)


def test_csv_list_cells_are_neutralised(tmp_path: Path) -> None:
    evil = MINI.replace("unit: 万元, theme: rd, kind: flow}",
                        "unit: 万元, theme: rd, kind: flow, aliases: [\"=cmd|' /C calc'!A0\", \"x\"]}")
    path = tmp_path / "evil.yaml"
    path.write_text(evil, encoding="utf-8")
    result = run("--data", str(path), "metrics", "--format", "csv")
    assert result.code == 0, result
    import csv
    import io

    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert rows[0]["aliases"] == "'=cmd|' /C calc'!A0,x"
    assert rows[0]["regions"] == "a" and rows[1]["aliases"] == ""  # harmless cells stay as they are


# --------------------------------------------------------------------------- source texts (item 20)


def test_a_gbk_source_text_is_one_clear_line(tmp_path: Path) -> None:
    data = tmp_path / "data.yaml"
    data.write_text(MINI, encoding="utf-8")
    sources = tmp_path / "sources"
    sources.mkdir()
    (sources / "page.txt").write_bytes("2019年投入100万元，2020年投入1.5亿元。".encode("gbk"))
    result = run("check", str(data), "--sources", str(sources))
    assert result.code == 1, result
    errors = "".join(line for line in result.stderr.splitlines(True) if not line.startswith("warning: "))
    assert one_clean_line(errors) and "Traceback" not in result.stderr  # (MINI's 100万元 → 1.5亿元 is a warning)
    assert f"{sources / 'page.txt'}:1:" in result.stderr and "GB18030" in result.stderr
    (sources / "page.txt").write_text("2019年投入100万元，2020年投入1.5亿元。", encoding="utf-8")
    result = run("check", str(data), "--sources", str(sources))
    assert result.code == 0 and "2 quotes verbatim" in result.stderr, result


def test_the_bundled_sources_still_verify() -> None:
    if not SOURCE_DIR.is_dir():
        pytest.skip("source texts not present")
    result = run("check", "--sources", str(SOURCE_DIR))
    assert result.code == 0 and "quotes verbatim in their sources" in result.stderr, result



# --------------------------------------------------------------------------- faults the cache and the entry point own


def test_a_fifo_added_to_a_cached_data_directory_is_refused_at_once(tmp_path: Path) -> None:
    """The cache is judged by the files behind the path: a FIFO among them means no cache (its content
    cannot be keyed), and the loader refuses it, never a hang on hashing it."""
    folder = tmp_path / "counties"
    folder.mkdir()
    (folder / "a.yaml").write_text(MINI, encoding="utf-8")
    assert reporter_bounded("--data", str(folder), "regions").code == 0  # builds the cache
    os.mkfifo(folder / "b.yaml")
    done = reporter_bounded("--data", str(folder), "regions", timeout=10)
    assert done.code == 1 and "b.yaml" in done.stderr and "named pipe" in done.stderr, done


def test_a_closed_stdout_is_one_line_not_a_traceback() -> None:
    """``reporter get 江山 研发投入 >&-``: Python starts with sys.stdout None."""
    out = subprocess.run(f"{sys.executable} -m reporter get 江山 研发投入 >&-", shell=True, executable="/bin/bash",
                         capture_output=False, stderr=subprocess.PIPE, text=True, timeout=60,
                         env={**os.environ, "PYTHONPATH": str(REPO)})
    assert out.returncode == 1, out.stderr
    assert out.stderr == "reporter: standard output is closed; nothing was written\n"


@pytest.mark.parametrize("args", [["get", "江山", "研发投入"], ["export", "--format", "csv"], ["show", "江山"]])
def test_a_full_disk_on_stdout_is_one_line_not_a_traceback(args: list[str]) -> None:
    with open("/dev/full", "w") as full:
        out = subprocess.run([sys.executable, "-m", "reporter", *args], stdout=full, stderr=subprocess.PIPE,
                             text=True, timeout=60, env={**os.environ, "PYTHONPATH": str(REPO)})
    assert out.returncode == 1, out.stderr
    assert out.stderr == "reporter: cannot write to standard output: No space left on device\n"


def test_ctrl_c_while_the_cache_is_built_after_the_answer_exits_130(monkeypatch: pytest.MonkeyPatch) -> None:
    """The answer is out, then the cache build (a fork, on the command line) is interrupted."""
    from reporter.cli.session import Session

    def interrupted(self: Session, detach: bool) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(Session, "build_cache", interrupted)
    result = run("get", "江山", "研发投入")
    assert (result.code, result.stdout, result.stderr) == (130, "2.06亿元\n", "reporter: interrupted\n")


@pytest.mark.parametrize(("old", "new", "message"), [
    ("value: 100,", "value: 1234567890123456789012345678901,", "has 31 significant digits; at most 15"),
    ("value: 100, period: \"2019\", quote: 2019年投入100万元",  # few significant digits: fine
     "value: 0.0000000000000000000000000001, period: \"2019\", quote: 2019年投入0.0000000000000000000000000001万元",
     "value: 100, period: \"2019\", quote: 2019年投入100万元"),
    ("value: 100,", "value: 100, yoy_pct: 12345678901234567890.5,", "has 21 significant digits"),
    ("value: 1.5,", "value: 1.5, rank_change: " + "9" * 5000 + ",", "should be a whole number of at most 9 digits"),
])
def test_numbers_are_bounded_in_digits_with_a_clear_message(write_yaml: object, old: str, new: str,
                                                           message: str) -> None:
    path = write_yaml(MINI.replace(old, new))  # type: ignore[operator]
    result = run("check", str(path))
    if message == old:
        assert result.code == 0, result
        return
    assert result.code == 1 and message in result.stderr and "Traceback" not in result.stderr, result
    assert max(len(line) for line in result.stderr.splitlines()) < 400  # a 5,000-digit value is not echoed


# --------------------------------------------------------------------------- figures far apart in size

_FAR_APART = """\
# SYNTHETIC: two figures of one metric 10^30-fold apart (a unit slip no digit bound catches)
regions:
  jiangshan:
    facts:
      - {metric: rd_investment, value: 100000000, unit: 亿元, period: 2020, source: page-2020-kjdd,
         quote: "研发投入100000000亿元"}
      - {metric: rd_investment, value: 0.000000000000000001, period: 2019, source: page-2020-kjdd,
         quote: "研发投入0.000000000000000001万元"}
"""


@pytest.mark.parametrize("args", [["show", "江山"], ["show", "江山", "--by", "period"], ["delta", "江山"],
                                  ["delta", "江山", "--format", "json"], ["brief", "江山"],
                                  ["brief", "江山", "--full", "--lang", "en"], ["rank", "rd_investment"],
                                  ["compare", "江山", "洞头"]])
def test_figures_far_apart_are_worked_out_not_a_traceback(tmp_path: Path, args: list[str]) -> None:
    """A change of 10^32 % has more digits than Decimal's default precision (28): said, not a crash."""
    data = tmp_path / "far.yaml"
    data.write_text(_FAR_APART, encoding="utf-8")
    result = run("--data", "bundled", "--data", str(data), *args)
    assert result.code == 0, result
    assert "Traceback" not in result.stderr and "InvalidOperation" not in result.stderr


def test_a_unit_slip_warning_says_the_exact_factor(tmp_path: Path) -> None:
    data = tmp_path / "far.yaml"
    data.write_text(_FAR_APART, encoding="utf-8")
    result = run("--lang", "en", "--data", "bundled", "--data", str(data), "check")
    assert result.code == 0, result
    assert "differ 1,000,000,000,000,000,000,000,000,000,000-fold: unit slip?" in result.stdout + result.stderr


def test_ctrl_c_just_after_the_answer_is_no_traceback() -> None:
    """Ctrl-C after the answer, as the run ends (here: at the very step before the interpreter's
    shutdown, delivered by the run itself, so the moment is certain): "interrupted", 130, no
    traceback and no "Exception ignored" from the shutdown."""
    script = (
        "import gc, os, signal, sys\n"
        "from reporter.cli import main\n"
        "freeze = gc.freeze\n"
        "def interrupted():\n"
        "    os.kill(os.getpid(), signal.SIGINT)\n"
        "    freeze()\n"
        "gc.freeze = interrupted\n"
        "sys.argv = ['reporter', 'get', '江山', '研发投入']\n"
        "main()\n")
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, timeout=60,
                         env={**os.environ, "PYTHONPATH": str(REPO), "LC_ALL": "C.UTF-8"})
    assert out.stdout.decode() == "2.06亿元\n"
    assert (out.returncode, out.stderr.decode()) == (130, "reporter: interrupted\n")
