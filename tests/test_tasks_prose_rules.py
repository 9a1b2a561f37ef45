"""Prose assignment rules of kg.extract.tasks on short texts written in the style of other
provinces' notices and plans (none of them is in the gold corpus)."""

from __future__ import annotations

from tests.task_helpers import owner as _owner
from tests.task_helpers import prose as _prose
from tests.task_helpers import units as _units


def test_a_verb_on_the_last_suffix_character_ends_the_unit():
    # 河南 county style: 办 is an organ suffix, but 办理 is the verb
    tasks = _prose("土地补偿协议签订后，由县自然资源局办理用地报批手续。")
    assert [_units(t) for t in tasks] == [["县自然资源局"]]
    assert tasks[0].label.startswith("办理用地报批手续")


def test_a_verb_after_the_unit_is_not_read_as_a_committee():
    tasks = _prose("评估工作由市财政局委托第三方机构开展。")
    assert [_units(t) for t in tasks] == [["市财政局"]]


def test_required_as_a_noun_is_no_appeal():
    text = "县行政审批服务局按有关要求予以审批，县自然资源局在用地批复中予以明确。"
    tasks = _prose(text)
    assert ["县自然资源局"] in [_units(t) for t in tasks]


def test_a_meeting_appeal_still_assigns_nothing():
    assert _prose("会议要求，县住建局在年底前完成老旧小区改造。") == []


def test_a_half_width_full_stop_between_chinese_ends_the_sentence():
    # PDF text where 。 came out as a half-width full stop
    text = "（八）加强督导.县政府督查室要定期对各乡镇推进情况开展督促检查.\n"
    tasks = _prose(text)
    assert [_units(t) for t in tasks] == [["县政府督查室"]]


def test_the_group_a_sentence_sets_up_is_the_subject_of_its_duty_clause():
    text = (
        "（一）加强组织领导。成立以县长为组长的县农村人居环境整治工作领导小组，"
        "下设办公室在县农业农村局，负责整治工作的统筹协调和督促检查。\n"
    )
    tasks = _prose(text)
    duty = _owner(tasks, "县农村人居环境整治工作领导小组")
    assert "统筹协调" in duty.label
    office = _owner(tasks, "县农业农村局")
    assert office.label.startswith("县农村人居环境整治工作领导小组办公室")


def test_governments_of_a_level_are_units():
    tasks = _prose("中央财政安排部分资金，由地方统筹用于稳岗补贴。")
    assert [_units(t) for t in tasks] == [["地方"]]


def test_units_told_to_act_share_the_duty():
    text = "乡镇人民政府应当书面通知县公安局、市场监管局、税务局等部门，在征收范围内暂停办理相关手续。"
    tasks = _prose(text)
    assert len(tasks) == 1
    assert _units(tasks[0]) == ["乡镇人民政府", "县公安局", "县市场监管局", "县税务局"]
    assert tasks[0].label == "在征收范围内暂停办理相关手续"


def test_a_notice_to_a_list_without_a_class_word_is_not_read_so():
    tasks = _prose("县住建局应当及时通知县财政局拨付资金。")
    assert all("县财政局" not in _units(t) for t in tasks)


def test_the_partner_of_a_modal_subject():
    text = "（三）各乡镇应当组织工作人员会同村（社区）对房屋情况进行入户调查。\n"
    tasks = _prose(text)
    assert [_units(t) for t in tasks] == [["各乡镇", "村（社区）"]]


def test_a_relative_clause_with_by_is_no_statement():
    text = "相关部门不得再行使已划由县综合行政执法局行使的行政处罚权。"
    assert _prose(text) == []


def test_the_recipient_of_a_duty_is_not_in_its_label():
    tasks = _prose("县总工会负责向县财政局提供劳动模范名单。")
    assert [_units(t) for t in tasks] == [["县总工会"]]
    assert tasks[0].label == "提供劳动模范名单"


def test_an_attributed_subject_and_the_units_that_support_it():
    text = (
        "今年拆迁体制作了调整，新组建的县征迁办要抓紧梳理业务，"
        "县自然资源局、住建局等部门和县城投集团等单位要全力配合。"
    )
    tasks = _prose(text)
    assert len(tasks) == 1
    assert _units(tasks[0], "responsible") == ["县征迁办"]
    assert _units(tasks[0], "supporting") == ["县自然资源局", "县住建局", "县城投集团"]
    assert tasks[0].label == "抓紧梳理业务"
