"""``kg trace DOC [--up|--down] [--depth N] [--json]``."""

from __future__ import annotations

import argparse
import json

from kg.commands import graph_argument, print_candidates
from kg.endpoint import endpoint_argument


def run(a: argparse.Namespace) -> int:
    from kg.query import trace
    from kg.query.lookup import NotFound, open_store

    store = open_store(a.graph, a.endpoint)
    try:
        start = trace.resolve_document(store, a.doc)
    except NotFound as e:
        return print_candidates(
            "trace", e, (f"{c['number'] or '-'}  {c['title'] or c['iri']}" for c in e.candidates)
        )
    direction = "down" if a.down else "up"
    lines = trace.trace(store, start, direction, a.depth)
    if a.json:
        print(json.dumps(trace.to_rows(lines), ensure_ascii=False, indent=1))
    else:
        print(trace.render(lines, direction))
    return 0


def register(sub) -> None:
    p = sub.add_parser("trace", help="what a document rests on (--up) or what rests on it (--down)")
    p.add_argument("doc", help="a 文号 in any spelling, or a fragment of the title")
    g = p.add_mutually_exclusive_group()
    g.add_argument("--up", action="store_true", help="documents it cites, recursively (default)")
    g.add_argument("--down", action="store_true", help="documents that cite it, recursively")
    p.add_argument(
        "--depth", type=int, default=None, metavar="N", help="stop N levels away (default: no limit)"
    )
    p.add_argument("--json", action="store_true", help="rows as JSON (flat, with depth)")
    graph_argument(p)
    endpoint_argument(p)
    p.set_defaults(func=run)
