"""The store module: Turtle written through Oxigraph reads back as the same graph, grouped by subject."""

from __future__ import annotations

from rdflib import Graph, Literal, URIRef
from rdflib.compare import isomorphic

from kg.store import load_rdflib, save_turtle
from tests.synthetic import synthetic_graph


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


def test_graph_literals_survive_n_triples_escaping():
    """The graph writer's own literal quoting: quotes, backslashes, line ends and tabs read back as written."""
    import pyoxigraph as ox

    from kg.graph import _quote, _zh

    for v in ['他说"好"', "C:\\路径\\文件", "第一行\n第二行\r\n", "制表\t符", "《关于…的通知》"]:
        for term in (_quote(v), _zh(v)):
            (t,) = ox.parse(f"<http://x/s> <http://x/p> {term} .".encode(), format=ox.RdfFormat.N_TRIPLES)
            assert t.object.value == v


def test_n_triples_graph_is_sorted_unique_and_grouped(tmp_path):
    from kg.store import from_ntriples

    lines = [
        '<http://x/b> <http://x/p> "2" .',
        '<http://x/a> <http://x/p> "1" .',
        '<http://x/b> <http://x/p> "2" .',
        "<http://x/a> <http://x/q> <http://x/b> .",
    ]
    g = from_ntriples(lines)
    got = [(t.subject.value, t.predicate.value) for t in g]
    assert got == [("http://x/a", "http://x/p"), ("http://x/a", "http://x/q"), ("http://x/b", "http://x/p")]
    assert len(list(g)) == 3  # a graph can be walked more than once
    save_turtle(g, tmp_path / "g.ttl", {"x": "http://x/"})
    assert isomorphic(Graph().parse(tmp_path / "g.ttl"), Graph().parse(data="\n".join(lines), format="nt"))


def test_plain_values_read_from_lines_equal_oxigraph_terms(tmp_path):
    """NTriples.values() (the explorer's fast reader) gives what Oxigraph's parser gives, hostile
    literals included, for a graph built by hand and for one read back from Turtle."""
    from kg.store import read_triples, triples

    g = synthetic_graph(300, evil=True)
    g.add((URIRef("http://x/s"), URIRef("http://x/p"), Literal('引号"反斜杠\\换行\n回车\r制表\t\u2028终')))
    save_turtle(g, tmp_path / "g.ttl")
    for nt in (triples(g), read_triples(tmp_path / "g.ttl")):
        want = {(t.subject.value, t.predicate.value, t.object.value) for t in nt}
        got = list(nt.values())
        assert len(got) == len(want) and set(got) == want
