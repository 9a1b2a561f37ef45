"""kg stats: counts, agency load, citation ranking and chains, the to-collect list."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from rdflib import RDF, Literal
from rdflib.namespace import DCTERMS, SKOS

from kg.cli import main
from kg.graph import new_graph, zh
from kg.query import netx, stats
from kg.vocab import ELI, KG, ORG, doc_iri, org_iri

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "tests" / "data" / "gold"


@pytest.fixture(scope="module")
def sample_ttl(sample_build) -> Path:
    out = sample_build
    return out / "graph.ttl"


@pytest.fixture(scope="module")
def sample(sample_ttl):
    return stats.summary(netx.to_networkx(sample_ttl), top=0)


def test_to_collect_holds_cited_unprinted_documents(sample_ttl, sample):
    by_number = {d["number"]: d for d in sample["to_collect"]}
    assert by_number["国办〔2021〕22号"]["issuer"] == "国务院办公厅"
    assert by_number["浙政办发〔2021〕59号"]["issuer"] == "浙江省人民政府办公厅"
    assert by_number["国办〔2021〕22号"]["cited_by"]
    assert "绍柯政办发〔2022〕14号" not in by_number
    printed = {n for n, p in netx.to_networkx(sample_ttl).nodes(data="printed") if p}
    assert printed and not printed & {d["id"] for d in sample["to_collect"]}
    counts = [d["cited_by_count"] for d in sample["to_collect"]]
    assert counts == sorted(counts, reverse=True)


def _gold_roles(unit: str) -> dict[str, int]:
    out = {"lead": 0, "responsible": 0}
    for f in sorted(GOLD.glob("00[01]_*.json")):
        for t in json.loads(f.read_text(encoding="utf-8"))["tasks"]:
            for role in out:
                out[role] += unit in t.get(role, [])
    return out


def _org_named(ttl: Path, name: str) -> str | None:
    """The organisation whose prefLabel or one of whose altLabels is ``name``."""
    g = netx.to_networkx(ttl, kinds=["organisation"])
    hits = [n for n, d in g.nodes(data=True) if name == d["label"] or name in d["aliases"].split("|")]
    return hits[0] if hits else None


def test_agency_load_of_district_construction_bureau(sample_ttl, sample):
    node = _org_named(sample_ttl, "区建设局")
    if node is None:
        pytest.xfail("the graph has no organisation named 区建设局 yet (organisations module)")
    row = next(a for a in sample["agencies"] if a["id"] == node)
    gold = _gold_roles("区建设局")
    assert gold == {"lead": 1, "responsible": 29}
    for role, n in gold.items():  # extraction is still improving: within a quarter of the gold count
        assert abs(row[role] - n) <= max(2, n // 4), (role, row[role], n)
    assert sample["agencies"][0]["total"] >= row["total"]
    assert row["label"] in stats.render(stats.summary(netx.to_networkx(sample_ttl)))


def test_levels_and_counts_on_samples(sample):
    assert sample["counts"]["printed documents"] >= 10
    assert {"county", "provincial", "national"} <= set(sample["levels"]["document"])


def _cites(g, a: str, b: str) -> None:
    for x in (a, b):
        g.add((doc_iri(x), RDF.type, ELI.LegalResource))
    g.add((doc_iri(a), ELI.cites, doc_iri(b)))


@pytest.fixture
def small():
    """A→B→C, D→B, E⇄F (a cycle), A→P with P part of A, task T led by unit U; A is printed, C is not and has a 文号."""
    g = new_graph()
    for a, b in (("A", "B"), ("B", "C"), ("D", "B"), ("E", "F"), ("F", "E")):
        _cites(g, a, b)
    g.add((doc_iri("A"), DCTERMS.source, Literal("a.txt")))
    _cites(g, "A", "P")  # A transmits its attached plan P: one publication, not a citation that counts
    g.add((doc_iri("P"), ELI.is_part_of, doc_iri("A")))
    g.add((doc_iri("C"), ELI.id_local, Literal("国办发〔2020〕1号")))
    u, t = org_iri("U"), KG["t1"]
    g.add((u, RDF.type, ORG.Organization))
    g.add((u, SKOS.prefLabel, zh("某局")))
    g.add((t, RDF.type, KG.Task))
    g.add((t, KG.leadUnit, u))
    g.add((t, KG.supportingUnit, u))
    g.add((doc_iri("A"), ELI.passed_by, u))
    return netx.to_networkx(g)


def test_ranking_chains_and_load_on_a_small_graph(small):
    docs = stats.cited_documents(small)
    assert docs[0]["id"] == str(doc_iri("B")) and docs[0]["cited_by"] == 2
    assert str(doc_iri("P")) not in {d["id"] for d in docs}
    rank = {d["id"]: d["pagerank"] for d in docs}
    assert rank[str(doc_iri("C"))] > rank[str(doc_iri("B"))] > rank.get(str(doc_iri("A")), 0)
    chains = stats.longest_chains(small)
    assert [str(doc_iri(x)) for x in "ABC"] in chains or [str(doc_iri(x)) for x in "DBC"] in chains
    assert len(chains[0]) == 3
    (load,) = stats.agency_load(small)
    assert (load["lead"], load["responsible"], load["supporting"], load["issued"]) == (1, 0, 1, 1)
    collect = {d["id"]: d for d in stats.to_collect(small)}
    assert str(doc_iri("A")) not in collect
    assert collect[str(doc_iri("C"))]["issuer"] == "国务院办公厅"  # decoded from the 文号


def test_cli_json_and_missing_graph(sample_ttl, capsys, tmp_path):
    assert main(["stats", str(sample_ttl), "--json", "--top", "3"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert len(out["agencies"]) == 3 and "to_collect" in out
    assert main(["stats", str(tmp_path / "none.ttl")]) == 2
