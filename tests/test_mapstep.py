"""The map step on several cores and the per-file fact cache (kg.mapstep): the graph must be the
same bytes as a build on one core without a cache."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from kg import mapstep
from kg.build import build

MORE = Path(__file__).resolve().parent / "data" / "corpus-more"
SMALL = ("02_gwy_cujinjiuye_ruoganyijian.txt", "12_xinjiang_zhijianju_xinwenxuanchuan.txt")
ADDED = "24_haikou_shuiwu_gonggao.txt"


def _ttl(out: Path) -> bytes:
    return (out / "graph.ttl").read_bytes()


@pytest.fixture()
def inputs(tmp_path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    for name in SMALL:
        shutil.copy(MORE / name, folder / name)
    return folder


def test_two_workers_give_the_same_graph_as_one(sample_build, tmp_path):
    from tests.conftest import ROOT

    build([ROOT / "samples"], tmp_path / "j2", view=False, jobs=2)
    assert _ttl(tmp_path / "j2") == _ttl(sample_build)


def test_a_rebuild_extracts_only_the_added_file_and_matches_a_fresh_build(inputs, tmp_path, monkeypatch):
    out = tmp_path / "out"
    build([inputs], out, view=False, cache=True)
    shutil.copy(MORE / ADDED, inputs / ADDED)
    extracted = []
    real = mapstep.extract_file
    monkeypatch.setattr(mapstep, "extract_file", lambda p: extracted.append(p.name) or real(p))
    build([inputs], out, view=False, cache=True)
    assert extracted == [ADDED]
    build([inputs], tmp_path / "fresh", view=False)
    assert _ttl(out) == _ttl(tmp_path / "fresh")


def test_a_removed_file_is_dropped_from_graph_and_cache(inputs, tmp_path):
    out = tmp_path / "out"
    build([inputs], out, view=False, cache=True)
    (inputs / SMALL[1]).unlink()
    build([inputs], out, view=False, cache=True)
    build([inputs], tmp_path / "fresh", view=False)
    assert _ttl(out) == _ttl(tmp_path / "fresh")
    assert SMALL[1] not in _ttl(out).decode("utf-8")
    kept = list((out / mapstep.CACHE).rglob("*.pickle"))
    assert len(kept) == 1


def test_a_changed_file_is_extracted_again(inputs, tmp_path, monkeypatch):
    out = tmp_path / "out"
    build([inputs], out, view=False, cache=True)
    f = inputs / SMALL[0]
    f.write_text(f.read_text(encoding="utf-8") + "\n附件：无\n", encoding="utf-8")
    extracted = []
    real = mapstep.extract_file
    monkeypatch.setattr(mapstep, "extract_file", lambda p: extracted.append(p.name) or real(p))
    build([inputs], out, view=False, cache=True)
    assert extracted == [SMALL[0]]


def test_another_extractor_version_does_not_use_old_facts(inputs, tmp_path, monkeypatch):
    out = tmp_path / "out"
    build([inputs], out, view=False, cache=True)
    monkeypatch.setattr(mapstep, "extractor_version", lambda: "another")
    extracted = []
    real = mapstep.extract_file
    monkeypatch.setattr(mapstep, "extract_file", lambda p: extracted.append(p.name) or real(p))
    build([inputs], out, view=False, cache=True)
    assert sorted(extracted) == sorted(SMALL)
    assert [d.name for d in (out / mapstep.CACHE).iterdir()] == ["another"]


def test_an_unreadable_input_is_reported_as_without_workers(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(MORE / ADDED, folder / ADDED)
    (folder / "broken.pdf").write_bytes(b"%PDF-1.4 not really")
    one = build([folder], tmp_path / "one", view=False)
    two = build([folder], tmp_path / "two", view=False, jobs=2)
    assert [(p.name, why) for p, why in two.errors] == [(p.name, why) for p, why in one.errors]
    assert one.errors and _ttl(tmp_path / "one") == _ttl(tmp_path / "two")
