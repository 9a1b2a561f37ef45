"""Issue 13 rules (duties in every style) on sentences written in the style of provinces that are
not in the dev corpus; each rule with a negative case."""

from __future__ import annotations

from tests.task_helpers import tasks_of as _tasks
from tests.task_helpers import units as _units


def test_an_article_number_opens_the_clause():
    # 广东 办法 style, the chapter heading run into the first article (line breaks lost)
    text = "第二章　职责分工　　第六条 　市医疗保障局应当建立定点医药机构信用评价制度。"
    assert [_units(t) for t in _tasks(text)] == [["市医疗保障局"]]


def test_an_article_that_defines_is_no_duty():
    assert _tasks("第三条 　本办法所称医疗保障基金，是指职工基本医疗保险基金。") == []


def test_a_class_of_public_bodies_named_by_function_is_a_subject():
    # 湖北 notice style
    text = "（二）加强网络治理。公安部门、网信部门加强网络信息巡查，及时处置违法信息。"
    assert [_units(t) for t in _tasks(text)] == [["公安部门", "网信部门"]]


def test_a_verb_in_front_of_a_class_word_is_no_subject():
    assert _tasks("（二）加强网络治理。组织有关部门开展网络信息巡查。") == []


def test_a_term_the_text_defines_is_a_subject():
    # 江苏 条例 style
    text = "各级行政机关（以下简称执法单位）依法开展执法。执法单位应当公开执法信息。"
    assert [_units(t) for t in _tasks(text)] == [["执法单位"]]
    assert _tasks("执法单位应当公开执法信息。") == []  # not defined: no known body


def test_a_delegated_duty_goes_to_the_delegate():
    # 云南 办法 style: the text moves the duty
    text = "第五条 　市人民政府授权市大数据管理局负责全市公共数据管理工作。"
    assert [_units(t) for t in _tasks(text)] == [["市大数据管理局"]]


def test_by_names_the_agent_and_free_trade_is_no_by():
    tasks = _tasks("第三十条 　本办法由市司法局负责解释。")
    assert [_units(t) for t in tasks] == [["市司法局"]]
    tasks = _tasks("中国（福建）自由贸易试验区管理委员会负责统筹片区建设。")
    assert [_units(t) for t in tasks] == [["中国（福建）自由贸易试验区管理委员会"]]


def test_a_together_marker_gives_both_units():
    # 国务院 style marker after an item, 会同 inside the brackets
    text = "一、加大项目支持力度。（省发展改革委会同省财政厅负责）\n"
    tasks = _tasks(text, "marker")
    assert [_units(t, "responsible") for t in tasks] == [["省发展改革委", "省财政厅"]]
    tasks = _tasks("一、加大项目支持力度。（省发展改革委负责）\n", "marker")
    assert [_units(t, "responsible") for t in tasks] == [["省发展改革委"]]


def test_a_marker_whose_closing_bracket_is_lost_ends_at_the_next_item():
    # PDF text of a 河北 plan: the closing bracket fell off the line
    text = "（一）完善养老服务网络。推进社区养老服务设施建设。（责任单位：市民政局、市财政局\n二、保障措施\n加强资金保障。\n"
    tasks = _tasks(text, "marker")
    assert [_units(t) for t in tasks] == [["市民政局", "市财政局"]]


def test_a_bare_marker_on_a_crawled_line_runs_to_the_next_heading():
    # a crawled 湖南 page: no line breaks, no brackets
    text = "一、推进教育数字化。建设智慧校园。牵头单位：市教育局，配合单位：市财政局二、加强监督检查。开展专项督查。"
    tasks = _tasks(text, "marker")
    assert [(_units(t, "lead"), _units(t, "supporting")) for t in tasks] == [(["市教育局"], ["市财政局"])]


def test_a_label_word_inside_a_sentence_is_no_marker():
    assert _tasks("会议确定的牵头单位：市教育局将另行通知。", "marker") == []


def test_a_named_company_in_a_marker_is_a_unit_a_class_is_not():
    text = "五、保障电力供应。（国网湖北省电力有限公司负责）\n"
    assert [_units(t) for t in _tasks(text, "marker")] == [["国网湖北省电力有限公司"]]
    assert _tasks("五、保障电力供应。（各类企业负责）\n", "marker") == []


def test_bare_levels_share_the_head_of_the_named_body():
    # 贵州 条例 style
    text = "第八条 　省、市、县人民政府应当将数据资源开发利用纳入国民经济和社会发展规划。"
    assert [_units(t) for t in _tasks(text)] == [["省人民政府", "市人民政府", "县人民政府"]]
    text = "第八条 　省交通运输厅、市人民政府应当加强公路养护。"
    assert [_units(t) for t in _tasks(text)] == [["省交通运输厅", "市人民政府"]]


def test_a_fronted_topic_labels_a_duty_with_nothing_after_the_verb():
    # 陕西 notice style
    tasks = _tasks("三、工程质量投诉处理工作仍由县住建局负责。")
    assert [(t.label, _units(t)) for t in tasks] == [("工程质量投诉处理工作", ["县住建局"])]
    assert _tasks("三、由县住建局负责。") == []


def test_a_defined_term_after_a_collective_or_a_level_names_the_defined_body():
    # 浙江 办法 style: 其他执法单位 is the defined class, 省级执法单位 the departments of the level
    text = (
        "各级行政机关（以下简称执法单位）依法开展执法。其他执法单位应当予以配合。"
        "省级执法单位应当编制本部门执法清单。"
    )
    got = [(u.surface, u.name) for t in _tasks(text) for u in t.responsible]
    assert got == [("其他执法单位", "执法单位"), ("省级执法单位", "省级执法单位")]  # 单位: no 部门 class
    text = "各级行政机关（以下简称执法部门）依法开展执法。省级执法部门应当编制本部门执法清单。"
    got = [(u.surface, u.name) for t in _tasks(text) for u in t.responsible]
    assert got == [("省级执法部门", "省级各部门")]
    text = "省级执法部门应当编制本部门执法清单。"  # no definition: the name as printed
    assert [(u.surface, u.name) for t in _tasks(text) for u in t.responsible] == [
        ("省级执法部门", "省级执法部门")
    ]


def test_a_request_of_a_notice_is_a_duty_of_the_units_it_names():
    # 福建 notice style
    tasks = _tasks("请各设区市人民政府、平潭综合实验区管委会于6月底前报送实施情况。")
    assert [_units(t) for t in tasks] == [["各设区市人民政府", "平潭综合实验区管委会"]]
    assert _tasks("现将有关事项请示如下。") == []
    assert _tasks("邀请市农科院专家开展培训。") == []


def test_a_collective_must_be_given_work_not_an_attitude():
    # 山西 notice style: 要结合…建立 assigns work, 要高度重视 / 要切实加强领导 is an appeal
    tasks = _tasks("各县（市、区）人民政府要结合本地实际，建立工作台账。")
    assert [_units(t) for t in tasks] == [["各县（市、区）人民政府"]]
    assert _tasks("各县（市、区）人民政府要高度重视，切实加强领导。") == []


def test_an_article_cited_inside_a_clause_keeps_the_subject():
    # 湖南 办法 style: 依照第五条 after the subject is a citation, not an article opening
    tasks = _tasks("第九条 　市财政局依照第五条规定拨付补助资金。")
    assert [_units(t) for t in tasks] == [["市财政局"]]
    tasks = _tasks("（二）资金拨付。市财政局依照第五条规定拨付补助资金。")
    assert [_units(t) for t in tasks] == [["市财政局"]]


def test_organs_joined_by_he_in_a_list_are_each_a_unit():
    # 浙江 implementation-plan style: 和 between a named organ and a function name before 等部门
    text = "（三）加强监测。省发展改革委、省统计局和网信等部门持续完善监测手段，及时通报情况。"
    assert [_units(t) for t in _tasks(text)] == [["省发展改革委", "省统计局", "网信"]]
    text = "（四）强化保障。省财政厅和省税务局负责落实减税政策。"
    assert [_units(t) for t in _tasks(text)] == [["省财政厅", "省税务局"]]


def test_a_name_with_he_inside_stays_whole():
    # a name whose left part is no organ, and a collective, are never split
    text = "（四）强化保障。住房和城乡建设厅负责制定标准。"
    assert [_units(t) for t in _tasks(text)] == [["住房和城乡建设厅"]]
    text = "（五）压实责任。各有关部门和单位要对照任务清单建立工作台账。"
    assert all("单位" not in _units(t) for t in _tasks(text))


def test_branches_of_an_organ_share_its_name():
    # 广西 notice style: 分支机构 / 派出机构 after the organ's name, the second bare
    text = "（六）加强协作。自治区地方金融管理局会同国务院金融管理部门分支机构、派出机构以及网信、公安等部门做好风险排查。"
    assert [_units(t) for t in _tasks(text)] == [
        ["自治区地方金融管理局", "国务院金融管理部门分支机构", "国务院金融管理部门派出机构", "网信", "公安"]
    ]
    text = "（六）加强协作。发现线索后，自治区地方金融管理局、国务院金融管理部门分支机构和派出机构等相关部门依法调查处置。"
    assert [_units(t) for t in _tasks(text)] == [
        ["自治区地方金融管理局", "国务院金融管理部门分支机构", "国务院金融管理部门派出机构"]
    ]


def test_a_branch_of_no_public_body_is_no_unit():
    # a bank's branch is a private body; a bare 派出机构 names no organ
    assert _tasks("（六）加强协作。商业银行分支机构要及时报告可疑交易。") == []
    assert _tasks("（六）加强协作。派出机构要及时报告可疑交易。") == []


def test_groups_joined_by_yiji_with_classes_named_by_function():
    # 湖南 notice style: a closed 等部门 list, 以及, then classes of bodies named by function
    text = "（八）依法惩处。省公安厅、省市场监管局等部门以及审判机关、检察机关，依法严厉打击电信诈骗。"
    assert [_units(t) for t in _tasks(text)] == [["省公安厅", "省市场监管局", "审判机关", "检察机关"]]


def test_groups_joined_by_yiji_need_bodies_on_both_sides():
    # the second group is private (企业), so the sentence names no clean unit list
    text = "（八）依法惩处。省公安厅、省市场监管局等部门以及相关企业，依法严厉打击电信诈骗。"
    assert all("相关企业" not in _units(t) for t in _tasks(text))


def test_by_x_past_a_short_adverbial():
    # 山东 notice style: 由X按照职责分工，依法… — the duty is after the short adverbial
    text = "跨境开展此类业务的，由省发展改革委、省地方金融管理局等相关部门按照职责分工，依法进行严格监管。"
    assert [(t.label, _units(t)) for t in _tasks(text)] == [
        ("依法进行严格监管", ["省发展改革委", "省地方金融管理局"])
    ]


def test_by_x_before_a_long_clause_with_its_own_verb_is_not_skipped():
    # the clause after X holds X's own action (提出…后), so the label is not moved past it
    text = "（九）加强监管。产权不清的，由属地街道办事处根据实施方案提出补偿方案后，实施补偿安置。"
    assert all(t.label != "实施补偿安置" for t in _tasks(text))
