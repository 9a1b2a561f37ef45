"""One module per ``kg`` sub-command; each has ``register(subparsers)`` and imports heavy
libraries only inside the function that runs the command (so ``kg --help`` stays fast).

The small pieces every command that reads a graph shares are here: the graph argument and the
check that it exists (a missing graph is one line on stderr and exit status 2, see ``kg.cli``).
"""

from __future__ import annotations

from pathlib import Path

NAMES = ("build", "validate", "orgs", "who", "tasks", "trace", "stats", "docs", "export", "view", "serve", "push")
DEFAULT_GRAPH = "output/graph.ttl"


def graph_argument(p, positional: bool = False) -> None:
    """``GRAPH`` (optional, positional) or ``-g/--graph GRAPH``; both default to output/graph.ttl."""
    if positional:
        p.add_argument(
            "graph", nargs="?", default=DEFAULT_GRAPH, help=f"a graph.ttl (default: {DEFAULT_GRAPH})"
        )
    else:
        p.add_argument("-g", "--graph", default=DEFAULT_GRAPH, help=f"the graph (default: {DEFAULT_GRAPH})")


def graph_path(a) -> Path:
    """The graph the command was given; FileNotFoundError (one line from ``kg``) if it is not there."""
    from kg.store import existing_graph

    return existing_graph(a.graph)


def print_candidates(command: str, error: Exception, lines) -> int:
    """``kg COMMAND: <why>`` and the near matches, one per line, on stderr; exit status 1."""
    import sys

    print(f"kg {command}: {error}", file=sys.stderr)
    for line in lines:
        print(f"  {line}", file=sys.stderr)
    return 1
