"""The RDF graph as a typed ``networkx.MultiDiGraph``: the one view that stats, exports and overviews share.

Nodes are the graph's IRIs with ``kind`` (document / organisation / task / entry), ``label``, ``level``,
``number``, ``aliases`` (``|``-joined) … (every attribute a ``str``, ``""`` when unknown, so GraphML / GEXF writers take them);
edges carry ``relation`` (cites, based_on, implements, part_of, issued_by, lead, responsible,
supporting, mentions, references, sub_organization_of) and use it as their key.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import networkx as nx
import pyoxigraph as ox
from rdflib import Graph

from kg import store
from kg.query import lookup

KINDS = ("document", "organisation", "task", "entry")
RELATIONS = (
    "cites",
    "based_on",
    "implements",
    "part_of",
    "issued_by",
    "lead",
    "responsible",
    "supporting",
    "mentions",
    "references",
    "sub_organization_of",
)
NODE_ATTRS = (
    "kind",
    "label",
    "level",
    "number",
    "doc_type",
    "org_kind",
    "date",
    "in_force_from",
    "in_force_until",
    "number_issuer",
    "source",
    "aliases",
)


def as_store(graph: ox.Store | Graph | Path | str) -> ox.Store:
    """An Oxigraph store for a store, an rdflib Graph or a Turtle path."""
    if isinstance(graph, ox.Store):
        return graph
    if isinstance(graph, Graph):
        s = ox.Store()
        s.bulk_load(graph.serialize(format="nt", encoding="utf-8"), format=ox.RdfFormat.N_TRIPLES)
        return s
    return store.load(Path(graph))


def to_networkx(
    graph: ox.Store | Graph | Path | str,
    kinds: Iterable[str] | None = None,
    relations: Iterable[str] | None = None,
) -> nx.MultiDiGraph:
    """The typed graph; ``kinds`` / ``relations`` keep a slice (edges only between kept nodes)."""
    s = as_store(graph)
    keep_kinds = set(kinds) if kinds is not None else set(KINDS)
    keep_rels = set(relations) if relations is not None else set(RELATIONS)
    g = nx.MultiDiGraph()
    for row in lookup.run(s, "export_nodes"):
        if row["kind"] not in keep_kinds:
            continue
        attrs = {k: str(row.get(k) or "") for k in NODE_ATTRS}
        attrs["aliases"] = "|".join(
            sorted(filter(None, attrs["aliases"].split("|")))
        )  # GROUP_CONCAT has no order
        attrs["label"] = attrs["label"] or attrs["number"] or row["node"].rsplit("/", 1)[-1]
        attrs["printed"] = int(attrs["kind"] == "document" and bool(attrs["source"]))
        g.add_node(row["node"], **attrs)
    for row in lookup.run(s, "export_edges"):
        a, b, rel = row["s"], row["o"], row["relation"]
        if rel in keep_rels and a in g and b in g:
            g.add_edge(a, b, key=rel, relation=rel)
    return g


def of_kind(g: nx.MultiDiGraph, kind: str) -> list[str]:
    """The nodes of one kind."""
    return [n for n, k in g.nodes(data="kind") if k == kind]


def relation_graph(g: nx.MultiDiGraph, relation: str) -> nx.DiGraph:
    """A simple DiGraph of the edges of one relation (all nodes kept)."""
    d = nx.DiGraph()
    d.add_nodes_from(g.nodes)
    d.add_edges_from((a, b) for a, b, r in g.edges(data="relation") if r == relation)
    return d
