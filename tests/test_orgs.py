"""identify() and find_orgs() on real sentences from the sample publications."""

from pathlib import Path

from kg.divisions import lookup
from kg.extract.org_mentions import find_orgs
from kg.models import Jurisdiction
from kg.resolve.org_identity import identify

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


def test_a_joint_signature_run_on_is_two_names_where_the_place_repeats():
    """A 湖南-style joint signature a crawl ran onto one line: the second issuer repeats the first's
    place, so no name runs on over it; a place printed twice inside one name still reads as one."""
    text = "永州市人民政府永州市人民武装部2023年3月1日"
    assert [m.name for m in find_orgs(text)] == ["永州市人民政府", "永州市人民武装部"]
    text = "由永州市永州经济技术开发区管理委员会、永州市人民政府办公室负责"
    assert [m.surface for m in find_orgs(text)] == [
        "永州市永州经济技术开发区管理委员会",
        "永州市人民政府办公室",
    ]


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


def test_names_inside_titles_are_not_mentions_but_their_issuers_are():
    # 000: 根据《中华人民共和国城乡规划法》; 001: 《浙江省物价局 浙江省财政厅 …关于…》; 004: 《…会议纪要》
    assert surfaces("根据《中华人民共和国城乡规划法》规定") == []
    got = surfaces(
        "按《浙江省物价局 浙江省财政厅 浙江省人民防空办公室关于规范和调整人防工程易地建设费的通知》"
    )
    assert got == ["浙江省物价局", "浙江省财政厅", "浙江省人民防空办公室"]
    assert surfaces("根据《中共嵊州市委财经工作领导小组会议纪要》精神") == ["中共嵊州市委财经工作领导小组"]


def test_bare_fields_of_work_listed_before_deng_bumen():
    text = "持部颁执法证人员1274人，主要为公安、财政、国土、交通、农林、市场监管、国税等部门人员。"
    found = find_orgs(text)
    assert [m.surface for m in found] == ["公安", "财政", "国土", "交通", "农林", "市场监管", "国税"]
    keys = [identify(m.name, SHENGZHOU).key for m in found]
    assert (
        keys[2] == "嵊州市/国土资源局" and keys[3] == "嵊州市/交通运输局" and keys[6] == "嵊州市/国家税务局"
    )
    assert surfaces("支持工青妇、残联、红十字会等组织开展工作") == ["残联", "红十字会"]
    # a list of topics, not of units: nothing
    assert surfaces("做好拆迁和征地、资金和房源等工作") == []


def test_bare_names_after_a_linking_word_and_split_lines():
    assert surfaces("与法院、检察院联合印发") == ["法院", "检察院"]
    assert surfaces("完成了对市综合执法局、法院、环保局等 10 多家单位") == ["市综合执法局", "法院", "环保局"]
    assert surfaces("区建设局，区财政局。") == ["区建设局", "区财政局"]  # 财政局 is not 政局
    got = [m.name for m in find_orgs("（牵头单位:省科技厅、省工业\n\n和信息化厅、省退役军人厅)")]
    assert got == ["省科技厅", "省工业和信息化厅", "省退役军人厅"]
    got = [m.name for m in find_orgs("各镇人民政府（街道办事处、开发区管委\n\n会），区政府各部门（单位）：")]
    assert got == ["各镇人民政府（街道办事处、开发区管委会）", "区政府各部门（单位）"]
    assert surfaces("收住宅货币补偿评估价格由各镇（街道）委托具有资质的评估机构") == ["各镇（街道）"]


def test_canonical_names_of_courts_branches_groups_and_collectives():
    baotou, anhui, guizhou = lookup("包头市"), lookup("安徽省"), lookup("贵州省")
    assert identify("省法院", guizhou).canonical == "贵州省高级人民法院"
    assert identify("市法院", lookup("绍兴市")).canonical == "绍兴市中级人民法院"
    assert identify("法院", SHENGZHOU).canonical == "嵊州市人民法院"
    assert identify("审计厅", baotou).canonical == "内蒙古自治区审计厅"  # a 厅 is the region's
    assert identify("贵阳海关", guizhou).canonical == "中华人民共和国贵阳海关"
    assert identify("北京证券交易所", guizhou).canonical == "北京证券交易所"
    assert identify("省铁塔公司", anhui).canonical == "中国铁塔股份有限公司安徽省分公司"
    assert identify("省移动公司", anhui).canonical == "中国移动通信集团安徽有限公司"
    assert identify("省电信公司", anhui).canonical == "中国电信股份有限公司安徽分公司"
    assert identify("省联通公司", anhui).kind == "enterprise"
    assert identify("柯桥供电分局", KEQIAO).canonical == "国网浙江省电力有限公司绍兴市柯桥区供电公司"
    # a leading group is named with the district's own name, as its founding notice does
    got = identify("区保障性租赁住房工作领导小组办公室", KEQIAO).canonical
    assert got == "柯桥区保障性租赁住房工作领导小组办公室"
    assert identify("区防控办", KEQIAO).canonical.startswith("绍兴市柯桥区")  # expanded: full name
    assert identify("各级政府", anhui).canonical == "安徽省各级人民政府"
    assert identify("各省级人民政府", NATIONAL).canonical == "各省、自治区、直辖市人民政府"
    assert identify("各省级人民政府", NATIONAL).key == identify("各省、自治区、直辖市人民政府", NATIONAL).key
    assert identify("各有关部门和单位", NATIONAL).canonical == "国务院各有关部门和单位"
    assert identify("地方政府", NATIONAL).key == identify("地方各级人民政府", NATIONAL).key
    assert identify("政府", NATIONAL) is None


def _names(text):
    return [m.name for m in find_orgs(text)]


def test_directly_affiliated_bodies_and_localities():
    # 安徽 09 addressee line; 国务院 02 addressee line
    assert "各直属机构" in _names("各市人民政府，省政府各部门，各直属机构：\n")
    assert "各直属机构" in _names("各省、自治区、直辖市人民政府，国务院各部委、各直属机构：")
    gz = lookup("贵州省")
    assert identify("各直属机构", gz).canonical == "贵州省人民政府各直属机构"
    # 各地 as acting localities (09, 11), not attributive (02 各地政府性融资担保基金) nor 全国各地
    assert "各地" in _names("各地要加大对工业互联网的财政支持力度")
    assert _names("各地、各有关部门要落实") == ["各地", "各有关部门"]
    assert "各地" not in _names("各地政府性融资担保基金应优先为符合条件的小微企业提供")
    assert "各地" not in _names("吸引全国各地客商")
    assert identify("各地", gz).key == "贵州省/各地"
    assert identify("各地", Jurisdiction((), "national")).canonical == "地方各级人民政府"


def test_military_and_armed_police():
    # 贵州 11 抄送 line
    gz = lookup("贵州省")
    names = _names("抄送:省纪委省监委,省委各部门,省军区,武警贵州省总队.")
    assert "省军区" in names and "武警贵州省总队" in names
    assert identify("省军区", gz).canonical == "贵州省军区"
    assert identify("武警贵州省总队", gz).canonical == "中国人民武装警察部队贵州省总队"
    assert "人民银行" in _names("鼓励我省地方法人银行争取人民银行普惠小微贷款余额增量")


def test_group_words_and_office_seat():
    sz = lookup("嵊州市")
    # 嵊州 yearbook 004; 安徽 09
    assert "城中村改造指挥部" in _names("会议认为,城中村改造指挥部提出的 2017 年城中村改造计划")
    assert identify("城中村改造指挥部", sz).canonical == "嵊州市城中村改造指挥部"
    assert "专项工作组办公室" in _names("专项工作组办公室设在省经济和信息化厅，牛弩韬同志兼任办公室主任。")


def test_bare_county_acting_and_banner_short_names():
    bt = lookup("包头市")
    # 包头 16 item 62
    assert "达茂旗" in _names("制定边境地区网络覆盖方案，按分工交由达茂旗牵头落实。")
    assert identify("达茂旗", bt).canonical == "达尔罕茂明安联合旗人民政府"
    assert identify("固阳县", bt).canonical == "固阳县人民政府"
    assert "达茂旗" not in _names("达茂旗是边境地区，网络覆盖方案已制定。")


def test_collective_printed_forms_and_qualifiers():
    bt, gz, sz = lookup("包头市"), lookup("贵州省"), lookup("嵊州市")
    assert identify("各旗县区", bt).canonical == "包头市各旗、县、区人民政府"
    assert identify("各市〔州〕", gz).canonical == "贵州省各市、自治州人民政府"
    assert identify("各乡镇", sz).canonical == "嵊州市各乡镇（街道）"
    assert identify("各民主党派省委", gz).canonical == "各民主党派贵州省委员会"
    assert identify("市委常委会", sz).canonical == "中国共产党嵊州市委员会常务委员会"
    # 嵊州 004 【市政府党组(扩大)会议】; 包头 16 各部门（包括牵头单位自身）
    assert identify("市政府党组(扩大)", sz).key == identify("市政府党组", sz).key
    assert identify("各部门（包括牵头单位自身）", bt).key == identify("各部门", bt).key
    # 包头 16 addressee line: one noun phrase
    assert "市直有关部门、单位" in _names("稀土高新区管委会，市直有关部门、单位：按照市政府")
    assert identify("市直有关部门、单位", bt).key == identify("市直有关部门", bt).key
    # 贵州 11: 各政府投资基金出资人 is a unit, 各政府 alone is not
    assert _names("(牵头单位:各政府投资基金出资人、出资人代表)") == [
        "各政府投资基金出资人",
        "各政府投资基金出资人代表",
    ]  # the head is shared
    # 安徽 09: a qualified 乡镇 is a kind of place
    assert "乡镇" not in _names("实现5G和千兆光网全面覆盖城市地区和有条件乡镇。")


def test_state_companies_and_list_prefix():
    gz, kq = lookup("贵州省"), lookup("绍兴市柯桥区")
    # 贵州 11
    assert _names("培育壮大一批骨干企业,支持磷化集团、盘江集团等大型国有企业打造千亿级企业.") == [
        "磷化集团",
        "盘江集团",
    ]
    assert identify("磷化集团", gz).kind == "enterprise"
    # 柯桥 001 先进单位 list: 区 distributed over 柯桥水务集团
    assert identify("区柯桥水务集团", kq).canonical == "绍兴市柯桥区水务集团有限公司"


def test_party_organs_are_of_kind_party():
    ident = identify("中共中央", None)
    assert ident is not None and ident.kind == "party" and ident.level == "national"
