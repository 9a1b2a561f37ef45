"""The on-disk store of a new generation of outputs (``graph.oxigraph``), made from the previous
generation's store when there is one: a checkpoint copy of it (:meth:`pyoxigraph.Store.backup`:
hard links to its immutable files, on the same file system) changed by the difference between the
two generations' sorted N-Triples lines (``.graph.nt``, kept hidden in each generation for the next
build). A rebuild that adds one file to a large corpus so changes a few thousand triples instead of
loading millions; the previous generation is only read, so it survives whole whatever happens to the
new one. Without a usable previous store, or when the difference is large, the lines are bulk-loaded
into a new store as :mod:`kg.diskstore` loads Turtle.

Runs in a process of its own (:func:`start`: ``python -m kg.storeupdate``), which first writes
graph.ttl from the same lines, beside the explorer made in the build's process; it leaves
``kg-update.json`` in the store saying how it was made.
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

from kg.diskstore import STAMP, STORE, Pending, _stamp, load_into

NT = ".graph.nt"  # in each generation: the graph's N-Triples lines, sorted, one per line
INFO = "kg-update.json"
CHUNK = 200_000  # triples handed to the store at a time
MOST = 0.3  # a difference over this share of the new lines is loaded afresh instead


def diff(old: Path, new: Path) -> tuple[list[bytes], list[bytes], int]:
    """(lines only in ``old``, lines only in ``new``, lines in ``new``): one merge of two sorted files
    (:class:`Unsorted` when either is not sorted and unique)."""
    gone: list[bytes] = []
    added: list[bytes] = []
    n = 0
    with open(old, "rb") as fo, open(new, "rb") as fn:
        a, b = _lines(fo), _lines(fn)
        x, y = next(a, None), next(b, None)
        while x is not None or y is not None:
            if y is None or (x is not None and x < y):
                gone.append(x)
                x = next(a, None)
            elif x is None or y < x:
                added.append(y)
                n += 1
                y = next(b, None)
            else:
                n += 1
                x, y = next(a, None), next(b, None)
    return gone, added, n


class Unsorted(ValueError):
    """A lines file that is not sorted and unique (the difference would be wrong)."""


def _lines(f) -> Iterator[bytes]:
    last = b""
    for line in f:
        line = line.rstrip(b"\n")
        if line:
            if line <= last:
                raise Unsorted(f"{f.name}: lines not sorted")
            last = line
            yield line


def _quads(lines: list[bytes]):
    import pyoxigraph as ox

    for t in ox.parse(b"\n".join(lines) + b"\n", format=ox.RdfFormat.N_TRIPLES):
        yield ox.Quad(t.subject, t.predicate, t.object, ox.DefaultGraph())


def update(new_nt: Path, target: Path, old_store: Path | None = None, old_nt: Path | None = None) -> dict:
    """Make the store ``target`` (a folder not yet there) hold the lines of ``new_nt``: from
    ``old_store`` and the difference from ``old_nt`` when both are given and the difference is small,
    else loaded afresh. Returns what was done (also written to ``target/kg-update.json``)."""
    import pyoxigraph as ox

    info: dict = {"from": "load"}
    if old_store is not None and old_nt is not None and old_store.is_dir() and old_nt.is_file():
        try:
            gone, added, n = diff(old_nt, new_nt)
        except Unsorted:  # not written by this version: never trusted
            gone, added, n = [], [], -1
        if n >= 0 and len(gone) + len(added) <= MOST * max(n, 1):
            ox.Store.read_only(str(old_store)).backup(str(target))
            store = ox.Store(str(target))
            for chunk in _batched(gone):
                for q in _quads(chunk):
                    store.remove(q)
            for chunk in _batched(added):
                store.extend(_quads(chunk))
            store.flush()
            del store
            info = {"from": "difference", "removed": len(gone), "added": len(added)}
    if info["from"] == "load":
        load_into(new_nt, target, ox.RdfFormat.N_TRIPLES)
    (target / INFO).write_text(json.dumps(info), encoding="utf-8")
    return info


def _batched(lines: list[bytes]) -> Iterator[list[bytes]]:
    for i in range(0, len(lines), CHUNK):
        yield lines[i : i + CHUNK]


def write(gen: Path, previous: Path | None = None) -> Path:
    """From ``gen``'s sorted lines (``.graph.nt``): its ``graph.ttl`` (the bytes :func:`kg.store.save_turtle`
    writes from them), then its store (:func:`update`, from the ``previous`` generation's when it has
    one), stamped with the graph.ttl it holds. Returns the store's folder."""
    import pyoxigraph as ox

    from kg.store import save_turtle

    save_turtle(ox.parse(path=str(gen / NT), format=ox.RdfFormat.N_TRIPLES), gen / "graph.ttl")
    old_store = old_nt = None
    if previous is not None and (previous / STORE).is_dir() and (previous / NT).is_file():
        old_store, old_nt = previous / STORE, previous / NT
    update(gen / NT, gen / STORE, old_store, old_nt)
    stamp(gen / "graph.ttl", gen / STORE)
    return gen / STORE


def start(gen: Path, previous: Path | None):
    """:func:`write` in another process (beside the explorer, on another core); a
    :class:`kg.diskstore.Pending` whose ``wait`` raises RuntimeError when it failed."""
    target = gen / STORE
    cmd = [sys.executable, "-m", "kg.storeupdate", str(gen)]
    if previous is not None:
        cmd.append(str(previous))
    proc = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    return Pending(proc, target)


def stamp(ttl: Path, store: Path) -> None:
    """Record in ``store`` that it holds the graph.ttl ``ttl`` (as :mod:`kg.diskstore` does)."""
    (store / STAMP).write_text(_stamp(ttl), encoding="utf-8")


if __name__ == "__main__":  # start's worker: python -m kg.storeupdate GEN [PREVIOUS_GEN]
    write(Path(sys.argv[1]), Path(sys.argv[2]) if len(sys.argv) > 2 else None)
