"""``kg push --virtuoso``: bulk-load a built graph into a Virtuoso server as one named graph.

Virtuoso's own bulk loader does the work (``ld_dir`` registers the file, ``rdf_loader_run`` loads
it, ``checkpoint`` makes it durable), driven through its ``isql`` client (Debian: ``isql-vt``). The
server reads the file itself, so graph.ttl is copied into a folder the server may read (one of
its ``DirsAllowed``; ``--load-dir``). The named graph is cleared first: a push replaces it. The
values put into the SQL (folder, file, graph IRI) are checked and quoted, never taken as code.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import tempfile
from pathlib import Path

DEFAULT_GRAPH = "https://w3id.org/govdoc-kg/graph"
_SAFE_PATH = re.compile(r"[^\x00-\x1f'\\;]+")


class PushError(RuntimeError):
    """Virtuoso refused the load, or could not be reached."""


def _sql_string(value: str, what: str) -> str:
    if not _SAFE_PATH.fullmatch(value):
        raise ValueError(f"{what} has characters that cannot go to isql: {value!r}")
    return f"'{value}'"


def _iri(value: str) -> str:
    import pyoxigraph as ox

    ox.NamedNode(value)  # raises on anything that is not an IRI
    if not _SAFE_PATH.fullmatch(value) or any(c in value for c in '<>"{}|^`'):
        raise ValueError(f"not a plain IRI: {value!r}")
    return value


def script(load_dir: str, name: str, graph: str) -> str:
    """The isql commands that replace ``graph`` by the file ``load_dir/name``."""
    g = _iri(graph)
    d, f, gs = _sql_string(load_dir, "load folder"), _sql_string(name, "file name"), _sql_string(g, "graph")
    return "\n".join(
        [
            f"SPARQL CLEAR GRAPH <{g}>;",
            f"DELETE FROM DB.DBA.load_list WHERE ll_graph = {gs};",
            f"ld_dir({d}, {f}, {gs});",
            "rdf_loader_run();",
            "checkpoint;",
            f"SELECT 'KG-LOAD', ll_state, ll_error FROM DB.DBA.load_list WHERE ll_graph = {gs};",
            "",
        ]
    )


def push_virtuoso(
    ttl: Path,
    load_dir: Path,
    graph: str = DEFAULT_GRAPH,
    port: int = 1111,
    host: str = "localhost",
    user: str = "dba",
    password: str = "dba",
    isql: str = "isql-vt",
    timeout: float = 3600,
) -> None:
    """Load the Turtle file ``ttl`` into Virtuoso at ``host:port`` as the named graph ``graph``."""
    ttl = Path(ttl)
    if not ttl.is_file():
        raise FileNotFoundError(2, "no such graph (build one with `kg build PATH -o OUTDIR`)", str(ttl))
    exe = shutil.which(isql)
    if not exe:
        raise PushError(f"{isql} not found (Debian: apt-get install virtuoso-opensource)")
    load_dir = Path(load_dir).resolve()
    load_dir.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix="kg-push-", suffix=".ttl", dir=load_dir)
    try:
        with open(fd, "wb") as out, ttl.open("rb") as src:
            shutil.copyfileobj(src, out, 2**20)
        Path(tmp).chmod(0o644)
        cmds = script(str(load_dir), Path(tmp).name, graph)
        proc = subprocess.run(
            [exe, f"{host}:{port}", user, password, "VERBOSE=OFF", "BANNER=OFF", "PROMPT=OFF", "ECHO=OFF"],
            input=cmds,
            capture_output=True,
            text=True,
            timeout=timeout,
        )
    finally:
        Path(tmp).unlink(missing_ok=True)
    out = proc.stdout + proc.stderr
    if proc.returncode != 0 or "*** Error" in out:
        raise PushError(f"isql: {out.strip()[-800:]}")
    states = [ln.split() for ln in out.splitlines() if ln.startswith("KG-LOAD")]
    if not states or any(s[1:2] != ["2"] or len(s) > 3 and s[3:] != ["NULL"] for s in states):
        raise PushError(f"Virtuoso did not load the file: {out.strip()[-800:]}")
