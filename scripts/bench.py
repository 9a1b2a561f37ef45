#!/usr/bin/env python3
"""Benchmark ``kg build``: characters per second and peak memory on the corpus repeated to a size.

    .venv/bin/python scripts/bench.py [--mb 20] [--plain] [-j N] [--cache] [--keep DIR] [--kg .venv/bin/kg]

The sample corpus and tests/data/corpus-more are copied (under new names) until the total reaches
--mb megabytes of text, then one ``kg build`` process builds them all. Peak memory is the child's
maximum resident set size. Prints one line of figures, and the machine's core count.

Plain copies repeat the same names, which flatters the builder's caches (place names, organisation
identities, unit lists). So by default every copy after the first is varied: each place name of
kg/data/divisions.tsv it prints (full or short) becomes another place of the same level, and each
文号 serial is shifted, so copies name other organisations and other documents. ``--plain`` makes
exact copies; ``--one-file`` appends them all to one file (one huge publication).
"""

from __future__ import annotations

import argparse
import os
import random
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SOURCES = sorted((ROOT / "samples").glob("*.txt")) + sorted(
    (ROOT / "tests" / "data" / "corpus-more").glob("*.txt")
)


def _places() -> dict[str, list[tuple[str, str]]]:
    """level -> [(name, short)] of the divisions whose short name is not a common word."""
    out: dict[str, list[tuple[str, str]]] = {}
    for line in (ROOT / "kg" / "data" / "divisions.tsv").read_text(encoding="utf-8").splitlines():
        if line.startswith("#"):
            continue
        _code, name, short, level, _parent, _aliases, common = (line.split("\t") + [""] * 7)[:7]
        if len(short) >= 2 and not common:
            out.setdefault(level, []).append((name, short))
    return out


class Varier:
    """Copy ``n`` of a text with its place names swapped for others of the same level and its 文号
    serials shifted (copy 0 is the text itself)."""

    NUMBER = re.compile(r"(〔(?:19|20)\d\d〕)\s*(\d{1,4})\s*号")

    def __init__(self):
        self.places = _places()
        every = {n for names in self.places.values() for pair in names for n in pair}
        self.names = re.compile("|".join(sorted(map(re.escape, every), key=len, reverse=True)))
        self.swaps: dict[int, dict[str, str]] = {}

    def swap(self, n: int) -> dict[str, str]:
        """Copy ``n``'s renaming: a shuffle of the places of each level."""
        if n not in self.swaps:
            rnd, out = random.Random(n), {}
            for names in self.places.values():
                order = names[:]
                rnd.shuffle(order)
                for (name, short), (name2, short2) in zip(names, order, strict=True):
                    out[name], out[short] = name2, short2
            self.swaps[n] = out
        return self.swaps[n]

    def __call__(self, text: str, n: int) -> str:
        if n == 0:
            return text
        swap = self.swap(n)
        text = self.names.sub(lambda m: swap.get(m.group(), m.group()), text)
        return self.NUMBER.sub(lambda m: f"{m.group(1)}{int(m.group(2)) + 1000 * n}号", text)


def make_corpus(folder: Path, mb: float, vary: bool = True, one_file: bool = False) -> tuple[int, int, int]:
    """Copies of the sources until ``mb`` MB (appended to one file with ``one_file``); returns (files,
    bytes, characters)."""
    files = size = chars = 0
    n = 0
    varier = Varier() if vary else None
    while size < mb * 1_000_000:
        for src in SOURCES:
            data = src.read_bytes()
            if varier:
                data = varier(data.decode("utf-8"), n).encode("utf-8")
            if one_file:
                with (folder / "all.txt").open("ab") as f:
                    f.write(data + b"\n\n")
            else:
                (folder / f"{n:04d}_{src.name}").write_bytes(data)
            files += 1
            size += len(data)
            chars += len(data.decode("utf-8"))
        n += 1
    return files, size, chars


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--mb", type=float, default=20.0)
    ap.add_argument("--plain", action="store_true", help="exact copies (flatters caches)")
    ap.add_argument("--one-file", action="store_true", help="all copies in one file (one huge publication)")
    ap.add_argument("--kg", default=str(ROOT / ".venv" / "bin" / "kg"))
    ap.add_argument("-j", "--jobs", type=int, default=1, help="kg build -j N (default 1)")
    ap.add_argument(
        "--cache", action="store_true", help="let kg build write its fact cache (default: --no-cache)"
    )
    ap.add_argument("--keep", help="build in this folder and keep it (corpus/ and out/, for bench_lookup.py)")
    a = ap.parse_args()
    tmp = Path(a.keep) if a.keep else Path(tempfile.mkdtemp(prefix="kg-bench-"))
    if a.keep:
        shutil.rmtree(tmp, ignore_errors=True)
        tmp.mkdir(parents=True)
    try:
        corpus = tmp / "corpus"
        corpus.mkdir()
        files, size, chars = make_corpus(corpus, a.mb, vary=not a.plain, one_file=a.one_file)
        t0 = time.perf_counter()
        proc = subprocess.run(
            [a.kg, "build", str(corpus), "-o", str(tmp / "out"), "-j", str(a.jobs)]
            + ([] if a.cache else ["--no-cache"]),
            capture_output=True,
            text=True,
        )
        wall = time.perf_counter() - t0
        peak_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        if proc.returncode != 0:
            print(proc.stderr[-2000:], file=sys.stderr)
            return 1
        ttl = (tmp / "out" / "graph.ttl").stat().st_size
        print(
            f"files {files}  text {size / 1e6:.1f} MB ({chars:,} chars)  wall {wall:.1f} s  "
            f"{chars / wall:,.0f} chars/s  peak RSS {peak_kb / 1024:.0f} MB  graph.ttl {ttl / 1e6:.1f} MB  "
            f"cores {os.cpu_count()}  -j {a.jobs}  load {os.getloadavg()[0]:.1f}  "
            f"{'plain' if a.plain else 'varied'} copies{' in one file' if a.one_file else ''}"
        )
        return 0
    finally:
        if not a.keep:
            shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
