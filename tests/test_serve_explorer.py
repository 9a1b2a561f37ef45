"""The explorer served by ``kg serve``: a page that embeds only its overview (a graph beyond the
page's size limit) fetches search hits and neighbourhoods from ``/api/search`` and ``/api/node``;
every value from the page is bound as a checked constant, hostile labels come back as data."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import urllib.error
import urllib.parse
import urllib.request

import pytest

from kg.diskstore import write_store
from kg.serve import wait_for
from kg.store import save_turtle
from kg.view.model import build_model, page_model
from kg.view.page import render
from tests.synthetic import synthetic_graph

EVIL = '<script>alert(1)</script>"</div><img src=x onerror=alert(2)>'


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    """(base URL, whole model, page model): a hostile synthetic graph whose page embeds 50 nodes' overview."""
    out = tmp_path_factory.mktemp("served")
    g = synthetic_graph(300, evil=True)
    save_turtle(g, out / "graph.ttl")
    write_store(out / "graph.ttl")
    model = build_model(g)
    page = page_model(model, limit=50)
    (out / "graph.html").write_text(render(page), encoding="utf-8")
    proc = subprocess.Popen(
        [sys.executable, "-m", "kg", "serve", str(out), "--port", "0", "--timeout", "20"],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    try:
        url = proc.stdout.readline().strip()
        assert url.startswith("http://127.0.0.1:") and wait_for(url)
        yield url.removesuffix("/sparql"), model, page
    finally:
        proc.terminate()
        proc.wait(30)


def _get(base: str, path: str, **params) -> tuple[int, str, bytes]:
    query = urllib.parse.urlencode(params, doseq=True)
    try:
        with urllib.request.urlopen(f"{base}{path}?{query}", timeout=60) as r:
            return r.status, r.headers["Content-Type"], r.read()
    except urllib.error.HTTPError as e:
        return e.code, e.headers["Content-Type"], e.read()


def _json(base: str, path: str, **params) -> dict:
    status, media, body = _get(base, path, **params)
    assert status == 200 and media.startswith("application/json"), body[:200]
    return json.loads(body)


def test_overview_page_is_partial(served):
    _, model, page = served
    assert page["partial"] == {"nodes": len(model["nodes"]), "edges": len(model["edges"])}
    assert len(page["nodes"]) < len(model["nodes"]) and {n["k"] for n in page["nodes"]} <= {"doc", "org"}
    whole = {n["u"]: n["d"] for n in model["nodes"]}
    assert all(n["d"] == whole[n["u"]] for n in page["nodes"])  # degrees of the whole graph


def test_small_model_is_embedded_whole(served):
    _, model, _ = served
    assert page_model(model) is model


def test_search_finds_nodes_beyond_the_page(served):
    base, _, page = served
    frag = _json(base, "/api/search", q="做好第7")  # tasks: never in the embedded overview
    names = [n["l"] for n in frag["nodes"]]
    assert "做好第7项工作" in names and all("做好第7" in n for n in names)
    assert not {n["u"] for n in frag["nodes"]} & {n["u"] for n in page["nodes"]}


def test_search_returns_hostile_label_as_data(served):
    base, _, _ = served
    frag = _json(base, "/api/search", q="<script>alert(1)")
    assert [n["l"] for n in frag["nodes"]] == [EVIL]
    status, media, body = _get(base, "/api/search", q="<script>alert(1)")
    assert media == "application/json; charset=utf-8"


@pytest.mark.parametrize("q", ['") } UNION { ?s ?p ?o } #', "x' . ?s ?p ?o } #", "\\u0022", "〕>\n<"])
def test_search_text_is_a_value_not_query_text(served, q):
    base, _, _ = served
    assert _json(base, "/api/search", q=q)["nodes"] == []


def test_search_without_text_or_with_two_or_too_long(served):
    base, _, _ = served
    assert _json(base, "/api/search", q="  ")["nodes"] == []
    assert _get(base, "/api/search", q=["a", "b"])[0] == 400
    assert _get(base, "/api/search")[0] == 400
    assert _get(base, "/api/search", q="局" * 201)[0] == 400


def test_node_neighbourhood_matches_the_whole_model(served):
    base, model, _ = served
    nodes = model["nodes"]
    i = max(range(len(nodes)), key=lambda k: (nodes[k]["k"] == "doc", nodes[k]["d"]))
    frag = _json(base, "/api/node", iri=nodes[i]["u"])
    j = [n["u"] for n in frag["nodes"]].index(nodes[i]["u"])
    mine = frag["nodes"][j]
    assert mine["f"] == nodes[i]["f"] and mine["l"] == nodes[i]["l"]
    assert [frag["evidence"][k] for k in mine["e"]] == [model["evidence"][k] for k in nodes[i]["e"]]

    def around(m, c):
        return {
            (m["nodes"][a]["u"], m["nodes"][b]["u"], rel, tuple(tuple(m["evidence"][k]) for k in evs))
            for a, b, rel, evs in m["edges"]
            if c in (a, b)
        }

    assert around(frag, j) == around(model, i)


@pytest.mark.parametrize(
    "iri",
    [
        "http://example.org/x",
        "https://w3id.org/govdoc-kg/id/doc/d1> ?p ?o } #",
        "https://w3id.org/govdoc-kg/id/doc/d 1",
        'https://w3id.org/govdoc-kg/id/doc/"d1',
        "",
    ],
)
def test_node_refuses_iris_outside_the_graph(served, iri):
    base, _, _ = served
    status, media, body = _get(base, "/api/node", iri=iri)
    assert status == 400 and media.startswith("text/plain")


def test_unknown_node_is_empty(served):
    base, _, _ = served
    assert _json(base, "/api/node", iri="https://w3id.org/govdoc-kg/id/doc/nowhere")["nodes"] == []


def test_page_may_fetch_only_its_own_server(served):
    base, _, _ = served
    status, media, body = _get(base, "/")
    assert status == 200 and b"connect-src 'self'" in body and b"default-src 'none'" in body


CHROMIUM = shutil.which("chromium")


@pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed (make browsers)")
def test_served_page_fetches_hits_and_neighbourhoods(served):
    from playwright.sync_api import sync_playwright

    base, model, page_data = served
    args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"]
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=args, headless=True)
        try:
            page = b.new_page(viewport={"width": 1400, "height": 900})
            requests, dialogs, errors = [], [], []
            page.on("request", lambda r: requests.append(r.url))
            page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
            page.on("pageerror", lambda e: errors.append(str(e)))
            page.goto(base + "/")
            page.wait_for_selector("body[data-ready='1']", timeout=30_000)
            assert page.evaluate("window.kgExplorer.remote") is True
            assert f"全图 {len(model['nodes'])} 个节点" in page.inner_text("#status")
            page.fill("#q", "<script>alert(1)")
            page.wait_for_selector("#results button", timeout=15_000)
            page.fill("#q", "做好第7项工作")  # a task: never in the embedded overview
            page.wait_for_selector("#results button:has-text('做好第7项工作')", timeout=15_000)
            page.press("#q", "Enter")
            page.wait_for_selector("#panel h1:has-text('做好第7')", timeout=15_000)
            assert "所属文件" in page.inner_text("#panel")
            assert any("/api/search?q=" in u for u in requests) and any(
                "/api/node?iri=" in u for u in requests
            )
            assert all(u.startswith(base) for u in requests)
            assert dialogs == [] and errors == []
        finally:
            b.close()
