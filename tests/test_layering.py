"""The package's layering, read off the import statements (every ``import`` in a module, those inside
functions included): no import cycle among kg modules, and the query side (kg.query, kg.view, the
commands other than build) never reaches the build side (read, clean, segment, extract, resolve,
pipeline, graph, build). ``kg`` itself (the public API, kg/__init__.py) joins the two halves and is
left out of the walk: every module imports it implicitly as its package."""

from __future__ import annotations

import ast
from functools import cache
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1] / "kg"
BUILD_SIDE = (
    "kg.read",
    "kg.clean",
    "kg.segment",
    "kg.extract",
    "kg.resolve",
    "kg.pipeline",
    "kg.graph",
    "kg.build",
)
QUERY_SIDE = ("kg.query", "kg.view", "kg.commands")


def module_name(path: Path, root: Path = ROOT) -> str:
    parts = list(path.relative_to(root.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def modules() -> dict[str, Path]:
    return {module_name(p): p for p in ROOT.rglob("*.py")}


def imports(path: Path, known: set[str], root: Path = ROOT) -> set[str]:
    """The kg modules ``path`` imports (``from kg.a import b`` is kg.a.b when that is a module, else kg.a)."""
    name = module_name(path, root)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    out: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            out.update(a.name for a in node.names if a.name.split(".")[0] == "kg")
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                up = package.split(".")
                base = ".".join(up[: len(up) - node.level + 1] + ([base] if base else []))
            if base.split(".")[0] != "kg":
                continue
            for a in node.names:
                out.add(f"{base}.{a.name}" if f"{base}.{a.name}" in known else base)
    return {m for m in out if m in known and m != "kg" and m != name}


@cache
def graph() -> dict[str, set[str]]:
    mods = modules()
    return {m: imports(p, set(mods)) for m, p in mods.items() if m != "kg"}


def reach(g: dict[str, set[str]], start: str) -> set[str]:
    seen, todo = set(), [start]
    while todo:
        for n in g.get(todo.pop(), ()):
            if n not in seen:
                seen.add(n)
                todo.append(n)
    return seen


def on(side: tuple[str, ...], module: str) -> bool:
    return any(module == s or module.startswith(s + ".") for s in side)


def test_the_walk_sees_imports():
    """The checks below would pass vacuously if the parser found no edges: pin a few known ones."""
    g = graph()
    assert "kg.store" in g["kg.graph"]
    assert "kg.query.lookup" in g["kg.query.who"]
    assert "kg.extract.citations" in g["kg.pipeline"]
    assert "kg.vocab" in g["kg.store"]


def test_no_import_cycle():
    g = graph()
    cycles = sorted(m for m in g if m in reach(g, m))
    assert cycles == []


def test_vocab_imports_nothing_from_kg():
    assert graph()["kg.vocab"] == set()


@pytest.mark.parametrize(
    "module", sorted(m for m in modules() if on(QUERY_SIDE, m) and m != "kg.commands.build")
)
def test_query_side_never_reaches_the_build_side(module):
    assert sorted(m for m in reach(graph(), module) if on(BUILD_SIDE, m)) == []


def test_a_leak_would_be_seen(tmp_path):
    """A module that imports the resolver inside a function is counted as reaching it."""
    pkg = tmp_path / "kg"
    (pkg / "query").mkdir(parents=True)
    (pkg / "__init__.py").write_text("")
    (pkg / "query" / "__init__.py").write_text("")
    (pkg / "query" / "leak.py").write_text("def f():\n    from kg.resolve import where\n")
    (pkg / "resolve.py").write_text("")
    known = {"kg.query", "kg.query.leak", "kg.resolve"}
    assert imports(pkg / "query" / "leak.py", known, root=pkg) == {"kg.resolve"}
