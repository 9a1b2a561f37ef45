"""kg export: every format reads back with what was written."""

from __future__ import annotations

import csv
from pathlib import Path

import networkx as nx
import pytest
from rdflib import Graph
from rdflib.compare import isomorphic

from kg import store
from kg.cli import main
from kg.query import export, netx

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def sample_ttl(sample_build) -> Path:
    out = sample_build
    return out / "graph.ttl"


@pytest.fixture(scope="module")
def overview(sample_ttl) -> nx.MultiDiGraph:
    return netx.to_networkx(sample_ttl)


@pytest.fixture(scope="module")
def original(sample_ttl) -> Graph:
    return store.load_rdflib(sample_ttl)


def test_overview_attributes_are_plain_values(overview):
    assert {k for _, k in overview.nodes(data="kind")} == set(netx.KINDS)
    for _, d in overview.nodes(data=True):
        assert all(isinstance(v, str | int | float) for v in d.values())
    assert {r for *_, r in overview.edges(data="relation")} <= set(netx.RELATIONS)
    assert any(r == "cites" for *_, r in overview.edges(data="relation"))


@pytest.mark.parametrize("fmt, read", [("graphml", nx.read_graphml), ("gexf", nx.read_gexf)])
def test_graphml_and_gexf_round_trip(sample_ttl, overview, tmp_path, fmt, read):
    out = tmp_path / f"g.{fmt}"
    assert main(["export", str(sample_ttl), "--to", fmt, "-o", str(out)]) == 0
    back = read(out)
    assert (back.number_of_nodes(), back.number_of_edges()) == (
        overview.number_of_nodes(),
        overview.number_of_edges(),
    )
    for n, d in overview.nodes(data=True):
        assert back.nodes[n] == d
    relations = sorted((a, b, r) for a, b, r in overview.edges(data="relation"))
    assert sorted((a, b, r) for a, b, r in back.edges(data="relation")) == relations


@pytest.mark.parametrize("fmt, parse", [("jsonld", "json-ld"), ("nt", "nt")])
def test_rdf_formats_are_isomorphic(sample_ttl, original, tmp_path, fmt, parse):
    out = tmp_path / f"g.{fmt}"
    assert main(["export", str(sample_ttl), "--to", fmt, "-o", str(out)]) == 0
    back = Graph().parse(out, format=parse)
    assert len(back) == len(original) and isomorphic(back, original)


def test_jsonld_context_is_compact(sample_ttl, tmp_path):
    text = export.jsonld_bytes(store.load(sample_ttl)).decode("utf-8")
    assert '"@context"' in text and '"eli": "http://data.europa.eu/eli/ontology#"' in text
    assert "eli:cites" in text


def test_csv_for_neo4j(sample_ttl, overview, tmp_path):
    out = tmp_path / "csv"
    assert main(["export", str(sample_ttl), "--to", "csv", "-o", str(out)]) == 0
    with (out / "nodes.csv").open(encoding="utf-8") as f:
        nodes = list(csv.DictReader(f))
    with (out / "edges.csv").open(encoding="utf-8") as f:
        edges = list(csv.reader(f))
    assert list(nodes[0])[:4] == ["id:ID", "label", "kind", "level"]
    assert edges[0] == [":START_ID", ":END_ID", ":TYPE"]
    ids = {r["id:ID"] for r in nodes}
    assert len(ids) == len(nodes) == overview.number_of_nodes()
    assert len(edges) - 1 == overview.number_of_edges()
    assert all(a in ids and b in ids for a, b, _ in edges[1:])
    assert "CITES" in {t for *_, t in edges[1:]}


def test_kinds_slice(sample_ttl, tmp_path):
    out = tmp_path / "docs.graphml"
    assert main(["export", str(sample_ttl), "--to", "graphml", "-o", str(out), "--kinds", "document"]) == 0
    back = nx.read_graphml(out)
    assert {k for _, k in back.nodes(data="kind")} == {"document"}
    assert {r for *_, r in back.edges(data="relation")} <= {"cites", "based_on", "implements", "part_of"}
    with pytest.raises(SystemExit):
        main(["export", str(sample_ttl), "--to", "graphml", "-o", str(out), "--kinds", "people"])
