"""Lookups over a built graph: SPARQL queries kept as ``kg/queries/*.rq``, run on an Oxigraph store.

Values from users (a name, a 文号) are pre-bound as checked constants (:func:`run`), never pasted
into the query text as strings.
"""

from __future__ import annotations

import os

import pyoxigraph as ox

from kg.vocab import PREFIXES

QUERIES = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "queries")
_TEXTS: dict[str, str] = {}


class NotFound(LookupError):
    """Nothing matches a user's name for a document or an organisation; ``candidates`` holds the
    near matches when the name was ambiguous."""

    def __init__(self, message: str, candidates: list | None = None):
        super().__init__(message)
        self.candidates = candidates or []


def open_store(graph, endpoint: str | None = None):
    """What the lookups query: the SPARQL endpoint at ``endpoint`` (a URL) when one is given, else
    the built graph at ``graph`` (its on-disk store opened read-only, or graph.ttl parsed)."""
    if endpoint:
        from kg.endpoint import Endpoint

        return Endpoint(endpoint)
    from kg.diskstore import open_graph

    return open_graph(graph)


def query_text(name: str) -> str:
    """The text of ``kg/queries/<name>.rq`` (read once)."""
    if name not in _TEXTS:
        with open(os.path.join(QUERIES, f"{name}.rq"), encoding="utf-8") as f:
            _TEXTS[name] = f.read()
    return _TEXTS[name]


def _py(term) -> object:
    if term is None:
        return None
    if isinstance(term, ox.Literal):
        dt = term.datatype.value if term.datatype else ""
        if dt.endswith("#integer"):
            return int(term.value)
        if dt.endswith("#boolean"):
            return term.value == "true"
        return term.value
    return term.value


def literal(value: str, lang: str | None = None) -> ox.Literal:
    return ox.Literal(value, language=lang) if lang else ox.Literal(value)


def iri(value: str) -> ox.NamedNode:
    return ox.NamedNode(value)


def run(store: ox.Store, name: str, /, **bindings) -> list[dict[str, object]]:
    """Rows of query ``name`` as dicts of plain Python values; ``bindings`` pre-bind variables
    (values must be pyoxigraph terms: use :func:`literal` / :func:`iri`). They are bound in the
    query text as checked constants (:func:`kg.endpoint.bind`), not by Oxigraph's substitutions:
    its planner does not see substituted values and scanned whole graphs for queries that start
    from one bound node; the same text runs on a remote endpoint."""
    from kg.endpoint import bind

    return _rows(store.query(bind(query_text(name), bindings), prefixes=PREFIXES))


def select(store: ox.Store, sparql: str, /, **bindings) -> list[dict[str, object]] | bool:
    """Rows of a user's SELECT query as dicts of plain Python values (an ASK query: a bool), the
    graph's prefixes declared; ``bindings`` substitute variables (pyoxigraph terms)."""
    subs = {ox.Variable(k): v for k, v in bindings.items()}
    res = store.query(sparql, prefixes=PREFIXES, substitutions=subs or None)
    if isinstance(res, ox.QueryBoolean):
        return bool(res)
    if not isinstance(res, ox.QuerySolutions):
        raise ValueError("only SELECT and ASK queries are answered here")
    return _rows(res)


def _rows(res) -> list[dict[str, object]]:
    names = [v.value for v in res.variables]
    return [{n: _py(sol[n]) for n in names} for sol in res]
