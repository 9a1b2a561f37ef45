"""The HTML view of a graph (a first, plain version; see kg/view/explorer for the explorer)."""

from __future__ import annotations

import html
from pathlib import Path

from rdflib import RDF, Graph
from rdflib.namespace import SKOS

from kg.graph import ELI, ORG
from kg.store import write_atomic


def write_view(g: Graph, path: Path) -> None:
    """A self-contained page listing documents and organisations (no network needed)."""
    rows = []
    for d in sorted(g.subjects(RDF.type, ELI.LegalResource)):
        num = next(iter(g.objects(d, ELI.id_local)), "")
        title = next(iter(g.objects(d, ELI.title)), "")
        rows.append(f"<tr><td>{html.escape(str(num))}</td><td>{html.escape(str(title))}</td></tr>")
    orgs = sorted(str(o) for s in g.subjects(RDF.type, ORG.Organization) for o in g.objects(s, SKOS.prefLabel))
    page = (
        "<!doctype html><meta charset='utf-8'><title>govdoc-kg</title>"
        "<h1>Documents</h1><table>" + "".join(rows) + "</table>"
        "<h1>Organisations</h1><ul>" + "".join(f"<li>{html.escape(o)}</li>" for o in orgs) + "</ul>"
    )
    write_atomic(path, page.encode("utf-8"))
