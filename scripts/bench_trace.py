"""Time ``kg trace`` on a generated chain of documents (default 10,000), up and down.

.venv/bin/python scripts/bench_trace.py [N]
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # tests.synthetic

from kg.query import trace  # noqa: E402
from kg.store import load, save_turtle  # noqa: E402
from kg.vocab import DOC  # noqa: E402
from tests.synthetic import citation_chain  # noqa: E402


def chain(n: int, path: Path) -> None:
    """d0 cites d1 cites … d(n-1), every one with a 文号; every 100th has an attached plan."""
    save_turtle(citation_chain(n, plans_every=100), path)


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
