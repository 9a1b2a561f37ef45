"""End to end over other formats: a DOCX and an HTML page with a 责任单位 table, a generated PDF."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.build import build
from kg.query.who import who
from kg.store import load

HEADER = [
    "绍兴市柯桥区人民政府办公室关于印发柯桥区示范工作任务分解表的通知",
    "绍柯政办发〔2023〕9号",
    "各镇人民政府（街道办事处、开发区管委会），区政府各部门（单位）：",
    "现将任务分解表印发给你们，请认真贯彻执行。",
    "绍兴市柯桥区人民政府办公室",
    "2023年3月1日",
]
ROWS = [
    ("序号", "重点任务", "牵头单位", "责任单位"),
    ("1", "推进绿色建筑发展", "区建设局", "区发改局、区经信局"),
    ("2", "完善无障碍公交线路", "区交通运输局", "区综合执法局 各镇（街道）"),
]


def _docx(path: Path) -> None:
    from docx import Document

    d = Document()
    for line in HEADER:
        d.add_paragraph(line)
    t = d.add_table(rows=0, cols=4)
    for row in ROWS:
        for c, v in zip(t.add_row().cells, row, strict=True):
            c.text = v
    d.save(path)


def _html(path: Path) -> None:
    rows = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in r) + "</tr>" for r in ROWS)
    body = "".join(f"<p>{line}</p>" for line in HEADER)
    page = f"<html><head><meta charset='gbk'><script>var x='<p>不是正文</p>';</script></head><body>{body}<table>{rows}</table></body></html>"
    path.write_bytes(page.encode("gbk"))


def _pdf(path: Path) -> None:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    c = canvas.Canvas(str(path), pagesize=A4)
    c.setFont("STSong-Light", 12)
    y = 800
    for line in [
        *HEADER[:2],
        "根据《国务院办公厅关于加快发展保障性租赁住房的意见》（国办发〔2021〕22号）精神，制定本通知。",
        *HEADER[4:],
    ]:
        c.drawString(40, y, line)
        y -= 24
    c.save()


@pytest.mark.parametrize("kind", ["docx", "html"])
def test_table_rows_become_tasks_with_lead_and_responsible_units(tmp_path, kind):
    src = tmp_path / f"plan.{kind}"
    (_docx if kind == "docx" else _html)(src)
    result = build([src], tmp_path / "out", view=False)
    assert not result.errors
    store = load(tmp_path / "out" / "graph.ttl")
    tasks = [t for _, ts in who(store, "区建设局").groups for t in ts]
    assert [(t.label, t.role) for t in tasks] == [("推进绿色建筑发展", "lead")]
    assert tasks[0].quote and tasks[0].file == src.name
    tasks = [t for _, ts in who(store, "各镇（街道）").groups for t in ts]
    assert [(t.label, t.role) for t in tasks] == [("完善无障碍公交线路", "responsible")]


def test_pdf_text_layer_is_read_and_cited_numbers_resolved(tmp_path):
    src = tmp_path / "notice.pdf"
    _pdf(src)
    result = build([src], tmp_path / "out", view=False)
    assert not result.errors
    ttl = (tmp_path / "out" / "graph.ttl").read_text(encoding="utf-8")
    assert "绍柯政办发〔2023〕9号" in ttl and "国办发〔2021〕22号" in ttl
