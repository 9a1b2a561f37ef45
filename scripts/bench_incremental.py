#!/usr/bin/env python3
"""Benchmark an incremental ``kg build``: a full build of the corpus repeated to --mb megabytes
(scripts/bench.py's varied copies), then one file of about --add-kb kilobytes added and the same
folder built again (the fact cache in OUTDIR/.kg-cache, the previous outputs in place). Prints the
wall time and CPU seconds (user + sys, the build's child processes included) of both, the rebuild's
share of the full build, and with --check whether the rebuilt graph.ttl is byte-identical to a fresh
build of the same inputs.

    .venv/bin/python scripts/bench_incremental.py [--mb 10] [--add-kb 100] [-j 1] [--check] [--src DIR]

``--src`` runs the kg package found in DIR (e.g. an exported older commit) instead of this checkout's.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))

from bench import SOURCES, Varier, make_corpus  # noqa: E402


def _cpu() -> float:
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def run_build(corpus: Path, out: Path, jobs: int, env: dict, extra: list[str] = ()) -> tuple[float, float]:
    """(wall s, CPU s) of one ``kg build``; exits on failure."""
    cmd = [sys.executable, "-m", "kg", "build", str(corpus), "-o", str(out), "-j", str(jobs), *extra]
    c0, t0 = _cpu(), time.perf_counter()
    proc = subprocess.run(cmd, capture_output=True, text=True, env=env, cwd=tempfile.gettempdir())
    wall, cpu = time.perf_counter() - t0, _cpu() - c0
    if proc.returncode != 0:
        sys.exit(proc.stderr[-2000:])
    return wall, cpu


def added_file(path: Path, kb: float) -> int:
    """A new publication of about ``kb`` KB (copies of the sources varied as an unseen copy would be)."""
    varier, parts, size, n = Varier(), [], 0, 9000
    while size < kb * 1000:
        for src in SOURCES:
            text = varier(src.read_text(encoding="utf-8"), n)
            parts.append(text)
            size += len(text.encode("utf-8"))
            if size >= kb * 1000:
                break
        n += 1
    path.write_text("\n\n".join(parts), encoding="utf-8")
    return path.stat().st_size


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--mb", type=float, default=10.0)
    ap.add_argument("--add-kb", type=float, default=100.0)
    ap.add_argument("-j", "--jobs", type=int, default=1)
    ap.add_argument("--check", action="store_true", help="compare with a fresh build (one more full build)")
    ap.add_argument("--src", help="the folder holding the kg package to run (default: this checkout)")
    a = ap.parse_args()
    env = {**os.environ, "PYTHONPATH": str(Path(a.src).resolve() if a.src else ROOT)}
    tmp = Path(tempfile.mkdtemp(prefix="kg-bench-inc-"))
    try:
        corpus = tmp / "corpus"
        corpus.mkdir()
        files, size, _ = make_corpus(corpus, a.mb)
        full = run_build(corpus, tmp / "out", a.jobs, env)
        added = added_file(corpus / "zzzz_added.txt", a.add_kb)
        again = run_build(corpus, tmp / "out", a.jobs, env)
        print(
            f"corpus {files} files, {size / 1e6:.1f} MB; added one file of {added / 1e3:.0f} KB; -j {a.jobs}; "
            f"load {os.getloadavg()[0]:.1f}; cores {os.cpu_count()}"
        )
        print("                 wall s   CPU s")
        print(f"full build      {full[0]:7.1f} {full[1]:7.1f}")
        print(f"rebuild         {again[0]:7.1f} {again[1]:7.1f}")
        print(f"rebuild / full  {again[0] / full[0]:7.0%} {again[1] / full[1]:7.0%}")
        if a.check:
            run_build(corpus, tmp / "fresh", a.jobs, env, ["--no-cache"])
            same = (tmp / "out" / "graph.ttl").read_bytes() == (tmp / "fresh" / "graph.ttl").read_bytes()
            print(f"graph.ttl of the rebuild identical to a fresh build: {same}")
            if not same:
                return 1
        return 0
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
