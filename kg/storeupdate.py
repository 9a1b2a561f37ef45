"""The on-disk store of a new generation of outputs (``graph.oxigraph``), made from the previous
generation's store when there is one: a checkpoint copy of it (:meth:`pyoxigraph.Store.backup`:
hard links to its immutable files, on the same file system) changed by the difference between the
two generations' sorted N-Triples lines (``.graph.nt``, kept hidden in each generation for the next
build). A rebuild that adds one file to a large corpus so changes a few thousand triples instead of
loading millions; the previous generation is only read, so it survives whole whatever happens to the
new one. Without a usable previous store, or when the difference is large, the lines are handed to
Oxigraph's bulk loader in runs of whole lines (:func:`load`: parsed and indexed in Rust, memory
bounded by the run, not the graph).

Runs in a process of its own (:func:`start`: ``python -m kg.storeupdate``) beside the explorer made
in the build's process; that process writes graph.ttl from the same lines in a second process of
its own, meanwhile, and leaves ``kg-update.json`` in the store saying how it was made and how long
each part took.
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

from kg.diskstore import STAMP, STORE, Pending, _stamp

NT = ".graph.nt"  # in each generation: the graph's N-Triples lines, sorted, one per line
INFO = "kg-update.json"
CHUNK = 200_000  # triples of a difference handed to the store at a time
RUN = 16 * 2**20  # bytes of whole lines handed to the bulk loader at a time (10 MB corpus: 78 MB of lines)
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
        load(new_nt, target)
    (target / INFO).write_text(json.dumps(info), encoding="utf-8")
    return info


def load(nt: Path, folder: Path) -> None:
    """The N-Triples file ``nt`` into a new store in ``folder`` by Oxigraph's bulk loader, :data:`RUN`
    bytes of whole lines at a time (an N-Triples line stands alone, so any run of lines is a valid
    document): on a 10 MB corpus's 78 MB of lines 6.2 CPU s and 161 MB, where Python-made quads in
    chunks took 10.1 s and 266 MB and one bulk load of the whole file 5.8 s and 447 MB."""
    import pyoxigraph as ox

    store = ox.Store(str(folder))
    rest = b""
    with open(nt, "rb") as f:
        while data := f.read(RUN):
            data = rest + data
            cut = data.rfind(b"\n") + 1
            rest = data[cut:]
            if cut:
                store.bulk_load(data[:cut], format=ox.RdfFormat.N_TRIPLES)
            del data
    if rest.strip():
        store.bulk_load(rest, format=ox.RdfFormat.N_TRIPLES)
    store.optimize()  # fewer files for a lookup to open (13 SST files to 5 on a 10 MB corpus)
    store.flush()
    del store  # closes the database


def _batched(lines: list[bytes]) -> Iterator[list[bytes]]:
    for i in range(0, len(lines), CHUNK):
        yield lines[i : i + CHUNK]


def write(gen: Path, previous: Path | None = None) -> Path:
    """From ``gen``'s sorted lines (``.graph.nt``): its ``graph.ttl`` (the bytes :func:`kg.store.save_turtle`
    writes from them, in a process of its own: :func:`turtle`) and meanwhile its store (:func:`update`,
    from the ``previous`` generation's when it has one), stamped with the graph.ttl it holds. Returns
    the store's folder; RuntimeError when graph.ttl could not be written."""
    import signal
    import time

    t0, c0 = time.perf_counter(), time.process_time()
    ttl = subprocess.Popen(
        [sys.executable, "-m", "kg.storeupdate", "--turtle", str(gen)],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )

    def stop(signum, frame):  # stopped by the build: the Turtle writer goes too
        ttl.terminate()
        sys.exit(1)

    signal.signal(signal.SIGTERM, stop)
    try:
        old_store = old_nt = None
        if previous is not None and (previous / STORE).is_dir() and (previous / NT).is_file():
            old_store, old_nt = previous / STORE, previous / NT
        info = update(gen / NT, gen / STORE, old_store, old_nt)
        t1, c1 = time.perf_counter(), time.process_time()
        _, err = ttl.communicate()
    finally:
        if ttl.poll() is None:
            ttl.kill()
            ttl.wait()
    if ttl.returncode != 0:
        last = (err or b"").decode("utf-8", "replace").strip().splitlines()[-1:] or [""]
        raise RuntimeError(f"cannot write graph.ttl: {last[0] or ttl.returncode}")
    stamp(gen / "graph.ttl", gen / STORE)
    info["seconds"] = {  # [wall, CPU] of each part (the Turtle's in its own process, beside the store)
        "store": [round(t1 - t0, 2), round(c1 - c0, 2)],
        "turtle": json.loads((gen / _TIMES).read_text(encoding="utf-8")),
        "both": [round(time.perf_counter() - t0, 2), round(time.process_time() - c0, 2)],
    }
    (gen / _TIMES).unlink()
    (gen / STORE / INFO).write_text(json.dumps(info), encoding="utf-8")
    return gen / STORE


_TIMES = ".turtle-seconds.json"


def turtle(gen: Path) -> None:
    """``gen``'s graph.ttl from its sorted lines (and the [wall, CPU] seconds it took, for :func:`write`)."""
    import time

    import pyoxigraph as ox

    from kg.store import save_turtle

    t0, c0 = time.perf_counter(), time.process_time()
    save_turtle(ox.parse(path=str(gen / NT), format=ox.RdfFormat.N_TRIPLES), gen / "graph.ttl")
    spent = [round(time.perf_counter() - t0, 2), round(time.process_time() - c0, 2)]
    (gen / _TIMES).write_text(json.dumps(spent), encoding="utf-8")


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


if __name__ == "__main__":  # start's worker: python -m kg.storeupdate GEN [PREVIOUS_GEN]; --turtle GEN
    if sys.argv[1] == "--turtle":
        turtle(Path(sys.argv[2]))
    else:
        write(Path(sys.argv[1]), Path(sys.argv[2]) if len(sys.argv) > 2 else None)
