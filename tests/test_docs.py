"""kg docs: in force on a date (unknown kept apart), issuer by any name form, 公文种类, printed only."""

from __future__ import annotations

import csv
import io
import json
from datetime import date
from pathlib import Path

import pytest
from rdflib import RDF, Literal
from rdflib.namespace import DCTERMS, SKOS

from kg import store
from kg.cli import main
from kg.graph import new_graph, zh
from kg.query import docs, netx
from kg.vocab import ELI, ORG, doc_iri, org_iri

ROOT = Path(__file__).resolve().parent.parent
ON = date(2023, 1, 1)


@pytest.fixture(scope="module")
def sample_ttl(sample_build) -> Path:
    out = sample_build
    return out / "graph.ttl"


def _doc(g, key: str, title: str, start: str | None = None, end: str | None = None, printed: bool = True):
    s = doc_iri(key)
    g.add((s, RDF.type, ELI.LegalResource))
    g.add((s, ELI.id_local, Literal(key)))
    g.add((s, ELI.title, zh(title)))
    if start:
        g.add((s, ELI.first_date_entry_in_force, Literal(date.fromisoformat(start))))
    if end:
        g.add((s, ELI.date_no_longer_in_force, Literal(date.fromisoformat(end))))
    if printed:
        g.add((s, DCTERMS.source, Literal("x.txt")))
    return s


@pytest.fixture
def small():
    g = new_graph()
    office = org_iri("office")
    g.add((office, RDF.type, ORG.Organization))
    g.add((office, SKOS.prefLabel, zh("绍兴市柯桥区人民政府办公室")))
    g.add((office, SKOS.altLabel, zh("区府办")))
    for key, title, start, end in (
        ("甲〔2022〕1号", "关于甲的实施意见", "2022-06-19", "2025-12-31"),
        ("乙〔2020〕1号", "关于乙的通知", "2020-01-01", "2021-12-31"),  # expired before 2023
        ("丙〔2022〕2号", "关于丙的通知", "2024-01-01", None),  # not yet in force
        ("丁〔2022〕3号", "关于丁的通知", "2022-01-01", None),  # in force, no end
        ("戊〔2022〕4号", "关于戊的通知", None, None),  # no dates: unknown
        ("己〔2022〕5号", "关于己的通知", None, "2030-01-01"),  # only an end: unknown
    ):
        g.add((_doc(g, key, title, start, end), ELI.passed_by, office))
    _doc(g, "国办〔2021〕22号", "国务院办公厅关于加快发展保障性租赁住房的意见", printed=False)
    return docs.load(netx.as_store(g))


def _numbers(rows):
    return {d.number for d in rows}


def test_in_force_on_a_date_on_samples(sample_ttl):
    rows = docs.select(docs.load(store.load(sample_ttl)), on=ON)
    hit = next(d for d in rows if d.number == "绍柯政办发〔2022〕14号")
    assert hit.in_force is True and (hit.in_force_from, hit.in_force_until) == ("2022-06-19", "2025-12-31")
    assert all(d.printed for d in rows)
    assert all(d.in_force is None for d in rows if not d.in_force_from)


def test_expired_and_future_documents_are_left_out(small):
    rows = {d.number: d.in_force for d in docs.select(small, on=ON)}
    assert rows == {
        "甲〔2022〕1号": True,
        "丁〔2022〕3号": True,
        "戊〔2022〕4号": None,
        "己〔2022〕5号": None,
    }
    assert "乙〔2020〕1号" in _numbers(docs.select(small, on=date(2021, 12, 31)))  # the last day counts
    assert "乙〔2020〕1号" not in _numbers(docs.select(small, on=date(2022, 1, 1)))


def test_issuer_any_name_form_and_type(small):
    assert len(docs.select(small, issuer="区府办")) == 6  # an altLabel
    assert len(docs.select(small, issuer="区政府办公室")) == 6  # 政府 for 人民政府
    assert docs.select(small, issuer="财政局") == []
    assert _numbers(docs.select(small, kind="意见")) == {"甲〔2022〕1号"}  # from the title
    assert _numbers(docs.select(small, kind="实施意见")) == {"甲〔2022〕1号"}  # the printed kind
    assert len(docs.select(small, kind="通知")) == 5


def test_printed_only_unless_all(small):
    assert "国办〔2021〕22号" not in _numbers(docs.select(small))
    cited = docs.select(small, issuer="国务院办公厅", printed_only=False)
    assert _numbers(cited) == {"国办〔2021〕22号"}  # issuer decoded from the 文号


def test_cli_outputs(sample_ttl, capsys):
    assert main(["docs", str(sample_ttl), "--in-force", "2023-01-01", "--csv"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    by_number = {r["number"]: r for r in rows}
    assert by_number["绍柯政办发〔2022〕14号"]["in_force"] == "yes"
    assert {r["in_force"] for r in rows} <= {"yes", "unknown"}
    assert main(["docs", str(sample_ttl), "--type", "意见", "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out and all(d["doc_type"] == "意见" for d in out)
    assert main(["docs", str(sample_ttl), "--in-force", "2023-01-01"]) == 0
    text = capsys.readouterr().out
    assert text.index("绍柯政办发〔2022〕14号") < text.index("Unknown on 2023-01-01")
    with pytest.raises(SystemExit):
        main(["docs", str(sample_ttl), "--in-force", "2023-13-01"])
