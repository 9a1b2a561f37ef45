"""One module per ``kg`` sub-command; each has ``register(subparsers)`` and imports heavy
libraries only inside the function that runs the command (so ``kg --help`` stays fast).

Commands call the public API (:mod:`kg`: ``kg.build``, ``kg.open``, ``kg.validate``) and nothing
else. The small pieces every command that reads a graph shares are here: the graph argument
(``-g/--graph`` everywhere) and opening it (a missing graph is one line on stderr and exit status 2,
see ``kg.cli``).
"""

from __future__ import annotations

NAMES = (
    "build",
    "validate",
    "orgs",
    "who",
    "tasks",
    "trace",
    "stats",
    "docs",
    "export",
    "view",
    "serve",
    "push",
)
DEFAULT_GRAPH = "output/graph.ttl"


def graph_argument(p, positional: bool = False) -> None:
    """``-g/--graph GRAPH`` on every command that reads a graph, and where a command took it so
    (``kg docs GRAPH``) also the positional ``GRAPH``; a graph.ttl or a build's output folder,
    output/graph.ttl when not given."""
    if positional:
        p.add_argument("graph_pos", nargs="?", metavar="GRAPH", help="the same as -g GRAPH")
    p.add_argument(
        "-g", "--graph", help=f"a graph.ttl or the folder kg build wrote it to (default: {DEFAULT_GRAPH})"
    )
    p.set_defaults(graph_parser=p)


def graph_path(a) -> str:
    """The graph the command was given (positional or ``-g``), else the default; giving two
    different graphs is a usage error (exit status 2)."""
    pos = getattr(a, "graph_pos", None)
    if pos and a.graph and pos != a.graph:
        a.graph_parser.error(f"two graphs given ({pos} and -g {a.graph}); give one")
    return a.graph or pos or DEFAULT_GRAPH


def open_graph(a):
    """The graph the command was given, opened (:func:`kg.open`); FileNotFoundError (one line from
    ``kg``) when it is not there."""
    import kg

    endpoint = getattr(a, "endpoint", None)
    return kg.open(graph_path(a) if not endpoint else None, endpoint=endpoint)


def at_least(low: int):
    """An argparse type: an integer no smaller than ``low`` (``--depth -1`` is refused, not run)."""
    import argparse

    def parse(s: str) -> int:
        try:
            n = int(s)
        except ValueError:
            raise argparse.ArgumentTypeError(f"not a whole number: {s!r}") from None
        if n < low:
            raise argparse.ArgumentTypeError(f"must be {low} or more, not {n}")
        return n

    return parse


def path_argument(s: str) -> str:
    """An argparse type: a path that is not empty (``-o ""`` would mean the current folder)."""
    import argparse

    if not s.strip():
        raise argparse.ArgumentTypeError("an empty path")
    return s


def endpoint_argument(p) -> None:
    """``--endpoint URL`` on a lookup command."""
    p.add_argument(
        "--endpoint",
        metavar="URL",
        help="query this SPARQL endpoint (e.g. from `kg serve`) instead of a local graph",
    )


def print_candidates(command: str, error: Exception, lines) -> int:
    """``kg COMMAND: <why>`` and the near matches, one per line, on stderr; exit status 1."""
    import sys

    print(f"kg {command}: {error}", file=sys.stderr)
    for line in lines:
        print(f"  {line}", file=sys.stderr)
    return 1
