"""One way through: read -> clean -> segment -> extract -> resolve -> graph -> outputs."""

from __future__ import annotations

import gc
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from kg.clean import clean
from kg.models import Publication
from kg.read import ReadError, iter_inputs, read
from kg.resolve import Corpus, Resolver, where
from kg.segment import segment


@dataclass
class BuildResult:
    corpus: Corpus | None  # None once build() has turned it into the graph (to free its memory)
    errors: list[tuple[Path, str]] = field(default_factory=list)
    files: int = 0
    chars: int = 0


def publication(path: Path) -> Publication:
    """Read, clean and segment one input file."""
    text = clean(read(path))
    pub = Publication(str(path), text)
    pub.segments = segment(text)
    pub.jurisdiction = where(pub)
    return pub


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
    """Facts from every input; a file that cannot be read is reported, the others still built."""
    from kg.pipeline import extract

    files = list(iter_inputs(paths))
    resolver = Resolver()
    errors: list[tuple[Path, str]] = []
    chars = 0
    for n, path in enumerate(files, 1):
        if progress:
            progress(n, len(files), path)
        try:
            pub = publication(path)
        except ReadError as e:
            errors.append((path, str(e)))
            continue
        except OSError as e:
            errors.append((path, e.strerror or str(e)))
            continue
        except RecursionError:
            errors.append((path, "too deeply nested to read"))
            continue
        chars += len(pub.text.raw)
        resolver.add(extract(pub))  # the facts keep their evidence; the publication's text goes
        del pub
        gc.collect(0)  # the file's garbage cycles, if any (see fewer_collections)
    return BuildResult(resolver.finish(), errors, len(files), chars)


def build(
    paths: list[Path],
    outdir: Path,
    progress=None,
    view: bool = True,
    jobs: int = 1,
    cache: bool = False,
    scheduler: str | None = None,
) -> BuildResult:
    """Build ``outdir/graph.ttl`` and ``outdir/graph.html`` from the inputs (read and extracted in
    ``jobs`` processes or on the Dask ``scheduler``'s workers; with ``cache``, only inputs not in
    ``outdir/.kg-cache`` are: kg.mapstep)."""
    from kg.diskstore import start_store
    from kg.graph import to_rdf
    from kg.store import save_turtle

    with fewer_collections():
        if jobs == 1 and not cache and not scheduler:
            result = extract_all(paths, progress)
        else:
            from kg import mapstep

            cached = outdir / mapstep.CACHE if cache else None
            result = mapstep.extract_all(paths, progress, jobs, cached, scheduler)
        if result.files and len(result.errors) == result.files:
            return result  # nothing was read: keep whatever an earlier build wrote
        g = to_rdf(result.corpus)  # sorted N-Triples
        result.corpus = None  # the graph holds it all now; a 20 MB corpus's records take hundreds of MB
        outdir.mkdir(parents=True, exist_ok=True)
        save_turtle(g, outdir / "graph.ttl")
        store = start_store(outdir / "graph.ttl")  # the on-disk store the lookups open (kg.diskstore)
        if view:
            from kg.view import write_view

            write_view(g, outdir / "graph.html")
        store.wait()
    return result


def report(errors: list[tuple[Path, str]]) -> None:
    for path, why in errors:
        print(f"kg: {path}: {why}", file=sys.stderr)
