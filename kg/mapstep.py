"""The map step of a build on every core, with a per-file fact cache.

Reading and extraction (read -> clean -> segment -> extract) are independent per input file, so
they run in worker processes (``kg build -j N``; spawn-safe: workers import the package afresh);
the parent feeds the facts to the resolver in input order, so the graph is byte-identical to a
build on one core. Facts travel (and are cached) without the publication's texts: the resolver
reads only the segments' metadata, and every fact carries its evidence (file, offsets, quote).

With a cache folder (``OUTDIR/.kg-cache/``) the facts of each input are kept as a pickle named by
the hash of its name and bytes, in a folder named by the extractor version (a hash of the package's code
and tables): a rebuild extracts only new or changed inputs; entries of inputs no longer given, and
of other versions, are removed after the build.
"""

from __future__ import annotations

import gc
import hashlib
import os
import pickle
import shutil
import tempfile
from array import array
from collections import deque
from collections.abc import Callable, Iterator
from concurrent.futures import Executor, ProcessPoolExecutor
from functools import cache
from multiprocessing import get_context
from pathlib import Path

from kg.models import Facts, Text

CACHE = ".kg-cache"
Outcome = tuple[str, object, int]  # ("ok", Facts, chars) or ("error", why, 0)


@cache
def extractor_version() -> str:
    """A hash of every source file and table of the ``kg`` package: any change to the code that
    makes facts makes a new version (and so a cold cache)."""
    root = Path(__file__).resolve().parent
    h = hashlib.sha256()
    for p in sorted(root.rglob("*")):
        if p.is_file() and p.suffix in (".py", ".tsv", ".txt", ".json") and "__pycache__" not in p.parts:
            h.update(p.relative_to(root).as_posix().encode("utf-8") + b"\0")
            h.update(p.read_bytes())
    return h.hexdigest()[:16]


def _slim(text: Text) -> Text:
    return Text(text.source, "", "", array("l"))


def slim(facts: Facts) -> Facts:
    """``facts`` without the publication's texts (what the resolver does not read)."""
    pub = facts.publication
    pub.text = _slim(pub.text)
    for s in pub.segments:
        s.text = _slim(s.text)
    return facts


def extract_file(path: Path) -> Outcome:
    """The facts of one input file, or why it could not be read (as kg.build reports it)."""
    from kg.pipeline import extract
    from kg.publication import publication
    from kg.read import ReadError

    try:
        pub = publication(path)
    except ReadError as e:
        return ("error", str(e), 0)
    except OSError as e:
        return ("error", e.strerror or str(e), 0)
    except RecursionError:
        return ("error", "too deeply nested to read", 0)
    chars = len(pub.text.raw)
    facts = slim(extract(pub))
    del pub
    gc.collect(0)
    return ("ok", facts, chars)


def _worker_init() -> None:
    import signal

    gc.disable()  # as kg.build.fewer_collections: a file's records are long-lived, cycles are rare
    # Ctrl-C in a terminal reaches the whole process group: the parent stops the build (one line) and
    # the pool; a worker must not print a KeyboardInterrupt traceback of its own
    signal.signal(signal.SIGINT, signal.SIG_IGN)


class FactCache:
    """Pickled facts under ``folder/<extractor version>/<content hash>.pickle``."""

    def __init__(self, folder: Path):
        self.root = Path(folder)
        self.dir = self.root / extractor_version()
        self.used: set[str] = set()

    @staticmethod
    def key(path: Path) -> str | None:
        """The hash of the file's name as given (the facts' evidence names it) and its bytes."""
        from kg.read import ReadError
        from kg.read.files import load

        try:
            data = load(Path(path))  # a regular file, within the read limits (a FIFO is never opened)
        except (ReadError, OSError):
            return None  # unreadable: extract_file reports why
        return hashlib.sha256(str(path).encode("utf-8", "surrogateescape") + b"\0" + data).hexdigest()

    def get(self, key: str) -> Outcome | None:
        try:
            with (self.dir / f"{key}.pickle").open("rb") as f:
                out = pickle.load(f)
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError):
            return None
        self.used.add(key)
        return out

    def put(self, key: str, outcome: Outcome) -> None:
        """Keep an outcome (errors too: the same bytes fail the same way), written atomically."""
        self.dir.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".", suffix=".tmp", dir=self.dir)
        try:
            with os.fdopen(fd, "wb") as f:
                pickle.dump(outcome, f, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, self.dir / f"{key}.pickle")
        except OSError as e:  # disk full: no outputs are written either
            from kg.outputs import OutputError

            Path(tmp).unlink(missing_ok=True)
            reason = f"cannot write: {e.strerror or e}; the previous outputs are kept"
            raise OutputError(self.root.parent, reason) from None
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        self.used.add(key)

    def prune(self) -> None:
        """Remove the entries this build did not use, and other versions' folders."""
        if not self.root.is_dir():
            return
        for d in self.root.iterdir():
            if d != self.dir:
                shutil.rmtree(d, ignore_errors=True) if d.is_dir() else d.unlink(missing_ok=True)
        if self.dir.is_dir():
            for p in self.dir.iterdir():
                if p.suffix != ".pickle" or p.stem not in self.used:
                    p.unlink(missing_ok=True)


def outcomes(
    files: list[Path], jobs: int = 1, cache: FactCache | None = None, executor: Executor | None = None
) -> Iterator[tuple[Path, Outcome]]:
    """Each file's outcome, in input order: from the cache, else extracted (in ``jobs`` worker
    processes, or by ``executor``, e.g. a Dask client's; at most a few files ahead of the reader)."""
    keys = [cache.key(p) if cache else None for p in files]
    own = None
    if executor is None and jobs > 1 and len(files) > 1:
        ctx = get_context("spawn")
        own = executor = ProcessPoolExecutor(min(jobs, len(files)), mp_context=ctx, initializer=_worker_init)
    ahead = 2 * max(jobs, 1)
    try:
        pending: deque = deque()

        def submit(i: int) -> None:
            hit = cache.get(keys[i]) if cache and keys[i] else None
            if hit is not None:
                pending.append((i, hit, None))
            elif executor is not None:
                pending.append((i, None, executor.submit(extract_file, files[i])))
            else:
                pending.append((i, None, None))

        nxt = 0
        while nxt < len(files) or pending:
            while nxt < len(files) and len(pending) < ahead:
                submit(nxt)
                nxt += 1
            i, out, fut = pending.popleft()
            if out is None:
                out = fut.result() if fut is not None else extract_file(files[i])
                if cache and keys[i]:
                    cache.put(keys[i], out)
            yield files[i], out
    finally:
        if own:
            own.shutdown(cancel_futures=True)


def extract_all(
    paths: list[Path],
    progress: Callable[[int, int, Path], None] | None = None,
    jobs: int = 1,
    cache_dir: Path | None = None,
    scheduler: str | None = None,
):
    """Facts from every input, resolved; a file that cannot be read is reported (:func:`extract_file`
    words why), the others still built. Read and extracted here (``jobs`` 1), in ``jobs`` worker
    processes or on the workers of the Dask scheduler at ``scheduler`` (e.g. ``tcp://host:8786``),
    with the fact cache in ``cache_dir``; the facts are resolved here, in input order."""
    from kg.publication import BuildResult
    from kg.read import iter_inputs
    from kg.resolve import Resolver

    errors: list[tuple[Path, str]] = []
    files = list(iter_inputs(paths, on_error=lambda p, why: errors.append((p, why))))
    cache = FactCache(cache_dir) if cache_dir else None
    resolver = Resolver()
    chars = read = 0
    client = executor = None
    if scheduler:
        from distributed import Client

        client = Client(scheduler, timeout="60s")
        executor = client.get_executor()
        jobs = max(1, sum(client.nthreads().values()))
        files = [p.absolute() for p in files]  # the workers' folder is not ours: shared storage, same paths
    try:
        for n, (path, (status, value, size)) in enumerate(outcomes(files, jobs, cache, executor), 1):
            if progress:
                progress(n, len(files), path)
            if status == "ok":
                chars += size
                read += 1
                resolver.add(value)
            else:
                errors.append((path, value))
            del value
            gc.collect(0)
    finally:
        if client:
            client.close()
    if cache:
        cache.prune()
    return BuildResult(resolver.finish(), errors, len(files), chars, read)
