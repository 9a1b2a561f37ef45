#!/usr/bin/env python3
"""Where a build's time and memory go, stage by stage: wall seconds, CPU seconds of the parent and of
its child processes (map-step workers, the store writer), resident memory after the stage and the
parent's peak so far.

    .venv/bin/python scripts/bench_stages.py [--mb 10] [-j 2] [--keep DIR]

Builds the corpus of scripts/bench.py (varied copies to ``--mb`` MB) in this process, timing the
functions ``kg.build`` calls (wrapped here, nothing in kg changes): the map step
(kg.mapstep.extract_all: read, extract, resolve), the graph lines (kg.graph.lines), their sort and
file (kg.write.save_lines), the explorer's index (kg.graph.explorer_index), model
(kg.view.model.model_of) and page (kg.view.write_model_view) when they are made in this process, else
the wait for the child forked to make them (kg.write.ForkedView), and the wait for the store writer (its
own process, started after the lines are written, which writes graph.ttl and the store: its own
wall and CPU seconds for each are read from the kg-update.json it leaves). Children's CPU counts once
they have ended (workers end with the map step, the store writer before its wait returns).
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from bench import make_corpus  # noqa: E402

ROWS: list[tuple[str, float, float, float, float, float]] = []


def _rss_mb() -> float:
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def timed(name: str, fn):
    """``fn`` wrapped to add a row to ROWS: (stage, wall, parent CPU, children CPU, RSS after, peak)."""

    def run(*args, **kw):
        me0, ch0 = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
        t0 = time.perf_counter()
        try:
            return fn(*args, **kw)
        finally:
            me1, ch1 = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
            ROWS.append(
                (
                    name,
                    time.perf_counter() - t0,
                    me1.ru_utime + me1.ru_stime - me0.ru_utime - me0.ru_stime,
                    ch1.ru_utime + ch1.ru_stime - ch0.ru_utime - ch0.ru_stime,
                    _rss_mb(),
                    me1.ru_maxrss / 1024,
                )
            )

    return run


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--mb", type=float, default=10.0)
    ap.add_argument("-j", "--jobs", type=int, default=1)
    ap.add_argument("--keep", help="build in this folder and keep it")
    a = ap.parse_args()

    import kg.diskstore
    import kg.graph
    import kg.mapstep
    import kg.view
    import kg.view.model
    import kg.write
    from kg.build import build

    kg.mapstep.extract_all = timed("map step (read, extract, resolve)", kg.mapstep.extract_all)
    for mod, name, label in (
        (kg.graph, "lines", "graph lines (kg.graph.lines)"),
        (kg.write, "save_lines", "lines sorted, written (save_lines)"),
        (kg.graph, "explorer_index", "explorer index (explorer_index)"),
        (kg.view.model, "model_of", "explorer model (model_of)"),
        (kg.view, "write_model_view", "explorer page (write_model_view)"),
    ):
        if hasattr(mod, name):
            setattr(mod, name, timed(label, getattr(mod, name)))
    kg.write.ForkedView.wait = timed("explorer (wait; forked child)", kg.write.ForkedView.wait)
    pending_wait = kg.diskstore.Pending.wait
    kg.diskstore.Pending.wait = timed("store writer (wait; own process)", pending_wait)

    tmp = Path(a.keep) if a.keep else Path(tempfile.mkdtemp(prefix="kg-stages-"))
    try:
        shutil.rmtree(tmp, ignore_errors=True)
        (tmp / "corpus").mkdir(parents=True)
        files, size, chars = make_corpus(tmp / "corpus", a.mb)
        t0 = time.perf_counter()
        c0 = resource.getrusage(resource.RUSAGE_SELF)
        result = build([tmp / "corpus"], tmp / "out", jobs=a.jobs)
        wall = time.perf_counter() - t0
        c1, ch = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
        if result.errors:
            print(f"{len(result.errors)} inputs could not be read", file=sys.stderr)
        print(
            f"files {files}  text {size / 1e6:.1f} MB ({chars:,} chars)  -j {a.jobs}  "
            f"load {' '.join(f'{x:.1f}' for x in os.getloadavg())} on {os.cpu_count()} cores\n"
        )
        print("| stage | wall s | parent CPU s | children CPU s | RSS after MB | parent peak so far MB |")
        print("| --- | --- | --- | --- | --- | --- |")
        for name, w, me, chd, rss, peak in ROWS:
            print(f"| {name} | {w:.1f} | {me:.1f} | {max(chd, 0):.1f} | {rss:.0f} | {peak:.0f} |")
        me_all = c1.ru_utime + c1.ru_stime - c0.ru_utime - c0.ru_stime
        print(
            f"| whole build | {wall:.1f} | {me_all:.1f} | {ch.ru_utime + ch.ru_stime:.1f} | {_rss_mb():.0f} "
            f"| {c1.ru_maxrss / 1024:.0f} (children's peak {ch.ru_maxrss / 1024:.0f}) |"
        )
        info = tmp / "out" / "graph.oxigraph" / "kg-update.json"
        if info.is_file():
            import json

            done = json.loads(info.read_text(encoding="utf-8"))
            print(f"\nstore writer ({done.get('from')}), its own wall / CPU s:", end="")
            for part, (w, c) in done.get("seconds", {}).items():
                print(f"  {part} {w:.1f} / {c:.1f}", end="")
            print()
        return 0
    finally:
        if not a.keep:
            shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
