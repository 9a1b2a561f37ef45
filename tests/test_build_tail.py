"""The write stage's explorer in a forked child (kg.write.ForkedView): the same page as made in the
build's own process, and a child that fails stops the build with the previous outputs kept."""

from __future__ import annotations

import io
import os
import threading
from pathlib import Path

import pytest

from kg import write
from kg.build import build
from kg.errors import OutputError
from kg.progress import progress

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "samples" / "001_baa82a02c22cd2c2.txt"
OTHER = ROOT / "samples" / "004_a7506ae82e06fd0a.txt"


def _outputs(out: Path) -> dict[str, bytes]:
    return {n: (out / n).read_bytes() for n in ("graph.ttl", "graph.html")}


@pytest.mark.skipif(not hasattr(os, "fork"), reason="no os.fork here: the explorer is always made in-process")
def test_forked_explorer_writes_the_page_the_build_process_writes(tmp_path, monkeypatch):
    started = []
    start = write.ForkedView.start

    def spy(*args):
        job = start(*args)
        started.append(job is not None)
        return job

    monkeypatch.setattr(write.ForkedView, "start", spy)
    build([SAMPLE, OTHER], tmp_path / "forked")
    assert started == [True]
    monkeypatch.setattr(threading, "active_count", lambda: 2)  # another thread: never fork
    build([SAMPLE, OTHER], tmp_path / "here")
    assert started == [True, False]
    assert _outputs(tmp_path / "forked") == _outputs(tmp_path / "here")


@pytest.mark.skipif(not hasattr(os, "fork"), reason="no os.fork here")
def test_failing_explorer_child_keeps_the_previous_outputs(tmp_path, monkeypatch):
    out = tmp_path / "out"
    build([SAMPLE], out)
    before = _outputs(out)

    def broken(index):
        raise ValueError("no model")

    import kg.view.model

    monkeypatch.setattr(kg.view.model, "model_of", broken)  # the child, forked, has it too
    with pytest.raises(OutputError, match="cannot write graph.html: ValueError: no model"):
        build([SAMPLE, OTHER], out)
    assert _outputs(out) == before
    assert len(list(out.glob(".kg-gen-*"))) == 1


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_display_starts_no_thread(tmp_path):
    """A build on a terminal shows progress (tqdm); a thread left running would stop the explorer's fork."""
    f = tmp_path / "a.txt"
    f.write_bytes(b"x" * 100)
    before = threading.active_count()
    show = progress(_Terminal())
    show(1, 2, f)
    assert threading.active_count() == before
    show(2, 2, f)
    assert threading.active_count() == before and show.bar is None
