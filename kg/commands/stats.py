"""``kg stats [GRAPH | -g GRAPH] [--json]``: the corpus at a glance."""

from __future__ import annotations

import argparse
import json

from kg.commands import graph_argument, open_graph


def run(a: argparse.Namespace) -> int:
    s = open_graph(a).stats(top=a.top)
    print(json.dumps(s.to_json(), ensure_ascii=False, indent=2) if a.json else s.render())
    return 0


def register(sub) -> None:
    p = sub.add_parser("stats", help="counts, agency load, most-cited documents, documents to collect")
    graph_argument(p, positional=True)
    p.add_argument("--json", action="store_true", help="print JSON instead of text")
    p.add_argument("--top", type=int, default=15, help="rows in the ranked lists (default: 15; 0 = all)")
    p.set_defaults(func=run)
