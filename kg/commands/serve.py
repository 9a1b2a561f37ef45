"""``kg serve [OUTDIR] [--port N]``: a read-only SPARQL endpoint over a built graph (kg.serve)."""

from __future__ import annotations

import argparse


def run(a: argparse.Namespace) -> int:
    from kg.serve import serve

    serve(a.outdir, host=a.host, port=a.port, timeout=a.timeout, workers=a.workers)
    return 0


def register(sub) -> None:
    p = sub.add_parser("serve", help="a read-only SPARQL endpoint (and the explorer) over a built graph")
    p.add_argument("outdir", nargs="?", default="output", help="output folder of kg build (default: output)")
    p.add_argument("--host", default="127.0.0.1", help="address to listen on (default: 127.0.0.1)")
    p.add_argument("--port", type=int, default=7878, help="port (default: 7878; 0 picks a free one)")
    p.add_argument("--timeout", type=float, default=30.0, help="seconds a query may run (default: 30)")
    p.add_argument("--workers", type=int, default=2, help="queries answered at once (default: 2)")
    p.set_defaults(func=run)
