"""``kg push --virtuoso``: a real Virtuoso (Debian's virtuoso-opensource, which ``make test``
installs) started on 127.0.0.1 with its own database in a temporary folder; the sample graph
pushed as a named graph; ``kg who --endpoint`` against it answers as the local store does."""

from __future__ import annotations

import shutil
import socket
import subprocess
import time

import pytest

from kg.cli import main
from kg.push import script

VIRTUOSO, ISQL = shutil.which("virtuoso-t"), shutil.which("isql-vt")
GRAPH = "https://w3id.org/govdoc-kg/graph/test"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


INI = """[Database]
DatabaseFile = {db}/virtuoso.db
ErrorLogFile = {db}/virtuoso.log
LockFile = {db}/virtuoso.lck
TransactionFile = {db}/virtuoso.trx
xa_persistent_file = {db}/virtuoso.pxa
Striping = 0
TempStorage = TempDatabase
[TempDatabase]
DatabaseFile = {db}/virtuoso-temp.db
TransactionFile = {db}/virtuoso-temp.trx
Striping = 0
[Parameters]
ServerPort = 127.0.0.1:{sql}
NumberOfBuffers = 10000
MaxDirtyBuffers = 6000
DirsAllowed = ., {load}
[HTTPServer]
ServerPort = 127.0.0.1:{http}
ServerThreads = 4
[SPARQL]
ResultSetMaxRows = 1000000
MaxQueryExecutionTime = 60
"""


@pytest.fixture(scope="module")
def virtuoso(tmp_path_factory):
    if not (VIRTUOSO and ISQL):
        pytest.skip("Virtuoso is not installed (apt-get install virtuoso-opensource; `make test` does)")
    root = tmp_path_factory.mktemp("virtuoso")
    (root / "db").mkdir()
    (root / "load").mkdir()
    sql, http = _free_port(), _free_port()
    (root / "virtuoso.ini").write_text(
        INI.format(db=root / "db", load=root / "load", sql=sql, http=http), encoding="utf-8"
    )
    proc = subprocess.Popen(
        [VIRTUOSO, "+foreground", "+configfile", str(root / "virtuoso.ini")],
        cwd=root,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 300  # a new database takes a minute on a busy machine
        while time.monotonic() < deadline:
            ok = subprocess.run(
                [ISQL, f"127.0.0.1:{sql}", "dba", "dba"], input="SELECT 1;\n", capture_output=True, text=True
            )
            if ok.returncode == 0 and "Connect failed" not in ok.stdout + ok.stderr:
                break
            if proc.poll() is not None:
                pytest.fail(f"virtuoso-t exited: {(root / 'db' / 'virtuoso.log').read_text()[-1500:]}")
            time.sleep(2)
        else:
            pytest.fail("Virtuoso did not come up in 300 s")
        yield {"sql": sql, "http": http, "load": root / "load"}
    finally:
        proc.terminate()
        try:
            proc.wait(60)
        except subprocess.TimeoutExpired:
            proc.kill()


def test_push_then_who_answers_as_the_local_store(virtuoso, sample_build, capsys):
    code = main(
        [
            "push", "--virtuoso", str(sample_build), "--port", str(virtuoso["sql"]), "--host", "127.0.0.1",
            "--load-dir", str(virtuoso["load"]), "--graph-iri", GRAPH,
        ]
    )  # fmt: skip
    assert code == 0, capsys.readouterr().err
    assert not list(virtuoso["load"].iterdir())  # the copy is removed once loaded
    capsys.readouterr()
    endpoint = f"http://127.0.0.1:{virtuoso['http']}/sparql?default-graph-uri={GRAPH}"
    for argv in (
        ["who", "区建设局"],
        ["who", "区财政局", "--role", "supporting"],
        ["tasks", "绍柯政办发〔2022〕2号"],
        ["trace", "--up", "绍柯政办发〔2022〕14号"],
        ["trace", "--down", "绍政办发〔2021〕3号"],
    ):
        assert main([*argv, "-g", str(sample_build / "graph.ttl")]) == 0
        local = capsys.readouterr().out
        assert main([*argv, "--endpoint", endpoint]) == 0
        assert capsys.readouterr().out == local and local.strip()


def test_a_second_push_replaces_the_graph(virtuoso, tmp_path, capsys):
    ttl = tmp_path / "graph.ttl"
    ttl.write_text("<urn:x:a> <urn:x:b> <urn:x:c> .\n", encoding="utf-8")
    args = ["push", "--virtuoso", str(ttl), "--port", str(virtuoso["sql"]), "--host", "127.0.0.1"]
    args += ["--load-dir", str(virtuoso["load"]), "--graph-iri", f"{GRAPH}/small"]
    assert main(args) == 0 and main(args) == 0
    from kg.endpoint import Endpoint

    ep = Endpoint(f"http://127.0.0.1:{virtuoso['http']}/sparql?default-graph-uri={GRAPH}/small")
    rows = list(ep.query("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"))
    assert int(rows[0]["n"].value) == 1


def test_values_that_would_break_the_isql_script_are_refused():
    with pytest.raises(ValueError):
        script("/tmp/load'; DROP TABLE x; --", "graph.ttl", GRAPH)
    with pytest.raises(ValueError):
        script("/tmp/load", "graph.ttl", "https://example.org/g> ; DROP")
    assert "ld_dir('/tmp/load', 'graph.ttl', 'https://example.org/g');" in script(
        "/tmp/load", "graph.ttl", "https://example.org/g"
    )
