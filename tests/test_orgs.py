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
