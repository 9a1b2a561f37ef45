"""Issue 16, writing (classes 7–9): the output folder is checked before any work, its outputs are
replaced as one set, a second build into it is refused, and a stopped build keeps the old set."""

from __future__ import annotations

import hashlib
import os
import resource
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from kg import outputs

ROOT = Path(__file__).resolve().parents[1]
SAMPLE_A = ROOT / "samples" / "001_baa82a02c22cd2c2.txt"
SAMPLE_B = ROOT / "samples" / "004_a7506ae82e06fd0a.txt"


def run_kg(*args: str, **kw) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "kg", *args], capture_output=True, text=True, **kw)


def one_line(proc: subprocess.CompletedProcess) -> str:
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("kg: "), proc.stderr
    return lines[0]


def digest(out: Path) -> tuple[str, str]:
    return tuple(hashlib.sha256((out / n).read_bytes()).hexdigest() for n in ("graph.ttl", "graph.html"))


@pytest.fixture(scope="module")
def built_a(tmp_path_factory) -> tuple[Path, tuple[str, str]]:
    out = tmp_path_factory.mktemp("a") / "out"
    assert run_kg("build", str(SAMPLE_A), "-o", str(out)).returncode == 0
    return out, digest(out)


# ---------------------------------------------------------------- 7. unusable output folders


@pytest.mark.parametrize(
    "make,reason",
    [
        (lambda d: (d / "o").write_text("x"), "not a folder"),
        (lambda d: (d / "f").write_text("x"), "is a file, not a folder"),
        (lambda d: (d / "o" / "graph.ttl").mkdir(parents=True), "is a folder, where the output file goes"),
        (lambda d: (d / "o" / "graph.html").mkdir(parents=True), "is a folder, where the output file goes"),
    ],
    ids=["output-is-a-file", "output-under-a-file", "graph.ttl-is-a-folder", "graph.html-is-a-folder"],
)
def test_class7_output_folder_checked_before_any_input_is_read(tmp_path, make, reason):
    make(tmp_path)
    out = tmp_path / ("f/sub/o" if "under" in reason or "is a file," in reason else "o")
    # the input does not exist: had the inputs been read first, that would be the error
    proc = run_kg("build", str(tmp_path / "missing.txt"), "-o", str(out))
    assert proc.returncode == 2, proc.stderr
    assert reason in one_line(proc) and "missing.txt" not in proc.stderr


def test_class7_read_only_folder_refused(tmp_path, monkeypatch):
    # chmod does not stop root, who runs CI: the check asks os.access, so ask it to say no
    monkeypatch.setattr(os, "access", lambda p, mode: False)
    (tmp_path / "o").mkdir()
    with pytest.raises(outputs.OutputError, match="not writable"):
        outputs.check(tmp_path / "o")
    with pytest.raises(outputs.OutputError, match="cannot be made"):
        outputs.check(tmp_path / "new" / "o")


def test_class7_disk_full_keeps_the_old_set(tmp_path, built_a):
    out, before = built_a
    out2 = tmp_path / "out"
    subprocess.run(["cp", "-a", str(out), str(out2)], check=True)

    def small_disk():  # writes past 20 KB fail (EFBIG) as on a full disk (ENOSPC)
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (20_000, 20_000))

    proc = run_kg("build", str(SAMPLE_B), "-o", str(out2), preexec_fn=small_disk)
    assert proc.returncode == 2
    line = one_line(proc)
    assert line.startswith(f"kg: {out2}: cannot write") and "previous outputs are kept" in line
    assert digest(out2) == before
    assert [p.name for p in out2.glob(".kg-gen-*")] == [os.readlink(out2 / ".kg-current")]
    assert proc.stdout == ""


# ---------------------------------------------------------------- 8. stopped builds


@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGTERM])
def test_class8_stopped_build_says_one_line_and_keeps_the_old_set(tmp_path, built_a, sig):
    out, before = built_a
    out2 = tmp_path / "out"
    subprocess.run(["cp", "-a", str(out), str(out2)], check=True)
    proc = subprocess.Popen(
        [sys.executable, "-m", "kg", "build", str(SAMPLE_B), "-o", str(out2)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    time.sleep(1.5)  # inside the imports or the extraction
    proc.send_signal(sig)
    _, err = proc.communicate(timeout=120)
    if proc.returncode == 0:
        pytest.skip("the build ended before the signal came")  # a very fast machine
    assert proc.returncode == 130, err
    assert err.count("\n") == 1 and "earlier outputs are kept" in err and "Traceback" not in err
    assert digest(out2) == before


def test_class8_stale_temporaries_removed_by_the_next_build(tmp_path, built_a):
    out, _ = built_a
    out2 = tmp_path / "out"
    subprocess.run(["cp", "-a", str(out), str(out2)], check=True)
    (out2 / ".kg-gen-19990101000000-1").mkdir()  # what a killed build leaves
    (out2 / ".kg-gen-19990101000000-1" / "graph.ttl").write_text("half")
    (out2 / ".graph.ttl.abc123.tmp").write_text("half")  # an older version's temporary
    (out2 / ".kg-current.77.tmp").symlink_to("nowhere")
    assert run_kg("build", str(SAMPLE_B), "-o", str(out2)).returncode == 0
    hidden = sorted(p.name for p in out2.iterdir() if p.name.startswith(".") and p.name != ".kg-cache")
    assert len(hidden) == 3 and hidden[:2] == [".kg-current", ".kg-gen-" + hidden[1][8:]]
    assert hidden[2] == ".kg-lock" and os.readlink(out2 / ".kg-current") == hidden[1]


def test_class8_outputs_of_an_older_version_are_replaced(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    (out / "graph.ttl").write_text("old")  # plain files, as versions before the set switch wrote
    (out / "graph.html").write_text("old")
    assert run_kg("build", str(SAMPLE_A), "-o", str(out)).returncode == 0
    assert (out / "graph.ttl").is_symlink() and (out / "graph.ttl").read_text(encoding="utf-8") != "old"
    assert (out / "graph.html").read_text(encoding="utf-8") != "old"


# ---------------------------------------------------------------- 9. two builds into one folder


def test_class9_second_build_into_a_locked_folder_is_refused(tmp_path, built_a):
    out, before = built_a
    out2 = tmp_path / "out"
    subprocess.run(["cp", "-a", str(out), str(out2)], check=True)
    with outputs.locked(out2):  # a build in progress
        proc = run_kg("build", str(SAMPLE_B), "-o", str(out2))
    assert proc.returncode == 2
    assert one_line(proc) == f"kg: {out2}: another kg build is writing to this folder"
    assert digest(out2) == before


def test_class9_concurrent_builds_leave_one_whole_set(tmp_path, built_a):
    _, set_a = built_a
    out = tmp_path / "out"
    procs = [
        subprocess.Popen(
            [sys.executable, "-m", "kg", "build", str(s), "-o", str(out)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )
        for s in (SAMPLE_A, SAMPLE_B)
    ]
    results = [(p.wait(timeout=300), p.stderr.read()) for p in procs]
    for rc, err in results:
        assert rc == 0 or (rc == 2 and "another kg build is writing" in err), err
    assert any(rc == 0 for rc, _ in results)
    ttl = (out / "graph.ttl").read_text(encoding="utf-8")
    html = (out / "graph.html").read_text(encoding="utf-8")
    name = SAMPLE_A.name if digest(out) == set_a else SAMPLE_B.name
    assert name in ttl and name in html
    other = SAMPLE_B.name if name == SAMPLE_A.name else SAMPLE_A.name
    assert other not in ttl and other not in html


def test_class8_file_system_without_symbolic_links(tmp_path, monkeypatch):
    """Where no link can be made (FAT, some shares), the files are moved into place one by one."""
    import errno

    from kg.build import build

    def no_links(*_a, **_k):
        raise OSError(errno.EPERM, "Operation not permitted")

    monkeypatch.setattr(os, "symlink", no_links)
    out = tmp_path / "out"
    result = build([SAMPLE_A], out)
    assert result.written and not result.errors
    assert sorted(p.name for p in out.iterdir()) == [".kg-lock", "graph.html", "graph.oxigraph", "graph.ttl"]
    assert not (out / "graph.ttl").is_symlink() and "001_baa82a02c22cd2c2.txt" in (
        out / "graph.ttl"
    ).read_text(encoding="utf-8")
    assert build([SAMPLE_A], out).written  # again: the store folder is replaced too
    assert sorted(p.name for p in out.iterdir()) == [".kg-lock", "graph.html", "graph.oxigraph", "graph.ttl"]
