"""identify() and find_orgs() on real sentences from the sample publications."""

from pathlib import Path

from kg.divisions import lookup
from kg.extract.orgs import find_orgs
from kg.models import Jurisdiction
from kg.orgs import identify

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
KEQIAO, SHENGZHOU, NATIONAL = lookup("柯桥区"), lookup("嵊州市"), lookup("国家")


def test_district_and_county_city_prefix_rule():
    a = identify("区建设局", KEQIAO)
    assert a.key == "绍兴市柯桥区/住房和城乡建设局" and a.canonical == "绍兴市柯桥区住房和城乡建设局"
    assert identify("建设局", KEQIAO).key == a.key
    assert identify("柯桥区住建局", KEQIAO).key == a.key
    assert identify("市建设局", KEQIAO).key == "绍兴市/住房和城乡建设局"
    b = identify("市建设局", SHENGZHOU)
    assert b.key == "嵊州市/住房和城乡建设局" and b.key != a.key
    assert identify("绍兴市机关事务管理局", SHENGZHOU).key.startswith("绍兴市/")
    assert identify("省财政厅", KEQIAO).canonical == "浙江省财政厅"


def test_abbreviations_and_branches():
    assert identify("区发改局", KEQIAO).canonical == "绍兴市柯桥区发展和改革局"
    assert identify("区人力社保局", KEQIAO).key == identify("区人社局", KEQIAO).key
    assert identify("区府办", KEQIAO).canonical == "绍兴市柯桥区人民政府办公室"
    assert identify("省府办", KEQIAO).canonical == "浙江省人民政府办公厅"
    assert identify("区委", KEQIAO).canonical == "中国共产党绍兴市柯桥区委员会"
    assert identify("区自然资源分局", KEQIAO).canonical == "绍兴市自然资源和规划局柯桥分局"
    assert identify("区公安分局", KEQIAO).canonical == "绍兴市公安局柯桥区分局"
    assert identify("区税务局", KEQIAO).canonical == "国家税务总局绍兴市柯桥区税务局"
    assert identify("人力资源社会保障部", NATIONAL).canonical == "中华人民共和国人力资源和社会保障部"
    assert identify("人民银行", NATIONAL).canonical == "中国人民银行"
    assert identify("银保监会", NATIONAL).canonical == "中国银行保险监督管理委员会"
    assert identify("市场监管总局", NATIONAL).canonical == "国家市场监督管理总局"


def test_collectives_keyed_per_jurisdiction():
    a = identify("各镇〔街道、开发区〕", KEQIAO)
    assert a.kind == "collective" and a.key == "绍兴市柯桥区/各镇（街道、开发区）"
    assert identify("属地镇（街道）", KEQIAO).key == identify("各镇（街道）", KEQIAO).key


def test_city_no_table_lists():
    where = Jurisdiction(("青山市",), "prefecture")
    a = identify("市建设局", where)
    assert a.key == "青山市/住房和城乡建设局" and a.canonical == "青山市住房和城乡建设局"
    assert identify("青山市建设局", where).key == a.key


def test_not_organisations():
    for s in ("局长", "全区", "单位"):
        assert identify(s, KEQIAO) is None


def surfaces(text: str) -> list[str]:
    return [m.name for m in find_orgs(text)]


def test_find_orgs_list_in_running_text():
    text = (SAMPLES / "000_d74bb4acde02e188.txt").read_text(encoding="utf-8")
    i = text.index("区自然资源分局、建设局")
    found = surfaces(text[i : i + 120])
    for want in ("区自然资源分局", "区建设局", "区发改局", "区公安分局", "区税务局"):
        assert want in found


def test_find_orgs_real_sentences_no_fragments():
    s = "区建设局局长出席会议，部署中心城区工作。全区各镇（街道）要落实。"
    assert surfaces(s) == ["区建设局", "各镇（街道）"]
    s = "（财政部、工业和信息化部、人民银行、银保监会负责）"
    assert surfaces(s) == ["财政部", "工业和信息化部", "人民银行", "银保监会"]
    s = "2022年，区外事办将继续围绕区委、区政府中心工作，坚持交流与防疫并重"
    assert surfaces(s)[:3] == ["区外事办", "区委", "区政府"]


def test_find_orgs_offsets_point_at_surface():
    text = (SAMPLES / "001_baa82a02c22cd2c2.txt").read_text(encoding="utf-8")
    ms = find_orgs(text[:20000])
    assert ms and all(text[m.start : m.end] == m.surface for m in ms)


def test_bare_townships_zones_and_national_organs():
    text = "项目竞赛（镇〔街道、开发区〕）：柯桥经开区、鉴湖度假区、马鞍街道、齐贤街道、稽东镇人民政府"
    names = [m.name for m in find_orgs(text)]
    assert names[:5] == ["柯桥经开区", "鉴湖度假区", "马鞍街道", "齐贤街道", "稽东镇人民政府"]
    assert identify("柯桥经开区", KEQIAO).canonical == "绍兴柯桥经济技术开发区管理委员会"
    assert identify("鉴湖度假区建设处", KEQIAO).canonical == "绍兴鉴湖旅游度假区管理委员会建设处"
    assert identify("稽东镇", KEQIAO).key == identify("稽东镇人民政府", KEQIAO).key
    assert not [m for m in find_orgs("推进小城镇建设和特色小镇、重点镇") if m.name.endswith("镇")]
    found = [
        m.name for m in find_orgs("将继续贯彻落实党中央、国务院关于政务公开，根据财政部、住房和城乡建设部《")
    ]
    assert found == ["党中央", "国务院", "财政部", "住房和城乡建设部"]


def test_titles_of_people_and_repeated_prefix_end_a_name():
    text = "省财政厅厅长徐建省人力资源和社会保障厅厅长，省委省政府高度重视"
    assert [m.name for m in find_orgs(text)] == ["省财政厅", "省人力资源和社会保障厅", "省委", "省政府"]


def test_defined_short_forms_and_abbreviated_offices():
    text = "区土地和房屋征收工作办公室（以下简称区房屋征收部门）负责。区房屋征收部门召集区征收办"
    ms = find_orgs(text)
    assert {m.name for m in ms} == {"区土地和房屋征收工作办公室"}
    assert [m.surface for m in ms] == [
        "区土地和房屋征收工作办公室",
        "区房屋征收部门",
        "区房屋征收部门",
        "区征收办",
    ]


def test_collective_variants_share_a_key():
    anhui, guizhou = lookup("安徽省"), lookup("贵州省")
    assert identify("各市政府", anhui).key == identify("各市人民政府", anhui).key
    assert identify("各市（州）", guizhou).key == identify("各市（州）人民政府", guizhou).key
    a = identify("各镇人民政府（街道办事处、开发区管委会）", KEQIAO)
    assert a.key == identify("各镇（街道、开发区）", KEQIAO).key
    assert identify("区政府各部门（单位）", KEQIAO).key == identify("各部门（单位）", KEQIAO).key
    assert identify("乡镇街道", SHENGZHOU).key == identify("各乡镇（街道）", SHENGZHOU).key
    assert identify("各直属机构", anhui).canonical == "安徽省人民政府各直属机构"
    assert identify("国务院各直属机构", NATIONAL).key == identify("各直属机构", NATIONAL).key
    assert identify("相关部门", SHENGZHOU).canonical == "嵊州市相关部门"


def test_key_normalisation_of_companies_bureaus_and_party_groups():
    baotou, anhui = lookup("包头市"), lookup("安徽省")
    assert identify("区人武部", KEQIAO).key == "绍兴市柯桥区/人民武装部"
    assert identify("市民政局", baotou).canonical == "包头市民政局"
    assert identify("市文旅局", baotou).key == identify("市文旅广电局", baotou).key
    assert identify("教体部门", SHENGZHOU).key == identify("教体局", SHENGZHOU).key
    assert identify("省投资集团", anhui).key == identify("省投资集团控股有限公司", anhui).key
    assert identify("省铁塔公司", anhui).key == identify("省铁塔分公司", anhui).key
    assert identify("马钢（集团）控股有限公司", anhui).canonical == "马钢（集团）控股有限公司"
    assert identify("柯桥水务集团", KEQIAO).canonical == "绍兴市柯桥区水务集团有限公司"
    assert identify("区府办党组", KEQIAO).canonical == "中共绍兴市柯桥区人民政府办公室党组"
    assert identify("公安", baotou).key == identify("市公安局", baotou).key
    assert identify("牵头考核单位", baotou).key == identify("各牵头考核单位", baotou).key
    assert not [m for m in find_orgs("推行乡镇便民服务中心、综合性文化服务中心。") if m.name.endswith("中心")]
