"""The graph in other tools' formats: GraphML and GEXF (Gephi, Cytoscape), JSON-LD, N-Triples, and
CSV node / edge lists that Neo4j's ``neo4j-admin database import`` takes. Every file is written atomically.

GraphML, GEXF and CSV carry the typed overview of :mod:`kg.query.netx` (documents, organisations, tasks,
entries and the relations between them); JSON-LD and N-Triples carry every triple.
"""

from __future__ import annotations

import io
from collections.abc import Iterable
from pathlib import Path

import networkx as nx
import pyoxigraph as ox
from rdflib import Graph

from kg.query import netx
from kg.query.cells import csv_text
from kg.store import write_atomic
from kg.vocab import PREFIXES

FORMATS = ("graphml", "gexf", "jsonld", "nt", "csv")


def _rdflib(store: ox.Store) -> Graph:
    g = Graph(bind_namespaces="none")
    for p, ns in PREFIXES.items():
        g.bind(p, ns)
    g.parse(data=store.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=ox.DefaultGraph()), format="nt")
    return g


def nt_bytes(store: ox.Store) -> bytes:
    """Every triple as N-Triples (UTF-8)."""
    return store.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=ox.DefaultGraph())


def jsonld_bytes(store: ox.Store) -> bytes:
    """Every triple as JSON-LD, compacted with a ``@context`` of the graph's prefixes."""
    context = {p: str(ns) for p, ns in PREFIXES.items()}
    return _rdflib(store).serialize(format="json-ld", context=context, encoding="utf-8")


def graphml_bytes(g: nx.MultiDiGraph) -> bytes:
    buf = io.BytesIO()
    nx.write_graphml(g, buf, encoding="utf-8")
    return buf.getvalue()


def gexf_bytes(g: nx.MultiDiGraph) -> bytes:
    buf = io.BytesIO()
    nx.write_gexf(g, buf, encoding="utf-8")
    return buf.getvalue()


def _csv(rows: Iterable[list[object]]) -> bytes:
    """CSV lines; a cell that would start a spreadsheet formula is neutralised (:mod:`kg.query.cells`)."""
    return csv_text(rows, lineterminator="\n").encode("utf-8")


def node_csv(g: nx.MultiDiGraph) -> bytes:
    """``id:ID,label,kind,level,…,printed:int,:LABEL`` — one row per node."""
    cols = [c for c in netx.NODE_ATTRS if c not in ("label", "kind", "level")]
    header = ["id:ID", "label", "kind", "level", *cols, "printed:int", ":LABEL"]
    rows = (
        [n, d["label"], d["kind"], d["level"], *(d[c] for c in cols), d["printed"], d["kind"].capitalize()]
        for n, d in g.nodes(data=True)
    )
    return _csv([header, *rows])


def edge_csv(g: nx.MultiDiGraph) -> bytes:
    """``:START_ID,:END_ID,:TYPE`` — one row per edge, the type in upper case (CITES, ISSUED_BY …)."""
    rows = ([a, b, r.upper()] for a, b, r in g.edges(data="relation"))
    return _csv([[":START_ID", ":END_ID", ":TYPE"], *rows])


def export(store: ox.Store, to: str, out: Path, kinds: Iterable[str] | None = None) -> list[Path]:
    """Write the graph in format ``to`` to ``out`` (a folder for ``csv``); the paths written.

    ``kinds`` keeps a slice of the overview (graphml, gexf, csv only).
    """
    out = Path(out)
    if to == "nt":
        write_atomic(out, nt_bytes(store))
        return [out]
    if to == "jsonld":
        write_atomic(out, jsonld_bytes(store))
        return [out]
    g = netx.to_networkx(store, kinds=kinds)
    if to == "graphml":
        write_atomic(out, graphml_bytes(g))
        return [out]
    if to == "gexf":
        write_atomic(out, gexf_bytes(g))
        return [out]
    if to == "csv":
        paths = [out / "nodes.csv", out / "edges.csv"]
        write_atomic(paths[0], node_csv(g))
        write_atomic(paths[1], edge_csv(g))
        return paths
    raise ValueError(f"unknown format {to!r}; one of {', '.join(FORMATS)}")
