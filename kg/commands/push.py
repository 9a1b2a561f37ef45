"""``kg push --virtuoso [OUTDIR]``: bulk-load a built graph into a Virtuoso server (kg.push)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def run(a: argparse.Namespace) -> int:
    from kg.push import PushError, push_virtuoso

    out = Path(a.outdir)
    ttl = out / "graph.ttl" if out.is_dir() else out
    try:
        push_virtuoso(ttl, Path(a.load_dir), a.graph_iri, a.port, a.host, a.user, a.password, a.isql)
    except (PushError, ValueError) as e:
        print(f"kg push: {e}", file=sys.stderr)
        return 1
    print(f"{ttl} -> Virtuoso {a.host}:{a.port} graph <{a.graph_iri}>")
    return 0


def register(sub) -> None:
    from kg.push import DEFAULT_GRAPH

    p = sub.add_parser("push", help="bulk-load a built graph into a Virtuoso server as a named graph")
    p.add_argument("outdir", nargs="?", default="output", help="output folder or graph.ttl (default: output)")
    p.add_argument("--virtuoso", action="store_true", required=True, help="push to Virtuoso (the one target)")
    p.add_argument("--host", default="localhost", help="Virtuoso host (default: localhost)")
    p.add_argument("--port", type=int, default=1111, help="Virtuoso's SQL port (default: 1111)")
    p.add_argument("--user", default="dba", help="user (default: dba)")
    p.add_argument("--password", default="dba", help="password (default: dba)")
    p.add_argument("--graph-iri", default=DEFAULT_GRAPH, help=f"the named graph (default: {DEFAULT_GRAPH})")
    p.add_argument(
        "--load-dir",
        required=True,
        help="a folder the server may read (in its DirsAllowed); graph.ttl is copied there while it loads",
    )
    p.add_argument("--isql", default="isql-vt", help="Virtuoso's isql client (default: isql-vt)")
    p.set_defaults(func=run)
