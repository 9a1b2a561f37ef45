"""``kg build`` over awkward and bad input: every good file built, one line per bad file, atomic outputs."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
import rdflib

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "samples" / "001_baa82a02c22cd2c2.txt"
ELI = rdflib.Namespace("http://data.europa.eu/eli/ontology#")


def kg(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "kg", *args], capture_output=True, text=True, cwd=cwd)


@pytest.fixture(scope="module")
def mixed(tmp_path_factory) -> Path:
    d = tmp_path_factory.mktemp("mixed")
    text = SAMPLE.read_text(encoding="utf-8")
    (d / "good_utf8.txt").write_text(text, encoding="utf-8")
    (d / "gbk.txt").write_bytes(text.encode("gb18030"))
    (d / "utf16.txt").write_bytes(text.replace("绍柯政办发", "绍柯政办发", 1).encode("utf-16"))
    (d / "empty.txt").write_bytes(b"")
    (d / "picture.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    (d / "truncated.pdf").write_bytes(b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog")
    (d / "undecodable.txt").write_bytes("通知".encode() + b"\xff\xfe\xfa" + "关于".encode("gb18030")[:1] * 3)
    line = text.replace("\n", " ").encode("utf-8")
    (d / "oneline.txt").write_bytes(
        (line * (5_000_000 // len(line) + 1))[:5_000_000].decode("utf-8", "ignore").encode()
    )
    return d


@pytest.fixture(scope="module")
def built(mixed, tmp_path_factory):
    out = tmp_path_factory.mktemp("out")
    proc = kg("build", str(mixed), "-o", str(out))
    return proc, out


BAD = ("empty.txt", "picture.txt", "truncated.pdf", "undecodable.txt")


def test_exit_status_and_one_line_per_bad_file(built, mixed):
    proc, _ = built
    assert proc.returncode == 1
    lines = [ln for ln in proc.stderr.splitlines() if ln.startswith("kg: ")]
    assert len(lines) == len(BAD), proc.stderr
    for name in BAD:
        line = next(ln for ln in lines if name in ln)
        assert line.startswith(f"kg: {mixed / name}: ") and len(line.split(": ", 2)[2]) > 3


def test_good_files_in_every_encoding_are_built(built):
    _, out = built
    g = rdflib.Graph().parse(out / "graph.ttl", format="turtle")
    sources = {str(o) for o in g.objects(None, rdflib.URIRef("http://purl.org/dc/terms/source"))}
    assert {"good_utf8.txt", "gbk.txt", "utf16.txt"} <= sources
    # the 5 MB file with no line break prints no document (no line holds a 文号 alone) but is read
    files = {str(o) for o in g.objects(None, rdflib.URIRef("https://w3id.org/govdoc-kg/ontology#sourceFile"))}
    assert "oneline.txt" in files
    # the same document printed in three files is one node
    nodes = set(g.subjects(ELI.id_local, rdflib.Literal("绍柯政办发〔2022〕14号")))
    assert len(nodes) == 1
    assert (out / "graph.html").stat().st_size > 1000


def test_outputs_are_whole_files_and_no_temporaries_left(built):
    _, out = built
    names = sorted(p.name for p in out.iterdir())
    assert [n for n in names if not n.startswith(".")] == ["graph.html", "graph.oxigraph", "graph.ttl"]
    hidden = [n for n in names if n.startswith(".")]  # the fact cache, the lock, the current set and its link
    assert len(hidden) == 4 and {".kg-cache", ".kg-lock", ".kg-current"} <= set(hidden), hidden
    gen = out / ".kg-current"
    assert sorted(p.name for p in gen.iterdir()) == [".graph.nt", "graph.html", "graph.oxigraph", "graph.ttl"]
    assert (out / "graph.ttl").read_bytes() == (gen / "graph.ttl").read_bytes()


def test_nothing_written_is_lost_when_no_input_can_be_read(tmp_path, mixed):
    out = tmp_path / "out"
    assert kg("build", str(SAMPLE), "-o", str(out)).returncode == 0
    before = (out / "graph.ttl").read_bytes()
    proc = kg("build", str(mixed / "empty.txt"), "-o", str(out))
    assert proc.returncode == 1 and "empty" in proc.stderr
    assert (out / "graph.ttl").read_bytes() == before


def test_default_output_folder_and_usage_errors(tmp_path):
    proc = kg("build", str(SAMPLE), cwd=tmp_path)
    assert proc.returncode == 0 and (tmp_path / "output" / "graph.ttl").exists()
    assert kg("build").returncode == 2
    assert kg("frobnicate").returncode == 2


def test_missing_path_is_reported(tmp_path):
    proc = kg("build", str(tmp_path / "nope.txt"), "-o", str(tmp_path / "o"))
    assert proc.returncode == 1 and "nope.txt" in proc.stderr


def test_quiet_progress_when_stderr_is_not_a_terminal(tmp_path):
    proc = kg("build", str(SAMPLE), "-o", str(tmp_path / "o"))
    assert proc.stderr == ""


def test_lookups_on_a_missing_graph_say_so_in_one_line(tmp_path):
    missing = str(tmp_path / "none.ttl")
    for args in (
        ["who", "区建设局", "-g", missing],
        ["trace", "国发〔2018〕39号", "-g", missing],
        ["orgs", "-g", missing],
        ["tasks", "all", "-g", missing],
        ["stats", missing],
        ["docs", missing],
        ["export", missing, "--to", "nt", "-o", str(tmp_path / "x.nt")],
        ["validate", missing],
        ["view", missing, "-o", str(tmp_path / "x.html")],
    ):
        proc = kg(*args)
        assert proc.returncode == 2
        assert (
            proc.stderr.strip()
            == f"kg: {tmp_path / 'none.ttl'}: no such graph (build one with `kg build PATH -o OUTDIR`)"
        )
