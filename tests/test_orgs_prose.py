"""Organisations named in yearbook / gazette prose of places the samples do not cover: each test text
is written the way a 河南, 江苏 or 四川 publication prints it, and fails without the rule it names."""

from kg.build import extract_all
from kg.divisions import lookup
from kg.extract.org_mentions import find_orgs
from kg.resolve.org_identity import identify

GUSHI, KUNSHAN, YIBIN = lookup("固始县"), lookup("昆山市"), lookup("宜宾市")
JIANGSU, NATIONAL = lookup("江苏省"), lookup("国家")


def names(text: str) -> list[str]:
    return [m.name for m in find_orgs(text)]


def test_a_shorter_name_when_the_longest_run_is_no_name():
    # 县中医院老院区社会办 ends in 办 but is no organisation: the hospital is
    assert names("会议审议了关于县中医院老院区社会办医招租情况的汇报。") == ["县中医院"]
    assert "自治区政府" in names("积极对接自治区政府统一协同办公业务平台，推动市、区互联互通。")
    # a common word in 中心 gives no fallback (紧扣中心大局, 综合性科技创新中心)
    assert names("紧扣中心大局，建设综合性科技创新中心，进一步促进发展。") == []


def test_hospitals_are_public_institutions_and_take_the_list_prefix():
    got = names("县人民医院、中医院和妇幼保健院负责救治工作。")
    assert got == ["县人民医院", "县中医院", "县妇幼保健院"]
    a = identify("县人民医院", GUSHI)
    assert a.canonical == "固始县人民医院" and a.kind == "public_institution"
    assert names("深化公立医院改革，定点医院要做好收治准备。") == []  # kinds of hospital, no unit


def test_central_organs_inside_a_clause():
    assert names("工作紧扣中共中央总书记习近平在全国信访工作会议上的讲话精神") == ["中共中央"]
    assert names("认真学习国务院总理所作政府工作报告") == ["国务院"]


def test_congress_and_cppcc_of_a_level_and_its_standing_committee():
    got = names("办理县级人大代表建议120件、县级政协提案98件。")
    assert got == ["县级人大", "县级政协"]
    assert identify("县级人大", GUSHI).key == identify("县人大", GUSHI).key == "固始县/人民代表大会"
    assert identify("县级政协", GUSHI).canonical == "中国人民政治协商会议固始县委员会"
    found = find_orgs("自觉接受市人大及其常委会的法律监督和市政协的民主监督。")
    assert [(m.surface, m.name) for m in found] == [
        ("市人大", "市人大"),
        ("其常委会", "市人大常委会"),
        ("市政协", "市政协"),
    ]
    assert identify("市人大常委会", YIBIN).canonical == "宜宾市人民代表大会常务委员会"


def test_a_zone_acting_with_a_modal_verb():
    assert names("会议要求，城东新区要切实履行主体责任，抓好项目落地。") == ["城东新区"]
    assert names("湖滨街道应急管理能力进一步提升") == []  # 应急 is no modal verb


def test_state_company_short_forms_share_one_key_and_take_the_registered_tail():
    a, b = identify("城投", KUNSHAN), identify("市城投集团", KUNSHAN)
    assert a.key == b.key == "昆山市/城市建设投资集团"
    assert a.canonical == "昆山市城市建设投资集团有限公司"
    c = identify("市交投集团项目管理部", KUNSHAN)
    assert c.key == "昆山市/交通投资集团项目管理部"


def test_reform_names_of_bureaus_and_collectives_of_a_level():
    assert identify("区文旅局", lookup("顺德区")).canonical == "佛山市顺德区文化广电旅游局"
    assert identify("市文广旅体局", KUNSHAN).canonical == "昆山市文化广电旅游体育局"
    assert identify("省政务办", JIANGSU).canonical == "江苏省政务服务管理办公室"
    assert identify("县市监局", GUSHI).key == identify("县市场监管局", GUSHI).key
    a = identify("省各委办厅局", JIANGSU)
    assert a.kind == "collective" and a.canonical == "江苏省各委办厅局"
    assert identify("地方", NATIONAL).key == identify("地方各级人民政府", NATIONAL).key


def test_a_full_printed_name_is_the_canonical_name(tmp_path):
    text = (
        "宜宾市人民政府办公室关于做好文化旅游工作的通知\n"
        "各区县人民政府，市级各部门：\n"
        "一、加快项目建设。（牵头单位：市文旅局；责任单位：市财政局）\n"
        "二、宜宾市文化旅游广电局要会同市财政局做好资金保障。\n"
        "三、支持市投资集团发展。何某某 宜宾市投资集团控股有限公司董事长\n"
    )
    (tmp_path / "yb.txt").write_text(text, encoding="utf-8")
    corpus = extract_all([tmp_path / "yb.txt"]).corpus
    canon = {o.identity.key: o.identity.canonical for o in corpus.orgs.values()}
    assert canon["宜宾市/文化和旅游局"] == "宜宾市文化旅游广电局"  # printed, not our expansion of 文旅局
    assert canon["宜宾市/投资集团"] == "宜宾市投资集团控股有限公司"
    assert canon["宜宾市/财政局"] == "宜宾市财政局"
