"""``kg view [GRAPH | -g GRAPH] -o FILE [--focus NAME --depth N]``: the explorer for a graph, or for part of it."""

from __future__ import annotations

import argparse
import sys

from kg.commands import at_least, graph_argument, open_graph, path_argument


def run(a: argparse.Namespace) -> int:
    import kg

    g = open_graph(a)
    try:
        hits, shown = g.view(a.output, focus=a.focus, depth=a.depth, max_start=a.max_start)
    except kg.NotFound as e:
        print(f"kg view: {e}", file=sys.stderr)
        return 1
    except (SyntaxError, ValueError) as e:
        print(f"kg view: cannot read {g.path}: {e}", file=sys.stderr)
        return 1
    if a.focus:
        print(f"{hits} match(es); showing {shown} nodes within {a.depth} step(s)", file=sys.stderr)
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
