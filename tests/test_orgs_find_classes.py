"""The finder's fifth round: bare fields before 部门, 供销社, lists of levels and of unit kinds, facilities
built as projects, sections with no unit, long runs into 办. Sentences in other provinces' styles than the
dev files, each with a negative."""

import pytest

from kg.extract.org_mentions import find_orgs


def names(text: str) -> list[str]:
    return [m.name for m in find_orgs(text)]


def surfaces(text: str) -> list[str]:
    return [m.surface for m in find_orgs(text)]


@pytest.mark.parametrize(
    "text, want",
    [
        ("由网信部门会同保密行政管理部门负责。", ["网信部门"]),  # 湖北 style
        ("经行业主管部门审核后报省政府。", ["行业主管部门", "省政府"]),
        ("（地方金融管理部门牵头，公安部门配合）", ["地方金融管理部门", "公安部门"]),
        ("申请人向所在地人力资源社会保障部门申请。", ["所在地人力资源社会保障部门"]),
        ("数据资源主管部门负责统筹全省政务数据。", ["数据资源主管部门"]),  # 甘肃 style
    ],
)
def test_bare_fields_before_bumen_are_classes(text, want):
    assert names(text) == want


@pytest.mark.parametrize(
    "text",
    [
        "在本部门职能范围内，经部门负责人同意后实施。",  # 本, no field
        "各相关职能部门要加强协作。",  # 职能 names no field
        "推动经营主体部门化管理。",  # no bureau of 经营主体
    ],
)
def test_words_before_bumen_that_name_no_field(text):
    assert not [n for n in names(text) if n.endswith("部门") and not n.startswith(("本", "各"))]


def test_supply_cooperatives_are_units_and_share_a_suffix():
    assert names("（县供销合作社、县农业农村局负责）") == ["县供销合作社", "县农业农村局"]
    # a co-op is no organ of the government: a list of places does not share it
    assert names("推进宜都市、枝江市供销社综合改革") == ["枝江市供销社"]
    assert names("宜都市、枝江市人民政府负责") == ["宜都市人民政府", "枝江市人民政府"]


def test_a_farmers_cooperative_is_no_unit():
    assert names("支持农民专业合作社规范发展") == []


def test_the_last_level_of_a_list_is_no_name_of_its_own():
    assert (
        names("各州、市及滇中新区发展改革委：") == []
    )  # 云南 style addressee line, not 市及滇中新区发展改革委


def test_a_list_of_places_is_not_read_as_levels():
    assert names("各地、各部门要加强组织领导。") == ["各地", "各部门"]


def test_the_kinds_of_departments_listed_after_ge_are_the_departments():
    found = find_orgs("广西壮族自治区各委、办、厅、局：")
    assert [(m.surface, m.name) for m in found] == [
        ("广西壮族自治区各委、办、厅、局", "广西壮族自治区各部门")
    ]


def test_a_kind_followed_by_a_unit_stays_as_printed():
    assert names("县委各部、县直各单位：") == ["县委各部", "县直各单位"]


@pytest.mark.parametrize(
    "text",
    [
        "推进市第二人民医院迁建项目和县人民医院建设。",  # 江西 style
        "加快省人民医院（三期）、省妇幼保健院等区域医疗中心建设。",
        "推动州中医院落地。",
    ],
)
def test_hospitals_being_built_are_projects(text):
    assert not [n for n in names(text) if "医院" in n or "中心" in n]


@pytest.mark.parametrize(
    "text, want",
    [
        ("由县人民医院负责。", ["县人民医院"]),
        ("支持县人民医院建设远程会诊平台。", ["县人民医院"]),  # the hospital builds: it acts
        ("市卫生健康委、市中医院按职责分工负责。", ["市卫生健康委", "市中医院"]),
    ],
)
def test_hospitals_acting_are_units(text, want):
    assert names(text) == want


def test_a_section_needs_a_unit_above_it():
    assert names("引导企业向西安高新区大数据科创基地集聚") == []  # 科 of 科创, no section
    assert names("西宁市财政局预算科负责。") == ["西宁市财政局预算科"]


def test_a_long_run_into_ban_is_no_office():
    assert names("全省生态环境保护督察交办问题件办结率达到95%。") == []
    assert names("由国务院扶贫办牵头。") == ["国务院扶贫办"]


def test_a_leading_group_named_after_its_task_opens_with_its_verb():
    text = "（省推进长江经济带发展领导小组办公室牵头，省推进“两山”转化领导小组成员单位配合）"  # 湖南 style
    assert names(text) == ["省推进长江经济带发展领导小组办公室", "省推进“两山”转化领导小组成员单位"]


def test_a_verb_after_a_unit_still_ends_its_name():
    assert names("市财政局推进预算绩效管理改革。") == ["市财政局"]
    assert names("县推进工作，领导小组负责。") == []  # no group word in the verb's clause


def test_an_issuer_code_inside_a_document_number_is_no_mention():
    assert names("根据湘政办发〔2021〕5号精神，县政府办公室负责。") == ["县政府办公室"]
    assert names("（赣市委办发〔2020〕3号）") == []


def test_guojia_after_a_group_of_countries_is_no_national_head():
    assert names("对东盟国家货物抵达海关监管作业场所的") == []
    assert names("对APEC国家货物通关") == []
    assert names("由国家发展改革委牵头。") == ["国家发展改革委"]


def test_a_data_centre_is_a_facility():
    assert names("依托州大数据中心平台建设省政务数据灾难备份中心。") == []
    assert names("由市数据资源局负责。") == ["市数据资源局"]


def test_a_group_a_level_sets_up_is_that_levels():
    found = find_orgs("成立县级防汛抗旱指挥部，建立省级生态补偿联席会议制度。")  # 四川 style
    assert [(m.surface, m.name) for m in found] == [
        ("县级防汛抗旱指挥部", "县防汛抗旱指挥部"),
        ("省级生态补偿联席会议", "省生态补偿联席会议"),
    ]


def test_a_level_before_no_group_is_an_adjective():
    assert names("加大市级财政资金投入，省级领导小组") == []


@pytest.mark.parametrize(
    "text",
    [
        "推动5家上市公司在科创板融资。",  # 市公司 in 上市公司
        "该方案已经管委会同意后印发。",  # 经管委 in 已经管委会
    ],
)
def test_a_name_whose_start_ends_a_word_is_a_fragment(text):
    assert names(text) == []


def test_a_name_after_a_conjunction_or_a_place_word_is_kept():
    assert names("由市政府和县政府共同负责。") == ["市政府", "县政府"]  # 和县 is a county, no cut
    assert names("本市财政局负责。") == ["本市财政局"]


def test_the_units_a_body_sets_up_are_units():
    text = "指挥部下设综合协调组、项目推进组和督导检查组，分别负责。"  # 河南 style
    assert names(text) == ["综合协调组", "项目推进组", "督导检查组"]


def test_what_follows_xiashe_without_a_unit_word_is_no_unit():
    assert names("公司下设多个经营网点。") == []


def test_a_count_before_a_group_word_is_no_name():
    assert not [n for n in names("成立3个专项工作组。") if n.startswith("个")]
