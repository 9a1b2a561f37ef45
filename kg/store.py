"""Where graphs are written and read: Turtle files, written atomically, and SPARQL over them.

rdflib is the API for building graphs. Reading a built graph for lookups and SPARQL goes through
Oxigraph (pyoxigraph): it parses and queries many times faster than rdflib's memory store and
evaluates property paths (``eli:cites+``) without recursion limits. This module is the one place
that knows; a SPARQL server could take over behind the same functions.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pyoxigraph as ox
from rdflib import Graph


def write_atomic(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` via a temporary file in the same folder and a rename."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)  # mkstemp makes 0600 files; outputs are ordinary files
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def save_turtle(g: Graph, path: Path) -> None:
    """Serialise an rdflib graph to Turtle (through Oxigraph: much faster than rdflib's writer)."""
    lines = g.serialize(format="nt", encoding="utf-8").splitlines()
    lines.sort()  # N-Triples lines sorted: one subject's triples together, grouped by the writer
    nt = b"\n".join(dict.fromkeys(lines))
    del lines
    prefixes = {p: str(ns) for p, ns in g.namespaces() if p}
    triples = ox.parse(nt, format=ox.RdfFormat.N_TRIPLES)
    write_atomic(path, ox.serialize(triples, format=ox.RdfFormat.TURTLE, prefixes=prefixes))


def load(path: Path) -> ox.Store:
    """An in-memory Oxigraph store holding the Turtle file at ``path``."""
    if not Path(path).is_file():
        raise FileNotFoundError(2, "no such graph (build one with `kg build PATH -o OUTDIR`)", str(path))
    store = ox.Store()
    store.bulk_load(path=str(path), format=ox.RdfFormat.TURTLE)
    return store


def load_rdflib(path: Path) -> Graph:
    """The graph at ``path`` as an rdflib Graph (for code that walks triples)."""
    store = load(path)
    g = Graph()
    g.parse(data=store.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=ox.DefaultGraph()), format="nt")
    return g
