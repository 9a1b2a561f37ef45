"""``kg tasks DOC [--matrix]``: the responsibility matrix of a document, its CSV and XLSX."""

import csv
from pathlib import Path

import pytest
from openpyxl import load_workbook
from rdflib import Graph, Literal
from rdflib.namespace import DCTERMS

from kg.cli import main
from kg.query import tasks as matrix
from kg.vocab import ELI, KG

ROOT = Path(__file__).parent.parent


@pytest.fixture(scope="module")
def rdf(graph_path):
    return Graph().parse(graph_path)


def _tasks_of(rdf, number):
    doc = next(rdf.subjects(ELI.id_local, Literal(number)))
    parts = {doc, *rdf.subjects(ELI.is_part_of, doc)}
    return {
        t
        for t in rdf.subjects(DCTERMS.isPartOf, None)
        if rdf.value(t, DCTERMS.isPartOf) in parts and (t, None, KG.Task) in rdf
    }


def _row(m, label):
    return next(r for r in m.rows() if r[3] == label)


def test_matrix_of_14hao(store, rdf):
    m = matrix.build_matrix(store, "绍柯政办发[2022]14号")
    header = m.header()
    assert header[:4] == matrix.LEAD_COLS and header[-3:] == matrix.TAIL_COLS
    assert "区建设局" in header and "绍兴市柯桥区住房和城乡建设局" not in header
    assert len(m.rows()) == len(_tasks_of(rdf, "绍柯政办发〔2022〕14号")) > 10
    col = header.index("区建设局")
    assert _row(m, "确保项目落地")[col] == "责"
    assert {c for r in m.rows() for c in r[4 : 4 + len(m.units)]} <= {"", "牵", "责", "配"}


def test_notice_includes_its_plan_in_document_order(store, rdf):
    m = matrix.build_matrix(store, "绍柯政办发〔2022〕12号")
    assert len(m.tasks) == len(_tasks_of(rdf, "绍柯政办发〔2022〕12号"))
    assert _row(m, "打造社区区域示范版块")[m.header().index("区建设局")] == "牵"
    starts = [t.start for t in m.tasks]
    assert starts == sorted(starts)


def test_all_covers_every_task(store, rdf):
    m = matrix.build_matrix(store, "all")
    assert len(m.tasks) == len(set(rdf.subjects(None, KG.Task)))


def test_short_form_prefers_the_printed_form():
    u = matrix.Unit(
        "u", "绍兴市柯桥区住房和城乡建设局", ["绍兴市柯桥区住房和城乡建设局", "建设局", "区建设局"]
    )
    assert (
        matrix.short_form(u, ["（责任单位：区建设局、区财政局）", "由区建设局、财政局等部门"]) == "区建设局"
    )
    assert matrix.short_form(u, ["与此无关"]) == "建设局"


def test_xlsx_reads_back(store, tmp_path):
    m = matrix.build_matrix(store, "绍柯政办发〔2022〕14号")
    path = tmp_path / "m.xlsx"
    matrix.write_xlsx(m, path)
    ws = load_workbook(path).active
    rows = list(ws.iter_rows(values_only=True))
    assert list(rows[0]) == m.header()
    assert len(rows) == len(m.tasks) + 1
    assert [r[3] for r in rows[1:]] == [t.label for t in m.tasks]
    assert ws["A1"].font.bold and ws.freeze_panes == "E2"
    assert ws.column_dimensions["D"].width == 30
    assert not list(tmp_path.glob(".*.tmp"))


def test_cli_csv_xlsx_and_list(graph_path, tmp_path, capsys):
    g = ["-g", str(graph_path)]
    out = tmp_path / "m.csv"
    assert main(["tasks", "绍柯政办发〔2022〕12号", "--matrix", "--csv", str(out), *g]) == 0
    with out.open(encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f))
    assert rows[0][:4] == matrix.LEAD_COLS and "区建设局" in rows[0]
    assert main(["tasks", "绍柯政办发〔2022〕12号", "--xlsx", str(tmp_path / "m.xlsx"), *g]) == 0
    assert load_workbook(tmp_path / "m.xlsx").active.max_row == len(rows)
    capsys.readouterr()
    assert main(["tasks", "绍柯政办发〔2022〕12号", *g]) == 0
    assert "牵头：区建设局" in capsys.readouterr().out
    assert main(["tasks", "绍柯政办发〔2022〕12号", "--matrix", *g]) == 0
    assert capsys.readouterr().out.splitlines()[0].startswith("序号\t任务\t")
    assert main(["tasks", "没有这个文件", *g]) == 1
