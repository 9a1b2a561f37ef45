#!/usr/bin/env python3
"""Measure the two RDF stores on the same graph: rdflib's memory store and Oxigraph (pyoxigraph).

    .venv/bin/python scripts/bench_store.py [--nodes 20000]

A synthetic graph in the project's vocabulary (tests/synthetic.py) is written as Turtle, then each
store parses it, serialises it and answers a lookup query and a transitive ``eli:cites+`` query.
The figures decide which store ``kg/store.py`` uses for what.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

import pyoxigraph as ox
from rdflib import Graph

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # tests.synthetic

from kg.store import save_turtle  # noqa: E402
from kg.vocab import PREFIXES  # noqa: E402
from tests.synthetic import synthetic_graph  # noqa: E402

LOOKUP = """SELECT ?task ?label WHERE { ?org skos:altLabel|skos:prefLabel ?name .
  ?task kg:responsibleUnit|kg:leadUnit ?org ; rdfs:label ?label } LIMIT 1000"""
PATH = "SELECT (COUNT(*) AS ?n) WHERE { ?a eli:cites+ ?b }"


def timed(f):
    t = time.perf_counter()
    out = f()
    return time.perf_counter() - t, out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--nodes", type=int, default=20000)
    a = ap.parse_args()
    prefixes = "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in PREFIXES.items())
    with tempfile.TemporaryDirectory() as tmp:
        ttl = Path(tmp) / "g.ttl"
        g0 = synthetic_graph(a.nodes)
        save_turtle(g0, ttl)
        n = len(g0)
        print(f"graph: {n:,} triples, {ttl.stat().st_size / 1e6:.1f} MB Turtle")
        t, g = timed(lambda: Graph().parse(ttl, format="turtle"))
        print(f"rdflib    parse {t:6.2f} s", end="")
        t, _ = timed(lambda: g.serialize(format="turtle"))
        print(f"  serialise {t:6.2f} s", end="")
        t, _ = timed(lambda: list(g.query(prefixes + LOOKUP)))
        print(f"  lookup {t:6.2f} s", end="")
        try:
            t, _ = timed(lambda: list(g.query(prefixes + PATH)))
            print(f"  cites+ {t:6.2f} s")
        except RecursionError:
            print("  cites+ RecursionError")
        store = ox.Store()
        t, _ = timed(lambda: store.bulk_load(path=str(ttl), format=ox.RdfFormat.TURTLE))
        print(f"oxigraph  parse {t:6.2f} s", end="")
        t, _ = timed(lambda: store.dump(format=ox.RdfFormat.TURTLE, from_graph=ox.DefaultGraph()))
        print(f"  serialise {t:6.2f} s", end="")
        t, _ = timed(lambda: list(store.query(prefixes + LOOKUP)))
        print(f"  lookup {t:6.2f} s", end="")
        t, _ = timed(lambda: list(store.query(prefixes + PATH)))
        print(f"  cites+ {t:6.2f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
