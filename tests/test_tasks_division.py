"""Prose assignments that share out work between units, on short texts written in the style of
other provinces' plans and notices (none of them is in the gold corpus): a division of labour
(按职责分工, 分别), two duties in one sentence, a 配合 unit, and 会同 (GUIDE: no lead)."""

from __future__ import annotations

from tests.task_helpers import prose as _prose
from tests.task_helpers import roles as _roles
from tests.task_helpers import units


def test_units_that_share_work_by_their_duties_are_the_subject():
    # 广东 city plan: an unmarked item whose units open the sentence, 按职责分工 before the verb
    text = "3.加强校外培训监管。市教育局、市市场监管局按职责分工开展校外培训机构联合检查。\n"
    tasks = _prose(text)
    assert [_roles(t) for t in tasks] == [([], ["市教育局", "市市场监管局"], [])]
    assert tasks[0].label == "加强校外培训监管"


def test_units_that_each_do_part_of_the_work():
    # 四川 county notice: 分别对…, outside a numbered item; the label drops 分别
    text = "县卫生健康局、县医疗保障局分别对定点医疗机构开展违规使用医保基金专项检查。\n"
    tasks = _prose(text)
    assert [_roles(t) for t in tasks] == [([], ["县卫生健康局", "县医疗保障局"], [])]
    assert tasks[0].label.startswith("对定点医疗机构")


def test_a_division_of_labour_before_a_class_word_is_dropped_from_the_label():
    text = "市住房城乡建设局、市城市管理局等部门按职责分工抓好建筑垃圾治理。\n"
    tasks = _prose(text)
    assert [_roles(t) for t in tasks] == [([], ["市住房城乡建设局", "市城市管理局"], [])]
    assert tasks[0].label == "抓好建筑垃圾治理"


def test_respectively_being_something_is_no_duty():
    assert _prose("市发展改革委、市统计局分别为规划实施的评估单位。\n") == []


def test_two_duties_in_one_numbered_sentence_give_two_tasks():
    # 湖北 city notice: the item number 三、 opens the first unit's clause
    text = "三、市生态环境局负责全市大气污染防治工作的统筹协调和监督管理，市公安局负责机动车尾气路检路查。\n"
    tasks = _prose(text)
    got = {t.label: _roles(t) for t in tasks}
    assert got == {
        "全市大气污染防治工作的统筹协调和监督管理": ([], ["市生态环境局"], []),
        "机动车尾气路检路查": ([], ["市公安局"], []),
    }


def test_an_item_number_in_brackets_is_not_part_of_the_unit():
    text = "（二）县交通运输局负责农村公路建设养护的行业指导，各乡镇人民政府负责辖区内农村公路日常管护。\n"
    assert [units(t, "responsible") for t in _prose(text)] == [["县交通运输局"], ["各乡镇人民政府"]]


def test_a_unit_that_cooperates_after_a_duty_supports_that_task():
    # 浙江 district plan: X负责…，Y配合做好…
    text = "2.推进告知承诺制。区行政审批局负责制定告知承诺事项清单，区司法局配合做好合法性审查。\n"
    tasks = _prose(text)
    assert [_roles(t) for t in tasks] == [([], ["区行政审批局"], ["区司法局"])]


def test_a_unit_that_cooperates_after_a_lead_supports_that_task():
    text = "（五）区住建局牵头推进老旧小区改造，区财政局积极配合做好资金保障。\n"
    tasks = _prose(text)
    assert [_roles(t) for t in tasks] == [(["区住建局"], [], ["区财政局"])]


def test_full_support_of_a_township_list_joins_the_duty():
    text = "区城管局负责垃圾分类收运体系建设，各街道要全力配合。\n"
    assert [_roles(t) for t in _prose(text)] == [([], ["区城管局"], ["各街道"])]


def test_a_cooperating_unit_alone_has_a_task_of_its_own():
    tasks = _prose("市公安局配合做好大型活动期间的交通疏导工作。\n")
    assert [_roles(t) for t in tasks] == [([], [], ["市公安局"])]
    assert tasks[0].label.startswith("配合做好大型活动")


def test_cooperation_without_a_unit_or_as_a_noun_assigns_nothing():
    assert _prose("各部门要密切配合，形成工作合力。\n") == []
    assert _prose("在市委宣传部的配合下，评选工作顺利完成。\n") == []


def test_cooperation_reported_in_a_yearbook_entry_is_no_task():
    assert _prose("【交通管理】全年，市公安局配合做好大型活动交通疏导工作。\n", report=True) == []


def test_together_with_gives_no_lead():
    # GUIDE: "X会同Y" gives no lead, X and Y are both responsible (also after 由)
    text = "4.推进交房即发证。由市自然资源和规划局会同市税务局、市住房城乡建设局推进不动产登记便利化改革。\n"
    tasks = _prose(text)
    assert [_roles(t) for t in tasks] == [([], ["市自然资源和规划局", "市税务局", "市住房城乡建设局"], [])]
    assert _roles(_prose("市卫生健康委会同市医保局制定分级诊疗实施细则。\n")[0]) == (
        [],
        ["市卫生健康委", "市医保局"],
        [],
    )
