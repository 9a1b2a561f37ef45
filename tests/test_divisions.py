"""Administrative divisions and a publication's jurisdiction."""

from pathlib import Path

from kg.divisions import jurisdiction_of, lookup, place_prefix

SAMPLES = Path(__file__).resolve().parent.parent / "samples"


def test_lookup_full_short_and_chained():
    want = ("浙江省", "绍兴市", "绍兴市柯桥区")
    assert lookup("柯桥区").chain == want
    assert lookup("绍兴市柯桥区").chain == want
    assert lookup("柯桥").chain == want
    assert lookup("嵊州市").chain == ("浙江省", "绍兴市", "嵊州市")
    assert lookup("内蒙古").chain == ("内蒙古自治区",)
    assert lookup("不存在的地方") is None


def test_jurisdiction_of_issuers_and_titles():
    assert jurisdiction_of("绍兴市柯桥区人民政府公报").chain == ("浙江省", "绍兴市", "绍兴市柯桥区")
    assert jurisdiction_of("国务院关于做好当前和今后一个时期促进就业工作的若干意见").level == "national"
    assert jurisdiction_of("", ["安徽省人民政府办公厅"]).chain == ("安徽省",)
    assert jurisdiction_of("", ["嵊州市人民政府"]).chain == ("浙江省", "绍兴市", "嵊州市")


def test_unknown_city_keeps_its_printed_name():
    j = jurisdiction_of("青山市人民政府办公室关于印发某方案的通知")
    assert j.chain == ("青山市",) and j.level == "prefecture"


def test_yearbook_without_header_uses_most_named_place():
    text = (SAMPLES / "004_a7506ae82e06fd0a.txt").read_text(encoding="utf-8")
    assert jurisdiction_of(text).name == "嵊州市"


def test_place_prefix():
    assert place_prefix("柯桥区住建局") == "柯桥区"
    assert place_prefix("安徽银保监局") == "安徽"
    assert place_prefix("公安分局") == ""  # 公安县's short name is a common word
    assert place_prefix("市场监管局") == ""


def test_banner_short_names():
    j = lookup("达茂旗")
    assert j is not None and j.name == "达尔罕茂明安联合旗" and j.level == "county"
    assert place_prefix("达茂旗人民政府") == "达茂旗"
    assert lookup("包头市达茂旗") == j
