"""Short forms of units in 责任单位 tables and prose of places the samples do not cover: function-named
bureaus (县自规, 县住建), banners of Inner Mongolia (伊旗, 准旗), development zones after a place name
(郑州经开区), the government's 督查机构. Each test text is written the way a 河南, 内蒙古, 江苏 or 浙江
publication prints it, and fails without the rule it names."""

from kg.build import extract_all
from kg.divisions import lookup
from kg.extract.org_mentions import find_orgs
from kg.resolve.org_identity import identify

XINXIAN, ORDOS, ZHENGZHOU, NANTONG = lookup("新县"), lookup("鄂尔多斯市"), lookup("郑州市"), lookup("南通市")
HENAN, NINGBO = lookup("河南省"), lookup("宁波市")


def names(text: str) -> list[str]:
    return [m.name for m in find_orgs(text)]


HENAN_TABLE = """新县人民政府办公室
关于印发新县农村人居环境整治提升行动方案的通知

各乡镇人民政府、街道办事处，县政府各部门：
现将《新县农村人居环境整治提升行动方案》印发给你们，请认真贯彻执行。

一、重点任务
（一）加强规划管控。严格落实国土空间规划，有序开展村庄规划编制。（责任单位：县自规、县住建）
（二）推进农房整治。开展农村危房改造和抗震改造。（责任单位：县住建、县发改、县财政）
（三）强化就业帮扶。组织农村劳动力技能培训。（责任单位：县人社、县经信）
（四）规范市场秩序。开展农村集贸市场整治。（责任单位：县市监、县商务）
（五）做好用地保障。县自然资源和规划局要优先保障项目用地。

新县人民政府办公室
2023年3月1日
"""


def test_function_named_short_forms_in_a_table_are_the_county_bureaus(tmp_path):
    (tmp_path / "xx.txt").write_text(HENAN_TABLE, encoding="utf-8")
    corpus = extract_all([tmp_path / "xx.txt"]).corpus
    canon = {o.identity.key: o.identity.canonical for o in corpus.orgs.values()}
    # 县自规 and the full name printed in prose are one bureau, not a node of its own
    assert canon["新县/自然资源和规划局"] == "新县自然资源和规划局"
    assert not any("自规" in k for k in canon)
    for key in (
        "住房和城乡建设局",
        "发展和改革局",
        "人力资源和社会保障局",
        "经济和信息化局",
        "市场监督管理局",
    ):
        assert "新县/" + key in canon
    assert all(o.identity.kind != "other" for o in corpus.orgs.values())


def test_short_forms_of_the_2018_bureaus():
    full = identify("市自然资源和规划局", NINGBO).key
    assert identify("市资规局", NINGBO).key == identify("自规", NINGBO).key == full
    assert identify("市规资局", NINGBO).canonical == "宁波市规划和自然资源局"
    assert identify("省投促局", HENAN).key == identify("省投资促进局", HENAN).key
    assert identify("省市监局", HENAN).key == identify("省市场监管局", HENAN).key == "河南省/市场监督管理局"
    assert identify("省人防办", HENAN).canonical == "河南省人民防空办公室"
    # a table cell 市监 in a county's text is 市场监管, the county's bureau (no 市 + 监)
    assert identify("市监", XINXIAN).key == identify("县市场监管局", XINXIAN).key == "新县/市场监督管理局"


def test_the_governments_inspection_office_is_a_unit():
    # 《政府督查工作条例》: 督查机构; the closing paragraph of a provincial plan
    text = "省政府督查机构要将重点任务落实情况纳入督查范围，适时开展专项督查。"
    assert names(text) == ["省政府督查机构"]
    a = identify("省政府督查机构", HENAN)
    assert a.key == "河南省/人民政府督查机构" and a.parent == "河南省/人民政府"


def test_banner_short_forms_are_their_governments():
    a = identify("伊旗", ORDOS)
    assert a.key == identify("伊金霍洛旗人民政府", ORDOS).key == "伊金霍洛旗/人民政府"
    assert identify("准旗政府", ORDOS).canonical == "准格尔旗人民政府"
    assert identify("鄂温克旗", lookup("呼伦贝尔市")).canonical == "鄂温克族自治旗人民政府"
    assert identify("乌前旗发改委", lookup("巴彦淖尔市")).key == "乌拉特前旗/发展和改革委员会"
    assert names("交由伊旗牵头落实，达旗配合。") == ["伊旗", "达旗"]


def test_a_place_before_a_list_comma_is_no_shared_prefix():
    # 省、市有关部门 shares 有关部门; in 伊旗、准旗人民政府 the 旗 ends a place: no 旗人民政府 (which would
    # be read as the city's own government); the place before the comma takes the organ suffix instead
    assert names("伊旗、准旗人民政府要抓好落实。") == ["伊旗人民政府", "准旗人民政府"]
    assert names("固始县、光山县政府要抓好落实。") == ["固始县政府", "光山县政府"]
    assert names("郑州航空港区、郑州经开区要率先突破。") == ["郑州经开区"]
    assert names("会同省、市有关部门研究解决。") == ["省有关部门", "市有关部门"]


def test_a_zone_after_a_place_name_is_that_places_zone():
    # a 郑州 text names its zone 郑州经开区, 市经开区 and bare 经开区: one committee
    keys = {identify(s, ZHENGZHOU).key for s in ("郑州经开区", "市经开区", "经开区", "经开区管委会")}
    assert keys == {"郑州市/郑州经济技术开发区"}
    assert identify("高新区", ZHENGZHOU).canonical == "郑州高新技术产业开发区管理委员会"
    # the name starts at the place, not at the verb before it (鼓励南通高新区)
    assert names("鼓励南通高新区、苏州工业园区先行先试。")[0] == "南通高新区"
    assert identify("南通高新区", NANTONG).key == identify("市高新区", NANTONG).key


def test_urban_and_rural_after_a_prefix_is_no_township():
    # a 河南 county title and prose: 新县 + 城乡 (urban and rural), not a township 城乡 of 新县
    assert names("关于印发新县城乡人居环境整治提升行动方案的通知") == []
    assert names("统筹县城乡居民基本养老保险，推进新县城镇化建设。") == []
    assert names("由县古城乡人民政府负责。") == ["县古城乡人民政府"]  # a township named 古城


def test_a_zone_committee_printed_without_its_place():
    # a 郑州 or 嵊州 text: 高新区管委会 / 经济开发区管理委员会 with no head is the place's own zone
    assert names("由高新区管委会负责，经开区管委会配合。") == ["高新区管委会", "经开区管委会"]
    assert identify("高新区管委会", ZHENGZHOU).key == identify("郑州高新区", ZHENGZHOU).key
    shengzhou = lookup("嵊州市")
    assert names("嵊州经济开发区管委会负责招商。") == ["嵊州经济开发区管委会"]  # 嵊州: a place, not 各州
    assert identify("经济开发区管理委员会", shengzhou).key == identify("嵊州经济开发区管委会", shengzhou).key
