"""``kg view GRAPH -o FILE [--focus NAME --depth N]``: the explorer for a graph, or for part of it."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from kg.commands import at_least, graph_argument, graph_path, path_argument


def run(a: argparse.Namespace) -> int:
    from kg.store import read_triples
    from kg.view import write_model_view
    from kg.view.focus import find, neighbourhood
    from kg.view.model import build_model, subset

    g = read_triples(graph_path(a))  # an unreadable graph: one line from kg.cli
    model = build_model(g)
    title = "govdoc-kg explorer"
    if a.focus:
        hits = find(model, a.focus)
        if not hits:
            print(f"kg view: no node is named like {a.focus!r}", file=sys.stderr)
            return 1
        start = hits[: a.max_start]
        model = subset(model, neighbourhood(model, start, a.depth), start)
        title = f"govdoc-kg: {a.focus}"
        print(
            f"{len(hits)} match(es); showing {len(model['nodes'])} nodes within {a.depth} step(s)",
            file=sys.stderr,
        )
    write_model_view(model, Path(a.output), title)
    print(a.output)
    return 0


def register(sub) -> None:
    p = sub.add_parser("view", help="write the HTML explorer for a graph.ttl (or for part of it)")
    graph_argument(p, positional=True)
    p.add_argument("-o", "--output", type=path_argument, required=True, help="the HTML file to write")
    p.add_argument(
        "--focus", metavar="NAME", help="start from the nodes named NAME (any name form, 文号, title)"
    )
    p.add_argument(
        "--depth", type=at_least(0), default=2, metavar="N", help="steps around the focus (default: 2)"
    )
    p.add_argument(
        "--max-start", type=at_least(1), default=5, metavar="K", help="at most K matching nodes (default: 5)"
    )
    p.set_defaults(func=run)
