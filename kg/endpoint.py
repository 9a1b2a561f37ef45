"""The lookups against any SPARQL 1.1 endpoint (``kg who --endpoint URL``): an :class:`Endpoint`
answers ``query(text, prefixes=, substitutions=)`` as an Oxigraph store does, so the same ``.rq``
queries and the same code run on a local store or a remote server (``kg serve``, Virtuoso, …).

A remote endpoint cannot take Oxigraph's variable substitutions, so a value from a user is bound
in the query text as a constant (:func:`bind`, as pre-bound variables are in SPARQL clients): the
value is an Oxigraph term, written in its escaped N-Triples form and checked to read back as the
same single term before it is sent, never pasted as text.
"""

from __future__ import annotations

TIMEOUT = 60  # seconds for one request
JSON = "application/sparql-results+json"


class EndpointError(ConnectionError):
    """The endpoint could not be reached or refused the query."""


def term_text(term) -> str:
    """``term`` (an Oxigraph NamedNode or Literal) as SPARQL text, checked to read back as itself."""
    import pyoxigraph as ox

    if not isinstance(term, ox.NamedNode | ox.Literal):
        raise TypeError(f"cannot send {type(term).__name__} to an endpoint")
    text = str(term)
    line = f"<urn:kg:s> <urn:kg:p> {text} .\n"
    back = [t.object for t in ox.parse(line, format=ox.RdfFormat.N_TRIPLES)]
    if back != [term]:
        raise ValueError(f"term does not read back as itself: {text!r}")
    return text


def bind(query: str, bindings: dict) -> str:
    """``query`` with each ``$name`` of ``bindings`` replaced by its term, as a pre-bound variable: a
    constant in the pattern, ``(term AS ?name)`` in the projection, dropped from GROUP BY."""
    if not bindings:
        return query
    query = "".join(ln for ln in query.splitlines(keepends=True) if not ln.lstrip().startswith("#"))
    head, sep, body = query.partition("WHERE")
    if not sep:
        raise ValueError("query has no WHERE clause to bind values in")
    body, by, group = body.partition("GROUP BY")
    for name, t in bindings.items():
        text = term_text(t)
        head = replace_variable(head, name, f"({text} AS ?{name})")
        body = replace_variable(body, name, text)
        group = replace_variable(group, name, "")
    return head + sep + body + by + group


def replace_variable(query: str, name: str, new: str) -> str:
    r"""``query`` with each ``?name`` and ``$name`` (not followed by a word character: ``?org`` but
    not ``?orgs``) replaced by ``new``; what ``re.sub(r"[?$]name(?!\w)", new, query)`` does, without
    importing re (~5 ms of a lookup)."""
    out, i, n = [], 0, len(name) + 1
    while True:
        hits = [j for j in (query.find("?" + name, i), query.find("$" + name, i)) if j >= 0]
        if not hits:
            return "".join(out) + query[i:]
        j = min(hits)
        after = query[j + n : j + n + 1]
        if after and (after.isalnum() or after == "_"):
            out.append(query[i : j + n])
        else:
            out.append(query[i:j] + new)
        i = j + n


class Endpoint:
    """A SPARQL endpoint at ``url``, queried over the SPARQL 1.1 Protocol (HTTP POST, JSON results)."""

    def __init__(self, url: str, timeout: float = TIMEOUT):
        import urllib.parse

        if urllib.parse.urlsplit(url).scheme not in ("http", "https"):
            raise ValueError(f"not an http(s) URL: {url!r}")
        self.url = url
        self.timeout = timeout

    def query(self, query: str, prefixes: dict[str, str] | None = None, substitutions: dict | None = None):
        """The solutions of ``query`` as Oxigraph's ``QuerySolutions`` (or ``QueryBoolean``)."""
        import urllib.error
        import urllib.parse
        import urllib.request

        import pyoxigraph as ox

        head = "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in (prefixes or {}).items())
        text = head + bind(query, {v.value: t for v, t in (substitutions or {}).items()})
        url = urllib.parse.urlsplit(self.url)  # parameters of the URL (default-graph-uri=…) go in the body
        params = urllib.parse.parse_qsl(url.query) + [("query", text)]
        data = urllib.parse.urlencode(params).encode("utf-8")
        req = urllib.request.Request(
            urllib.parse.urlunsplit(url._replace(query="")),
            data=data,
            headers={"Accept": JSON, "Content-Type": "application/x-www-form-urlencoded"},
        )
        try:
            with urllib.request.urlopen(req, timeout=self.timeout) as resp:
                body = resp.read()
        except urllib.error.HTTPError as e:
            why = e.read(500).decode("utf-8", "replace").strip()
            raise EndpointError(f"{self.url}: HTTP {e.code}: {why}") from None
        except (urllib.error.URLError, TimeoutError) as e:
            raise EndpointError(f"{self.url}: {getattr(e, 'reason', e)}") from None
        return ox.parse_query_results(body, format=ox.QueryResultsFormat.JSON)
