"""The write stage of a build: the resolved corpus -> graph.ttl, graph.html and graph.oxigraph in a
new generation of the output folder (:mod:`kg.outputs`), switched to in one rename.

The explorer's model is made from the corpus itself as the graph writer writes it
(:func:`kg.graph.explorer_index`), not by reading the graph's lines back. The graph's sorted lines
are streamed to a file, from which another process meanwhile writes graph.ttl and the store (from
the previous generation's store and the difference of the two generations' lines when it can:
:mod:`kg.storeupdate`).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


def _stop(store) -> None:
    """End a store writer that will not be needed (its temporary folder goes with the generation)."""
    if store is not None and store.proc.poll() is None:  # (a writer that failed has ended already)
        store.stop()


def write_outputs(result, outdir: Path, view: bool) -> None:
    """Write the graph of ``result.corpus`` (dropped as soon as it is written out) as a new generation in
    ``outdir`` and switch to it; OutputError (the previous outputs kept) when it cannot be written."""
    from kg import outputs, storeupdate
    from kg.graph import explorer_index, lines

    if view:  # imported before the new generation is begun: a Ctrl-C that lands in an import prints
        # Python's own "Exception ignored" traceback
        from kg.view import write_model_view
        from kg.view.model import model_of
        from kg.view.page import vis_assets

        vis_assets()
    corpus, result.corpus = result.corpus, None
    gen = outputs.new_generation(outdir)
    store = None
    try:
        written = lines(corpus)
        save_lines(written, gen / storeupdate.NT)
        # graph.ttl and the on-disk store the lookups open, in their own process beside the view
        store = storeupdate.start(gen, _previous(outdir))
        model = None
        if view:  # from the corpus (the evidence IRIs the lines made reused)
            model = model_of(explorer_index(corpus, written.evidence))
        del corpus, written  # a 20 MB corpus's records take hundreds of MB
        if model is not None:
            write_model_view(model, gen / "graph.html")
            del model
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


def save_lines(written, path: Path) -> None:
    """The graph's sorted lines (:meth:`kg.graph._Lines.ntriples`) streamed to ``path``, subject by subject."""
    with open(path, "wb") as nt:
        for chunk in written.ntriples():
            nt.write(chunk + b"\n")


def _previous(outdir: Path) -> Path | None:
    """The generation the folder's outputs are now (read only: it stays whole until the switch)."""
    from kg import outputs

    current = Path(outdir) / outputs.CURRENT
    return current.resolve() if current.is_symlink() and current.resolve().is_dir() else None


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
