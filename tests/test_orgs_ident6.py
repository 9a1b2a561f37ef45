"""Identity of organisations (issue 12, sixth round): a division name several places share read inside
the publication's own jurisdiction, an autonomous prefecture's level word 州 not doubled, a collective's
classes kept as printed in its name, the modal verbs and opening verbs as data. Each rule has a
sentence in the style of a province the dev files do not cover (福建's 福州, 湖北's 恩施, 湖南, 江苏),
and a negative case."""

from __future__ import annotations

from kg import data, divisions
from kg.build import extract_all
from kg.divisions import lookup
from kg.models import Jurisdiction
from kg.resolve.org_collectives import printed_classes
from kg.resolve.org_identity import identify
from kg.resolve.org_name_forms import LEAD_VERBS, OVER_MODAL, without_lead_verb

NATIONAL = Jurisdiction((), "national")
FUZHOU, TAIJIANG, FUJIAN = lookup("福州市"), lookup("福州市台江区"), lookup("福建省")
HUNAN, ENSHI, NANJING = lookup("湖南省"), lookup("恩施土家族苗族自治州"), lookup("南京市")


# ---------------------------------------------------------------- a shared division name, at home


def test_a_shared_district_name_is_the_publications_own():
    # 福州 style (鼓楼区 is also 南京's, 徐州's and 开封's): 支持鼓楼区建设数字经济示范区
    gov = identify("鼓楼区", FUZHOU)
    assert (gov.canonical, gov.kind, gov.level) == ("福州市鼓楼区人民政府", "government", "county")
    assert identify("鼓楼区财政局", FUZHOU).canonical == "福州市鼓楼区财政局"
    assert identify("鼓楼区", FUJIAN).canonical == "福州市鼓楼区人民政府"  # the province's
    assert identify("鼓楼区", TAIJIANG).canonical == "福州市鼓楼区人民政府"  # a sibling district's text
    assert identify("鼓楼区", NANJING).canonical == "南京市鼓楼区人民政府"


def test_a_shared_district_name_of_another_province_is_not_placed():
    # a 湖南 text naming 鼓楼区 has none of its own: no 南京/福州 district invented
    assert identify("鼓楼区", HUNAN) is None
    assert identify("鼓楼区教育局", HUNAN) is None
    # a name only one division has stays that division, wherever it is printed
    assert identify("台江区财政局", HUNAN).canonical == "福州市台江区财政局"
    # a national text keeps the table's reading (no publication's place to read it in)
    assert identify("鼓楼区", NATIONAL) is not None


def test_place_in_reads_a_chain_as_printed():
    d = divisions.place_in("南京市鼓楼区", FUZHOU)  # printed with its city: that city's, wherever read
    assert d is not None and d.code.startswith("3201")
    assert divisions.place_in("鼓楼区", FUZHOU).code.startswith("3501")


# ---------------------------------------------------------------- 州 not doubled


def test_the_prefectures_level_word_is_not_doubled():
    # 恩施 style: 州数据资源主管部门负责全州政务数据的统筹管理
    ident = identify("州数据资源主管部门", ENSHI)
    assert ident.canonical == "恩施土家族苗族自治州数据资源主管部门"
    assert "州州" not in identify("州财政局", ENSHI).canonical


def test_zhou_ji_is_a_word_and_stays():
    # 州级各部门 (the prefecture-level departments): 州级 is a word, not the level word before a body
    assert identify("州级各部门", ENSHI).canonical == "恩施土家族苗族自治州州级各部门"
    # a city's text has no 州 level word to drop
    assert not identify("州财政局", NANJING).canonical.startswith("南京市财政局")


# ---------------------------------------------------------------- classes as printed

HUNAN_NOTICE = """湖南省人民政府办公厅关于印发《湖南省数字政府建设实施方案》的通知

各市州人民政府，省政府各委、办、厅、局，各直属机构：
《湖南省数字政府建设实施方案》已经省人民政府同意，现印发给你们，请认真贯彻执行。
省政府各部门要按照职责分工抓好落实。

湖南省人民政府办公厅
2023年5月8日
"""


def test_a_collectives_classes_stay_in_its_name(tmp_path):
    (tmp_path / "hn.txt").write_text(HUNAN_NOTICE, encoding="utf-8")
    corpus = extract_all([tmp_path / "hn.txt"]).corpus
    names = {o.identity.key: o.identity.canonical for o in corpus.orgs.values()}
    assert names.get("湖南省/各部门") == "湖南省人民政府各委、办、厅、局", names
    # 省政府各部门 is the same collective: one node, no second one
    assert sum(1 for k in names if k.endswith("各部门")) == 1, names


def test_printed_classes_only_for_a_list_of_classes():
    assert printed_classes("区局机关各部、处、室、局") == "各部、处、室、局"
    assert printed_classes("省政府各部门") == ""
    assert printed_classes("各委员会") == ""


# ---------------------------------------------------------------- verbs as data


def test_modal_verbs_come_from_their_table():
    modals = {w for w, role in data.rows("modal_verbs.tsv") if role == "modal"}
    assert {"要", "应当"} <= modals
    # 江苏 style: 各设区市政府要对照目标 is a clause, 市政府应急管理办公室 a name
    assert OVER_MODAL.search("各设区市政府要对照目标")
    assert not OVER_MODAL.search("市政府应急管理办公室")
    assert not OVER_MODAL.search("省委要求")  # 要求 is no modal
    assert identify("市政府应急管理办公室", NANJING) is not None


def test_lead_verbs_come_from_their_table():
    assert LEAD_VERBS == data.words("lead_verbs.tsv")
    assert without_lead_verb("报送至市发展改革委") == "市发展改革委"
    assert without_lead_verb("牵头单位") == "牵头单位"  # a role word stays


# ---------------------------------------------------------------- 所在地/各地 departments of a national text


def test_local_departments_of_a_national_text_are_no_state_council_organs():
    # 人社部 style: 经所在地人力资源社会保障部门审核 / 各地财政部门要…
    ident = identify("所在地人力资源社会保障部门", NATIONAL)
    assert (ident.canonical, ident.kind) == ("地方各级人力资源社会保障部门", "collective")
    assert identify("各地财政部门", NATIONAL).canonical == "地方各级财政部门"
    assert not identify("各地各有关部门", NATIONAL).canonical.startswith("国务院")


def test_the_state_councils_own_departments_stay_its_own():
    assert identify("各有关部门", NATIONAL).canonical == "国务院各有关部门"
    # a provincial text's 各地财政部门 stays the province's
    assert identify("各地财政部门", HUNAN).canonical.startswith("湖南省")


# ---------------------------------------------------------------- townships and schools


def test_a_street_named_after_an_old_town_is_a_township():
    # 遵义/江苏 style: 老城街道, 新城街道 (城 before 街道 is part of the street's name)
    zunyi = lookup("遵义市红花岗区")
    street = identify("老城街道", zunyi)
    assert (street.canonical, street.level) == ("遵义市红花岗区老城街道办事处", "township")
    assert identify("新城街道办事处", NANJING).level == "township"
    # a national text's street has no place to print
    assert identify("老城街道", NATIONAL).canonical == "老城街道办事处"


def test_town_words_are_no_township():
    # 城镇 (towns and cities) is a word: the 城 rule is the street's alone
    assert identify("城镇", NANJING).level != "township"


def test_a_schools_place_is_part_of_its_name():
    # 贵州/湖南 style: 遵义医科大学附属医院, 湘潭大学 (no organ of 遵义市 or 湘潭市)
    ident = identify("遵义医科大学附属医院", lookup("遵义市"))
    assert ident.canonical == "遵义医科大学附属医院"
    # an organ of the city printed with the short place keeps the city's full name
    assert identify("遵义市第一人民医院", lookup("遵义市")).canonical == "遵义市第一人民医院"
    assert identify("湘潭市教育局", HUNAN).canonical == "湘潭市教育局"


# ---------------------------------------------------------------- a bureau's own units, a place's co-op

HUNAN_BUREAU = """湖南省市场监督管理局关于加强信息报送工作的通知

各市州市场监督管理局，局机关各处室，各直属单位：
为做好信息报送工作，现就有关事项通知如下。
一、全系统各单位要明确专人负责信息报送。
二、各单位于每月5日前报送上月信息。

湖南省市场监督管理局
2023年4月6日
"""

HUNAN_GOVERNMENT = """湖南省人民政府办公厅关于加强信息报送工作的通知

各市州人民政府，省政府各厅委、各直属机构，各直属单位：
各单位于每月5日前报送上月信息。

湖南省人民政府办公厅
2023年4月6日
"""


def _names(tmp_path, text: str) -> set[str]:
    (tmp_path / "t.txt").write_text(text, encoding="utf-8")
    return {o.identity.canonical for o in extract_all([tmp_path / "t.txt"]).corpus.orgs.values()}


def test_a_bureaus_own_units_are_its_own(tmp_path):
    names = _names(tmp_path, HUNAN_BUREAU)
    assert "湖南省市场监督管理局各直属单位" in names, names
    assert "湖南省市场监督管理系统各单位" in names, names
    assert "湖南省各直属单位" not in names


def test_a_governments_units_stay_the_governments(tmp_path):
    names = _names(tmp_path, HUNAN_GOVERNMENT)
    assert "湖南省各直属单位" in names, names
    assert not any("系统各单位" in n or "局各直属单位" in n for n in names), names


def test_a_places_supply_and_marketing_cooperative_is_its_federation():
    # 江西/湖南 style: 县供销社 = 县供销合作社联合社 (one node), a 基层供销社 is no federation
    county = lookup("开阳县")
    ident = identify("县供销社", county)
    assert ident.canonical == "开阳县供销合作社联合社"
    assert identify("开阳县供销合作社联合社", lookup("贵阳市")).key == ident.key
    assert identify("省供销社", HUNAN).canonical == "湖南省供销合作社联合社"
    assert identify("基层供销社", county).canonical != ident.canonical


# ---------------------------------------------------------------- national-level new areas


def test_a_national_new_area_has_its_official_name_wherever_printed():
    # 湖南/四川 style: 支持湘江新区建设, 天府新区管委会 (one node under the province, whoever prints it)
    ident = identify("湘江新区", lookup("长沙市"))
    assert (ident.canonical, ident.kind) == ("湖南湘江新区管理委员会", "government")
    assert identify("湘江新区管委会", HUNAN).key == ident.key
    assert identify("湘江新区", NATIONAL).key == ident.key
    assert identify("天府新区", lookup("成都市")).canonical == "四川天府新区管理委员会"


def test_a_new_area_of_no_national_rank_stays_the_citys():
    # 嵊州's 城南新区 is a city's zone: its committee carries the city's short name
    ident = identify("城南新区", lookup("嵊州市"))
    assert ident.canonical == "嵊州城南新区管理委员会" and ident.key.startswith("嵊州市")


def test_a_national_new_area_opening_with_its_citys_name_is_the_area():
    # 福州新区, 大连金普新区管委会: the city short name opens the area's own name, no organ of the city
    ident = identify("福州新区", FUJIAN)
    assert (ident.canonical, ident.kind) == ("福州新区管理委员会", "government")
    assert ident.key == identify("福州新区管委会", FUZHOU).key
    office = identify("大连金普新区管委会办公室", lookup("辽宁省"))
    assert office.canonical == "大连金普新区管理委员会办公室" and office.parent.endswith("金普新区")
    # a city's 新区 of no national rank is no such area
    assert identify("福州高新区", FUZHOU).canonical != "福州新区管理委员会"
