"""``kg serve``: a read-only SPARQL 1.1 Protocol endpoint over a built graph, and its explorer.

Which server and why: Python's ``http.server`` (threaded) in front of pyoxigraph, which the project
already uses. The ``oxigraph`` server package (on PyPI) would serve the same store, but it is a
second copy of the engine as a binary and has no per-query time limit; here each query runs in one
of a few worker processes holding the store open read-only, and a query that outlives the time
limit has its worker killed and replaced (the answer is HTTP 503), so a runaway query cannot hold a
core. The explorer of a graph too large for one page fetches search hits and neighbourhoods from
``/api/search?q=`` and ``/api/node?iri=`` (:mod:`kg.view.remote`: ``.rq`` queries run by the same
workers, under the same time limit). Only queries are accepted (SELECT / ASK as JSON, CSV, TSV or XML results; CONSTRUCT /
DESCRIBE as N-Triples or Turtle): Oxigraph's query parser rejects updates and the store is opened
read-only. ``/`` serves the explorer (graph.html) of the output folder.
"""

from __future__ import annotations

import json
import multiprocessing as mp
import queue
import sys
import threading
import time
import urllib.parse
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

RESULTS = {  # media type -> pyoxigraph QueryResultsFormat name
    "application/sparql-results+json": "JSON",
    "application/json": "JSON",
    "text/csv": "CSV",
    "text/tab-separated-values": "TSV",
    "application/sparql-results+xml": "XML",
}
GRAPHS = {"application/n-triples": "N_TRIPLES", "text/turtle": "TURTLE"}
SHORT = {"json": "application/sparql-results+json", "csv": "text/csv", "tsv": "text/tab-separated-values"}
MAX_QUERY = 1_000_000  # bytes of query text accepted
API = {"/api/search": "q", "/api/node": "iri"}  # the explorer's JSON endpoints -> their one parameter


def _worker(graph: str, conn) -> None:
    """Answer queries from ``conn`` on the store of ``graph``: (query, accept) -> (status, type, body)."""
    import pyoxigraph as ox

    from kg.diskstore import open_graph
    from kg.vocab import PREFIXES

    store = open_graph(graph)
    conn.send(("ready", "", b""))
    while True:
        try:
            query, accept = conn.recv()
        except EOFError:
            return
        try:
            res = store.query(query, prefixes=PREFIXES)
            if isinstance(res, ox.QueryTriples):
                media = next((m for m in accept if m in GRAPHS), "application/n-triples")
                body = res.serialize(format=getattr(ox.RdfFormat, GRAPHS[media]))
            else:
                media = next((m for m in accept if m in RESULTS), "application/sparql-results+json")
                body = res.serialize(format=getattr(ox.QueryResultsFormat, RESULTS[media]))
            conn.send((200, media, body))
        except SyntaxError as e:
            conn.send((400, "text/plain; charset=utf-8", f"query not accepted: {e}".encode()))
        except Exception as e:  # an evaluation error is the query's, not the server's
            conn.send((400, "text/plain; charset=utf-8", f"query failed: {e}".encode()))


class Workers:
    """``n`` worker processes (spawned, each with the store open); one query at a time each."""

    def __init__(self, graph: Path, n: int = 2, timeout: float = 30.0):
        self.graph, self.timeout = str(graph), timeout
        self.ctx = mp.get_context("spawn")
        self.idle: queue.Queue = queue.Queue()
        self.all: set = set()
        self.lock = threading.Lock()
        for _ in range(n):
            self.idle.put(self._start())

    def _start(self):
        parent, child = self.ctx.Pipe()
        proc = self.ctx.Process(target=_worker, args=(self.graph, child), daemon=True)
        proc.start()
        child.close()
        if not parent.poll(120):
            proc.kill()
            raise RuntimeError("a query worker did not start")
        parent.recv()
        with self.lock:
            self.all.add(proc)
        return proc, parent

    def ask(self, query: str, accept: list[str]) -> tuple[int, str, bytes]:
        proc, conn = self.idle.get()
        try:
            conn.send((query, accept))
            if conn.poll(self.timeout):
                answer = conn.recv()
                self.idle.put((proc, conn))
                return answer
        except (EOFError, OSError):
            pass
        proc.kill()  # over time (or dead): replace it
        proc.join()
        with self.lock:
            self.all.discard(proc)
        self.idle.put(self._start())
        return 503, "text/plain; charset=utf-8", f"query stopped after {self.timeout:g} s".encode()

    def close(self) -> None:
        with self.lock:
            for proc in self.all:
                proc.kill()
                proc.join()


def _accept(header: str | None, fmt: str | None) -> list[str]:
    """Media types the client takes, best first (``format=json|csv|tsv`` overrides the header)."""
    if fmt:
        return [SHORT.get(fmt, fmt)]
    out = []
    for part in (header or "").split(","):
        media, _, params = part.strip().partition(";")
        q = 1.0
        for p in params.split(";"):
            k, _, v = p.strip().partition("=")
            if k == "q":
                try:
                    q = float(v)
                except ValueError:
                    q = 0.0
        out.append((-q, len(out), media.strip().lower()))
    return [m for _, _, m in sorted(out)]


def handler(workers: Workers, explorer: Path | None):
    class Handler(BaseHTTPRequestHandler):
        server_version = "kg-serve"

        def log_message(self, fmt, *args):  # one line per request on stderr, as http.server does
            sys.stderr.write(f"kg serve: {self.address_string()} {fmt % args}\n")

        def _send(self, status: int, media: str, body: bytes) -> None:
            self.send_response(status)
            self.send_header("Content-Type", media)
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Access-Control-Allow-Origin", "*")
            self.send_header("X-Content-Type-Options", "nosniff")
            self.end_headers()
            self.wfile.write(body)

        def _error(self, status: int, why: str) -> None:
            self._send(status, "text/plain; charset=utf-8", why.encode("utf-8"))

        def _query(self, params: dict[str, list[str]], body_query: str | None = None) -> None:
            if "update" in params:
                return self._error(HTTPStatus.FORBIDDEN, "read-only endpoint: updates are not accepted")
            queries = params.get("query", []) + ([body_query] if body_query is not None else [])
            if len(queries) != 1:
                return self._error(HTTPStatus.BAD_REQUEST, "give exactly one query")
            fmt = (params.get("format") or [None])[0]
            self._send(*workers.ask(queries[0], _accept(self.headers.get("Accept"), fmt)))

        def do_GET(self):
            url = urllib.parse.urlsplit(self.path)
            if url.path in ("/", "/graph.html", "/index.html"):
                if explorer and explorer.is_file():
                    return self._send(200, "text/html; charset=utf-8", explorer.read_bytes())
                return self._error(HTTPStatus.NOT_FOUND, "no explorer (graph.html) beside the graph")
            if url.path in API:
                return self._api(url.path, urllib.parse.parse_qs(url.query))
            if url.path != "/sparql":
                return self._error(HTTPStatus.NOT_FOUND, "not found: the endpoint is /sparql")
            self._query(urllib.parse.parse_qs(url.query))

        def _api(self, path: str, params: dict[str, list[str]]) -> None:
            """The explorer's data on demand (:mod:`kg.view.remote`): JSON, one small model."""
            from kg.view import remote

            name = API[path]
            values = params.get(name, [])
            if len(values) != 1:
                return self._error(HTTPStatus.BAD_REQUEST, f"give exactly one {name}")
            try:
                query = remote.search_query(values[0]) if name == "q" else remote.node_query(values[0])
            except remote.BadRequest as e:
                return self._error(HTTPStatus.BAD_REQUEST, str(e))
            if query is None:
                frag = remote.EMPTY
            else:
                status, media, body = workers.ask(query, ["application/n-triples"])
                if status != 200:
                    return self._send(status, media, body)
                frag = remote.fragment(body)
            data = json.dumps(frag, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
            self._send(200, "application/json; charset=utf-8", data)

        def do_POST(self):
            url = urllib.parse.urlsplit(self.path)
            if url.path != "/sparql":
                return self._error(HTTPStatus.NOT_FOUND, "not found: the endpoint is /sparql")
            try:
                size = int(self.headers.get("Content-Length") or 0)
            except ValueError:
                size = -1
            if not 0 <= size <= MAX_QUERY:
                return self._error(HTTPStatus.REQUEST_ENTITY_TOO_LARGE, "query too long")
            data = self.rfile.read(size).decode("utf-8", "replace")
            media = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
            params = urllib.parse.parse_qs(url.query)
            if media == "application/x-www-form-urlencoded":
                self._query({**params, **urllib.parse.parse_qs(data)})
            elif media == "application/sparql-query":
                self._query(params, data)
            elif media == "application/sparql-update":
                self._error(HTTPStatus.FORBIDDEN, "read-only endpoint: updates are not accepted")
            else:
                self._error(HTTPStatus.UNSUPPORTED_MEDIA_TYPE, f"cannot read a {media or 'body'} request")

    return Handler


def serve(
    outdir: Path,
    host: str = "127.0.0.1",
    port: int = 7878,
    timeout: float = 30.0,
    workers: int = 2,
    ready=None,
) -> None:
    """Serve ``outdir``'s graph at ``http://host:port/sparql`` (and its explorer at ``/``) until
    interrupted; ``ready(url)`` is called once it listens."""
    from kg.diskstore import open_graph

    outdir = Path(outdir)
    graph = outdir
    open_graph(graph)  # a missing graph is one line from kg, not a worker's traceback
    pool = Workers(graph, workers, timeout)
    explorer = (outdir if outdir.is_dir() else outdir.parent) / "graph.html"
    httpd = ThreadingHTTPServer((host, port), handler(pool, explorer))
    httpd.daemon_threads = True
    try:
        url = f"http://{host}:{httpd.server_address[1]}/sparql"
        (ready or (lambda u: print(u, flush=True)))(url)
        httpd.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        httpd.server_close()
        pool.close()


def wait_for(url: str, seconds: float = 60.0) -> bool:
    """Whether ``url`` answers an ASK query within ``seconds`` (for tests and scripts)."""
    import urllib.request

    deadline = time.monotonic() + seconds
    q = urllib.parse.urlencode({"query": "ASK {}"})
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"{url}?{q}", timeout=5) as r:
                if r.status == 200:
                    return True
        except OSError:
            time.sleep(0.2)
    return False
