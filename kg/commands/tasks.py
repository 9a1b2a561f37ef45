"""``kg tasks DOC [--matrix] [--csv FILE|--xlsx FILE] [--json] [-g GRAPH]``."""

from __future__ import annotations

import sys

from kg.commands import (
    GRAPH_VALUES,
    Quick,
    endpoint_argument,
    graph_argument,
    open_graph,
    path_argument,
    print_candidates,
)
from kg.terminal import json_text


def run(a) -> int:
    import kg

    g = open_graph(a)
    try:
        found = g.tasks(a.doc)
    except kg.NotFound as e:
        return print_candidates(
            "tasks", e, (f"{c['number'] or '-'}  {c['title'] or c['iri']}" for c in e.candidates)
        )
    if a.csv:
        found.write_csv(a.csv)
        print(a.csv)
    elif a.xlsx:
        found.write_xlsx(a.xlsx)
        print(a.xlsx)
    elif a.json:
        print(json_text(found.to_json(), indent=1))
    else:
        print(found.render(matrix=a.matrix))
    if not found.found.tasks:
        print(f"kg tasks: no tasks in {a.doc!r}", file=sys.stderr)
    return 0


def register(sub) -> None:
    p = sub.add_parser("tasks", help="the tasks of a document with their units, or its responsibility matrix")
    p.add_argument("doc", help="a 文号 in any spelling, a fragment of the title, or 'all'")
    p.add_argument("--matrix", action="store_true", help="task × unit matrix (牵 / 责 / 配)")
    g = p.add_mutually_exclusive_group()
    g.add_argument(
        "--csv", type=path_argument, metavar="FILE", help="write the matrix as CSV (UTF-8 with BOM)"
    )
    g.add_argument("--xlsx", type=path_argument, metavar="FILE", help="write the matrix as an Excel workbook")
    g.add_argument("--json", action="store_true", help="the task list as JSON")
    graph_argument(p)
    endpoint_argument(p)
    p.set_defaults(func=run)


QUICK = Quick(
    "doc",
    {"--matrix": "matrix", "--json": "json"},
    {"--csv": ("csv", path_argument), "--xlsx": ("xlsx", path_argument), **GRAPH_VALUES},
    (("csv", "xlsx", "json"),),
)
