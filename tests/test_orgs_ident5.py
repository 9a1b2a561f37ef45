"""Canonical names and branches of organisations (issue 12, identity): former national organs as data,
the branches of national bodies under their official names. Each rule has a sentence in the style of
a province the dev files do not cover (湖南, 江西, 广东, 四川, 福建's 福州), and a negative case."""

from __future__ import annotations

from kg import data, divisions
from kg.extract.org_mentions import find_orgs
from kg.models import Jurisdiction
from kg.org_tables import organs
from kg.resolve.org_identity import identify

NATIONAL = Jurisdiction((), "national")
HUNAN = Jurisdiction(("湖南省",), "provincial")
JIANGXI = Jurisdiction(("江西省",), "provincial")


def _ident(text: str, name: str, where: Jurisdiction):
    """The identity of the mention ``name`` the finder reads in ``text``."""
    hits = [m for m in find_orgs(text) if m.name == name]
    assert hits, [m.name for m in find_orgs(text)]
    return identify(hits[0].name, where)


# ---------------------------------------------------------------- former organs (older publications)


def test_a_former_organ_is_one_node_under_its_official_name():
    # 湖南 style, a 2016 text: 质检总局 and 国家质检总局 name the 2001-2018 国家质量监督检验检疫总局
    text = "按照国家质检总局部署，省质监局会同省工商局开展产品质量提升行动。"
    ident = _ident(text, "国家质检总局", HUNAN)
    assert (ident.key, ident.canonical, ident.level) == (
        "国家/国家质量监督检验检疫总局",
        "国家质量监督检验检疫总局",
        "national",
    )
    assert identify("质检总局", HUNAN).key == ident.key
    assert identify("银监会", HUNAN).canonical == "中国银行业监督管理委员会"
    assert identify("国务院扶贫办", NATIONAL).canonical == "国务院扶贫开发领导小组办公室"


def test_a_former_organs_local_namesake_stays_local():
    # negative: 卫生计生委 and 工商局 of a province are the province's, not the former national organs
    assert identify("省卫生计生委", HUNAN).level == "provincial"
    assert identify("省工商局", HUNAN).key.startswith("湖南省/")


def test_todays_organ_wins_a_form_the_former_table_shares():
    assert organs()["国家市场监督管理总局"].years == ""
    assert organs()["国家质检总局"].years == "2001-2018"
    rows = data.rows("former_state_council_organs.tsv")
    assert rows and all(len(r) == 7 and r[5] and r[6] for r in rows)  # every row: its years and successor


def test_the_commissions_among_the_ministries_carry_the_state_name():
    # 江西 style: 国家发展改革委、国家卫生健康委 as the ministries print them
    assert identify("国家发展改革委", JIANGXI).canonical == "中华人民共和国国家发展和改革委员会"
    assert identify("国家卫生健康委", NATIONAL).key == "国家/国家卫生健康委员会"  # key without the state
    # negative: a province's own commission keeps the province
    assert identify("省发展改革委", JIANGXI).canonical == "江西省发展和改革委员会"


# ---------------------------------------------------------------- branches of national bodies


def test_a_provincial_foreign_exchange_bureau_is_the_national_bureaus_branch():
    # 江西 style: 省外汇管理局 in a provincial text = 国家外汇管理局江西省分局
    text = "省商务厅、省外汇管理局、南昌海关按职责分工负责。"
    ident = _ident(text, "省外汇管理局", JIANGXI)
    assert (ident.canonical, ident.kind, ident.parent) == (
        "国家外汇管理局江西省分局",
        "branch",
        "国家/国家外汇管理局",
    )
    # negative: a national text's 国家外汇局 is the national bureau itself
    assert identify("国家外汇局", NATIONAL).canonical == "国家外汇管理局"


def test_a_provincial_trade_promotion_council():
    # 四川 style: 省贸促会 = 中国国际贸易促进委员会四川省委员会
    sichuan = Jurisdiction(("四川省",), "provincial")
    ident = identify("省贸促会", sichuan)
    assert ident.canonical == "中国国际贸易促进委员会四川省委员会"
    assert ident.level == "provincial"
    # negative: no such row below a province
    assert identify("市贸促会", divisions.lookup("成都市")) is None or "四川省委员会" not in (
        identify("市贸促会", divisions.lookup("成都市")).canonical
    )


def test_a_customs_office_named_by_its_place_is_at_that_place():
    # 福建 福州 style: 长乐海关 printed bare in a city's text is the customs of 长乐, not the city's organ
    fuzhou = divisions.lookup("福州市")
    ident = identify("长乐海关", fuzhou)
    assert (ident.canonical, ident.kind, ident.parent) == (
        "中华人民共和国长乐海关",
        "branch",
        "国家/海关总署",
    )
    assert not ident.key.startswith("福州市/")
    # negative: a branch form whose row is for a province only (外汇管理局) is no county's branch
    assert identify("长乐外汇管理局", fuzhou).kind != "branch"


def test_a_county_branch_of_the_central_bank_takes_the_county_name():
    # 福建 福州 style: 人民银行闽侯支行 = 中国人民银行闽侯县支行 (county branches are named by the county)
    fuzhou = divisions.lookup("福州市")
    assert identify("人民银行闽侯支行", fuzhou).canonical == "中国人民银行闽侯县支行"
    # negative: a city's 中心支行 keeps the city as printed
    assert identify("人民银行福州中心支行", fuzhou).canonical == "中国人民银行福州中心支行"


def test_short_forms_of_local_offices():
    # 湖南 style: 市地税局, 市科创中心, 市通信管理办
    changsha = divisions.lookup("长沙市")
    assert identify("市地税局", changsha).canonical == "长沙市地方税务局"
    assert identify("市科创中心", changsha).canonical == "长沙市科技创新中心"
    assert identify("市通信管理办", changsha).canonical == "长沙市通信管理办公室"
    # negative: 国税局 is not expanded as 地税局
    assert identify("市国税局", changsha).canonical == "长沙市国家税务局"


# ---------------------------------------------------------------- a publication's own short forms


def _orgs(text: str, tmp_path) -> dict:
    from kg.build import publication
    from kg.pipeline import extract
    from kg.resolve import resolve

    path = tmp_path / "doc.txt"
    path.write_text(text, encoding="utf-8")
    return resolve([extract(publication(path))]).orgs


HEAD = "湘潭市人民政府办公室关于做好2026年征收工作的通知\n\n各县（市、区）人民政府，市直各单位：\n\n"


def test_a_short_form_of_a_name_in_the_same_publication_is_that_organisation(tmp_path):
    # 湖南 style: 市征收办 for the 市房屋征收工作办公室 the notice names in full; 省高速集团 likewise
    orgs = _orgs(
        HEAD + "一、市房屋征收工作办公室负责统筹推进。\n二、市征收办要会同市财政局做好资金保障。\n"
        "三、湖南省高速公路集团有限公司负责项目建设，省高速集团要按期完成。\n",
        tmp_path,
    )
    keys = set(orgs)
    assert "市征收办" in orgs["湘潭市/房屋征收工作办公室"].labels
    assert "湘潭市/征收办" not in keys
    assert not any(k.endswith("/高速集团") for k in keys), keys


def test_a_short_form_fitting_two_names_stays_apart(tmp_path):
    # negative: 市征收办 could be either office: no join
    keys = set(
        _orgs(
            HEAD
            + "一、市土地征收工作办公室、市房屋征收工作办公室负责统筹推进。\n二、市征收办要做好资金保障。\n",
            tmp_path,
        )
    )
    assert {"湘潭市/土地征收工作办公室", "湘潭市/房屋征收工作办公室", "湘潭市/征收办"} <= keys


def test_the_organ_designating_a_class_is_no_part_of_it():
    # 吉林 延边 style: 县（市）人民政府指定的应急管理部门 = the counties' 应急管理部门
    yanbian = divisions.lookup("延边朝鲜族自治州")
    a = identify("县（市）人民政府指定的应急管理部门", yanbian)
    assert a.key == identify("县（市）应急管理部门", yanbian).key
    # negative: 政府确定的部门 with no class before 部门 is left as printed
    assert identify("人民政府确定的部门", yanbian).canonical.endswith("人民政府确定的部门")


def test_a_team_the_centre_sends_is_national_whatever_level_word_a_list_gave_it():
    # 湖南 style: 省“三改一拆”督查组、中央环保督察组 — the list's 省 is no part of the central team
    hunan_team = identify("省中央环保督察组", HUNAN)
    assert (hunan_team.key, hunan_team.level) == ("国家/中央环保督察组", "national")
    assert identify("中央第三巡视组", HUNAN).level == "national"
    # negative: the province's own team stays the province's
    assert identify("省督查组", HUNAN).key == "湖南省/督查组"


def test_the_fullest_printed_form_names_the_node(tmp_path):
    # 广东 style: 市文旅局 first, 市文旅广电局 later: the fuller form says which merged bureau it is
    head = "韶关市人民政府办公室关于做好文旅消费工作的通知\n\n各县（市、区）人民政府：\n\n"
    orgs = _orgs(head + "一、市文旅局负责统筹。\n二、市文旅广电局要做好宣传。\n", tmp_path)
    assert orgs["韶关市/文化和旅游局"].identity.canonical == "韶关市文化旅游广电局"
    # negative: a qualifier in brackets makes no form fuller (各部门（包括牵头单位自身）)
    orgs = _orgs(head + "一、各部门、单位要抓好落实。\n二、各部门（包括牵头单位自身）要自查。\n", tmp_path)
    canon = {n.identity.canonical for n in orgs.values()}
    assert "韶关市各部门" not in canon, canon
