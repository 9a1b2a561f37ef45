"""``kg export [GRAPH | -g GRAPH] --to graphml|gexf|jsonld|nt|csv -o PATH [--kinds K,...]``."""

from __future__ import annotations

import argparse
from pathlib import Path

from kg.commands import graph_argument, open_graph, path_argument

FORMATS = ("graphml", "gexf", "jsonld", "nt", "csv")
KINDS = ("document", "organisation", "task", "entry")


def _kinds(s: str) -> list[str]:
    kinds = [k.strip() for k in s.split(",") if k.strip()]
    bad = [k for k in kinds if k not in KINDS]
    if bad or not kinds:
        raise argparse.ArgumentTypeError(f"kinds are {', '.join(KINDS)}; got {s!r}")
    return kinds


def run(a: argparse.Namespace) -> int:
    g = open_graph(a)
    out = Path(a.output)
    if a.to == "csv" and out.exists() and not out.is_dir():
        from kg.outputs import OutputError

        raise OutputError(out, "is a file; --to csv writes a folder")
    for p in g.export(a.to, out, kinds=a.kinds):
        print(p)
    return 0


def register(sub) -> None:
    p = sub.add_parser("export", help="export the graph as GraphML, GEXF, JSON-LD, N-Triples or Neo4j CSV")
    graph_argument(p, positional=True)
    p.add_argument("--to", required=True, choices=FORMATS, help="output format")
    p.add_argument(
        "-o",
        "--output",
        type=path_argument,
        required=True,
        metavar="PATH",
        help="output file (for csv: a folder that gets nodes.csv and edges.csv)",
    )
    p.add_argument(
        "--kinds",
        type=_kinds,
        metavar="K,...",
        help="graphml/gexf/csv: keep only these node kinds (document,organisation,task,entry)",
    )
    p.set_defaults(func=run)
