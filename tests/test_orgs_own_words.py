"""A government's or bureau's words for itself (issue 12, round 4): 州 in an autonomous prefecture's
text, 区局 / 局办公室 in a bureau's own publication, 区直各部门 = that government's 各部门, the
adverbs 有所 / 无所. Each rule with a sentence in another province's style and a negative case."""

from __future__ import annotations

from kg import divisions
from kg.extract.org_mentions import find_orgs
from kg.models import Jurisdiction, Text
from kg.pipeline import extract
from kg.publication import text_publication
from kg.resolve import resolve
from kg.resolve.org_identity import identify
from kg.resolve.org_own import own_bureau, own_name

NATIONAL = Jurisdiction((), "national")


def _org_keys(text: str) -> set[str]:
    corpus = resolve([extract(text_publication(Text.from_raw("t.txt", text)))])
    return set(corpus.orgs)


# ---------------------------------------------------------------- 州 of an autonomous prefecture


def test_zhou_opens_a_name_of_the_autonomous_prefecture():
    # 湖南 style: 湘西州's own text writes 州财政局, 州人民政府
    xiangxi = divisions.lookup("湘西土家族苗族自治州")
    assert identify("州财政局", xiangxi).canonical == "湘西土家族苗族自治州财政局"
    assert identify("州人民政府", xiangxi).key == identify("湘西州人民政府", xiangxi).key
    # a county's text in that prefecture: 州X is still the prefecture's
    jishou = divisions.lookup("吉首市")
    assert identify("州民政局", jishou).key == identify("州民政局", xiangxi).key


def test_zhou_before_a_class_of_departments_stays_apart_from_the_level_neutral_class():
    # 甘肃 style rules of 临夏州: 州数据资源主管部门 (the prefecture's) is not 数据资源主管部门 (every level's)
    linxia = divisions.lookup("临夏回族自治州")
    assert identify("州数据资源主管部门", linxia).key != identify("数据资源主管部门", linxia).key


def test_zhou_is_no_prefix_outside_an_autonomous_prefecture():
    # 河南 style: 郑州市 ends in 市; 州 opening a name there is no level word
    zhengzhou = divisions.lookup("郑州市")
    got = identify("州财政局", zhengzhou)
    assert got is None or got.key != identify("市财政局", zhengzhou).key
    assert identify("州", divisions.lookup("湘西土家族苗族自治州")) is None  # the bare word: no organ


# ---------------------------------------------------------------- a bureau's words for itself


def test_a_bureau_calls_itself_by_its_level_and_局():
    # 广西 style: the 自治区市场监管局's own notice: 区局办公室 / 局办公室 / 本局 are that bureau
    gx = divisions.lookup("广西壮族自治区")
    own = own_bureau(["广西壮族自治区市场监督管理局"], identify, gx)
    assert own is not None and own[0] == "广西壮族自治区市场监督管理局"
    office = identify("广西壮族自治区市场监督管理局办公室", gx).key
    assert identify(own_name("区局办公室", own), gx).key == office
    assert identify(own_name("局办公室", own), gx).key == office
    assert own_name("本局", own) == "广西壮族自治区市场监督管理局"
    assert own_name("局法规处", own) == "广西壮族自治区市场监督管理局法规处"


def test_no_self_reference_where_the_level_or_issuer_differs():
    # 云南 style: in the provincial bureau's text 市局 are the cities' bureaus, 局长 is a post
    yn = divisions.lookup("云南省")
    own = own_bureau(["云南省市场监督管理局"], identify, yn)
    assert own_name("市局", own) is None
    assert own_name("区局办公室", own) is None  # 区 is not a province's level word
    assert own_name("局长", own) is None and own_name("局面", own) is None
    # a government's notice has no bureau of its own
    assert own_bureau(["云南省人民政府"], identify, yn) is None


def test_a_bureau_publication_gives_one_node_for_its_office():
    text = (
        "广西壮族自治区市场监督管理局关于加强信息报送工作的通知\n"
        "各市市场监督管理局，区局机关各处室：\n"
        "一、各单位信息经审核后报区局办公室。广西壮族自治区市场监督管理局办公室负责汇总。\n"
        "广西壮族自治区市场监督管理局\n2024年3月1日\n"
    )
    keys = _org_keys(text)
    assert "广西壮族自治区/市场监督管理局办公室" in keys
    assert not any(k.endswith("/局办公室") or k.endswith("/区局办公室") for k in keys), keys


# ---------------------------------------------------------------- 区直各部门


def test_departments_directly_under_a_zone_are_its_departments():
    # 广西 style: 区直各部门 in the 自治区's text are its 各部门, printed as written
    gx = divisions.lookup("广西壮族自治区")
    assert identify("区直各部门", gx).key == identify("各部门", gx).key
    assert identify("区直各部门", gx).canonical == "广西壮族自治区区直各部门"


def test_departments_directly_under_another_level_stay_apart():
    # 江西 style: in a prefecture city's text 县直各部门 are no department of the city
    ganzhou = divisions.lookup("赣州市")
    assert identify("县直各部门", ganzhou).key != identify("各部门", ganzhou).key


# ---------------------------------------------------------------- 有所 / 无所


def test_the_adverb_you_suo_ends_no_name():
    # 四川 style: 政府有所为, 市场无所不在
    got = [m.name for m in find_orgs("要做到群众有所呼、政府有所应，不能无所作为。")]
    assert not any(n.endswith(("有所", "无所")) for n in got), got


def test_an_office_named_suo_stays():
    got = [m.name for m in find_orgs("由县公安局城关派出所和省地质研究所负责。")]
    assert any(n.endswith("派出所") for n in got) and any(n.endswith("研究所") for n in got), got


# ---------------------------------------------------------------- 本级, a national text's bare field


def test_own_level_is_the_publications_level_not_every_level():
    # 青海 style: 本级财政部门 / 本级人民政府 in a prefecture's rules are its own
    haixi = divisions.lookup("海西蒙古族藏族自治州")
    assert identify("本级财政部门", haixi).key == identify("财政部门", haixi).key
    assert identify("本级人民政府", haixi).key == identify("州人民政府", haixi).key
    # 各级 stays every level
    assert identify("各级人民政府", haixi).key != identify("本级人民政府", haixi).key


def test_a_bare_field_in_a_national_text_is_the_class_of_its_organs():
    # a ministry's notice: 网信、公安等部门 / 公安部门 are one class, no 公安局 of the State
    assert identify("公安", NATIONAL).key == identify("公安部门", NATIONAL).key
    # in a city's text the field is the city's bureau
    assert identify("公安", divisions.lookup("昆明市")).key == "昆明市/公安局"


# ---------------------------------------------------------------- parks inside zones


def test_a_zone_before_the_name_of_its_park_is_no_committee():
    # 四川 style: 依托成都高新区国家数字服务出口基地 / 绵阳经开区国家级示范园
    got = [
        m.name
        for m in find_orgs("依托成都高新区国家数字服务出口基地和绵阳经开区国家安全产业示范园，加快发展。")
    ]
    assert not any(n.endswith(("高新区", "经开区")) for n in got), got


def test_a_zone_acting_on_a_park_stays():
    got = [m.name for m in find_orgs("支持成都高新区建设国家数字服务出口基地，由绵阳经开区管委会负责。")]
    assert "成都高新区" in got and "绵阳经开区管委会" in got, got
    # a list after a demonstration area's name: 区 ending 示范区 distributes over nothing
    got = [m.name for m in find_orgs("建设国家进口贸易促进创新示范区、成都高新区等园区。")]
    assert "区高新区" not in got, got


def test_an_opening_bracket_never_closed_is_no_part_of_the_name():
    assert identify("（昆明海关", divisions.lookup("云南省")) == identify(
        "昆明海关", divisions.lookup("云南省")
    )


# ---------------------------------------------------------------- a work report's bodies


def test_a_work_report_names_congress_cppcc_parties_and_mass_bodies_bare():
    # 湖北 style (政府工作报告): 自觉接受人大及其常委会法律监督和政协民主监督; 各民主党派、工商联、人民团体
    wuhan = divisions.lookup("武汉市")
    text = "自觉接受人大及其常委会法律监督、工作监督和政协民主监督。向各民主党派、工商联、人民团体致以敬意。"
    keys = {identify(m.name, wuhan).key for m in find_orgs(text)}
    for k in ("人民代表大会", "人民代表大会常务委员会", "各民主党派", "各人民团体", "工商业联合会"):
        assert f"武汉市/{k}" in keys, (k, keys)
    assert not find_orgs("自觉接受社会监督和舆论监督。")


def test_a_governing_zone_has_no_congress_nor_cppcc():
    # 广西 style zone text: 加强人大法律监督和政协民主监督 in a 管理委员会's plan names no body
    zone = Jurisdiction(("广西壮族自治区", "钦州港经济技术开发区"), "county")
    assert identify("政协", zone) is None and identify("人大常委会", zone) is None
    # a district that is a division keeps its congress (浦东新区 is one)
    assert identify("政协", divisions.lookup("浦东新区")).key == "上海市浦东新区/政协"


# ---------------------------------------------------------------- words like organs that are none


def test_ordinary_words_ending_in_an_organ_character_are_no_organs():
    # 江苏 style: 稳大局、应变局、开新局; 进口货物抵达监管作业场所
    assert not find_orgs("全力以赴稳大局、应变局、开新局。")
    assert not any(n.endswith("场所") for n in names("外贸货物抵达口岸作业场所后放行。"))
    # a real 所 stays
    assert "镇财政所" in names("由镇财政所负责。")


def test_a_building_phase_is_a_project_not_an_organisation():
    # 云南 style: 推进华西医院云南医院（二期）建设
    km = divisions.lookup("昆明市")
    assert identify("华西医院云南医院（二期）", km) is None
    assert identify("华西医院云南医院", km) is not None


def test_different_units_are_the_units_and_a_head_word_alone_is_none():
    # 吉林 style: 在不同政务部门之间共享 = the 政务部门 of the publication
    cc = divisions.lookup("长春市")
    assert identify("不同政务部门", cc).key == identify("政务部门", cc).key
    for head in ("不同", "其他", "所属", "各"):
        assert identify(head, cc) is None, head


def names(text: str) -> list[str]:
    return [m.name for m in find_orgs(text)]


def test_the_cppcc_paired_with_a_levels_congress_is_that_levels():
    # 湖北 style district report: 办理市级人大建议和政协提案 (the city's), 区人大代表和政协委员 (the district's)
    jiangan = divisions.lookup("江岸区")
    got = {identify(m.name, jiangan).key for m in find_orgs("办理市级人大建议和政协提案30件。")}
    assert "武汉市/政协" in got, got
    got = {identify(m.name, jiangan).key for m in find_orgs("邀请区人大代表和政协委员视察。")}
    assert "武汉市江岸区/政协" in got, got
    # unpaired, a bare 政协 names no level: left unread
    assert not find_orgs("交办人大建议和政协提案。")


def test_a_name_running_over_a_modal_verb_is_a_clause():
    # 国务院办公厅 style: 各省（区、市）政府要建立省级政府办公厅牵头… is a clause, no organisation
    assert identify("各省（区、市）政府要建立省级政府办公厅", NATIONAL) is None
    # 应急 / 应用 after an organ are words of a name
    km = divisions.lookup("昆明市")
    assert identify("市政府应急办", km).key == "昆明市/人民政府应急办"


def test_a_verb_of_sending_opens_no_name():
    # 内蒙古 style: 请于月底前发送至区局办公室
    assert names("请各单位于月底前发送至区局办公室。") == ["区局办公室"]


def test_a_zone_named_by_its_rank_alone_is_a_category():
    # 国务院 style: 支持国家高新技术产业开发区… / 省级经济开发区 (every zone of that rank)
    assert identify("国家高新技术产业开发区", NATIONAL) is None
    assert identify("省级经济开发区", divisions.lookup("江西省")) is None
    # a named zone stays
    assert identify("南昌高新技术产业开发区", divisions.lookup("江西省")) is not None


def test_a_task_unit_opening_with_a_verb_is_the_name_after_it():
    # 内蒙古 style task line: 电子版请发送至区局办公室 -> 区局办公室; 根据财政部 -> 财政部
    nmg = divisions.lookup("内蒙古自治区")
    assert identify("发送至自治区财政厅", nmg).key == identify("自治区财政厅", nmg).key
    assert identify("根据财政部", nmg).key == "国家/财政部"
    # the verb alone, or a verb before one character, stays as it was (no name)
    assert identify("负责", nmg) is None


def test_each_region_acting_is_the_localities():
    # 国家发展改革委 style: 指导各地区开展…; 各部门、各地区要高度重视
    assert "各地区" in names("统筹指导各地区开展风险排查。")
    assert names("各部门、各地区要高度重视。") == ["各部门", "各地区"]
    # attributive or the whole country: no unit
    assert not names("全国各地区要素市场。") and not names("各地区生产总值稳步增长。")
