"""Time ``kg trace`` on a generated chain of documents (default 10,000), up and down.

.venv/bin/python scripts/bench_trace.py [N]
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

from rdflib import RDF, Literal

from kg import trace
from kg.graph import DOC, ELI, new_graph
from kg.store import load, save_turtle


def chain(n: int, path: Path) -> None:
    """d0 cites d1 cites … d(n-1), every one with a 文号; every 100th has an attached plan."""
    g = new_graph()
    for i in range(n):
        d = DOC[f"d{i}"]
        g.add((d, RDF.type, ELI.LegalResource))
        g.add((d, ELI.id_local, Literal(f"测试发〔2020〕{i + 1}号")))
        if i:
            g.add((DOC[f"d{i - 1}"], ELI.cites, d))
        if i % 100 == 0:
            g.add((DOC[f"p{i}"], RDF.type, ELI.LegalResource))
            g.add((DOC[f"p{i}"], ELI.is_part_of, d))
    save_turtle(g, path)


def timed(label: str, fn):
    t = time.perf_counter()
    out = fn()
    print(f"{label:<12} {time.perf_counter() - t:8.3f} s")
    return out


def main(n: int = 10_000) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "chain.ttl"
        timed(f"write {n}", lambda: chain(n, path))
        store = timed("load", lambda: load(path))
        start = timed("resolve", lambda: trace.resolve_document(store, "测试发[2020]1号"))
        up = timed("trace --up", lambda: trace.trace(store, start, "up"))
        down = timed("trace --down", lambda: trace.trace(store, str(DOC[f"d{n - 1}"]), "down"))
        text = timed("render", lambda: trace.render(up))
        assert len(up) == n and len(down) == n, (len(up), len(down))
        print(f"lines: up {len(up)}, down {len(down)}, rendered {len(text):,} characters")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 10_000)
