"""The house keeps its shape: layers that import only downward, no import circles, rooms a newcomer
reads at once, no module named like the standard library's."""

from __future__ import annotations

import ast
import sys
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "reporter"

# Bottom to top. A module may import from its own layer or any lower one, never from a higher one.
LAYERS = {"messages": 0, "errors": 0, "model": 1, "prose": 2, "data": 3, "query": 4, "cache": 4, "curate": 5,
          "render": 6, "cli": 7, "commands": 8, "__main__": 9}
# Modules that are tables of words and nothing else may be longer than a room (one entry a line).
DATA_ONLY = {"messages/catalogue.py", "cli/help_words.py"}
MAX_MODULE, MAX_CLASS, MAX_FUNCTION = 400, 200, 60


def _modules() -> dict[str, Path]:
    found = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        found[name] = path
    return found


def _imports(modules: dict[str, Path]) -> dict[str, set[str]]:
    """Every module of ours each module imports, wherever the import stands (types included)."""
    edges: dict[str, set[str]] = {}
    for name, path in modules.items():
        deps: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("reporter"):
                subs = {f"{node.module}.{a.name}" for a in node.names} & modules.keys()
                deps |= subs
                if len(subs) < len(node.names):
                    deps.add(node.module)
            elif isinstance(node, ast.Import):
                deps |= {a.name for a in node.names if a.name.startswith("reporter")}
        edges[name] = {d for d in deps if d in modules and d != name}
    return edges


def _layer(module: str) -> int:
    parts = module.split(".")
    return LAYERS.get(parts[1], 0) if len(parts) > 1 else 0


def test_every_package_has_a_layer() -> None:
    packages = {p.name for p in PACKAGE.iterdir() if p.is_dir() and (p / "__init__.py").exists()}
    tops = {p.stem for p in PACKAGE.glob("*.py")} - {"__init__"}
    assert packages | tops <= LAYERS.keys(), (packages | tops) - LAYERS.keys()


def test_no_module_imports_a_higher_layer() -> None:
    edges = _imports(_modules())
    upward = sorted(f"{m} -> {d}" for m, deps in edges.items() for d in deps if _layer(d) > _layer(m))
    assert not upward, upward


def test_no_import_circles() -> None:
    edges = _imports(_modules())
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    circles: list[list[str]] = []

    def visit(v: str) -> None:  # Tarjan's strongly connected components
        index[v] = low[v] = len(index)
        stack.append(v)
        for w in edges[v]:
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            part = []
            while True:
                w = stack.pop()
                part.append(w)
                if w == v:
                    break
            if len(part) > 1:
                circles.append(sorted(part))

    for v in edges:
        if v not in index:
            visit(v)
    assert not circles, circles


def test_only_the_cli_and_the_commands_import_click() -> None:
    for name, path in _modules().items():
        if _layer(name) >= LAYERS["cli"]:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        names = {a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names}
        names |= {n.module or "" for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)}
        assert not any(n == "click" or n.startswith("click.") for n in names), name


def test_rooms_are_small() -> None:
    big = []
    for path in PACKAGE.rglob("*.py"):
        rel = path.relative_to(PACKAGE).as_posix()
        text = path.read_text(encoding="utf-8")
        if text.count("\n") > MAX_MODULE and rel not in DATA_ONLY:
            big.append(f"{rel}: {text.count(chr(10))} lines")
        for node in ast.walk(ast.parse(text)):
            size = getattr(node, "end_lineno", 0) - getattr(node, "lineno", 0) + 1
            if isinstance(node, ast.ClassDef) and size > MAX_CLASS:
                big.append(f"{rel}: class {node.name}, {size} lines")
            elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and size > MAX_FUNCTION:
                big.append(f"{rel}: function {node.name}, {size} lines")
    assert not big, big


def test_no_module_shadows_the_standard_library() -> None:
    names = {path.stem for path in PACKAGE.rglob("*.py")} - {"__init__", "__main__"}
    assert not names & set(sys.stdlib_module_names), names & set(sys.stdlib_module_names)


def test_no_two_modules_share_a_name_for_different_jobs() -> None:
    """One name, one job. A command's name is the exception that proves it: its question
    (``query/rank.py``), its view (``render/views/rank.py``) and its command (``commands/rank.py``)
    are one feature seen from each layer, named alike on purpose."""
    features = {path.stem for path in (PACKAGE / "commands").glob("*.py")}
    seen: dict[str, str] = {}
    twice = []
    for path in PACKAGE.rglob("*.py"):
        if path.stem in ("__init__", "__main__") or path.stem in features:
            continue
        rel = path.relative_to(PACKAGE).as_posix()
        if path.stem in seen:
            twice.append((seen[path.stem], rel))
        seen[path.stem] = rel
    assert not twice, twice
