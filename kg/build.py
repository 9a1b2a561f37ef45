"""One way through: read -> clean -> segment -> extract -> resolve -> graph -> outputs."""

from __future__ import annotations

import gc
import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from kg.publication import BuildResult, publication, text_publication

__all__ = ["BuildResult", "build", "extract_all", "publication", "report", "text_publication"]


@contextmanager
def fewer_collections() -> Iterator[None]:
    """No automatic garbage collection inside (callers collect the young generation once per
    file): a build makes millions of long-lived records and almost no reference cycles, and the
    collector's automatic passes over them again and again took ~15 % of the time."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()
        gc.collect()


def extract_all(paths: list[Path], progress: Callable[[int, int, Path], None] | None = None) -> BuildResult:
    """Facts from every input, resolved; a file that cannot be read is reported, the others still
    built. On one core, by the one map step there is (:func:`kg.mapstep.extract_all`)."""
    from kg import mapstep

    return mapstep.extract_all(paths, progress)


def build(
    paths: list[Path],
    outdir: Path,
    progress=None,
    view: bool = True,
    jobs: int = 1,
    cache: bool = False,
    scheduler: str | None = None,
) -> BuildResult:
    """Build ``outdir/graph.ttl``, ``graph.html`` and the store ``graph.oxigraph`` from the inputs,
    replacing the folder's outputs as one set (:mod:`kg.outputs`); OutputError before any work when they
    cannot be written. Inputs are read and extracted in ``jobs`` processes or on the Dask ``scheduler``'s
    workers; with ``cache``, only inputs not in ``outdir/.kg-cache`` are (:mod:`kg.mapstep`)."""
    from kg import outputs

    outdir = Path(outdir)
    outputs.check(outdir)
    result = BuildResult(None)
    try:
        with outputs.locked(outdir), fewer_collections():
            from kg import mapstep

            cached = outdir / mapstep.CACHE if cache else None
            result = mapstep.extract_all(paths, progress, jobs, cached, scheduler)
            if result.errors and not result.read:
                return result  # nothing was read: keep whatever an earlier build wrote
            _write(result, outdir, view)
    except KeyboardInterrupt:
        if not result.written:
            raise
        # Ctrl-C or SIGTERM came while the new set was switched to or after: the build is done
    return result


def _stop(store) -> None:
    """End a store writer that will not be needed (its temporary folder goes with the generation)."""
    if store is not None:
        store.stop()


def _write(result: BuildResult, outdir: Path, view: bool) -> None:
    from kg import outputs
    from kg.diskstore import start_store
    from kg.graph import to_rdf
    from kg.store import save_turtle

    g = to_rdf(result.corpus)  # sorted N-Triples
    result.corpus = None  # the graph holds it all now; a 20 MB corpus's records take hundreds of MB
    gen = outputs.new_generation(outdir)
    store = None
    try:
        save_turtle(g, gen / "graph.ttl")
        store = start_store(gen / "graph.ttl")  # the on-disk store the lookups open, written beside the view
        if view:
            from kg.view import write_view

            write_view(g, gen / "graph.html")
        store.wait()
    except (OSError, RuntimeError) as e:
        _stop(store)
        outputs.discard(gen)
        reason = getattr(e, "strerror", None) or str(e)
        reason = reason if reason.startswith("cannot") else f"cannot write: {reason}"
        raise outputs.OutputError(outdir, f"{reason}; the previous outputs are kept") from None
    except BaseException:
        _stop(store)
        outputs.discard(gen)
        raise
    try:
        with _signals_held():  # a signal held during the switch is raised when the block ends
            outputs.publish(outdir, gen)
            result.written = True
    except OSError as e:
        raise outputs.OutputError(outdir, f"cannot switch to the new outputs: {e.strerror or e}") from None
    finally:  # an error after the switch: the new set is in place all the same
        current = outdir / outputs.CURRENT
        result.written |= current.is_symlink() and os.readlink(current) == gen.name


@contextmanager
def _signals_held() -> Iterator[None]:
    """Ctrl-C and SIGTERM wait until the block ends (the switch to a new set is not cut in half)."""
    import signal

    held = {signal.SIGINT, signal.SIGTERM, signal.SIGHUP}
    try:
        old = signal.pthread_sigmask(signal.SIG_BLOCK, held)
    except (AttributeError, ValueError, OSError):  # not the main thread, or no such call here
        yield
        return
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, old)


def report(errors: list[tuple[Path, str]]) -> None:
    """``kg: <path>: <reason>`` on stderr, one line per input that could not be read."""
    from kg.terminal import say_error

    for path, why in errors:
        say_error(path, why)
