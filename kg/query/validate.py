"""Check a built graph against the project's SHACL shapes (``kg/ontology/shapes.ttl``, package data)."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from rdflib import Graph


def ontology_file(name: str):
    """A file of the project's ontology (``govdoc.ttl``, ``shapes.ttl``), found in the installed package."""
    return resources.files("kg") / "ontology" / name


def shapes() -> Graph:
    """The SHACL shapes as an rdflib graph."""
    return Graph().parse(data=ontology_file("shapes.ttl").read_text(encoding="utf-8"), format="turtle")


def validate(graph: Path | str | Graph, limit: int = 50) -> list[str]:
    """One line per SHACL violation (focus node, path, message), sorted, at most ``limit`` (0: all);
    empty when the graph conforms. ``graph``: a Turtle file or an rdflib graph."""
    import pyshacl

    from kg.store import load_rdflib
    from kg.vocab import RDF, SH

    data = graph if isinstance(graph, Graph) else load_rdflib(Path(graph))
    conforms, report, _ = pyshacl.validate(data, shacl_graph=shapes(), inference="none", allow_warnings=True)
    if conforms:
        return []
    out = []
    for r in report.subjects(RDF.type, SH.ValidationResult):
        focus = report.value(r, SH.focusNode)
        path = report.value(r, SH.resultPath)
        msg = report.value(r, SH.resultMessage)
        out.append(f"{focus}  {path or ''}  {msg or ''}".strip())
    return sorted(out)[:limit] if limit else sorted(out)
