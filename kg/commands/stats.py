"""``kg stats [GRAPH | -g GRAPH] [--json]``: the corpus at a glance."""

from __future__ import annotations

import argparse

from kg.commands import at_least, graph_argument, open_graph
from kg.terminal import json_text


def run(a: argparse.Namespace) -> int:
    s = open_graph(a).stats(top=a.top)
    print(json_text(s.to_json(), indent=2) if a.json else s.render())
    return 0


def register(sub) -> None:
    p = sub.add_parser("stats", help="counts, agency load, most-cited documents, documents to collect")
    graph_argument(p, positional=True)
    p.add_argument("--json", action="store_true", help="print JSON instead of text")
    p.add_argument(
        "--top", type=at_least(0), default=15, help="rows in the ranked lists (default: 15; 0 = all)"
    )
    p.set_defaults(func=run)
