"""The explorer page: data model, escaping, offline assets, search keys, focus, ``kg view``."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from kg.build import build
from kg.cli import main
from kg.store import load_rdflib
from kg.view import write_view
from kg.view.focus import find, neighbourhood, norm
from kg.view.model import build_model, subset
from kg.view.page import json_for_script, render
from tests.synthetic import synthetic_graph

ROOT = Path(__file__).parent.parent
EVIL = '<script>alert(1)</script>"</div><img src=x onerror=alert(2)>'


@pytest.fixture(scope="module")
def sample(tmp_path_factory):
    """The sample corpus built once: (graph.ttl path, rdflib graph, model)."""
    out = tmp_path_factory.mktemp("sample")
    build([ROOT / "samples"], out)
    g = load_rdflib(out / "graph.ttl")
    return out, g, build_model(g)


@pytest.fixture(scope="module")
def evil():
    g = synthetic_graph(200, evil=True)
    return g, build_model(g)


class _Collect(HTMLParser):
    """Tags, attributes and script bodies of a page."""

    def __init__(self):
        super().__init__()
        self.tags: list[tuple[str, dict]] = []
        self.scripts: list[tuple[dict, str]] = []
        self._in: dict | None = None

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        if tag == "script":
            self._in = dict(attrs)
            self.scripts.append((self._in, ""))

    def handle_data(self, data):
        if self._in is not None:
            attrs, text = self.scripts[-1]
            self.scripts[-1] = (attrs, text + data)

    def handle_endtag(self, tag):
        if tag == "script":
            self._in = None


def _parse(page: str) -> _Collect:
    p = _Collect()
    p.feed(page)
    return p


def _data(page: str) -> dict:
    scripts = _parse(page).scripts
    (body,) = [text for attrs, text in scripts if attrs.get("id") == "kg-data"]
    return json.loads(body)


def test_model_has_every_kind_and_evidence(sample):
    _, _, m = sample
    kinds = {n["k"] for n in m["nodes"]}
    assert {"doc", "org", "task"} <= kinds
    rels = {e[2] for e in m["edges"]}
    assert {"resp", "part", "cites", "issued"} <= rels
    task_edges = [e for e in m["edges"] if e[2] in ("lead", "resp", "supp")]
    assert task_edges and all(e[3] for e in task_edges), "every unit of a task carries the task's evidence"
    src, start, end, quote = m["evidence"][task_edges[0][3][0]]
    assert src.endswith(".txt") and 0 <= start < end and quote


def test_folded_counts_match_tasks(evil):
    g, m = evil
    from kg.vocab import KG

    total = sum(f[3] for f in m["folded"])
    assert total == len(list(g.subject_objects(KG.responsibleUnit)))
    assert all(m["nodes"][f[0]]["k"] == "doc" and m["nodes"][f[1]]["k"] == "org" for f in m["folded"])


def test_citation_edge_is_strongest_relation_with_evidence():
    from rdflib import RDF, Literal

    from kg.graph import new_graph, zh
    from kg.vocab import CITE, DOC, ELI, KG, PROV

    g = new_graph()
    a, b = DOC["a"], DOC["b"]
    for d in (a, b):
        g.add((d, RDF.type, ELI.LegalResource))
        g.add((d, ELI.title, zh(f"文件{d[-1]}")))
    g.add((a, ELI.cites, b))
    g.add((a, ELI.based_on, b))
    c = CITE["c"]
    g.add((c, RDF.type, KG.Citation))
    g.add((c, KG.citing, a))
    g.add((c, KG.cited, b))
    g.add((c, KG.relation, Literal("basis")))
    from tests.synthetic import _evidence

    g.add((c, PROV.wasDerivedFrom, _evidence(g, "x", "f.txt", 3, "根据《文件b》")))
    m = build_model(g)
    assert [e[2] for e in m["edges"]] == ["basis"]
    assert m["evidence"][m["edges"][0][3][0]] == ["f.txt", 3, 10, "根据《文件b》"]


def test_json_for_script_escapes_markup():
    text = json_for_script({"t": "</script><b>&'\"\u2028"})
    assert "<" not in text and ">" not in text and "&" not in text
    assert json.loads(text) == {"t": "</script><b>&'\"\u2028"}


def test_hostile_title_is_only_data(evil):
    _, m = evil
    page = render(m)
    assert EVIL not in page and "<script>alert(1)" not in page and "<b>粗体</b>" not in page
    p = _parse(page)
    assert not any(tag == "img" for tag, _ in p.tags)
    assert [a.get("type") for a, _ in p.scripts] == ["application/json", None, None]
    data = _data(page)
    titles = [n["l"] for n in data["nodes"] if n["k"] == "doc"]
    assert EVIL in titles


def test_page_fetches_nothing(evil):
    page = render(evil[1])
    p = _parse(page)
    for tag, attrs in p.tags:
        for k in ("src", "href", "action", "data", "poster"):
            assert not attrs.get(k), (tag, attrs)
        assert tag not in ("link", "iframe", "object", "embed", "base")
    assert not re.search(r"url\(\s*(?!['\"]?data:)", page), "CSS may only use data: URLs"
    assert not re.search(r"@import", page)
    assert "Content-Security-Policy" in page and "default-src 'none'" in page
    assert "bootstrap" not in page.lower()
    assert "vis.Network" in page and "vis-network" in page


def test_scripts_do_not_set_inner_html():
    js = (ROOT / "kg" / "view" / "explorer.js").read_text(encoding="utf-8")
    assert "innerHTML" not in js and "insertAdjacentHTML" not in js and "document.write" not in js


def test_write_view_touches_only_its_file(tmp_path, monkeypatch, evil):
    cwd = tmp_path / "cwd"
    cwd.mkdir()
    monkeypatch.chdir(cwd)
    out = tmp_path / "out" / "graph.html"
    write_view(evil[0], out)
    assert list(cwd.iterdir()) == []
    assert [p.name for p in out.parent.iterdir()] == ["graph.html"]
    assert out.read_bytes().decode("utf-8").startswith("<!doctype html>")


@pytest.mark.parametrize(
    "spelling",
    [
        "国办发[2021]14号",
        "国办发（2021）14号",
        "国办发 〔 2021 〕 14 号",
        "国办发［２０２１］１４号",
        "国办发2021年14号",
        "国办发(2021)14号",
    ],
)
def test_norm_document_numbers(spelling):
    assert norm(spelling) == norm("国办发〔2021〕14号")


def test_norm_keeps_different_numbers_apart():
    assert norm("国办发〔2021〕14号") != norm("国办发〔2021〕41号")
    assert norm("区建设局") != norm("市建设局")


def test_find_by_alt_label_and_number(sample):
    _, _, m = sample
    hits = find(m, "区建设局")
    assert hits, "区建设局 is an altLabel of 绍兴市柯桥区住房和城乡建设局"
    assert m["nodes"][hits[0]]["l"] == "绍兴市柯桥区住房和城乡建设局"
    numbered = next(n for n in m["nodes"] if n["k"] == "doc" and n["f"].get("number"))
    number = numbered["f"]["number"]
    spaced = number.replace("〔", " [ ").replace("〕", " ] ")
    assert numbered in [m["nodes"][i] for i in find(m, spaced)]


def test_neighbourhood_and_subset(evil):
    _, m = evil
    start = find(m, m["nodes"][0]["l"])[:1]
    one, two = neighbourhood(m, start, 1), neighbourhood(m, start, 2)
    assert set(start) < one <= two
    part = subset(m, one, start)
    assert len(part["nodes"]) == len(one)
    assert part["nodes"][part["start"][0]]["u"] == m["nodes"][start[0]]["u"]
    n = len(part["nodes"])
    assert all(a < n and b < n for a, b, *_ in part["edges"])
    assert all(0 <= k < len(part["evidence"]) for node in part["nodes"] for k in node["e"])


def test_kg_view_focus(sample, tmp_path, capsys):
    out, _, m = sample
    html = tmp_path / "part.html"
    assert main(["view", str(out / "graph.ttl"), "-o", str(html), "--focus", "区建设局", "--depth", "1"]) == 0
    data = _data(html.read_text(encoding="utf-8"))
    assert 1 < len(data["nodes"]) < len(m["nodes"])
    assert data["nodes"][data["start"][0]]["l"] == "绍兴市柯桥区住房和城乡建设局"


def test_kg_view_errors(sample, tmp_path, capsys):
    out, _, _ = sample
    assert (
        main(["view", str(out / "graph.ttl"), "-o", str(tmp_path / "x.html"), "--focus", "不存在的机构名"])
        == 1
    )
    assert main(["view", str(tmp_path / "missing.ttl"), "-o", str(tmp_path / "y.html")]) == 2
    assert "no such graph" in capsys.readouterr().err
    assert not (tmp_path / "x.html").exists() and not (tmp_path / "y.html").exists()
