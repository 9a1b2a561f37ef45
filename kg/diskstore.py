"""The persistent store: an on-disk Oxigraph database beside graph.ttl (``OUTDIR/graph.oxigraph/``).

``kg build`` writes it from the graph's lines in a process of its own (:mod:`kg.storeupdate`, which
loads them with :func:`load_into` or changes the previous generation's store); :func:`write_store`
loads a graph.ttl into a new database and renames it into place; lookups open it read-only
(:func:`open_graph`): no parsing, so a lookup costs the same on a 70 M-triple graph as on a small
one. A stamp inside the folder records the size and modification time of the graph.ttl it was
loaded from; when graph.ttl is missing its store, or the stamp does not match (graph.ttl written
by something else since), the Turtle is parsed into memory as before. graph.ttl stays the portable
output; the store is a cache of it.

This module imports only pyoxigraph and the standard library (what only writing needs, inside the
functions that write): a lookup must not pay for rdflib or spaCy, and opens its store with
:mod:`os.path` alone (pathlib imports re, urllib.parse and more: ~8 ms of every ``kg who``).
"""

from __future__ import annotations

import os

import pyoxigraph as ox

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing
if TYPE_CHECKING:  # pragma: no cover
    from pathlib import Path

STORE = "graph.oxigraph"  # the folder, beside graph.ttl
STAMP = "kg-source.json"  # inside it: which graph.ttl it holds


def store_path(ttl: Path | str) -> Path:
    """Where the store of the graph ``ttl`` lives."""
    from pathlib import Path

    return Path(store_dir(ttl))


def store_dir(ttl: Path | str) -> str:
    """:func:`store_path` as a string, made without pathlib (the lookups' way)."""
    return os.path.join(os.path.dirname(os.fspath(ttl)), STORE)


def _stamp(ttl: Path | str) -> str:
    """The stamp of ``ttl`` as JSON text, made and compared as text (a lookup does not import json)."""
    st = os.stat(ttl)
    return f'{{"size": {st.st_size}, "mtime_ns": {st.st_mtime_ns}}}'


def write_store(ttl: Path, target: Path | None = None) -> Path:
    """Bulk-load the Turtle file ``ttl`` into a new on-disk store and rename it to ``target``
    (default: ``graph.oxigraph`` beside ``ttl``), replacing any earlier one. Returns ``target``."""
    import shutil
    import tempfile
    from pathlib import Path

    ttl = Path(ttl)
    target = Path(target) if target else store_path(ttl)
    tmp = Path(tempfile.mkdtemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent))
    try:
        load_into(ttl, tmp)
        (tmp / STAMP).write_text(_stamp(ttl), encoding="utf-8")
        os.chmod(tmp, 0o777 & ~_umask())  # mkdtemp makes 0700 folders; outputs are ordinary folders
        replace_dir(tmp, target)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    return target


CHUNK = 200_000  # triples handed to the bulk loader at a time


def load_into(path: Path, folder: Path, fmt: ox.RdfFormat = ox.RdfFormat.TURTLE) -> None:
    """The RDF file ``path`` (Turtle, or ``fmt``) streamed into a new store in ``folder``, ``CHUNK``
    triples at a time: one ``bulk_load`` of the whole file took 1.4 GB on a 50 MB corpus's graph,
    these chunks ~0.7 GB (and ~1.5x the time)."""
    import itertools

    store = ox.Store(str(folder))
    triples = ox.parse(path=str(path), format=fmt)
    while chunk := [ox.Quad(t.subject, t.predicate, t.object) for t in itertools.islice(triples, CHUNK)]:
        store.bulk_extend(chunk)
    store.optimize()
    store.flush()
    del store  # closes the database before it is moved


class Pending:
    """A store being written by another process (:func:`kg.storeupdate.start`); :meth:`wait` for it."""

    def __init__(self, proc, target: Path):
        self.proc, self.target = proc, target

    def wait(self) -> Path:
        _, err = self.proc.communicate()
        if self.proc.returncode != 0:
            last = (err or b"").decode("utf-8", "replace").strip().splitlines()[-1:] or [""]
            raise RuntimeError(f"cannot write {self.target.name}: {last[0] or self.proc.returncode}")
        return self.target

    def stop(self) -> None:
        """End the writer (its temporary folder is left for the caller to remove)."""
        if self.proc.poll() is None:
            self.proc.terminate()
        self.proc.communicate()


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def replace_dir(new: Path, target: Path) -> None:
    """Put the folder ``new`` at ``target``: the old one is renamed aside first, then removed (a
    folder cannot be replaced by one rename)."""
    import shutil
    import tempfile
    from pathlib import Path

    old = None
    if target.exists():
        old = Path(tempfile.mkdtemp(prefix=f".{target.name}.", suffix=".old", dir=target.parent))
        os.replace(target, old / "store")
    os.replace(new, target)
    if old:
        shutil.rmtree(old, ignore_errors=True)


def is_current(ttl: Path | str, store: Path | str | None = None) -> bool:
    """Whether a store of ``ttl`` is there and was loaded from the graph.ttl that is there now."""
    store = os.fspath(store) if store else store_dir(ttl)
    try:
        with open(os.path.join(store, STAMP), encoding="utf-8") as f:
            return f.read() == _stamp(ttl)
    except (OSError, ValueError):
        return False


def is_store(folder: Path | str) -> bool:
    """Whether ``folder`` is a store that ``kg build`` wrote (it holds the stamp)."""
    return os.path.isfile(os.path.join(folder, STAMP))


def open_graph(path: Path | str) -> ox.Store:
    """A store over the built graph at ``path`` (a graph.ttl, its output folder, or a
    graph.oxigraph folder): the on-disk store opened read-only when it is current, else the Turtle
    parsed into memory. FileNotFoundError when there is neither."""
    path = os.fspath(path)
    if os.path.isdir(path):
        if is_store(path):
            return ox.Store.read_only(path)
        path = os.path.join(path, "graph.ttl")
    store = store_dir(path)
    if os.path.isfile(path):
        if is_current(path, store):
            return ox.Store.read_only(store)
        from pathlib import Path

        from kg.store import load  # parse errors as one GraphError line (only when there is no store)

        return load(Path(path))
    if not os.path.exists(path) and is_store(store):  # the store alone (graph.ttl removed)
        return ox.Store.read_only(store)
    raise FileNotFoundError(2, "no such graph (build one with `kg build PATH -o OUTDIR`)", path)
