"""``kg tasks DOC [--matrix] [--csv FILE|--xlsx FILE] [--json]``."""

from __future__ import annotations

import argparse
import json
import sys

from kg.commands import graph_argument, print_candidates
from kg.endpoint import endpoint_argument


def run(a: argparse.Namespace) -> int:
    from kg.query import tasks as matrix
    from kg.query.lookup import NotFound, open_store

    try:
        m = matrix.build_matrix(open_store(a.graph, a.endpoint), a.doc)
    except NotFound as e:
        return print_candidates(
            "tasks", e, (f"{c['number'] or '-'}  {c['title'] or c['iri']}" for c in e.candidates)
        )
    if a.csv:
        matrix.write_csv(m, a.csv)
        print(a.csv)
    elif a.xlsx:
        matrix.write_xlsx(m, a.xlsx)
        print(a.xlsx)
    elif a.json:
        print(json.dumps(matrix.to_json(m), ensure_ascii=False, indent=1))
    elif a.matrix:
        print(matrix.render_matrix(m))
    else:
        print(matrix.render_list(m))
    if not m.tasks:
        print(f"kg tasks: no tasks in {a.doc!r}", file=sys.stderr)
    return 0


def register(sub) -> None:
    p = sub.add_parser("tasks", help="the tasks of a document with their units, or its responsibility matrix")
    p.add_argument("doc", help="a 文号 in any spelling, a fragment of the title, or 'all'")
    p.add_argument("--matrix", action="store_true", help="task × unit matrix (牵 / 责 / 配)")
    g = p.add_mutually_exclusive_group()
    g.add_argument("--csv", metavar="FILE", help="write the matrix as CSV (UTF-8 with BOM)")
    g.add_argument("--xlsx", metavar="FILE", help="write the matrix as an Excel workbook")
    g.add_argument("--json", action="store_true", help="the task list as JSON")
    graph_argument(p)
    endpoint_argument(p)
    p.set_defaults(func=run)
