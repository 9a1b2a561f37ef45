"""``kg stats [GRAPH] [--json]``: the corpus at a glance."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path


def run(a: argparse.Namespace) -> int:
    path = Path(a.graph)
    if not path.is_file():
        print(f"kg stats: {path}: no such graph (build one with `kg build PATH -o OUTDIR`)", file=sys.stderr)
        return 2
    from kg import netx, stats

    s = stats.summary(netx.to_networkx(path), top=a.top)
    print(json.dumps(s, ensure_ascii=False, indent=2) if a.json else stats.render(s))
    return 0


def register(sub) -> None:
    p = sub.add_parser("stats", help="counts, agency load, most-cited documents, documents to collect")
    p.add_argument(
        "graph", nargs="?", default="output/graph.ttl", help="graph.ttl (default: output/graph.ttl)"
    )
    p.add_argument("--json", action="store_true", help="print JSON instead of text")
    p.add_argument("--top", type=int, default=15, help="rows in the ranked lists (default: 15; 0 = all)")
    p.set_defaults(func=run)
