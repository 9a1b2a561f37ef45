"""``kg orgs [NAME] [--json]``."""

from __future__ import annotations

import argparse
import json
import sys

from kg.commands import graph_argument
from kg.endpoint import endpoint_argument


def run(a: argparse.Namespace) -> int:
    from kg.query import orgs as orgs_lookup
    from kg.query.lookup import open_store

    orgs = orgs_lookup.lookup_orgs(open_store(a.graph, a.endpoint), a.name)
    if a.name is not None and not orgs:
        print(f"kg orgs: no organisation is called {a.name!r}", file=sys.stderr)
        return 1
    if a.json:
        print(json.dumps([o.to_dict() for o in orgs], ensure_ascii=False, indent=1))
    else:
        if a.name is not None and len(orgs) > 1:
            print(f"{len(orgs)} organisations match {a.name!r}:")
        print(orgs_lookup.render(orgs, detail=a.name is not None))
    return 0


def register(sub) -> None:
    p = sub.add_parser("orgs", help="organisations: forms of their names, kind, level, how often they appear")
    p.add_argument("name", nargs="?", default=None, help="any form of a name (exact first, then substring)")
    p.add_argument("--json", action="store_true", help="JSON instead of text")
    graph_argument(p)
    endpoint_argument(p)
    p.set_defaults(func=run)
