#!/usr/bin/env python3
"""Benchmark ``kg build``: characters per second and peak memory on the corpus repeated to a size.

    .venv/bin/python scripts/bench.py [--mb 20] [--kg .venv/bin/kg]

The sample corpus and tests/data/corpus-more are copied (under new names) until the total reaches
--mb megabytes of text, then one ``kg build`` process builds them all. Peak memory is the child's
maximum resident set size. Prints one line of figures, and the machine's core count.
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
SOURCES = sorted((ROOT / "samples").glob("*.txt")) + sorted((ROOT / "tests" / "data" / "corpus-more").glob("*.txt"))


def make_corpus(folder: Path, mb: float) -> tuple[int, int, int]:
    """Copies of the sources until ``mb`` MB; returns (files, bytes, characters)."""
    files = size = chars = 0
    n = 0
    while size < mb * 1_000_000:
        for src in SOURCES:
            data = src.read_bytes()
            (folder / f"{n:04d}_{src.name}").write_bytes(data)
            files += 1
            size += len(data)
            chars += len(data.decode("utf-8"))
        n += 1
    return files, size, chars


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--mb", type=float, default=20.0)
    ap.add_argument("--kg", default=str(ROOT / ".venv" / "bin" / "kg"))
    a = ap.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="kg-bench-"))
    try:
        corpus = tmp / "corpus"
        corpus.mkdir()
        files, size, chars = make_corpus(corpus, a.mb)
        t0 = time.perf_counter()
        proc = subprocess.run([a.kg, "build", str(corpus), "-o", str(tmp / "out")], capture_output=True, text=True)
        wall = time.perf_counter() - t0
        peak_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        if proc.returncode != 0:
            print(proc.stderr[-2000:], file=sys.stderr)
            return 1
        ttl = (tmp / "out" / "graph.ttl").stat().st_size
        print(
            f"files {files}  text {size / 1e6:.1f} MB ({chars:,} chars)  wall {wall:.1f} s  "
            f"{chars / wall:,.0f} chars/s  peak RSS {peak_kb / 1024:.0f} MB  graph.ttl {ttl / 1e6:.1f} MB  "
            f"cores {os.cpu_count()}"
        )
        return 0
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
