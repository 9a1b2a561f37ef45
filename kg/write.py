"""The write stage of a build: the resolved corpus -> graph.ttl, graph.html and graph.oxigraph in a
new generation of the output folder (:mod:`kg.outputs`), switched to in one rename.

The explorer's model is made from the corpus itself as the graph writer writes it
(:func:`kg.graph.explorer_index`), not by reading the graph's lines back, in a child process forked
with the corpus (:class:`ForkedView`) while this one writes the graph's sorted lines to a file, from
which another process then writes graph.ttl and the store (from the previous generation's store and
the difference of the two generations' lines when it can: :mod:`kg.storeupdate`). Where no child can
be forked safely (no ``os.fork``, or other threads running, as a Dask client leaves), the explorer
is made here after the lines, as the store is written.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


def _stop(job) -> None:
    """End a store writer or forked view that will not be needed (what it wrote goes with the generation)."""
    if isinstance(job, ForkedView):
        job.stop()
    elif job is not None and job.proc.poll() is None:  # (a writer that failed has ended already)
        job.stop()


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
    store = forked = None
    try:
        if view:
            forked = ForkedView.start(corpus, gen / "graph.html")
        written = lines(corpus)
        save_lines(written, gen / storeupdate.NT)
        # graph.ttl and the on-disk store the lookups open, in their own process beside the view
        store = storeupdate.start(gen, _previous(outdir))
        model = None
        if view and forked is None:  # from the corpus (the evidence IRIs the lines made reused)
            model = model_of(explorer_index(corpus, written.evidence))
        del corpus, written  # a 20 MB corpus's records take hundreds of MB
        if model is not None:
            write_model_view(model, gen / "graph.html")
            del model
        if forked is not None:
            forked.wait()
        store.wait()
    except (OSError, RuntimeError) as e:
        _stop(store)
        _stop(forked)
        outputs.discard(gen)
        reason = getattr(e, "strerror", None) or str(e)
        reason = reason if reason.startswith("cannot") else f"cannot write: {reason}"
        raise outputs.OutputError(outdir, f"{reason}; the previous outputs are kept") from None
    except BaseException:
        _stop(store)
        _stop(forked)
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


class ForkedView:
    """graph.html made in a forked child from the corpus this process holds (copy-on-write: nothing is
    pickled), beside the lines and the store made here; :meth:`wait` raises RuntimeError saying why
    the child failed."""

    def __init__(self, pid: int, errors: int):
        self.pid, self.errors, self.code = pid, errors, None

    @classmethod
    def start(cls, corpus, path: Path) -> ForkedView | None:
        """The child started, or None where forking is unsafe (no fork; threads that would be lost)."""
        import signal
        import threading

        if not hasattr(os, "fork") or not hasattr(signal, "pthread_sigmask") or threading.active_count() > 1:
            return None
        # Ctrl-C and SIGTERM held over the fork: one landing in the fork's own hooks (logging's) printed
        # an "Exception ignored" traceback, and one raised before the child is known would orphan it
        old = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT, signal.SIGTERM, signal.SIGHUP})
        try:
            r, w = os.pipe()
            pid = os.fork()
        except BaseException:
            signal.pthread_sigmask(signal.SIG_SETMASK, old)
            raise
        if pid == 0:  # the child: never returns to the build's code
            try:
                # a Ctrl-C is the build's to handle: it stops this child
                signal.signal(signal.SIGINT, signal.SIG_IGN)
                signal.pthread_sigmask(signal.SIG_SETMASK, old)
                os.close(r)
                _view_child(corpus, path, w)
            finally:
                os._exit(1)
        os.close(w)
        job = cls(pid, r)
        try:
            signal.pthread_sigmask(signal.SIG_SETMASK, old)  # a signal held meanwhile is raised here
        except BaseException:
            job.stop()
            raise
        return job

    def wait(self) -> None:
        why = b""
        while chunk := os.read(self.errors, 4096):  # until the child ends (its end of the pipe closed)
            why += chunk
        self._close()
        _, status = os.waitpid(self.pid, 0)
        self.code = os.waitstatus_to_exitcode(status)
        if self.code != 0:
            why = why.decode("utf-8", "replace")
            raise RuntimeError(why or f"cannot write graph.html: the explorer's process ended ({self.code})")

    def _close(self) -> None:
        if self.errors is not None:
            fd, self.errors = self.errors, None
            os.close(fd)

    def stop(self) -> None:
        import signal

        if self.code is None:  # (stopped inside wait, the child may be reaped already)
            self.code = -signal.SIGKILL
            for end in (lambda: os.kill(self.pid, signal.SIGKILL), lambda: os.waitpid(self.pid, 0)):
                try:
                    end()
                except (ChildProcessError, ProcessLookupError):
                    pass
        self._close()


def _view_child(corpus, path: Path, errors: int) -> None:
    """The forked child's work: the explorer of ``corpus`` written to ``path``; why it failed written to
    ``errors``; ends the process (``os._exit``: none of the parent's clean-up runs twice)."""

    code = 1
    try:
        from kg.graph import explorer_index
        from kg.view import write_model_view
        from kg.view.model import model_of

        write_model_view(model_of(explorer_index(corpus)), path)
        code = 0
    except OSError as e:
        os.write(errors, f"cannot write: {e.strerror or e}".encode())
    except BaseException as e:  # said to the parent, which raises it
        os.write(errors, f"cannot write graph.html: {type(e).__name__}: {e}".encode())
    finally:
        os._exit(code)


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
