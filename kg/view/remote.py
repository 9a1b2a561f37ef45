"""The explorer's data on demand from ``kg serve``: a search's hits and one node's neighbourhood,
each a small model in the page's own format (:func:`kg.view.model.model_of` of the triples a
``.rq`` query of ``kg/view/queries`` returns), which the page merges into what it already shows.

A value from the page (the search text, a node's IRI) is bound in the query text as a checked
constant (:func:`kg.endpoint.bind`), never pasted; an IRI outside the graph's own namespace is refused.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

from kg.vocab import ID

HERE = Path(__file__).parent / "queries"
MAX_SEARCH = 200  # characters of search text
_IRI_OK = re.compile(r"[A-Za-z0-9._~:/?#@!$&'()*+,;=%-]+")


EMPTY = {"nodes": [], "edges": [], "folded": [], "evidence": [], "start": []}


class BadRequest(ValueError):
    """A value from the page that no query is made of."""


@cache
def _text(name: str) -> str:
    return (HERE / f"{name}.rq").read_text(encoding="utf-8")


def search_query(q: str) -> str | None:
    """The search query for ``q`` (as typed, and normalised as the page's search box does: the page
    ranks the hits by the normalised names), or None when empty."""
    import pyoxigraph as ox

    from kg.endpoint import bind
    from kg.view.focus import norm

    if len(q) > MAX_SEARCH:
        raise BadRequest(f"search text longer than {MAX_SEARCH} characters")
    key = norm(q)
    if not key:
        return None
    return bind(_text("search"), {"q": ox.Literal(key), "raw": ox.Literal(q.strip().lower())})


def node_query(iri: str) -> str:
    """The neighbourhood query of the node ``iri`` (an IRI of the graph's own namespace)."""
    import pyoxigraph as ox

    from kg.endpoint import bind

    if not iri.startswith(ID) or not _IRI_OK.fullmatch(iri):
        raise BadRequest("not a node of this graph")
    return bind(_text("neighbourhood"), {"node": ox.NamedNode(iri)})


def fragment(ntriples: bytes) -> dict:
    """The explorer's model of the triples ``ntriples`` (a CONSTRUCT's N-Triples)."""
    from kg.store import NTriples
    from kg.view.model import Index, model_of

    return model_of(Index.of_triples(NTriples([ntriples.rstrip(b"\n")])))
