"""``kg orgs [NAME] [--json] [-g GRAPH]``."""

from __future__ import annotations

import argparse
import sys

from kg.commands import endpoint_argument, graph_argument, open_graph
from kg.terminal import json_text


def run(a: argparse.Namespace) -> int:
    found = open_graph(a).orgs(a.name)
    orgs = found.orgs
    if a.name is not None and not orgs:
        print(f"kg orgs: no organisation is called {a.name!r}", file=sys.stderr)
        return 1
    if a.json:
        print(json_text(found.to_json(), indent=1))
    else:
        if a.name is not None and len(orgs) > 1:
            print(f"{len(orgs)} organisations match {a.name!r}:")
        print(found.render())
    return 0


def register(sub) -> None:
    p = sub.add_parser("orgs", help="organisations: forms of their names, kind, level, how often they appear")
    p.add_argument("name", nargs="?", default=None, help="any form of a name (exact first, then substring)")
    p.add_argument("--json", action="store_true", help="JSON instead of text")
    graph_argument(p)
    endpoint_argument(p)
    p.set_defaults(func=run)
