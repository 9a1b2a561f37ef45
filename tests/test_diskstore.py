"""The persistent store (kg.diskstore), the lookups opening it, and pre-bound query values (kg.endpoint.bind)."""

from __future__ import annotations

import os
import shutil

import pyoxigraph as ox
import pytest

from kg.diskstore import STORE, is_current, open_graph, write_store
from kg.endpoint import bind, term_text
from kg.query import lookup, who
from kg.store import load

COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"


def _count(store) -> int:
    return int(next(iter(store.query(COUNT)))["n"].value)


def test_build_writes_a_current_store_beside_graph_ttl(sample_build):
    assert (sample_build / STORE).is_dir()
    assert is_current(sample_build / "graph.ttl")


def test_the_store_holds_what_graph_ttl_holds(sample_build):
    on_disk = open_graph(sample_build / "graph.ttl")
    assert _count(on_disk) == _count(load(sample_build / "graph.ttl")) > 1000


def test_the_store_is_opened_read_only(sample_build):
    s = open_graph(sample_build / "graph.ttl")
    with pytest.raises(RuntimeError, match="read-write"):
        s.add(ox.Quad(ox.NamedNode("urn:x:a"), ox.NamedNode("urn:x:b"), ox.Literal("c")))


def test_folder_or_store_path_open_the_same_graph(sample_build):
    n = _count(open_graph(sample_build / "graph.ttl"))
    assert _count(open_graph(sample_build)) == _count(open_graph(sample_build / STORE)) == n


def test_who_answers_the_same_from_the_store_and_from_turtle(sample_build):
    on_disk = who.to_json(who.who(lookup.open_store(sample_build / "graph.ttl"), "区建设局"))
    parsed = who.to_json(who.who(load(sample_build / "graph.ttl"), "区建设局"))
    assert on_disk == parsed and on_disk["documents"]


def test_a_graph_ttl_changed_since_is_parsed_not_served_stale(sample_build, tmp_path):
    out = tmp_path / "out"
    shutil.copytree(sample_build, out)
    ttl = out / "graph.ttl"
    assert is_current(ttl)  # copytree keeps the modification time
    ttl.write_text("<urn:x:a> <urn:x:b> <urn:x:c> .\n", encoding="utf-8")
    assert not is_current(ttl)
    assert _count(open_graph(ttl)) == 1


def test_only_graph_ttl_falls_back_to_parsing(sample_build, tmp_path):
    ttl = tmp_path / "graph.ttl"
    shutil.copy(sample_build / "graph.ttl", ttl)
    assert not (tmp_path / STORE).exists()
    assert _count(open_graph(ttl)) == _count(open_graph(sample_build))


def test_kg_opens_a_store_without_its_graph_ttl(sample_build, tmp_path):
    """``kg who -g out/graph.oxigraph`` (the store folder) and ``-g out`` when graph.ttl is gone both
    answer from the store, as with graph.ttl there."""
    import kg

    out = tmp_path / "out"
    shutil.copytree(sample_build / STORE, out / STORE)
    expected = kg.open(sample_build).who("区建设局").to_json()
    assert kg.open(out / STORE).who("区建设局").to_json() == expected
    assert kg.open(out).who("区建设局").to_json() == expected
    with pytest.raises(FileNotFoundError):
        kg.open(tmp_path / "elsewhere")


def test_no_graph_is_a_missing_file(tmp_path):
    with pytest.raises(FileNotFoundError):
        open_graph(tmp_path / "graph.ttl")


def test_rewriting_the_store_replaces_the_old_one(tmp_path):
    ttl = tmp_path / "graph.ttl"
    ttl.write_text("<urn:x:a> <urn:x:b> <urn:x:c> .\n", encoding="utf-8")
    write_store(ttl)
    ttl.write_text("<urn:x:a> <urn:x:b> <urn:x:c> .\n<urn:x:a> <urn:x:b> <urn:x:d> .\n", encoding="utf-8")
    write_store(ttl)
    assert _count(open_graph(ttl)) == 2
    assert sorted(os.listdir(tmp_path)) == ["graph.oxigraph", "graph.ttl"]  # no temporaries left


def test_prefixes_without_rdflib_match_the_graphs():
    """The plain prefixes and the rdflib namespaces made from them (rdflib's own for SKOS, PROV …) agree."""
    from kg import vocab

    assert list(vocab.NAMESPACES) == list(vocab.PREFIXES)
    assert vocab.PREFIXES == {p: str(ns) for p, ns in vocab.NAMESPACES.items()}
    assert str(vocab.KG.leadUnit) == vocab.PREFIXES["kg"] + "leadUnit" and str(vocab.doc_iri("x")).endswith(
        "/doc/x"
    )


# ---------------------------------------------------------------- pre-bound values


QUERY = """# a comment with a { brace and WHERE
SELECT ?org $label WHERE {
  ?org <urn:x:label> $label .
}
GROUP BY ?org $label"""


def test_bind_makes_the_value_a_constant_and_projects_it():
    text = bind(QUERY, {"label": ox.Literal("广西壮族自治区财政厅")})
    assert '("广西壮族自治区财政厅" AS ?label)' in text
    assert '?org <urn:x:label> "广西壮族自治区财政厅" .' in text
    assert text.rstrip().endswith("GROUP BY ?org")


def test_a_hostile_value_stays_one_literal():
    evil = '"} ; DROP ALL ; SELECT * WHERE { ?s ?p ?o } #\n\\'
    store = ox.Store()
    store.add(ox.Quad(ox.NamedNode("urn:x:o"), ox.NamedNode("urn:x:label"), ox.Literal(evil)))
    store.add(ox.Quad(ox.NamedNode("urn:x:p"), ox.NamedNode("urn:x:label"), ox.Literal("other")))
    rows = list(store.query(bind(QUERY, {"label": ox.Literal(evil)})))
    assert [r["org"].value for r in rows] == ["urn:x:o"]
    assert rows[0]["label"].value == evil


def test_only_iris_and_literals_are_sent():
    assert term_text(ox.NamedNode("http://example.org/a")) == "<http://example.org/a>"
    with pytest.raises(TypeError):
        term_text(ox.BlankNode("b0"))
