#!/usr/bin/env python3
"""Peak memory of ``kg build`` counted over all its processes: the parent, the map step's worker
processes and the store writer, sampled together from /proc every ``--every`` seconds.

    .venv/bin/python scripts/bench_memory.py --mb 50 -j 2 [--keep DIR] [--corpus DIR]

RUSAGE_CHILDREN's ``ru_maxrss`` (what scripts/bench.py prints) is the largest single process, not
the sum of the processes alive at once. Here every sample adds up the resident set (RSS) and the
proportional set (PSS: a page shared by forked or spawned processes counted once in all) of every
process under the build; the table gives the peak of each sum, each role's share at the PSS peak,
and each stage's peak: the map step (workers alive), resolve and graph lines (workers gone, no store
writer yet), write (store writer alive: graph.ttl, the store and the explorer page).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))

from bench import make_corpus  # noqa: E402


def _kb(path: str, key: str) -> int:
    """The ``key:`` line of a /proc status or smaps_rollup file, in KB (0 when the process is gone)."""
    try:
        with open(path, encoding="ascii", errors="replace") as f:
            for line in f:
                if line.startswith(key):
                    return int(line.split()[1])
    except (OSError, ValueError, IndexError):
        pass
    return 0


def _children() -> dict[int, list[int]]:
    out: dict[int, list[int]] = {}
    for name in os.listdir("/proc"):
        if name.isdigit():
            try:
                with open(f"/proc/{name}/stat", encoding="ascii", errors="replace") as f:
                    ppid = int(f.read().rsplit(")", 1)[1].split()[1])
            except (OSError, ValueError, IndexError):
                continue
            out.setdefault(ppid, []).append(int(name))
    return out


def _role(pid: int, root: int) -> str:
    if pid == root:
        return "parent"
    try:
        with open(f"/proc/{pid}/cmdline", "rb") as f:
            cmd = f.read().replace(b"\0", b" ").decode("utf-8", "replace")
    except OSError:
        return "other"
    if "storeupdate" in cmd:
        return "store writer"
    if "multiprocessing" in cmd or "spawn_main" in cmd:
        return "worker" if "resource_tracker" not in cmd else "other"
    return "other"


def sample(root: int) -> dict[str, tuple[int, int]]:
    """role -> (RSS KB, PSS KB) summed over the processes under ``root`` (itself included)."""
    kids, todo, out = _children(), [root], {}
    while todo:
        pid = todo.pop()
        todo.extend(kids.get(pid, ()))
        rss = _kb(f"/proc/{pid}/status", "VmRSS:")
        pss = _kb(f"/proc/{pid}/smaps_rollup", "Pss:")
        role = _role(pid, root)
        r, p = out.get(role, (0, 0))
        out[role] = (r + rss, p + pss)
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--mb", type=float, default=10.0)
    ap.add_argument("--corpus", help="build this folder (made by an earlier --keep) instead of a new corpus")
    ap.add_argument("-j", "--jobs", type=int, default=2)
    ap.add_argument("--every", type=float, default=0.2, help="seconds between samples")
    ap.add_argument("--keep", help="make the corpus and outputs in this folder and keep them")
    ap.add_argument("--kg", default=str(ROOT / ".venv" / "bin" / "kg"))
    a = ap.parse_args()
    tmp = Path(a.keep or tempfile.mkdtemp(prefix="kg-mem-"))
    tmp.mkdir(parents=True, exist_ok=True)
    corpus = Path(a.corpus) if a.corpus else tmp / "corpus"
    if not a.corpus:
        corpus.mkdir(exist_ok=True)
        files, size, chars = make_corpus(corpus, a.mb)
        what = f"{files} files, {size / 1e6:.1f} MB, {chars:,} chars"
    else:
        what = str(corpus)
    cmd = [a.kg, "build", str(corpus), "-o", str(tmp / "out"), "-j", str(a.jobs), "--no-cache"]
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    samples: list[tuple[float, dict[str, tuple[int, int]]]] = []
    peak = 0
    while proc.poll() is None:
        samples.append((time.perf_counter() - t0, sample(proc.pid)))
        now = sum(v[1] for v in samples[-1][1].values())
        if now > peak or len(samples) % 300 == 0:  # a running account on stderr (a long build may be cut)
            peak = max(peak, now)
            roles = ", ".join(f"{r} {v[1] // 1024}" for r, v in sorted(samples[-1][1].items()))
            print(
                f"{samples[-1][0]:.0f} s: PSS now {now // 1024} MB ({roles}), peak {peak // 1024} MB",
                file=sys.stderr,
                flush=True,
            )
        time.sleep(a.every)
    wall = time.perf_counter() - t0
    err = proc.stderr.read().decode("utf-8", "replace")
    if proc.returncode != 0:
        print(err[-2000:], file=sys.stderr)
        return 1

    def total(s, i):
        return sum(v[i] for v in s.values())

    def stage(s) -> str:
        if "worker" in s:
            return "map step (workers)"
        if "store writer" in s:
            return "write (store writer)"
        return "resolve + graph lines" if any(st == "map step (workers)" for st in seen) else "start"

    seen: list[str] = []
    peaks: dict[str, tuple[float, int, int]] = {}
    for t, s in samples:
        st = stage(s)
        seen.append(st)
        rss, pss = total(s, 0), total(s, 1)
        if pss > peaks.get(st, (0, 0, 0))[2]:
            peaks[st] = (t, rss, pss)
    at, top = max(samples, key=lambda ts: total(ts[1], 1))
    print(
        f"corpus: {what}; kg build -j {a.jobs}; wall {wall:.0f} s; {len(samples)} samples every {a.every} s; "
        f"load {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores\n"
    )
    print(
        f"peak of the sum over all processes: RSS {max(total(s, 0) for _, s in samples) / 1024:.0f} MB, "
        f"PSS {total(top, 1) / 1024:.0f} MB (at {at:.0f} s)\n"
    )
    print("| at the PSS peak | RSS | PSS |\n| --- | --- | --- |")
    for role, (rss, pss) in sorted(top.items()):
        print(f"| {role} | {rss / 1024:.0f} MB | {pss / 1024:.0f} MB |")
    print("\n| stage | peak PSS (sum) | RSS then | at |\n| --- | --- | --- | --- |")
    for st, (t, rss, pss) in peaks.items():
        print(f"| {st} | {pss / 1024:.0f} MB | {rss / 1024:.0f} MB | {t:.0f} s |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
