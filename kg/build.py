"""One way through: read -> clean -> segment -> extract -> resolve -> graph -> outputs."""

from __future__ import annotations

import gc
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
            from kg.write import write_outputs

            write_outputs(result, outdir, view)
    except KeyboardInterrupt:
        if not result.written:
            raise
        # Ctrl-C or SIGTERM came while the new set was switched to or after: the build is done
    return result


def report(errors: list[tuple[Path, str]]) -> None:
    """``kg: <path>: <reason>`` on stderr, one line per input that could not be read."""
    from kg.terminal import say_error

    for path, why in errors:
        say_error(path, why)
