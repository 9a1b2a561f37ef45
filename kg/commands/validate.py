"""``kg validate GRAPH``: check a built graph against the SHACL shapes in ontology/shapes.ttl."""

from __future__ import annotations

import argparse
from pathlib import Path

from kg.commands import at_least, graph_argument, graph_path

SHAPES = Path(__file__).resolve().parents[2] / "ontology" / "shapes.ttl"


def validate(graph_path: Path, limit: int = 50) -> list[str]:
    """One line per SHACL violation (focus node, path, message); empty when the graph conforms."""
    import pyshacl
    from rdflib import RDF, Graph, Namespace

    from kg.store import load_rdflib

    sh = Namespace("http://www.w3.org/ns/shacl#")
    data = load_rdflib(graph_path)
    shapes = Graph().parse(SHAPES, format="turtle")
    conforms, report, _ = pyshacl.validate(data, shacl_graph=shapes, inference="none", allow_warnings=True)
    if conforms:
        return []
    out = []
    for r in report.subjects(RDF.type, sh.ValidationResult):
        focus = report.value(r, sh.focusNode)
        path = report.value(r, sh.resultPath)
        msg = report.value(r, sh.resultMessage)
        out.append(f"{focus}  {path or ''}  {msg or ''}".strip())
    return sorted(out)[:limit] if limit else sorted(out)


def run(a: argparse.Namespace) -> int:
    if not SHAPES.exists():
        print(f"kg: {SHAPES}: the SHACL shapes are not installed (run from a checkout)")
        return 2
    problems = validate(graph_path(a), limit=a.limit)
    for line in problems:
        print(line)
    print(f"{'conforms' if not problems else f'{len(problems)} violation(s) shown'}")
    return 1 if problems else 0


def register(sub) -> None:
    p = sub.add_parser("validate", help="check a graph against the project's SHACL shapes")
    graph_argument(p, positional=True)
    p.add_argument("--limit", type=at_least(0), default=50, help="show at most N violations (0: all)")
    p.set_defaults(func=run)
