"""Organisations that exist (issue 12): no invented jurisdictions, no fragments, one node per agency.

Each rule has a sentence in the style of a province the dev files do not cover, and a negative case."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from kg import divisions
from kg.divisions import jurisdiction_of, most_mentioned
from kg.extract.org_mentions import find_orgs
from kg.models import Jurisdiction
from kg.resolve.org_identity import identify

ROOT = Path(__file__).resolve().parent.parent
NATIONAL = Jurisdiction((), "national")


def names(text: str) -> list[str]:
    return [m.name for m in find_orgs(text)]


# ---------------------------------------------------------------- places only where the words say so


def test_short_place_name_inside_words_counts_for_no_place():
    text = "云南省人民政府关于促进县域富民产业发展的意见。各地要在发展中固安全，推进强农惠农富农政策落地。"
    assert most_mentioned(text).name == "云南省"
    for j in (most_mentioned(text[12:]),):  # without the issuer: no county from 富民 / 固安 / 惠农
        assert j is None or j.level != "county", j


def test_short_place_name_with_its_level_word_or_full_name_counts():
    assert most_mentioned("富民县人民政府关于做好春耕工作的通知。富民要抓好春耕。") == divisions.lookup(
        "富民县"
    )
    text = "宁夏石嘴山市惠农区人民政府。强农惠农富农。惠农区要抓落实。"  # full name printed: 惠农 counts
    j = most_mentioned(text)
    assert j is not None and j.name.endswith("惠农区")


def test_short_name_splitting_a_word_is_no_name():
    text = "河北省固安县要抓落实，在发展中固安全"
    i = text.rindex("固安")
    d = divisions.lookup("固安县")
    found, end = divisions.parse_places(text, i, shorts="all")
    assert found and not divisions._named_here(text, i, end, found[-1])  # 固安全: 安 inside 安全
    j = text.index("固安")
    found, end = divisions.parse_places(text, j, shorts="all")
    assert divisions._named_here(text, j, end, found[-1]) and d is not None


# ---------------------------------------------------------------- the publication's jurisdiction from its issuer


@pytest.mark.parametrize(
    "head",
    [
        "# 国务院办公厅关于加快发展银发经济的意见",
        "**中国人民银行 国家发展改革委 金融监管总局关于做好养老金融工作的通知**",
        "标题: 国家外汇局关于进一步优化跨境贸易外汇业务的通知",
        "中共中央 国务院关于全面推进美丽中国建设的意见",
    ],
)
def test_national_issuer_in_any_markup_gives_a_national_jurisdiction(head):
    text = head + "\n\n各省、自治区、直辖市人民政府：\n湖南省和江西省要抓好落实，湖南省要加强协调。"
    assert jurisdiction_of(text) == NATIONAL


def test_a_branch_of_a_national_organ_is_at_its_place():
    text = "**中国人民银行江西省分行关于做好普惠金融工作的通知**\n各市分行："
    assert jurisdiction_of(text).name == "江西省"


def test_issuer_named_by_the_document_number_code():
    assert jurisdiction_of("各省、自治区、直辖市：\n湖南省要加强协调。", ["中国人民银行"]) == NATIONAL


def test_governing_zone_is_a_jurisdiction_of_its_own():
    j = jurisdiction_of("兰州新区管理委员会关于印发产业发展规划的通知\n区直各部门：")
    assert j.name == "兰州新区" and j.chain[0] == "甘肃省"
    assert identify("区财政局", j).canonical == "兰州新区财政局"
    gov = identify("管委会", j)
    assert gov.canonical == "兰州新区管理委员会" and gov.kind == "government"
    assert identify("区政府", j).key == gov.key


def test_a_zone_named_in_a_provincial_text_leaves_the_province():
    text = "甘肃省人民政府关于支持兰州新区高质量发展的意见\n各市州人民政府："
    assert jurisdiction_of(text).name == "甘肃省"


def test_autonomous_prefecture_by_its_usual_short_form():
    j = jurisdiction_of("黔东南州人民政府办公室关于印发方案的通知")
    assert j.name == "黔东南苗族侗族自治州"
    assert identify("黔东南州财政局", j).canonical == "黔东南苗族侗族自治州财政局"


# ---------------------------------------------------------------- national organs as data


def test_one_node_per_national_agency_by_data():
    a, b = identify("国家外汇局", NATIONAL), identify("国家外汇管理局", NATIONAL)
    assert a.key == b.key and a.canonical == "国家外汇管理局" and a.parent == "国家/中国人民银行"
    assert identify("金融监管总局", NATIONAL).canonical == "国家金融监督管理总局"
    assert identify("国家开发银行", NATIONAL).kind == "enterprise"  # a policy bank, no department


def test_a_provincial_department_is_no_national_organ():
    hunan = divisions.lookup("湖南省")
    ident = identify("湖南省发展改革委", hunan)
    assert ident.level == "provincial" and ident.key.startswith("湖南省/")


def test_branches_of_national_agencies_are_their_own_nodes():
    tax = identify("国家税务总局湖南省税务局", NATIONAL)
    assert tax.kind == "branch" and tax.level == "provincial"
    assert tax.key.startswith("湖南省/") and tax.parent == "国家/国家税务总局"
    bank = identify("中国人民银行江西省分行", NATIONAL)
    assert bank.canonical == "中国人民银行江西省分行" and bank.parent == "国家/中国人民银行"
    assert identify("中国人民银行", NATIONAL).level == "national"  # the organ itself: no branch


# ---------------------------------------------------------------- not organisations


def test_directions_and_regions_are_no_organs():
    assert names("支持湖南省中部、西部地区协调发展，建设广西北部湾经济区。") == []
    assert names("由省发展改革委西部开发处负责。") == ["省发展改革委西部开发处"]


def test_goals_are_no_bodies():
    assert names("坚持以人民为中心，坚持以经济建设为中心。") == []
    assert names("由省政务服务中心负责。") == ["省政务服务中心"]


def test_names_cut_inside_a_word_are_no_organisations():
    assert names("繁荣发展中国哲学社会科学。") == []
    assert names("由市财政局面向社会公开招聘。") == ["市财政局"]  # 局面 is a word, but not here


# ---------------------------------------------------------------- gold-free checks on the dev texts

DEV = sorted((ROOT / "samples").glob("*.txt")) + sorted(
    (ROOT / "tests" / "data" / "corpus-more").glob("*.txt")
)


def _named(place: str, text: str) -> bool:
    """The text prints the place (平潭县), its short name (平潭) or its usual short form (达茂旗)."""
    found = divisions.parse_places(place, shorts="all")[0]
    own = found[-1].name if found else place
    forms = {own, found[-1].short if found else own}
    forms |= {form for form, full in divisions._short_names() if full == own}
    return any(len(f) >= 2 and f in text for f in forms)


@pytest.mark.parametrize("path", DEV, ids=lambda p: p.stem[:12])
def test_no_local_organisation_of_a_place_the_text_never_names(path):
    from kg.build import publication

    pub = publication(path)
    text = pub.text.text
    invented = {
        ident.canonical
        for m in find_orgs(text)
        if (ident := identify(m.name, pub.jurisdiction))
        and ident.level in ("county", "prefecture")  # nor a city the text never names
        and ident.kind != "collective"
        and not _named(ident.key.split("/")[0], text)
    }
    assert not invented, invented


@pytest.mark.parametrize("path", DEV, ids=lambda p: p.stem[:12])
def test_no_organisation_of_another_provinces_namesake(path):
    """A mention opening with a division name several divisions share (白云区: 广州's and 贵阳's) is, in a
    local publication, an organisation of the publication's own province, or none."""
    from kg.build import publication

    pub = publication(path)
    if not pub.jurisdiction or not pub.jurisdiction.chain:
        return
    province = pub.jurisdiction.chain[0]
    wrong = set()
    for m in find_orgs(pub.text.text):
        found = divisions.parse_places(divisions.place_prefix(m.name), shorts="all")[0]
        shared = len(found) == 1 and len({d.code for d in divisions._names().get(found[0].name, ())}) > 1
        ident = identify(m.name, pub.jurisdiction) if shared else None
        if ident and ident.level in ("county", "prefecture") and not ident.key.startswith(province):
            place = divisions.lookup(ident.key.split("/")[0])
            if place is None or place.chain[0] != province:
                wrong.add(ident.canonical)
    assert not wrong, wrong


def test_a_namesake_district_of_another_province_makes_no_node(tmp_path):
    from kg.build import extract_all

    text = "安徽省人民政府关于支持皖北地区发展的意见\n各市人民政府：\n学习借鉴鼓楼区经验，鼓楼区政府要做好对接。\n"
    (tmp_path / "ah.txt").write_text(text, encoding="utf-8")
    names = {o.identity.canonical for o in extract_all([tmp_path / "ah.txt"]).corpus.orgs.values()}
    assert not any("鼓楼区" in n for n in names), names
    text = text.replace("安徽省", "福建省").replace("皖北", "闽东")  # 福州's 鼓楼区 is 福建's own
    (tmp_path / "fj.txt").write_text(text, encoding="utf-8")
    names = {o.identity.canonical for o in extract_all([tmp_path / "fj.txt"]).corpus.orgs.values()}
    assert "福州市鼓楼区人民政府" in names, names


@pytest.mark.parametrize("path", DEV, ids=lambda p: p.stem[:12])
def test_a_bureau_publication_leaves_no_self_reference_unresolved(path):
    """In a publication a bureau issues, 局办公室 / 区局 / 本局 are that bureau's: no node keeps the bare
    self-reference as its name (…/局办公室, …/区局)."""
    from kg.build import publication
    from kg.pipeline import extract
    from kg.resolve import resolve
    from kg.resolve.org_own import own_bureau

    pub = publication(path)
    if own_bureau([n for s in pub.segments for n in s.issuers], identify, pub.jurisdiction) is None:
        return
    keys = set(resolve([extract(pub)]).orgs)
    bare = {k for k in keys if re.match(r"^(本局|我局|[省区市县]局|局)(办公室|机关|$)", k.split("/", 1)[1])}
    assert not bare, bare


@pytest.mark.parametrize("path", DEV, ids=lambda p: p.stem[:12])
def test_national_issuer_gives_a_national_jurisdiction(path):
    from kg.build import publication

    pub = publication(path)
    head = "\n".join(pub.text.text.splitlines()[:6])
    if re.search(r"^[#*\s]*(国务院|中共中央|中国人民银行)", head, re.M):
        assert pub.jurisdiction == NATIONAL, pub.jurisdiction


# ---------------------------------------------------------------- short forms as data


def test_municipal_commission_short_forms():
    cq = divisions.lookup("重庆市")
    assert identify("市教委", cq).canonical == "重庆市教育委员会"
    assert identify("市交通委", cq).key == identify("重庆市交通委员会", cq).key
    assert identify("教委", NATIONAL).canonical != "教育委员会"  # no local row in a national text


def test_quality_supervision_bureau_short_form():
    hunan = divisions.lookup("湖南省")
    assert identify("省质监局", hunan).key == identify("湖南省质量技术监督局", hunan).key


def test_provinces_printed_short_are_one_collective():
    a = identify("各省（区、市）人民政府", NATIONAL)
    assert a.key == identify("各省、自治区、直辖市人民政府", NATIONAL).key and a.level == "provincial"
    assert identify("各市（州）人民政府", NATIONAL).key != a.key


def test_levels_in_brackets_without_each_are_a_collective():
    hunan = divisions.lookup("湖南省")
    a = identify("县（市、区）人民政府", hunan)
    assert a.kind == "collective" and a.key == identify("各县（市、区）人民政府", hunan).key
    county = divisions.lookup("湘潭县")
    assert identify("县人民政府", county).kind == "government"  # one county's own government


def test_a_branch_with_a_prefix_is_the_same_branch():
    hengyang = divisions.lookup("衡阳市")
    a = identify("市人民银行衡阳市中心支行", hengyang)
    assert a.kind == "branch" and a.key == identify("人民银行衡阳市中心支行", hengyang).key


def test_organs_of_a_level_are_a_collective():
    text = "由省级卫生健康部门牵头，县级人民政府配合。"
    got = {m.name: identify(m.name, NATIONAL) for m in find_orgs(text)}
    assert set(got) == {"省级卫生健康部门", "县级人民政府"}
    assert all(i.kind == "collective" for i in got.values())
    assert got["省级卫生健康部门"].canonical == "各省、自治区、直辖市卫生健康部门"
    assert names("支持省级高新技术产业开发区建设，安排市级财政资金。") == []  # zones, an adjective


def test_prefixed_organs_in_a_national_text_are_those_of_every_place():
    assert identify("县妇联", NATIONAL).kind == "collective"
    assert identify("省委", NATIONAL).canonical == "各省党委"
    assert identify("县人民政府", NATIONAL).key == identify("县级人民政府", NATIONAL).key
    county = divisions.lookup("湘潭县")
    own = identify("县妇联", county)
    assert own.kind != "collective" and own.canonical == "湘潭县妇女联合会"  # in a county's text: its own


def test_each_prefecture_level_list_is_no_localities():
    assert "各地" not in names("各地、州、市教育局：现将通知印发给你们。")  # 地、州、市: levels (四川 style)
    assert "各地" in names("各地要加强组织领导。")


def test_verbs_of_transfer_end_a_name():
    assert names("省财政厅承担省级预算编制工作，相关职责划入省审计厅。") == ["省财政厅", "省审计厅"]
    assert names("由省机关事务管理局负责。") == ["省机关事务管理局"]


def test_modal_verbs_end_a_name():
    assert names("县（市、区）自然资源部门不得擅自调整规划。") == ["县（市、区）自然资源部门"]
    assert names("由省应急管理厅负责，省应急管理厅应当加强监管。") == ["省应急管理厅", "省应急管理厅"]


def test_a_line_opening_with_a_word_like_an_organ_is_no_national_issuer():
    text = "财政部门要加强资金监管\n湖南省人民政府办公厅关于加强财政管理的通知"
    assert jurisdiction_of(text).name == "湖南省"
    assert jurisdiction_of("财政部 税务总局关于延续实施支持政策的公告\n湖南省要抓好落实") == NATIONAL


def test_a_conjunction_before_a_unit_of_its_own_ends_the_name():
    # 河南 style: 在省委和省政府的坚强领导下; a phrase and a unit joined by 和 are no one name
    assert names("在中央和省委的坚强领导下，郑州市各项工作取得新进展") == ["省委"]
    assert "市委" in names("在市人民政府坚强领导和市委的统一部署下")
    assert not any("监督和" in n for n in names("自觉接受市人民代表大会法律监督和政协民主监督"))


def test_a_conjunction_inside_a_department_name_runs_on():
    # 甘肃 style: 和 inside an official name (人力资源和社会保障厅, 发展和改革委员会) is no list
    assert names("由省人力资源和社会保障厅、省发展和改革委员会负责") == [
        "省人力资源和社会保障厅",
        "省发展和改革委员会",
    ]
    assert names("县商务和市场监管局牵头") == ["县商务和市场监管局"]


def test_the_term_of_a_congress_is_no_other_organ():
    # 湖北 style: 武汉市第十五届人民代表大会第三次会议 is the city's congress
    wuhan = divisions.lookup("武汉市")
    assert identify("市第十五届人民代表大会", wuhan).key == identify("市人民代表大会", wuhan).key
    assert identify("第十四届全国人民代表大会", NATIONAL).key == "国家/全国人民代表大会"
    # a numbered hospital is its own body, not a term
    assert identify("市第一人民医院", wuhan).key == "武汉市/第一人民医院"


def test_units_directly_under_a_government_are_its_collective():
    # 江西 style: 县直各部门 in a county's text, 省直单位 the province's
    ruijin = divisions.lookup("瑞金市")
    # 市直各部门 in the city's own text are its 各部门 (one node), printed as written
    assert identify("市直各部门", ruijin).key == identify("各部门", ruijin).key == "瑞金市/各部门"
    assert identify("市直各部门", ruijin).canonical == "瑞金市市直各部门"
    # 市直单位 (no 各) stays its own class
    assert identify("市直单位", ruijin).key == "瑞金市/市直单位"
    assert identify("省直单位", ruijin).key == "江西省/省直单位"
    # not a collective of the districts (各区直各部门)
    assert identify("区直各部门", divisions.lookup("赣州市")).key == "赣州市/区直各部门"
    assert identify("区各部门", ruijin).key == "瑞金市/各部门"


def test_two_fields_joined_by_yu_are_one_department():
    # 江西 style: 市交通与建设局 = 市交通建设局, 人口与计划生育委员会 = 人口计划生育委员会
    ganzhou = divisions.lookup("赣州市")
    assert identify("市交通与建设局", ganzhou).key == identify("市交通建设局", ganzhou).key
    assert identify("市人口与计划生育委员会", ganzhou).key == "赣州市/人口计划生育委员会"
    # an association keeps its name; 和 in an official name stays (住房和城乡建设局)
    assert identify("市科学与技术协会", ganzhou).key == "赣州市/科学与技术协会"
    assert identify("市住房和城乡建设局", ganzhou).key == "赣州市/住房和城乡建设局"


def test_a_branch_of_a_national_organ_keeps_its_place_as_printed():
    # 湖南 style: 中国人民银行长沙中心支行 (the city printed without 市), 江西省分行 with 省
    changsha = divisions.lookup("长沙市")
    assert identify("人行长沙中心支行", changsha).canonical == "中国人民银行长沙中心支行"
    assert identify("中国人民银行江西省分行", changsha).canonical == "中国人民银行江西省分行"
    assert identify("国家税务总局长沙市税务局", changsha).canonical == "国家税务总局长沙市税务局"


def test_a_class_of_organs_in_a_national_text_is_no_national_organ():
    # 国务院 style: 公安部门、人民法院 are classes of every level's organs, not 国家公安部门
    assert identify("人民法院", NATIONAL).canonical == "人民法院"
    assert identify("公安部门", NATIONAL).canonical == "公安部门"
    assert identify("中央部门", NATIONAL).canonical == "中央部门"
    # a bureau the State Council table names keeps its 国家 (统计局 = 国家统计局)
    assert identify("统计局", NATIONAL).canonical == "国家统计局"


def test_suo_of_the_suo_structure_is_no_suffix():
    # 青海 style: 各部门所需经费 (所 + verb: the particle), not an institute 各部门所
    assert names("各部门所需经费由省财政厅统筹保障") == ["各部门", "省财政厅"]
    # a 所 that is an institute or a station stays (研究所承担, 派出所负责)
    assert names("县公安局派出所负责") == ["县公安局派出所"]
    assert "省社会科学研究所" in names("由省社会科学研究所承担")


def test_culture_and_tourism_alone_is_the_reform_name():
    # 山西 style: 省文化旅游厅 is 山西省文化和旅游厅
    shanxi = divisions.lookup("山西省")
    assert identify("省文化旅游厅", shanxi).canonical == "山西省文化和旅游厅"
    # with broadcasting or sport the printed name stays (市文化广电旅游局)
    taiyuan = divisions.lookup("太原市")
    assert identify("市文化广电旅游局", taiyuan).canonical == "太原市文化广电旅游局"


def test_a_definition_names_the_term_after_suo_cheng():
    # 云南 style: 本办法所称数据主管部门，是指州人民政府确定的… : the term, not 本办法所称…
    found = find_orgs("本办法所称数据主管部门，是指州人民政府确定的部门。")
    assert [(m.name, m.start) for m in found][0] == ("数据主管部门", 5)
    assert not any("所称" in m.name for m in found)
    # without a definition the name is untouched
    assert names("省数据主管部门负责") == ["省数据主管部门"]


def test_a_name_cut_at_a_quotation_mark_is_no_name():
    # 广西 style: a body named with a slogan in quotes is whole or nothing, never from the closing mark on
    assert not any(n.startswith("”") for n in names("自治区推进“强首府”建设领导小组办公室牵头"))
    # a name running into a quotation it does not close ends before it
    assert names("县政务服务中心“难事帮办”窗口") == ["县政务服务中心"]
    # quotes closed inside the name stay
    assert names("自治区“三农”工作领导小组负责") == ["自治区“三农”工作领导小组"]


@pytest.mark.parametrize(
    "head",
    [
        "# 国务院办公厅关于推进县域富民产业\n# 高质量发展的指导意见",  # a heading wrapped over two lines
        "**中国人民银行 国家金融监督管理总局关于做好\n服务大通道建设金融工作的通知**",  # bold run over a line end
    ],
)
def test_a_national_markdown_text_with_a_wrapped_title_invents_no_county(head, tmp_path):
    """Gold-free: a national issuer's markdown text (its title wrapped) is national, and names that hold
    short county names inside words (富民, 固安, 惠农, 大通) make no county-level organisation."""
    from kg.build import publication

    body = "各地要在发展中固安全，推进强农惠农富农。国家外汇局按职责分工负责。各部门要抓好落实。\n"
    path = tmp_path / "national.md"
    path.write_text(head + "\n\n各省、自治区、直辖市人民政府：\n\n" + body, encoding="utf-8")
    pub = publication(path)
    assert pub.jurisdiction == NATIONAL
    levels = {
        ident.canonical: ident.level
        for m in find_orgs(pub.text.text)
        if (ident := identify(m.name, pub.jurisdiction))
    }
    assert levels.get("国家外汇管理局") == "national"
    assert not [c for c, level in levels.items() if level in ("county", "township")], levels


def test_a_local_markdown_text_with_a_wrapped_title_keeps_its_place(tmp_path):
    """Negative: a county's own wrapped title is no national issuer; its county organs stay."""
    from kg.build import publication

    path = tmp_path / "local.md"
    path.write_text(
        "# 湘潭县人民政府办公室关于推进县域富民产业\n# 高质量发展的通知\n\n县农业农村局要抓好落实。\n",
        encoding="utf-8",
    )
    pub = publication(path)
    assert pub.jurisdiction.name == "湘潭县"
    assert identify("县农业农村局", pub.jurisdiction).level == "county"
