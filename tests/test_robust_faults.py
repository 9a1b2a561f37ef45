"""Issue 16, fault injection: builds killed (SIGKILL, SIGTERM, SIGINT) at random points — during
the extraction and, watched for, while the new set is being written — leave the output folder
holding one complete earlier or later set (graph.ttl and graph.html of the same build), and the
next build cleans up after them."""

from __future__ import annotations

import hashlib
import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
INPUTS = {
    "A": ROOT / "samples" / "001_baa82a02c22cd2c2.txt",
    "B": ROOT / "samples" / "004_a7506ae82e06fd0a.txt",
}
KILLS = 6


def _cmd(name: str, out: Path) -> list[str]:
    return [sys.executable, "-m", "kg", "build", str(INPUTS[name]), "-o", str(out)]


def _set(out: Path) -> tuple[str, str] | None:
    """The digests of the folder's (graph.ttl, graph.html), or None when it holds no outputs."""
    names = [out / "graph.ttl", out / "graph.html"]
    if not any(p.exists() or p.is_symlink() for p in names):
        return None
    return tuple(hashlib.sha256(p.read_bytes()).hexdigest() for p in names)


@pytest.fixture(scope="module")
def sets(tmp_path_factory) -> dict[str, tuple[tuple[str, str], float]]:
    """Each input's complete set of outputs (digests) and how long its build took."""
    out = {}
    for name in INPUTS:
        folder = tmp_path_factory.mktemp(name)
        t = time.monotonic()
        subprocess.run(_cmd(name, folder), check=True, capture_output=True)
        out[name] = (_set(folder), time.monotonic() - t)
    return out


def _wait_for_new_generation(folder: Path, before: set[str], proc: subprocess.Popen, limit: float) -> bool:
    end = time.monotonic() + limit
    while time.monotonic() < end and proc.poll() is None:
        if {p.name for p in folder.glob(".kg-gen-*")} - before:
            return True
        time.sleep(0.005)
    return False


def test_killed_builds_leave_one_whole_set(tmp_path, sets):
    seed = int(os.environ.get("KG_FAULT_SEED", random.randrange(1 << 30)))
    rng = random.Random(seed)
    whole = {digests for digests, _ in sets.values()}
    folder = tmp_path / "out"
    subprocess.run(_cmd("A", folder), check=True, capture_output=True)
    hit_write = 0
    for i in range(KILLS):
        name = "B" if i % 2 == 0 else "A"
        sig = (signal.SIGKILL, signal.SIGTERM, signal.SIGINT)[i % 3]
        before = {p.name for p in folder.glob(".kg-gen-*")}
        proc = subprocess.Popen(
            _cmd(name, folder), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True
        )
        if i % 2:  # at a random moment of the whole build
            time.sleep(rng.uniform(0.2, 1.1) * sets[name][1])
        elif _wait_for_new_generation(folder, before, proc, 4 * sets[name][1] + 30):
            time.sleep(rng.uniform(0, 0.05))  # while the new set is being written or switched
            hit_write += 1
        proc.send_signal(sig)
        _, err = proc.communicate(timeout=120)
        state = _set(folder)
        assert state in whole, f"seed {seed}, kill {i} ({sig.name}): a mixed or partial set"
        assert "Traceback" not in err, f"seed {seed}: {err}"
        if sig != signal.SIGKILL and proc.returncode not in (0, -sig):  # -sig: before Python ran kg
            assert proc.returncode == 130 and err.count("\n") == 1, f"seed {seed}: {err}"
    assert hit_write >= 1, f"seed {seed}: no kill landed while a set was written"
    # the next build removes what the killed ones left
    subprocess.run(_cmd("B", folder), check=True, capture_output=True)
    assert _set(folder) == sets["B"][0]
    hidden = sorted(p.name for p in folder.iterdir() if p.name.startswith(".") and p.name != ".kg-cache")
    assert len(hidden) == 3 and [h for h in hidden if h.endswith(".tmp")] == []


def test_a_kill_between_write_and_switch_keeps_the_old_set(tmp_path, sets):
    """Deterministically at the worst place: the new set complete on disk, not yet switched to."""
    folder = tmp_path / "out"
    subprocess.run(_cmd("A", folder), check=True, capture_output=True)
    code = (
        "import os, signal, sys; import kg.outputs as o; "
        "o.publish = lambda outdir, gen: os.kill(os.getpid(), signal.SIGKILL); "
        "from kg.cli import main; sys.exit(main(sys.argv[1:]))"
    )
    proc = subprocess.run(
        [sys.executable, "-c", code, "build", str(INPUTS["B"]), "-o", str(folder)], capture_output=True
    )
    assert proc.returncode == -signal.SIGKILL
    assert _set(folder) == sets["A"][0]
    gens = list(folder.glob(".kg-gen-*"))
    assert len(gens) == 2  # the killed build's complete generation is left over ...
    subprocess.run(_cmd("A", folder), check=True, capture_output=True)
    assert len(list(folder.glob(".kg-gen-*"))) == 1  # ... and removed by the next build
    shutil.rmtree(folder)
