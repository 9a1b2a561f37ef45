"""``kg serve`` (a read-only SPARQL endpoint over a built graph) and the lookups' ``--endpoint``:
the same .rq queries give the same answers remotely as on the local store."""

from __future__ import annotations

import subprocess
import sys
import urllib.error
import urllib.parse
import urllib.request

import pytest

from kg.cli import main
from kg.serve import wait_for


@pytest.fixture(scope="module")
def endpoint(sample_build):
    proc = subprocess.Popen(
        [sys.executable, "-m", "kg", "serve", str(sample_build), "--port", "0", "--timeout", "2"],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    try:
        url = proc.stdout.readline().strip()
        assert url.startswith("http://127.0.0.1:") and wait_for(url)
        yield url
    finally:
        proc.terminate()
        proc.wait(30)


def _kg(capsys, *argv) -> tuple[int, str]:
    code = main(list(argv))
    return code, capsys.readouterr().out


@pytest.mark.parametrize(
    "argv",
    [
        ("who", "区建设局"),
        ("trace", "--up", "绍柯政办发〔2022〕2号"),
        ("tasks", "绍柯政办发〔2022〕2号"),
        ("orgs", "财政局"),
    ],
)
def test_a_lookup_answers_the_same_through_the_endpoint(endpoint, sample_build, capsys, argv):
    local = _kg(capsys, *argv, "-g", str(sample_build / "graph.ttl"))
    remote = _kg(capsys, *argv, "--endpoint", endpoint)
    assert remote == local and local[1].strip()


def _get(url: str, **params) -> tuple[int, str, str]:
    try:
        with urllib.request.urlopen(f"{url}?{urllib.parse.urlencode(params)}", timeout=60) as r:
            return r.status, r.headers["Content-Type"], r.read().decode("utf-8")
    except urllib.error.HTTPError as e:
        return e.code, e.headers["Content-Type"], e.read().decode("utf-8")


def test_csv_and_json_results(endpoint):
    q = "SELECT (COUNT(*) AS ?n) WHERE { ?t a kg:Task }"
    status, media, body = _get(endpoint, query=q, format="csv")
    assert (
        (status, media) == (200, "text/csv") and body.splitlines()[0] == "n" and int(body.splitlines()[1]) > 0
    )
    status, media, body = _get(endpoint, query=q)
    assert status == 200 and media == "application/sparql-results+json" and '"n"' in body


def test_updates_are_refused(endpoint):
    assert _get(endpoint, update="DROP ALL")[0] == 403
    assert _get(endpoint, query="DELETE WHERE { ?s ?p ?o }")[0] == 400
    assert (
        int(_get(endpoint, query="SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", format="csv")[2].split()[1])
        > 0
    )


def test_a_query_over_the_time_limit_is_stopped_and_the_server_goes_on(endpoint):
    slow = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
    status, _, body = _get(endpoint, query=slow)
    assert status == 503 and "stopped" in body
    assert _get(endpoint, query="ASK { ?s ?p ?o }")[2] == '{"head":{},"boolean":true}'


def test_an_unreachable_endpoint_is_one_line(capsys):
    code = main(["who", "区建设局", "--endpoint", "http://127.0.0.1:9/sparql"])
    assert code == 2 and capsys.readouterr().err.startswith("kg: http://127.0.0.1:9/sparql")
