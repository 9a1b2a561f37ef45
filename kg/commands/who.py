"""``kg who ORG [--role lead|responsible|supporting] [--json|--csv] [-g GRAPH]``."""

from __future__ import annotations

import sys

from kg.commands import (
    GRAPH_VALUES,
    Quick,
    choice,
    endpoint_argument,
    graph_argument,
    open_graph,
    print_candidates,
)
from kg.terminal import json_text

ROLES = ("lead", "responsible", "supporting")


def run(a) -> int:
    import kg

    g = open_graph(a)
    try:
        found = g.who(a.org, a.role)
    except kg.NotFound as e:
        return print_candidates(
            "who", e, (f"{o.name}（{'、'.join(o.alts) or '-'}）任务 {o.task_total}" for o in e.candidates)
        )
    if a.json:
        print(json_text(found.to_json(), indent=1))
    elif a.csv:
        sys.stdout.write(found.to_csv())
    else:
        print(found.render(full=a.full))
    return 0


def register(sub) -> None:
    p = sub.add_parser("who", help="the tasks of an organisation, by document, newest first")
    p.add_argument("org", help="any form of its name: 区建设局, 绍兴市柯桥区住房和城乡建设局 …")
    p.add_argument("--role", choices=ROLES, help="only tasks in this role")
    g = p.add_mutually_exclusive_group()
    g.add_argument("--json", action="store_true", help="JSON instead of text")
    g.add_argument("--csv", action="store_true", help="CSV (one row per task) instead of text")
    p.add_argument("--full", action="store_true", help="print quotes in full")
    graph_argument(p)
    endpoint_argument(p)
    p.set_defaults(func=run)


QUICK = Quick(
    "org",
    {"--json": "json", "--csv": "csv", "--full": "full"},
    {"--role": ("role", choice(ROLES)), **GRAPH_VALUES},
    (("json", "csv"),),
)
