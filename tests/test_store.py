"""The store module: Turtle written through Oxigraph reads back as the same graph, grouped by subject."""

from __future__ import annotations

from rdflib import Graph
from rdflib.compare import isomorphic

from kg.store import load_rdflib, save_turtle
from kg.view.synthetic import synthetic_graph


def test_turtle_round_trip_is_isomorphic_and_grouped(tmp_path):
    g = synthetic_graph(300, evil=True)
    path = tmp_path / "g.ttl"
    save_turtle(g, path)
    back = Graph().parse(path, format="turtle")
    assert isomorphic(g, back)
    assert isomorphic(g, load_rdflib(path))
    text = path.read_text(encoding="utf-8")
    subjects = [
        ln.split(" ", 1)[0]
        for ln in text.splitlines()
        if ln and not ln[0].isspace() and not ln.startswith("@")
    ]
    assert len(subjects) == len(set(subjects))  # each subject written once, its triples grouped under it
    assert oct(path.stat().st_mode & 0o777) != oct(0o600)
