"""Incremental rebuilds: the store of a new generation made from the previous one by the difference of
their sorted N-Triples lines (kg.storeupdate) holds exactly what a fresh build's store holds, and the
previous outputs stay whole when the new generation fails."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pyoxigraph as ox
import pytest

from kg import storeupdate
from kg.build import build
from kg.errors import OutputError

MORE = Path(__file__).resolve().parent / "data" / "corpus-more"
FIRST = ("02_gwy_cujinjiuye_ruoganyijian.txt", "12_xinjiang_zhijianju_xinwenxuanchuan.txt")
ADDED = "24_haikou_shuiwu_gonggao.txt"


@pytest.fixture()
def inputs(tmp_path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    for name in FIRST:
        shutil.copy(MORE / name, folder / name)
    return folder


def _store(out: Path) -> list[str]:
    dump = ox.Store.read_only(str(out / "graph.oxigraph")).dump(format=ox.RdfFormat.N_QUADS)
    return sorted(dump.decode("utf-8").splitlines())


def _how(out: Path) -> dict:
    """How the store was made (its seconds, [wall, CPU] of each part, checked and set aside)."""
    info = json.loads((out / "graph.oxigraph" / storeupdate.INFO).read_text(encoding="utf-8"))
    assert set(info.pop("seconds")) == {"store", "turtle", "both"}
    return info


def _same_as_fresh(inputs: Path, out: Path, fresh: Path) -> None:
    build([inputs], fresh)
    for name in ("graph.ttl", "graph.html"):
        assert (out / name).read_bytes() == (fresh / name).read_bytes(), name
    assert _store(out) == _store(fresh)


def test_added_file_updates_the_store_by_difference(inputs, tmp_path):
    out = tmp_path / "out"
    build([inputs], out, cache=True)
    assert _how(out) == {"from": "load"}
    shutil.copy(MORE / ADDED, inputs / ADDED)
    build([inputs], out, cache=True)
    how = _how(out)
    assert how["from"] == "difference" and how["added"] > 0
    _same_as_fresh(inputs, out, tmp_path / "fresh")


def test_removed_file_removes_its_triples(inputs, tmp_path):
    shutil.copy(MORE / ADDED, inputs / ADDED)
    out = tmp_path / "out"
    build([inputs], out, cache=True)
    (inputs / ADDED).unlink()
    build([inputs], out, cache=True)
    how = _how(out)
    assert how["from"] == "difference" and how["removed"] > 0 and how["added"] == 0
    assert ADDED not in "".join(_store(out))
    _same_as_fresh(inputs, out, tmp_path / "fresh")


def test_a_large_difference_is_loaded_afresh(inputs, tmp_path):
    out = tmp_path / "out"
    build([inputs], out, cache=True)
    for p in inputs.iterdir():
        p.unlink()
    shutil.copy(MORE / ADDED, inputs / ADDED)
    build([inputs], out, cache=True)
    assert _how(out) == {"from": "load"}
    _same_as_fresh(inputs, out, tmp_path / "fresh")


def test_previous_outputs_survive_a_failed_store(inputs, tmp_path, monkeypatch):
    out = tmp_path / "out"
    build([inputs], out, cache=True)
    before = {n: (out / n).read_bytes() for n in ("graph.ttl", "graph.html")}
    store_before = _store(out)
    shutil.copy(MORE / ADDED, inputs / ADDED)

    def failing(gen, previous):
        from kg.diskstore import Pending

        proc = subprocess.Popen(
            [sys.executable, "-c", "import sys; sys.exit('disk full')"], stderr=subprocess.PIPE
        )
        return Pending(proc, gen / "graph.oxigraph")

    monkeypatch.setattr(storeupdate, "start", failing)
    with pytest.raises(OutputError, match="previous outputs are kept"):
        build([inputs], out, cache=True)
    assert {n: (out / n).read_bytes() for n in before} == before
    assert _store(out) == store_before
    assert len(list(out.glob(".kg-gen-*"))) == 1


def test_diff_of_sorted_lines(tmp_path):
    old, new = tmp_path / "old.nt", tmp_path / "new.nt"
    old.write_bytes(b'<a> <p> <b> .\n<a> <p> <c> .\n<c> <p> "\xe4\xb8\xad" .\n')
    new.write_bytes(b'<a> <p> <b> .\n<b> <p> <c> .\n<c> <p> "\xe4\xb8\xad" .\n<d> <p> <e> .\n')
    gone, added, n = storeupdate.diff(old, new)
    assert gone == [b"<a> <p> <c> ."] and added == [b"<b> <p> <c> .", b"<d> <p> <e> ."] and n == 4


def test_unsorted_lines_are_never_diffed(tmp_path):
    old, new = tmp_path / "old.nt", tmp_path / "new.nt"
    old.write_bytes(b"<urn:b> <urn:p> <urn:c> .\n<urn:a> <urn:p> <urn:b> .\n")
    new.write_bytes(b"<urn:a> <urn:p> <urn:b> .\n")
    with pytest.raises(storeupdate.Unsorted):
        storeupdate.diff(old, new)
    store = tmp_path / "old.oxigraph"
    storeupdate.update(old.with_name("new.nt"), store)  # any store: it is not used
    assert json.loads((store / storeupdate.INFO).read_text(encoding="utf-8")) == {"from": "load"}
    old.write_bytes(b"<urn:b> <urn:p> <urn:c> .\n<urn:a> <urn:p> <urn:b> .\n")
    info = storeupdate.update(new, tmp_path / "target", store, old)
    assert info == {"from": "load"}
    got = ox.Store.read_only(str(tmp_path / "target")).dump(format=ox.RdfFormat.N_QUADS)
    assert got.decode("utf-8").strip() == "<urn:a> <urn:p> <urn:b> ."
