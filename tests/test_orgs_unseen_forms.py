"""Mentions read wrongly on publications from outside the dev corpus (a 陕西 county's 工作规则, a 湖南
city's notice, an 安徽 district's page), each rule with a negative case."""

from __future__ import annotations

from kg.extract.org_mentions import find_orgs


def _names(text: str) -> list[str]:
    return [m.name for m in find_orgs(text)]


def test_a_national_organ_printed_bare_is_a_unit_of_a_list():
    assert _names("在党中央、国务院和省委、省政府的坚强领导下") == ["党中央", "国务院", "省委", "省政府"]
    assert _names("由县财政局和县税务局负责") == ["县财政局", "县税务局"]


def test_a_post_opens_a_clause_about_a_person():
    assert _names("县长主持县政府全面工作。") == []
    assert _names("副镇长协助镇长工作，镇政府办公室负责日常事务。") == ["镇政府办公室"]


def test_a_verb_before_a_level_name_is_no_part_of_it():
    assert _names("本方案已经县委、县人民政府同意，现印发给你们。") == ["县委", "县人民政府"]
    assert _names("由城市管理局、财政局负责") == ["城市管理局", "财政局"]


def test_suo_of_suo_zuo_de_is_the_particle():
    assert _names("县长在县人民代表大会第三次会议所作的《政府工作报告》") == ["县人民代表大会"]
    assert _names("县农科所作为牵头单位") == ["县农科所"]


def test_an_organ_followed_by_you_guan_ends_before_it():
    assert _names("按照国务院办公厅有关要求") == ["国务院办公厅"]
    assert _names("由县财政局有关科室负责") == ["县财政局有关科室"]


def test_a_joining_verb_after_a_name_is_no_county():
    # 会同 is a verb and 会同县 a county of 湖南: after a name it is the verb (an 安徽 county yearbook)
    assert _names("县应急管理局会同县消防救援大队开展安全生产大检查。") == ["县应急管理局", "县消防救援大队"]
    assert _names("会同县人民政府办公室关于做好防汛工作的通知") == ["会同县人民政府办公室"]


def test_a_preposition_before_a_level_name_ends_the_name_before_it():
    assert _names("县政府督查室对县发改委、县财政局等单位进行通报。") == [
        "县政府督查室",
        "县发改委",
        "县财政局",
    ]
    assert _names("由市对外贸易经济合作局负责") == ["市对外贸易经济合作局"]
    assert _names("镇为民服务中心负责受理。") == ["镇为民服务中心"]


def test_each_of_a_list_holds_for_the_township_level_units_after_it():
    # an 安徽 district's 主送 line: 各 before the first item covers 街道办事处 too
    got = find_orgs("各乡镇人民政府、街道办事处，区政府各部门、各直属机构：")
    assert [(m.surface, m.name) for m in got][:2] == [
        ("各乡镇人民政府", "各乡镇人民政府"),
        ("街道办事处", "各街道办事处"),
    ]
    assert _names("区财政局、街道办事处负责") == ["区财政局", "街道办事处"]
    assert _names("各镇人民政府、区财政局负责") == ["各镇人民政府", "区财政局"]


def test_a_governments_classes_of_departments_are_one_collective():
    # a 上海 district's 主送 line: 区政府各委、办、局 is one addressee; a heading above a name is no part of it
    got = find_orgs("浦府办〔2024〕12号\n区政府各委、办、局，各街道办事处、镇人民政府：\n")
    assert [m.name for m in got] == ["区政府各部门", "各街道办事处", "各镇人民政府"]
    assert _names("市政府各委、办、局负责") == ["市政府各部门"]
    assert _names("二、保障措施\n区财政局要加大资金保障。") == ["区财政局"]
    assert _names("县财政局、局属各单位") == ["县财政局", "局属各单位"]


def test_classes_of_departments_by_suffix_are_the_bodys_departments():
    from kg.resolve.org_collectives import collective_key

    assert collective_key("区政府各委、办、局") == collective_key("区政府各部门")
    assert collective_key("机关各部、处、室") == "机关各部门"
    assert collective_key("各处室") == "各处室"


def test_local_offices_of_a_national_regulator_share_its_head():
    # a 人民银行 notice's list: 分支机构、派出机构 of one head; a company's branches are no organ
    got = find_orgs("国务院金融管理部门分支机构、派出机构以及公安等部门参加")
    assert [(m.surface, m.name) for m in got][:2] == [
        ("国务院金融管理部门分支机构", "国务院金融管理部门分支机构"),
        ("派出机构", "国务院金融管理部门派出机构"),
    ]
    assert _names("鼓励外资企业在省内设立地区总部、分支机构和制造基地") == []
