"""Issue 16, hostile text in outputs (classes 10–12) and lookups (13–15): spreadsheet formulas stay
text, terminal control sequences never reach the terminal, bidi overrides never reorder the
explorer, an unreadable graph or an unusable ``-o`` is one line, a hard-wrapped name is one label."""

from __future__ import annotations

import csv
import io
import json
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from kg.query.cells import csv_cell, csv_text

# A Sichuan-style plan whose task texts carry what an attacker would put there.
HOSTILE = """四川省人民政府办公厅关于印发四川省优化营商环境行动方案的通知
川办发〔2023〕12号
各市（州）人民政府，省政府各部门、各直属机构：
现将《四川省优化营商环境行动方案》印发给你们，请认真贯彻执行。
四川省人民政府办公厅
2023年3月1日
四川省优化营商环境行动方案
一、重点任务
（一）=cmd|'/C calc'!A0 推进政务服务标准化。（牵头单位：省政务服务管理局；配合单位：省发展改革委）
（二）@SUM(1+1)*cmd|'/C calc'!A0 优化审批流程。（责任单位：省市场监管局）
（三）加快建设数字政府\x1b]0;pwned\x07\x1b[2J，提升服务效能。（责任单位：省大数据中心）
（四）完善\u202e监管机制\u202c，强化事中事后监管。（责任单位：省司法厅）
（五）推进“互联网+监管”，提高监管效能。（责任单位：省市场监管局、省

大数据中心）
"""
FORMULA = re.compile(r"^[=+\-@\t\r]")


def run_kg(*args: str, **kw) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "kg", *args], capture_output=True, text=True, **kw)


@pytest.fixture
def cli(capsys):
    """``kg ARGS`` run in this process (much faster than a new one per call), as a CompletedProcess."""

    def run(*args) -> subprocess.CompletedProcess:
        from kg.cli import main

        capsys.readouterr()
        try:
            code = main([str(a) for a in args])
        except SystemExit as e:  # argparse's usage errors
            code = e.code
        out, err = capsys.readouterr()
        return subprocess.CompletedProcess(args, code, out, err)

    return run


def one_line(proc: subprocess.CompletedProcess, code: int) -> str:
    assert proc.returncode == code, proc.stderr
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("kg: ") and "Traceback" not in proc.stderr, proc.stderr
    return lines[0]


@pytest.fixture(scope="module")
def graph(tmp_path_factory) -> Path:
    d = tmp_path_factory.mktemp("hostile")
    (d / "sc.txt").write_text(HOSTILE, encoding="utf-8")
    proc = run_kg("build", str(d / "sc.txt"), "-o", str(d / "out"))
    assert proc.returncode == 0, proc.stderr
    return d / "out" / "graph.ttl"


# ---------------------------------------------------------------- 10. spreadsheet formulas


def test_class10_csv_cell_rules():
    for s in ("=1+1", "+86 28", "-2", "@SUM(A1)", "\tx", "\rx"):
        assert csv_cell(s) == "'" + s
    for v in ("推进政务服务", "川办发〔2023〕12号", "'quoted", 3, -2, None):  # negative: left alone
        assert csv_cell(v) == v
    assert list(csv.reader(io.StringIO(csv_text([["=A1", "ok"]])))) == [["'=A1", "ok"]]


def _cells(text: str) -> list[str]:
    return [c for row in csv.reader(io.StringIO(text)) for c in row]


def test_class10_tasks_csv_and_who_csv_and_export_csv(graph, tmp_path, cli):
    out = tmp_path / "t.csv"
    assert cli("tasks", "all", "-g", str(graph), "--csv", str(out)).returncode == 0
    cells = _cells(out.read_text(encoding="utf-8-sig"))
    assert "'=cmd|'/C calc'!A0推进政务服务标准化" in cells  # kept, as text
    who = cli("who", "省市场监管局", "-g", str(graph), "--csv")
    assert who.returncode == 0
    exported = tmp_path / "csv"
    assert cli("export", str(graph), "--to", "csv", "-o", str(exported)).returncode == 0
    for text in (
        out.read_text(encoding="utf-8-sig"),
        who.stdout,
        (exported / "nodes.csv").read_text(encoding="utf-8"),
    ):
        cells = _cells(text)
        assert [c for c in cells if FORMULA.match(c)] == []
        assert any(c.startswith(("'=", "'@")) for c in cells)


def test_class10_xlsx_cells_are_text_never_formulas(graph, tmp_path, cli):
    from openpyxl import load_workbook

    out = tmp_path / "t.xlsx"
    assert cli("tasks", "all", "-g", str(graph), "--xlsx", str(out)).returncode == 0
    sheet = zipfile.ZipFile(out).read("xl/worksheets/sheet1.xml")
    assert b"<f>" not in sheet and b"<f " not in sheet
    values = [c.value for row in load_workbook(out).active.iter_rows() for c in row]
    assert "=cmd|'/C calc'!A0推进政务服务标准化" in values  # the text exactly, shown as text


# ---------------------------------------------------------------- 11. terminal control sequences


def test_class11_no_control_sequence_reaches_the_terminal(graph, cli):
    for args in (["tasks", "all"], ["who", "省大数据中心", "--full"], ["tasks", "all", "--matrix"], ["docs"]):
        proc = cli(*args, "-g", str(graph)) if args[0] != "docs" else cli("docs", str(graph))
        assert proc.returncode == 0, proc.stderr
        assert not re.search("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]", proc.stdout)
    who = cli("who", "省大数据中心", "--full", "-g", str(graph))
    assert "]0;pwned[2J" in who.stdout  # shown as text, not acted on


def test_class11_json_keeps_the_characters_escaped(graph, cli):
    proc = cli("who", "省大数据中心", "--json", "-g", str(graph))
    assert "\x1b" not in proc.stdout and "\\u001b]0;pwned" in proc.stdout
    quotes = [t["quote"] for d in json.loads(proc.stdout)["documents"] for t in d["tasks"]]
    assert any("\x1b]0;pwned\x07" in q for q in quotes)  # nothing of the data lost


def test_class11_hostile_names_in_error_lines(tmp_path):
    bad = tmp_path / "a\x1b[2Jb\nc.txt"
    bad.write_bytes(b"")
    proc = run_kg("build", str(bad), "-o", str(tmp_path / "o"))
    line = one_line(proc, 1)
    assert "\x1b" not in line and line.endswith(": empty")


# ---------------------------------------------------------------- 12. bidi in the explorer


def test_class12_explorer_data_holds_no_bidi_override(graph):
    html = (graph.parent / "graph.html").read_text(encoding="utf-8")
    assert not re.search("[\u202a-\u202e\u2066-\u2069]", html)
    assert "完善监管机制" in html  # the quote in its own order
    assert "\u202e" in graph.read_text(encoding="utf-8")  # the graph's evidence keeps the original


# ---------------------------------------------------------------- 13. unreadable graphs


@pytest.fixture(scope="module")
def bad_graphs(tmp_path_factory, graph) -> list[Path]:
    d = tmp_path_factory.mktemp("bad")
    data = graph.read_bytes()
    (d / "truncated.ttl").write_bytes(data[: len(data) // 2])
    (d / "json.ttl").write_text('{"@context": {}, "x": 1}')
    (d / "binary.ttl").write_bytes(bytes(range(256)) * 4)
    (d / "latin1.ttl").write_bytes('<http://a> <http://b> "caf\xe9" .'.encode("latin-1"))
    (d / "folder.ttl").mkdir()
    (d / "empty.ttl").write_bytes(b"")  # a write cut short at its start
    names = ("truncated.ttl", "json.ttl", "binary.ttl", "latin1.ttl", "folder.ttl", "empty.ttl")
    return [d / n for n in names]


COMMANDS = [
    lambda g, t: ["who", "省司法厅", "-g", g],
    lambda g, t: ["trace", "川办发〔2023〕12号", "-g", g],
    lambda g, t: ["orgs", "-g", g],
    lambda g, t: ["tasks", "all", "-g", g],
    lambda g, t: ["stats", g],
    lambda g, t: ["docs", g],
    lambda g, t: ["export", g, "--to", "graphml", "-o", str(t / "x.graphml")],
    lambda g, t: ["validate", g],
    lambda g, t: ["view", g, "-o", str(t / "x.html")],
]


@pytest.mark.parametrize("command", range(len(COMMANDS)))
def test_class13_unreadable_graph_is_one_line_in_every_command(bad_graphs, tmp_path, command, cli):
    for g in bad_graphs:
        proc = cli(*COMMANDS[command](str(g), tmp_path))
        if g.is_dir():  # a folder is read as an output folder (kg.open): one holding no graph.ttl
            assert one_line(proc, 2).startswith(f"kg: {g / 'graph.ttl'}: no such graph")
            continue
        line = one_line(proc, 1)
        assert line.startswith(f"kg: {g}: ") and ("Turtle" in line or "not a graph" in line)
    assert list(tmp_path.iterdir()) == []


# ---------------------------------------------------------------- 14. unusable -o and numbers


@pytest.mark.parametrize(
    "args",
    [
        ["export", "{g}", "--to", "nt", "-o", "{o}"],
        ["export", "{g}", "--to", "csv", "-o", "{o}"],
        ["view", "{g}", "-o", "{o}"],
        ["tasks", "all", "-g", "{g}", "--xlsx", "{o}"],
        ["tasks", "all", "-g", "{g}", "--csv", "{o}"],
    ],
    ids=["export-nt", "export-csv", "view", "tasks-xlsx", "tasks-csv"],
)
def test_class14_unusable_output_paths_named_as_given(graph, tmp_path, args, cli):
    (tmp_path / "file").write_text("x")
    (tmp_path / "dir.out").mkdir()
    targets = [tmp_path / "file" / "x.out", tmp_path / "dir.out"]
    if args[0] == "export" and "csv" in args:
        targets = [tmp_path / "file" / "x.out", tmp_path / "file"]  # csv writes a folder
    for target in targets:
        proc = cli(*[a.format(g=graph, o=target) for a in args])
        line = one_line(proc, 2)
        assert str(target) in line and ".tmp" not in line, line
        if target.parent.name == "file":
            assert line.endswith(f"{tmp_path / 'file'} is a file, not a folder"), line
    assert sorted(p.name for p in tmp_path.iterdir()) == ["dir.out", "file"]


@pytest.mark.parametrize(
    "args",
    [
        ["view", "{g}", "-o", "{o}", "--focus", "省司法厅", "--max-start", "0"],
        ["view", "{g}", "-o", "{o}", "--focus", "省司法厅", "--depth", "-1"],
        ["trace", "川办发〔2023〕12号", "-g", "{g}", "--depth", "-3"],
        ["stats", "{g}", "--top", "x"],
    ],
)
def test_class14_bad_numbers_refused_as_usage_errors(graph, tmp_path, args, cli):
    proc = cli(*[a.format(g=graph, o=tmp_path / "v.html") for a in args])
    assert proc.returncode == 2 and "Traceback" not in proc.stderr
    assert "must be" in proc.stderr or "not a whole number" in proc.stderr
    assert not (tmp_path / "v.html").exists()


def test_class14_good_numbers_still_work(graph, tmp_path, cli):
    out = tmp_path / "v.html"
    proc = cli("view", str(graph), "-o", str(out), "--focus", "省司法厅", "--max-start", "1", "--depth", "0")
    assert proc.returncode == 0 and out.exists(), proc.stderr


# ---------------------------------------------------------------- 15. hard-wrapped names


def test_class15_hard_wrapped_name_is_one_label(graph):
    ttl = graph.read_text(encoding="utf-8")
    labels = re.findall(r'"((?:[^"\\]|\\.)*)"@zh', ttl)
    assert labels and not [s for s in labels if "\\n" in s and len(s) < 40]  # no name with a break
    assert '"省大数据中心"' in ttl
