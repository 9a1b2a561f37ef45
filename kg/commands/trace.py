"""``kg trace DOC [--up|--down] [--depth N] [--json] [-g GRAPH]``."""

from __future__ import annotations

from kg.commands import (
    GRAPH_VALUES,
    Quick,
    at_least,
    endpoint_argument,
    graph_argument,
    open_graph,
    print_candidates,
)
from kg.terminal import json_text


def run(a) -> int:
    import kg

    g = open_graph(a)
    try:
        found = g.trace(a.doc, "down" if a.down else "up", a.depth)
    except kg.NotFound as e:
        return print_candidates(
            "trace", e, (f"{c['number'] or '-'}  {c['title'] or c['iri']}" for c in e.candidates)
        )
    if a.json:
        print(json_text(found.to_json(), indent=1))
    else:
        print(found.render())
    return 0


def register(sub) -> None:
    p = sub.add_parser("trace", help="what a document rests on (--up) or what rests on it (--down)")
    p.add_argument("doc", help="a 文号 in any spelling, or a fragment of the title")
    g = p.add_mutually_exclusive_group()
    g.add_argument("--up", action="store_true", help="documents it cites, recursively (default)")
    g.add_argument("--down", action="store_true", help="documents that cite it, recursively")
    p.add_argument(
        "--depth", type=at_least(0), default=None, metavar="N", help="stop N levels away (default: no limit)"
    )
    p.add_argument("--json", action="store_true", help="rows as JSON (flat, with depth)")
    graph_argument(p)
    endpoint_argument(p)
    p.set_defaults(func=run)


QUICK = Quick(
    "doc",
    {"--up": "up", "--down": "down", "--json": "json"},
    {"--depth": ("depth", at_least(0)), **GRAPH_VALUES},
    (("up", "down"),),
)
