"""``kg trace``: what a document rests on and what rests on it, on the samples and on long chains."""

import json
from pathlib import Path

import pytest
from rdflib import Graph, Literal

from kg.cli import main
from kg.query import trace
from kg.store import load, save_turtle
from kg.vocab import DOC as DOCNS
from kg.vocab import ELI
from tests.synthetic import citation_chain

SAMPLES = Path(__file__).parent.parent / "samples"


def _numbers(lines):
    return {ln.doc.number: ln for ln in lines[1:] if ln.doc.number}


@pytest.mark.parametrize(
    "spelling", ["绍柯政办发〔2022〕15号", "绍柯政办发[2022]15号", "绍柯政办发（2022）15号"]
)
def test_up_from_15_reaches_state_province_and_city(store, spelling):
    lines = trace.trace(store, trace.resolve_document(store, spelling), "up")
    assert lines[0].doc.number == "绍柯政办发〔2022〕15号"
    found = _numbers(lines)
    assert found["国办〔2021〕22号"].doc.level == "national"
    assert found["国办〔2021〕22号"].doc.issuer == "国务院办公厅"
    assert found["浙政办发〔2021〕59号"].doc.level == "provincial"
    assert found["绍政办发〔2022〕4号"].doc.level == "prefecture"
    # these citations are made by the attached plan: they count for the notice
    assert found["国办〔2021〕22号"].relation == "implements"
    assert "柯桥区加快发展保障性租赁住房实施方案" in lines[0].doc.parts


def test_the_attached_plan_traces_as_its_notice(store):
    start = trace.resolve_document(store, "柯桥区加快发展保障性租赁住房实施方案")
    assert trace.trace(store, start)[0].doc.number == "绍柯政办发〔2022〕15号"


def test_down_finds_every_document_resting_on_it(store, graph_path):
    lines = trace.trace(store, trace.resolve_document(store, "绍政办发（2021）3号"), "down")
    assert lines[0].doc.level == "prefecture"
    got = set(_numbers(lines))
    assert "绍柯政办发〔2022〕14号" in got
    g = Graph().parse(graph_path)  # independent check by walking triples
    target = next(g.subjects(ELI.id_local, Literal("绍政办发〔2021〕3号")))
    citing = set()
    for d in g.subjects(ELI.cites, target):
        notice = g.value(d, ELI.is_part_of) or d
        citing.add(str(g.value(notice, ELI.id_local)))
    assert citing <= got


def test_down_from_state_council_reaches_district(store):
    lines = trace.trace(store, trace.resolve_document(store, "国办〔2021〕22号"), "down")
    assert "绍柯政办发〔2022〕15号" in _numbers(lines)


def test_ambiguous_title_lists_candidates(store):
    with pytest.raises(trace.NotFound) as e:
        trace.resolve_document(store, "实施方案")
    assert len(e.value.candidates) > 1
    with pytest.raises(trace.NotFound):
        trace.resolve_document(store, "没有这个文件")


def test_cli_text_and_json(graph_path, capsys):
    assert main(["trace", "绍柯政办发〔2022〕15号", "--up", "-g", str(graph_path)]) == 0
    text = capsys.readouterr().out
    assert "[实施] 国办〔2021〕22号" in text and "(国家)" in text and "(省)" in text and "(市)" in text
    assert main(["trace", "绍政办发〔2021〕3号", "--down", "--json", "-g", str(graph_path)]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert rows[0]["depth"] == 0 and any(r["number"] == "绍柯政办发〔2022〕14号" for r in rows)
    assert main(["trace", "实施方案", "-g", str(graph_path)]) == 1


# ---------------------------------------------------------------- small and long synthetic graphs


def _chain(tmp_path, n, cycle=False):
    g = citation_chain(n, cycle=cycle)
    path = tmp_path / "chain.ttl"
    save_turtle(g, path)
    return g, path


def test_cycle_is_guarded(tmp_path):
    _, path = _chain(tmp_path, 3, cycle=True)
    lines = trace.trace(load(path), str(DOCNS["d0"]), "up")
    assert [ln.doc.number for ln in lines] == [
        "测试发〔2020〕1号",
        "测试发〔2020〕2号",
        "测试发〔2020〕3号",
        "测试发〔2020〕1号",
    ]
    assert lines[-1].repeated and not lines[0].repeated


def test_depth_limit(tmp_path):
    _, path = _chain(tmp_path, 5)
    lines = trace.trace(load(path), str(DOCNS["d0"]), "up", depth=2)
    assert [ln.depth for ln in lines] == [0, 1, 2]


def test_long_chain_both_ways_without_rdflib(tmp_path, monkeypatch):
    n = 1200
    g, path = _chain(tmp_path, n)
    # rdflib's own evaluation of the transitive path fails on this chain ...
    with pytest.raises(RecursionError):
        list(
            g.query(
                "SELECT ?x WHERE { ?s eli:cites+ ?x }", initNs={"eli": ELI}, initBindings={"s": DOCNS["d0"]}
            )
        )
    # ... and trace does not use it: any rdflib SPARQL call would fail the test.
    monkeypatch.setattr(Graph, "query", lambda *a, **k: pytest.fail("rdflib SPARQL used"))
    store = load(path)
    up = trace.trace(store, trace.resolve_document(store, "测试发[2020]1号"), "up")
    assert len(up) == n and up[-1].depth == n - 1
    down = trace.trace(store, str(DOCNS[f"d{n - 1}"]), "down")
    assert len(down) == n and down[-1].doc.number == "测试发〔2020〕1号"
    assert len(json.dumps(trace.to_rows(up), ensure_ascii=False)) > 0
