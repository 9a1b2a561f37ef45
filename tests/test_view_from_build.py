"""The explorer's model made during a build from the resolved corpus (:func:`kg.graph.explorer_model`)
is the model of the graph that build writes (:func:`kg.view.model.build_model` of its triples)."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from kg.graph import explorer_model, lines, to_rdf
from kg.mapstep import extract_all
from kg.models import Evidence, OrgIdentity
from kg.resolve import CiteEdge, Corpus, DocNode, EntryNode, OrgNode, TaskNode
from kg.view.model import build_model
from kg.view.page import render

ROOT = Path(__file__).parent.parent
HOSTILE = '</script><img src=x onerror=alert(1)>"\\n\\'


@pytest.mark.parametrize("folder", ["samples", "tests/data/corpus-more"])
def test_model_from_corpus_is_model_of_graph(folder):
    corpus = extract_all([ROOT / folder]).corpus
    assert render(explorer_model(corpus, lines(corpus).evidence)) == render(build_model(to_rdf(corpus)))


def _hostile_corpus() -> Corpus:
    """A corpus made by hand (云南 style names) whose strings need every N-Triples escape, with a
    task id given twice and evidence shared between nodes."""
    ev = Evidence("/in/云南\\昆明.txt", 3, 9, f'昆明市"{HOSTILE}"')
    ev2 = Evidence("/in/云南\\昆明.txt", 20, 31, "市发展改革委\n牵头")
    c = Corpus()
    c.docs["d1"] = DocNode(
        "d1",
        number="昆政办发〔2023〕7号",
        titles=[f"关于{HOSTILE}的通知", "别名\r\n标题"],
        issuers=["昆明市/发展和改革委员会"],
        date="2023-04-01",
        sources=["昆明.txt", "b\\c.txt"],
        evidence=[ev, ev2],
        recipients=["各县（市、区）人民政府"],
        level="prefecture",
    )
    c.docs["d2"] = DocNode("d2", titles=["昆明市实施方案"], part_of="d1", evidence=[ev2])
    ident = OrgIdentity(
        "昆明市/发展和改革委员会", f"昆明市发展和改革委员会{HOSTILE}", "department", "prefecture"
    )
    sub = OrgIdentity("昆明市/发展和改革委员会/办公室", "办公室", "department", "prefecture", ident.key)
    c.orgs[ident.key] = OrgNode(ident, Counter({"市发展\n 改革委": 2, ident.canonical: 1}), [ev2, ev])
    c.orgs[sub.key] = OrgNode(sub, Counter({"办公室": 1}), [ev])
    for label in ("一", "二"):  # one id twice: one subject in the graph, two labels
        c.tasks.append(
            TaskNode("t1", "d1", label, "lead", [ident.key], [sub.key], [], ["步骤", HOSTILE], None, "x", ev)
        )
    c.tasks.append(TaskNode("t2", "d2", "三", "lead", [], [], [ident.key], [], "年底前", HOSTILE, ev2))
    c.entries["e1"] = EntryNode("e1", f"【{HOSTILE}】", "/in/年鉴.txt", ev)
    c.cites += [
        CiteEdge("d2", "d1", "implements", ev2),
        CiteEdge("d2", "d1", "cites", ev),
        CiteEdge("e1", "d1", "basis", ev),
    ]
    c.mentions.append(("d1", ident.key, ev))
    return c


def test_hostile_hand_made_corpus():
    c = _hostile_corpus()
    built, read_back = explorer_model(c, lines(c).evidence), build_model(to_rdf(c))
    assert built == read_back
    assert any(HOSTILE in n["l"] for n in built["nodes"])
    assert {e[2] for e in built["edges"]} >= {
        "lead",
        "resp",
        "supp",
        "part",
        "issued",
        "sub",
        "impl",
        "basis",
        "mentions",
    }


def test_a_difference_would_show():
    """The comparison sees a value the writer and the reader would disagree on."""
    c = _hostile_corpus()
    before = explorer_model(c)
    c.docs["d1"].titles[0] += "!"
    assert explorer_model(c) != before
    assert explorer_model(c) == build_model(to_rdf(c))
