"""find_tasks on real snippets: marker styles, tables, prose and its negative cases, labels, outline."""

from pathlib import Path

import pytest

from kg.extract.outline import compact, parse_outline
from kg.extract.tasks import cues, find_tasks

HERE = Path(__file__).resolve().parent
SAMPLES = HERE.parent / "samples"
MORE = HERE / "data" / "corpus-more"


def names(units):
    return [u.name for u in units]


def one(text, kind="marker"):
    tasks = [t for t in find_tasks(text) if t.kind == kind]
    assert len(tasks) == 1, [t.label for t in tasks]
    return tasks[0]


def test_cue_data_has_source_and_roles():
    head = (HERE.parent / "kg" / "data" / "task_cues.tsv").read_text(encoding="utf-8").splitlines()[0]
    assert head.startswith("# source:")
    roles = dict(cues()["marker"])
    assert roles["牵头考核单位"] == "lead" and roles["配合单位"] == "supporting"


def test_lead_and_responsible_marker_with_outline():
    text = (
        "三、主要任务\n\n（一）打造无障碍区域示范版块。\n\n"
        "1. 打造社区区域示范版块。在现有建成社区基本实现无障碍设施全覆盖的基础上，开展无障碍改造。"
        "（牵头单位：区建设局；责任单位：各镇〔街道〕、各公共服务场所主管部门）\n"
    )
    t = one(text)
    assert t.label == "打造社区区域示范版块"
    assert names(t.lead) == ["区建设局"]
    assert names(t.responsible) == ["各镇（街道）", "各公共服务场所主管部门"]
    assert t.outline == ["三、主要任务", "（一）打造无障碍区域示范版块", "1.打造社区区域示范版块"]
    assert text[t.start : t.end].endswith("主管部门）")
    assert text[t.responsible[0].start : t.responsible[0].end] == "各镇〔街道〕"


def test_marker_on_its_own_line_after_item():
    text = (
        "（八）推进智能建造与建筑工业化协同发展。探索BIM、互联网、大数据等新技术应用。\n\n"
        "（责任单位：区经信局、区科技局、区建设局、区市场监管局）\n\n"
        "（九）完善新型工程管理模式和监管体系。建立建筑业企业诚信体系。（责任单位：区发改局）\n"
    )
    first, second = find_tasks(text)
    assert first.label == "推进智能建造与建筑工业化协同发展"
    assert names(first.responsible) == ["区经信局", "区科技局", "区建设局", "区市场监管局"]
    assert second.label == "完善新型工程管理模式和监管体系"


def test_marker_split_across_lines_keeps_unit_whole():
    raw = (MORE / "11_guizhou_shichangzhuti_xingdongfangan.txt").read_text(encoding="utf-8")
    tasks = find_tasks(raw)
    split = [t for t in tasks if "省财政厅" in names(t.lead) and "省工业和信息化厅" in names(t.lead)]
    assert split, "(牵头单位:省工业和信息化厅、省财政 厅) across a line"
    first = tasks[0]
    assert first.label == "做大做强龙头企业"
    assert names(first.lead) == ["省工业和信息化厅", "省农业农村厅", "省发展改革委"]
    # a page number printed inside a marker is not part of the unit
    assert any(names(t.lead) == ["省科技厅", "省工业和信息化厅"] for t in tasks)


def test_state_council_style_with_first_listed_rule():
    raw = (MORE / "02_gwy_cujinjiuye_ruoganyijian.txt").read_text(encoding="utf-8")
    tasks = {t.label: t for t in find_tasks(raw) if t.kind == "marker"}
    t = tasks["加大稳岗支持力度"]
    assert names(t.lead) == ["人力资源社会保障部"] and names(t.responsible) == ["财政部"]
    t = tasks["支持创业载体建设"]
    assert names(t.lead) == ["人力资源社会保障部"]
    assert names(t.responsible)[-1] == "各省级人民政府"
    assert names(tasks["扩大就业见习补贴范围"].responsible) == []


def test_without_a_rule_a_duty_list_is_all_responsible():
    text = "（三）强化用地保障。优先保障项目用地。（省自然资源厅、省发展改革委负责）\n"
    t = one(text)
    assert names(t.lead) == [] and names(t.responsible) == ["省自然资源厅", "省发展改革委"]


def test_lead_with_supporting_units():
    text = "（二）加强人才培养。完善人才评价体系。（省人力资源社会保障厅牵头，省教育厅、省科技厅配合）\n"
    t = one(text)
    assert names(t.lead) == ["省人力资源社会保障厅"]
    assert names(t.supporting) == ["省教育厅", "省科技厅"]


def test_assessment_marker_with_deadline():
    raw = (MORE / "16_baotou_shuzizhengfu_kaoping.txt").read_text(encoding="utf-8")
    tasks = [t for t in find_tasks(raw) if t.kind == "marker"]
    first = tasks[0]
    assert names(first.lead) == ["市审批服务局"]
    assert first.deadline == "5月底取得明显成效并持续推进"
    shared = next(t for t in tasks if "市住建局" in names(t.lead))
    assert names(shared.lead) == ["市住建局", "市审批服务局"]


def test_bare_markers_on_own_line():
    text = "1．推进数据共享。建设统一平台。\n牵头单位：市大数据局，配合单位：市财政局、市发展改革委\n"
    t = one(text)
    assert names(t.lead) == ["市大数据局"]
    assert names(t.supporting) == ["市财政局", "市发展改革委"]
    assert t.label == "推进数据共享"


def test_unnumbered_paragraphs_and_section_title_label():
    raw = (MORE / "09_anhui_gongyehulianwang.txt").read_text(encoding="utf-8")
    labels = [t.label for t in find_tasks(raw) if t.kind == "marker"]
    assert labels[:2] == ["培育各类工业互联网平台", "推动企业上云上平台"]
    assert "支持工业互联网安全体系建设" in labels  # a section with one paragraph and no heading
    assert "开展工业互联网新模式推广" in labels  # one marker covering unnumbered sub-paragraphs
    assert "智能化制造" not in labels


def test_colophon_is_not_a_marker():
    raw = (SAMPLES / "001_baa82a02c22cd2c2.txt").read_text(encoding="utf-8")
    tasks = find_tasks(raw)
    assert not any(
        "柯桥区人民政府办公室" in names(t.lead + t.responsible) for t in tasks if t.kind == "marker"
    )
    marker = [t for t in tasks if t.kind == "marker"]
    assert len(marker) == 32


def test_table_with_header_and_continuation():
    text = (
        "附件\n重点任务清单\n序号\t重点任务\t牵头单位\t责任单位\t完成时限\n"
        "1\t推广绿色建筑和绿色建材\t区建设局\t区发改局、区经信局\t2022年底前\n"
        "2\t完善无障碍公交线路\t\t\t长期坚持\n"
        "（续表）\n序号\t重点任务\t牵头单位\t责任单位\t完成时限\n"
        "3\t完善无障碍城市道路\t区综合执法局\t区公安分局 各镇（街道）\t每年\n"
        "\n这段文字不是表格。\n"
        "4\t其他事项\t区财政局\t\t\n"
    )
    rows = [t for t in find_tasks(text) if t.kind == "table"]
    assert [t.label for t in rows] == ["推广绿色建筑和绿色建材", "完善无障碍城市道路"]
    assert names(rows[0].lead) == ["区建设局"] and names(rows[0].responsible) == ["区发改局", "区经信局"]
    assert rows[0].deadline == "2022年底前"
    assert names(rows[1].responsible) == ["区公安分局", "各镇（街道）"]


@pytest.mark.parametrize(
    ("text", "role", "units", "label"),
    [
        (
            "区财政局负责保障纳管的劳动模范医疗补助经费。",
            "responsible",
            ["区财政局"],
            "保障纳管的劳动模范医疗补助经费",
        ),
        (
            "按照“谁主管、谁负责”的原则，由各公共服务场所主管部门负责实施无障碍环境建设工作。",
            "responsible",
            ["各公共服务场所主管部门"],
            "实施无障碍环境建设工作",
        ),
        (
            "领导小组下设办公室，办公室设在区建设局，负责统筹协调和监督落实等工作。",
            "responsible",
            ["区建设局"],
            "办公室设在区建设局，负责统筹协调和监督落实等工作",
        ),
        (
            "省经济和信息化厅会同省财政厅等单位制定具体实施细则或申报服务指南。",
            "responsible",
            ["省经济和信息化厅", "省财政厅"],
            "制定具体实施细则或申报服务指南",
        ),
        (
            "35．配合市发改委做好涉企信用数据整合和平台对接工作。",
            "lead",
            ["市发改委"],
            "做好涉企信用数据整合和平台对接工作",
        ),
        (
            "各镇（街道）为本镇（街道）范围内征地房屋补偿工作的实施单位。",
            "responsible",
            ["各镇（街道）"],
            "本镇（街道）范围内征地房屋补偿工作的实施单位",
        ),
    ],
)
def test_prose_patterns(text, role, units, label):
    t = one(text, "prose")
    assert names(getattr(t, role)) == units
    assert t.label == label


def test_prose_lead_with_supporting():
    t = one("市机关事务局牵头，市财政局、市发改局配合，抓好机关单位垃圾分类工作。", "prose")
    assert names(t.lead) == ["市机关事务局"] and names(t.supporting) == ["市财政局", "市发改局"]


@pytest.mark.parametrize(
    "text",
    [
        "企业负责落实安全生产主体责任。",
        "金融机构负责做好贷款审查工作。",
        "建立由政府负责人牵头、相关部门共同参与的工作机制。",
        "对符合条件的失业人员，由失业保险基金发放失业保险金。",
        "会议要求，各级各部门要勇于担当。",
    ],
)
def test_prose_negatives(text):
    assert find_tasks(text) == []


def test_prose_in_wrapped_pdf_lines():
    raw = (SAMPLES / "000_d74bb4acde02e188.txt").read_text(encoding="utf-8")
    tasks = [t for t in find_tasks(raw) if t.kind == "prose"]
    t = next(t for t in tasks if names(t.responsible) == ["区总工会"])
    assert "\n" not in t.text and t.text.startswith("区总工会负责向区财政局")
    assert any(names(t.responsible) == ["区政府"] and "另行制定" in t.label for t in tasks)


def test_outline_items_and_pdf_lost_number_glyph():
    c = compact(
        "   二、重点任务\n   (一)实施大型骨干企业培育壮大行动\n\n   １\n   � 做大做 强 龙 头 企 业.支持做大做强.\n"
    )
    items = parse_outline(c)
    assert [it.entry for it in items] == [
        "二、重点任务",
        "(一)实施大型骨干企业培育壮大行动",
        "�做大做强龙头企业",
    ]
    assert items[2].parent == 1 and items[1].parent == 0


# ---------------------------------------------------------------- clause-subject duties (000, 001, 16)


@pytest.mark.parametrize(
    ("text", "units", "label"),
    [
        (  # 000: a bare subject + duty verb in a procedural 办法
            "属地镇（街道）支付征地房屋补偿费用并组织房屋腾退，支付期限最迟不超过60天。",
            ["属地镇（街道）"],
            "支付征地房屋补偿费用并组织房屋腾退",
        ),
        (  # 000: an opening basis clause is skipped for the label
            "区房屋征收部门根据土地利用年度计划、近期建设规划等，制定全区年度房屋征收工作计划，经上级同意后组织实施。",
            ["区房屋征收部门"],
            "制定全区年度房屋征收工作计划",
        ),
        (  # 000: a fronted object (对X予以认定) is put back for the label
            "各镇（街道）依照相关规定对征收范围内的房屋权属、安置人口及分户等情况予以认定。",
            ["各镇（街道）"],
            "征收范围内的房屋权属、安置人口及分户等情况认定",
        ),
        (  # 000: a name that runs on into its predicate is cut at the shortest reading
            "一、自2022年4月1日起，在柯桥区行政区域范围内，区综合执法局统一行使行政处罚事项。",
            ["区综合执法局"],
            "统一行使行政处罚事项",
        ),
        (  # 001: an open list with 等相关部门， before the predicate
            "区建设局、发改局、经信局等相关部门，对项目建设、分配、运营管理方案实施联合审查。",
            ["区建设局", "区发改局", "区经信局"],
            "对项目建设、分配、运营管理方案实施联合审查",
        ),
        (  # 000: 负责 with the unit the sentence opens with
            "（四）区土地和房屋征收工作办公室（以下简称区房屋征收部门）为全区集体所有土地上房屋征收部门，"
            "负责组织实施全区征地房屋补偿工作。",
            ["区土地和房屋征收工作办公室"],
            "组织实施全区征地房屋补偿工作",
        ),
        (  # 000: 由X交Y… — both take part
            "（七）《征地房屋补偿实施方案》由属地镇（街道）交区房屋征收部门依照国家和省、市有关规定组织开展公告、听证。",
            ["属地镇（街道）", "区房屋征收部门"],
            "依照国家和省、市有关规定组织开展公告、听证",
        ),
    ],
)
def test_clause_subject_duties(text, units, label):
    t = one(text, "prose")
    assert names(t.responsible) == units
    assert t.label == label


def test_departments_named_by_function_that_cooperate_support():
    # 16: departments named by function before 等部门, 积极配合 with no lead in the sentence
    t = one("64．公安、市场监管、城管执法等部门积极配合监控视频接入。", "prose")
    assert (names(t.responsible), names(t.supporting)) == ([], ["公安", "市场监管", "城管执法"])
    assert t.label == "积极配合监控视频接入"


@pytest.mark.parametrize(
    "text",
    [
        "激发领导干部积极性，推动工作落实。",  # a verb phrase the splitter reads as a unit
        "2021年，区府办严格按照整改要求，统筹压缩会议数量。",  # a year's work reported
        "区府办较好地发挥了督查工作服务中心、推动工作落实的作用。",
        "各部门（单位）要站在全局的高度，充分认识重要性。",  # an appeal to a collective
        "答复期限内，可由属地镇（街道）提出申请。",  # 可由: permitted, not assigned
        "【指导服务】4月15日，市政府在保罗洲际酒店召开全市招投标管理工作会议。",  # yearbook report
    ],
)
def test_clause_subject_negatives(text):
    assert [t for t in find_tasks(text) if t.kind == "prose"] == []


def test_meeting_decision_in_a_report_assigns():
    text = "【第7次常务会议】会议明确，教体部门负责文化类培训学校的管理工作，乡镇（街道）履行属地管理职责。"
    got = {t.label: names(t.responsible) for t in find_tasks(text)}
    assert got["履行属地管理职责"] == ["乡镇（街道）"]


def test_prose_inside_a_marker_item_and_modal_lead():
    text = (
        "（四）加大财政对新型建筑产业的支持。区财政局要整合相关专项资金，支持装配式建筑产业工人队伍培育。"
        "（责任单位：区财政局、区建设局）\n"
        "（三）深耕细作，数字政府出成绩。2022年，区府办将继续发挥牵头抓总作用，持续加快推进数字政府建设。\n"
    )
    tasks = find_tasks(text)
    assert [t.kind for t in tasks] == ["marker", "prose", "prose"]
    assert tasks[1].label == "整合相关专项资金" and names(tasks[1].responsible) == ["区财政局"]
    assert names(tasks[2].lead) == ["区府办"] and tasks[2].label == "深耕细作，数字政府出成绩"


def test_assist_takes_the_item_unit_as_supporting():
    text = "35．配合市发改委做好涉企信用数据整合和平台对接工作。（0.25分）（6月底完成，牵头考核单位：市市场监管局）"
    prose = one(text, "prose")
    assert names(prose.lead) == ["市发改委"] and names(prose.supporting) == ["市市场监管局"]


def test_page_break_inside_a_sentence_is_joined():
    from kg.extract.outline import unwrap

    c = compact(
        "补偿安置实施前，属地镇（街道）应当会同区\n\n自然资源分局、综合执法局等部门作记录。\n\n关于2021年工作总结\n\n2021年，面对"
    )
    assert unwrap(c).s == (
        "补偿安置实施前，属地镇（街道）应当会同区自然资源分局、综合执法局等部门作记录。\n\n关于2021年工作总结\n\n2021年，面对"
    )


def test_by_x_together_with_y_gives_two_units_not_one_run_on_name():
    """``由X会同Y开展…``: X and Y both responsible; ``X会同Y`` is never a unit of its own."""
    text = "（三）加强融资服务。由省地方金融监管局会同人民银行南京分行开展民营企业融资对接活动，每季度至少举办一次。"
    tasks = find_tasks(text)
    names = {u.name for t in tasks for u in t.lead + t.responsible + t.supporting}
    assert names == {"省地方金融监管局", "人民银行南京分行"}
    assert all(not t.lead for t in tasks)


def test_first_chars_of_word_list_patterns():
    from kg.extract.tasks import first_chars

    assert first_chars(["(?:根据|依照)", "(?:对|就)(?!于)"]) == "依对就根"
    assert first_chars(["(?:根据|依照)", "[对就]"]) is None  # not a plain word list: no gate
    assert first_chars(["(?:根据|)"]) is None
