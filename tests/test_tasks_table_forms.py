"""Tables with a unit column in the forms users bring them in: hard-wrapped (text from a PDF: a cell
cut at the wrap width goes on in the next line) and flattened by a website (every row on one line,
each row's last cell running into the next row's number). A 湖北 county's 分工表 (not a dev file)."""

from __future__ import annotations

from kg.extract.tasks import find_tasks

PROSE = (
    "为深入贯彻落实省委省政府关于优化营商环境的决策部署，进一步激发市场主体活力，"
    "经县人民政府同意，现将重点任务分工表印发给你们，请各责任单位结合实际认真抓好落实，"
    "每季度末将工作进展情况报送县优化营商环境工作领导小组办公室。"
)
ROWS = [
    ("序号", "重点任务", "牵头单位", "责任单位"),
    ("1", "全面推行企业开办一网通办，压缩开办时间至1个工作日以内", "县市场监管局", "县税务局、县公安局"),
    ("2", "深化工程建设项目审批制度改革", "县住房城乡建设局", "县自然资源和规划局、县发展改革局"),
    ("3", "建立健全政务服务好差评制度", "县政务服务中心", "各乡镇人民政府"),
]
WANT = [
    (["县市场监管局"], ["县税务局", "县公安局"]),
    (["县住房城乡建设局"], ["县自然资源和规划局", "县发展改革局"]),
    (["县政务服务中心"], ["各乡镇人民政府"]),
]
TITLE = "某某县人民政府办公室关于印发优化营商环境重点任务分工表的通知"
SIGNATURE = "某某县人民政府办公室2023年5月6日"


def _table(text: str):
    return [
        ([u.name for u in t.lead], [u.name for u in t.responsible])
        for t in find_tasks(text, report=False)
        if t.kind == "table"
    ]


def _wrap(text: str, width: int) -> str:
    return "\n".join(ln[i : i + width] for ln in text.splitlines() for i in range(0, max(len(ln), 1), width))


def test_a_plain_table():
    text = "\n".join([TITLE, PROSE, *("\t".join(r) for r in ROWS), SIGNATURE])
    assert _table(text) == WANT


def test_a_hard_wrapped_table_joins_the_cells_cut_at_the_wrap_width():
    text = _wrap("\n".join([TITLE, PROSE, *("\t".join(r) for r in ROWS), SIGNATURE]), 24)
    assert any(0 < ln.count("\t") < 3 for ln in text.splitlines())  # rows are cut inside
    assert _table(text) == WANT


def test_short_lines_after_a_table_row_are_not_joined_to_it():
    # no wrap width: lines of every length, a row followed by a line of its own
    rows = ["\t".join(r) for r in ROWS]
    text = "\n".join([TITLE, PROSE, *rows, "注：各单位于每月5日前报送进展。", SIGNATURE])
    assert _table(text) == WANT


def test_a_table_flattened_into_one_line_by_a_website():
    body = "".join([TITLE, PROSE, "附件重点任务分工表", *("\t".join(r) for r in ROWS), SIGNATURE])
    text = "当前位置：首页 > 政务公开 > 政府文件 " + body + " 【打印本页】 【关闭窗口】"
    assert _table(text) == WANT


def test_a_flat_line_of_cells_without_a_unit_header_is_no_table():
    rows = [
        ("序号", "项目名称", "建设内容", "总投资"),
        ("1", "县城污水管网改造", "新建管网12公里", "3000万元"),
    ]
    body = "".join([TITLE, PROSE, *("\t".join(r) for r in rows * 2), SIGNATURE])
    assert _table(body) == []


def test_the_deadline_column_gives_each_row_its_deadline():
    # a 河南 city's 工作要点 table: 完成时限 cells need no 前/完成 to be deadlines
    text = (
        "序号\t重点任务\t牵头单位\t责任单位\t完成时限\n"
        "1\t推行企业开办一日办结\t市市场监管局\t市公安局、市税务局\t2024年6月底\n"
        "2\t优化跨境贸易服务\t郑州海关\t市商务局\t持续推进\n"
        "3\t压减审批时限\t市政务服务中心\t市司法局\t\n"
    )
    got = [(t.label, t.deadline) for t in find_tasks(text, report=False) if t.kind == "table"]
    assert got == [
        ("推行企业开办一日办结", "2024年6月底"),
        ("优化跨境贸易服务", "持续推进"),
        ("压减审批时限", None),
    ]
