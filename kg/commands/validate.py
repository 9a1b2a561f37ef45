"""``kg validate [GRAPH | -g GRAPH]``: check a built graph against the project's SHACL shapes
(kg/ontology/shapes.ttl, installed with the package)."""

from __future__ import annotations

import argparse

from kg.commands import at_least, graph_argument, graph_path


def run(a: argparse.Namespace) -> int:
    import kg

    problems = kg.validate(graph_path(a), limit=a.limit)
    for line in problems:
        print(line)
    print(f"{'conforms' if not problems else f'{len(problems)} violation(s) shown'}")
    return 1 if problems else 0


def register(sub) -> None:
    p = sub.add_parser("validate", help="check a graph against the project's SHACL shapes")
    graph_argument(p, positional=True)
    p.add_argument("--limit", type=at_least(0), default=50, help="show at most N violations (0: all)")
    p.set_defaults(func=run)
