"""Prose rules of issue 13's fourth round, each on a sentence in the style of another province
than the dev files, with a negative test: a shared class head, a duty after an adverbial clause,
a collective's deliverable, a group of bodies, 具体由X牵头 refining a duty, 与Y联动配合."""

from __future__ import annotations

from tests.task_helpers import prose as _prose
from tests.task_helpers import units as _units


def test_function_names_share_the_class_head_of_the_last():
    # 广东 notice style: 应急、交通运输和公安部门 = three classes of departments; a function name is
    # named as printed unless the text prints its class (应急部门) elsewhere
    tasks = _prose("应急、交通运输和公安部门要加强汛期道路巡查，及时处置险情。")
    assert [_units(t) for t in tasks] == [["应急", "交通运输", "公安部门"]]
    tasks = _prose("应急、交通运输和公安部门要加强汛期道路巡查。应急部门要及时发布预警。")
    assert [_units(t) for t in tasks][0] == ["应急部门", "交通运输", "公安部门"]
    assert tasks[0].responsible[0].surface == "应急"  # printed as it is


def test_a_function_joined_by_he_stays_one_class():
    # 工业和信息化部门 / 住房和城乡建设部门 are one function each (an organ name opens so)
    tasks = _prose("工业和信息化部门要加强中小企业服务体系建设。")
    assert [_units(t) for t in tasks] == [["工业和信息化部门"]]
    tasks = _prose("住房和城乡建设部门要加强燃气安全监管。")
    assert [_units(t) for t in tasks] == [["住房和城乡建设部门"]]


def test_a_class_after_an_adverbial_clause_has_the_duty_of_the_next_clause():
    # 浙江 notice style: 根据…，及时… is a duty of the listed classes
    tasks = _prose("市场监管和商务部门根据群众举报线索，及时依法查处价格违法行为。")
    assert [_units(t) for t in tasks] == [["市场监管", "商务部门"]]
    assert tasks[0].label.startswith("及时依法查处")


def test_a_class_before_a_preposition_inside_its_clause_is_still_a_procedure():
    assert _prose("规划资源部门根据选址方案征询有关部门意见。") == []


def test_a_collective_that_must_deliver_has_a_duty():
    # 江西 bureau style: 各单位要…并上报 names a deliverable
    tasks = _prose("各单位要认真填写安全生产检查表，并于每月5日前上报局办公室。")
    assert [_units(t) for t in tasks] == [["各单位"]]


def test_a_collective_asked_for_an_attitude_has_no_duty():
    assert _prose("各单位要高度重视，切实加强组织领导。") == []
    assert _prose("各地要提高思想认识，勇于担当作为。") == []


def test_every_body_of_a_group_is_a_subject():
    # 甘肃 bureau style: 全系统各单位 (every unit of the bureau's system)
    tasks = _prose("全系统各单位要结合本地实际，建立安全生产隐患排查台账。")
    assert [_units(t) for t in tasks] == [["全系统各单位"]]
    assert tasks[0].label.startswith("建立安全生产隐患排查台账")


def test_a_verb_before_a_group_is_no_subject():
    assert _prose("鼓励和支持各单位在采购服务时优先选择信用等级高的企业。") == []


def test_a_refining_lead_joins_the_duty_it_refines():
    # 福建 plan style: X统筹负责…，具体由Y牵头，Z参加，与W协同配合，…
    text = (
        "（二）压实责任。各县（市、区）人民政府统筹负责辖区内燃气安全工作，具体由县住房城乡建设局牵头，"
        "县应急管理局、县市场监管局参加，与县消防救援大队协同配合，建立隐患排查整治机制。"
    )
    tasks = _prose(text)
    assert len(tasks) == 1
    t = tasks[0]
    assert t.label == "压实责任"
    assert _units(t, "lead") == ["县住房城乡建设局"]
    assert _units(t, "responsible") == ["各县（市、区）人民政府"]
    assert _units(t, "supporting") == ["县应急管理局", "县市场监管局", "县消防救援大队"]


def test_a_lead_without_a_duty_before_it_stays_its_own_task():
    tasks = _prose("县住房城乡建设局牵头，县应急管理局参加，建立隐患排查整治机制。")
    assert [(_units(t, "lead"), _units(t, "supporting")) for t in tasks] == [
        (["县住房城乡建设局"], ["县应急管理局"])
    ]
    assert tasks[0].label.startswith("建立隐患排查整治机制")


def test_a_partner_clause_without_a_join_verb_adds_no_unit():
    # 与Y签订协议 is work with Y, not Y joining the task
    tasks = _prose("县商务局牵头，县财政局参与，与县农商银行签订合作协议。")
    assert all("县农商银行" not in _units(t) for t in tasks)


def test_a_role_of_a_body_is_a_duty():
    # 发挥…作用 after a public body (四川 notice style)
    tasks = _prose("各市（州）人民政府充分发挥防汛指挥部统筹作用，及时转移受威胁群众。")
    assert [_units(t) for t in tasks] == [["各市（州）人民政府"]]
    assert _prose("企业充分发挥市场主体作用。") == []


def test_a_collective_told_to_organise_past_a_manner_adverb_has_a_duty():
    # 河北 notice style: 各有关部门要认真组织实施… (组织 assigns work)
    tasks = _prose("各有关部门要认真组织实施本方案，及时制定配套措施。")
    assert [_units(t) for t in tasks] == [["各有关部门"]]
    assert _prose("各地要认真学习领会文件精神。") == []


def test_a_request_names_a_unit_not_a_verb_phrase():
    tasks = _prose("请各县（区）教育局于5月10日前报送工作总结。")
    assert [_units(t) for t in tasks] == [["各县（区）教育局"]]
    assert _prose("电子版请发送至市教育局宣传工作邮箱。") == []


def test_an_organ_and_its_related_departments_are_two_units():
    # 山东 办法 style: X及有关部门 / X和相关部门
    tasks = _prose("第十二条　县级人民政府及有关部门应当依法公开应急处置信息。")
    assert [_units(t) for t in tasks] == [["县级人民政府", "有关部门"]]
    tasks = _prose("各有关部门和单位要按时报送统计数据。")
    assert [_units(t) for t in tasks] == [["各有关部门和单位"]]


def test_a_later_assist_clause_is_supported_by_the_sentence_subject():
    # 云南 办法 style: X应当会同…，配合Y建立… (X supports Y's work)
    tasks = _prose("第九条　县统计局应当会同有关部门建立统计数据共享机制，配合县财政局建立资金监测平台。")
    second = next(t for t in tasks if t.label.startswith("建立资金监测平台"))
    assert _units(second, "lead") == ["县财政局"] and _units(second, "supporting") == ["县统计局"]


def test_an_assist_clause_without_a_subject_in_its_sentence_has_none():
    tasks = _prose("（五）配合县财政局建立资金监测平台。")
    assert [(_units(t, "lead"), _units(t, "supporting")) for t in tasks] == [(["县财政局"], [])]


def test_a_modal_before_a_time_limit_is_a_duty():
    # 应当在…内 (a duty with its deadline), 贵州 办法 style
    tasks = _prose("第二十一条　县级政务服务部门应当在五个工作日内作出答复。")
    assert [_units(t) for t in tasks] == [["县级政务服务部门"]]
    assert _prose("第二十一条　本办法的重点应在于规范流程。") == []


def test_function_names_before_etc_departments_take_the_class_the_text_prints():
    # 江苏 notice style: 住建、城管等部门, and 城管部门 printed in another item: one name per class
    text = "（六）加强执法。住建、城管等部门要加强燃气经营执法检查。\n（七）城管部门要加强占道经营整治。"
    tasks = _prose(text)
    assert _units(tasks[0]) == ["住建", "城管部门"]
    assert [u.surface for u in tasks[0].responsible] == ["住建", "城管"]
    # a list closed by 等相关单位 (单位 is no class head) keeps its names; named organs keep theirs
    tasks = _prose("县住建局、城管等相关单位要加强燃气经营执法检查。")
    assert all("城管部门" not in _units(t) for t in tasks)
