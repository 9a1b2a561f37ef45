"""A list of places sharing ONE organ suffix printed after the last item (光山县、商城县、新县人民政府):
every earlier bare place name takes that suffix, the mirror of the shared prefix of 区发改局、财政局.
A list of levels with a count (省、市、县三级人民政府) is one collective. Each text is written the way a
河南, 广东, 江苏 or 四川 publication prints it, and fails without the rule it names."""

from kg.build import extract_all
from kg.divisions import lookup
from kg.extract.org_mentions import find_orgs
from kg.resolve.org_identity import identify

XINYANG, GUANGDONG, NANJING, HENAN = lookup("信阳市"), lookup("广东省"), lookup("南京市"), lookup("河南省")


def names(text: str) -> list[str]:
    return [m.name for m in find_orgs(text)]


def test_places_before_the_last_item_take_its_organ_suffix():
    text = "光山县、商城县、新县人民政府要于2024年6月底前完成辖区内农村公路安全隐患排查。"
    assert names(text) == ["光山县人民政府", "商城县人民政府", "新县人民政府"]
    keys = [identify(n, XINYANG).key for n in names(text)]
    assert keys == ["光山县/人民政府", "商城县/人民政府", "新县/人民政府"]
    # the surfaces are the printed items, at their places in the text
    first = find_orgs(text)[0]
    assert (first.surface, text[first.start : first.end]) == ("光山县", "光山县")


def test_a_department_suffix_and_short_city_names():
    # a 广东 provincial plan: 广州、深圳 are short names of the cities written out as 珠海市
    text = "支持广州、深圳、珠海市发展改革委牵头开展跨境数据流动试点。"
    assert names(text) == ["广州市发展改革委", "深圳市发展改革委", "珠海市发展改革委"]
    assert identify(names(text)[0], GUANGDONG).key == "广州市/发展和改革委员会"


def test_places_joined_by_he_or_ji():
    assert names("鼓楼区和玄武区人民政府要加强协调配合。") == ["鼓楼区人民政府", "玄武区人民政府"]
    assert names("请秦淮区及建邺区教育局于3月底前报送方案。") == ["秦淮区教育局", "建邺区教育局"]
    assert identify("鼓楼区人民政府", NANJING).key == "南京市鼓楼区/人民政府"

    # no suffix for an earlier item that is a unit of its own or no place; 各旗县区人民政府 is one
    # collective
    assert names("由市人社局、商城县人民政府负责。") == ["市人社局", "商城县人民政府"]
    assert names("各旗县区人民政府要抓好落实。") == ["各旗县区人民政府"]
    assert names("加快交通、水利、新县人民政府项目建设。")[-1:] == ["新县人民政府"]
    assert "交通人民政府" not in names("加快交通、水利、新县人民政府项目建设。")


def test_a_list_of_levels_with_a_count_is_one_collective():
    text = "省、市、县三级人民政府要把就业工作摆上重要议事日程。"
    assert names(text) == ["省、市、县三级人民政府"]
    a = identify("省、市、县三级人民政府", GUANGDONG)
    assert (a.key, a.kind) == ("广东省/省市县三级人民政府", "collective")
    assert identify("市县两级政府", HENAN).key == identify("市、县两级人民政府", HENAN).key


SICHUAN_NOTICE = """成都市人民政府办公厅
关于做好2024年防汛工作的通知

各区（市）县人民政府，市政府各部门：
一、压实责任。锦江区、青羊区、金牛区人民政府要落实属地责任，组织开展隐患排查。
二、加强保障。市财政局要及时下达防汛资金。
"""


def test_a_notice_credits_every_district_of_the_list(tmp_path):
    (tmp_path / "sc.txt").write_text(SICHUAN_NOTICE, encoding="utf-8")
    corpus = extract_all([tmp_path / "sc.txt"]).corpus
    keys = {o.identity.key for o in corpus.orgs.values()}
    assert {"成都市锦江区/人民政府", "成都市青羊区/人民政府", "成都市金牛区/人民政府"} <= keys


def test_ge_over_a_list_of_levels_is_one_collective():
    # an addressee line: 各 spreads over the levels, not 旗人民政府, 县人民政府 (the city's own)
    text = "各县、区人民政府，市政府各部门、各直属机构：\n现将《实施方案》印发给你们。"
    assert names(text)[0] == "各县、区人民政府"
    a = identify("各县、区人民政府", XINYANG)
    assert a.kind == "collective" and a.key == identify("各县区人民政府", XINYANG).key
